"""The demo data set: promised sizes, built through the services, sign-in works, idempotent.

Loading the demo is the slow part (hundreds of offers and clients, eighteen password hashes),
so one test loads it once and checks everything against the database itself.
"""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from config.settings import Settings
from demo.seed import DEMO_PASSWORD, DemoSummary, load_demo
from matching.embedding import Embedder
from models.audit import AuditEvent, StatusChange
from models.client import Client, ClientSkill, SkillSource
from models.company import Company, ContactPerson, EngagementEvent, EngagementStatus
from models.db import build_engine, unit_of_work
from models.inbox import Alert
from models.offer import TUTORED_KINDS, Offer, OfferKind, OfferStatus
from models.placement import (
    Checkpoint,
    CheckpointOutcome,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from models.registry import metadata
from models.tutor import Tutor
from models.user import Role, User


def _row_counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in metadata.sorted_tables
    }


def _clients_with_skill(session: Session, source: SkillSource) -> int:
    query = select(func.count(func.distinct(ClientSkill.client_id))).where(
        ClientSkill.source == source
    )
    return session.scalar(query) or 0


def _check_sizes(session: Session, summary: DemoSummary) -> None:
    offers = session.scalars(select(Offer)).all()
    assert len(offers) >= 200
    assert {o.kind for o in offers} == set(OfferKind)
    statuses = {o.status for o in offers}
    expected = {OfferStatus.draft, OfferStatus.submitted, OfferStatus.published}
    assert expected | {OfferStatus.withdrawn} <= statuses
    assert sum(o.status is OfferStatus.published for o in offers) > len(offers) / 2
    assert all(o.expiry_date is None or o.expiry_date >= date.today() for o in offers)

    tutors = {t.id: t for t in session.scalars(select(Tutor))}
    for offer in offers:
        if offer.kind in TUTORED_KINDS:
            assert offer.tutor_id is not None, offer.title
            assert tutors[offer.tutor_id].company_id == offer.company_id

    # Every offer that left the draft state did so through recorded transitions.
    moved = set(
        session.scalars(select(StatusChange.entity_id).where(StatusChange.entity == "offer"))
    )
    assert {o.id for o in offers if o.status is not OfferStatus.draft} <= moved
    publishers = session.scalars(
        select(User.role)
        .join(StatusChange, StatusChange.actor_id == User.id)
        .where(StatusChange.entity == "offer", StatusChange.to_status == OfferStatus.published)
    ).all()
    assert publishers
    assert set(publishers) <= {Role.liaison, Role.admin}

    clients = session.scalar(select(func.count()).select_from(Client)) or 0
    assert clients >= 500
    assert _clients_with_skill(session, SkillSource.formal) == clients
    assert _clients_with_skill(session, SkillSource.informal) == clients
    created = select(func.count()).where(
        AuditEvent.entity == "client", AuditEvent.action == "create"
    )
    assert session.scalar(created) == clients

    roles = set(session.scalars(select(User.role)))
    assert roles == set(Role)
    companies = session.scalar(select(func.count()).select_from(Company)) or 0
    assert companies >= 30
    with_contacts = select(func.count(func.distinct(ContactPerson.company_id)))
    with_events = select(func.count(func.distinct(EngagementEvent.company_id)))
    assert session.scalar(with_contacts) == companies
    assert session.scalar(with_events) == companies

    placements = session.scalars(select(Placement)).all()
    assert len(placements) >= 30
    for placement in placements:
        placed_on = session.get(Offer, placement.offer_id)
        placed = session.get(Client, placement.client_id)
        assert placed_on is not None
        assert placed_on.status in (OfferStatus.published, OfferStatus.filled)
        if placed_on.status is OfferStatus.filled:
            taken = sum(p.offer_id == placed_on.id for p in placements)
            assert taken >= placed_on.places
        assert placed is not None
        assert placed.consent_liaison
        assert placed.consent_employers
    assert {p.status for p in placements} == set(PlacementStatus)
    answers = set(session.scalars(select(Proposal.status)))
    assert answers >= set(ProposalStatus) - {ProposalStatus.withdrawn}
    outcomes = set(session.scalars(select(Checkpoint.outcome)))
    assert outcomes == {None, CheckpointOutcome.in_work, CheckpointOutcome.ended}
    assert (session.scalar(select(func.count()).select_from(Alert)) or 0) > 0

    assert summary.offers == len(offers)
    assert summary.clients == clients
    assert summary.placements == len(placements)
    assert sum(summary.offers_by_status.values()) == len(offers)


def _check_job_board_ad_and_export_round_trip(
    api: TestClient, liaison_email: str, sessions: sessionmaker[Session]
) -> None:
    """The demo imported one job-board ad whose employer is a new prospect; Tandem's export
    of every published offer imports back without a duplicate or a change."""
    with sessions() as session:
        imported = session.scalars(select(Offer).where(Offer.source_key.is_not(None))).all()
        assert len(imported) == 1
        employer = session.get(Company, imported[0].company_id)
        assert employer is not None
        assert employer.engagement_status is EngagementStatus.prospect
        assert employer.website == "https://kantine-favoriten.example"
        assert [r.text for r in imported[0].requirements][:2] == ["Hygiene", "Teamarbeit"]
    token = api.post(
        "/api/v1/auth/token", json={"email": liaison_email, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    documents: list[dict[str, object]] = []
    while True:
        page = api.get(
            "/api/v1/offers/jobpostings",
            params={"limit": 100, "offset": len(documents)},
            headers=headers,
        ).json()
        documents += page["@graph"]
        if len(documents) >= page["total"]:
            break
    assert len(documents) > 100
    with sessions() as session:
        before = _row_counts(session)
    report = api.post(
        "/api/v1/offers/import",
        json={"@context": "https://schema.org", "@graph": documents},
        headers=headers,
    ).json()
    assert report["created"] == []
    assert report["updated"] == []
    assert len(report["unchanged"]) == len(documents)
    with sessions() as session:
        assert _row_counts(session) == before


@pytest.mark.slow
def test_demo_loads_once_and_its_users_can_sign_in(
    settings: Settings, sessions: sessionmaker[Session], embedder: Embedder
) -> None:
    messages: list[str] = []
    with unit_of_work(sessions) as session:
        summary = load_demo(session, seed=7, progress=messages.append)

    assert not summary.already_loaded
    assert any(m.startswith("companies: ") for m in messages)
    assert "offers" in summary.describe()
    assert {role for role, _ in summary.sign_ins} == {r.value for r in Role}
    with sessions() as session:
        _check_sizes(session, summary)

    engine = build_engine(settings.database_url)
    try:
        with TestClient(create_app(settings, engine=engine, embedder=embedder)) as api:
            first_per_role: dict[str, str] = {}
            for role, email in summary.sign_ins:
                first_per_role.setdefault(role, email)
            for email in first_per_role.values():
                body = {"email": email, "password": DEMO_PASSWORD}
                response = api.post("/api/v1/auth/token", json=body)
                assert response.status_code == 200, (email, response.text)
                assert response.json()["access_token"]
            body = {"email": first_per_role["admin"], "password": "not-the-password"}
            assert api.post("/api/v1/auth/token", json=body).status_code == 401
            _check_job_board_ad_and_export_round_trip(api, first_per_role["liaison"], sessions)
    finally:
        engine.dispose()

    with sessions() as session:
        before = _row_counts(session)
    with unit_of_work(sessions) as session:
        again = load_demo(session, seed=7, progress=messages.append)
    assert again.already_loaded
    assert "already loaded" in again.describe()
    assert again.sign_ins == summary.sign_ins
    with sessions() as session:
        assert _row_counts(session) == before
