from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentActor, NormaliserDep, PathId, SessionDep, SkillsDep
from taxonomy import queries
from taxonomy.extract import extract_ranked
from taxonomy.mapping import proposals
from taxonomy.normalise import ConceptMatch
from taxonomy.occupations import propose_occupations
from taxonomy.schemas import (
    ESCO_ATTRIBUTION,
    ConceptDetail,
    ConceptSummary,
    ExtractResult,
    MatchRead,
    NormaliseResult,
    OccupationRead,
    OccupationRequest,
    OccupationResult,
    PhraseIn,
    PhraseRead,
    RankedRead,
    SearchResult,
    TaxonomyStats,
    TextIn,
)

router = APIRouter(prefix="/skills", tags=["skills"])


def _attribution(uris: list[str | None]) -> str | None:
    return ESCO_ATTRIBUTION if any(uris) else None


def _matches(matches: list[ConceptMatch]) -> list[MatchRead]:
    return [MatchRead.model_validate(m) for m in matches]


@router.get("", response_model=SearchResult)
def search_skills(
    session: SessionDep,
    actor: CurrentActor,
    skills: SkillsDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SearchResult:
    autocomplete = skills.autocomplete(session)
    concepts = autocomplete.normaliser.index.concepts
    items = [
        ConceptSummary(
            concept_id=f.concept_id,
            esco_uri=concepts[f.concept_id].esco_uri,
            label=concepts[f.concept_id].preferred_label,
            matched_label=f.matched_label,
            skill_type=concepts[f.concept_id].skill_type,
        )
        for f in autocomplete.search(q, limit)
    ]
    return SearchResult(items=items, attribution=_attribution([i.esco_uri for i in items]))


Limit = Annotated[int, Query(ge=1, le=50, description="Most concepts per ranked list")]
MinScore = Annotated[
    float | None,
    Query(ge=0, le=1, description="Least score kept (default: the proposal threshold setting)"),
]


@router.post("/normalise", response_model=NormaliseResult)
def normalise_text(
    body: PhraseIn,
    actor: CurrentActor,
    normaliser: NormaliserDep,
    limit: Limit = 10,
    min_score: MinScore = None,
) -> NormaliseResult:
    """The phrase's concepts, best first, each with its score and how it was found."""
    matches = normaliser.normalise(body.text, limit, min_score or 0.0)
    return NormaliseResult(
        matches=_matches(matches), attribution=_attribution([m.esco_uri for m in matches])
    )


@router.post("/extract", response_model=ExtractResult)
def extract_text(
    body: TextIn,
    actor: CurrentActor,
    normaliser: NormaliserDep,
    limit: Limit = 5,
    min_score: MinScore = None,
) -> ExtractResult:
    """Each phrase of the text with its ranked concepts, and one merged ranking for the text."""
    least = normaliser.thresholds.proposal if min_score is None else min_score
    found = extract_ranked(normaliser, body.text, least, limit)
    phrases = [PhraseRead(text=p.text, matches=_matches(p.matches)) for p in found.phrases]
    ranking = [
        RankedRead.model_validate({**MatchRead.model_validate(m).model_dump(), "phrase": phrase})
        for m, phrase in found.ranking
    ]
    uris = [m.esco_uri for m, _phrase in found.ranking]
    uris += [m.esco_uri for p in found.phrases for m in p.matches]
    return ExtractResult(phrases=phrases, ranking=ranking, attribution=_attribution(uris))


@router.get("/stats", response_model=TaxonomyStats)
def taxonomy_statistics(session: SessionDep, actor: CurrentActor) -> TaxonomyStats:
    stats = queries.taxonomy_stats(session)
    stats.attribution = ESCO_ATTRIBUTION if queries.uses_esco(session) else None
    return stats


@router.post("/occupations", response_model=OccupationResult)
def propose_occupation(
    body: OccupationRequest, actor: CurrentActor, normaliser: NormaliserDep
) -> OccupationResult:
    concept_ids = {m.concept_id for text in body.requirements for m in proposals(normaliser, text)}
    found = propose_occupations(normaliser.index, body.title, concept_ids)
    return OccupationResult(
        proposals=[OccupationRead.model_validate(p) for p in found],
        attribution=_attribution([p.esco_uri for p in found]),
    )


@router.get("/{concept_id}", response_model=ConceptDetail)
def read_concept(concept_id: PathId, session: SessionDep, actor: CurrentActor) -> ConceptDetail:
    detail = queries.concept_detail(session, concept_id)
    detail.attribution = _attribution([detail.esco_uri])
    return detail
