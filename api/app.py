"""The application factory: the composition root where settings, database and routers meet."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from api import pages
from api.errors import install_error_handlers
from api.routers import audit, auth, clients, companies, offers, placements, tutors, users
from api.routers import skills as skills_api
from api.scheduler import start_scheduler
from api.settings import Settings
from employers.offers import Review
from employers.screening import Screener
from matching.taxonomy.cache import SkillsCache
from matching.taxonomy.normalise import Thresholds
from models.db import build_engine, session_factory

API_PREFIX = "/api/v1"


def thresholds(settings: Settings) -> Thresholds:
    return Thresholds(
        fuzzy=settings.fuzzy_threshold,
        informal=settings.informal_threshold,
        proposal=settings.proposal_min_score,
    )


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    skills: SkillsCache | None = None,
    review: Review | None = None,
) -> FastAPI:
    """Build the app. Heavy objects (the engine, the skills index; the model later) may be
    handed in from outside, so that tests and the CLI build them once."""
    settings = settings or Settings()
    logging.basicConfig(level=settings.log_level.upper())
    owns_engine = engine is None
    engine = engine or build_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        scheduler = (
            start_scheduler(app.state.session_factory) if settings.scheduler_enabled else None
        )
        yield
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        if owns_engine:
            engine.dispose()

    app = FastAPI(
        title="Tandem",
        version="0.1.0",
        description="Employer engagement and explained job matching for employment services.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = session_factory(engine)
    app.state.skills = skills or SkillsCache(thresholds(settings))
    app.state.review = review or Review(
        Screener.from_files(settings.screening_rules, settings.screening_allow),
        settings.publish_without_review,
    )
    install_error_handlers(app)
    for module in (auth, users, audit, companies, offers, tutors, placements, clients, skills_api):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(pages.router)
    return app
