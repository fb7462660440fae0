"""Proposals: clients put to employers, and the employers' answers."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy.orm import Session

from accounts.actor import Actor
from accounts.schemas import (
    StatusChangeRead,
)
from api.deps import CurrentActor, IdFilter, Page, PageDep, PathId, SessionDep
from clients.consent_rules import may_see_proposal_texts
from models.placement import Proposal, ProposalStatus
from models.user import Role
from placements import proposals
from placements.schemas import (
    ProposalAnswer,
    ProposalRead,
    ProposalWithdraw,
    ProposedClient,
)

router = APIRouter(prefix="/proposals", tags=["proposals"])
#: Who gets the employer view in a list of proposals (where the consent rules allow it).
VIEWERS = (Role.employer, Role.liaison)


def _read(session: Session, actor: Actor, proposal: Proposal, with_client: bool) -> ProposalRead:
    answer = ProposalRead.model_validate(proposal)
    if not may_see_proposal_texts(session, actor, proposal.offer_id):
        answer.message, answer.decline_text = "", None
    if with_client:
        client = proposals.proposed_client(session, actor, proposal)
        answer.client = ProposedClient.model_validate(client) if client else None
    return answer


@router.get("", response_model=Page[ProposalRead])
def list_proposals(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    status: ProposalStatus | None = None,
    offer_id: IdFilter = None,
    client_id: IdFilter = None,
) -> Page[ProposalRead]:
    rows, total = proposals.list_proposals(
        session,
        actor,
        status=status,
        offer_id=offer_id,
        client_id=client_id,
        limit=page.limit,
        offset=page.offset,
    )
    items = [_read(session, actor, p, actor.role in VIEWERS) for p in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/{proposal_id}", response_model=ProposalRead)
def read_proposal(proposal_id: PathId, session: SessionDep, actor: CurrentActor) -> ProposalRead:
    return _read(session, actor, proposals.read_proposal(session, actor, proposal_id), True)


@router.post("/{proposal_id}/answer", response_model=ProposalRead)
def answer_proposal(
    proposal_id: PathId, body: ProposalAnswer, session: SessionDep, actor: CurrentActor
) -> ProposalRead:
    return _read(
        session, actor, proposals.answer_proposal(session, actor, proposal_id, body), False
    )


@router.post("/{proposal_id}/withdraw", response_model=ProposalRead)
def withdraw_proposal(
    proposal_id: PathId, body: ProposalWithdraw, session: SessionDep, actor: CurrentActor
) -> ProposalRead:
    proposal = proposals.withdraw_proposal(session, actor, proposal_id, body)
    return _read(session, actor, proposal, False)


@router.get("/{proposal_id}/history", response_model=list[StatusChangeRead])
def proposal_history(
    proposal_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[StatusChangeRead]:
    rows = proposals.proposal_history(session, actor, proposal_id)
    return [StatusChangeRead.model_validate(r) for r in rows]
