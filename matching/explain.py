"""Explanations a person can check, built in the same pass as the score: facts only (see
``matching.facts``); the words are chosen when someone reads them."""

from __future__ import annotations

from datetime import date
from typing import Any

from matching.constraints import LIMIT_EXCLUDES, Check, Relaxation
from matching.facts import Concept, ConstraintFact, ExplanationFacts, RequirementFact, ScoreParts
from matching.ranking import PairScore, RequirementMatch, Weights

Concepts = dict[int, tuple[str, str | None]]


def _concept(concepts: Concepts, concept_id: int | None) -> Concept | None:
    if concept_id is None or concept_id not in concepts:
        return None
    label, uri = concepts[concept_id]
    return Concept(id=concept_id, label=label, esco_uri=uri)


def _requirement(match: RequirementMatch, concepts: Concepts) -> RequirementFact:
    fact: dict[str, Any] = {
        "requirement_id": match.requirement.id,
        "text": match.requirement.text,
        "essential": match.requirement.essential,
        "credit": match.credit,
    }
    if match.skill is not None:
        fact.update(
            how=match.how,
            skill_id=match.skill.id,
            client_words=match.skill.text,
            concept=_concept(concepts, match.concept_id),
            client_concept=_concept(concepts, match.skill_concept_id),
            similarity=match.similarity,
        )
    return RequirementFact.model_validate(fact)


def _relaxation(name: str, relax: Relaxation) -> float:
    return {
        "distance": relax.distance_km,
        "hours": relax.hours_per_week,
        "languages": relax.language_levels,
        "education": relax.education_levels,
    }.get(name, 0)


def _physical_clashes(checks: list[Check]) -> list[list[str]]:
    """Each functional limit with the demand or schedule of the offer it rules out: the
    physical check weighs the offer's schedules too, which only the schedule check lists."""
    values = {c.name: c.values for c in checks}
    physical = values.get("physical", {})
    demands = set(physical.get("demands", ())) | set(values.get("schedule", {}).get("offer", ()))
    return [
        [limit, demand]
        for limit in physical.get("limits", ())
        for demand in sorted(LIMIT_EXCLUDES.get(limit, ()))
        if demand in demands
    ]


def _constraint(check: Check, relax: Relaxation, checks: list[Check]) -> ConstraintFact:
    values = dict(check.values)
    if check.name == "physical":
        values["clashes"] = _physical_clashes(checks)
    return ConstraintFact(
        name=check.name,
        passed=check.passed,
        values=values,
        relaxed=check.relaxed,
        relaxation=_relaxation(check.name, relax),
        flagged=check.flag is not None,
    )


def explain(
    pair: PairScore,
    checks: list[Check],
    weights: Weights,
    concepts: Concepts,
    relax: Relaxation,
    checked_on: date,
) -> ExplanationFacts:
    """Everything needed to check the score by hand: each requirement with the skill that
    met it and how, each requirement not met, each constraint with its values, the parts."""
    return ExplanationFacts(
        checked_on=checked_on,
        score=pair.score,
        parts=ScoreParts.model_validate(pair.parts(weights)),
        requirements=tuple(_requirement(m, concepts) for m in pair.matches),
        constraints=tuple(_constraint(c, relax, checks) for c in checks),
    )
