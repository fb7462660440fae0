from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentActor, NormaliserDep, PathId, SessionDep, SkillsDep
from taxonomy import queries
from taxonomy.extract import extract
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


@router.post("/normalise", response_model=NormaliseResult)
def normalise_text(
    body: PhraseIn, actor: CurrentActor, normaliser: NormaliserDep
) -> NormaliseResult:
    matches = normaliser.normalise(body.text, limit=10)
    return NormaliseResult(
        matches=_matches(matches), attribution=_attribution([m.esco_uri for m in matches])
    )


@router.post("/extract", response_model=ExtractResult)
def extract_text(body: TextIn, actor: CurrentActor, normaliser: NormaliserDep) -> ExtractResult:
    found = extract(normaliser, body.text, normaliser.thresholds.proposal)
    phrases = [PhraseRead(text=p.text, matches=_matches(p.matches)) for p in found]
    uris = [m.esco_uri for p in found for m in p.matches]
    return ExtractResult(phrases=phrases, attribution=_attribution(uris))


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
