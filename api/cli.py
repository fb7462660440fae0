"""The ``tandem`` command line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.orm import Session

from config.settings import Settings
from models.db import build_engine, session_factory, unit_of_work
from models.user import Role

app = typer.Typer(
    help="Tandem: employer engagement and explained job matching.", no_args_is_help=True
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
geo_app = typer.Typer(help="Postcode gazetteer.", no_args_is_help=True)
taxonomy_app = typer.Typer(
    help="Skills taxonomy: ESCO and the starter taxonomy.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(geo_app, name="geo")
app.add_typer(taxonomy_app, name="taxonomy")
offers_app = typer.Typer(help="Offers: expiry, JobPosting import and export.", no_args_is_help=True)
app.add_typer(offers_app, name="offers")
index_app = typer.Typer(help="Matching indexes.", no_args_is_help=True)
app.add_typer(index_app, name="index")
jobs_app = typer.Typer(help="Scheduled jobs, run by hand", no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")
clients_app = typer.Typer(help="Clients: retention.", no_args_is_help=True)
app.add_typer(clients_app, name="clients")


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply the migrations to the database named by TANDEM_DATABASE_URL."""
    from models.migrate import upgrade

    settings = Settings()
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {_safe_url(settings.database_url)} is at revision {revision}")


@db_app.command("backup")
def db_backup(file: Path) -> None:
    """Back up the SQLite database into FILE while Tandem keeps serving (SQLite's online
    backup API). FILE holds personal data: keep it encrypted and delete it when it expires.
    For PostgreSQL use pg_dump (the command says how)."""
    from models.backup import BackupError, backup

    settings = Settings()
    try:
        tables = backup(settings.database_url, file)
    except BackupError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"backed up {_safe_url(settings.database_url)} ({tables} tables) to {file}")


@db_app.command("restore")
def db_restore(
    file: Path,
    replace: Annotated[bool, typer.Option(help="Overwrite an existing database")] = False,
) -> None:
    """Restore a backup made by `tandem db backup` into TANDEM_DATABASE_URL (a new database,
    unless --replace), bring its schema up to date; then rebuild the indexes with
    `tandem index rebuild`. For PostgreSQL use pg_restore."""
    from models.backup import BackupError, restore
    from models.migrate import upgrade

    settings = Settings()
    try:
        revision = restore(file, settings.database_url, replace)
    except BackupError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    upgrade(settings.database_url)
    typer.echo(
        f"restored {file} (schema revision {revision}) into {_safe_url(settings.database_url)}, "
        "now at the latest revision; run `tandem index rebuild` next"
    )


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="Sign-in email")],
    password: Annotated[str, typer.Option(help="At least 8 characters")],
    role: Annotated[Role, typer.Option(help="admin, liaison, caseworker or employer")],
    company: Annotated[int | None, typer.Option(help="Company id, for employer users")] = None,
    office: Annotated[int | None, typer.Option(help="Office (team) id")] = None,
    name: Annotated[str | None, typer.Option(help="Display name")] = None,
) -> None:
    """Create a user account."""
    from pydantic import ValidationError

    from accounts.schemas import UserCreate
    from accounts.users import create_user
    from models.errors import TandemError

    try:
        data = UserCreate(
            email=email,
            password=password,
            role=role,
            company_id=company,
            office_id=office,
            display_name=name or email.split("@")[0],
        )
        with _unit_of_work() as session:
            user = create_user(session, None, data)
            user_id = user.id
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise typer.BadParameter(problems) from exc
    except TandemError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"created user {user_id} <{email.lower()}> with role {role.value}")


@geo_app.command("import")
def geo_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
) -> None:
    """Load postcode centroids: a GeoNames postal-code file, or a CSV with
    country,postcode,place,lat,lon."""
    from places.geo import import_gazetteer, read_gazetteer

    with _unit_of_work() as session, typer.progressbar(length=0, label="postcodes") as bar:
        try:
            added, updated = import_gazetteer(session, read_gazetteer(file), bar.update)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=1) from exc
    typer.echo(f"postcodes: {added} added, {updated} updated")


