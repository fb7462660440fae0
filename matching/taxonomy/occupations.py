"""Occupations proposed for an offer (from its title and requirements) or for an aspiration
("I'd like to work in elderly care"), from ESCO's occupation labels and essential skills."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from matching.taxonomy.index import SkillIndex
from matching.taxonomy.text import normalise
from models.taxonomy import SkillRelationType

TITLE_WEIGHT = 0.6
SKILL_WEIGHT = 0.4


@dataclass(frozen=True)
class OccupationProposal:
    occupation_id: int
    esco_uri: str
    label: str
    score: float
    title_score: float
    skill_overlap: float


def propose_occupations(
    index: SkillIndex, title: str, concept_ids: set[int], limit: int = 5
) -> list[OccupationProposal]:
    """Occupations ranked by how well a label fits the title and how many of their essential
    skills the requirements' concepts cover."""
    if not index.occupation_labels:
        return []
    key = normalise(title)
    title_scores: dict[int, float] = {}
    if key:
        for _label, score, i in process.extract(
            key, index.occupation_labels, scorer=fuzz.token_set_ratio, limit=50, score_cutoff=60
        ):
            occupation = index.occupation_of_label[i]
            title_scores[occupation] = max(title_scores.get(occupation, 0.0), score / 100)
    overlap: dict[int, float] = {}
    if concept_ids:
        for occupation, skills in index.occupation_skills.items():
            essential = {c for c, r in skills.items() if r is SkillRelationType.essential}
            if essential and (shared := len(essential & concept_ids)):
                overlap[occupation] = shared / min(len(essential), len(concept_ids))
    proposals = []
    for occupation in set(title_scores) | set(overlap):
        t, s = title_scores.get(occupation, 0.0), overlap.get(occupation, 0.0)
        label, uri = index.occupations[occupation]
        score = TITLE_WEIGHT * t + SKILL_WEIGHT * s
        proposals.append(OccupationProposal(occupation, uri, label, round(score, 4), t, s))
    proposals.sort(key=lambda p: (-p.score, p.occupation_id))
    return proposals[:limit]
