"""The liaison officer's bulk import of offers (CSV, XLSX or JobPosting JSON-LD) and the export
of published offers (CSV, JSON-LD), through the same interchange services as the API's
``POST /offers/import-file`` and ``GET /offers/jobpostings``.

An import runs in chunks: the upload reads the file and answers at once with the import's own
page; that page asks for the next chunk (htmx, or a button without JavaScript) and shows a
progress bar until every row has its line in the report. Each chunk is one request, committed
on its own, so the page never waits for the whole file and a large file shows honest progress.
The imports under way live in this process's memory (``ImportJobs``): leaving the page pauses
an import, coming back to its address goes on with it."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import File, Request, Response, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse
from starlette.datastructures import State

from accounts.actor import Actor
from api.deps import NormaliserDep, ReviewDep, SessionDep, SettingsDep, TodayDep
from employers import jobposting
from employers.jobposting import ImportContext, ImportReport, RowRefused
from models.errors import NotFound
from models.user import Role
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_

router = page_router()
LiaisonPage = Annotated[Actor, page_for(Role.liaison)]
#: Rows imported per request: small enough for the bar to move on a large file.
CHUNK = 20
#: Imports kept in memory at once (the oldest is forgotten first).
MAX_JOBS = 50
#: The file names an import reads (JSON-LD, CSV or an Excel workbook).
SUFFIXES = (".csv", ".xlsx", ".xlsm", ".json", ".jsonld")
WRONG_TYPE = N_(
    "“%(name)s” is not a file Tandem imports: choose a CSV (.csv), an Excel workbook (.xlsx) "
    "or JobPosting JSON-LD (.json, .jsonld)."
)
NO_FILE = N_("Choose the file to import.")
NO_ROWS = N_("The file has no rows to import below its header.")
UNREADABLE = N_("The file cannot be read: %(reason)s")


@dataclass
class ImportJob:
    """One import under way: the file's rows, how far it has got, and its report so far."""

    id: str
    user_id: int
    filename: str
    rows: list[jobposting.Row]
    field_names: dict[str, str]
    report: ImportReport = field(default_factory=ImportReport)
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    started: float = field(default_factory=time.monotonic)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def finished(self) -> bool:
        return self.done >= self.total


class ImportJobs:
    """The imports under way in this process, by id; each is its importer's only."""

    def __init__(self) -> None:
        self._jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()

    def add(self, job: ImportJob) -> None:
        with self._lock:
            while len(self._jobs) >= MAX_JOBS:
                oldest = min(self._jobs.values(), key=lambda j: j.started)
                del self._jobs[oldest.id]
            self._jobs[job.id] = job

    def get(self, job_id: str, actor: Actor) -> ImportJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or job.user_id != actor.user_id:
            raise NotFound("import", job_id)
        return job


_jobs_lock = threading.Lock()


def _jobs(request: Request) -> ImportJobs:
    state: State = request.app.state
    with _jobs_lock:
        jobs: ImportJobs | None = getattr(state, "import_jobs", None)
        if jobs is None:
            jobs = ImportJobs()
            state.import_jobs = jobs
    return jobs


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# -- The import page -------------------------------------------------------------------------


def _import_page(
    request: Request, pages: Pages, errors: dict[str, str] | None = None, status_code: int = 200
) -> Response:
    context = {"errors": errors or {}, "chunk": CHUNK, "suffixes": ", ".join(SUFFIXES)}
    return render(request, pages, "liaison/import.html", context, status_code=status_code)


@router.get("/liaison/import")
def import_page(request: Request, pages: PagesDep, actor: LiaisonPage) -> Response:
    return _import_page(request, pages)


