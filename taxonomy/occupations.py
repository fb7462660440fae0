"""Occupations proposed for an offer (from its title and requirements) or for an aspiration
("I'd like to work in elderly care"), from ESCO's occupation labels and essential skills."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from taxonomy.index import SkillIndex
from taxonomy.text import normalise

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
        for i in index.occupation_positions(key):  # spelt exactly like the title
            occupation = index.occupation_of_label[i]
            exact = 1.0 if index.occupation_label_preferred[i] else 0.97
            title_scores[occupation] = max(title_scores.get(occupation, 0.0), exact)
        # A label spelt like the title wins (a preferred label before an alternative one);
        # otherwise the label's words in any order (token_sort_ratio), with a label contained in
        # a longer title ("kitchen assistant (part time)") credited a little less.
        for _label, score, i in process.extract(
            key, index.occupation_labels, scorer=fuzz.token_set_ratio, limit=100, score_cutoff=60
        ):
            label = index.occupation_labels[i]
            if label == key:
                continue
            sort = 0.95 * fuzz.token_sort_ratio(key, label) / 100
            fitted = max(sort, 0.85 * score / 100 * min(1.0, len(label) / max(len(key), 1)))
            occupation = index.occupation_of_label[i]
            title_scores[occupation] = max(title_scores.get(occupation, 0.0), fitted)
    overlap: dict[int, float] = {}
    if concept_ids:
        for occupation, essential in index.essential_skills().items():
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
