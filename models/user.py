"""Users, their roles and the offices (teams) they belong to."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class Role(StrEnum):
    admin = "admin"
    liaison = "liaison"
    caseworker = "caseworker"
    employer = "employer"


#: Roles that manage employer records and offers.
STAFF_ROLES = (Role.admin, Role.liaison)


class Office(Base, Timestamped):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class User(Base, Timestamped):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", use_alter=True), index=True
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    #: Raised on every password change and deactivation: a page session carrying an older
    #: number is over.
    token_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: Set when an admin resets the password: the user must choose their own at next sign-in.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: The language the pages speak to this person (a catalogue's code, "de"); None: the
    #: browser's ``Accept-Language`` decides.
    language: Mapped[str | None] = mapped_column(String(20))