@taxonomy_app.command("import-esco")
def taxonomy_import_esco(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False, readable=True)],
    version: Annotated[str, typer.Option(help="ESCO version of the files")] = "v1.1.1",
    vectors: Annotated[
        bool, typer.Option(help="Embed the concepts' labels (concept vectors) afterwards")
    ] = True,
) -> None:
    """Import the official ESCO CSV download (idempotent) and report what it holds; then build
    the concept vectors (only labels never embedded are embedded)."""
    from taxonomy.esco import STEPS, EscoFilesMissing, import_esco
    from taxonomy.schemas import ESCO_ATTRIBUTION

    started = time.perf_counter()
    try:
        with (
            _unit_of_work() as session,
            typer.progressbar(length=len(STEPS), label="ESCO import") as bar,
        ):
            report = import_esco(session, directory, version, on_step=lambda _name: bar.update(1))
    except EscoFilesMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"ESCO {version} imported in {time.perf_counter() - started:.1f} s")
    for name, count in report.rows.items():
        typer.echo(f"  {name:<28} {count:>7}")
    typer.echo("changes (+added ~updated -removed):")
    for name, change in report.changes.items():
        typer.echo(f"  {name:<28} {change}")
    if report.skipped_relations:
        typer.echo(f"skipped {report.skipped_relations} relations to occupations not in the files")
    typer.echo(ESCO_ATTRIBUTION)
    if _starter_loaded():
        _load_starter()  # the informal experiences' evidence names ESCO concepts by URI
    if vectors:
        _build_concept_vectors()


def _build_concept_vectors() -> None:
    """Embed every concept label and experience phrase not embedded yet, with progress."""
    from matching.concepts import build_concept_vectors
    from matching.embedding import load_embedder

    settings = Settings()
    typer.echo(f"loading the embedding model {settings.embedding_model}")
    embedder = load_embedder(settings.embedding_model, settings.embedding_backend)
    bar: Any = None

    def total(count: int) -> None:
        nonlocal bar
        bar = typer.progressbar(length=max(count, 1), label="concept vectors")
        bar.__enter__()

    with _unit_of_work() as session:
        report = build_concept_vectors(session, embedder, lambda n: bar.update(n), total)
    if bar is not None:
        bar.__exit__(None, None, None)
    typer.echo(
        f"concept vectors: {report.concepts} concepts, {report.texts} distinct label texts "
        f"({report.embedded} embedded now, the rest stored before) in {report.seconds:.1f} s"
    )


@taxonomy_app.command("load-starter")
def taxonomy_load_starter() -> None:
    """Load Tandem's starter taxonomy: skills and informal experiences (idempotent)."""
    _load_starter()


def _starter_loaded() -> bool:
    from sqlalchemy import func, select

    from models.taxonomy import InformalExperience

    with _unit_of_work() as session:
        return bool(session.scalar(select(func.count()).select_from(InformalExperience)))


def _load_starter() -> None:
    from taxonomy.starter import load_starter

    with _unit_of_work() as session:
        report = load_starter(session)
    typer.echo(
        f"starter taxonomy: {report.skills} skills, {report.experiences} informal experiences"
    )
    for name, change in report.changes.items():
        typer.echo(f"  {name:<22} {change}")


@offers_app.command("expire")
def offers_expire() -> None:
    """Expire offers whose expiry date has passed (idempotent)."""
    from datetime import date

    from employers.offers import expire_offers

    with _unit_of_work() as session:
        expired = expire_offers(session, date.today())
    typer.echo(f"expired {len(expired)} offer(s)" + (f": {expired}" if expired else ""))


