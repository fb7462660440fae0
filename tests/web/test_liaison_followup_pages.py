"""The liaison officer's follow-up, placement, import and export pages, read as a person reads
them: what each section shows or why it is empty, and what each action stores."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.inbox import Alert, AlertKind
from models.offer import Offer, OfferKind
from models.placement import Checkpoint, CheckpointSide, PlacementStatus
from tests.web.pages import post_form, sign_in, soup
from tests.world import World
from web.routes import liaison_import

LIAISON = "liaison@tandem.example"


def _page(response: Any) -> Any:
    """The page as BeautifulSoup reads it (its finds are checked by the assertions)."""
    return soup(response)


def _employer_checkpoint(world: World, due_in_days: int = 2) -> tuple[int, int]:
    """A started placement of client A with its employer-side 7-day checkpoint, due soon."""
    b = world.build
    offer = b.offer(world.ids["company_a"], tutor_id=world.ids["tutor_a"], places=3)
    placement = b.placement(world.ids["client_a"], offer, status=PlacementStatus.started)
    checkpoint = b.add(
        Checkpoint(
            placement_id=placement.id,
            offset_days=7,
            side=CheckpointSide.employer,
            owner_id=world.users["liaison"].id,
            due_on=date.today() + timedelta(days=due_in_days),
        )
    )
    return placement.id, checkpoint.id


def _checkpoint(client: TestClient, world: World, placement_id: int, side: str) -> dict[str, Any]:
    rows = client.get(
        "/api/v1/checkpoints",
        params={"mine": "false", "placement_id": placement_id},
        headers=world.headers("liaison"),
    ).json()["items"]
    found: dict[str, Any] = next(c for c in rows if c["side"] == side)
    return found


def test_a_due_checkpoint_shows_and_its_outcome_is_stored(client: TestClient, world: World) -> None:
    placement_id, checkpoint_id = _employer_checkpoint(world)
    sign_in(client, LIAISON)
    page = _page(client.get("/liaison/follow-up"))
    card = page.find(id=f"checkpoint-{checkpoint_id}")
    assert card is not None
    assert "Amina Haddad" in card.get_text()
    assert "Overdue" not in card.get_text()
    form = card.find("form")
    assert form["action"] == f"/liaison/placements/{placement_id}/checkpoints/{checkpoint_id}"
    response = post_form(
        client,
        str(form["action"]),
        {"outcome": "in_work", "satisfaction_employer": "4", "back": "follow-up"},
        "/liaison/follow-up",
    )
    assert response.status_code == 200
    assert str(response.url).endswith("/liaison/follow-up#checkpoints")
    stored = _checkpoint(client, world, placement_id, "employer")
    assert stored["outcome"] == "in_work"
    assert stored["satisfaction_employer"] == 4
    assert stored["recorded_on"] == date.today().isoformat()
    # Recorded: no longer waiting on the follow-up, shown as recorded on the placement.
    assert _page(client.get("/liaison/follow-up")).find(id=f"checkpoint-{checkpoint_id}") is None
    placement = _page(client.get(f"/liaison/placements/{placement_id}"))
    assert "Recorded on" in placement.find(id=f"checkpoint-{checkpoint_id}").get_text()


def test_an_overdue_checkpoint_is_marked_and_ended_without_a_reason_is_refused(
    client: TestClient, world: World
) -> None:
    placement_id, checkpoint_id = _employer_checkpoint(world, due_in_days=-3)
    sign_in(client, LIAISON)
    card = _page(client.get("/liaison/follow-up")).find(id=f"checkpoint-{checkpoint_id}")
    assert "Overdue" in card.get_text()
    response = post_form(
        client,
        f"/liaison/placements/{placement_id}/checkpoints/{checkpoint_id}",
        {"outcome": "ended", "notes": "Left after a week"},
        "/liaison/follow-up",
    )
    assert response.status_code == 422
    page = _page(response)
    error = page.find(id=f"ended-{checkpoint_id}-error")
    assert error is not None
    assert "why the work ended" in error.get_text()
    assert page.find(class_="error-summary") is not None
    assert _checkpoint(client, world, placement_id, "employer")["outcome"] is None


def test_starting_a_planned_placement_creates_its_checkpoints(
    client: TestClient, world: World
) -> None:
    offer = world.build.offer(world.ids["company_a"], tutor_id=world.ids["tutor_a"], places=2)
    placement_id = world.build.placement(world.ids["client_a"], offer).id
    sign_in(client, LIAISON)
    page = _page(client.get(f"/liaison/placements/{placement_id}"))
    assert page.find(id="placement-state").get_text() == "Planned"
    assert page.find(id="start").find("form") is not None
    started_on = date.today() - timedelta(days=1)
    response = post_form(
        client,
        f"/liaison/placements/{placement_id}/start",
        {"actual_start": started_on.isoformat(), "tutor_id": str(world.ids["tutor_a"])},
        f"/liaison/placements/{placement_id}",
    )
    assert response.status_code == 200
    stored = client.get(
        f"/api/v1/placements/{placement_id}", headers=world.headers("liaison")
    ).json()
    assert stored["status"] == "started"
    assert stored["actual_start"] == started_on.isoformat()
    seven = [c for c in stored["checkpoints"] if c["offset_days"] == 7]
    assert {c["side"] for c in seven} == {"employer", "client"}
    page = _page(response)
    assert page.find(id="placement-state").get_text() == "Started"
    assert page.find(id="start") is None
    employer_side = next(c for c in seven if c["side"] == "employer")
    assert page.find(id=f"checkpoint-{employer_side['id']}").find("form") is not None
    later = next(
        c for c in stored["checkpoints"] if c["offset_days"] == 30 and c["side"] == "employer"
    )
    not_yet = page.find(id=f"checkpoint-{later['id']}")
    assert not_yet.find("form") is None
    assert "To record when it comes due" in not_yet.get_text()
    client_side = next(c for c in seven if c["side"] == "client")
    assert page.find(id=f"checkpoint-{client_side['id']}").find("form") is None
    assert "Started" in page.find(id="history").get_text()


def test_a_work_trial_without_a_tutor_is_refused_beside_the_tutor(
    client: TestClient, world: World
) -> None:
    b = world.build
    trial = b.offer(world.ids["company_a"], kind=OfferKind.work_trial, places=2)
    placement = b.placement(world.ids["client_a"], trial, tutor_id=None)
    sign_in(client, LIAISON)
    path = f"/liaison/placements/{placement.id}"
    page = _page(client.get(path))
    assert "created when the placement starts" in page.find(id="checkpoints").get_text()
    response = post_form(client, path + "/start", {"tutor_id": ""}, path)
    assert response.status_code == 422
    error = _page(response).find(id="tutor_id-error")
    assert error is not None
    assert "tutor" in error.get_text()
    stored = client.get(f"/api/v1/placements/{placement.id}", headers=world.headers("liaison"))
    assert stored.json()["status"] == "planned"


def test_each_empty_section_says_why(client: TestClient, world: World) -> None:
    sign_in(client, LIAISON)
    page = _page(client.get("/liaison/follow-up"))
    sections = {s["id"]: s.find(class_="empty") for s in page.select("main section")}
    assert set(sections) == {"checkpoints", "planned", "ending", "waiting", "inbox"}
    # The world's two planned placements wait to start; every other list is empty.
    planned = page.find(id="planned")
    assert sections["planned"] is None
    links = {a["href"] for a in planned.find_all("a")}
    assert f"/liaison/placements/{world.ids['placement_a']}" in links
    assert "No employer's checkpoint is overdue or due" in sections["checkpoints"].get_text()
    assert "No started placement ends in the next 14 days" in sections["ending"].get_text()
    assert "Every proposal made more than 14 days ago" in sections["waiting"].get_text()
    assert "No unread alert" in sections["inbox"].get_text()
    mine = _page(client.get("/liaison/follow-up?mine=true")).find(id="checkpoints")
    assert "No checkpoint of your companies" in mine.get_text()


def test_unanswered_proposals_ending_placements_and_the_inbox(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    b = world.build
    trial = b.offer(world.ids["company_b"], kind=OfferKind.work_trial, places=2)
    ending = b.placement(
        world.ids["client_b"],
        trial,
        status=PlacementStatus.started,
        tutor_id=world.ids["tutor_b"],
        planned_end=date.today() + timedelta(days=20),
    )
    alert = b.add(
        Alert(
            user_id=world.users["liaison"].id,
            kind=AlertKind.work_trial_ending,
            key=f"work_trial_ending:{ending.id}",
            entity="placement",
            entity_id=ending.id,
            message=f"Work trial {ending.id} ends soon",
        )
    )
    # Fifteen days on: the proposal has waited past the 14 days, the trial ends within 14.
    client.app.state.clock = lambda: date.today() + timedelta(days=15)  # type: ignore[attr-defined]
    sign_in(client, LIAISON)
    page = _page(client.get("/liaison/follow-up"))
    waiting = page.find(id="waiting").get_text()
    assert "Amina Haddad" in waiting
    assert "15 days" in waiting
    assert "Ahmad Karimi" in page.find(id="ending").get_text()
    assert page.find(id="ending").find("a")["href"] == f"/liaison/placements/{ending.id}"
    card = page.find(id=f"alert-{alert.id}")
    assert card.find("a")["href"] == f"/liaison/placements/{ending.id}"
    # More days asked than it has waited: not listed.
    longer = _page(client.get("/liaison/follow-up?days=30")).find(id="waiting")
    assert "Amina Haddad" not in longer.get_text()
    response = post_form(
        client, f"/liaison/follow-up/inbox/{alert.id}/read", {}, "/liaison/follow-up"
    )
    assert response.status_code == 200
    assert _page(response).find(id=f"alert-{alert.id}") is None
    with db() as session:
        read = session.get(Alert, alert.id)
        assert read is not None
        assert read.read_at is not None
    everything = _page(client.get("/liaison/follow-up?all_alerts=true"))
    assert everything.find(id=f"alert-{alert.id}") is not None


BAD_ROW = "Nirgendwo GmbH;Lagerhelfer;viele;1100;;P-3"
CSV = "\r\n".join(
    [
        "Firma;Titel;Wochenstunden;PLZ;Anforderungen;Referenz",
        "Gasthaus Zur Linde;Abwäscher (m/w/d);20;1100;Hygiene, Teamarbeit;P-1",
        BAD_ROW,
        "Kantine Favoriten GmbH;Küchenhilfe (m/w/d);38,5;1100;Hygiene;P-2",
    ]
).encode("utf-8")


def _offers(db: sessionmaker[Session]) -> int:
    with db() as session:
        return int(session.scalar(select(func.count(Offer.id))) or 0)


def _upload(client: TestClient, name: str, data: bytes) -> Any:
    token = _page(client.get("/liaison/import")).find("input", attrs={"name": "csrf_token"})
    return client.post(
        "/liaison/import",
        data={"csrf_token": token["value"]},
        files={"file": (name, data, "text/csv")},
        follow_redirects=False,
    )


def _run(client: TestClient, job_url: str) -> Any:
    """Ask for chunks as the page's htmx does, until the report shows."""
    for _ in range(20):
        page = _page(client.get(job_url))
        form = page.find("form", attrs={"hx-post": True})
        if form is None:
            return page
        post_form(client, str(form["hx-post"]), {}, job_url)
    raise AssertionError("the import never finished")


