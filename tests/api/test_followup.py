"""From a shortlist decision to a year in work: the employer's answer, a work trial with its
tutor and report, a hire, checkpoints with the clock moved forward, inboxes and indicators;
and scheduled jobs whose effect happens once per period whatever reruns or restarts do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.scheduler import JOBS_BY_NAME, Job, JobContext, run_due_jobs, run_job
from config.settings import Settings
from matching.ann import IndexParams
from matching.embedding import Embedder
from matching.engine import Matcher
from models.company import Company
from models.db import unit_of_work
from models.inbox import Alert, JobRun
from models.matching import Shortlist, ShortlistDirection, ShortlistItem
from models.placement import Checkpoint, CheckpointSide, PlacementStatus, Proposal
from tests.world import World

DAY0 = date.today()


def _set_clock(client: TestClient, day: date) -> None:
    client.app.state.clock = lambda: day  # type: ignore[attr-defined]


def _inbox(client: TestClient, world: World, who: str) -> list[dict[str, Any]]:
    response = client.get("/api/v1/inbox?limit=200", headers=world.headers(who))
    assert response.status_code == 200
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _kinds(client: TestClient, world: World, who: str) -> set[str]:
    return {a["kind"] for a in _inbox(client, world, who)}


def _context(settings: Settings, embedder: Embedder) -> JobContext:
    matcher = Matcher(embedder, settings.index_dir, IndexParams())
    return JobContext(settings, lambda: matcher)


def _run(
    client: TestClient, world: World, settings: Settings, embedder: Embedder, name: str, day: date
) -> str:
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    outcome = run_job(factory, JOBS_BY_NAME[name], day, _context(settings, embedder))
    assert outcome.ran
    return outcome.summary


def test_a_client_goes_from_a_shortlist_to_a_year_in_work(
    client: TestClient, world: World, settings: Settings, embedder: Embedder
) -> None:
    b, ids, users = world.build, world.ids, world.users
    with unit_of_work(b.db) as session:
        session.execute(
            update(Company)
            .where(Company.id == ids["company_a"])
            .values(liaison_officer_id=users["liaison"].id)
        )
    trial = b.work_trial(ids["company_a"])
    shortlist = Shortlist(
        direction=ShortlistDirection.offers_for_client,
        client_id=ids["client_a"],
        requested_by_id=users["caseworker"].id,
        model="test",
    )
    shortlist.items = [
        ShortlistItem(rank=1, offer_id=trial.id, client_id=ids["client_a"], score=0.5)
    ]
    shortlist = b.add(shortlist)
    cw, li, emp = (world.headers(who) for who in ("caseworker", "liaison", "employer"))
    _set_clock(client, DAY0)

    # The caseworker proposes the client; the employer sees first name and skills only.
    decided = client.post(
        f"/api/v1/shortlists/{shortlist.id}/decisions",
        json={"candidate_id": trial.id, "decision": "proposed", "reason": "Loves kitchens"},
        headers=cw,
    )
    assert decided.status_code == 201, decided.text
    proposal_id = decided.json()["proposal_id"]
    seen = client.get("/api/v1/proposals", headers=emp).json()["items"]
    mine = next(p for p in seen if p["id"] == proposal_id)
    assert mine["client"]["given_name"] == "Amina"
    assert "Haddad" not in str(seen)
    assert "+43" not in str(seen)
    other = client.get(f"/api/v1/proposals/{proposal_id}", headers=world.headers("employer_b"))
    assert other.status_code == 404

    # Interview, then accepted: a planned placement.
    interview = client.post(
        f"/api/v1/proposals/{proposal_id}/answer",
        json={"answer": "interview_planned", "interview_on": str(DAY0 + timedelta(days=3))},
        headers=emp,
    )
    assert interview.json()["status"] == "interview_planned"
    start, end = DAY0 + timedelta(days=7), DAY0 + timedelta(days=21)
    accepted = client.post(
        f"/api/v1/proposals/{proposal_id}/answer",
        json={"answer": "accepted", "planned_start": str(start), "planned_end": str(end)},
        headers=emp,
    )
    assert accepted.status_code == 200, accepted.text
    placement_id = accepted.json()["placement_id"]
    assert "proposal_answered" in _kinds(client, world, "caseworker")
    history = client.get(f"/api/v1/proposals/{proposal_id}/history", headers=cw).json()
    assert [h["to_status"] for h in history] == ["open", "interview_planned", "accepted"]

    # The work trial starts with its tutor; checkpoints for both sides are created.
    _set_clock(client, start)
    started = client.post(f"/api/v1/placements/{placement_id}/start", json={}, headers=li)
    assert started.status_code == 200, started.text
    checkpoints = started.json()["checkpoints"]
    assert sorted({c["offset_days"] for c in checkpoints}) == [7, 30, 91, 182, 365]
    assert {c["owner_id"] for c in checkpoints} == {users["liaison"].id, users["caseworker"].id}

    # Three days before the end and past the first checkpoint: alerts in both inboxes.
    _run(client, world, settings, embedder, "follow_up", end - timedelta(days=3))
    assert {"work_trial_ending", "checkpoint_overdue"} <= _kinds(client, world, "caseworker")
    assert {"work_trial_ending", "checkpoint_overdue"} <= _kinds(client, world, "liaison")

    # The tutor's report: observed skills enter the profile as recognised; then the hire.
    _set_clock(client, end)
    report = client.post(
        f"/api/v1/placements/{placement_id}/report",
        json={
            "attendance": "completed",
            "skills_observed": ["operating a dishwasher"],
            "job_followed": True,
        },
        headers=emp,
    )
    assert report.status_code == 200, report.text
    profile = client.get(f"/api/v1/clients/{ids['client_a']}", headers=cw).json()
    recognised = {s["text"]: s["stage"] for s in profile["skills"]}
    assert recognised["operating a dishwasher"] == "recognised"
    hired = client.post(
        f"/api/v1/placements/{placement_id}/hire",
        json={"contract_type": "permanent", "contract_hours": 30},
        headers=li,
    )
    assert hired.json()["status"] == "hired"
    assert hired.json()["actual_end"] == str(end)

    # A year on: each checkpoint recorded by its owner, still in work.
    for checkpoint in sorted(checkpoints, key=lambda c: c["due_on"]):
        due = date.fromisoformat(checkpoint["due_on"])
        _set_clock(client, due)
        owner = "liaison" if checkpoint["owner_id"] == users["liaison"].id else "caseworker"
        recorded = client.post(
            f"/api/v1/checkpoints/{checkpoint['id']}/outcome",
            json={"outcome": "in_work", "satisfaction_client": 5, "satisfaction_employer": 4},
            headers=world.headers(owner),
        )
        assert recorded.status_code == 200, recorded.text
    year = start + timedelta(days=365)
    _set_clock(client, year)
    overdue = client.get(
        f"/api/v1/checkpoints?overdue=true&mine=false&placement_id={placement_id}", headers=cw
    ).json()
    assert overdue["total"] == 0

    indicators = client.get(
        f"/api/v1/indicators?date_from={DAY0}&date_to={year}&offer_kind=work_trial", headers=li
    )
    assert indicators.status_code == 200, indicators.text
    tables = indicators.json()["tables"]
    assert tables["placements_started"] == [{"kind": "work_trial", "count": 1}]
    trials = {r["kind"]: r for r in tables["trials_to_contracts"]}
    assert trials["work_trial"]["hired"] == 1
    assert trials["work_trial"]["share_hired"] == 1.0
    retention = {r["offset_days"]: r["share_in_work"] for r in tables["retention"]}
    assert retention == {7: 1.0, 30: 1.0, 91: 1.0, 182: 1.0, 365: 1.0}
    assert {"answer": "accepted", "decline_reason": "", "count": 1} in tables["proposals"]
    breakdown = tables["placements_started_by_gender_age"]
    assert all(row["count"] is None and row["suppressed"] for row in breakdown)
    csv = client.get(
        f"/api/v1/indicators/retention.csv?date_from={DAY0}&date_to={year}", headers=li
    )
    assert csv.text.splitlines()[0] == "offset_days,followed_up,in_work,share_in_work"


def test_a_full_tutor_blocks_the_start_with_the_load(client: TestClient, world: World) -> None:
    b, ids = world.build, world.ids
    tutor = b.tutor(ids["company_a"], max_mentees=1)
    offer = b.offer(ids["company_a"], kind="work_trial", tutor_id=tutor.id, places=3)
    b.placement(ids["client_a"], offer, status=PlacementStatus.started)
    second = b.client(world.users["caseworker"].id)
    waiting = b.placement(second.id, offer, tutor_id=None)
    answer = client.post(
        f"/api/v1/placements/{waiting.id}/start",
        json={"tutor_id": tutor.id},
        headers=world.headers("liaison"),
    )
    assert answer.status_code == 409
    assert "1 of 1" in answer.json()["detail"]
    without = client.post(
        f"/api/v1/placements/{waiting.id}/start", json={}, headers=world.headers("liaison")
    )
    assert without.status_code == 422
    assert without.json()["field"] == "tutor_id"


def test_answers_are_checked_and_nothing_changes_on_a_refusal(
    client: TestClient, world: World
) -> None:
    emp = world.headers("employer")
    proposal = world.ids["proposal_a"]
    declined = client.post(
        f"/api/v1/proposals/{proposal}/answer", json={"answer": "declined"}, headers=emp
    )
    assert declined.status_code == 422
    assert declined.json()["field"] == "reason"
    assert client.get(f"/api/v1/proposals/{proposal}", headers=emp).json()["status"] == "open"
    ok = client.post(
        f"/api/v1/proposals/{proposal}/answer",
        json={"answer": "declined", "reason": "language_level", "text": "Needs B1 German"},
        headers=emp,
    )
    assert ok.json()["decline_reason"] == "language_level"
    again = client.post(
        f"/api/v1/proposals/{proposal}/answer",
        json={"answer": "accepted", "planned_start": str(DAY0)},
        headers=emp,
    )
    assert again.status_code == 409


def test_a_client_without_consent_for_employers_cannot_be_proposed(
    client: TestClient, world: World
) -> None:
    b, ids = world.build, world.ids
    private = b.client(world.users["caseworker"].id, consent_employers=False)
    shortlist = Shortlist(
        direction=ShortlistDirection.clients_for_offer,
        offer_id=ids["offer_a"],
        requested_by_id=world.users["liaison"].id,
        model="test",
    )
    shortlist.items = [
        ShortlistItem(rank=1, offer_id=ids["offer_a"], client_id=private.id, score=0.5)
    ]
    shortlist = b.add(shortlist)
    answer = client.post(
        f"/api/v1/shortlists/{shortlist.id}/decisions",
        json={"candidate_id": private.id, "decision": "proposed"},
        headers=world.headers("liaison"),
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "candidate_id"
    read = client.get(f"/api/v1/shortlists/{shortlist.id}", headers=world.headers("liaison"))
    assert read.json()["decisions"] == []


# --- scheduled jobs: once per period -----------------------------------------------------


def _alerts(db: sessionmaker[Session]) -> int:
    with db() as session:
        return session.scalar(select(func.count()).select_from(Alert)) or 0


def _started_trial(world: World) -> None:
    b = world.build
    started = b.placement(
        world.ids["client_a"], b.work_trial(world.ids["company_a"]), status=PlacementStatus.started
    )
    b.add(
        Checkpoint(
            placement_id=started.id,
            offset_days=7,
            side=CheckpointSide.client,
            owner_id=world.users["caseworker"].id,
            due_on=DAY0 + timedelta(days=4),
        )
    )


def _overdue_world(world: World) -> None:
    """An open proposal three weeks old, company A's liaison officer named, and a work trial
    under way whose first checkpoint is due in four days."""
    _started_trial(world)
    with unit_of_work(world.build.db) as session:
        session.execute(update(Company).values(liaison_officer_id=world.users["liaison"].id))
        session.execute(update(Proposal).values(created_at=datetime.now(UTC) - timedelta(days=21)))


def test_a_job_run_twice_for_a_period_has_its_effect_once(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    _overdue_world(world)
    context = _context(settings, embedder)
    job = JOBS_BY_NAME["follow_up"]
    before = _alerts(db)
    first = run_job(db, job, DAY0 + timedelta(days=30), context)
    raised = _alerts(db)
    assert first.ran
    assert raised > before
    second = run_job(db, job, DAY0 + timedelta(days=30), context)
    assert not second.ran
    assert "already run" in second.summary
    assert _alerts(db) == raised
    next_day = run_job(db, job, DAY0 + timedelta(days=31), context)
    assert next_day.ran
    assert _alerts(db) == raised  # the same facts raise no new alert the next day


def test_a_restart_mid_period_catches_up_without_doubling(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    _overdue_world(world)
    context = _context(settings, embedder)
    today = DAY0 + timedelta(days=30)
    initial = _alerts(db)
    run_job(db, JOBS_BY_NAME["proposals_unanswered"], today, context)
    before = _alerts(db)
    assert before > initial

    outcomes = {o.job: o for o in run_due_jobs(db, today, context)}  # the scheduler restarts
    assert not outcomes["proposals_unanswered"].ran
    assert all(o.ran for name, o in outcomes.items() if name != "proposals_unanswered")
    after_restart = _alerts(db)
    assert after_restart > before  # follow-up alerts, raised once by the catch-up

    again = run_due_jobs(db, today, context)  # and a second restart changes nothing
    assert not any(o.ran for o in again)
    assert _alerts(db) == after_restart
    with db() as session:
        runs = session.scalar(select(func.count()).select_from(JobRun)) or 0
    assert runs == len(outcomes)


def test_a_job_that_fails_midway_leaves_no_trace_and_runs_again(
    world: World, db: sessionmaker[Session], settings: Settings, embedder: Embedder
) -> None:
    _overdue_world(world)
    context = _context(settings, embedder)
    real = JOBS_BY_NAME["follow_up"]

    def crash_after(run: Callable[..., str]) -> Callable[..., str]:
        def wrapped(session: Session, today: date, ctx: JobContext) -> str:
            run(session, today, ctx)
            raise RuntimeError("power cut")

        return wrapped

    crashing = Job(real.name, real.description, real.cron, crash_after(real.run))
    before = _alerts(db)
    with pytest.raises(RuntimeError, match="power cut"):
        run_job(db, crashing, DAY0 + timedelta(days=30), context)
    assert _alerts(db) == before
    assert run_job(db, real, DAY0 + timedelta(days=30), context).ran
    assert _alerts(db) > before


def test_indicators_follow_the_office_of_the_clients_caseworker(
    client: TestClient, world: World
) -> None:
    _started_trial(world)
    counts = {}
    for office in ("office_a", "office_b"):
        answer = client.get(
            f"/api/v1/indicators?office_id={world.ids[office]}", headers=world.headers("admin")
        )
        assert answer.status_code == 200, answer.text
        counts[office] = answer.json()["tables"]["placements_started"]
    assert counts == {"office_a": [{"kind": "work_trial", "count": 1}], "office_b": []}
    bad = client.get("/api/v1/indicators?sector=ZZ", headers=world.headers("admin"))
    assert bad.status_code == 422
    assert bad.json()["field"] == "sector"


def test_placements_by_month_count_each_month_of_the_period(
    client: TestClient, world: World
) -> None:
    _started_trial(world)
    start = DAY0 - timedelta(days=3)  # the trial started three days ago
    first = start.replace(day=1)
    answer = client.get(
        f"/api/v1/indicators?date_from={first - timedelta(days=40)}&date_to={start}",
        headers=world.headers("liaison"),
    )
    assert answer.status_code == 200, answer.text
    months = answer.json()["tables"]["placements_by_month"]
    assert len(months) in (2, 3)  # the period touches two or three months
    assert months[-1] == {"month": start.strftime("%Y-%m"), "placements_started": 1}
    assert all(m["placements_started"] == 0 for m in months[:-1])
    before_it = {
        "date_from": str(first - timedelta(days=40)),
        "date_to": str(first - timedelta(days=1)),
    }
    earlier = client.get(
        "/api/v1/indicators", params=before_it, headers=world.headers("liaison")
    ).json()["tables"]["placements_by_month"]
    assert sum(m["placements_started"] for m in earlier) == 0
