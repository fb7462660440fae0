"""The employer's company pages, read as a person reads them: our company (profile, contact
people, our tutors, our placements) and one placement with the employer's actions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models.company import ContactPerson
from models.offer import OfferKind
from models.placement import Placement, PlacementStatus
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.web.test_list_pages import counting
from tests.world import World
from web.routes import employer as employer_pages
from web.routes import employer_company

EMPLOYER = "boss@linde.example"


def _api(client: TestClient, world: World, path: str) -> Any:
    response = client.get(f"/api/v1{path}", headers=world.headers("employer"))
    assert response.status_code == 200, response.text
    return response.json()


def _text(response: Any) -> str:
    return soup(response).get_text(" ", strip=True)


def _started(world: World, kind: OfferKind = OfferKind.vacancy, **kw: Any) -> Placement:
    """A started placement of a new client at our company, on a new offer of ``kind``."""
    b = world.build
    tutor = b.tutor(world.ids["company_a"], name="Karl Gruber")
    offer = b.offer(world.ids["company_a"], kind=kind, tutor_id=tutor.id, title=f"New {kind}")
    person = b.client(world.users["caseworker"].id, given_name="Selin", family_name="Aydın")
    return b.placement(person.id, offer, PlacementStatus.started, **kw)


# -- Our company -----------------------------------------------------------------------------


def test_the_company_page_shows_each_part_for_our_company_only(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    page = soup(client.get("/company"))
    profile = page.select_one("#profile")
    assert profile is not None
    assert "FN 100001a" in profile.get_text()
    name = page.find("input", id="company-name")
    assert name is not None
    assert name["value"] == "Gasthaus Zur Linde"
    contacts = page.select_one("#contacts")
    assert contacts is not None
    assert "Franz Berger" in contacts.get_text()
    assert "Ana Petrović" not in page.get_text()  # another company's contact
    tutors = page.select_one("#tutors tbody")
    assert tutors is not None
    row = tutors.find("tr")
    assert row is not None
    # Maria Huber: identified, accompanies the world's planned placement, room for two.
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[0] == "Maria Huber"
    assert cells[1] == "Identified"
    assert cells[3] == "1 of 2"
    placements = page.select("#placements tbody tr")
    assert len(placements) == 1
    link = placements[0].find("a")
    assert link is not None
    assert link["href"] == f"/company/placements/{world.ids['placement_a']}"
    assert link.get_text() == "Amina"  # the employer view: first name only
    assert "Planned" in placements[0].get_text()
    assert "Haddad" not in page.get_text()
    assert "Ahmad" not in page.get_text()  # another company's placement


def test_the_profile_is_saved_through_the_api_and_its_rules(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    company_id = world.ids["company_a"]
    version = _api(client, world, f"/companies/{company_id}")["version"]
    form: dict[str, object] = {
        "name": "Gasthaus Zur Linde OG",
        "headcount": "12",
        "address": "Favoritenstraße 1",
        "postcode": "1100",
        "version": str(version),
    }
    assert post_form(client, "/company/profile", form, "/company").status_code == 200
    stored = _api(client, world, f"/companies/{company_id}")
    assert (stored["name"], stored["headcount"], stored["address"]) == (
        "Gasthaus Zur Linde OG",
        12,
        "Favoritenstraße 1",
    )
    # A value the schema refuses, and the same (now stale) version: beside the field, unchanged.
    refused = post_form(client, "/company/profile", {**form, "headcount": "-3"}, "/company")
    assert refused.status_code == 422
    page = soup(refused)
    assert page.find(id="company-headcount-error") is not None
    assert page.select_one(".error-summary a[href='#company-headcount']") is not None
    typed = page.find("input", id="company-headcount")
    assert typed is not None
    assert typed["value"] == "-3"
    stale = post_form(client, "/company/profile", {**form, "name": "Other"}, "/company")
    assert stale.status_code == 409
    assert soup(stale).find(id="company-name-error") is not None
    assert _api(client, world, f"/companies/{company_id}")["name"] == "Gasthaus Zur Linde OG"


def test_adding_and_removing_a_contact_person(client: TestClient, world: World) -> None:
    sign_in(client, EMPLOYER)
    company_id = world.ids["company_a"]
    refused = post_form(
        client, "/company/contacts", {"name": "Eva Koller", "email": "not an address"}, "/company"
    )
    assert refused.status_code == 422
    assert soup(refused).find(id="contact-email-error") is not None
    assert len(_api(client, world, f"/companies/{company_id}/contacts")) == 1
    typed = soup(refused).find("input", id="contact-name")
    assert typed is not None
    assert typed["value"] == "Eva Koller"

    form = {"name": "Eva Koller", "job_title": "Head chef", "email": "ek@linde.example"}
    page = post_form(client, "/company/contacts", {**form, "is_primary": "true"}, "/company")
    assert page.status_code == 200
    contacts = soup(page).select_one("#contacts")
    assert contacts is not None
    assert "Eva Koller" in contacts.get_text()
    stored = _api(client, world, f"/companies/{company_id}/contacts")
    added = next(c for c in stored if c["name"] == "Eva Koller")
    assert (added["job_title"], added["is_primary"]) == ("Head chef", True)

    removed = post_form(client, f"/company/contacts/{added['id']}/remove", {}, "/company")
    assert removed.status_code == 200
    names = [c["name"] for c in _api(client, world, f"/companies/{company_id}/contacts")]
    assert names == ["Franz Berger"]


def test_another_companys_contact_cannot_be_removed(client: TestClient, world: World) -> None:
    other = world.build.add(ContactPerson(company_id=world.ids["company_b"], name="Ivo Novak"))
    sign_in(client, EMPLOYER)
    response = post_form(client, f"/company/contacts/{other.id}/remove", {}, "/company")
    assert response.status_code == 404
    contacts = client.get(
        f"/api/v1/companies/{world.ids['company_b']}/contacts", headers=world.headers("liaison")
    ).json()
    assert "Ivo Novak" in [c["name"] for c in contacts]


def test_naming_a_tutor(client: TestClient, world: World) -> None:
    sign_in(client, EMPLOYER)
    refused = post_form(
        client, "/company/tutors", {"name": "Petra Wolf", "max_mentees": "99"}, "/company"
    )
    assert refused.status_code == 422
    assert soup(refused).find(id="tutor-max_mentees-error") is not None
    form: dict[str, object] = {"name": "Petra Wolf", "job_title": "Sous-chef", "max_mentees": "3"}
    page = post_form(client, "/company/tutors", form, "/company")
    assert page.status_code == 200
    row = next(tr for tr in soup(page).select("#tutors tbody tr") if "Petra Wolf" in tr.get_text())
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells == ["Petra Wolf, Sous-chef", "Identified", "None yet", "0 of 3"]
    stored = _api(client, world, "/tutors")["items"]
    petra = next(t for t in stored if t["name"] == "Petra Wolf")
    assert petra["company_id"] == world.ids["company_a"]
    assert petra["identified_on"] == date.today().isoformat()


def test_the_placements_list_is_filtered_by_state(client: TestClient, world: World) -> None:
    _started(world)
    sign_in(client, EMPLOYER)
    started = soup(client.get("/company?status=started"))
    rows = started.select("#placements tbody tr")
    assert [r.find("a").get_text() for r in rows] == ["Selin"]  # type: ignore[union-attr]
    hired = client.get("/company?status=hired")
    assert "No placement in this state" in _text(hired)


# -- A placement -----------------------------------------------------------------------------


def test_a_placement_is_started_and_the_employer_sees_the_checkpoint_dates_only(
    client: TestClient, world: World
) -> None:
    b = world.build
    offer = b.offer(world.ids["company_a"], tutor_id=world.ids["tutor_a"], places=2)
    person = b.client(world.users["caseworker"].id, given_name="Selin")
    placement_id = b.placement(person.id, offer).id
    path = f"/company/placements/{placement_id}"
    sign_in(client, EMPLOYER)
    before = soup(client.get(path))
    assert before.find(string="No follow-up dates yet: they are set when the placement starts.")
    day = date.today()
    page = post_form(client, f"{path}/start", {"actual_start": day.isoformat()}, path)
    assert page.status_code == 200
    stored = _api(client, world, f"/placements/{placement_id}")
    assert (stored["status"], stored["actual_start"]) == ("started", day.isoformat())
    text = _text(page)
    assert "Started" in text
    dates = [li.get_text() for li in soup(page).select("#checkpoints li")]
    assert dates == [
        f"Day {n}: {(day + timedelta(days=n)).isoformat()}" for n in (7, 30, 91, 182, 365)
    ]
    # Checkpoints stay the liaison officer's and caseworker's to record.
    assert soup(page).find("form", action=lambda a: bool(a) and "checkpoint" in a) is None
    assert soup(page).find("select", attrs={"name": "outcome"}) is None
    history = soup(page).select_one("#history")
    assert history is not None
    assert "Started" in history.get_text()


def test_a_placement_ended_early_needs_a_reason_from_the_list(
    client: TestClient, world: World
) -> None:
    placement = _started(world)
    path = f"/company/placements/{placement.id}"
    sign_in(client, EMPLOYER)
    refused = post_form(client, f"{path}/end-early", {"text": "Left after a week."}, path)
    assert refused.status_code == 422
    page = soup(refused)
    assert page.find(id="end-reason-error") is not None
    text_area = page.find("textarea", id="end-text")
    assert text_area is not None
    assert text_area.get_text() == "Left after a week."
    assert _api(client, world, f"/placements/{placement.id}")["status"] == "started"
    ended = post_form(
        client,
        f"{path}/end-early",
        {"reason": "workload_or_hours", "text": "The early shift did not suit."},
        path,
    )
    assert ended.status_code == 200
    stored = _api(client, world, f"/placements/{placement.id}")
    assert (stored["status"], stored["end_reason"]) == ("ended_early", "workload_or_hours")
    details = soup(ended).select_one("#details")
    assert details is not None
    assert "Workload or hours: The early shift did not suit." in details.get_text(" ", strip=True)
    # Nothing more to do on it: no form to start, hire or end it again.
    assert not soup(ended).select("main form")


def test_a_hire_from_a_placement(client: TestClient, world: World) -> None:
    placement = _started(world)
    path = f"/company/placements/{placement.id}"
    sign_in(client, EMPLOYER)
    refused = post_form(
        client, f"{path}/hire", {"contract_type": "permanent", "contract_hours": "75"}, path
    )
    assert refused.status_code == 422
    assert soup(refused).find(id="hire-contract_hours-error") is not None
    hired = post_form(
        client, f"{path}/hire", {"contract_type": "permanent", "contract_hours": "30"}, path
    )
    assert hired.status_code == 200
    stored = _api(client, world, f"/placements/{placement.id}")
    assert (stored["status"], stored["contract_type"], stored["contract_hours"]) == (
        "hired",
        "permanent",
        30,
    )
    assert "Permanent contract, 30 hours per week" in _text(hired)


def test_the_tutors_report_is_stored_and_shown(client: TestClient, world: World) -> None:
    placement = _started(world, OfferKind.work_trial)
    path = f"/company/placements/{placement.id}"
    sign_in(client, EMPLOYER)
    refused = post_form(client, f"{path}/report", {"skills_observed": "Cuts vegetables"}, path)
    assert refused.status_code == 422
    assert soup(refused).find(id="report-attendance-error") is not None
    assert _api(client, world, f"/placements/{placement.id}")["report"] is None
    report: dict[str, object] = {
        "attendance": "completed",
        "skills_observed": "Cuts vegetables quickly\n\nKeeps the station clean",
        "job_followed": "true",
        "notes": "Punctual every day.",
    }
    page = post_form(client, f"{path}/report", report, path)
    assert page.status_code == 200
    stored = _api(client, world, f"/placements/{placement.id}")["report"]
    assert stored["attendance"] == "completed"
    assert stored["skills_observed"] == ["Cuts vegetables quickly", "Keeps the station clean"]
    assert stored["job_followed"] is True
    shown = soup(page).select_one("#report")
    assert shown is not None
    text = shown.get_text(" ", strip=True)
    for words in ("Completed", "Cuts vegetables quickly", "Keeps the station clean", "Punctual"):
        assert words in text
    assert shown.find("form") is None
    # A second report: the API refuses it, so does the page, beside the placement's state.
    again = post_form(client, f"{path}/report", report, path)
    assert again.status_code == 409
    assert soup(again).find(id="status-error") is not None


def test_a_vacancy_has_no_tutors_report(client: TestClient, world: World) -> None:
    placement = _started(world)
    path = f"/company/placements/{placement.id}"
    sign_in(client, EMPLOYER)
    assert soup(client.get(path)).find("form", action=f"{path}/report") is None
    refused = post_form(client, f"{path}/report", {"attendance": "completed"}, path)
    assert refused.status_code == 422
    assert _api(client, world, f"/placements/{placement.id}")["report"] is None


def test_a_work_trial_starts_only_with_a_tutor_who_has_room(
    client: TestClient, world: World
) -> None:
    b = world.build
    offer = b.offer(world.ids["company_a"], kind=OfferKind.work_trial, places=3)
    person = b.client(world.users["caseworker"].id, given_name="Nuri")
    placement = b.placement(person.id, offer, tutor_id=None)
    path = f"/company/placements/{placement.id}"
    sign_in(client, EMPLOYER)
    refused = post_form(client, f"{path}/start", {}, path)
    assert refused.status_code == 422
    assert soup(refused).find(id="start-tutor_id-error") is not None
    # A tutor already at capacity: the API's 409, beside the same field.
    full = b.tutor(world.ids["company_a"], name="Ida Full", max_mentees=1)
    other = b.client(world.users["caseworker"].id, given_name="Other")
    b.placement(other.id, offer, PlacementStatus.started, tutor_id=full.id)
    busy = post_form(client, f"{path}/start", {"tutor_id": str(full.id)}, path)
    assert busy.status_code == 409
    assert soup(busy).find(id="start-tutor_id-error") is not None
    assert _api(client, world, f"/placements/{placement.id}")["status"] == "planned"
    started = post_form(client, f"{path}/start", {"tutor_id": str(world.ids["tutor_a"])}, path)
    assert started.status_code == 200
    assert _api(client, world, f"/placements/{placement.id}")["status"] == "started"


def test_another_companys_placement_is_404_for_an_employer(
    client: TestClient, world: World
) -> None:
    placement_id = world.ids["placement_b"]
    sign_in(client, EMPLOYER)
    assert client.get(f"/company/placements/{placement_id}").status_code == 404
    token = csrf_token(client, "/")
    for action in ("start", "end-early", "hire", "report"):
        response = client.post(
            f"/company/placements/{placement_id}/{action}", data={"csrf_token": token}
        )
        assert response.status_code == 404, action
    stored = client.get(f"/api/v1/placements/{placement_id}", headers=world.headers("liaison"))
    assert stored.json()["status"] == "planned"


# -- Queries per list ------------------------------------------------------------------------


def _queries(client: TestClient, engine: Engine, path: str) -> int:
    client.get(path)  # warm
    with counting(engine) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def _proposed_and_placed(world: World, count: int) -> None:
    """``count`` more clients proposed to our company and placed there."""
    b = world.build
    cw = world.users["caseworker"].id
    for i in range(count):
        person = b.client(cw, given_name=f"Person{i}", family_name="Many")
        offer = b.offer(world.ids["company_a"], title=f"Cook {i}")
        b.proposal(person.id, offer.id, cw)
        b.placement(person.id, offer)


@pytest.mark.parametrize("path", ["/company/candidates", "/company"])
def test_our_lists_send_as_many_queries_for_10_rows_as_for_50(
    client: TestClient,
    world: World,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
) -> None:
    monkeypatch.setattr(employer_pages, "PAGE_SIZE", 60)
    monkeypatch.setattr(employer_company, "PAGE_SIZE", 60)
    sign_in(client, EMPLOYER)
    _proposed_and_placed(world, 9)  # with the world's own: 10 rows
    ten = _queries(client, engine, path)
    _proposed_and_placed(world, 40)
    fifty = _queries(client, engine, path)
    page = soup(client.get(path))
    assert len(page.select("main tbody tr")) >= 50
    assert fifty == ten
