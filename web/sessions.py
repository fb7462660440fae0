"""Page sessions: a signed cookie checked against the database on every request.

The cookie carries the user id, the user's token version, when the session began and when it
was last used. The server refuses it when the user is inactive, when the version has moved on
(a password change or deactivation ends every session), after the idle time and after the
absolute time (both settings). It is renewed on each use, so idleness is counted from the last
request. It has its own audience, so it is never accepted as a bearer token.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from starlette.responses import Response

from config.settings import Environment, Settings
from models.user import User

SESSION_COOKIE = "tandem_session"
AUDIENCE = "tandem-pages"
ALGORITHM = "HS256"


@dataclass(frozen=True)
class PageSession:
    user_id: int
    version: int
    started: float
    seen: float


def issue(user_id: int, version: int, secret: str, started: float, now: float) -> str:
    claims = {"sub": str(user_id), "ver": version, "began": started, "seen": now, "aud": AUDIENCE}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read(token: str, settings: Settings, now: float) -> PageSession | None:
    """The session in a cookie, or None when it is forged, malformed or has expired."""
    try:
        claims = jwt.decode(token, settings.secret_key, algorithms=[ALGORITHM], audience=AUDIENCE)
        found = PageSession(
            int(claims["sub"]), int(claims["ver"]), float(claims["began"]), float(claims["seen"])
        )
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        return None
    if now - found.seen > settings.session_idle_minutes * 60:
        return None
    if now - found.started > settings.session_absolute_hours * 3600:
        return None
    return found


def is_current(found: PageSession, user: User | None) -> bool:
    return user is not None and user.is_active and user.token_version == found.version


def set_cookie(response: Response, name: str, value: str, settings: Settings) -> None:
    """HttpOnly, SameSite=Lax, and Secure outside development."""
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=settings.env is not Environment.development,
        path="/",
    )


def delete_cookie(response: Response, name: str, settings: Settings) -> None:
    response.delete_cookie(
        name,
        httponly=True,
        samesite="lax",
        secure=settings.env is not Environment.development,
        path="/",
    )


def now() -> float:
    return time.time()
