"""Sign-in under attack: other users' sign-in latency (p50/p95) during bursts of 60 parallel
wrong passwords, beside the same without the bursts, against a real server (uvicorn, one
process, on a free port, SQLite or PostgreSQL).

Each burst aims 60 parallel wrong passwords at one account; the next burst picks another
account, so the first few guesses of every burst are checked (hashed) before that account
must wait. The bursts come from one address, or with ``--spread`` each from another (then
the per-address limit never helps: the worst case for the server). The other users sign in
meanwhile from their own addresses (``X-Forwarded-For``, believed because the bench is the
server's trusted proxy), four at a time, with the right password.

    .venv/bin/python bench/signin.py [--signins 200] [--bursts 8] [--spread] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accounts.passwords import hash_password  # noqa: E402
from bench._server import wait_until_serving  # noqa: E402
from models.db import build_engine, session_factory, unit_of_work  # noqa: E402
from models.migrate import upgrade  # noqa: E402
from models.user import Role, User  # noqa: E402

SECRET = "bench-secret-key-of-sufficient-length-0123"
PASSWORD = "quiet harbour lantern"
OTHERS = 8
CALLERS = 4
BURST = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _populate(url: str, targets: int) -> None:
    upgrade(url)
    engine = build_engine(url)
    hashed = hash_password(PASSWORD)
    with unit_of_work(session_factory(engine)) as session:
        for name in [f"user{i}" for i in range(OTHERS)] + [f"target{i}" for i in range(targets)]:
            session.add(
                User(
                    email=f"{name}@bench.example",
                    display_name=name,
                    role=Role.caseworker,
                    password_hash=hashed,
                )
            )
    engine.dispose()


def _serve(url: str, port: int, index_dir: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "TANDEM_ENV": "test",
        "TANDEM_DATABASE_URL": url,
        "TANDEM_SECRET_KEY": SECRET,
        "TANDEM_INDEX_DIR": str(index_dir),
        "TANDEM_INDEX_POLL_SECONDS": "0",
        "TANDEM_SEMANTIC_RECOGNITION": "false",
        "TANDEM_LOG_LEVEL": "WARNING",
        "TANDEM_TRUSTED_PROXIES": '["127.0.0.1/32"]',
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "web.app:create_app"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(command, env=env, cwd=env["PYTHONPATH"])


def _sign_in(client: httpx.Client, email: str, password: str, address: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post(
        "/api/v1/auth/token",
        json={"email": email, "password": password},
        headers={"X-Forwarded-For": address},
    )
    return response.status_code, (time.perf_counter() - started) * 1000


def _others(base: str, count: int, stop: threading.Event | None = None) -> list[float]:
    """``count`` right-password sign-ins by the other users, ``CALLERS`` at a time."""
    times: list[float] = []

    def one(i: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            status, ms = _sign_in(
                client, f"user{i % OTHERS}@bench.example", PASSWORD, f"10.0.0.{i % OTHERS + 1}"
            )
            if status != 200:
                raise RuntimeError(f"another user's sign-in got {status}")
            times.append(ms)

    with ThreadPoolExecutor(CALLERS) as pool:
        list(pool.map(one, range(count)))
    return times


def _bursts(
    base: str, bursts: int, spread: bool, outcome: dict[int, int], done: threading.Event
) -> None:
    """Bursts of 60 parallel wrong passwords, one account per burst, from one address (or,
    with ``spread``, from another address for each burst)."""
    with httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_connections=BURST)) as c:
        with ThreadPoolExecutor(BURST) as pool:
            for b in range(bursts):
                address = f"192.0.2.{b + 1 if spread else 1}"
                guesses = [(f"target{b}@bench.example", address)] * BURST
                results = list(
                    pool.map(lambda g: _sign_in(c, g[0], "wrong guess", g[1])[0], guesses)
                )
                for status in results:
                    outcome[status] = outcome.get(status, 0) + 1
    done.set()


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signins", type=int, default=200, help="other users' sign-ins per run")
    parser.add_argument("--bursts", type=int, default=8, help="bursts of 60 wrong passwords")
    parser.add_argument("--database-url", help="an empty database (default: a SQLite file)")
    parser.add_argument(
        "--spread", action="store_true", help="each burst from another address (a botnet)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        _populate(url, args.bursts)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = _serve(url, port, Path(tmp) / "index")
        try:
            wait_until_serving(f"{base}/sign-in", server)
            _others(base, 20)  # warm up
            quiet = _others(base, args.signins)
            outcome: dict[int, int] = {}
            done = threading.Event()
            attack = threading.Thread(
                target=_bursts, args=(base, args.bursts, args.spread, outcome, done)
            )
            attack.start()
            under_attack: list[float] = []
            while not done.is_set():
                under_attack += _others(base, CALLERS * 2)
            attack.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    source = "one address per burst" if args.spread else "one address"
    print(
        f"database: {url.split(':')[0]}; {OTHERS} other users, {CALLERS} signing in at a time; "
        f"bursts from {source}"
    )
    print(
        f"without the bursts: p50 {pct(quiet, 50):.1f} ms, p95 {pct(quiet, 95):.1f} ms "
        f"({len(quiet)} sign-ins)"
    )
    print(
        f"during {args.bursts} bursts of {BURST} parallel wrong passwords: "
        f"p50 {pct(under_attack, 50):.1f} ms, p95 {pct(under_attack, 95):.1f} ms "
        f"({len(under_attack)} sign-ins)"
    )
    answers = ", ".join(f"{count} x {status}" for status, count in sorted(outcome.items()))
    print(f"the bursts' answers: {answers}")
    print(f"p95 ratio (during / without): {pct(under_attack, 95) / pct(quiet, 95):.2f}")


if __name__ == "__main__":
    main()
