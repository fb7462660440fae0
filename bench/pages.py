"""Page speed: server time (p50/p95) and SQL queries per page, for a caseworker with a large
caseload, on the 10k-offer, 10k-client set of ``bench/shortlist.py``; and whether a list page
makes the same number of queries for 10 rows as for 50.

The app runs in process (Starlette's test client: no network, so the time is the server's);
the session cookie is made the way sign-in makes it. The shortlist page is measured both
when made (POST, the matching included) and when reopened (GET).

    .venv/bin/python bench/pages.py [--size 10000] [--repeat 50]

``--profile "shortlist, made (POST)"`` profiles that page instead (cProfile, the 25 slowest
calls by cumulative time) and prints the SQL it sends once. ``--database PATH`` keeps the
filled SQLite database (and its stored embeddings) there, to reuse on the next run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._esco import esco_database  # noqa: E402
from bench.shortlist import populate  # noqa: E402
from config.settings import Settings  # noqa: E402
from matching.ann import IndexParams  # noqa: E402
from matching.embedding import BUNDLED_MODEL, load_embedder  # noqa: E402
from matching.engine import Matcher  # noqa: E402
from models.client import Client  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.user import User  # noqa: E402
from web import sessions  # noqa: E402
from web.routes import caseworker as caseworker_pages  # noqa: E402

SECRET = "bench-secret-key-of-sufficient-length-0123"
BUDGET_MS = 150.0


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p))


class QueryCounter:
    def __init__(self, engine: Any) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._count)

        self.statements: list[str] | None = None

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread().name == "index-follower":
            return  # the app's background look for a newer index, not the page's
        self.count += 1
        if self.statements is not None:
            self.statements.append(" ".join(statement.split())[:160])


def profile(call: Callable[[], Any], counter: QueryCounter, repeat: int) -> None:
    """Where one page's time goes, and the SQL it sends."""
    call()
    counter.statements = []
    call()
    for number, statement in enumerate(counter.statements, start=1):
        print(f"{number:3d} {statement}")
    counter.statements = None
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        call()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


@dataclass
class Measured:
    p50: float
    p95: float
    cpu_p50: float
    cpu_p95: float
    queries: int


def measure(call: Callable[[], Any], counter: QueryCounter, repeat: int) -> Measured:
    """Server time (wall clock) and the CPU time the process spent on each request (every
    thread: on a loaded machine the wall clock counts others' work, the CPU time does not)."""
    times, cpu, queries = [], [], []
    call()  # warm: templates compiled, caches filled
    for _ in range(repeat):
        before = counter.count
        started, cpu_started = time.perf_counter(), time.process_time()
        response = call()
        times.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - cpu_started))
        queries.append(counter.count - before)
        assert response.status_code in (200, 303), (response.status_code, response.text[:300])
    return Measured(
        percentile(times, 50),
        percentile(times, 95),
        percentile(cpu, 50),
        percentile(cpu, 95),
        max(queries),
    )


def main() -> None:
    from fastapi.testclient import TestClient

    from web.app import create_app

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", default="", help="a page's name: profile it only")
    parser.add_argument("--database", type=Path, help="a SQLite file kept between runs")
    args = parser.parse_args()
    rng = random.Random(5)
    factory, seconds = esco_database(path=args.database)
    print(f"ESCO imported in {seconds:.1f} s")
    with unit_of_work(factory) as session:
        caseworker = session.scalar(select(User).where(User.email == "cw@bench"))
        if caseworker is None:
            caseworker, _liaison = populate(session, args.size, rng)
        caseworker_id, version = caseworker.id, caseworker.token_version
    embedder = load_embedder(BUNDLED_MODEL)
    folder = Path(factory.kw["bind"].url.database).parent
    matcher = Matcher(embedder, folder / "index", IndexParams())
    with unit_of_work(factory) as session:
        matcher.rebuild(session, lambda *_: None)
        client_ids = sorted(session.scalars(select(Client.id)))
    engine = factory.kw["bind"]
    settings = Settings(
        env="test",
        database_url=str(engine.url),
        secret_key=SECRET,
        index_dir=folder / "index",
        log_level="WARNING",
    )
    app = create_app(settings, engine=engine, embedder=embedder)
    app.state.matcher = matcher
    counter = QueryCounter(engine)
    now = time.time()
    cookie = sessions.issue(caseworker_id, version, SECRET, now, now)
    with TestClient(app, base_url="https://bench") as http:
        http.cookies.set(sessions.SESSION_COOKIE, cookie)
        page = http.get("/clients")
        token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        sample = iter(rng.sample(client_ids, args.repeat * 2))
        made: list[str] = []

        def new_shortlist() -> Any:
            response = http.post(
                f"/clients/{next(sample)}/shortlists",
                data={"csrf_token": token},
                follow_redirects=False,
            )
            made.append(response.headers["location"])
            return response

        pages: list[tuple[str, Callable[[], Any]]] = [
            ("start page", lambda: http.get("/")),
            ("my clients (20 rows)", lambda: http.get("/clients")),
            ("my clients, search", lambda: http.get("/clients?q=C&readiness=orientation")),
            ("a client", lambda: http.get(f"/clients/{rng.choice(client_ids)}")),
            ("shortlist, made (POST)", new_shortlist),
            ("shortlist, reopened", lambda: http.get(rng.choice(made))),
            ("proposals and placements", lambda: http.get("/proposals")),
        ]
        if args.profile:
            profile(dict(pages)[args.profile], counter, args.repeat)
            return
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        header = ("page", "p50 ms", "p95 ms", "cpu p50", "cpu p95", "queries")
        print("{:32} {:>8} {:>8} {:>8} {:>8} {:>8}".format(*header))
        slow = []
        for name, call in pages:
            m = measure(call, counter, args.repeat)
            print(
                f"{name:32} {m.p50:8.1f} {m.p95:8.1f} {m.cpu_p50:8.1f} {m.cpu_p95:8.1f} "
                f"{m.queries:8d}"
            )
            if m.p95 > BUDGET_MS:
                slow.append(name)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        rows = {}
        for size in (10, 50):
            caseworker_pages.PAGE_SIZE = size
            rows[size] = measure(lambda: http.get("/clients"), counter, 5).queries
        print(
            f"my clients: {rows[10]} queries for 10 rows, {rows[50]} for 50 rows "
            f"({'the same' if rows[10] == rows[50] else 'NOT the same'})"
        )
        print(
            f"p95 budget {BUDGET_MS:.0f} ms: "
            + (f"over for {', '.join(slow)}" if slow else "met by every page")
        )


if __name__ == "__main__":
    main()
