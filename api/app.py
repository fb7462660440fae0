"""The application factory: the composition root where settings, database and routers meet."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from accounts.throttle import parse_networks
from api import signin
from api.docs import install_docs
from api.errors import document_errors, install_error_handlers
from api.routers import (
    audit,
    auth,
    clients,
    companies,
    followup,
    inbox,
    indicators,
    offers,
    placements,
    proposals,
    shortlists,
    tutors,
    users,
)
from api.routers import skills as skills_api
from api.scheduler import JobContext, start_scheduler
from api.security import BodyLimit, install_security_headers
from config.settings import Settings
from employers.offers import Review
from matching.ann import IndexParams
from matching.concepts import semantic_factory
from matching.embedding import Embedder, load_embedder
from matching.engine import Matcher
from matching.ranking import Weights
from models.db import build_engine, session_factory
from taxonomy.cache import SkillsCache
from taxonomy.normalise import Thresholds

API_PREFIX = "/api/v1"
log = logging.getLogger(__name__)


def thresholds(settings: Settings) -> Thresholds:
    return Thresholds(
        fuzzy=settings.fuzzy_threshold,
        informal=settings.informal_threshold,
        proposal=settings.proposal_min_score,
    )


def weights(settings: Settings) -> Weights:
    return Weights(
        essential=settings.match_weight_essential,
        optional=settings.match_weight_optional,
        summary=settings.match_weight_summary,
        aspiration=settings.match_weight_aspiration,
        related=settings.match_credit_related,
        semantic=settings.match_credit_semantic,
        semantic_threshold=settings.match_semantic_threshold,
        neighbours=settings.match_neighbours,
    )


def build_matcher(settings: Settings, embedder: Embedder | None = None) -> Matcher:
    """The matcher with the model loaded once (or the one handed in)."""
    return Matcher(
        embedder or load_embedder(settings.embedding_model, settings.embedding_backend),
        settings.index_dir,
        IndexParams(settings.index_exact_limit, settings.index_nprobe),
        weights(settings),
    )


class IndexFollower:
    """A background thread that keeps this process on the newest re-index made by any process
    (the nightly job in the scheduler process, ``tandem index rebuild``): every ``every``
    seconds it reads the newest ``index_versions`` row and, when it is newer than the one
    served, loads the saved indexes aside and swaps them in (``Matcher.follow``)."""

    def __init__(self, factory: sessionmaker[Session], matcher: Matcher, every: float) -> None:
        self._factory = factory
        self._matcher = matcher
        self._every = every
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-follower", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.wait(self._every):
            try:
                with self._factory() as session:
                    self._matcher.follow(session)
                    session.commit()
            except Exception:  # keep following: the next look may succeed
                log.exception("could not load the newest index version")

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=30)


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    skills: SkillsCache | None = None,
    review: Review | None = None,
    embedder: Embedder | None = None,
) -> FastAPI:
    """Build the app. Heavy objects (the engine, the skills index, the embedding model) may be
    handed in from outside, so that tests and the CLI build them once."""
    settings = settings or Settings()
    logging.basicConfig(level=settings.log_level.upper())
    owns_engine = engine is None
    engine = engine or build_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with app.state.session_factory() as session:
            app.state.matcher.refresh(session)  # catalogues and indexes loaded at start-up
            session.commit()
        context = JobContext(settings, lambda: app.state.matcher)
        scheduler = (
            start_scheduler(app.state.session_factory, context)
            if settings.scheduler_enabled
            else None
        )
        follower = (
            IndexFollower(app.state.session_factory, app.state.matcher, settings.index_poll_seconds)
            if settings.index_poll_seconds > 0
            else None
        )
        yield
        if follower is not None:
            follower.stop()
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        if owns_engine:
            engine.dispose()

    app = FastAPI(
        title="Tandem",
        version="0.1.0",
        description="Employer engagement and explained job matching for employment services.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.clock = date.today  # tests move the clock by replacing it
    app.state.engine = engine
    app.state.session_factory = session_factory(engine)
    app.state.skills = skills or SkillsCache(
        thresholds(settings),
        dense=semantic_factory(app.state.session_factory, lambda: app.state.matcher.embedder)
        if settings.semantic_recognition
        else None,
    )
    app.state.review = review or Review.from_settings(settings)
    app.state.sign_in_policy = signin.policy(settings)
    app.state.trusted_proxies = parse_networks(settings.trusted_proxies)
    app.state.matcher = build_matcher(settings, embedder)
    install_error_handlers(app)
    # Added first, so inside the headers middleware: a 413 carries the headers too.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    install_security_headers(app, settings)
    install_docs(app)
    routers = (
        auth,
        users,
        audit,
        companies,
        offers,
        tutors,
        placements,
        proposals,
        followup,
        clients,
        shortlists,
        inbox,
        indicators,
    )
    for module in (*routers, skills_api):
        app.include_router(module.router, prefix=API_PREFIX)
    document_errors(app)
    return app
