"""Explanations a person can check: structured data and one readable paragraph per pair."""

from __future__ import annotations

from typing import Any

from matching.constraints import Check
from matching.ranking import How, PairScore, RequirementMatch, Weights

ESCO_ATTRIBUTION = (
    "Skill concepts from ESCO, the European Commission's classification of European Skills, "
    "Competences, Qualifications and Occupations (https://esco.ec.europa.eu), used under "
    "the Commission's reuse policy."
)

HOW_WORDS = {
    How.same: "same skill",
    How.informal: "evidenced by informal experience",
    How.related: "related skill",
    How.semantic: "similar words",
}

Concepts = dict[int, tuple[str, str | None]]


def _concept(concepts: Concepts, concept_id: int | None) -> dict[str, Any] | None:
    if concept_id is None or concept_id not in concepts:
        return None
    label, uri = concepts[concept_id]
    return {"id": concept_id, "label": label, "esco_uri": uri}


def _requirement(match: RequirementMatch, concepts: Concepts) -> dict[str, Any]:
    data: dict[str, Any] = {
        "requirement_id": match.requirement.id,
        "text": match.requirement.text,
        "essential": match.requirement.essential,
        "met": match.credit > 0,
        "credit": match.credit,
    }
    if match.skill is not None:
        data.update(
            how=match.how,
            skill_id=match.skill.id,
            client_words=match.skill.text,
            concept=_concept(concepts, match.concept_id),
            client_concept=_concept(concepts, match.skill_concept_id),
            similarity=match.similarity,
        )
    return data


def _met_phrase(match: RequirementMatch, concepts: Concepts) -> str:
    assert match.skill is not None
    assert match.how is not None
    how = HOW_WORDS[match.how]
    if match.how == How.semantic:
        how += f", similarity {match.similarity:.2f}"
    elif match.concept_id in concepts:
        how += f": {concepts[match.concept_id][0]}"
        if match.how == How.related and match.skill_concept_id in concepts:
            how += f" via {concepts[match.skill_concept_id][0]}"
    return f"'{match.requirement.text}' by '{match.skill.text}' ({how}, credit {match.credit:.2f})"


def paragraph(pair: PairScore, checks: list[Check], weights: Weights, concepts: Concepts) -> str:
    essential = [m for m in pair.matches if m.requirement.essential]
    met = [m for m in pair.matches if m.credit > 0]
    missing = [m for m in pair.matches if m.credit == 0]
    parts = pair.parts(weights)
    sentences = [
        f"Score {pair.score:.4f} = "
        + " + ".join(f"{p['weight']} x {name} {p['value']:.4f}" for name, p in parts.items())
        + ".",
        f"{sum(1 for m in essential if m.credit > 0)} of {len(essential)} essential "
        "requirement(s) met.",
    ]
    if met:
        sentences.append("Met: " + "; ".join(_met_phrase(m, concepts) for m in met) + ".")
    if missing:
        kind = {True: "essential", False: "optional"}
        sentences.append(
            "Not met: "
            + "; ".join(
                f"'{m.requirement.text}' ({kind[m.requirement.essential]})" for m in missing
            )
            + "."
        )
    failed = [c for c in checks if not c.passed]
    if failed:
        sentences.append("Fails: " + "; ".join(f"{c.name}: {c.detail}" for c in failed) + ".")
    passed = [c for c in checks if c.passed]
    if passed:
        sentences.append("Holds: " + "; ".join(f"{c.name}: {c.detail}" for c in passed) + ".")
    flags = [c.flag for c in checks if c.flag]
    if flags:
        sentences.append("Note: " + "; ".join(flags) + ".")
    return " ".join(sentences)


def explain(
    pair: PairScore, checks: list[Check], weights: Weights, concepts: Concepts
) -> dict[str, Any]:
    """Everything needed to check the score by hand: each requirement with the skill that
    met it and how, each requirement not met, each constraint with its values, the parts."""
    requirements = [_requirement(m, concepts) for m in pair.matches]
    explanation: dict[str, Any] = {
        "score": pair.score,
        "parts": pair.parts(weights),
        "requirements": requirements,
        "missing": [m.requirement.text for m in pair.matches if m.credit == 0],
        "constraints": [c.as_dict() for c in checks],
        "relaxed": [c.name for c in checks if c.relaxed and c.passed],
        "flags": [c.flag for c in checks if c.flag],
        "text": paragraph(pair, checks, weights, concepts),
    }
    uses_esco = any(
        (r.get("concept") or {}).get("esco_uri") or (r.get("client_concept") or {}).get("esco_uri")
        for r in requirements
    )
    if uses_esco:
        explanation["attribution"] = ESCO_ATTRIBUTION
    return explanation
