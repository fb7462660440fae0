"""The funnel of a short shortlist: how many candidates were considered, how many each
constraint kept off, and the one relaxation that would bring most of them back.

Counted as facts when the list is made (stored with it) and put in words when read, like the
explanations. It is worked out only when the list came out shorter than asked: then every
candidate was walked, so the counts are complete.
"""

from __future__ import annotations

import gettext
from collections import Counter
from collections.abc import Iterable
from typing import Any

from matching.constraints import Check
from models.reference import CEFR_LEVELS
from shortlists.render import ENGLISH, Gettext
from shortlists.schemas import (
    Funnel,
    FunnelExclusion,
    Relaxations,
    RelaxationSuggestion,
    ShortlistRequest,
)

#: Relaxations tried, per dimension, smallest first (totals beyond the client's own limit,
#: within what a request may ask: see ``Relaxations``).
STEPS: dict[str, tuple[float, ...]] = {
    "distance_km": (5, 10, 15, 20, 30, 50, 75, 100, 150, 200),
    "hours_per_week": (2, 5, 10, 15, 20, 30, 40),
    "language_levels": (1, 2),
    "education_levels": (1, 2, 3),
}
#: The constraint each relaxation loosens.
RELAXES = {
    "distance": "distance_km",
    "hours": "hours_per_week",
    "languages": "language_levels",
    "education": "education_levels",
}


def _needed(check: Check, max_distance_km: float | None) -> float | None:
    """How much relaxation (in total) would let this failed check pass; None if none can."""
    values = check.values
    if check.name == "distance":
        if "km" not in values:
            return None
        if max_distance_km is not None and values["km"] > max_distance_km:
            return None  # the caseworker's own filter, not the client's limit
        return float(values["km"]) - float(values["client_max_km"])
    if check.name == "hours":
        return float(values["offer_hours"]) - float(values["client_hours"])
    if check.name == "languages":
        gaps = []
        for language, level in values["required"]:
            have = values["client"].get(language)
            if have is None:
                return None
            gaps.append(CEFR_LEVELS.index(level) - CEFR_LEVELS.index(have))
        return float(max(gaps, default=0))
    if check.name == "education":
        if values["client_isced"] is None:
            return None
        return float(values["min_isced"] - values["client_isced"])
    return None


def count_funnel(
    request: ShortlistRequest,
    considered: int,
    listed: int,
    filtered: int,
    failed: Iterable[list[Check]],
    live_excluded: int,
    of: str = "offers",
) -> dict[str, Any]:
    """The funnel's facts: ``failed`` holds, per candidate kept off by a static constraint,
    the checks it failed; ``of`` says what the candidates are (offers for a client, clients
    for an offer), for the words they are read in."""
    excluded: Counter[str] = Counter()
    needs: dict[str, list[float]] = {dimension: [] for dimension in STEPS}
    for checks in failed:
        excluded.update(c.name for c in checks)
        if len(checks) == 1 and checks[0].name in RELAXES:
            need = _needed(checks[0], request.filters.max_distance_km)
            if need is not None and need > 0:
                needs[RELAXES[checks[0].name]].append(need)
    if live_excluded:
        excluded["offer_status"] += live_excluded
    best: tuple[int, str, float] | None = None
    for dimension, steps in STEPS.items():
        current = float(getattr(request.relax, dimension))
        for step in steps:
            if step <= current:
                continue
            back = sum(1 for need in needs[dimension] if need <= step)
            if back and (best is None or back > best[0]):
                best = (back, dimension, step)
    suggestion = None
    if best is not None:
        relax = request.relax.model_dump()
        relax[best[1]] = best[2]
        suggestion = {"relax": relax, "brings_back": best[0], "dimension": best[1]}
    return {
        "of": of,
        "considered": considered,
        "listed": listed,
        "filtered": filtered,
        "excluded": dict(excluded.most_common()),
        "suggestion": suggestion,
    }


