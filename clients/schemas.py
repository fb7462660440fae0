"""API schemas for client profiles, their personal data, consent, contacts and shares."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from clients.erasure import ErasureReason
from models.client import (
    ContactChannel,
    FunctionalLimit,
    Readiness,
    RecognitionStatus,
    RightToWork,
    SkillSource,
    SkillStage,
)
from models.fields import (
    DRIVING_LICENCE_CATEGORIES,
    CefrLevel,
    CountryCode,
    DrivingLicence,
    ExpectedVersion,
    Id,
    Input,
    IscedLevel,
    LanguageCode,
    Name,
    PostcodeText,
    Reference,
    Statement,
    Text,
)
from models.offer import Schedule
from taxonomy.schemas import StatementConceptRead


class _Input(Input):
    model_config = ConfigDict(extra="forbid")


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Barrier(StrEnum):
    health = "health"
    debt = "debt"
    housing = "housing"
    childcare = "childcare"
    care_duties = "care_duties"
    addiction = "addiction"
    legal = "legal"
    other = "other"


class Gender(StrEnum):
    female = "female"
    male = "male"
    diverse = "diverse"
    not_stated = "not_stated"


class LanguageSkill(_Input):
    language: LanguageCode
    level: CefrLevel


class LanguageSkillRead(_Read):
    language: str
    level: str


class SkillIn(_Input):
    text: Statement = Field(description="The client's own words")
    source: SkillSource = SkillSource.informal
    stage: SkillStage = SkillStage.self_identified


class SkillRead(_Read):
    id: int
    text: str
    source: SkillSource
    stage: SkillStage
    concepts: list[StatementConceptRead]


class QualificationIn(_Input):
    title: str = Field(min_length=1, max_length=300)
    country: CountryCode | None = None
    isced_level: IscedLevel | None = None
    recognition: RecognitionStatus = RecognitionStatus.not_requested


class QualificationRead(_Read):
    id: int
    title: str
    country: str | None
    isced_level: int | None
    recognition: RecognitionStatus


class PersonalIn(_Input):
    """Contact data and barriers: only the owning caseworker reads them back. On update, only
    the fields sent change."""

    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=50)
    street_address: str | None = Field(default=None, max_length=300)
    barriers: list[Barrier] = Field(default_factory=list, max_length=len(Barrier))
    barrier_notes: Text = ""


class PersonalRead(_Read):
    client_id: int
    email: str | None
    phone: str | None
    street_address: str | None
    barriers: list[Barrier]
    barrier_notes: str


class MonitoringIn(_Input):
    """Protected attributes, for aggregate monitoring only. Never read back one by one."""

    gender: Gender | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    nationality: CountryCode | None = None
    unemployed_since: date | None = None


class _ClientFields(_Input):
    external_ref: Reference | None = None
    given_name: Name
    family_name: Name
    home_postcode: PostcodeText
    country: CountryCode | None = None
    max_travel_km: float = Field(default=20.0, ge=0, le=300)
    hours_per_week: float = Field(default=38.5, gt=0, le=60)
    unavailable_schedules: list[Schedule] = Field(default_factory=list, max_length=len(Schedule))
    isced_level: IscedLevel | None = None
    right_to_work: RightToWork
    driving_licences: list[DrivingLicence] = Field(
        default_factory=list, max_length=len(DRIVING_LICENCE_CATEGORIES)
    )
    own_vehicle: bool = False
    functional_limits: list[FunctionalLimit] = Field(
        default_factory=list, max_length=len(FunctionalLimit)
    )
    aspirations: Text = ""
    readiness: Readiness = Readiness.orientation
    languages: list[LanguageSkill] = Field(default_factory=list, max_length=20)
    skills: list[SkillIn] = Field(default_factory=list, max_length=200)
    qualifications: list[QualificationIn] = Field(default_factory=list, max_length=20)


class ClientCreate(_ClientFields):
    consent_liaison: bool = False
    consent_employers: bool = False
    personal: PersonalIn | None = None
    monitoring: MonitoringIn | None = None


class ClientUpdate(_Input):
    version: ExpectedVersion = None
    external_ref: Reference | None = None
    given_name: Name | None = None
    family_name: Name | None = None
    home_postcode: PostcodeText | None = None
    country: CountryCode | None = None
    max_travel_km: float | None = Field(default=None, ge=0, le=300)
    hours_per_week: float | None = Field(default=None, gt=0, le=60)
    unavailable_schedules: list[Schedule] | None = Field(default=None, max_length=len(Schedule))
    isced_level: IscedLevel | None = None
    right_to_work: RightToWork | None = None
    driving_licences: list[DrivingLicence] | None = Field(
        default=None, max_length=len(DRIVING_LICENCE_CATEGORIES)
    )
    own_vehicle: bool | None = None
    functional_limits: list[FunctionalLimit] | None = Field(
        default=None, max_length=len(FunctionalLimit)
    )
    aspirations: Text | None = None
    readiness: Readiness | None = None
    languages: list[LanguageSkill] | None = Field(default=None, max_length=20)
    skills: list[SkillIn] | None = Field(default=None, max_length=200)
    qualifications: list[QualificationIn] | None = Field(default=None, max_length=20)
    monitoring: MonitoringIn | None = None


class ClientRead(_Read):
    id: int
    version: int
    caseworker_id: int
    external_ref: str | None
    given_name: str
    family_name: str
    home_postcode: str
    country: str
    latitude: float
    longitude: float
    max_travel_km: float
    hours_per_week: float
    unavailable_schedules: list[Schedule]
    isced_level: int | None
    right_to_work: RightToWork
    driving_licences: list[str]
    own_vehicle: bool
    functional_limits: list[FunctionalLimit]
    aspirations: str
    readiness: Readiness
    languages: list[LanguageSkillRead]
    skills: list[SkillRead]
    qualifications: list[QualificationRead]
    consent_liaison: bool
    consent_liaison_at: datetime | None
    consent_employers: bool
    consent_employers_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ConsentUpdate(_Input):
    liaison: bool | None = None
    employers: bool | None = None


class ConsentEventRead(_Read):
    kind: str
    granted: bool
    at: datetime
    recorded_by_id: int | None


class ContactCreate(_Input):
    contacted_on: date
    channel: ContactChannel
    note: Text = ""


class ContactRead(_Read):
    id: int
    client_id: int
    contacted_on: date
    channel: ContactChannel
    note: str
    recorded_by_id: int | None


class ShareCreate(_Input):
    caseworker_id: Id


class ShareRead(_Read):
    client_id: int
    caseworker_id: int


class ErasureIn(_Input):
    reason: ErasureReason = Field(
        description="Why the data is erased (a code: the audit row holds no free text)"
    )


class ErasureRead(BaseModel):
    """What an erasure removed; the indexes are rebuilt once it is committed."""

    client_id: int
    skills: int
    embeddings: int
    shortlist_items: int
    proposals: int
    placements: int
