"""API schemas for users, offices, sign-in and the audit trail."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from models.fields import Id, Input
from models.user import Role


class TokenRequest(Input):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"


class UserCreate(Input):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    display_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=8, max_length=200)
    role: Role
    office_id: Id | None = None
    company_id: Id | None = None


class UserUpdate(Input):
    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    office_id: Id | None = None
    company_id: Id | None = Field(
        default=None, description="An employer user's company; null for every other role"
    )
    is_active: bool | None = None
    password: str | None = Field(default=None, min_length=8, max_length=200)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    display_name: str
    role: Role
    office_id: int | None
    company_id: int | None
    is_active: bool
    created_at: datetime


class OfficeCreate(Input):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)


class OfficeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class CaseloadTransfer(Input):
    model_config = ConfigDict(extra="forbid")

    to_caseworker_id: Id
    client_ids: list[Id] | None = Field(
        default=None,
        max_length=10_000,
        description="Only these clients; all of the caseworker's clients if absent",
    )


class CaseloadTransferResult(BaseModel):
    from_caseworker_id: int
    to_caseworker_id: int
    client_ids: list[int]


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    action: str
    entity: str
    entity_id: str | None
    fields: list[str]
    detail: str | None


class StatusChangeRead(BaseModel):
    """One move of an offer, proposal, placement, tutor or checkpoint: who, from, to, why."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    from_status: str | None
    to_status: str
    actor_id: int | None
    reason: str | None
    at: datetime
