"""The signed-in user as services see it: plain data, no ORM row, no request."""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import Forbidden
from models.user import Role


@dataclass(frozen=True)
class Actor:
    user_id: int
    email: str
    role: Role
    office_id: int | None = None
    company_id: int | None = None

    def require(self, *roles: Role) -> None:
        """Refuse (403) an actor whose role may not use an endpoint at all."""
        if self.role not in roles:
            allowed = ", ".join(r.value for r in roles)
            raise Forbidden(f"role '{self.role.value}' may not do this (allowed: {allowed})")
