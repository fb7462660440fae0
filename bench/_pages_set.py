"""The rest of the page bench's set, on top of ``bench/shortlist.py``'s offers and clients:
what the employer's, the liaison officer's and the admin's pages list, at a realistic size
(companies with contacts and engagement events, tutors with trainings, offers held with the
findings of their screening and the history of their states, proposals, placements with their
checkpoints, alerts, an audit trail). Written with a few bulk inserts (explicit ids, so one
row can point at another without reading it back)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from employers.screening import Screener
from models.audit import AuditEvent, StatusChange
from models.client import Client
from models.company import (
    Channel,
    Company,
    ContactPerson,
    EngagementEvent,
    EngagementStatus,
    EventKind,
    SizeClass,
)
from models.inbox import Alert, AlertKind
from models.offer import Offer, OfferScreening, OfferStatus
from models.placement import (
    Checkpoint,
    CheckpointOutcome,
    CheckpointSide,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from models.tutor import Tutor, TutorStage, TutorTraining
from models.user import Role, User

#: The text of a held offer: its screening finds three things to reword.
HELD_TEXT = "We want a young native German speaker, male, under 30."
CHECKPOINT_DAYS = (7, 30, 91, 182, 365)
AUDIT_ROWS = 100_000


def _next_id(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9), UTC)


def _table(model: Any) -> Table:
    return model.metadata.tables[model.__tablename__]  # type: ignore[no-any-return]


def _bulk(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(model), list(rows))


def populate_roles(
    session: Session, caseworker: User, liaison: User, rng: random.Random, today: date
) -> dict[str, int]:
    """The other roles' users and what their pages list; returns the users' ids by role."""
    office_id = caseworker.office_id
    admin = User(
        email="ad@bench", display_name="ad", role=Role.admin, password_hash="x", office_id=office_id
    )
    other_liaison = User(
        email="li2@bench",
        display_name="li2",
        role=Role.liaison,
        password_hash="x",
        office_id=office_id,
    )
    caseworkers = [
        User(
            email=f"cw{i}@bench",
            display_name=f"cw{i}",
            role=Role.caseworker,
            password_hash="x",
            office_id=office_id,
        )
        for i in range(20)
    ]
    session.add_all([admin, other_liaison, *caseworkers])
    session.flush()
    company_ids = list(session.scalars(select(Company.id).order_by(Company.id)))
    employer = User(
        email="em@bench",
        display_name="em",
        role=Role.employer,
        password_hash="x",
        company_id=company_ids[0],
    )
    session.add(employer)
    session.flush()
    officers = [liaison.id, liaison.id, other_liaison.id, None]
    session.execute(
        update(_table(Company))
        .where(_table(Company).c.id == bindparam("cid"))
        .values(
            engagement_status=bindparam("status"),
            liaison_officer_id=bindparam("officer"),
            size_class=bindparam("size"),
        ),
        [
            {
                "cid": cid,
                "status": rng.choice(list(EngagementStatus)).name,
                "officer": officers[n % len(officers)],
                "size": rng.choice(list(SizeClass)).name,
            }
            for n, cid in enumerate(company_ids)
        ],
    )
    _bulk(
        session,
        ContactPerson,
        [
            {
                "company_id": cid,
                "name": f"Contact {cid}-{k}",
                "job_title": "HR",
                "email": f"c{cid}-{k}@bench",
                "is_primary": k == 0,
            }
            for cid in company_ids
            for k in range(2)
        ],
    )
    _bulk(
        session,
        EngagementEvent,
        [
            {
                "company_id": cid,
                "kind": rng.choice(list(EventKind)),
                "channel": rng.choice(list(Channel)),
                "occurred_on": today - timedelta(days=rng.randint(0, 730)),
                "summary": "Talked about the next places and the tutors' training.",
                "next_step": "Call back",
                "next_step_on": today + timedelta(days=rng.randint(-30, 60)),
                "recorded_by_id": liaison.id,
            }
            for cid in company_ids
            for _ in range(30)
        ],
    )
    tutor_id = _next_id(session, Tutor)
    tutors: dict[int, list[int]] = {}
    tutor_rows, training_rows = [], []
    for cid in company_ids:
        for k in range(4):
            stage = rng.choice(list(TutorStage))
            tutor_rows.append(
                {
                    "id": tutor_id,
                    "company_id": cid,
                    "name": f"Tutor {cid}-{k}",
                    "job_title": "Team lead",
                    "stage": stage,
                    "identified_on": today - timedelta(days=rng.randint(30, 700)),
                    "max_mentees": rng.randint(1, 3),
                    "languages": ["de", "en"],
                }
            )
            if stage in (TutorStage.in_training, TutorStage.trained):
                training_rows += [
                    {
                        "tutor_id": tutor_id,
                        "title": f"Mentoring {n}",
                        "attended_on": today - timedelta(days=rng.randint(1, 400)),
                        "hours": 8.0,
                    }
                    for n in range(rng.randint(1, 3))
                ]
            tutors.setdefault(cid, []).append(tutor_id)
            tutor_id += 1
    _bulk(session, Tutor, tutor_rows)
    _bulk(session, TutorTraining, training_rows)

    # Offers: a tenth held or submitted (held ones with their findings), a few rejected,
    # expired or drafts; every offer past draft screened once, with the history of its states.
    offers = session.execute(select(Offer.id, Offer.company_id, Offer.kind).order_by(Offer.id))
    offer_rows = offers.all()
    findings = [
        f.as_dict() for f in Screener.from_files().screen_fields([("description", HELD_TEXT)])
    ]
    status_of: dict[int, OfferStatus] = {}
    changed, screenings, changes = [], [], []
    for offer_id, _company_id, _kind in offer_rows:
        draw = rng.random()
        status = (
            OfferStatus.held
            if draw < 0.06
            else OfferStatus.submitted
            if draw < 0.10
            else OfferStatus.rejected
            if draw < 0.12
            else OfferStatus.expired
            if draw < 0.14
            else OfferStatus.draft
            if draw < 0.15
            else OfferStatus.published
        )
        status_of[offer_id] = status
        day = today - timedelta(days=rng.randint(1, 300))
        if status is not OfferStatus.published:
            changed.append(
                {
                    "oid": offer_id,
                    "status": status.value,
                    "description": HELD_TEXT if status is OfferStatus.held else "",
                    "updated": _at(day),
                }
            )
        if status is OfferStatus.draft:
            continue
        screenings.append(
            {
                "offer_id": offer_id,
                "at": _at(day),
                "trigger": "submit",
                "findings": findings if status is OfferStatus.held else [],
            }
        )
        changes.append(
            {
                "entity": "offer",
                "entity_id": offer_id,
                "from_status": "draft",
                "to_status": "held" if status is OfferStatus.held else "submitted",
                "at": _at(day),
            }
        )
        if status not in (OfferStatus.held, OfferStatus.submitted):
            changes.append(
                {
                    "entity": "offer",
                    "entity_id": offer_id,
                    "from_status": "submitted",
                    "to_status": status.value,
                    "actor_id": liaison.id,
                    "reason": "Not in our region" if status is OfferStatus.rejected else None,
                    "at": _at(day + timedelta(days=2)),
                }
            )
    table = _table(Offer)
    session.execute(
        update(table)
        .where(table.c.id == bindparam("oid"))
        .values(
            status=bindparam("status"),
            description=bindparam("description"),
            updated_at=bindparam("updated"),
        ),
        changed,
    )
    _bulk(session, OfferScreening, screenings)
    _bulk(session, StatusChange, changes)

    # Proposals on published offers (a few hundred on the employer's company), about a fifth
    # accepted with a placement; placements past their start with their checkpoints.
    published = [(o, c, k) for o, c, k in offer_rows if status_of[o] is OfferStatus.published]
    ours = [row for row in published if row[1] == company_ids[0]] or published
    client_ids = list(session.scalars(select(Client.id).order_by(Client.id)))
    pairs = [rng.choice(published) for _ in range(3000)] + [rng.choice(ours) for _ in range(300)]
    seen: set[tuple[int, int]] = set()
    proposal_id = _next_id(session, Proposal)
    placement_id = _next_id(session, Placement)
    proposal_rows: list[dict[str, Any]] = []
    placement_rows: list[dict[str, Any]] = []
    checkpoint_rows: list[dict[str, Any]] = []
    statuses = [ProposalStatus.open] * 8 + [ProposalStatus.interview_planned] * 3
    statuses += [ProposalStatus.declined] * 4 + [ProposalStatus.accepted] * 4
    statuses += [ProposalStatus.withdrawn]
    for offer_id, company_id, kind in pairs:
        client_id = rng.choice(client_ids)
        if (client_id, offer_id) in seen:
            continue
        seen.add((client_id, offer_id))
        answer = rng.choice(statuses)
        made = today - timedelta(days=rng.randint(0, 150))
        row: dict[str, Any] = {
            "id": proposal_id,
            "client_id": client_id,
            "offer_id": offer_id,
            "proposed_by_id": caseworker.id,
            "status": answer,
            "message": "A good fit for the morning shifts.",
            "created_at": _at(made),
            "updated_at": _at(made),
        }
        if answer is ProposalStatus.interview_planned:
            row["interview_on"] = today + timedelta(days=rng.randint(-5, 20))
        if answer in (ProposalStatus.declined, ProposalStatus.accepted):
            row["answered_at"] = _at(made + timedelta(days=3))
        if answer is ProposalStatus.declined:
            row["decline_reason"] = "profile_does_not_fit"
        if answer is ProposalStatus.accepted:
            row["placement_id"] = placement_id
            placement_rows.append(
                _placement(placement_id, client_id, offer_id, kind, tutors[company_id], rng, today)
            )
            checkpoint_rows += _checkpoints(placement_rows[-1], caseworker, liaison, rng, today)
            placement_id += 1
        proposal_rows.append(row)
        proposal_id += 1
    _bulk(session, Placement, placement_rows)
    _bulk(session, Proposal, proposal_rows)
    _bulk(session, Checkpoint, checkpoint_rows)
    table = _table(Client)
    session.execute(
        update(table)
        .where(table.c.id.in_({r["client_id"] for r in proposal_rows}))
        .values(consent_employers=True)
    )
    _bulk(
        session,
        Alert,
        [
            {
                "user_id": liaison.id,
                "kind": AlertKind.checkpoint_due,
                "key": f"bench-{p['id']}",
                "entity": "placement",
                "entity_id": p["id"],
                "message": "A checkpoint is due.",
                "created_at": _at(today - timedelta(days=rng.randint(0, 60))),
            }
            for p in placement_rows[:300]
        ],
    )

    # The audit trail: what the staff did to clients over a year.
    actors = [caseworker.id, liaison.id, admin.id, *(c.id for c in caseworkers)]
    actions = ["read", "update", "create", "export", "consent", "shortlist", "propose"]
    start = datetime.combine(today - timedelta(days=365), time(), UTC)
    _bulk(
        session,
        AuditEvent,
        [
            {
                "at": start + timedelta(seconds=rng.randint(0, 365 * 86_400)),
                "actor_id": rng.choice(actors),
                "action": rng.choice(actions),
                "entity": "client",
                "entity_id": str(rng.choice(client_ids)),
                "fields": ["given_name"],
            }
            for _ in range(AUDIT_ROWS)
        ],
    )
    session.flush()
    return {"admin": admin.id, "employer": employer.id}


def _placement(
    placement_id: int,
    client_id: int,
    offer_id: int,
    kind: Any,
    tutors: list[int],
    rng: random.Random,
    today: date,
) -> dict[str, Any]:
    draw = rng.random()
    status = (
        PlacementStatus.planned
        if draw < 0.25
        else PlacementStatus.started
        if draw < 0.65
        else PlacementStatus.completed
        if draw < 0.80
        else PlacementStatus.hired
        if draw < 0.90
        else PlacementStatus.ended_early
    )
    if status is PlacementStatus.planned:
        start = today + timedelta(days=rng.randint(1, 30))
    else:
        start = today - timedelta(days=rng.randint(1, 400))
    end = start + timedelta(days=rng.choice([30, 90, 180]))
    if status is PlacementStatus.started:  # some end within the next two weeks
        end = today + timedelta(days=rng.randint(0, 60))
    row: dict[str, Any] = {
        "id": placement_id,
        "client_id": client_id,
        "offer_id": offer_id,
        "tutor_id": rng.choice(tutors),
        "kind": kind,
        "planned_start": start,
        "planned_end": end,
        "status": status,
    }
    if status is not PlacementStatus.planned:
        row["actual_start"] = start
    if status in (PlacementStatus.completed, PlacementStatus.hired, PlacementStatus.ended_early):
        row["actual_end"] = min(end, today)
    if status is PlacementStatus.ended_early:
        row["end_reason"] = "health"
    return row


def _checkpoints(
    placement: dict[str, Any], caseworker: User, liaison: User, rng: random.Random, today: date
) -> list[dict[str, Any]]:
    """Checkpoints on both sides; those due more than a week ago mostly recorded."""
    start = placement.get("actual_start")
    if start is None:
        return []
    rows = []
    for days in CHECKPOINT_DAYS:
        due = start + timedelta(days=days)
        sides = ((CheckpointSide.employer, liaison), (CheckpointSide.client, caseworker))
        for side, owner in sides:
            row: dict[str, Any] = {
                "placement_id": placement["id"],
                "offset_days": days,
                "side": side,
                "owner_id": owner.id,
                "due_on": due,
            }
            if due < today - timedelta(days=7) and rng.random() < 0.8:
                row.update(
                    outcome=CheckpointOutcome.in_work,
                    satisfaction_employer=4 if side is CheckpointSide.employer else None,
                    satisfaction_client=4 if side is CheckpointSide.client else None,
                    recorded_on=due,
                    recorded_by_id=owner.id,
                )
            rows.append(row)
    return rows