@router.post("/liaison/import")
def upload(
    request: Request,
    pages: PagesDep,
    actor: LiaisonPage,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Read the file (refused here when it is no import file at all) and open its import."""
    gettext = pages.translations.gettext
    name = (file.filename or "") if file is not None else ""
    if file is None or not name:
        return _import_page(request, pages, {"file": gettext(NO_FILE)}, 422)
    if not name.lower().endswith(SUFFIXES):
        return _import_page(request, pages, {"file": gettext(WRONG_TYPE) % {"name": name}}, 422)
    try:
        rows, names = jobposting.rows_from_file(file.file.read(), name)
    except RowRefused as exc:
        reason = f"{exc.field}: {exc}" if exc.field and exc.field != "file" else str(exc)
        message = gettext(UNREADABLE) % {"reason": reason}
        return _import_page(request, pages, {"file": message}, 422)
    if not rows:
        return _import_page(request, pages, {"file": gettext(NO_ROWS)}, 422)
    job = ImportJob(
        id=secrets.token_urlsafe(12),
        user_id=actor.user_id,
        filename=name,
        rows=rows,
        field_names=dict(names),
    )
    _jobs(request).add(job)
    return _see_other(f"/liaison/import/{job.id}")


# -- One import: its progress, then its report ------------------------------------------------


def _job_page(request: Request, pages: Pages, job: ImportJob) -> Response:
    report = job.report
    context = {
        "job": job,
        "report": report,
        "counts": {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "held": len(report.held),
            "prospects": len(report.prospects),
            "refused": len(report.refused),
        },
    }
    return render(request, pages, "liaison/import_job.html", context)


JobId = Annotated[str, PathParam(min_length=8, max_length=40, pattern="^[A-Za-z0-9_-]+$")]


@router.get("/liaison/import/{job_id}")
def job_page(request: Request, pages: PagesDep, actor: LiaisonPage, job_id: JobId) -> Response:
    return _job_page(request, pages, _jobs(request).get(job_id, actor))


@router.post("/liaison/import/{job_id}/next")
def next_chunk(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    settings: SettingsDep,
    normaliser: NormaliserDep,
    review: ReviewDep,
    today: TodayDep,
    job_id: JobId,
) -> Response:
    """Import the next rows (the same service, and the same context, as the API's import),
    then show how far it has got: the progress for htmx, the import's page otherwise."""
    job = _jobs(request).get(job_id, actor)
    if job.lock.acquire(blocking=False):  # a second request at once only reads the progress
        try:
            if not job.finished:
                context = ImportContext(
                    default_country=settings.default_country,
                    normaliser=normaliser,
                    review=review,
                    today=today,
                    match_threshold=settings.import_company_match,
                    field_names=job.field_names,
                )
                chunk = job.rows[job.done : job.done + CHUNK]
                part = jobposting.import_offers(session, actor, chunk, context)
                session.flush()
                _merge(job.report, part)
                job.done += len(chunk)
        finally:
            job.lock.release()
    if request.headers.get("HX-Request") == "true":
        return _job_page(request, pages, job)
    return _see_other(f"/liaison/import/{job.id}")


def _merge(report: ImportReport, part: ImportReport) -> None:
    report.rows.extend(part.rows)
    for name in ("created", "updated", "unchanged", "held", "prospects"):
        getattr(report, name).extend(getattr(part, name))


@router.get("/liaison/import/{job_id}/report.csv")
def report_csv(request: Request, actor: LiaisonPage, job_id: JobId) -> Response:
    job = _jobs(request).get(job_id, actor)
    return Response(
        job.report.as_csv(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="import-report.csv"'},
    )


# -- Export ----------------------------------------------------------------------------------


@router.get("/liaison/export/offers.csv")
def export_csv(session: SessionDep, actor: LiaisonPage) -> Response:
    return Response(
        jobposting.published_csv(session),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="published-offers.csv"'},
    )


#: Every published offer in one download (the API pages its export; the file is whole).
EXPORT_ALL = 1_000_000


@router.get("/liaison/export/offers.jsonld")
def export_jsonld(session: SessionDep, actor: LiaisonPage) -> Response:
    documents, _total = jobposting.published_jobpostings(session, EXPORT_ALL, 0)
    body: dict[str, Any] = {"@context": jobposting.CONTEXT, "@graph": documents}
    return Response(
        json.dumps(body, ensure_ascii=False, indent=1),
        media_type="application/ld+json; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="published-offers.jsonld"'},
    )
