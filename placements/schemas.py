"""API schemas for proposals, placements, tutors' reports and follow-up checkpoints."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from employers.schemas import (
    NoStatusInput,
)
from models.fields import ExpectedVersion, Id, Input, Statement
from models.offer import ContractType, OfferKind
from models.placement import (
    Attendance,
    CheckpointOutcome,
    CheckpointSide,
    DeclineReason,
    EndReason,
    PlacementStatus,
    ProposalStatus,
)


class _Input(Input):
    model_config = ConfigDict(extra="forbid")


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# Placements


class PlacementCreate(_Input):
    client_id: Id
    offer_id: Id
    tutor_id: Id | None = None
    planned_start: date
    planned_end: date | None = None


class PlacementUpdate(NoStatusInput):
    version: ExpectedVersion = None
    tutor_id: Id | None = None
    planned_start: date | None = None
    planned_end: date | None = None


class PlacementStart(_Input):
    actual_start: date | None = Field(default=None, description="Default: today")
    tutor_id: Id | None = Field(default=None, description="Default: the tutor already named")


class PlacementComplete(_Input):
    actual_end: date | None = Field(default=None, description="Default: today")


class PlacementHire(_Input):
    contract_type: ContractType
    contract_hours: float = Field(gt=0, le=60)
    actual_end: date | None = Field(
        default=None, description="End of the trial or traineeship; default today"
    )


class PlacementEndEarly(_Input):
    reason: EndReason
    text: str = Field(default="", max_length=2000)
    actual_end: date | None = Field(default=None, description="Default: today")


class PlacementCancel(_Input):
    text: str = Field(min_length=1, max_length=2000, description="Why it will not start")


class ReportIn(_Input):
    attendance: Attendance
    skills_observed: list[Statement] = Field(default_factory=list, max_length=50)
    job_followed: bool = False
    notes: str = Field(default="", max_length=5000)


class ReportRead(_Read):
    attendance: Attendance
    skills_observed: list[str]
    job_followed: bool
    notes: str
    reported_by_id: int
    at: datetime


class CheckpointRead(_Read):
    id: int
    placement_id: int
    offset_days: int
    side: CheckpointSide
    owner_id: int | None
    due_on: date
    outcome: CheckpointOutcome | None
    ended_reason: EndReason | None
    satisfaction_client: int | None
    satisfaction_employer: int | None
    notes: str
    recorded_on: date | None


class CheckpointOutcomeIn(_Input):
    outcome: CheckpointOutcome
    ended_reason: EndReason | None = None
    satisfaction_client: int | None = Field(default=None, ge=1, le=5)
    satisfaction_employer: int | None = Field(default=None, ge=1, le=5)
    notes: str = Field(default="", max_length=5000)
    recorded_on: date | None = Field(default=None, description="Default: today")


class ProposedClient(BaseModel):
    """What an employer sees of a client who consented to share with employers: skills and
    languages, no contact data, no protected attributes."""

    id: int
    given_name: str
    skills: list[str]
    languages: list[str]
    hours_per_week: float


class PlacementRead(_Read):
    id: int
    version: int
    client_id: int
    offer_id: int
    tutor_id: int | None
    kind: OfferKind
    planned_start: date
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    status: PlacementStatus
    end_reason: EndReason | None
    end_text: str | None
    contract_type: ContractType | None
    contract_hours: float | None
    report: ReportRead | None
    checkpoints: list[CheckpointRead]
    created_at: datetime
    client: ProposedClient | None = Field(
        default=None,
        description="The employer view of the client, for the employer and the liaison officer "
        "responsible for the offer while the client consents to share with employers",
    )


# Proposals


class ProposalAnswer(_Input):
    answer: ProposalStatus = Field(
        description="interview_planned (with interview_on), declined (with reason) or accepted "
        "(with planned_start; becomes a planned placement)"
    )
    interview_on: date | None = None
    reason: DeclineReason | None = None
    text: str = Field(default="", max_length=2000)
    planned_start: date | None = None
    planned_end: date | None = None
    tutor_id: Id | None = None


class ProposalWithdraw(_Input):
    text: str = Field(min_length=1, max_length=2000)


class ProposalRead(_Read):
    id: int
    client_id: int
    offer_id: int
    proposed_by_id: int
    status: ProposalStatus
    message: str
    interview_on: date | None
    decline_reason: DeclineReason | None
    decline_text: str | None
    answered_at: datetime | None
    placement_id: int | None
    created_at: datetime
    client: ProposedClient | None = None
