"""Proposals: a ``proposed`` shortlist decision puts a client (who consented to share with
employers) to the offer's employer, who answers: interview planned, declined with a reason,
or accepted, which plans a placement. Unanswered proposals alert the liaison officer.

    open -> interview_planned -> accepted | declined
      |------------------------> accepted | declined
      +-> withdrawn (also from interview_planned)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from accounts.inbox import raise_alert
from clients.access import client_for_reader, visible_client_ids
from clients.consent_rules import employer_view, employer_views
from models.audit import StatusChange
from models.base import utcnow
from models.client import Client
from models.company import Company
from models.db import fetch_page, lock_rows
from models.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from models.inbox import AlertKind
from models.matching import Decision, Shortlist, ShortlistDecision, ShortlistDirection
from models.offer import Offer, OfferStatus
from models.placement import Placement, Proposal, ProposalStatus
from models.user import Role
from placements.lifecycle import plan_placement
from placements.schemas import (
    PlacementCreate,
    ProposalAnswer,
    ProposalWithdraw,
)
from shortlists.schemas import DecisionIn
from shortlists.service import record_decision

#: Proposals still waiting for the employer's final answer.
PENDING = (ProposalStatus.open, ProposalStatus.interview_planned)
ANSWERS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    ProposalStatus.interview_planned: frozenset({ProposalStatus.open}),
    ProposalStatus.declined: frozenset(PENDING),
    ProposalStatus.accepted: frozenset(PENDING),
}


def decide_on_candidate(
    session: Session, actor: Actor, shortlist_id: int, data: DecisionIn, message: str = ""
) -> tuple[ShortlistDecision, Proposal | None]:
    """Record a person's decision on a shortlisted candidate; ``proposed`` also puts the
    client to the employer as a proposal."""
    decision = record_decision(session, actor, shortlist_id, data)
    if data.decision is not Decision.proposed:
        return decision, None
    shortlist = session.get(Shortlist, decision.shortlist_id)
    assert shortlist is not None
    if shortlist.direction is ShortlistDirection.offers_for_client:
        assert shortlist.client_id is not None
        client_id, offer_id = shortlist.client_id, data.candidate_id
    else:
        assert shortlist.offer_id is not None
        client_id, offer_id = data.candidate_id, shortlist.offer_id
    proposal = propose(session, actor, client_id, offer_id, decision.id, data.reason or message)
    return decision, proposal


def propose(
    session: Session,
    actor: Actor,
    client_id: int,
    offer_id: int,
    decision_id: int | None,
    message: str,
) -> Proposal:
    client = client_for_reader(session, actor, client_id)
    if not client.consent_employers:
        raise InvalidInput(
            "candidate_id",
            f"client {client.id} has not consented to share the profile with employers",
        )
    locked = lock_rows(session, Offer, [offer_id])
    if not locked:
        raise NotFound("offer", offer_id)
    offer = locked[0]
    if offer.status is not OfferStatus.published:
        raise TransitionNotAllowed("offer", offer.status.value, "propose a client for")
    pending = session.scalar(
        select(Proposal.id).where(
            Proposal.client_id == client_id,
            Proposal.offer_id == offer_id,
            Proposal.status.in_(PENDING),
        )
    )
    if pending is not None:
        raise Conflict(f"client {client_id} is already proposed for offer {offer_id} ({pending})")
    proposal = Proposal(
        client_id=client_id,
        offer_id=offer_id,
        decision_id=decision_id,
        proposed_by_id=actor.user_id,
        message=message.strip(),
    )
    session.add(proposal)
    session.flush()
    audit.record(session, actor, "create", "proposal", proposal.id, ["client_id", "offer_id"])
    audit.record_status(session, actor, "proposal", proposal.id, None, ProposalStatus.open.value)
    return proposal


def proposal_for(session: Session, actor: Actor, proposal_id: int) -> Proposal:
    """Employers see their company's proposals; caseworkers those of their clients."""
    actor.require(Role.liaison, Role.caseworker, Role.employer)
    proposal = session.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFound("proposal", proposal_id)
    if actor.role is Role.employer:
        offer = session.get(Offer, proposal.offer_id)
        if offer is None or offer.company_id != actor.company_id:
            raise NotFound("proposal", proposal_id)
    elif actor.role is Role.caseworker:
        try:
            client_for_reader(session, actor, proposal.client_id)
        except NotFound:
            raise NotFound("proposal", proposal_id) from None
    return proposal


