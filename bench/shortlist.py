"""Shortlist speed: latency in each direction, in-process and over HTTP on loopback, candidate
recall, time to embed and index, pipeline embedding throughput against the bare model, and a
FAISS index alone over a million stored (synthetic, clustered) vectors.

Offers and clients are made from ESCO occupations (title and essential skills; clients hold
some in other words). Hard constraints are live: everyone lives and works around Vienna with
a travel limit, so distance filters part of the candidates.

    .venv/bin/python bench/shortlist.py [--size 10000] [--queries 200] [--million]

With ``--concurrency`` it measures shortlists served to several callers at once instead: real
API processes (uvicorn, one worker each) on one database, 1 caller against 1 process, 8
callers against 1 process and 8 callers against 2 processes, throughput and p50/p95 each:

    .venv/bin/python bench/shortlist.py --concurrency \
        --postgres postgresql+psycopg://tandem:tandem@127.0.0.1:5432/postgres [--size 10000]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import httpx
import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accounts.tokens import issue_token  # noqa: E402
from accounts.users import actor_for  # noqa: E402
from bench._esco import esco_database  # noqa: E402
from bench._server import wait_until_serving  # noqa: E402
from config.settings import Settings  # noqa: E402
from matching.ann import IndexParams, VectorIndex  # noqa: E402
from matching.embedding import BUNDLED_MODEL, load_embedder  # noqa: E402
from matching.engine import Matcher  # noqa: E402
from matching.vectors import embed_texts  # noqa: E402
from models.client import Client, ClientSkill, ClientSkillConcept, RightToWork  # noqa: E402
from models.company import Company, SizeClass  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.offer import (  # noqa: E402
    ContractType,
    Offer,
    OfferKind,
    OfferRequirement,
    OfferStatus,
    RequirementConcept,
)
from models.taxonomy import (  # noqa: E402
    LabelKind,
    Occupation,
    OccupationSkill,
    SkillConcept,
    SkillLabel,
    SkillRelationType,
)
from models.user import Office, Role, User  # noqa: E402
from shortlists.schemas import ShortlistRequest  # noqa: E402
from shortlists.service import shortlist_for_client, shortlist_for_offer  # noqa: E402
from taxonomy.index import load_index  # noqa: E402
from taxonomy.mapping import proposals  # noqa: E402
from taxonomy.normalise import Normaliser  # noqa: E402

VIENNA = (48.2082, 16.3738)
SECRET = "bench-secret-key-of-sufficient-length-0123"


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p))


def progress(label: str, done: int, total: int) -> None:
    print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", flush=True)


def populate(session: Session, size: int, rng: random.Random) -> tuple[User, User]:
    essential: dict[int, list[int]] = defaultdict(list)
    for occupation_id, concept_id in session.execute(
        select(OccupationSkill.occupation_id, OccupationSkill.concept_id).where(
            OccupationSkill.relation == SkillRelationType.essential
        )
    ):
        essential[occupation_id].append(concept_id)
    titles = dict(session.execute(select(Occupation.id, Occupation.preferred_label)).all())
    label = dict(session.execute(select(SkillConcept.id, SkillConcept.preferred_label)).all())
    alternatives: dict[int, list[str]] = defaultdict(list)
    for concept_id, text in session.execute(
        select(SkillLabel.concept_id, SkillLabel.label).where(
            SkillLabel.kind == LabelKind.alternative
        )
    ):
        alternatives[concept_id].append(text)
    occupations = sorted(o for o, s in essential.items() if len(s) >= 5)
    normaliser = Normaliser(load_index(session))
    cache: dict[str, list[tuple[int, float, str]]] = {}

    def concepts(text: str) -> list[tuple[int, float, str]]:
        if text not in cache:
            cache[text] = [
                (m.concept_id, m.score, m.how.value) for m in proposals(normaliser, text)
            ]
        return cache[text]

    office = Office(name="Bench")
    session.add(office)
    session.flush()
    caseworker = User(
        email="cw@bench",
        display_name="cw",
        role=Role.caseworker,
        password_hash="x",
        office_id=office.id,
    )
    liaison = User(
        email="li@bench",
        display_name="li",
        role=Role.liaison,
        password_hash="x",
        office_id=office.id,
    )
    companies = [
        Company(
            name=f"Company {i}",
            nace_code=rng.choice(["56", "47", "49", "86", "43"]),
            size_class=SizeClass.small,
            country="AT",
            postcode="1010",
            latitude=VIENNA[0],
            longitude=VIENNA[1],
        )
        for i in range(200)
    ]
    session.add_all([caseworker, liaison, *companies])
    session.flush()
    for i in range(size):
        occupation = rng.choice(occupations)
        skills = rng.sample(essential[occupation], min(6, len(essential[occupation])))
        lat = VIENNA[0] + rng.uniform(-0.6, 0.6)
        lon = VIENNA[1] + rng.uniform(-0.9, 0.9)
        offer = Offer(
            company_id=companies[i % len(companies)].id,
            kind=rng.choice([OfferKind.vacancy, OfferKind.apprenticeship]),
            title=titles[occupation],
            hours_per_week=rng.choice([20, 30, 38.5]),
            contract_type=ContractType.permanent,
            country="AT",
            postcode="1010",
            places=2,
            status=OfferStatus.published,
            latitude=lat,
            longitude=lon,
        )
        for position, concept_id in enumerate(skills):
            text = label[concept_id]
            offer.requirements.append(
                OfferRequirement(
                    position=position,
                    text=text,
                    essential=position < 4,
                    concepts=[
                        RequirementConcept(concept_id=c, score=s, how=h)
                        for c, s, h in concepts(text)
                    ],
                )
            )
        held = rng.sample(essential[occupation], min(4, len(essential[occupation])))
        client = Client(
            caseworker_id=caseworker.id,
            given_name="B",
            family_name="C",
            country="AT",
            home_postcode="1010",
            right_to_work=RightToWork.yes,
            consent_liaison=True,
            max_travel_km=rng.choice([10, 20, 40]),
            hours_per_week=40,
            latitude=VIENNA[0] + rng.uniform(-0.3, 0.3),
            longitude=VIENNA[1] + rng.uniform(-0.45, 0.45),
            aspirations=f"work as {titles[rng.choice(occupations)]}",
        )
        for position, concept_id in enumerate(held):
            text = rng.choice(alternatives[concept_id] or [label[concept_id]])
            client.skills.append(
                ClientSkill(
                    position=position,
                    text=text,
                    source="formal",
                    concepts=[
                        ClientSkillConcept(concept_id=c, score=s, how=h)
                        for c, s, h in concepts(text)
                    ],
                )
            )
        session.add_all([offer, client])
        if i % 1000 == 999:
            session.flush()
            progress("offers and clients", i + 1, size)
    session.flush()
    return caseworker, liaison


def candidate_recall(session: Session, matcher: Matcher, client_ids: list[int]) -> float:
    """Share of offers sharing an essential concept with the client that are candidates."""
    from matching.ranking import offer_candidates

    found = wanted = 0
    snap = matcher.snapshot
    for client_id in client_ids:
        client = snap.clients.entries[client_id]
        held = {link.concept_id for s in client.statements for link in s.concepts}
        expected = {
            offer.id
            for offer in snap.offers.entries.values()
            if any(
                s.essential and {c.concept_id for c in s.concepts} & held for s in offer.statements
            )
        }
        candidates = offer_candidates(
            snap.offers,
            client,
            snap.clients.summaries[client_id],
            snap.store,
            snap.related,
            matcher.weights,
        )
        got = {snap.offers.slot_ids[s] for s in candidates.slots.tolist()}
        wanted += len(expected)
        found += len(expected & got)
    return found / max(wanted, 1)


def over_http(settings: Settings, matcher: Matcher, paths: list[str], token: str) -> list[float]:
    import uvicorn

    from api.app import create_app

    app = create_app(settings, embedder=matcher.embedder)
    app.state.matcher = matcher
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    times = []
    with httpx.Client(
        base_url="http://127.0.0.1:8765", headers={"Authorization": f"Bearer {token}"}
    ) as http:
        for path in paths:
            started = time.perf_counter()
            response = http.post(path, json={"limit": 20})
            times.append(1000 * (time.perf_counter() - started))
            assert response.status_code == 201, response.text
    server.should_exit = True
    thread.join()
    return times


def million(dim: int = 384, count: int = 1_000_000) -> None:
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((2000, dim)).astype(np.float32)
    vectors = np.empty((count, dim), dtype=np.float32)
    for start in range(0, count, 100_000):
        picks = rng.integers(0, len(centres), 100_000)
        block = centres[picks] + 0.6 * rng.standard_normal((100_000, dim)).astype(np.float32)
        vectors[start : start + 100_000] = block / np.linalg.norm(block, axis=1, keepdims=True)
    started = time.perf_counter()
    index = VectorIndex.build(
        dim, np.arange(count), vectors, IndexParams(), progress=lambda n: None
    )
    build = time.perf_counter() - started
    queries = vectors[rng.integers(0, count, 500)]
    exact = np.argpartition(-(queries @ vectors.T), 10, axis=1)[:, :10]
    started = time.perf_counter()
    latencies = []
    hits = 0
    for i, query in enumerate(queries):
        t = time.perf_counter()
        _sims, ids = index.search(query[None, :], 10)
        latencies.append(1000 * (time.perf_counter() - t))
        hits += len(set(ids[0].tolist()) & set(exact[i].tolist()))
    print(
        f"1M vectors ({index.kind}): built in {build:.1f} s; search p50 "
        f"{percentile(latencies, 50):.2f} ms, p95 {percentile(latencies, 95):.2f} ms per "
        f"query vector; recall@10 against exact search {hits / (10 * len(queries)):.3f}"
    )


def _serve(url: str, index_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """One API process as deployed: uvicorn, one worker, its own model and matcher."""
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "TANDEM_ENV": "test",
        "TANDEM_DATABASE_URL": url,
        "TANDEM_SECRET_KEY": SECRET,
        "TANDEM_INDEX_DIR": str(index_dir),
        "TANDEM_LOG_LEVEL": "WARNING",
        "TANDEM_SCHEDULER_ENABLED": "false",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(command, env=env, cwd=env["PYTHONPATH"])


def _cpu_seconds(pids: list[int]) -> float:
    """CPU time (user and system) the processes have used so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def _callers(
    ports: list[int], paths: list[str], token: str, callers: int
) -> tuple[float, list[float]]:
    """``callers`` threads sending the shortlist requests in ``paths`` (each once) to the
    processes in turn; the throughput (shortlists per second) and each request's latency."""
    pending = list(reversed(paths))
    latencies: list[float] = []
    guard = threading.Lock()

    def call(number: int) -> None:
        port = ports[number % len(ports)]
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,
        ) as http:
            while True:
                with guard:
                    if not pending:
                        return
                    path = pending.pop()
                started = time.perf_counter()
                response = http.post(path, json={"limit": 20})
                took = 1000 * (time.perf_counter() - started)
                assert response.status_code == 201, response.text
                with guard:
                    latencies.append(took)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(callers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(paths) / (time.perf_counter() - started), latencies


def concurrency(args: argparse.Namespace) -> None:
    """Shortlists for 8 simultaneous callers against 1 and 2 API processes."""
    from sqlalchemy import create_engine, text

    rng = random.Random(7)
    admin_url = args.postgres
    database = f"tandem_bench_{os.getpid()}"
    admin = None
    if admin_url:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        url = make_url(admin_url).set(database=database).render_as_string(hide_password=False)
        factory, seconds = esco_database(url=url)
    else:
        factory, seconds = esco_database()
        url = str(factory.kw["bind"].url)
    index_dir = Path(tempfile.mkdtemp(prefix="tandem-bench-index-"))
    servers: list[subprocess.Popen[bytes]] = []
    try:
        print(f"ESCO imported in {seconds:.1f} s into {make_url(url).get_backend_name()}")
        with unit_of_work(factory) as session:
            caseworker, _liaison = populate(session, args.size, rng)
        print(f"{args.size} offers and {args.size} clients stored")
        embedder = load_embedder(BUNDLED_MODEL)
        with unit_of_work(factory) as session:
            report = Matcher(embedder, index_dir, IndexParams()).rebuild(session, progress)
        print(f"embedded and indexed in {report.seconds:.1f} s ({report.index_kind} index)")
        with factory() as session:
            client_ids = sorted(session.scalars(select(Client.id)))
        token = issue_token(caseworker.id, SECRET, 120)
        ports = [8771, 8772]
        for port in ports:
            servers.append(_serve(url, index_dir, port))
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(f"http://127.0.0.1:{port}/api/v1/auth/me", server)
        warm = [f"/api/v1/clients/{i}/shortlists" for i in rng.sample(client_ids, 8)]
        for port in ports:
            _callers([port], warm, token, 1)

        def paths() -> list[str]:
            return [
                f"/api/v1/clients/{i}/shortlists" for i in rng.sample(client_ids, args.requests)
            ]

        print(
            f"offers for a client over HTTP, {args.requests} shortlists of 20 per run, "
            f"{os.cpu_count()} CPU core(s) on this machine:"
        )
        results: dict[str, float] = {}
        for name, processes, callers in (
            ("1 process, 1 caller", 1, 1),
            ("1 process, 8 callers", 1, 8),
            ("2 processes, 8 callers", 2, 8),
        ):
            pids = [server.pid for server in servers[:processes]]
            cpu, wall = _cpu_seconds(pids), time.perf_counter()
            throughput, latencies = _callers(ports[:processes], paths(), token, callers)
            busy = (_cpu_seconds(pids) - cpu) / (time.perf_counter() - wall)
            results[name] = throughput
            print(
                f"  {name}: {throughput:.1f} shortlists/s, p50 {percentile(latencies, 50):.0f} "
                f"ms, p95 {percentile(latencies, 95):.0f} ms; API processes kept {busy:.2f} "
                f"core(s) busy, machine load {os.getloadavg()[0]:.1f}"
            )
        one, eight, two = results.values()
        print(
            f"8 callers against 1 caller on 1 process: {eight / one:.2f}x (target 1.2x); "
            f"2 processes against 1 with 8 callers: {two / eight:.2f}x (target 1.6x)"
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        factory.kw["bind"].dispose()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--million", action="store_true")
    parser.add_argument(
        "--profile", action="store_true", help="print where in-process shortlists spend time"
    )
    parser.add_argument(
        "--concurrency",
        action="store_true",
        help="8 simultaneous callers against 1 and 2 API processes: throughput, p50/p95",
    )
    parser.add_argument("--postgres", help="with --concurrency: a PostgreSQL server URL")
    parser.add_argument("--requests", type=int, default=160, help="shortlists per run")
    args = parser.parse_args()
    rng = random.Random(5)
    if args.million:
        million()
        return
    if args.concurrency:
        concurrency(args)
        return
    factory, seconds = esco_database()
    print(f"ESCO imported in {seconds:.1f} s")
    started = time.perf_counter()
    with unit_of_work(factory) as session:
        caseworker, liaison = populate(session, args.size, rng)
        cw, li = actor_for(caseworker), actor_for(liaison)
    print(
        f"{args.size} offers and {args.size} clients stored in "
        f"{time.perf_counter() - started:.1f} s"
    )
    embedder = load_embedder(BUNDLED_MODEL)
    folder = Path(factory.kw["bind"].url.database).parent
    matcher = Matcher(embedder, folder / "index", IndexParams())
    with unit_of_work(factory) as session:
        report = matcher.rebuild(session, progress)
    print(
        f"embedded and indexed in {report.seconds:.1f} s: {report.offer_vectors} requirement "
        f"texts, {report.client_vectors} skill texts, {report.index_kind} index"
    )

    with factory() as session:
        texts = [f"{t} in a team" for t in session.scalars(select(SkillLabel.label).limit(3000))]
    started = time.perf_counter()
    embedder.encode(texts, batch_size=256)
    bare = len(texts) / (time.perf_counter() - started)
    with unit_of_work(factory) as session:
        started = time.perf_counter()
        embed_texts(session, embedder, texts)
        pipeline = len(texts) / (time.perf_counter() - started)
    print(
        f"embedding throughput on {len(texts)} new short texts: bare model {bare:.0f}/s, "
        f"pipeline (digest, look-up, embed, store) {pipeline:.0f}/s = {pipeline / bare:.0%}"
    )

    with factory() as session:
        client_ids = sorted(session.scalars(select(Client.id)))
        offer_ids = sorted(session.scalars(select(Offer.id)))
    sample_clients = rng.sample(client_ids, args.queries)
    sample_offers = rng.sample(offer_ids, args.queries)
    with factory() as session:
        matcher.refresh(session)
        print(
            f"candidate recall (offers sharing an essential concept with the client): "
            f"{candidate_recall(session, matcher, sample_clients[:50]):.3f}"
        )
    for name, ids, run, actor in (
        ("offers for a client", sample_clients, shortlist_for_client, cw),
        ("clients for an offer", sample_offers, shortlist_for_offer, li),
    ):
        times = []
        profiler = cProfile.Profile() if args.profile else None
        with factory() as session:
            for subject in ids:
                started = time.perf_counter()
                if profiler:
                    profiler.enable()
                run(session, actor, matcher, subject, ShortlistRequest(limit=20), date.today())
                if profiler:
                    profiler.disable()
                times.append(1000 * (time.perf_counter() - started))
            session.rollback()
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print(
            f"{name}, in-process: p50 {percentile(times, 50):.1f} ms, "
            f"p95 {percentile(times, 95):.1f} ms ({len(times)} shortlists of 20, explained "
            f"and stored)"
        )
    settings = Settings(
        env="test",
        database_url=str(factory.kw["bind"].url),
        secret_key=SECRET,
        index_dir=folder / "index",
        log_level="WARNING",
    )
    for name, paths, user in (
        (
            "offers for a client",
            [f"/api/v1/clients/{i}/shortlists" for i in sample_clients],
            caseworker,
        ),
        (
            "clients for an offer",
            [f"/api/v1/offers/{i}/shortlists" for i in sample_offers],
            liaison,
        ),
    ):
        times = over_http(settings, matcher, paths, issue_token(user.id, SECRET, 60))
        print(
            f"{name}, over HTTP on loopback: p50 {percentile(times, 50):.1f} ms, "
            f"p95 {percentile(times, 95):.1f} ms"
        )


if __name__ == "__main__":
    main()
