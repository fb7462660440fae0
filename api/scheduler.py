"""Scheduled jobs: declared beside their domain, registered here, run by one APScheduler per
deployment (``tandem scheduler``, or the API process when ``TANDEM_SCHEDULER_ENABLED``) or by
hand (``tandem jobs run NAME``).

Each run belongs to a period (a day). The job-run row for (job, period) is inserted in the
same transaction as the job's effect, so a period's effect is committed exactly once: a second
run, a restart mid-period or a second process finds the row and does nothing. At start the
scheduler catches up on today's runs, so a restart skips nothing either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clients.erasure import anonymise_inactive
from clients.records import flag_parked_clients
from config.settings import Settings
from employers.offers import alert_held_offers, expire_offers
from matching.engine import Matcher
from models.base import utcnow
from models.inbox import JobRun
from placements.followup import alert_checkpoints, alert_trials_ending
from placements.proposals import alert_unanswered

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobContext:
    """What jobs may need beyond a session and the day: the settings, and the matcher (built
    only when a job asks for it, since loading the model takes seconds)."""

    settings: Settings
    matcher: Callable[[], Matcher]


@dataclass(frozen=True)
class Job:
    name: str
    description: str
    cron: dict[str, str]
    run: Callable[[Session, date, JobContext], str]
    #: A job whose work commits in sessions of its own (the re-index) claims its period first.
    own_transactions: bool = False


def _expire(session: Session, today: date, _context: JobContext) -> str:
    return f"{len(expire_offers(session, today))} offer(s) expired"


def _follow_up(session: Session, today: date, context: JobContext) -> str:
    settings = context.settings
    checkpoints = alert_checkpoints(session, today, settings.checkpoint_notice_days)
    trials = alert_trials_ending(session, today, settings.trial_ending_days)
    return f"{checkpoints} checkpoint alert(s), {trials} work-trial-ending alert(s)"


def _proposals(session: Session, today: date, context: JobContext) -> str:
    raised = alert_unanswered(session, today, context.settings.proposal_answer_days)
    return f"{raised} unanswered-proposal alert(s)"


def _held(session: Session, today: date, context: JobContext) -> str:
    return f"{alert_held_offers(session, today, context.settings.held_offer_days)} alert(s)"


def _parked(session: Session, today: date, context: JobContext) -> str:
    raised = flag_parked_clients(session, today, context.settings.contact_standard_days)
    return f"{raised} parked-client alert(s)"


def _retention(session: Session, today: date, context: JobContext) -> str:
    """Clients inactive past the retention period anonymised, once the setting enables it;
    the re-index at 02:00 then drops their vectors from the saved indexes."""
    settings = context.settings
    if not settings.retention_enabled:
        return "retention is off (TANDEM_RETENTION_ENABLED=false): nothing anonymised"
    days = settings.retention_inactive_days
    done = anonymise_inactive(session, today, days, utcnow(), apply=True)
    return f"{len(done)} client(s) inactive for more than {days} days anonymised"


def _reindex(session: Session, _today: date, context: JobContext) -> str:
    report = context.matcher().rebuild(session)
    return f"{report.offers} offers, {report.clients} clients re-indexed in {report.seconds:.1f} s"


def _daily(hour: int, minute: int = 0) -> dict[str, str]:
    return {"hour": str(hour), "minute": str(minute)}


JOBS: tuple[Job, ...] = (
    Job("expire_offers", "Offers past their expiry date leave circulation", _daily(0, 5), _expire),
    Job(
        "retention",
        "Anonymise clients inactive past the retention period",
        _daily(1, 30),
        _retention,
    ),
    Job("reindex", "Rebuild the matching indexes", _daily(2), _reindex, own_transactions=True),
    Job("follow_up", "Alerts: checkpoints due or overdue, trials ending", _daily(5), _follow_up),
    Job("proposals_unanswered", "Alerts: unanswered proposals", _daily(5, 10), _proposals),
    Job("held_offers", "Alerts: offers waiting in the review queue", _daily(5, 20), _held),
    Job("parked_clients", "Alerts: clients without contact or shortlist", _daily(5, 30), _parked),
)
JOBS_BY_NAME = {job.name: job for job in JOBS}


@dataclass(frozen=True)
class JobOutcome:
    job: str
    period: str
    ran: bool
    summary: str


def run_job(
    factory: sessionmaker[Session], job: Job, today: date, context: JobContext
) -> JobOutcome:
    """Run ``job`` for the period ``today`` unless that period's run is already recorded."""
    period = today.isoformat()
    with factory() as session:
        if job.own_transactions:
            claimed = _claim(session, job, period)
            if claimed is None:
                return JobOutcome(job.name, period, False, _already(session, job, period))
            try:
                summary = job.run(session, today, context)
            except Exception:
                session.rollback()
                session.delete(claimed)  # let the period be tried again
                session.commit()
                raise
        else:
            claimed = JobRun(job=job.name, period=period)
            session.add(claimed)
            try:
                session.flush()
            except (IntegrityError, OperationalError):
                session.rollback()
                return JobOutcome(job.name, period, False, _already(session, job, period))
            summary = job.run(session, today, context)
        claimed.summary = summary
        claimed.finished_at = utcnow()
        session.commit()
    log.info("job %s for %s: %s", job.name, period, summary)
    return JobOutcome(job.name, period, True, summary)


def _claim(session: Session, job: Job, period: str) -> JobRun | None:
    claimed = JobRun(job=job.name, period=period)
    session.add(claimed)
    try:
        session.commit()
    except (IntegrityError, OperationalError):
        session.rollback()
        return None
    return claimed


def _already(session: Session, job: Job, period: str) -> str:
    done = session.scalar(select(JobRun).where(JobRun.job == job.name, JobRun.period == period))
    if done is None:
        return f"running in another process for {period}"
    if done.finished_at is None:
        return f"started at {done.started_at:%H:%M:%S} for {period}, not finished"
    return f"already run for {period} at {done.finished_at:%H:%M:%S}: {done.summary}"


def run_due_jobs(
    factory: sessionmaker[Session], today: date, context: JobContext
) -> list[JobOutcome]:
    """Today's run of every job not yet run today (the catch-up after a start or restart)."""
    outcomes = []
    for job in JOBS:
        try:
            outcomes.append(run_job(factory, job, today, context))
        except Exception:
            log.exception("job %s failed for %s", job.name, today)
    return outcomes


def _scheduled(factory: sessionmaker[Session], job: Job, context: JobContext) -> None:
    try:
        run_job(factory, job, date.today(), context)
    except Exception:
        log.exception("job %s failed", job.name)


def build_scheduler(
    factory: sessionmaker[Session], context: JobContext, *, blocking: bool = False
) -> BaseScheduler:
    """One scheduler with every job at ``max_instances=1``, plus a catch-up run at start."""
    scheduler: BaseScheduler = (
        BlockingScheduler(timezone="UTC") if blocking else BackgroundScheduler(timezone="UTC")
    )
    for job in JOBS:
        scheduler.add_job(
            _scheduled,
            "cron",
            args=[factory, job, context],
            id=job.name,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
            **job.cron,
        )
    scheduler.add_job(
        lambda: run_due_jobs(factory, date.today(), context), id="catch_up", max_instances=1
    )
    return scheduler


def start_scheduler(factory: sessionmaker[Session], context: JobContext) -> BaseScheduler:
    scheduler = build_scheduler(factory, context)
    scheduler.start()
    log.info("scheduler started with %d jobs", len(JOBS))
    return scheduler
