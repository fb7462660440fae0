"""Page speed: server time (p50/p95) and SQL queries per page, for a caseworker with a large
caseload, an employer, a liaison officer and an admin, on the 10k-offer, 10k-client set of
``bench/shortlist.py`` with what the other roles' pages list (``bench/_pages_set.py``); and
whether each list page makes the same number of queries for 10 rows as for 50.

The app runs in process (Starlette's test client: no network, so the time is the server's);
each role's session cookie is made the way sign-in makes it. The shortlist pages (the
caseworker's for a client, the liaison officer's for an offer) are measured both when made
(POST, the matching included) and when reopened (GET).

    .venv/bin/python bench/pages.py [--size 10000] [--repeat 50]

``--profile "shortlist, made (POST)"`` profiles that page instead (cProfile, the 25 slowest
calls by cumulative time) and prints the SQL it sends once, each statement with its time.
``--database PATH`` keeps the filled SQLite database (and its stored embeddings) there, to
reuse on the next run.
``--only indicators`` measures only the pages whose name has that text (and skips the
10-vs-50-row check). cProfile sees the calling thread only: the server's work shows in the
SQL listed, and in the profile only where the page is an ``async`` one.
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
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._esco import esco_database  # noqa: E402
from bench._pages_set import populate_roles  # noqa: E402
from bench.shortlist import populate  # noqa: E402
from config.settings import Settings  # noqa: E402
from matching.ann import IndexParams  # noqa: E402
from matching.embedding import BUNDLED_MODEL, load_embedder  # noqa: E402
from matching.engine import Matcher  # noqa: E402
from models.client import Client  # noqa: E402
from models.company import Company  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.offer import Offer, OfferStatus  # noqa: E402
from models.placement import Placement, Proposal  # noqa: E402
from models.user import User  # noqa: E402
from web import sessions  # noqa: E402
from web.routes import admin as admin_pages  # noqa: E402
from web.routes import caseworker as caseworker_pages  # noqa: E402
from web.routes import employer as employer_pages  # noqa: E402
from web.routes import liaison_companies, liaison_followup, liaison_review  # noqa: E402
from web.security import CSRF_COOKIE  # noqa: E402

SECRET = "bench-secret-key-of-sufficient-length-0123"
BUDGET_MS = 150.0


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p))


class QueryCounter:
    def __init__(self, engine: Any) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._count)
        event.listen(engine, "after_cursor_execute", self._done)
        self.statements: list[str] | None = None
        self.started = 0.0

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread().name == "index-follower":
            return  # the app's background look for a newer index, not the page's
        self.count += 1
        if self.statements is not None:
            self.statements.append(" ".join(statement.split())[:150])
            self.started = time.perf_counter()

    def _done(self, *_args: Any) -> None:
        if self.statements and threading.current_thread().name != "index-follower":
            took = 1000 * (time.perf_counter() - self.started)
            self.statements[-1] = f"{took:8.1f} ms {self.statements[-1]}"


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


@dataclass(frozen=True)
class Rows:
    """A list page, and the module constant that sets how many rows it shows."""

    name: str
    url: str
    role: str
    module: Any
    constant: str


def main() -> None:
    from fastapi.testclient import TestClient

    from web.app import create_app

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", default="", help="a page's name: profile it only")
    parser.add_argument("--database", type=Path, help="a SQLite file kept between runs")
    parser.add_argument("--only", default="", help="measure the pages whose name has this")
    args = parser.parse_args()
    rng = random.Random(5)
    today = date.today()
    factory, seconds = esco_database(path=args.database)
    print(f"ESCO imported in {seconds:.1f} s")
    with unit_of_work(factory) as session:
        caseworker = session.scalar(select(User).where(User.email == "cw@bench"))
        if caseworker is None:
            caseworker, _liaison = populate(session, args.size, rng)
        liaison = session.scalar(select(User).where(User.email == "li@bench"))
        assert liaison is not None
        users = {"caseworker": caseworker, "liaison": liaison}
        if session.scalar(select(User).where(User.email == "em@bench")) is None:
            started = time.perf_counter()
            populate_roles(session, caseworker, liaison, rng, today)
            print(f"the other roles' rows written in {time.perf_counter() - started:.1f} s")
        for role, email in (("employer", "em@bench"), ("admin", "ad@bench")):
            users[role] = session.scalars(select(User).where(User.email == email)).one()
        versions = {role: (u.id, u.token_version) for role, u in users.items()}
        ours = users["employer"].company_id
        our_offers = list(session.scalars(select(Offer.id).where(Offer.company_id == ours)))
        our_proposals = list(
            session.scalars(
                select(Proposal.id)
                .join(Offer, Offer.id == Proposal.offer_id)
                .where(Offer.company_id == ours)
            )
        )
        our_placements = list(
            session.scalars(
                select(Placement.id)
                .join(Offer, Offer.id == Placement.offer_id)
                .where(Offer.company_id == ours)
            )
        )
        placement_ids = list(session.scalars(select(Placement.id)))
        held = list(
            session.scalars(
                select(Offer.id).where(Offer.status.in_([OfferStatus.held, OfferStatus.submitted]))
            )
        )
        published = list(  # with its places free
            session.scalars(
                select(Offer.id).where(
                    Offer.status == OfferStatus.published,
                    Offer.id.not_in(select(Placement.offer_id)),
                )
            )
        )
        company_ids = list(session.scalars(select(Company.id)))
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
    cookies = {
        role: sessions.issue(user_id, version, SECRET, now, now)
        for role, (user_id, version) in versions.items()
    }
    with TestClient(app, base_url="https://bench") as http:
        http.cookies.set(sessions.SESSION_COOKIE, cookies["caseworker"])
        page = http.get("/clients")
        token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        csrf = http.cookies[CSRF_COOKIE]

        def sign_in(role: str) -> None:
            """Only this role's session cookie (each answer renews the cookie it was sent)."""
            http.cookies.clear()
            http.cookies.set(sessions.SESSION_COOKIE, cookies[role])
            http.cookies.set(CSRF_COOKIE, csrf)

        def get(role: str, url: str) -> Any:
            sign_in(role)
            return http.get(url)

        sample = iter(rng.sample(client_ids, args.repeat * 2))
        offer_sample = iter(rng.sample(published, args.repeat * 2))
        made: list[str] = []
        lists: list[str] = []

        def post(role: str, url: str, kept: list[str]) -> Any:
            sign_in(role)
            response = http.post(url, data={"csrf_token": token}, follow_redirects=False)
            assert response.status_code == 303, (response.status_code, response.text[-2000:])
            kept.append(response.headers["location"])
            return response

        chosen = str(rng.choice(client_ids))
        pages: list[tuple[str, Callable[[], Any]]] = [
            ("start page", lambda: get("caseworker", "/")),
            ("my clients (20 rows)", lambda: get("caseworker", "/clients")),
            ("my clients, search", lambda: get("caseworker", "/clients?q=C&readiness=orientation")),
            ("a client", lambda: get("caseworker", f"/clients/{rng.choice(client_ids)}")),
            (
                "shortlist, made (POST)",
                lambda: post("caseworker", f"/clients/{next(sample)}/shortlists", made),
            ),
            ("shortlist, reopened", lambda: get("caseworker", rng.choice(made))),
            ("proposals and placements", lambda: get("caseworker", "/proposals")),
            ("employer: our offers", lambda: get("employer", "/company/offers")),
            ("employer: new offer form", lambda: get("employer", "/company/offers/new")),
            (
                "employer: an offer",
                lambda: get("employer", f"/company/offers/{rng.choice(our_offers)}"),
            ),
            ("employer: candidates", lambda: get("employer", "/company/candidates")),
            (
                "employer: a candidate",
                lambda: get("employer", f"/company/candidates/{rng.choice(our_proposals)}"),
            ),
            ("employer: our company", lambda: get("employer", "/company")),
            (
                "employer: a placement",
                lambda: get("employer", f"/company/placements/{rng.choice(our_placements)}"),
            ),
            ("liaison: review queue", lambda: get("liaison", "/liaison/review")),
            (
                "liaison: an offer's review",
                lambda: get("liaison", f"/liaison/review/{rng.choice(held)}"),
            ),
            (
                "liaison: candidates, made (POST)",
                lambda: post("liaison", f"/liaison/offers/{next(offer_sample)}/candidates", lists),
            ),
            ("liaison: candidates, reopened", lambda: get("liaison", rng.choice(lists))),
            ("liaison: companies", lambda: get("liaison", "/liaison/companies")),
            (
                "liaison: companies, filtered",
                lambda: get("liaison", "/liaison/companies?mine=1&days=30&status=active"),
            ),
            (
                "liaison: a company",
                lambda: get("liaison", f"/liaison/companies/{rng.choice(company_ids)}"),
            ),
            ("liaison: tutors board", lambda: get("liaison", "/liaison/tutors")),
            ("liaison: follow-up", lambda: get("liaison", "/liaison/follow-up")),
            (
                "liaison: a placement",
                lambda: get("liaison", f"/liaison/placements/{rng.choice(placement_ids)}"),
            ),
            ("indicators", lambda: get("liaison", "/indicators")),
            ("indicators: a chart (SVG)", lambda: get("liaison", "/indicators/placements.svg")),
            ("admin: audit trail", lambda: get("admin", "/admin/audit")),
            (
                "admin: audit trail, filtered",
                lambda: get("admin", f"/admin/audit?client={chosen}&action=read"),
            ),
            ("admin: caseload", lambda: get("admin", "/admin/caseload")),
        ]
        if args.profile:
            profile(dict(pages)[args.profile], counter, args.repeat)
            return
        pages = [(name, call) for name, call in pages if args.only in name]
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        header = ("page", "p50 ms", "p95 ms", "cpu p50", "cpu p95", "queries")
        print("{:34} {:>8} {:>8} {:>8} {:>8} {:>8}".format(*header))
        slow = []
        for name, call in pages:
            print(f"{name:34}", end="", flush=True)
            m = measure(call, counter, args.repeat)
            print(f" {m.p50:8.1f} {m.p95:8.1f} {m.cpu_p50:8.1f} {m.cpu_p95:8.1f} {m.queries:8d}")
            if m.cpu_p95 > BUDGET_MS:
                slow.append(name)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        checked = (
            []
            if args.only
            else [
                Rows("my clients", "/clients", "caseworker", caseworker_pages, "PAGE_SIZE"),
                Rows("our offers", "/company/offers", "employer", employer_pages, "PAGE_SIZE"),
                Rows("review queue", "/liaison/review", "liaison", liaison_review, "PAGE_SIZE"),
                Rows("companies", "/liaison/companies", "liaison", liaison_companies, "PAGE_SIZE"),
                Rows(
                    "follow-up", "/liaison/follow-up", "liaison", liaison_followup, "SECTION_SIZE"
                ),
                Rows("audit trail", "/admin/audit", "admin", admin_pages, "AUDIT_PAGE_SIZE"),
            ]
        )
        differ = []
        for rows in checked:
            counts, shown = {}, {}
            kept = getattr(rows.module, rows.constant)
            for size in (10, 50):
                setattr(rows.module, rows.constant, size)
                counts[size] = measure(partial(get, rows.role, rows.url), counter, 5).queries
                shown[size] = get(rows.role, rows.url).text.count("<tr")
            setattr(rows.module, rows.constant, kept)
            same = counts[10] == counts[50]
            if not same:
                differ.append(rows.name)
            print(
                f"{rows.name}: {counts[10]} queries for 10 rows, {counts[50]} for 50 rows "
                f"({'the same' if same else 'NOT the same'}; table rows shown "
                f"{shown[10]} and {shown[50]})"
            )
        print(
            f"p95 budget {BUDGET_MS:.0f} ms CPU: "
            + (f"over for {', '.join(slow)}" if slow else "met by every page")
        )
        if differ:
            print(f"queries grow with the rows on: {', '.join(differ)}")


if __name__ == "__main__":
    main()
