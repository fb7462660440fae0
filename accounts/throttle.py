"""Sign-in throttling per account and per client address, kept in the database so that it
holds across every API process of a deployment.

An attempt is counted *before* its password is checked (``reserve``), under the database
write lock (SQLite) or a row lock (PostgreSQL): sixty parallel guesses cannot all pass a count
none of them has yet written, and a refused attempt costs a few queries, not a password hash.
A success clears the account's counter (``succeeded``). Past the free attempts each further
one locks the key for a delay that doubles every time (``delay``), up to a cap; a key whose
last attempt is older than the window starts afresh. Unknown accounts are counted exactly like
known ones, so the answers tell nothing about which accounts exist.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.db import begin_write
from models.errors import TooManyAttempts
from models.signin import SignInThrottle

ACCOUNT = "account:"
ADDRESS = "address:"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Policy:
    free_per_account: int
    free_per_address: int
    delay_seconds: float
    max_delay_seconds: float
    window: timedelta


def delay(policy: Policy, attempts: int, free: int) -> float:
    """Seconds to wait after the ``attempts``-th attempt when ``free`` are allowed at once:
    0 within the free ones, then the first delay doubling with each further attempt."""
    over = attempts - free
    if over <= 0:
        return 0.0
    return float(min(policy.delay_seconds * 2.0 ** min(over - 1, 40), policy.max_delay_seconds))


def account_key(email: str) -> str:
    return ACCOUNT + email.strip().lower()[:320]


def address_key(address: str) -> str:
    return ADDRESS + address[:64]


def _free(policy: Policy, key: str) -> int:
    return policy.free_per_account if key.startswith(ACCOUNT) else policy.free_per_address


def _ensure_rows(session: Session, keys: Sequence[str], now: datetime) -> None:
    rows = [{"key": k, "failures": 0, "last_attempt_at": now} for k in keys]
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(SignInThrottle).values(rows).on_conflict_do_nothing())


def reserve(session: Session, policy: Policy, keys: Sequence[str], now: datetime) -> int:
    """Count one sign-in attempt for every key, or refuse it (``TooManyAttempts``, nothing
    counted) while any of them is locked. The caller commits at once, before the password is
    checked, so that parallel attempts see the count. Returns the most attempts now counted
    for an account key (1: nothing failed lately)."""
    begin_write(session)
    _ensure_rows(session, keys, now)
    rows = session.scalars(
        select(SignInThrottle)
        .where(SignInThrottle.key.in_(sorted(set(keys))))
        .order_by(SignInThrottle.key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    locked = [r.locked_until for r in rows if r.locked_until is not None and r.locked_until > now]
    if locked:
        raise TooManyAttempts(max(1, math.ceil((max(locked) - now).total_seconds())))
    for row in rows:
        if now - row.last_attempt_at > policy.window:
            row.failures = 0
        row.failures += 1
        row.last_attempt_at = now
        wait = delay(policy, row.failures, _free(policy, row.key))
        row.locked_until = now + timedelta(seconds=wait) if wait else None
    return max((r.failures for r in rows if r.key.startswith(ACCOUNT)), default=1)


def succeeded(session: Session, policy: Policy, account: str, address: str | None) -> None:
    """A right password: the account's counter is cleared; the address's attempt is no longer
    counted against it."""
    session.execute(delete(SignInThrottle).where(SignInThrottle.key == account))
    if address is None:
        return
    row = session.get(SignInThrottle, address, with_for_update=True)
    if row is not None and row.failures > 0:
        row.failures -= 1
        if delay(policy, row.failures + 1, _free(policy, row.key)) == 0:
            row.locked_until = None


def forget_old(session: Session, policy: Policy, now: datetime) -> int:
    """Delete counters nobody has touched for a day past the window and that lock nothing."""
    cutoff = now - policy.window - timedelta(days=1)
    result = session.execute(
        delete(SignInThrottle).where(
            SignInThrottle.last_attempt_at < cutoff,
            (SignInThrottle.locked_until.is_(None)) | (SignInThrottle.locked_until < now),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def parse_networks(values: Sequence[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The client's address: the peer's, unless the peer is a trusted proxy, in which case the
    right-most address in ``X-Forwarded-For`` that is not itself a trusted proxy (the left part
    of that header is written by the client and proves nothing)."""
    address = peer or "unknown"
    if not forwarded_for or not _is_trusted(address, trusted):
        return address
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address
        address = hop
        if not _is_trusted(hop, trusted):
            return hop
    return address


def _is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)