def _exclusion_line(name: str, count: int, _: Gettext, of: str = "offers") -> str:
    if of == "clients":
        return _client_exclusion_line(name, count, _)
    lines = {
        "distance": _("{count} beyond the distance allowed"),
        "hours": _("{count} need more hours than the client has"),
        "schedule": _("{count} at times the client is not available"),
        "languages": _("{count} need a language or level the client does not have"),
        "education": _("{count} need more education than recorded"),
        "physical": _("{count} demand what the client's functional limits rule out"),
        "driving_licence": _("{count} need a driving licence the client does not hold"),
        "right_to_work": _("{count} need a right to work the client does not have"),
        "offer_status": _("{count} are no longer open or their tutor is full"),
    }
    return lines.get(name, _("{count} fail the {name} constraint")).format(count=count, name=name)


def _client_exclusion_line(name: str, count: int, _: Gettext) -> str:
    """The same counts when the candidates are clients kept off an offer."""
    lines = {
        "distance": _("{count} live beyond the distance they can travel"),
        "hours": _("{count} have fewer hours a week than the offer needs"),
        "schedule": _("{count} are not available at the offer's times"),
        "languages": _("{count} lack a language or level the offer needs"),
        "education": _("{count} have less education recorded than the offer needs"),
        "physical": _("{count} have functional limits the offer's demands rule out"),
        "driving_licence": _("{count} lack the driving licence the offer needs"),
        "right_to_work": _("{count} lack the right to work the offer needs"),
        "offer_status": _("{count} no longer share their profile, or the offer is full"),
    }
    return lines.get(name, _("{count} fail the {name} constraint")).format(count=count, name=name)


def _suggestion_line(
    dimension: str, amount: float, back: int, _: Gettext, of: str = "offers"
) -> str:
    if of == "clients":
        return _client_suggestion_line(dimension, amount, back, _)
    lines = {
        "distance_km": _("Allow {amount} km more travel: up to {back} more offers"),
        "hours_per_week": _("Allow {amount} more hours a week: up to {back} more offers"),
        "language_levels": _("Accept {amount} language level(s) below: up to {back} more offers"),
        "education_levels": _("Accept {amount} education level(s) below: up to {back} more offers"),
    }
    line: str = lines[dimension].format(amount=f"{amount:g}", back=back)
    return line


def _client_suggestion_line(dimension: str, amount: float, back: int, _: Gettext) -> str:
    lines = {
        "distance_km": _("Allow {amount} km more travel: up to {back} more clients"),
        "hours_per_week": _("Allow {amount} more hours a week: up to {back} more clients"),
        "language_levels": _("Accept {amount} language level(s) below: up to {back} more clients"),
        "education_levels": _(
            "Accept {amount} education level(s) below: up to {back} more clients"
        ),
    }
    line: str = lines[dimension].format(amount=f"{amount:g}", back=back)
    return line


def read_funnel(
    facts: dict[str, Any] | None, translations: gettext.NullTranslations = ENGLISH
) -> Funnel | None:
    """A stored funnel in the reader's words (None for lists stored without one)."""
    if facts is None:
        return None
    _ = translations.gettext
    of = str(facts.get("of", "offers"))  # funnels stored before clients had one: offers
    excluded = [
        FunnelExclusion(constraint=name, count=count, detail=_exclusion_line(name, count, _, of))
        for name, count in facts["excluded"].items()
    ]
    suggestion = None
    if facts["suggestion"] is not None:
        found = facts["suggestion"]
        relax = Relaxations.model_validate(found["relax"])
        suggestion = RelaxationSuggestion(
            relax=relax,
            brings_back=found["brings_back"],
            detail=_suggestion_line(
                found["dimension"],
                float(found["relax"][found["dimension"]]),
                found["brings_back"],
                _,
                of,
            ),
        )
    summary = _("{considered} considered, {listed} listed").format(
        considered=facts["considered"], listed=facts["listed"]
    )
    if facts["filtered"]:
        summary += _("; {count} left out by the filters").format(count=facts["filtered"])
    return Funnel(
        considered=facts["considered"],
        listed=facts["listed"],
        filtered=facts["filtered"],
        excluded=excluded,
        suggestion=suggestion,
        text=summary,
    )