@offers_app.command("import")
def offers_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    as_user: Annotated[str, typer.Option("--as", help="Email of the liaison officer importing")],
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Write the per-row report to this CSV")
    ] = None,
) -> None:
    """Import offers from JobPosting JSON-LD, a CSV (comma or semicolon; UTF-8 or
    Windows-1252) or an XLSX workbook; each new offer is screened on submission, an ad seen
    before updates its offer, an unknown employer becomes a prospect."""
    from datetime import date

    from sqlalchemy import select

    from accounts.users import actor_for
    from api.app import thresholds
    from employers.jobposting import ImportContext, RowRefused, import_offers, rows_from_file
    from employers.offers import Review
    from models.user import User
    from taxonomy.cache import SkillsCache

    settings = Settings()
    with _unit_of_work() as session:
        user = session.scalar(select(User).where(User.email == as_user.lower()))
        if user is None or user.role not in (Role.liaison, Role.admin):
            typer.echo(f"error: {as_user} is not a liaison officer or admin", err=True)
            raise typer.Exit(code=1)
        try:
            rows, names = rows_from_file(file.read_bytes(), file.name)
        except RowRefused as exc:
            typer.echo(f"error: {exc.field}: {exc}", err=True)
            raise typer.Exit(code=1) from exc
        context = ImportContext(
            default_country=settings.default_country,
            normaliser=SkillsCache(thresholds(settings)).normaliser(session),
            review=Review.from_settings(settings),
            today=date.today(),
            match_threshold=settings.import_company_match,
            field_names=names,
        )
        with typer.progressbar(length=len(rows), label="offers") as bar:
            report = import_offers(session, actor_for(user), rows, context, bar.update)
    typer.echo(
        f"created {len(report.created)} offer(s), updated {len(report.updated)}, "
        f"unchanged {len(report.unchanged)}, {len(report.held)} held by screening, "
        f"{len(report.prospects)} new prospect(s), {len(report.refused)} row(s) refused"
    )
    for line in report.rows:
        if line.outcome == "refused":
            typer.echo(f"  row {line.row}: refused: {line.field}: {line.message}")
        elif line.company_outcome == "created":
            typer.echo(f"  row {line.row}: {line.outcome}; '{line.company}' recorded as a prospect")
    if report_file is not None:
        report_file.write_text(report.as_csv(), encoding="utf-8")
        typer.echo(f"per-row report written to {report_file}")


