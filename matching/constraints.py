"""Hard constraints between one offer and one client, each explained with its values.

Pure functions over plain facts: what the in-memory catalogue knows of an offer and a client
(location, hours, languages...) and what is read from the database at query time (status,
places, tutor load, consent), so a change by any process counts on the next shortlist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.offer import TUTORED_KINDS
from models.reference import CEFR_LEVELS
from places.geo import haversine_km

#: A client's functional limit and the offer demands (or schedules) it rules out.
LIMIT_EXCLUDES = {
    "no_heavy_lifting": {"heavy_lifting"},
    "no_long_standing": {"long_standing"},
    "no_night_work": {"night_work", "night"},
    "no_driving": {"driving"},
}

#: Driving licence categories that a holder of the key category also holds (EU rules).
LICENCE_IMPLIES = {
    "A": {"A2", "A1", "AM"},
    "A2": {"A1", "AM"},
    "A1": {"AM"},
    "B": {"AM"},
    "BE": {"B", "AM"},
    "C1": {"B", "AM"},
    "C": {"C1", "B", "AM"},
    "C1E": {"C1", "BE", "B", "AM"},
    "CE": {"C", "C1", "C1E", "BE", "B", "AM"},
    "D1": {"B", "AM"},
    "D": {"D1", "B", "AM"},
    "D1E": {"D1", "BE", "B", "AM"},
    "DE": {"D", "D1", "D1E", "BE", "B", "AM"},
}

#: Levels of education above the offer's minimum at which over-qualification is flagged.
OVERQUALIFIED_BY = 3


@dataclass(frozen=True)
class OfferFacts:
    id: int
    kind: str
    company_id: int
    sector: str | None
    latitude: float | None
    longitude: float | None
    remote: bool
    hours_per_week: float
    schedules: frozenset[str]
    languages: tuple[tuple[str, str], ...]
    min_isced: int | None
    overqualification_ok: bool
    physical_demands: frozenset[str]
    driving_licence: str | None
    tutor_id: int | None


@dataclass(frozen=True)
class ClientFacts:
    """What matching may know of a client: no name, age, gender, nationality, barriers,
    contact data or time out of work."""

    id: int
    latitude: float
    longitude: float
    max_travel_km: float
    hours_per_week: float
    unavailable_schedules: frozenset[str]
    isced_level: int | None
    right_to_work: str
    driving_licences: frozenset[str]
    functional_limits: frozenset[str]
    languages: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OfferState:
    """An offer's eligibility as the database has it now."""

    status: str
    expiry_date: date | None
    places_left: int
    tutor_mentees: int | None = None
    tutor_capacity: int | None = None


@dataclass(frozen=True)
class Relaxation:
    """What a request allows beyond the client's own limits and the offer's minimums."""

    distance_km: float = 0.0
    hours_per_week: float = 0.0
    language_levels: int = 0
    education_levels: int = 0

    def as_dict(self) -> dict[str, float]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str
    values: dict[str, Any] = field(default_factory=dict)
    relaxed: bool = False
    flag: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "passed": self.passed,
            "detail": self.detail,
            "values": self.values,
        }
        if self.relaxed:
            data["relaxed"] = True
        if self.flag:
            data["flag"] = self.flag
        return data


