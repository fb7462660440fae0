"""An API client and a small world of users, companies, offers and clients built directly
through the ORM, so that each test exercises only the endpoint it is about."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from accounts.passwords import hash_password
from accounts.tokens import issue_token
from config.settings import Settings
from matching.embedding import Embedder
from models.client import Client, ClientPersonal, ClientSkill, RightToWork, SkillSource
from models.company import Company, ContactPerson, EngagementEvent, SizeClass
from models.db import build_engine, session_factory, unit_of_work
from models.inbox import Alert, AlertKind
from models.matching import Shortlist, ShortlistDirection, ShortlistItem
from models.offer import ContractType, Offer, OfferKind, OfferRequirement, OfferStatus
from models.placement import Checkpoint, CheckpointSide, Placement, PlacementStatus, Proposal
from models.taxonomy import ConceptKind, LabelKind, SkillConcept, SkillLabel
from models.tutor import Tutor
from models.user import Office, Role, User
from taxonomy.text import normalise
from web.app import create_app

PASSWORD = "correct horse battery"
Row = TypeVar("Row")
_HASH: dict[str, str] = {}


def password_hash() -> str:
    """Argon2 is slow on purpose: hash the shared test password once per session."""
    if "h" not in _HASH:
        _HASH["h"] = hash_password(PASSWORD)
    return _HASH["h"]


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = build_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def client(settings: Settings, engine: Engine, embedder: Embedder) -> Iterator[TestClient]:
    """The whole site: the API and the pages."""
    app = create_app(settings, engine=engine, embedder=embedder)
    # HTTPS, as outside development the session cookie is Secure.
    with TestClient(app, base_url="https://testserver") as test_client:
        yield test_client


class Builder:
    """Creates rows directly; each method commits so the API sees them."""

    def __init__(self, db: sessionmaker[Session]) -> None:
        self.db = db

    def add(self, row: Row) -> Row:
        with unit_of_work(self.db) as session:
            session.add(row)
            session.flush()
            session.expunge(row)
        return row

    def user(self, email: str, role: Role, **kw: Any) -> User:
        return self.add(
            User(
                email=email,
                display_name=email.split("@")[0],
                role=role,
                password_hash=password_hash(),
                **kw,
            )
        )

    def company(self, name: str, **kw: Any) -> Company:
        values: dict[str, Any] = dict(
            nace_code="56",
            size_class=SizeClass.small,
            country="AT",
            postcode="1100",
            latitude=48.1527,
            longitude=16.3824,
        )
        values.update(kw)
        return self.add(Company(name=name, **values))

    def tutor(self, company_id: int, **kw: Any) -> Tutor:
        values: dict[str, Any] = {"name": "Maria Huber", "max_mentees": 2, **kw}
        return self.add(Tutor(company_id=company_id, **values))

    def offer(
        self, company_id: int, status: OfferStatus = OfferStatus.published, **kw: Any
    ) -> Offer:
        values: dict[str, Any] = dict(
            kind=OfferKind.vacancy,
            title="Kitchen assistant",
            hours_per_week=30,
            contract_type=ContractType.permanent,
            country="AT",
            postcode="1100",
            latitude=48.1527,
            longitude=16.3824,
            places=1,
        )
        values.update(kw)
        offer = Offer(company_id=company_id, status=status, **values)
        offer.requirements = [OfferRequirement(position=0, text="Food hygiene", essential=True)]
        return self.add(offer)

    def concept(self, label: str, alternatives: str = "") -> SkillConcept:
        """A starter-style skill concept with its labels."""
        concept = self.add(
            SkillConcept(
                key=label.replace(" ", "-"),
                kind=ConceptKind.skill,
                source="starter",
                preferred_label=label,
                collections=[],
            )
        )
        labels = [(LabelKind.preferred, label)] + [
            (LabelKind.alternative, alt.strip()) for alt in alternatives.split("|") if alt.strip()
        ]
        for kind, text in labels:
            self.add(
                SkillLabel(
                    concept_id=concept.id,
                    kind=kind,
                    label=text,
                    normalised=normalise(text),
                    source="starter",
                )
            )
        return concept

    def client(
        self,
        caseworker_id: int,
        consent_liaison: bool = True,
        consent_employers: bool | None = None,
        **kw: Any,
    ) -> Client:
        values: dict[str, Any] = dict(
            given_name="Amina",
            family_name="Haddad",
            country="AT",
            home_postcode="1100",
            latitude=48.1527,
            longitude=16.3824,
            right_to_work=RightToWork.yes,
        )
        values.update(kw)
        client = Client(
            caseworker_id=caseworker_id,
            consent_liaison=consent_liaison,
            consent_employers=consent_liaison if consent_employers is None else consent_employers,
            **values,
        )
        client.skills = [
            ClientSkill(
                position=0, text="Cooked for 40 at the parish fete", source=SkillSource.informal
            )
        ]
        client = self.add(client)
        self.add(
            ClientPersonal(
                client_id=client.id,
                phone="+43 660 1234567",
                barriers=["debt"],
                barrier_notes="Debt counselling on Tuesdays",
            )
        )
        return client

    def placement(
        self,
        client_id: int,
        offer: Offer,
        status: PlacementStatus = PlacementStatus.planned,
        **kw: Any,
    ) -> Placement:
        started = status is not PlacementStatus.planned
        values: dict[str, Any] = dict(
            tutor_id=offer.tutor_id,
            kind=offer.kind,
            planned_start=date.today() - timedelta(days=3 if started else -7),
            actual_start=date.today() - timedelta(days=3) if started else None,
            status=status,
        )
        values.update(kw)
        return self.add(Placement(client_id=client_id, offer_id=offer.id, **values))

    def work_trial(self, company_id: int) -> Offer:
        """A published work trial with a tutor of its own (room for two newcomers)."""
        tutor = self.tutor(company_id)
        return self.offer(company_id, kind=OfferKind.work_trial, tutor_id=tutor.id, places=5)

    def proposal(self, client_id: int, offer_id: int, proposed_by_id: int) -> Proposal:
        return self.add(
            Proposal(client_id=client_id, offer_id=offer_id, proposed_by_id=proposed_by_id)
        )


@dataclass
class World:
    build: Builder
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}


@pytest.fixture
def world(db: sessionmaker[Session], settings: Settings) -> World:
    """Two offices, two companies, one user per role (and a second caseworker and employer
    for the 'someone else's object' cases), offers in several states, clients and a placement."""
    b = Builder(db)
    w = World(build=b)
    office_a = b.add(Office(name="Favoriten"))
    office_b = b.add(Office(name="Floridsdorf"))
    company_a = b.company("Gasthaus Zur Linde", registration_number="FN 100001a")
    company_b = b.company("Logistik Ost GmbH", nace_code="52")
    w.users = {
        "admin": b.user("admin@tandem.example", Role.admin),
        "liaison": b.user("liaison@tandem.example", Role.liaison, office_id=office_a.id),
        "caseworker": b.user("cw@tandem.example", Role.caseworker, office_id=office_a.id),
        "caseworker_b": b.user("cw.b@tandem.example", Role.caseworker, office_id=office_b.id),
        "employer": b.user("boss@linde.example", Role.employer, company_id=company_a.id),
        "employer_b": b.user("boss@ost.example", Role.employer, company_id=company_b.id),
        "colleague": b.user("cw.2@tandem.example", Role.caseworker, office_id=office_a.id),
    }
    w.tokens = {name: issue_token(u.id, settings.secret_key, 60) for name, u in w.users.items()}
    tutor_a = b.tutor(company_a.id)
    tutor_b = b.tutor(company_b.id)
    b.add(ContactPerson(company_id=company_a.id, name="Franz Berger", email="fb@linde.example"))
    b.add(ContactPerson(company_id=company_b.id, name="Ana Petrović"))
    for company in (company_a, company_b):
        b.add(
            EngagementEvent(
                company_id=company.id,
                kind="visit",
                channel="direct",
                occurred_on=date.today() - timedelta(days=3),
                summary="Met the owner; open to a work trial.",
            )
        )
    offer_a = b.offer(company_a.id, tutor_id=tutor_a.id)
    offer_a_draft = b.offer(company_a.id, status=OfferStatus.draft)
    offer_b = b.offer(company_b.id, tutor_id=tutor_b.id)
    client_a = b.client(w.users["caseworker"].id)
    client_private = b.client(
        w.users["caseworker"].id, consent_liaison=False, given_name="Jovana", family_name="Ilić"
    )
    client_b = b.client(w.users["caseworker_b"].id, given_name="Ahmad", family_name="Karimi")
    placement_a = b.add(
        Placement(
            client_id=client_a.id,
            offer_id=offer_a.id,
            tutor_id=tutor_a.id,
            kind=offer_a.kind,
            planned_start=date.today() + timedelta(days=7),
        )
    )
    placement_b = b.add(
        Placement(
            client_id=client_b.id,
            offer_id=offer_b.id,
            tutor_id=tutor_b.id,
            kind=offer_b.kind,
            planned_start=date.today() + timedelta(days=7),
        )
    )
    shortlist_a = Shortlist(
        direction=ShortlistDirection.offers_for_client,
        client_id=client_a.id,
        requested_by_id=w.users["caseworker"].id,
        model="test",
    )
    shortlist_a.items = [
        ShortlistItem(rank=1, offer_id=offer_a.id, client_id=client_a.id, score=0.5)
    ]
    shortlist_a = b.add(shortlist_a)
    proposal_a = b.proposal(client_a.id, offer_a.id, w.users["caseworker"].id)
    checkpoint_a = b.add(
        Checkpoint(
            placement_id=placement_a.id,
            offset_days=7,
            side=CheckpointSide.client,
            owner_id=w.users["caseworker"].id,
            due_on=date.today() + timedelta(days=4),
        )
    )
    alert_a = b.add(
        Alert(
            user_id=w.users["caseworker"].id,
            kind=AlertKind.checkpoint_due,
            key=f"checkpoint_due:{checkpoint_a.id}",
            entity="checkpoint",
            entity_id=checkpoint_a.id,
            message="Checkpoint due",
        )
    )
    w.ids = {
        "proposal_a": proposal_a.id,
        "checkpoint_a": checkpoint_a.id,
        "alert_a": alert_a.id,
        "shortlist_a": shortlist_a.id,
        "office_a": office_a.id,
        "office_b": office_b.id,
        "company_a": company_a.id,
        "company_b": company_b.id,
        "tutor_a": tutor_a.id,
        "tutor_b": tutor_b.id,
        "offer_a": offer_a.id,
        "offer_a_draft": offer_a_draft.id,
        "offer_b": offer_b.id,
        "client_a": client_a.id,
        "client_private": client_private.id,
        "client_b": client_b.id,
        "placement_a": placement_a.id,
        "placement_b": placement_b.id,
        "skill_a": client_a.skills[0].id,
        "requirement_a_draft": offer_a_draft.requirements[0].id,
        "concept": b.concept("apply food hygiene", "food safety | HACCP").id,
    }
    return w
