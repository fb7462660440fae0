"""Hard constraints on plain facts: each passes, fails or is relaxed, and says its values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from matching.constraints import (
    ClientFacts,
    OfferFacts,
    OfferState,
    Relaxation,
    check_distance,
    check_education,
    check_hours,
    check_languages,
    check_licence,
    check_offer_state,
    check_physical,
    check_schedule,
    check_tutor,
)

OFFER = OfferFacts(
    id=1,
    kind="vacancy",
    company_id=1,
    sector="56",
    latitude=48.2082,
    longitude=16.3738,
    remote=False,
    hours_per_week=30,
    schedules=frozenset({"day"}),
    languages=(("de", "B2"),),
    min_isced=3,
    overqualification_ok=True,
    physical_demands=frozenset(),
    driving_licence=None,
    tutor_id=None,
)
CLIENT = ClientFacts(
    id=1,
    latitude=48.3069,
    longitude=14.2858,
    max_travel_km=20,
    hours_per_week=25,
    unavailable_schedules=frozenset(),
    isced_level=2,
    right_to_work="yes",
    driving_licences=frozenset({"CE"}),
    functional_limits=frozenset({"no_night_work"}),
    languages={"de": "B1"},
)
NONE = Relaxation()


def test_distance_states_the_kilometres_and_a_relaxation() -> None:
    far = check_distance(OFFER, CLIENT, NONE, None)
    assert not far.passed
    assert far.detail.startswith("15")
    assert far.detail.endswith("km of 20 km allowed")
    relaxed = check_distance(OFFER, CLIENT, Relaxation(distance_km=150), None)
    assert relaxed.passed
    assert relaxed.relaxed
    assert relaxed.detail.endswith("of 170 km allowed (relaxed by 150 km)")
    narrowed = check_distance(OFFER, CLIENT, Relaxation(distance_km=150), 100)
    assert not narrowed.passed
    assert narrowed.values["allowed_km"] == 100
    assert check_distance(replace(OFFER, remote=True), CLIENT, NONE, None).passed
    unknown = check_distance(replace(OFFER, latitude=None), CLIENT, NONE, None)
    assert not unknown.passed
    assert "no known location" in unknown.detail


def test_hours_and_schedules() -> None:
    assert not check_hours(OFFER, CLIENT, NONE).passed
    more = check_hours(OFFER, CLIENT, Relaxation(hours_per_week=5))
    assert more.passed
    assert more.relaxed
    assert check_schedule(OFFER, CLIENT).passed
    evenings = replace(CLIENT, unavailable_schedules=frozenset({"evening"}))
    clash = check_schedule(replace(OFFER, schedules=frozenset({"evening"})), evenings)
    assert not clash.passed
    assert clash.detail == "not available for evening work"


def test_languages_compare_cefr_levels() -> None:
    short = check_languages(OFFER, CLIENT, NONE)
    assert not short.passed
    assert short.detail == "de B1 of B2 needed"
    assert check_languages(OFFER, CLIENT, Relaxation(language_levels=1)).passed
    unspoken = check_languages(replace(OFFER, languages=(("fr", "A2"),)), CLIENT, NONE)
    assert not unspoken.passed
    assert "not spoken" in unspoken.detail
    assert check_languages(OFFER, replace(CLIENT, languages={"de": "C2"}), NONE).passed


def test_education_minimum_and_overqualification_flag() -> None:
    assert not check_education(OFFER, CLIENT, NONE).passed
    assert check_education(OFFER, CLIENT, Relaxation(education_levels=1)).passed
    unknown = check_education(OFFER, replace(CLIENT, isced_level=None), NONE)
    assert not unknown.passed
    assert "not recorded" in unknown.detail
    strict = replace(OFFER, min_isced=2, overqualification_ok=False)
    flagged = check_education(strict, replace(CLIENT, isced_level=7), NONE)
    assert flagged.passed
    assert flagged.flag is not None
    assert (
        check_education(
            replace(strict, overqualification_ok=True), replace(CLIENT, isced_level=7), NONE
        ).flag
        is None
    )


def test_functional_limits_against_demands_and_night_shifts() -> None:
    assert check_physical(OFFER, CLIENT).passed
    nights = check_physical(replace(OFFER, schedules=frozenset({"night"})), CLIENT)
    assert not nights.passed
    assert "no_night_work vs night" in nights.detail


def test_driving_licence_categories_imply_lower_ones() -> None:
    assert check_licence(OFFER, CLIENT) is None
    check = check_licence(replace(OFFER, driving_licence="B"), CLIENT)
    assert check is not None
    assert check.passed
    refused = check_licence(replace(OFFER, driving_licence="D"), CLIENT)
    assert refused is not None
    assert not refused.passed
    assert refused.detail == "licence D needed; held: CE"


def test_offer_state_and_tutor_load() -> None:
    today = date(2026, 11, 23)
    open_state = OfferState("published", today + timedelta(days=3), 1)
    assert check_offer_state(open_state, today).passed
    assert not check_offer_state(replace(open_state, places_left=0), today).passed
    expired = check_offer_state(replace(open_state, expiry_date=today - timedelta(days=1)), today)
    assert not expired.passed
    assert "expired" in expired.detail
    assert not check_offer_state(replace(open_state, status="held"), today).passed
    assert check_tutor(OFFER, open_state) is None
    trial = replace(OFFER, kind="work_trial", tutor_id=4)
    full = check_tutor(trial, replace(open_state, tutor_mentees=2, tutor_capacity=2))
    assert full is not None
    assert not full.passed
    assert full.detail.endswith(": full")
    room = check_tutor(trial, replace(open_state, tutor_mentees=1, tutor_capacity=2))
    assert room is not None
    assert room.passed
    nobody = check_tutor(replace(trial, tutor_id=None), open_state)
    assert nobody is not None
    assert not nobody.passed
