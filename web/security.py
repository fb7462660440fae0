"""CSRF protection for the pages, in one place (the security headers of every response,
pages included, are set in ``api.security``).

CSRF: signed double-submit. Every page response that has none sets a ``tandem_csrf`` cookie
holding a random value and its HMAC; every form carries the same value in a hidden field
(``csrf_token``) and htmx sends it as ``X-CSRF-Token``. A page request that changes something
(POST, PUT, PATCH, DELETE) is refused (403) unless both are present, equal and signed with the
server's key. The bearer-token API needs none: browsers never send bearer tokens on their own.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request

from models.errors import Forbidden

CSRF_COOKIE = "tandem_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

#: The API's documentation (``api.docs``): errors there are the API's, not pages.
DOCS_PATHS = ("/docs",)


def _sign(value: str, secret: str) -> str:
    return hmac.new(secret.encode(), f"csrf:{value}".encode(), hashlib.sha256).hexdigest()


def new_csrf_token(secret: str) -> str:
    value = secrets.token_urlsafe(24)
    return f"{value}.{_sign(value, secret)}"


def valid_csrf_token(token: str, secret: str) -> bool:
    value, _, signature = token.partition(".")
    return bool(value) and hmac.compare_digest(signature, _sign(value, secret))


def csrf_token_for(request: Request, secret: str) -> str:
    """The request's CSRF token: the cookie's when it is valid, else a new one (set on the
    response by the page middleware)."""
    known: str | None = getattr(request.state, "csrf_token", None)
    if known:
        return known
    cookie = request.cookies.get(CSRF_COOKIE, "")
    token = cookie if valid_csrf_token(cookie, secret) else new_csrf_token(secret)
    request.state.csrf_token = token
    return token


async def check_csrf(request: Request, secret: str) -> None:
    """Refuse a changing page request without the matching token (the router's dependency)."""
    if request.method not in UNSAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        field = form.get(CSRF_FIELD)
        sent = field if isinstance(field, str) else None
    if not sent or not cookie or not hmac.compare_digest(sent, cookie):
        raise Forbidden("the form has expired or did not come from Tandem: reload and try again")
    if not valid_csrf_token(cookie, secret):
        raise Forbidden("the form has expired or did not come from Tandem: reload and try again")