def test_a_csv_with_one_bad_row_imports_the_others_and_names_the_field(
    client: TestClient, world: World, db: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(liaison_import, "CHUNK", 2)
    before = _offers(db)
    sign_in(client, LIAISON)
    response = _upload(client, "angebote.csv", CSV)
    assert response.status_code == 303
    job_url = response.headers["location"]
    first = _page(client.get(job_url))
    bar = first.find("progress")
    assert (bar["value"], bar["max"]) == ("0", "3")
    # One chunk (two rows) as htmx asks for it: the answer is the progress, not yet the report.
    chunk = client.post(
        str(first.find("form", attrs={"hx-post": True})["hx-post"]),
        headers={"HX-Request": "true", "X-CSRF-Token": str(first.find("input")["value"])},
    )
    assert chunk.status_code == 200
    assert "<html" not in chunk.text
    bar = _page(chunk).find("progress")
    assert (bar["value"], bar["max"]) == ("2", "3")
    page = _run(client, job_url)
    rows = {r["id"]: r for r in page.select("#report tbody tr")}
    assert set(rows) == {"row-2", "row-3", "row-4"}
    bad = [td.get_text() for td in rows["row-3"].find_all("td")]
    assert bad[0] == "3"
    assert bad[1] == "Refused"
    assert bad[4] == "Wochenstunden"
    assert "Created" in rows["row-2"].get_text()
    assert "Created" in rows["row-4"].get_text()
    assert "1 row refused" in page.get_text()
    assert "2 offers created" in page.get_text()
    assert _offers(db) == before + 2
    report = client.get(job_url + "/report.csv")
    assert report.headers["content-type"].startswith("text/csv")
    assert [line.split(",")[1] for line in report.text.strip().splitlines()[1:]] == [
        "created",
        "refused",
        "created",
    ]


def test_a_file_of_the_wrong_type_is_refused_clearly(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    before = _offers(db)
    sign_in(client, LIAISON)
    response = _upload(client, "offers.pdf", b"%PDF-1.4 not a list of offers")
    assert response.status_code == 422
    page = _page(response)
    error = page.find(id="file-error")
    assert error is not None
    assert "offers.pdf" in error.get_text()
    assert ".csv" in error.get_text()
    assert page.find(class_="error-summary") is not None
    unreadable = _page(_upload(client, "list.csv", b"Firma;Farbe\r\nX;blau\r\n"))
    assert "Farbe" in unreadable.find(id="file-error").get_text()
    assert _offers(db) == before


def test_someone_elses_import_is_not_found(client: TestClient, world: World) -> None:
    sign_in(client, LIAISON)
    job_url = _upload(client, "angebote.csv", CSV).headers["location"]
    client.cookies.clear()
    other = world.build.user("liaison.2@tandem.example", world.users["liaison"].role)
    sign_in(client, other.email)
    assert client.get(job_url).status_code == 404


def test_the_export_downloads_the_published_offers(client: TestClient, world: World) -> None:
    sign_in(client, LIAISON)
    page = _page(client.get("/liaison/import"))
    links = [a["href"] for a in page.find(id="export").find_all("a")]
    assert links == ["/liaison/export/offers.csv", "/liaison/export/offers.jsonld"]
    as_csv = client.get(links[0])
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    lines = as_csv.text.strip().splitlines()
    assert lines[0].startswith("identifier,company,")
    companies = sorted(line.split(",")[1] for line in lines[1:])
    assert companies == ["Gasthaus Zur Linde", "Logistik Ost GmbH"]  # the draft is not
    as_jsonld = client.get(links[1])
    graph = json.loads(as_jsonld.text)["@graph"]
    assert sorted(d["identifier"]["value"] for d in graph) == sorted(
        str(world.ids[k]) for k in ("offer_a", "offer_b")
    )
