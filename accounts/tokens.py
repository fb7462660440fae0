"""Bearer tokens: signed JWTs that carry the user id and an expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt

from models.errors import NotAuthenticated

ALGORITHM = "HS256"


def issue_token(user_id: int, secret_key: str, ttl_minutes: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=ttl_minutes)}
    return jwt.encode(claims, secret_key, algorithm=ALGORITHM)


def user_id_from_token(token: str, secret_key: str) -> int:
    try:
        claims = jwt.decode(token, secret_key, algorithms=[ALGORITHM])
        return int(claims["sub"])
    except (jwt.PyJWTError, KeyError, ValueError) as exc:
        raise NotAuthenticated("the access token is invalid or has expired") from exc
