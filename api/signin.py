"""Sign-in for the API and the pages alike: throttled per account and per client address
(``accounts.throttle``), the attempt counted in its own committed transaction before the
password is checked, so that every process and every parallel request sees it."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from accounts import throttle
from accounts.users import authenticate
from config.settings import Settings
from models.db import unit_of_work
from models.user import User

#: Attempts on an account that failed lately are checked one at a time per process: a burst
#: of guesses then takes at most one core's worth of password hashing, whatever the burst's
#: size, and the other users' sign-ins keep the rest.
_suspect_lane = threading.Semaphore(1)


def policy(settings: Settings) -> throttle.Policy:
    return throttle.Policy(
        free_per_account=settings.sign_in_free_failures_account,
        free_per_address=settings.sign_in_free_failures_address,
        delay_seconds=settings.sign_in_delay_seconds,
        max_delay_seconds=settings.sign_in_delay_max_seconds,
        window=timedelta(minutes=settings.sign_in_window_minutes),
    )


def client_address(request: Request) -> str:
    """The client's address, believing ``X-Forwarded-For`` only from a trusted proxy."""
    networks: tuple[throttle.Network, ...] = request.app.state.trusted_proxies
    peer = request.client.host if request.client else None
    return throttle.client_address(peer, request.headers.get("X-Forwarded-For"), networks)


def throttled_sign_in(request: Request, session: Session, email: str, password: str) -> User:
    """The user with this email and password, or ``NotAuthenticated`` (the same answer, after
    the same work, for an unknown account), or ``TooManyAttempts`` before any password is
    checked while the account or the address must wait."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    rules: throttle.Policy = request.app.state.sign_in_policy
    account = throttle.account_key(email)
    address = throttle.address_key(client_address(request))
    with unit_of_work(factory) as counting:
        attempts = throttle.reserve(counting, rules, [account, address], datetime.now(UTC))
    if attempts > 1:
        with _suspect_lane:
            user = authenticate(session, email, password)
    else:
        user = authenticate(session, email, password)
    with unit_of_work(factory) as counting:
        throttle.succeeded(counting, rules, account, address)
        _forget_old_now_and_then(counting, rules)
    return user


_last_cleanup = [0.0]
CLEANUP_SECONDS = 3600.0


def _forget_old_now_and_then(session: Session, rules: throttle.Policy) -> None:
    """At most once an hour per process, drop counters nobody has touched for a day: guesses
    at a thousand made-up emails leave a thousand rows behind."""
    now = time.monotonic()
    if now - _last_cleanup[0] < CLEANUP_SECONDS:
        return
    _last_cleanup[0] = now
    throttle.forget_old(session, rules, datetime.now(UTC))
