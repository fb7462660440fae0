"""API schemas for companies, contact people, engagement events, tutors and offers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from models.company import Channel, EngagementStatus, EventKind, Motive, SizeClass
from models.fields import (
    CefrLevel,
    Count,
    CountryCode,
    DrivingLicence,
    ExpectedVersion,
    Id,
    Input,
    IscedLevel,
    LanguageCode,
    Money,
    NaceCode,
    Name,
    PostcodeText,
    Reference,
    Statement,
    Text,
)
from models.offer import (
    ContractType,
    Insurer,
    OfferKind,
    OfferStatus,
    PayPeriod,
    PhysicalDemand,
    Schedule,
)
from models.tutor import TutorStage
from taxonomy.schemas import StatementConceptRead


class _Input(Input):
    model_config = ConfigDict(extra="forbid")


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# Companies


class CompanyCreate(_Input):
    name: Name
    registration_number: Reference | None = None
    nace_code: NaceCode
    size_class: SizeClass
    headcount: Count | None = None
    address: str = Field(default="", max_length=300)
    postcode: PostcodeText
    country: CountryCode | None = None
    engagement_status: EngagementStatus = EngagementStatus.prospect
    motives: list[Motive] = Field(default_factory=list, max_length=len(Motive))
    liaison_officer_id: Id | None = None
    website: str | None = Field(default=None, max_length=300)


class CompanyUpdate(_Input):
    version: ExpectedVersion = None
    name: Name | None = None
    registration_number: Reference | None = None
    nace_code: NaceCode | None = None
    size_class: SizeClass | None = None
    headcount: Count | None = None
    address: str | None = Field(default=None, max_length=300)
    postcode: PostcodeText | None = None
    country: CountryCode | None = None
    engagement_status: EngagementStatus | None = None
    motives: list[Motive] | None = Field(default=None, max_length=len(Motive))
    liaison_officer_id: Id | None = None
    website: str | None = Field(default=None, max_length=300)


class CompanyRead(_Read):
    id: int
    version: int
    name: str
    registration_number: str | None
    nace_code: str | None
    size_class: SizeClass | None
    headcount: int | None
    address: str
    postcode: str
    country: str
    latitude: float
    longitude: float
    engagement_status: EngagementStatus
    motives: list[Motive]
    liaison_officer_id: int | None
    website: str | None
    created_at: datetime
    updated_at: datetime


class ContactPersonCreate(_Input):
    name: Name
    job_title: str = Field(default="", max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=50)
    is_primary: bool = False


class ContactPersonRead(_Read):
    id: int
    company_id: int
    name: str
    job_title: str
    email: str | None
    phone: str | None
    is_primary: bool


class EngagementEventCreate(_Input):
    kind: EventKind
    channel: Channel = Channel.direct
    occurred_on: date
    summary: Text = Field(min_length=1)
    next_step: str | None = Field(default=None, max_length=2000)
    next_step_on: date | None = None


class EngagementEventRead(_Read):
    id: int
    company_id: int
    kind: EventKind
    channel: Channel
    occurred_on: date
    summary: str
    next_step: str | None
    next_step_on: date | None
    recorded_by_id: int | None


# Tutors


class TutorCreate(_Input):
    company_id: Id | None = Field(default=None, description="Employer users: their own company")
    name: Name
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=50)
    job_title: str = Field(default="", max_length=200)
    stage: TutorStage = TutorStage.identified
    identified_on: date | None = None
    agreed_on: date | None = None
    training_started_on: date | None = None
    trained_on: date | None = None
    max_mentees: int = Field(default=1, ge=1, le=20)
    languages: list[LanguageCode] = Field(default_factory=list, max_length=20)
    accreditation: str | None = Field(default=None, max_length=200)
    accredited_on: date | None = None


class TutorUpdate(_Input):
    version: ExpectedVersion = None
    name: Name | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=50)
    job_title: str | None = Field(default=None, max_length=200)
    stage: TutorStage | None = None
    identified_on: date | None = None
    agreed_on: date | None = None
    training_started_on: date | None = None
    trained_on: date | None = None
    max_mentees: int | None = Field(default=None, ge=1, le=20)
    languages: list[LanguageCode] | None = Field(default=None, max_length=20)
    accreditation: str | None = Field(default=None, max_length=200)
    accredited_on: date | None = None


class TutorRead(_Read):
    id: int
    version: int
    company_id: int
    name: str
    email: str | None
    phone: str | None
    job_title: str
    stage: TutorStage
    identified_on: date | None
    agreed_on: date | None
    training_started_on: date | None
    trained_on: date | None
    max_mentees: int
    languages: list[str]
    accreditation: str | None
    accredited_on: date | None
    trainings: list[TrainingRead]
    mentees: int = Field(default=0, description="Placements under way with this tutor")


# Offers


class RequirementIn(_Input):
    text: Statement
    essential: bool = True


class RequirementRead(_Read):
    id: int
    text: str
    essential: bool
    concepts: list[StatementConceptRead]


class LanguageRequirement(_Input):
    language: LanguageCode
    min_level: CefrLevel


class LanguageRequirementRead(_Read):
    language: str
    min_level: str


class NoStatusInput(_Input):
    """Accepts a ``status`` key only to refuse it by name: status changes through actions."""

    status: Any = Field(default=None, exclude=True, json_schema_extra={"readOnly": True})

    @field_validator("status", mode="before")
    @classmethod
    def _refuse_status(cls, value: Any) -> Any:
        raise ValueError("status cannot be set directly; use the actions")


class _OfferFields(Input):
    kind: OfferKind
    title: Name
    description: Text = ""
    occupation_uri: str | None = Field(default=None, max_length=300)
    requirements: list[RequirementIn] = Field(default_factory=list, max_length=50)
    languages: list[LanguageRequirement] = Field(default_factory=list, max_length=10)
    min_isced: IscedLevel | None = None
    overqualification_ok: bool = True
    physical_demands: list[PhysicalDemand] = Field(
        default_factory=list, max_length=len(PhysicalDemand)
    )
    driving_licence: DrivingLicence | None = None
    hours_per_week: float = Field(gt=0, le=60)
    schedules: list[Schedule] = Field(
        default_factory=lambda: [Schedule.day], max_length=len(Schedule)
    )
    contract_type: ContractType
    contract_months: int | None = Field(default=None, ge=1, le=120)
    pay_amount: Money | None = None
    pay_period: PayPeriod | None = None
    allowance_amount: Money | None = None
    insured_by: Insurer | None = None
    remote: bool = False
    address: str = Field(default="", max_length=300)
    postcode: PostcodeText | None = None
    country: CountryCode | None = None
    start_date: date | None = None
    expiry_date: date | None = None
    places: int = Field(default=1, ge=1, le=1000)
    tutor_id: Id | None = None


class OfferCreate(_OfferFields, NoStatusInput):
    company_id: Id | None = Field(default=None, description="Employer users: their own company")


class OfferUpdate(NoStatusInput):
    """Every field optional; ``status`` is refused: it changes only through actions."""

    version: ExpectedVersion = None
    kind: OfferKind | None = None
    title: Name | None = None
    description: Text | None = None
    occupation_uri: str | None = Field(default=None, max_length=300)
    requirements: list[RequirementIn] | None = Field(default=None, max_length=50)
    languages: list[LanguageRequirement] | None = Field(default=None, max_length=10)
    min_isced: IscedLevel | None = None
    overqualification_ok: bool | None = None
    physical_demands: list[PhysicalDemand] | None = Field(
        default=None, max_length=len(PhysicalDemand)
    )
    driving_licence: DrivingLicence | None = None
    hours_per_week: float | None = Field(default=None, gt=0, le=60)
    schedules: list[Schedule] | None = Field(default=None, max_length=len(Schedule))
    contract_type: ContractType | None = None
    contract_months: int | None = Field(default=None, ge=1, le=120)
    pay_amount: Money | None = None
    pay_period: PayPeriod | None = None
    allowance_amount: Money | None = None
    insured_by: Insurer | None = None
    remote: bool | None = None
    address: str | None = Field(default=None, max_length=300)
    postcode: PostcodeText | None = None
    country: CountryCode | None = None
    start_date: date | None = None
    expiry_date: date | None = None
    places: int | None = Field(default=None, ge=1, le=1000)
    tutor_id: Id | None = None


class OfferRead(_Read):
    id: int
    version: int
    company_id: int
    kind: OfferKind
    title: str
    description: str
    occupation_uri: str | None
    requirements: list[RequirementRead]
    languages: list[LanguageRequirementRead]
    min_isced: int | None
    overqualification_ok: bool
    physical_demands: list[PhysicalDemand]
    driving_licence: str | None
    hours_per_week: float
    schedules: list[Schedule]
    contract_type: ContractType
    contract_months: int | None
    pay_amount: Decimal | None
    pay_period: PayPeriod | None
    allowance_amount: Decimal | None
    insured_by: Insurer | None
    remote: bool
    address: str
    postcode: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    start_date: date | None
    expiry_date: date | None
    places: int
    tutor_id: int | None
    status: OfferStatus
    created_at: datetime
    updated_at: datetime


class TransitionRequest(_Input):
    reason: str | None = Field(default=None, max_length=2000)


# Tutors: training and load


class TrainingIn(_Input):
    title: Name
    attended_on: date
    hours: float | None = Field(default=None, gt=0, le=500)


class TrainingRead(_Read):
    id: int
    title: str
    attended_on: date
    hours: float | None


# Screening


class ScreenRequest(_Input):
    text: str = Field(min_length=1, max_length=50_000)


class FindingRead(BaseModel):
    ground: str
    rule: str
    span: str = Field(description="The words that triggered the rule")
    suggestion: str = Field(description="How to word it neutrally, as advice")
    field: str = "text"
    start: int | None = Field(
        default=None, description="Where the span starts in the field's text (characters)"
    )
    end: int | None = Field(default=None, description="Where the span ends in the field's text")
    replacement: str | None = Field(
        default=None,
        description="Neutral words to put in place of the span, where the rewordings data "
        "has sound ones (an empty string: remove the span); null: none, only the advice",
    )


class ScreenResult(BaseModel):
    findings: list[FindingRead]


class OfferScreeningRead(_Read):
    id: int
    at: datetime
    trigger: str
    actor_id: int | None
    findings: list[FindingRead]


class ReviewItem(BaseModel):
    offer: OfferRead
    findings: list[FindingRead]


# Engagement


class CompanyContactGap(BaseModel):
    company: CompanyRead
    last_contact_on: date | None
    days_without_contact: int | None


class ImportRowRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    row: int
    outcome: str = Field(description="created, updated, unchanged or refused")
    offer_ids: list[int]
    company_id: int | None
    company: str
    company_outcome: str = Field(description="matched or created (as a prospect)")
    company_score: float | None = Field(description="rapidfuzz score of a match by name")
    field: str
    message: str
    notes: list[str]


class ImportResult(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    created: list[int]
    updated: list[int]
    unchanged: list[int]
    held: list[int] = Field(description="Offers held by screening (created or edited)")
    prospects: list[int] = Field(description="Companies created as prospects")
    refused: list[ImportRowRead]
    rows: list[ImportRowRead]
