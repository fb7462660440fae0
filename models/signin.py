"""Sign-in throttles: failed sign-ins counted per account and per client address, in the
database so that every API process sees the same counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SignInThrottle(Base):
    """One counter: ``key`` is ``account:<email>`` (known or not) or ``address:<ip>``."""

    __tablename__ = "sign_in_throttles"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    #: Sign-ins attempted since the counter was last cleared (counted before the password is
    #: checked, so parallel guesses cannot slip past the count).
    failures: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime]
    #: No sign-in for this key is checked before this time (answered 429 with Retry-After).
    locked_until: Mapped[datetime | None] = mapped_column(index=True)