@offers_app.command("export")
def offers_export(file: Annotated[Path, typer.Argument(dir_okay=False)]) -> None:
    """Write every published offer as schema.org JobPosting JSON-LD."""
    import json

    from employers.jobposting import CONTEXT, published_jobpostings

    with _unit_of_work() as session:
        documents, total = published_jobpostings(session, limit=1_000_000, offset=0)
    file.write_text(
        json.dumps({"@context": CONTEXT, "@graph": documents}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    typer.echo(f"wrote {total} JobPosting document(s) to {file}")


@app.command()
def demo(seed: int = 7) -> None:
    """Load the starter taxonomy and the demo data set (both idempotent) and print the demo
    users' sign-in details."""
    from api.app import thresholds
    from demo.seed import DEMO_PASSWORD, load_demo
    from employers.offers import Review
    from taxonomy.cache import SkillsCache

    _load_starter()
    with _unit_of_work() as session:
        settings = Settings()
        normaliser = SkillsCache(thresholds(settings)).normaliser(session)
        summary = load_demo(
            session,
            seed=seed,
            progress=typer.echo,
            normaliser=normaliser,
            review=Review.from_settings(settings),
        )
    typer.echo(summary.describe())
    if settings.semantic_recognition:
        _build_concept_vectors()  # so the first "add what this person has done" is quick
    _rebuild_index()
    typer.echo(f"\nSign in with any of these emails and the password '{DEMO_PASSWORD}':")
    for role, email in summary.sign_ins:
        typer.echo(f"  {role:<11} {email}")


@index_app.command("rebuild")
def index_rebuild() -> None:
    """Embed what was never embedded, rebuild the offer and client indexes from the stored
    embeddings and save them (the old ones keep serving until the new ones are complete); the
    concept vectors first."""
    _build_concept_vectors()
    _rebuild_index()


def _rebuild_index() -> None:
    from api.app import build_matcher

    settings = Settings()
    typer.echo(f"loading the embedding model {settings.embedding_model}")
    matcher = build_matcher(settings)
    bars: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = typer.progressbar(length=max(total, 1), label=stage)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    with _unit_of_work() as session:
        report = matcher.rebuild(session, progress)
    typer.echo(
        f"indexed {report.offers} published offers ({report.offer_vectors} distinct requirement "
        f"texts) and {report.clients} clients ({report.client_vectors} distinct skill texts), "
        f"{report.index_kind} index, in {report.seconds} s, under {settings.index_dir}"
    )


def _job_context(settings: Settings) -> Any:
    from api.app import build_matcher
    from api.scheduler import JobContext

    matchers: list[Any] = []

    def matcher() -> Any:
        if not matchers:
            matchers.append(build_matcher(settings))
        return matchers[0]

    return JobContext(settings, matcher)


@clients_app.command("anonymise-inactive")
def clients_anonymise_inactive(
    apply: Annotated[
        bool, typer.Option("--apply", help="Anonymise; without it, a dry run")
    ] = False,
    days: Annotated[
        int | None, typer.Option(help="Inactive for more than this many days (default: setting)")
    ] = None,
    day: Annotated[
        str | None, typer.Option("--date", help="Count from this day (YYYY-MM-DD); default today")
    ] = None,
) -> None:
    """Clients with no sign of work on their case for longer than the retention period
    (TANDEM_RETENTION_INACTIVE_DAYS): listed (a dry run), or anonymised with --apply, as an
    erasure does; the indexes are rebuilt afterwards."""
    from datetime import date

    from clients.erasure import anonymise_inactive
    from models.base import utcnow

    settings = Settings()
    period = days if days is not None else settings.retention_inactive_days
    try:
        today = date.fromisoformat(day) if day else date.today()
    except ValueError:
        typer.echo(f"--date: {day!r} is not a date (YYYY-MM-DD)", err=True)
        raise typer.Exit(2) from None
    with _unit_of_work() as session:
        found = anonymise_inactive(session, today, period, utcnow(), apply)
    verb = "anonymised" if apply else "would be anonymised (dry run; --apply to anonymise)"
    for client_id, name in found:
        typer.echo(f"client {client_id} {name}")
    typer.echo(f"{len(found)} client(s) inactive for more than {period} days {verb}")
    if apply and found:
        _rebuild_index()


@jobs_app.command("list")
def jobs_list() -> None:
    """The scheduled jobs, when they run (UTC) and what they do."""
    from api.scheduler import JOBS

    for job in JOBS:
        when = f"{int(job.cron['hour']):02d}:{int(job.cron['minute']):02d}"
        typer.echo(f"{job.name:<22} daily {when}  {job.description}")


@jobs_app.command("run")
def jobs_run(
    name: str,
    day: Annotated[
        str | None, typer.Option("--date", help="The period (YYYY-MM-DD); default today")
    ] = None,
) -> None:
    """Run one job for a period now, unless that period's run is already recorded."""
    from datetime import date

    from api.scheduler import JOBS_BY_NAME, run_job

    job = JOBS_BY_NAME.get(name)
    if job is None:
        typer.echo(f"no job named {name!r}; see `tandem jobs list`", err=True)
        raise typer.Exit(2)
    try:
        today = date.fromisoformat(day) if day else date.today()
    except ValueError:
        typer.echo(f"--date: {day!r} is not a date (YYYY-MM-DD)", err=True)
        raise typer.Exit(2) from None
    settings = Settings()
    engine = build_engine(settings.database_url)
    try:
        outcome = run_job(session_factory(engine), job, today, _job_context(settings))
    finally:
        engine.dispose()
    typer.echo(
        f"{job.name} for {outcome.period}: "
        + ("" if outcome.ran else "skipped, ")
        + outcome.summary
    )


@app.command()
def scheduler() -> None:
    """Run the scheduler in this process (only one per deployment): today's missed runs at
    once, then each job at its time."""
    from api.scheduler import build_scheduler

    settings = Settings()
    engine = build_engine(settings.database_url)
    typer.echo("scheduler running; Ctrl+C stops it")
    try:
        build_scheduler(session_factory(engine), _job_context(settings), blocking=True).start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        engine.dispose()


@contextmanager
def _unit_of_work() -> Iterator[Session]:
    """One session for one command: committed at the end, rolled back on error."""
    engine = build_engine(Settings().database_url)
    try:
        with unit_of_work(session_factory(engine)) as session:
            yield session
    finally:
        engine.dispose()


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
