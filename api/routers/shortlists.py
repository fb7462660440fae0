"""Shortlists: offers for a client, clients for an offer, stored with their explanations
(facts), put in words for each reader when read."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CurrentActor, MatcherDep, PathId, SessionDep, TodayDep
from placements.proposals import decide_on_candidate
from shortlists import service
from shortlists.schemas import (
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
    today: TodayDep,
    body: ShortlistRequest | None = None,
) -> ShortlistRead:
    shortlist = service.shortlist_for_client(
        session, actor, matcher, client_id, body or ShortlistRequest(), today
    )
    return service.shortlist_read(session, actor, shortlist)


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
    today: TodayDep,
    body: ShortlistRequest | None = None,
) -> ShortlistRead:
    shortlist = service.shortlist_for_offer(
        session, actor, matcher, offer_id, body or ShortlistRequest(), today
    )
    return service.shortlist_read(session, actor, shortlist)


@router.get("/shortlists/{shortlist_id}", response_model=ShortlistRead)
def read_shortlist(shortlist_id: PathId, session: SessionDep, actor: CurrentActor) -> ShortlistRead:
    return service.read_shortlist(session, actor, shortlist_id)


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
    today: TodayDep,
) -> WhyNotRead:
    return service.why_not(session, actor, matcher, shortlist_id, candidate_id, today)
