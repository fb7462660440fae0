"""Scheduler start-up: one APScheduler per deployment, enabled by ``TANDEM_SCHEDULER_ENABLED``.

Jobs are declared beside their domain and listed in ``JOBS``; each opens its own session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: (name, cron fields, job taking a session factory). Filled by the issues that add jobs.
JOBS: tuple[tuple[str, dict[str, str], Callable[[sessionmaker[Session]], None]], ...] = ()


def start_scheduler(factory: sessionmaker[Session]) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    for name, cron, job in JOBS:
        scheduler.add_job(
            job, "cron", args=[factory], id=name, max_instances=1, coalesce=True, **cron
        )
    scheduler.start()
    log.info("scheduler started with %d jobs", len(JOBS))
    return scheduler