#: What a proposal read carries about its client: the proposal (message, answer, reason).
PROPOSAL_FIELDS = ("proposal",)


def list_proposals(
    session: Session,
    actor: Actor,
    *,
    status: ProposalStatus | None,
    offer_id: int | None,
    client_id: int | None,
    limit: int,
    offset: int,
    waiting_since: date | None = None,
) -> tuple[list[Proposal], int]:
    """Newest first; ``waiting_since``: open proposals made before that day, still without
    the employer's answer, the longest waiting first."""
    actor.require(Role.liaison, Role.caseworker, Role.employer)
    query = select(Proposal).order_by(Proposal.id.desc())
    if waiting_since is not None:
        cutoff = datetime.combine(waiting_since, time.min, UTC)
        query = (
            select(Proposal)
            .where(Proposal.status == ProposalStatus.open, Proposal.created_at < cutoff)
            .order_by(Proposal.created_at, Proposal.id)
        )
    if actor.role is Role.employer:
        query = query.join(Offer, Offer.id == Proposal.offer_id).where(
            Offer.company_id == actor.company_id
        )
    elif actor.role is Role.caseworker:
        query = query.where(Proposal.client_id.in_(visible_client_ids(actor)))
    if status is not None:
        query = query.where(Proposal.status == status)
    if offer_id is not None:
        query = query.where(Proposal.offer_id == offer_id)
    if client_id is not None:
        query = query.where(Proposal.client_id == client_id)
    rows, total = fetch_page(session, query, limit, offset)
    audit.record_reads(
        session,
        actor,
        "list",
        "client",
        [r.client_id for r in rows],
        list(PROPOSAL_FIELDS),
        details=[f"proposal {r.id}" for r in rows],
    )
    return rows, total


def read_proposal(session: Session, actor: Actor, proposal_id: int) -> Proposal:
    """A proposal; the read is audited, naming the client (the employer view, where given, is
    audited apart: ``proposed_client``)."""
    proposal = proposal_for(session, actor, proposal_id)
    audit.record(
        session,
        actor,
        "read",
        "client",
        proposal.client_id,
        list(PROPOSAL_FIELDS),
        f"proposal {proposal.id}",
    )
    return proposal


def answer_proposal(
    session: Session, actor: Actor, proposal_id: int, data: ProposalAnswer
) -> Proposal:
    """The employer's answer (a liaison officer may record it on their behalf)."""
    actor.require(Role.employer, Role.liaison)
    proposal = proposal_for(session, actor, proposal_id)
    allowed = ANSWERS.get(data.answer)
    if allowed is None:
        raise InvalidInput("answer", "answer interview_planned, declined or accepted")
    if proposal.status not in allowed:
        raise TransitionNotAllowed("proposal", proposal.status.value, f"answer {data.answer}")
    reason = None
    if data.answer is ProposalStatus.interview_planned:
        if data.interview_on is None:
            raise InvalidInput("interview_on", "give the interview's date")
        proposal.interview_on = data.interview_on
        reason = f"interview on {data.interview_on}"
    elif data.answer is ProposalStatus.declined:
        if data.reason is None:
            raise InvalidInput("reason", "a declined proposal needs a reason from the list")
        proposal.decline_reason = data.reason
        proposal.decline_text = data.text.strip() or None
        reason = data.reason.value + (f": {proposal.decline_text}" if proposal.decline_text else "")
    else:
        if data.planned_start is None:
            raise InvalidInput("planned_start", "an accepted proposal needs a planned start")
        client = session.get(Client, proposal.client_id)
        offer = session.get(Offer, proposal.offer_id)
        assert client is not None
        assert offer is not None
        placement = plan_placement(
            session,
            actor,
            client,
            offer,
            PlacementCreate(
                client_id=client.id,
                offer_id=offer.id,
                tutor_id=data.tutor_id,
                planned_start=data.planned_start,
                planned_end=data.planned_end,
            ),
        )
        proposal.placement_id = placement.id
        reason = f"placement {placement.id} planned from {data.planned_start}"
    audit.record_status(
        session, actor, "proposal", proposal.id, proposal.status.value, data.answer.value, reason
    )
    proposal.status = data.answer
    proposal.answered_at = utcnow()
    proposal.answered_by_id = actor.user_id
    raise_alert(
        session,
        proposal.proposed_by_id,
        AlertKind.proposal_answered,
        f"proposal_answered:{proposal.id}:{data.answer.value}",
        "proposal",
        proposal.id,
        f"Proposal {proposal.id} (client {proposal.client_id}, offer {proposal.offer_id}): "
        f"{data.answer.value}" + (f" ({reason})" if reason else ""),
    )
    return proposal