def _km(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def distance_km(offer: OfferFacts, client: ClientFacts) -> float | None:
    if offer.latitude is None or offer.longitude is None:
        return None
    return haversine_km(client.latitude, client.longitude, offer.latitude, offer.longitude)


def check_offer_state(state: OfferState, today: date) -> Check:
    values: dict[str, Any] = {
        "status": state.status,
        "places_left": state.places_left,
        "expiry_date": state.expiry_date.isoformat() if state.expiry_date else None,
    }
    if state.status != "published":
        return Check("offer_status", False, f"the offer is {state.status}, not published", values)
    if state.expiry_date is not None and state.expiry_date < today:
        detail = f"the offer expired on {state.expiry_date.isoformat()}"
        return Check("offer_status", False, detail, values)
    if state.places_left <= 0:
        return Check("offer_status", False, "no places left", values)
    until = f", open until {state.expiry_date.isoformat()}" if state.expiry_date else ""
    return Check(
        "offer_status", True, f"published, {state.places_left} place(s) left{until}", values
    )


def check_tutor(offer: OfferFacts, state: OfferState) -> Check | None:
    if offer.kind not in TUTORED_KINDS:
        return None
    values = {"mentees": state.tutor_mentees, "capacity": state.tutor_capacity}
    if offer.tutor_id is None or state.tutor_capacity is None:
        return Check("tutor_capacity", False, "no company-side tutor is named", values)
    mentees = state.tutor_mentees or 0
    passed = mentees < state.tutor_capacity
    detail = f"the tutor accompanies {mentees} of {state.tutor_capacity} newcomer(s)"
    return Check("tutor_capacity", passed, detail + ("" if passed else ": full"), values)


def check_consent(consent_liaison: bool) -> Check:
    if consent_liaison:
        return Check("consent", True, "consented to share the profile with liaison officers")
    return Check("consent", False, "has not consented to share the profile with liaison officers")


def check_distance(
    offer: OfferFacts, client: ClientFacts, relax: Relaxation, max_distance_km: float | None
) -> Check:
    if offer.remote:
        return Check("distance", True, "remote work", {"remote": True})
    km = distance_km(offer, client)
    if km is None:
        return Check("distance", False, "the workplace has no known location")
    allowed = client.max_travel_km + relax.distance_km
    relaxed = relax.distance_km > 0
    if max_distance_km is not None and max_distance_km < allowed:
        allowed, relaxed = max_distance_km, False
    values = {"km": round(km, 1), "allowed_km": allowed, "client_max_km": client.max_travel_km}
    detail = f"{_km(km)} km of {_km(allowed)} km allowed"
    if relaxed:
        detail += f" (relaxed by {_km(relax.distance_km)} km)"
    return Check(
        "distance",
        km <= allowed,
        detail,
        values,
        relaxed=relaxed and km > allowed - relax.distance_km,
    )


def check_hours(offer: OfferFacts, client: ClientFacts, relax: Relaxation) -> Check:
    allowed = client.hours_per_week + relax.hours_per_week
    values = {"offer_hours": offer.hours_per_week, "client_hours": client.hours_per_week}
    detail = f"{_km(offer.hours_per_week)} h/week of {_km(client.hours_per_week)} h available"
    passed = offer.hours_per_week <= allowed
    relaxed = passed and offer.hours_per_week > client.hours_per_week
    if relax.hours_per_week:
        detail += f" (relaxed by {_km(relax.hours_per_week)} h)"
    return Check("hours", passed, detail, values, relaxed=relaxed)


def check_schedule(offer: OfferFacts, client: ClientFacts) -> Check:
    clash = sorted(offer.schedules & client.unavailable_schedules)
    values = {"offer": sorted(offer.schedules), "unavailable": sorted(client.unavailable_schedules)}
    if clash:
        return Check("schedule", False, f"not available for {', '.join(clash)} work", values)
    wanted = ", ".join(sorted(offer.schedules)) or "any"
    return Check("schedule", True, f"available for the offer's times ({wanted})", values)


def check_languages(offer: OfferFacts, client: ClientFacts, relax: Relaxation) -> Check:
    parts, passed, relaxed = [], True, False
    for language, level in offer.languages:
        have = client.languages.get(language)
        need = CEFR_LEVELS.index(level)
        if have is None:
            parts.append(f"{language} {level} needed, not spoken")
            passed = False
            continue
        gap = need - CEFR_LEVELS.index(have)
        if gap > relax.language_levels:
            passed = False
        elif gap > 0:
            relaxed = True
        parts.append(
            f"{language} {have} of {level} needed"
            + (" (relaxed)" if 0 < gap <= relax.language_levels else "")
        )
    values = {"required": [list(p) for p in offer.languages], "client": client.languages}
    return Check("languages", passed, "; ".join(parts) or "no language required", values, relaxed)


def check_education(offer: OfferFacts, client: ClientFacts, relax: Relaxation) -> Check:
    values = {"min_isced": offer.min_isced, "client_isced": client.isced_level}
    flag = None
    if (
        not offer.overqualification_ok
        and client.isced_level is not None
        and client.isced_level >= (offer.min_isced or 0) + OVERQUALIFIED_BY
    ):
        flag = "the offer asks to flag over-qualification: the client's education is well above it"
    if offer.min_isced is None:
        return Check("education", True, "no minimum education", values, flag=flag)
    if client.isced_level is None:
        detail = f"ISCED {offer.min_isced} needed; the client's level is not recorded"
        return Check("education", False, detail, values)
    gap = offer.min_isced - client.isced_level
    detail = f"ISCED {client.isced_level} of {offer.min_isced} needed"
    if 0 < gap <= relax.education_levels:
        detail += " (relaxed)"
    return Check("education", gap <= relax.education_levels, detail, values, gap > 0, flag)


def check_physical(offer: OfferFacts, client: ClientFacts) -> Check:
    demands = offer.physical_demands | offer.schedules
    clashes = sorted(
        f"{limit} vs {demand}"
        for limit in client.functional_limits
        for demand in LIMIT_EXCLUDES.get(limit, ())
        if demand in demands
    )
    values = {"demands": sorted(offer.physical_demands), "limits": sorted(client.functional_limits)}
    if clashes:
        return Check("physical", False, "; ".join(clashes), values)
    return Check("physical", True, "no demand against the client's functional limits", values)


def holds_licence(held: frozenset[str], needed: str) -> bool:
    return any(needed == h or needed in LICENCE_IMPLIES.get(h, ()) for h in held)


def check_licence(offer: OfferFacts, client: ClientFacts) -> Check | None:
    if offer.driving_licence is None:
        return None
    values = {"needed": offer.driving_licence, "held": sorted(client.driving_licences)}
    held = ", ".join(sorted(client.driving_licences)) or "none"
    if holds_licence(client.driving_licences, offer.driving_licence):
        return Check("driving_licence", True, f"licence {offer.driving_licence} held", values)
    detail = f"licence {offer.driving_licence} needed; held: {held}"
    return Check("driving_licence", False, detail, values)


def check_right_to_work(client: ClientFacts) -> Check:
    passed = client.right_to_work == "yes"
    detail = "right to work" if passed else f"right to work is '{client.right_to_work}'"
    return Check("right_to_work", passed, detail, {"right_to_work": client.right_to_work})


def static_checks(
    offer: OfferFacts, client: ClientFacts, relax: Relaxation, max_distance_km: float | None
) -> list[Check]:
    """The checks that need no database: location, hours, languages, education, limits..."""
    checks = [
        check_distance(offer, client, relax, max_distance_km),
        check_hours(offer, client, relax),
        check_schedule(offer, client),
        check_languages(offer, client, relax),
        check_education(offer, client, relax),
        check_physical(offer, client),
        check_licence(offer, client),
        check_right_to_work(client),
    ]
    return [c for c in checks if c is not None]


def live_checks(
    offer: OfferFacts, state: OfferState, consent_liaison: bool | None, today: date
) -> list[Check]:
    """The checks read from the database at query time."""
    checks = [check_offer_state(state, today), check_tutor(offer, state)]
    if consent_liaison is not None:
        checks.append(check_consent(consent_liaison))
    return [c for c in checks if c is not None]
