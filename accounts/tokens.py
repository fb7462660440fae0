"""Bearer tokens: signed JWTs that carry the user id, the user's token version and an expiry.

A token without ``exp``, ``iat``, ``sub`` or ``ver`` is refused. The version is compared with
the user's on every request (``api.deps.get_actor``): a password change, a deactivation or a
sign-out raises it and so ends every token issued before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from models.errors import NotAuthenticated

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "ver"]


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    version: int


def issue_token(user_id: int, secret_key: str, ttl_minutes: int, *, version: int = 0) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "ver": version,
        "iat": now,
        "exp": now + timedelta(minutes=ttl_minutes),
    }
    return jwt.encode(claims, secret_key, algorithm=ALGORITHM)


def read_token(token: str, secret_key: str) -> TokenClaims:
    try:
        claims = jwt.decode(
            token, secret_key, algorithms=[ALGORITHM], options={"require": REQUIRED_CLAIMS}
        )
        return TokenClaims(int(claims["sub"]), int(claims["ver"]))
    except (jwt.PyJWTError, KeyError, ValueError, TypeError) as exc:
        raise NotAuthenticated("the access token is invalid or has expired") from exc