def withdraw_proposal(
    session: Session, actor: Actor, proposal_id: int, data: ProposalWithdraw
) -> Proposal:
    actor.require(Role.caseworker, Role.liaison)
    proposal = proposal_for(session, actor, proposal_id)
    if proposal.status not in PENDING:
        raise TransitionNotAllowed("proposal", proposal.status.value, "withdraw")
    audit.record_status(
        session,
        actor,
        "proposal",
        proposal.id,
        proposal.status.value,
        ProposalStatus.withdrawn.value,
        data.text.strip(),
    )
    proposal.status = ProposalStatus.withdrawn
    return proposal


def alert_unanswered(session: Session, today: date, days: int) -> int:
    """Alert the company's liaison officer (else the proposer) once per proposal left open
    without an answer for ``days``."""
    cutoff = datetime.combine(today - timedelta(days=days - 1), time.min, UTC)
    rows = session.execute(
        select(Proposal, Company.liaison_officer_id)
        .join(Offer, Offer.id == Proposal.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(Proposal.status == ProposalStatus.open, Proposal.created_at < cutoff)
        .order_by(Proposal.id)
    ).all()
    raised = 0
    for proposal, liaison_id in rows:
        raised += raise_alert(
            session,
            liaison_id or proposal.proposed_by_id,
            AlertKind.proposal_unanswered,
            f"proposal_unanswered:{proposal.id}",
            "proposal",
            proposal.id,
            f"Proposal {proposal.id} for offer {proposal.offer_id} has waited since "
            f"{proposal.created_at.date()} without the employer's answer",
        )
    return raised


def proposed_client(session: Session, actor: Actor, proposal: Proposal) -> dict[str, object] | None:
    """The employer view of the proposed client, for those the consent rules allow
    (``clients.consent_rules``): the employer who received the proposal and the liaison officer
    responsible for the offer, while the client consents to share with employers; the client's
    caseworkers. Audited."""
    return employer_view(
        session,
        actor,
        proposal.client_id,
        proposal.offer_id,
        caseworker_reads=actor.role is Role.caseworker,
        detail=f"proposal {proposal.id}",
    )


def proposed_clients(
    session: Session, actor: Actor, rows: list[Proposal]
) -> dict[int, dict[str, object] | None]:
    """``proposed_client`` for a list of proposals, by proposal id, in a fixed number of
    queries (a list page sends as many for 50 rows as for 10). Audited."""
    views = employer_views(
        session,
        actor,
        [(p.client_id, p.offer_id, f"proposal {p.id}") for p in rows],
        caseworker_reads=actor.role is Role.caseworker,
    )
    return {p.id: view for p, view in zip(rows, views, strict=True)}


def placement_clients(
    session: Session, actor: Actor, rows: list[Placement]
) -> dict[int, dict[str, object] | None]:
    """``placement_client`` for a list of placements, by placement id, in a fixed number of
    queries. Audited."""
    views = employer_views(
        session,
        actor,
        [(p.client_id, p.offer_id, f"placement {p.id}") for p in rows],
        caseworker_reads=actor.role is Role.caseworker,
    )
    return {p.id: view for p, view in zip(rows, views, strict=True)}


def placement_client(
    session: Session, actor: Actor, placement: Placement
) -> dict[str, object] | None:
    """The same employer view on the placement that followed a proposal (or was planned
    directly), for the same readers. Audited."""
    return employer_view(
        session,
        actor,
        placement.client_id,
        placement.offer_id,
        caseworker_reads=actor.role is Role.caseworker,
        detail=f"placement {placement.id}",
    )


def proposal_history(session: Session, actor: Actor, proposal_id: int) -> list[StatusChange]:
    proposal_for(session, actor, proposal_id)
    return audit.status_history(session, "proposal", proposal_id)
