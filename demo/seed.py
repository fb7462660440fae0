"""The demo data set: a seeded, idempotent, realistic picture of a public employment service in
Vienna, built from the texts in ``demo.templates``.

Everything goes through the same service functions and pydantic schemas as the API, so the demo
passes the same validation and leaves the same audit trail and offer transition history as real
use. Only what has no service yet is left out (placements stay ``planned``).

``load_demo`` runs inside the caller's unit of work and never commits. A second run finds the
demo administrator and changes nothing.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from accounts.schemas import OfficeCreate, UserCreate
from accounts.users import actor_for, create_office, create_user
from clients.profiles import create_client
from clients.records import add_contact as add_client_contact
from clients.records import flag_parked_clients
from clients.schemas import (
    Barrier,
    ClientCreate,
    ContactCreate,
    Gender,
    LanguageSkill,
    MonitoringIn,
    PersonalIn,
    SkillIn,
)
from config.settings import Settings
from demo.templates import (
    ASPIRATIONS,
    BARRIER_NOTES,
    CONTACT_NOTES,
    ENGAGEMENT_SUMMARIES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    INFORMAL_SKILLS,
    NEXT_STEPS,
    SECTORS,
    STREETS,
    OfferTemplate,
    SectorTemplate,
)
from employers.companies import add_contact as add_company_contact
from employers.companies import add_event, create_company
from employers.jobposting import (
    JOBPOSTING_FIELDS,
    ImportContext,
    import_offers,
    jobposting_rows,
)
from employers.offer_states import OfferAction
from employers.offers import Review, alert_held_offers, create_offer, transition
from employers.schemas import (
    CompanyCreate,
    ContactPersonCreate,
    EngagementEventCreate,
    LanguageRequirement,
    OfferCreate,
    RequirementIn,
    TutorCreate,
)
from employers.screening import Screener
from employers.tutors import create_tutor
from models.client import (
    Client,
    ClientContact,
    ContactChannel,
    FunctionalLimit,
    Readiness,
    RightToWork,
    SkillSource,
    SkillStage,
)
from models.company import (
    Channel,
    Company,
    ContactPerson,
    EngagementEvent,
    EngagementStatus,
    EventKind,
    Motive,
    SizeClass,
)
from models.errors import TandemError
from models.inbox import Alert
from models.offer import (
    TUTORED_KINDS,
    ContractType,
    Insurer,
    Offer,
    OfferKind,
    OfferRequirement,
    OfferStatus,
    PayPeriod,
    PhysicalDemand,
    Schedule,
)
from models.placement import (
    Attendance,
    Checkpoint,
    CheckpointOutcome,
    DeclineReason,
    EndReason,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from models.tutor import Tutor, TutorStage
from models.user import Office, Role, User
from placements.followup import alert_checkpoints, alert_trials_ending, record_checkpoint
from placements.lifecycle import (
    cancel_placement,
    complete_placement,
    end_placement_early,
    hire_from_placement,
    report_placement,
    start_placement,
)
from placements.proposals import alert_unanswered, answer_proposal, propose
from placements.schemas import (
    CheckpointOutcomeIn,
    PlacementCancel,
    PlacementComplete,
    PlacementEndEarly,
    PlacementHire,
    PlacementStart,
    ProposalAnswer,
    ReportIn,
)
from places.geo import GazetteerRow, haversine_km, import_gazetteer, read_gazetteer
from taxonomy.normalise import Normaliser

__all__ = ["DEMO_DOMAIN", "DEMO_PASSWORD", "DemoSummary", "load_demo"]

DEMO_PASSWORD = "demo garden walk"
DEMO_DOMAIN = "demo.tandem.example"
ADMIN_EMAIL = f"admin@{DEMO_DOMAIN}"
COUNTRY = "AT"
GAZETTEER = Path(__file__).with_name("gazetteer.csv")
#: One job-board ad (schema.org JobPosting) whose employer Tandem does not know yet: the demo
#: imports it, so the employer appears as a new prospect with the ad waiting for review.
JOB_BOARD_AD = Path(__file__).with_name("job_board_ad.jsonld")

OFFICE_NAMES = ("Wien Favoriten", "Wien Floridsdorf", "Wien Ottakring")
LIAISON_OFFICERS = 3
CASEWORKERS = 6
COMPANIES_PER_SECTOR = 3
EMPLOYER_USERS = 8
OFFERS = 234
CLIENTS = 540
PLACEMENTS = 70
#: How far each demo proposal got, by weight.
PROPOSAL_STAGES = {
    "open": 10,
    "interview": 6,
    "declined": 10,
    "planned": 8,
    "cancelled": 2,
    "started": 40,
    "ended_early": 6,
}
CHECKPOINT_OFFSETS = (7, 30, 91, 182, 365)
DECLINE_TEXTS = (
    "",
    "We chose someone with more experience on the till.",
    "The hours do not fit our shifts after all.",
    "Her German is not yet enough for customer contact.",
)
OBSERVED_SKILLS = [
    "working in a team",
    "keeping the workplace clean",
    "customer service",
    "following hygiene rules",
    "being on time",
    "stocking shelves",
    "using a till",
]

#: How many offers end in each state; every state of the machine appears.
OFFER_STATUS_COUNTS: dict[OfferStatus, int] = {
    OfferStatus.published: 150,
    OfferStatus.draft: 22,
    OfferStatus.submitted: 18,
    OfferStatus.held: 6,
    OfferStatus.rejected: 6,
    OfferStatus.filled: 12,
    OfferStatus.expired: 6,
    OfferStatus.withdrawn: 14,
}
BIASED_LINES = (
    "Young and dynamic, max. 35 years",
    "Native German speaker",
    "Please apply with a photo",
    "Waitress for our breakfast service",
    "No family commitments, available at all times",
)
EARLY_STATES = (OfferStatus.draft, OfferStatus.submitted, OfferStatus.held, OfferStatus.rejected)
LATE_STATES = (OfferStatus.filled, OfferStatus.expired, OfferStatus.withdrawn)
BASE_OFFERS = {
    EngagementStatus.prospect: 2,
    EngagementStatus.dormant: 3,
    EngagementStatus.active: 4,
}
EXTRA_OFFER_WEIGHTS = {
    EngagementStatus.prospect: 0,
    EngagementStatus.dormant: 1,
    EngagementStatus.active: 4,
}

#: Vienna streets come first in ``STREETS``, those of Lower Austria from "Wiener Straße" on.
_CUT = STREETS.index("Wiener Straße") if "Wiener Straße" in STREETS else len(STREETS)
VIENNA_STREETS = STREETS[:_CUT] or STREETS
REGION_STREETS = STREETS[_CUT:] or STREETS

# Weights of the random choices

ENGAGEMENT_STATUSES = {
    EngagementStatus.active: 60,
    EngagementStatus.prospect: 25,
    EngagementStatus.dormant: 15,
}
COMPANY_SIZES = {SizeClass.micro: 1, SizeClass.small: 4, SizeClass.medium: 4, SizeClass.large: 1}
SMALL_COMPANY_SIZES = {SizeClass.micro: 3, SizeClass.small: 2}
LARGE_COMPANY_SIZES = {SizeClass.medium: 2, SizeClass.large: 3}
#: Words in a company's name that suggest its size, or that it is not in the company register
#: (associations, collectives and doctors' practices have no FN number).
SMALL_COMPANY_WORDS = (
    "verein", "kindergruppe", "ordination", "malerei", "fliesen", "greißlerei", "heuriger",
    "gasthaus", "kollektiv", "hort", "gärtnerei", "backstube",
)  # fmt: skip
LARGE_COMPANY_WORDS = ("klinik", "logipark", "paketzentrum", "hotel")
UNREGISTERED_WORDS = ("verein", "kollektiv", "ordination", "kindergruppe")
MOTIVE_POOL = (
    Motive.recruitment_need,
    Motive.recruitment_need,
    Motive.social_responsibility,
    Motive.incentives,
    Motive.recognition,
)
EVENT_KINDS = {
    EventKind.call: 5,
    EventKind.visit: 4,
    EventKind.email: 3,
    EventKind.meeting: 3,
    EventKind.recruitment_fair: 1,
    EventKind.work_trial_review: 1,
    EventKind.other: 1,
}
CONTACT_CHANNELS = {
    ContactChannel.in_person: 5,
    ContactChannel.phone: 5,
    ContactChannel.email: 3,
    ContactChannel.video: 1,
    ContactChannel.letter: 1,
}
FORMAL_SKILL_STAGES = {
    SkillStage.self_identified: 5,
    SkillStage.recognised: 3,
    SkillStage.developed: 2,
}
UNAVAILABLE_OPTIONS = (
    (Schedule.evening,),
    (Schedule.weekend,),
    (Schedule.evening, Schedule.weekend),
    (Schedule.night,),
    (Schedule.night, Schedule.weekend),
    (Schedule.evening, Schedule.night, Schedule.weekend),
)
DRIVING_LICENCES = {("B",): 8, ("B", "C"): 1, ("B", "C", "CE"): 1, ("AM",): 1, ("B", "D"): 1}
ISCED_LEVELS = {None: 4, 0: 3, 1: 8, 2: 25, 3: 30, 4: 8, 5: 4, 6: 10, 7: 6, 8: 1}
READINESS = {
    Readiness.orientation: 20,
    Readiness.preparing: 35,
    Readiness.job_ready: 35,
    Readiness.in_work: 10,
}
GENDERS = {Gender.female: 47, Gender.male: 47, Gender.diverse: 1, Gender.not_stated: 5}

ROLE_ORDER = (Role.admin, Role.liaison, Role.caseworker, Role.employer)

Progress = Callable[[str], None]
T = TypeVar("T")


# --------------------------------------------------------------------------------------------
# The summary
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    """What the database holds after ``load_demo``, and who can sign in."""

    already_loaded: bool
    offices: int
    users: int
    users_by_role: dict[str, int]
    companies: int
    contacts: int
    events: int
    tutors: int
    offers: int
    offers_by_status: dict[str, int]
    offers_by_kind: dict[str, int]
    clients: int
    client_contacts: int
    placements: int
    placements_by_status: dict[str, int]
    proposals_by_status: dict[str, int]
    checkpoints: int
    checkpoints_recorded: int
    alerts: int
    sign_ins: list[tuple[str, str]] = field(default_factory=list)
    #: Offers imported from job boards: (title, employer, the employer's engagement status).
    imported_ads: list[tuple[str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        def breakdown(counts: dict[str, int]) -> str:
            return ", ".join(f"{name} {n}" for name, n in counts.items() if n)

        head = (
            "The demo data set is already loaded; nothing was changed. The database holds:"
            if self.already_loaded
            else "Demo data set loaded. The database now holds:"
        )
        lines = [
            head,
            f"  offices      {self.offices:>5}",
            f"  users        {self.users:>5}  ({breakdown(self.users_by_role)})",
            f"  companies    {self.companies:>5}  with {self.contacts} contact people and "
            f"{self.events} engagement events",
            f"  tutors       {self.tutors:>5}",
            f"  offers       {self.offers:>5}  ({breakdown(self.offers_by_status)})",
            f"               {'':>5}  ({breakdown(self.offers_by_kind)})",
            f"  clients      {self.clients:>5}  with {self.client_contacts} contact-log entries",
            f"  proposals    {sum(self.proposals_by_status.values()):>5}  "
            f"({breakdown(self.proposals_by_status)})",
            f"  placements   {self.placements:>5}  ({breakdown(self.placements_by_status)})",
            f"  checkpoints  {self.checkpoints:>5}  ({self.checkpoints_recorded} recorded)",
            f"  inbox alerts {self.alerts:>5}",
        ]
        for title, employer, status in self.imported_ads:
            lines.append(f"  job board    imported '{title}' from {employer} ({status})")
        return "\n".join(lines)


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _grouped(session: Session, column: Any, order: Sequence[Any]) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column)).all()
    found = {str(getattr(value, "value", value)): n for value, n in rows}
    return {str(o.value): found.get(str(o.value), 0) for o in order}


def _summary(session: Session, already_loaded: bool) -> DemoSummary:
    session.flush()
    demo_users = session.scalars(
        select(User).where(User.email.like(f"%@{DEMO_DOMAIN}")).order_by(User.id)
    ).all()
    sign_ins = [
        (role.value, user.email) for role in ROLE_ORDER for user in demo_users if user.role is role
    ]
    return DemoSummary(
        already_loaded=already_loaded,
        offices=_count(session, Office),
        users=_count(session, User),
        users_by_role=_grouped(session, User.role, ROLE_ORDER),
        companies=_count(session, Company),
        contacts=_count(session, ContactPerson),
        events=_count(session, EngagementEvent),
        tutors=_count(session, Tutor),
        offers=_count(session, Offer),
        offers_by_status=_grouped(session, Offer.status, list(OfferStatus)),
        offers_by_kind=_grouped(session, Offer.kind, list(OfferKind)),
        clients=_count(session, Client),
        client_contacts=_count(session, ClientContact),
        placements=_count(session, Placement),
        placements_by_status=_grouped(session, Placement.status, list(PlacementStatus)),
        proposals_by_status=_grouped(session, Proposal.status, list(ProposalStatus)),
        checkpoints=_count(session, Checkpoint),
        checkpoints_recorded=session.scalar(
            select(func.count()).select_from(Checkpoint).where(Checkpoint.outcome.is_not(None))
        )
        or 0,
        alerts=_count(session, Alert),
        sign_ins=sign_ins,
        imported_ads=[
            (title, name, status.value)
            for title, name, status in session.execute(
                select(Offer.title, Company.name, Company.engagement_status)
                .join(Company, Company.id == Offer.company_id)
                .where(Offer.source_key.is_not(None))
                .order_by(Offer.id)
            )
        ],
    )


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

_TRANSLITERATE = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})
_LEGAL_FORMS = {"gmbh", "ggmbh", "ag", "kg", "og", "eu", "co"}


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _slug(text: str, drop_legal_forms: bool = False) -> str:
    words = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    if drop_legal_forms:
        words = [w for w in words if w not in _LEGAL_FORMS] or words
    return "-".join(words)


def _decimal(amount: float) -> Decimal:
    return Decimal(f"{amount:.2f}")


#: Languages spoken at home by clients: (ISO 639 code, weight, likely nationalities).
HOME_LANGUAGES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("de", 14, ("AT", "AT", "AT", "DE")),
    ("ar", 14, ("SY", "SY", "IQ", "EG")),
    ("tr", 11, ("TR", "AT")),
    ("bs", 6, ("BA",)),
    ("sr", 7, ("RS", "AT")),
    ("hr", 4, ("HR",)),
    ("fa", 8, ("AF", "IR")),
    ("ps", 3, ("AF",)),
    ("ro", 6, ("RO",)),
    ("pl", 4, ("PL",)),
    ("hu", 4, ("HU",)),
    ("uk", 8, ("UA",)),
    ("ru", 3, ("RU", "UA")),
    ("so", 4, ("SO",)),
    ("ce", 4, ("RU",)),
    ("en", 4, ("NG", "PH", "GH")),
    ("fr", 3, ("CD", "SN", "GN")),
    ("rom", 2, ("RS", "RO", "SK")),
    ("kmr", 3, ("SY", "TR", "IQ")),
)
#: A second language often spoken alongside a home language.
SECOND_LANGUAGES = {"kmr": "tr", "ce": "ru", "ps": "fa", "rom": "sr", "so": "ar", "uk": "ru"}
GERMAN_LEVELS = {"A1": 14, "A2": 24, "B1": 30, "B2": 18, "C1": 10, "C2": 4}

CONTACT_JOB_TITLES = (
    "HR manager",
    "Owner",
    "Managing director",
    "Recruiting officer",
    "Office manager",
    "Operations manager",
)
WITHDRAW_REASONS = (
    "The position was filled through another channel",
    "Hiring postponed until next year",
    "The employer restructured the team; the post is no longer needed",
    None,
)
REJECT_REASONS = (
    "Pay below the collective agreement; asked the employer to revise the offer",
    "The requirements ask for a 'native speaker'; asked for a CEFR level instead",
    "Unpaid work trial of more than four weeks is not allowed",
)
CHANGE_REQUESTS = (
    "Please state the German level as a CEFR level (e.g. B1)",
    "Please add the working hours and the pay according to the collective agreement",
    "Please name a tutor for the trial period",
)
HOLD_REASONS = (
    "Waiting for the employer to confirm the start date",
    "Clarifying the shift pattern with the employer",
    None,
)
MOBILE_PREFIXES = ("650", "660", "664", "676", "680", "681", "688", "699")
MAIL_DOMAINS = ("mail.example", "post.example", "webmail.example")

#: Words in a barrier note that suggest which barrier it documents.
BARRIER_KEYWORDS: tuple[tuple[tuple[str, ...], Barrier], ...] = (
    (("debt", "garnishment"), Barrier.debt),
    (("housing", "evicted", "staying with"), Barrier.housing),
    (("childcare", "kindergarten", "single parent"), Barrier.childcare),
    (("cares for", "dementia"), Barrier.care_duties),
    (("addiction",), Barrier.addiction),
    (("residence permit", "suspended", "court"), Barrier.legal),
    (
        (
            "back",
            "surgery",
            "depression",
            "diabetes",
            "hearing",
            "allergic",
            "medical",
            "anxious",
            "pregnant",
        ),
        Barrier.health,
    ),
)


def _barrier_for(note: str) -> Barrier:
    lowered = note.lower()
    for words, barrier in BARRIER_KEYWORDS:
        if any(word in lowered for word in words):
            return barrier
    return Barrier.other


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


@dataclass
class _CompanyPlan:
    company: Company
    sector: SectorTemplate
    liaison: Actor
    employer: Actor | None = None
    tutors: list[Tutor] = field(default_factory=list)


class _Demo:
    def __init__(
        self,
        session: Session,
        seed: int,
        progress: Progress,
        normaliser: Normaliser | None,
        review: Review,
    ) -> None:
        self.session = session
        self.normaliser = normaliser
        self.review = review
        self.rng = random.Random(seed)
        self.progress = progress
        self.today = date.today()
        self.vienna: list[GazetteerRow] = []
        self.region: list[GazetteerRow] = []
        self.offices: list[Office] = []
        self.admin: User | None = None
        self.liaisons: list[User] = []
        self.caseworkers: list[User] = []
        self.plans: list[_CompanyPlan] = []
        self.offers: list[tuple[Offer, _CompanyPlan]] = []
        self.clients: list[Client] = []
        self._people: set[str] = set()

    # Random helpers

    def pick(self, items: Sequence[T]) -> T:
        return self.rng.choice(items)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def weighted(self, weights: Mapping[T, int]) -> T:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))

    def days_ahead(self, low: int, high: int) -> date:
        return self.today + timedelta(days=self.rng.randint(low, high))

    def person(self) -> tuple[str, str]:
        """A given and family name, not repeated among staff and contact people."""
        for _ in range(50):
            given, family = self.pick(GIVEN_NAMES), self.pick(FAMILY_NAMES)
            if f"{given} {family}" not in self._people:
                break
        self._people.add(f"{given} {family}")
        return given, family

    def place(self, vienna_share: float) -> GazetteerRow:
        pool = self.vienna if self.chance(vienna_share) or not self.region else self.region
        return self.pick(pool)

    def street_address(self, row: GazetteerRow) -> str:
        street = self.pick(VIENNA_STREETS if row.postcode.startswith("1") else REGION_STREETS)
        number = self.rng.randint(1, 180)
        if row.postcode.startswith("1") and self.chance(0.8):
            return f"{street} {number}/{self.rng.randint(1, 4)}/{self.rng.randint(1, 28)}"
        return f"{street} {number}"

    def phone(self, mobile: bool) -> str:
        if mobile:
            return f"+43 {self.pick(MOBILE_PREFIXES)} {self.rng.randint(1000000, 9999999)}"
        digits = f"{self.rng.randint(1000000, 9999999)}"
        return f"+43 1 {digits[:3]} {digits[3:5]} {digits[5:]}"

    # Stages

    def gazetteer(self) -> None:
        rows = list(read_gazetteer(GAZETTEER))
        added, updated = import_gazetteer(self.session, iter(rows))
        self.vienna = [r for r in rows if r.country == COUNTRY and r.postcode.startswith("1")]
        self.region = [r for r in rows if r.country == COUNTRY and not r.postcode.startswith("1")]
        self.progress(f"gazetteer: {len(rows)} postcodes ({added} added, {updated} updated)")

    def staff(self) -> None:
        for name in OFFICE_NAMES:
            office = self.session.scalar(select(Office).where(Office.name == name))
            office = office or create_office(self.session, None, OfficeCreate(name=name))
            self.offices.append(office)
        self.progress(f"offices: {len(self.offices)}")
        self.admin = self.user("admin", Role.admin, self.offices[0])
        for i in range(LIAISON_OFFICERS):
            office = self.offices[i % len(self.offices)]
            self.liaisons.append(self.user(f"liaison{i + 1}", Role.liaison, office))
        for i in range(CASEWORKERS):
            office = self.offices[i % len(self.offices)]
            self.caseworkers.append(self.user(f"caseworker{i + 1}", Role.caseworker, office))
        self.progress(
            f"staff: 1 admin, {len(self.liaisons)} liaison officers, "
            f"{len(self.caseworkers)} caseworkers"
        )

    def user(
        self, local: str, role: Role, office: Office | None, company: Company | None = None
    ) -> User:
        given, family = self.person()
        display = f"{given} {family}" + (f" ({company.name})" if company is not None else "")
        data = UserCreate(
            email=f"{local}@{DEMO_DOMAIN}",
            display_name=display[:200],
            password=DEMO_PASSWORD,
            role=role,
            office_id=office.id if office is not None else None,
            company_id=company.id if company is not None else None,
        )
        return create_user(self.session, None, data)

    def companies(self) -> None:
        taken = set(self.session.scalars(select(Company.registration_number)).all())
        contacts = events = 0
        for sector in SECTORS:
            names = self.rng.sample(sector.company_names, COMPANIES_PER_SECTOR)
            for name in names:
                liaison = actor_for(self.pick(self.liaisons))
                company = create_company(
                    self.session, liaison, self.company_data(name, sector, liaison, taken), COUNTRY
                )
                plan = _CompanyPlan(company=company, sector=sector, liaison=liaison)
                self.plans.append(plan)
                contacts += self.company_contacts(plan)
                events += self.company_events(plan)
        self.progress(
            f"companies: {len(self.plans)} ({contacts} contact people, {events} engagement events)"
        )

    def company_data(
        self, name: str, sector: SectorTemplate, liaison: Actor, taken: set[str | None]
    ) -> CompanyCreate:
        lowered = name.lower()
        if any(word in lowered for word in SMALL_COMPANY_WORDS):
            size = self.weighted(SMALL_COMPANY_SIZES)
        elif any(word in lowered for word in LARGE_COMPANY_WORDS):
            size = self.weighted(LARGE_COMPANY_SIZES)
        else:
            size = self.weighted(COMPANY_SIZES)
        low, high = {
            SizeClass.micro: (2, 9),
            SizeClass.small: (10, 49),
            SizeClass.medium: (50, 249),
            SizeClass.large: (250, 1800),
        }[size]
        headcount = None if self.chance(0.1) else self.rng.randint(low, high)
        number: str | None = None
        if not any(word in lowered for word in UNREGISTERED_WORDS) and self.chance(0.92):
            while number is None or number in taken:
                number = f"FN {self.rng.randint(100000, 599999)}{self.pick('abdfghikmpstvwxyz')}"
            taken.add(number)
        status = self.weighted(ENGAGEMENT_STATUSES)
        motive_count = {EngagementStatus.prospect: (0, 1)}.get(status, (1, 3))
        motives = self.rng.sample(MOTIVE_POOL, self.rng.randint(*motive_count))
        row = self.place(0.75)
        return CompanyCreate(
            name=name,
            registration_number=number,
            nace_code=sector.nace_division,
            size_class=size,
            headcount=headcount,
            address=self.street_address(row),
            postcode=row.postcode,
            country=COUNTRY,
            engagement_status=status,
            motives=list(dict.fromkeys(motives)),
            liaison_officer_id=liaison.user_id,
        )

    def company_contacts(self, plan: _CompanyPlan) -> int:
        domain = f"{_slug(plan.company.name, drop_legal_forms=True)}.example"
        count = self.rng.randint(1, 2)
        titles = self.rng.sample(CONTACT_JOB_TITLES + plan.sector.tutor_jobs, count)
        for i, title in enumerate(titles):
            given, family = self.person()
            email = f"{_slug(given)}.{_slug(family)}@{domain}" if self.chance(0.85) else None
            data = ContactPersonCreate(
                name=f"{given} {family}",
                job_title=title,
                email=email,
                phone=self.phone(mobile=self.chance(0.4)) if self.chance(0.9) else None,
                is_primary=i == 0,
            )
            add_company_contact(self.session, plan.liaison, plan.company.id, data)
        return count

    def company_events(self, plan: _CompanyPlan) -> int:
        status = plan.company.engagement_status
        if status is EngagementStatus.dormant:
            dates = sorted(self.days_ago(200, 720) for _ in range(self.rng.randint(1, 3)))
        elif status is EngagementStatus.prospect:
            dates = sorted(self.days_ago(3, 90) for _ in range(self.rng.randint(1, 2)))
        else:
            dates = sorted(self.days_ago(2, 360) for _ in range(self.rng.randint(2, 4)))
        summaries = self.rng.sample(ENGAGEMENT_SUMMARIES, len(dates))
        for i, (occurred, summary) in enumerate(zip(dates, summaries, strict=True)):
            latest = i == len(dates) - 1
            next_step = next_on = None
            if latest and status is not EngagementStatus.dormant:
                next_step, next_on = self.pick(NEXT_STEPS), self.days_ahead(3, 30)
            elif self.chance(0.5):
                next_step = self.pick(NEXT_STEPS)
                next_on = occurred + timedelta(days=self.rng.randint(3, 21))
            data = EngagementEventCreate(
                kind=self.weighted(EVENT_KINDS),
                channel=Channel.business_association if self.chance(0.15) else Channel.direct,
                occurred_on=occurred,
                summary=summary,
                next_step=next_step,
                next_step_on=next_on,
            )
            add_event(self.session, plan.liaison, plan.company.id, data)
        return len(dates)

    def employer_users(self) -> None:
        active = [p for p in self.plans if p.company.engagement_status is EngagementStatus.active]
        others = [p for p in self.plans if p not in active]
        chosen = self.rng.sample(active, min(EMPLOYER_USERS, len(active)))
        chosen += self.rng.sample(others, EMPLOYER_USERS - len(chosen))
        for i, plan in enumerate(sorted(chosen, key=lambda p: p.company.id)):
            user = self.user(f"employer{i + 1}", Role.employer, None, plan.company)
            plan.employer = actor_for(user)
        self.progress(f"employer users: {len(chosen)}")

    def tutors(self) -> None:
        count = 0
        stages = [TutorStage.identified, TutorStage.agreed, TutorStage.in_training]
        stages.append(TutorStage.trained)
        for plan in self.plans:
            for i in range(self.rng.randint(1, 3)):
                # The first tutor of each company has at least agreed, so tutored offers can
                # name someone who is actually available.
                stage = self.pick(stages[1:] if i == 0 else stages)
                actor = plan.employer if plan.employer and self.chance(0.5) else plan.liaison
                tutor = create_tutor(self.session, actor, self.tutor_data(plan, stage))
                plan.tutors.append(tutor)
                count += 1
        self.progress(f"tutors: {count}")

    def tutor_data(self, plan: _CompanyPlan, stage: TutorStage) -> TutorCreate:
        given, family = self.person()
        rank = list(TutorStage).index(stage)
        identified = self.days_ago(60, 720)
        dates: list[date | None] = [identified, None, None, None]
        for step in range(1, rank + 1):
            previous = dates[step - 1]
            assert previous is not None
            dates[step] = min(self.today, previous + timedelta(days=self.rng.randint(7, 60)))
        extra = self.pick(("en", "tr", "bs", "hr", "sr", "ar", "pl", "ro", "hu", "uk", "fa"))
        languages = ["de"] + ([extra] if self.chance(0.45) else [])
        domain = f"{_slug(plan.company.name, drop_legal_forms=True)}.example"
        return TutorCreate(
            company_id=plan.company.id,
            name=f"{given} {family}",
            email=f"{_slug(given)[:1]}.{_slug(family)}@{domain}" if self.chance(0.7) else None,
            phone=self.phone(mobile=True) if self.chance(0.5) else None,
            job_title=self.pick(plan.sector.tutor_jobs),
            stage=stage,
            identified_on=dates[0],
            agreed_on=dates[1],
            training_started_on=dates[2],
            trained_on=dates[3],
            max_mentees=self.weighted({1: 5, 2: 3, 3: 1}),
            languages=languages,
        )

    def offers_stage(self) -> None:
        # Prospects have posted little yet, active partners most; the total is fixed.
        counts = {id(p): BASE_OFFERS[p.company.engagement_status] for p in self.plans}
        weights = [EXTRA_OFFER_WEIGHTS[p.company.engagement_status] for p in self.plans]
        extra = max(0, OFFERS - sum(counts.values()))
        for plan in self.rng.choices(self.plans, weights if any(weights) else None, k=extra):
            counts[id(plan)] += 1
        pool = [s for s, n in OFFER_STATUS_COUNTS.items() for _ in range(n)]
        self.rng.shuffle(pool)
        statuses: dict[int, list[OfferStatus]] = {}
        active_last = sorted(
            self.plans, key=lambda p: p.company.engagement_status is EngagementStatus.active
        )
        for plan in active_last:
            statuses[id(plan)] = [self.take_status(pool, plan) for _ in range(counts[id(plan)])]
        for plan in self.plans:
            # Each company first offers different things, then repeats (another branch, a
            # second round) only when it has more offers than its sector has templates.
            pairs = [(t, OfferKind(k)) for t in plan.sector.offers for k in t.kinds]
            self.rng.shuffle(pairs)
            for i, status in enumerate(statuses[id(plan)]):
                template, kind = pairs[i % len(pairs)]
                self.offer(plan, template, kind, status)
        by_status = {s: 0 for s in OfferStatus}
        by_kind = {k: 0 for k in OfferKind}
        for offer, _ in self.offers:
            by_status[offer.status] += 1
            by_kind[offer.kind] += 1
        self.progress(
            f"offers: {len(self.offers)} ("
            + ", ".join(f"{s.value} {n}" for s, n in by_status.items())
            + "; "
            + ", ".join(f"{k.value} {n}" for k, n in by_kind.items())
            + ")"
        )

    def job_board_ad(self) -> None:
        """A liaison officer imports an ad found on a job board: its employer becomes a
        prospect with the ad's contact person and a note of where it was found."""
        ad = json.loads(JOB_BOARD_AD.read_text(encoding="utf-8"))
        ad["datePosted"] = self.days_ago(1, 3).isoformat()
        ad["validThrough"] = self.days_ahead(40, 60).isoformat()
        liaison = actor_for(self.liaisons[0])
        context = ImportContext(
            default_country=COUNTRY,
            normaliser=self.normaliser,
            review=self.review,
            today=self.today,
            match_threshold=Settings.model_fields["import_company_match"].default,
            field_names=JOBPOSTING_FIELDS,
        )
        report = import_offers(self.session, liaison, jobposting_rows(ad), context)
        row = report.rows[0]
        if row.outcome == "refused" or row.company_id is None:
            raise RuntimeError(f"the demo's job-board ad was refused: {row.field}: {row.message}")
        contact = ad["applicationContact"]
        add_company_contact(
            self.session,
            liaison,
            row.company_id,
            ContactPersonCreate(name=contact["name"], email=contact["email"], is_primary=True),
        )
        add_event(
            self.session,
            liaison,
            row.company_id,
            EngagementEventCreate(
                kind=EventKind.other,
                occurred_on=self.today,
                summary=f"Found their ad '{ad['title']}' on a job board and imported it.",
                next_step="Call the kitchen manager about a work trial",
                next_step_on=self.days_ahead(3, 7),
            ),
        )
        self.progress(
            f"job board: imported '{ad['title']}' from {row.company} ({row.company_outcome} "
            "as a prospect)"
        )

    def take_status(self, pool: list[OfferStatus], plan: _CompanyPlan) -> OfferStatus:
        """Prospects' offers are still in the early states and dormant companies' offers are
        mostly over, as far as the pool allows; the rest are drawn at random. An empty pool (more
        offers than ``OFFER_STATUS_COUNTS`` plans for) gives published offers."""
        if not pool:
            return OfferStatus.published
        preferred: tuple[OfferStatus, ...] = ()
        if plan.company.engagement_status is EngagementStatus.prospect:
            preferred = EARLY_STATES
        elif plan.company.engagement_status is EngagementStatus.dormant and self.chance(0.6):
            preferred = LATE_STATES
        for i, status in enumerate(pool):
            if status in preferred:
                return pool.pop(i)
        return pool.pop()

    def offer(
        self, plan: _CompanyPlan, template: OfferTemplate, kind: OfferKind, status: OfferStatus
    ) -> None:
        by_employer = plan.employer is not None and self.chance(0.6)
        author = plan.employer if by_employer and plan.employer else plan.liaison
        data = self.offer_data(plan, template, kind, status)
        offer = create_offer(self.session, author, data, COUNTRY, self.today, self.normaliser)
        self.move(offer, author, plan.liaison, status)
        self.offers.append((offer, plan))

    def offer_data(
        self, plan: _CompanyPlan, template: OfferTemplate, kind: OfferKind, status: OfferStatus
    ) -> OfferCreate:
        title, description = template.title, template.description
        contract = ContractType(template.contract_type)
        months: int | None = None
        pay = template.pay_amount
        pay_period = PayPeriod(template.pay_period) if template.pay_period else None
        allowance: Decimal | None = None
        insurer = Insurer.employer
        places = 1
        if kind is OfferKind.work_trial:
            if "work trial" not in title.lower():
                title = f"{title} (work trial)"
                description = (
                    "Work trial of one to four weeks with a named tutor, as a first step "
                    "towards the position described below. " + description
                )
            contract, insurer = ContractType.none, Insurer.public_service
            pay = pay_period = None
            places = self.rng.randint(1, 2)
        elif kind is OfferKind.traineeship:
            if "trainee" not in title.lower():
                title = f"{title} (traineeship)"
                description = (
                    "Traineeship with a named tutor and a clear training plan. " + description
                )
            contract, months = ContractType.fixed_term, self.pick((3, 6, 6, 12))
            if pay is None:
                allowance = Decimal(self.pick(("650.00", "800.00", "950.00")))
                insurer = Insurer.public_service
        elif kind is OfferKind.apprenticeship:
            contract, months = ContractType.apprenticeship, self.pick((36, 36, 42, 24))
        elif kind is OfferKind.volunteering:
            contract, insurer = ContractType.none, Insurer.other
            pay = pay_period = None
            places = self.rng.randint(1, 6)
        elif contract in (ContractType.fixed_term, ContractType.temporary):
            months = self.pick((2, 3, 6, 12))
            places = self.rng.randint(1, 4)
        else:
            places = self.weighted({1: 6, 2: 3, 3: 1})
        if pay is not None and pay_period is PayPeriod.month:
            pay = round(pay * self.rng.uniform(0.97, 1.08) / 10) * 10
        elif pay is not None:
            pay = pay * self.rng.uniform(1.0, 1.06)
        tutor_id = None
        if kind in TUTORED_KINDS or (kind is OfferKind.apprenticeship and self.chance(0.6)):
            agreed = [t for t in plan.tutors if t.stage is not TutorStage.identified]
            tutor_id = self.pick(agreed or plan.tutors).id
        row = GazetteerRow(COUNTRY, plan.company.postcode, "", 0.0, 0.0)
        address = plan.company.address
        if self.chance(0.15):
            row = self.place(0.7)
            address = self.street_address(row)
        # The expiry date closes applications; the start comes after it. Services refuse past
        # expiry dates, so an expired offer expires today.
        if status is OfferStatus.expired:
            expiry: date | None = self.today
        else:
            expiry = None if self.chance(0.2) else self.days_ahead(14, 75)
        start: date | None = None
        if self.chance(0.75):
            start = (expiry or self.today) + timedelta(days=self.rng.randint(7, 45))
        return OfferCreate(
            company_id=plan.company.id,
            kind=kind,
            title=title,
            description=description,
            requirements=[
                RequirementIn(text=r.text, essential=r.essential) for r in template.requirements
            ],
            languages=[
                LanguageRequirement(language=code, min_level=level)
                for code, level in template.languages
            ],
            min_isced=template.min_isced,
            overqualification_ok=self.chance(0.9),
            physical_demands=[PhysicalDemand(d) for d in template.physical_demands],
            driving_licence=template.driving_licence,
            hours_per_week=template.hours_per_week,
            schedules=[Schedule(s) for s in template.schedules],
            contract_type=contract,
            contract_months=months,
            pay_amount=_decimal(pay) if pay is not None else None,
            pay_period=pay_period if pay is not None else None,
            allowance_amount=allowance,
            insured_by=insurer,
            address=address,
            postcode=row.postcode,
            country=COUNTRY,
            start_date=start,
            expiry_date=expiry,
            places=places,
            tutor_id=tutor_id,
        )

    def move(self, offer: Offer, author: Actor, liaison: Actor, target: OfferStatus) -> None:
        """Walk the offer through the state machine to ``target``, recording each step."""

        def act(actor: Actor, action: OfferAction, reason: str | None = None) -> None:
            transition(self.session, actor, offer.id, action, reason, self.review, self.today)

        if target is OfferStatus.draft:
            if self.chance(0.3):
                act(author, OfferAction.submit)
                act(liaison, OfferAction.request_changes, self.pick(CHANGE_REQUESTS))
            return
        if target is OfferStatus.withdrawn:
            stop = self.pick((OfferStatus.draft, OfferStatus.submitted, OfferStatus.published))
            self.move(offer, author, liaison, stop)
            act(author, OfferAction.withdraw, self.pick(WITHDRAW_REASONS))
            return
        if target in (OfferStatus.held, OfferStatus.rejected):
            # Real employers write such lines: screening holds the offer for review.
            offer.requirements.append(
                OfferRequirement(
                    position=len(offer.requirements), text=self.pick(BIASED_LINES), essential=True
                )
            )
            self.session.flush()
        act(author, OfferAction.submit)
        if target is OfferStatus.submitted:
            return
        if target is OfferStatus.held:
            if offer.status is not OfferStatus.held:
                act(liaison, OfferAction.hold, self.pick(HOLD_REASONS))
            return
        if target is OfferStatus.rejected:
            act(liaison, OfferAction.reject, self.pick(REJECT_REASONS))
            return
        act(liaison, OfferAction.publish)
        if target is OfferStatus.filled:
            act(liaison, OfferAction.fill)
        elif target is OfferStatus.expired:
            act(liaison, OfferAction.expire)

    def clients_stage(self) -> None:
        taken = set(self.session.scalars(select(Client.external_ref)).all())
        owners = [self.caseworkers[i % len(self.caseworkers)] for i in range(CLIENTS)]
        self.rng.shuffle(owners)
        contacts = 0
        for owner in owners:
            actor = actor_for(owner)
            client = create_client(
                self.session, actor, self.client_data(taken), COUNTRY, self.normaliser
            )
            self.clients.append(client)
            dates = sorted(self.days_ago(1, 300) for _ in range(self.rng.randint(1, 4)))
            for contacted_on in dates:
                channel = self.weighted(CONTACT_CHANNELS)
                data = ContactCreate(
                    contacted_on=contacted_on, channel=channel, note=self.pick(CONTACT_NOTES)
                )
                add_client_contact(self.session, actor, client.id, data, self.today)
                contacts += 1
        self.progress(f"clients: {len(self.clients)} ({contacts} contact-log entries)")

    def client_languages(self) -> tuple[list[LanguageSkill], str]:
        index = self.weighted({i: weight for i, (_, weight, _) in enumerate(HOME_LANGUAGES)})
        home, _, nationalities = HOME_LANGUAGES[index]
        nationality = self.pick(nationalities)
        levels: dict[str, str] = {home: "C2"}
        if home != "de" and self.chance(0.96):
            levels["de"] = self.weighted(GERMAN_LEVELS)
        second = SECOND_LANGUAGES.get(home)
        if second and self.chance(0.6):
            levels[second] = self.pick(("B1", "B2", "C1"))
        if "en" not in levels and self.chance(0.35):
            levels["en"] = self.pick(("A1", "A2", "B1", "B2", "C1"))
        skills = [LanguageSkill(language=code, level=level) for code, level in levels.items()]
        return skills, nationality

    def client_data(self, taken: set[str | None]) -> ClientCreate:
        given, family = self.pick(GIVEN_NAMES), self.pick(FAMILY_NAMES)
        ref: str | None = None
        while ref is None or ref in taken:
            ref = f"W-{self.rng.randint(2019, self.today.year)}-{self.rng.randint(1, 99999):05d}"
        taken.add(ref)
        row = self.place(0.82)
        languages, nationality = self.client_languages()
        sector = self.pick(SECTORS)
        formal = self.rng.sample(sector.formal_skills, self.rng.randint(2, 5))
        informal = self.rng.sample(INFORMAL_SKILLS, self.rng.randint(1, 4))
        skills = [
            SkillIn(
                text=text,
                source=SkillSource.formal,
                stage=self.weighted(FORMAL_SKILL_STAGES),
            )
            for text in formal
        ] + [
            SkillIn(
                text=text,
                source=SkillSource.informal,
                stage=SkillStage.developed if self.chance(0.15) else SkillStage.self_identified,
            )
            for text in informal
        ]
        unavailable: list[Schedule] = []
        if self.chance(0.3):
            unavailable = list(self.pick(UNAVAILABLE_OPTIONS))
        limits: list[FunctionalLimit] = []
        if self.chance(0.14):
            limits = self.rng.sample(list(FunctionalLimit), self.rng.randint(1, 2))
        licences: tuple[str, ...] = ()
        if self.chance(0.35):
            licences = self.weighted(DRIVING_LICENCES)
        consent_liaison = self.chance(0.8)
        consent_employers = consent_liaison and self.chance(0.75)
        return ClientCreate(
            external_ref=ref,
            given_name=given,
            family_name=family,
            home_postcode=row.postcode,
            country=COUNTRY,
            max_travel_km=float(self.pick((5, 10, 10, 15, 20, 20, 25, 30, 40, 50))),
            hours_per_week=self.pick((15.0, 20.0, 25.0, 30.0, 30.0, 38.5, 38.5, 40.0)),
            unavailable_schedules=unavailable,
            isced_level=self.weighted(ISCED_LEVELS),
            right_to_work=RightToWork.yes if self.chance(0.88) else RightToWork.pending,
            driving_licences=list(licences),
            own_vehicle=bool(licences) and self.chance(0.4),
            functional_limits=limits,
            aspirations=self.pick(ASPIRATIONS) if self.chance(0.85) else "",
            readiness=self.weighted(READINESS),
            languages=languages,
            skills=skills,
            consent_liaison=consent_liaison,
            consent_employers=consent_employers,
            personal=self.personal(given, family, row),
            monitoring=self.monitoring(nationality) if self.chance(0.87) else None,
        )

    def personal(self, given: str, family: str, row: GazetteerRow) -> PersonalIn:
        email = None
        if self.chance(0.7):
            local = f"{_slug(given)}.{_slug(family)}".replace("-", "")
            email = f"{local}{self.rng.randint(1, 99)}@{self.pick(MAIL_DOMAINS)}"
        notes: list[str] = []
        if self.chance(0.35):
            notes = self.rng.sample(BARRIER_NOTES, self.weighted({1: 4, 2: 1}))
        barriers = list(dict.fromkeys(_barrier_for(note) for note in notes))
        return PersonalIn(
            email=email,
            phone=self.phone(mobile=True) if self.chance(0.92) else None,
            street_address=self.street_address(row) if self.chance(0.9) else None,
            barriers=barriers,
            barrier_notes="\n".join(notes),
        )

    def monitoring(self, nationality: str) -> MonitoringIn:
        return MonitoringIn(
            gender=self.weighted(GENDERS),
            birth_year=self.rng.randint(self.today.year - 62, self.today.year - 17),
            nationality=nationality,
            unemployed_since=self.days_ago(20, 1100) if self.chance(0.8) else None,
        )

    def placements(self) -> None:
        """Proposals, placements and follow-up at every stage, through the services: open
        (some unanswered for weeks), interview planned, declined, accepted and planned,
        started with checkpoints (some recorded, some overdue), work trials reported and
        hired, ended early, cancelled."""
        published = [
            (offer, plan) for offer, plan in self.offers if offer.status is OfferStatus.published
        ]
        weights = [
            {OfferKind.work_trial: 4, OfferKind.traineeship: 4}.get(offer.kind, 1)
            for offer, _ in published
        ]
        candidates = [
            c
            for c in self.clients
            if c.consent_liaison
            and c.consent_employers
            and c.right_to_work is RightToWork.yes
            and c.readiness in (Readiness.job_ready, Readiness.preparing)
        ]
        counts: Counter[str] = Counter()
        for _ in range(PLACEMENTS * 5):
            if sum(counts.values()) >= PLACEMENTS or not candidates:
                break
            outcome = self.weighted(PROPOSAL_STAGES)
            offer, plan = self.rng.choices(published, weights)[0]
            if outcome not in ("open", "interview", "declined") and offer.places < 2:
                continue  # most single places stay open, so the demo keeps published offers
            client = self.nearby_client(offer, candidates)
            savepoint = self.session.begin_nested()
            try:
                self.proposal_story(offer, plan, client, outcome)
            except TandemError:
                savepoint.rollback()  # a full tutor or offer: try another pair
                continue
            savepoint.commit()
            candidates.remove(client)
            counts[outcome] += 1
        self.progress(
            "proposals and placements: " + ", ".join(f"{k} {n}" for k, n in counts.items())
        )

    def proposal_story(
        self, offer: Offer, plan: _CompanyPlan, client: Client, outcome: str
    ) -> None:
        caseworker = actor_for(self.session.get_one(User, client.caseworker_id))
        employer = plan.employer or plan.liaison
        proposal = propose(self.session, caseworker, client.id, offer.id, None, "")
        asked = self.days_ago(1, 60) if outcome == "open" else self.days_ago(20, 420)
        proposal.created_at = datetime.combine(asked, time(10), UTC)
        if outcome == "open":
            return
        if outcome == "interview":
            answer = ProposalAnswer(
                answer=ProposalStatus.interview_planned, interview_on=self.days_ahead(2, 14)
            )
            answer_proposal(self.session, employer, proposal.id, answer)
            return
        if outcome == "declined":
            answer = ProposalAnswer(
                answer=ProposalStatus.declined,
                reason=self.pick(list(DeclineReason)),
                text=self.pick(DECLINE_TEXTS),
            )
            answer_proposal(self.session, employer, proposal.id, answer)
            return
        future = outcome == "planned"
        start = (
            self.days_ahead(3, 30) if future else asked + timedelta(days=self.rng.randint(7, 21))
        )
        start = min(start, self.today) if not future else start
        trial_days = self.rng.randint(5, 28)
        end = {
            OfferKind.work_trial: start + timedelta(days=trial_days),
            OfferKind.traineeship: start + timedelta(days=30 * (offer.contract_months or 6)),
            OfferKind.volunteering: start + timedelta(days=90),
        }.get(offer.kind)
        answer = ProposalAnswer(
            answer=ProposalStatus.accepted, planned_start=start, planned_end=end
        )
        answer_proposal(self.session, employer, proposal.id, answer)
        assert proposal.placement_id is not None
        placement_id = proposal.placement_id
        if future:
            return
        if outcome == "cancelled":
            cancel_placement(
                self.session,
                plan.liaison,
                placement_id,
                PlacementCancel(text="The client fell ill before the start"),
            )
            return
        placement = start_placement(
            self.session,
            plan.liaison,
            placement_id,
            PlacementStart(actual_start=start),
            CHECKPOINT_OFFSETS,
            self.today,
        )
        tutored = placement.kind in TUTORED_KINDS
        ended = end is not None and end < self.today
        if outcome == "ended_early":
            stop = min(self.today, start + timedelta(days=self.rng.randint(3, 40)))
            end_placement_early(
                self.session,
                plan.liaison,
                placement_id,
                PlacementEndEarly(reason=self.pick(list(EndReason)), text="", actual_end=stop),
                self.today,
            )
        elif tutored and ended:
            hired = self.chance(0.55)
            report = ReportIn(
                attendance=Attendance.completed if hired or self.chance(0.7) else Attendance.partly,
                skills_observed=self.rng.sample(OBSERVED_SKILLS, 2),
                job_followed=hired,
                notes="Reliable, asks good questions, gets on well with the team.",
            )
            report_placement(self.session, employer, placement_id, report, self.normaliser)
            assert end is not None
            if hired:
                hire = PlacementHire(
                    contract_type=self.pick([ContractType.permanent, ContractType.fixed_term]),
                    contract_hours=self.pick([20, 30, 38.5]),
                    actual_end=end,
                )
                hire_from_placement(self.session, plan.liaison, placement_id, hire, self.today)
            else:
                complete_placement(
                    self.session,
                    plan.liaison,
                    placement_id,
                    PlacementComplete(actual_end=end),
                    self.today,
                )
        elif not tutored and placement.kind is OfferKind.vacancy:
            hire = PlacementHire(
                contract_type=offer.contract_type,
                contract_hours=offer.hours_per_week,
                actual_end=start,
            )
            hire_from_placement(self.session, plan.liaison, placement_id, hire, self.today)
        self.checkpoint_outcomes(placement)

    def checkpoint_outcomes(self, placement: Placement) -> None:
        """Most checkpoints already due have an outcome; some are left overdue."""
        still_in_work = placement.status in (PlacementStatus.hired, PlacementStatus.started)
        for checkpoint in placement.checkpoints:
            if checkpoint.due_on > self.today or self.chance(0.2):
                continue
            if still_in_work and self.chance(0.08):
                still_in_work = False
            recorder = (
                self.session.get_one(User, checkpoint.owner_id) if checkpoint.owner_id else None
            )
            if recorder is None:
                continue
            data = CheckpointOutcomeIn(
                outcome=CheckpointOutcome.in_work if still_in_work else CheckpointOutcome.ended,
                ended_reason=None if still_in_work else self.pick(list(EndReason)),
                satisfaction_client=self.rng.randint(2, 5),
                satisfaction_employer=self.rng.randint(2, 5),
                recorded_on=min(
                    self.today, checkpoint.due_on + timedelta(days=self.rng.randint(0, 6))
                ),
            )
            record_checkpoint(self.session, actor_for(recorder), checkpoint.id, data, self.today)

    def alerts(self) -> None:
        """The daily alert jobs once, so that every inbox shows what a morning would."""
        raised = (
            alert_checkpoints(self.session, self.today, 7)
            + alert_trials_ending(self.session, self.today, 3)
            + alert_unanswered(self.session, self.today, 14)
            + alert_held_offers(self.session, self.today, 2)
            + flag_parked_clients(self.session, self.today, 90)
        )
        self.progress(f"inbox alerts: {raised}")

    def nearby_client(self, offer: Offer, candidates: list[Client]) -> Client:
        """A candidate who lives within their travel distance and is free at the offer's times,
        else any candidate."""

        def fits(client: Client) -> bool:
            if offer.latitude is None or offer.longitude is None:
                return True
            km = haversine_km(client.latitude, client.longitude, offer.latitude, offer.longitude)
            return km <= client.max_travel_km and not set(offer.schedules) & set(
                client.unavailable_schedules
            )

        fitting = [c for c in candidates if fits(c)]
        return self.pick(fitting or candidates)


def load_demo(
    session: Session,
    *,
    seed: int = 7,
    progress: Progress | None = None,
    normaliser: Normaliser | None = None,
    review: Review | None = None,
) -> DemoSummary:
    """Load the demo data set into the session's transaction (the caller commits). With a
    normaliser, offer requirements and client skills get their proposed concepts; offers are
    screened by ``review`` (the shipped rules when none is given).

    Idempotent: when the demo administrator already exists nothing is changed and the summary
    says so. The same seed on the same day gives the same data set.
    """
    report: Progress = progress or (lambda _message: None)
    if session.scalar(select(User.id).where(User.email == ADMIN_EMAIL)) is not None:
        report("the demo data set is already loaded")
        return _summary(session, already_loaded=True)
    demo = _Demo(session, seed, report, normaliser, review or Review(Screener.from_files()))
    demo.gazetteer()
    demo.staff()
    demo.companies()
    demo.employer_users()
    demo.tutors()
    demo.offers_stage()
    demo.job_board_ad()
    demo.clients_stage()
    demo.placements()
    demo.alerts()
    return _summary(session, already_loaded=False)
