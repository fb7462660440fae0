"""Shortlists: offers for a client, clients for an offer, stored with their explanations."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CurrentActor, MatcherDep, PathId, SessionDep
from employers.proposals import decide_on_candidate
from matching import shortlists
from matching.schemas import (
    DecisionIn,
    DecisionRead,
    ShortlistRead,
    ShortlistRequest,
    WhyNotRead,
)

router = APIRouter(tags=["shortlists"])


@router.post(
    "/clients/{client_id}/shortlists",
    response_model=ShortlistRead,
    status_code=status.HTTP_201_CREATED,
)
def shortlist_for_client(
    client_id: PathId,
    session: SessionDep,
    actor: CurrentActor,
    matcher: MatcherDep,
    body: ShortlistRequest | None = None,
) -> ShortlistRead:
    shortlist = shortlists.shortlist_for_client(
        session, actor, matcher, client_id, body or ShortlistRequest()
    )
    return ShortlistRead.model_validate(shortlist)


@router.post(
    "/offers/{offer_id}/shortlists",
    response_model=ShortlistRead,
    status_code=status.HTTP_201_CREATED,
)
def shortlist_for_offer(
    offer_id: PathId,
    session: SessionDep,
    actor: CurrentActor,
    matcher: MatcherDep,
    body: ShortlistRequest | None = None,
) -> ShortlistRead:
    shortlist = shortlists.shortlist_for_offer(
        session, actor, matcher, offer_id, body or ShortlistRequest()
    )
    return ShortlistRead.model_validate(shortlist)


@router.get("/shortlists/{shortlist_id}", response_model=ShortlistRead)
def read_shortlist(shortlist_id: PathId, session: SessionDep, actor: CurrentActor) -> ShortlistRead:
    return ShortlistRead.model_validate(shortlists.read_shortlist(session, actor, shortlist_id))


@router.post(
    "/shortlists/{shortlist_id}/decisions",
    response_model=DecisionRead,
    status_code=status.HTTP_201_CREATED,
)
def record_decision(
    shortlist_id: PathId, body: DecisionIn, session: SessionDep, actor: CurrentActor
) -> DecisionRead:
    decision, proposal = decide_on_candidate(session, actor, shortlist_id, body)
    answer = DecisionRead.model_validate(decision)
    answer.proposal_id = proposal.id if proposal else None
    return answer


@router.get("/shortlists/{shortlist_id}/why-not/{candidate_id}", response_model=WhyNotRead)
def why_not(
    shortlist_id: PathId,
    candidate_id: PathId,
    session: SessionDep,
    actor: CurrentActor,
    matcher: MatcherDep,
) -> WhyNotRead:
    answer = shortlists.why_not(session, actor, matcher, shortlist_id, candidate_id)
    return WhyNotRead.model_validate(answer)
