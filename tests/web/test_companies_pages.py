"""The liaison officer's companies and tutors, read as the officer reads them: the list with
its filters, a company's whole history on one page, logging a contact with its next step,
the profile, and the tutors' board with stage moves and training sessions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models.audit import StatusChange
from models.company import EngagementEvent
from models.offer import OfferScreening
from models.placement import PlacementStatus
from tests.web.pages import post_form, sign_in, soup
from tests.web.test_list_pages import counting
from tests.world import World
from web.routes import liaison_companies

LIAISON = "liaison@tandem.example"


def _api(client: TestClient, world: World, path: str) -> Any:
    response = client.get(f"/api/v1{path}", headers=world.headers("liaison"))
    assert response.status_code == 200, response.text
    return response.json()


def _patch_company(client: TestClient, world: World, company: str, **body: Any) -> None:
    response = client.patch(
        f"/api/v1/companies/{world.ids[company]}", json=body, headers=world.headers("liaison")
    )
    assert response.status_code == 200, response.text


def _event(world: World, company_id: int, days_ago: int) -> None:
    world.build.add(
        EngagementEvent(
            company_id=company_id,
            kind="call",
            channel="direct",
            occurred_on=date.today() - timedelta(days=days_ago),
            summary="Rang the owner",
        )
    )


def _value(page: Any, **attrs: Any) -> str:
    """The value an input of the page carries."""
    field = page.find("input", **attrs)
    assert field is not None, attrs
    return str(field["value"])


def _names(page: Any) -> list[str]:
    return [a.get_text() for a in page.select("#companies tbody td:first-child a")]


def _row(page: Any, name: str) -> list[str]:
    for tr in page.select("#companies tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        if cells[0] == name:
            return cells
    raise AssertionError(f"{name} not listed")


def test_the_list_shows_each_company_with_its_facts(client: TestClient, world: World) -> None:
    _patch_company(client, world, "company_a", liaison_officer_id=world.users["liaison"].id)
    sign_in(client, LIAISON)
    page = soup(client.get("/liaison/companies"))
    headers = [th.get_text() for th in page.select("#companies thead th")]
    assert headers == [
        "Company",
        "Sector (NACE)",
        "Size",
        "Engagement status",
        "Responsible officer",
        "Last contact",
        "Open offers",
    ]
    three_days = (date.today() - timedelta(days=3)).isoformat()
    # Gasthaus Zur Linde: one published offer (the draft is not open), visited 3 days ago.
    assert _row(page, "Gasthaus Zur Linde") == [
        "Gasthaus Zur Linde",
        "56",
        "Small (10 to 49)",
        "Prospect",
        "liaison",
        f"{three_days} (3 days ago)",
        "1",
    ]
    assert _row(page, "Logistik Ost GmbH")[4] == "Nobody"
    assert "2 companies" in page.get_text()


def test_filters_no_contact_mine_dormant_and_name(client: TestClient, world: World) -> None:
    b = world.build
    quiet = b.company("Bäckerei Stille")
    _event(world, quiet.id, 40)
    b.company("Never Called KG")
    _patch_company(client, world, "company_a", liaison_officer_id=world.users["liaison"].id)
    _patch_company(client, world, "company_b", engagement_status="dormant")
    sign_in(client, LIAISON)

    assert sorted(_names(soup(client.get("/liaison/companies?days=30")))) == [
        "Bäckerei Stille",
        "Never Called KG",
    ]
    page = soup(client.get("/liaison/companies?days=30"))
    assert "Never" in _row(page, "Never Called KG")[5]
    assert _names(soup(client.get("/liaison/companies?mine=1"))) == ["Gasthaus Zur Linde"]
    assert _names(soup(client.get("/liaison/companies?status=dormant"))) == ["Logistik Ost GmbH"]
    assert _names(soup(client.get("/liaison/companies?q=linde"))) == ["Gasthaus Zur Linde"]
    # Filters combine: not contacted for 30 days and named "stille".
    assert _names(soup(client.get("/liaison/companies?days=30&q=stille"))) == ["Bäckerei Stille"]
    # Dormant companies count as "no contact" only when asked for.
    assert _names(soup(client.get("/liaison/companies?days=1&status=dormant"))) == [
        "Logistik Ost GmbH"
    ]
    empty = soup(client.get("/liaison/companies?mine=1&status=dormant"))
    assert "No company matches these filters" in empty.get_text()


@pytest.mark.parametrize("days", ["soon", "0", "3651", "²"])
def test_a_bad_number_of_days_is_refused_beside_the_field(
    client: TestClient, world: World, days: str
) -> None:
    sign_in(client, LIAISON)
    response = client.get("/liaison/companies", params={"days": days})
    assert response.status_code == 422
    page = soup(response)
    error = page.find(id="days-error")
    assert error is not None
    assert "number of days" in error.get_text()
    assert page.select_one(".error-summary a[href='#days']") is not None
    assert _value(page, id="days") == days
    assert "Correct the filter to see companies." in page.get_text()


def test_the_list_is_paged(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(liaison_companies, "PAGE_SIZE", 3)
    for i in range(3):
        world.build.company(f"Zeta {i}")
    sign_in(client, LIAISON)
    first = soup(client.get("/liaison/companies?q=a"))
    following = first.find("a", rel="next")
    assert following is not None
    assert "q=a" in str(following["href"])
    second = soup(client.get(str(following["href"])))
    assert len(_names(first)) == 3
    assert _names(second)
    assert not set(_names(first)) & set(_names(second))


def _queries(client: TestClient, engine: Engine, path: str) -> int:
    client.get(path)  # warm
    with counting(engine) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


@pytest.mark.parametrize("path", ["/liaison/companies", "/liaison/companies?days=1"])
def test_the_list_sends_as_many_queries_for_10_rows_as_for_50(
    client: TestClient,
    world: World,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
) -> None:
    monkeypatch.setattr(liaison_companies, "PAGE_SIZE", 100)
    officer = world.users["liaison"].id

    def more(count: int, start: int) -> None:
        for i in range(start, start + count):
            company = world.build.company(f"Busy {i}", liaison_officer_id=officer)
            _event(world, company.id, 10 + i)
            world.build.offer(company.id, title=f"Cook {i}")

    more(8, 0)  # 10 companies with the world's two
    sign_in(client, LIAISON)
    few = _queries(client, engine, path)
    assert len(_names(soup(client.get(path)))) == 10
    more(40, 8)
    assert len(_names(soup(client.get(path)))) == 50
    assert _queries(client, engine, path) == few


def test_the_company_page_shows_its_whole_history(client: TestClient, world: World) -> None:
    offer_id = world.ids["offer_a"]
    world.build.add(
        OfferScreening(
            offer_id=offer_id,
            trigger="submit",
            findings=[
                {
                    "ground": "age",
                    "rule": "young",
                    "span": "young and dynamic",
                    "suggestion": "motivated",
                    "field": "requirements.0",
                }
            ],
        )
    )
    world.build.add(
        StatusChange(
            entity="offer",
            entity_id=offer_id,
            from_status="held",
            to_status="published",
            reason="Checked with the owner",
        )
    )
    sign_in(client, LIAISON)
    page = soup(client.get(f"/liaison/companies/{world.ids['company_a']}"))
    assert page.h1 is not None
    assert page.h1.get_text() == "Gasthaus Zur Linde"

    def section(name: str) -> str:
        found = page.find("section", id=name)
        assert found is not None, name
        return found.get_text(" ", strip=True)

    assert "Small (10 to 49)" in section("profile")
    assert "Franz Berger" in section("contacts")
    assert "fb@linde.example" in section("contacts")
    events = page.find("section", id="events")
    assert events is not None
    assert [h.get_text() for h in events.select("h3")] == ["Direct"]
    assert "Met the owner; open to a work trial." in section("events")
    offers = section("offers")
    assert "Kitchen assistant" in offers
    assert "Published" in offers
    assert "Draft" in offers
    assert "1 finding" in offers
    assert "age" in offers
    assert "young and dynamic" in offers
    assert "Checked with the owner" in offers
    tutors = section("tutors")
    assert "Maria Huber" in tutors
    assert "Identified" in tutors
    assert "accompanies 1 of 2" in tutors  # the planned placement books her
    placements = section("placements")
    assert "Kitchen assistant" in placements
    assert "Planned" in placements
    # Another company's history is not on this page.
    assert "Ana Petrović" not in page.get_text()


def test_logging_a_visit_stores_it_with_its_next_step_and_shows_it(
    client: TestClient, world: World
) -> None:
    company_id = world.ids["company_a"]
    sign_in(client, LIAISON)
    path = f"/liaison/companies/{company_id}"
    form = soup(client.get(path)).find("form", action=f"{path}/events")
    assert form is not None
    assert _value(form, id="occurred_on") == date.today().isoformat()
    next_on = (date.today() + timedelta(days=14)).isoformat()
    response = post_form(
        client,
        f"{path}/events",
        {
            "kind": "visit",
            "channel": "business_association",
            "occurred_on": date.today().isoformat(),
            "summary": "Toured the kitchen with the chamber's adviser",
            "next_step": "Send two work-trial candidates",
            "next_step_on": next_on,
        },
        path,
    )
    assert response.status_code == 200  # followed the 303 to the company's page
    events = _api(client, world, f"/companies/{company_id}/events")["items"]
    latest = events[0]
    assert latest["kind"] == "visit"
    assert latest["channel"] == "business_association"
    assert latest["next_step"] == "Send two work-trial candidates"
    assert latest["next_step_on"] == next_on
    assert latest["recorded_by_id"] == world.users["liaison"].id
    shown = soup(response).find("section", id="events")
    assert shown is not None
    assert [h.get_text() for h in shown.select("h3")] == [
        "Direct",
        "Through a business association",
    ]
    text = shown.get_text(" ", strip=True)
    assert "Toured the kitchen" in text
    assert "Send two work-trial candidates" in text
    assert next_on in text
    # It is now the company's last contact on the list.
    listed = soup(client.get("/liaison/companies?q=Linde"))
    assert date.today().isoformat() in _row(listed, "Gasthaus Zur Linde")[5]


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("occurred_on", {"occurred_on": "2026-13-45"}),
        ("next_step_on", {"next_step_on": (date.today() - timedelta(days=1)).isoformat()}),
        ("summary", {"summary": ""}),
    ],
)
def test_a_bad_contact_is_refused_beside_the_field_and_nothing_stored(
    client: TestClient, world: World, field: str, changes: dict[str, str]
) -> None:
    company_id = world.ids["company_a"]
    before = _api(client, world, f"/companies/{company_id}/events")["total"]
    sign_in(client, LIAISON)
    path = f"/liaison/companies/{company_id}"
    form: dict[str, object] = {
        "kind": "call",
        "channel": "direct",
        "occurred_on": date.today().isoformat(),
        "summary": "Talked about a traineeship",
        "next_step": "Call back",
        **changes,
    }
    response = post_form(client, f"{path}/events", form, path)
    assert response.status_code == 422
    page = soup(response)
    assert page.find(id=f"{field}-error") is not None
    assert page.select_one(f".error-summary a[href='#{field}']") is not None
    assert _value(page, id="next_step") == "Call back"  # what was typed is kept
    assert _api(client, world, f"/companies/{company_id}/events")["total"] == before


def test_the_profile_form_changes_status_and_responsible_officer(
    client: TestClient, world: World
) -> None:
    company_id = world.ids["company_b"]
    officer = world.users["liaison"].id
    sign_in(client, LIAISON)
    path = f"/liaison/companies/{company_id}"
    version = _value(soup(client.get(path)), attrs={"name": "version"})
    data: dict[str, object] = {
        "engagement_status": "active",
        "liaison_officer_id": str(officer),
        "version": version,
    }
    assert post_form(client, f"{path}/profile", data, path).status_code == 200
    stored = _api(client, world, f"/companies/{company_id}")
    assert stored["engagement_status"] == "active"
    assert stored["liaison_officer_id"] == officer
    assert _names(soup(client.get("/liaison/companies?mine=1"))) == ["Logistik Ost GmbH"]
    # Sent again with the version read before the change: refused, unchanged.
    stale = {**data, "engagement_status": "dormant"}
    response = post_form(client, f"{path}/profile", stale, path)
    assert response.status_code == 422
    assert soup(response).find(id="version-error") is not None
    assert _api(client, world, f"/companies/{company_id}")["engagement_status"] == "active"


def _column(page: Any, stage: str) -> list[str]:
    section = page.find("section", attrs={"aria-labelledby": f"stage-{stage}"})
    assert section is not None
    return [h.get_text() for h in section.select("h3")]


def test_the_tutor_board_shows_each_stage_with_load_and_training(
    client: TestClient, world: World
) -> None:
    world.build.tutor(world.ids["company_b"], name="Jana Novak", stage="trained", max_mentees=3)
    sign_in(client, LIAISON)
    page = soup(client.get("/liaison/tutors"))
    assert [h.get_text(" ", strip=True) for h in page.select(".board h2")] == [
        "Identified (2)",
        "Agreed (0)",
        "In training (0)",
        "Trained (1)",
    ]
    assert _column(page, "identified") == ["Maria Huber", "Maria Huber"]
    assert _column(page, "trained") == ["Jana Novak"]
    assert "No tutor at this stage." in page.get_text()
    card = page.find(id=f"tutor-{world.ids['tutor_a']}")
    assert card is not None
    text = card.get_text(" ", strip=True)
    assert "Gasthaus Zur Linde" in text
    assert "Load: 1 of 2 newcomers" in text
    # One company's tutors only.
    one = soup(client.get(f"/liaison/tutors?company_id={world.ids['company_b']}"))
    assert _column(one, "identified") == ["Maria Huber"]
    assert _column(one, "trained") == ["Jana Novak"]


def test_a_tutor_moves_forward_and_a_training_is_recorded(client: TestClient, world: World) -> None:
    tutor_id = world.ids["tutor_a"]
    sign_in(client, LIAISON)
    board = soup(client.get("/liaison/tutors"))
    card = board.find(id=f"tutor-{tutor_id}")
    assert card is not None
    version = _value(card, attrs={"name": "version"})
    moved = post_form(
        client, f"/liaison/tutors/{tutor_id}/stage", {"stage": "agreed", "version": version}
    )
    assert moved.status_code == 200
    assert _api(client, world, f"/tutors/{tutor_id}")["stage"] == "agreed"
    assert _api(client, world, f"/tutors/{tutor_id}")["agreed_on"] == date.today().isoformat()
    assert _column(soup(moved), "agreed") == ["Maria Huber"]

    trained = post_form(
        client,
        f"/liaison/tutors/{tutor_id}/trainings",
        {"title": "Accompanying newcomers", "attended_on": "2026-02-03", "hours": "4"},
    )
    assert trained.status_code == 200
    stored = _api(client, world, f"/tutors/{tutor_id}")
    assert stored["stage"] == "in_training"
    assert [(t["title"], t["attended_on"], t["hours"]) for t in stored["trainings"]] == [
        ("Accompanying newcomers", "2026-02-03", 4.0)
    ]
    card = soup(trained).find(id=f"tutor-{tutor_id}")
    assert card is not None
    assert "Accompanying newcomers" in card.get_text()
    assert _column(soup(trained), "in_training") == ["Maria Huber"]
    history = _api(client, world, f"/tutors/{tutor_id}/history")
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("identified", "agreed"),
        ("agreed", "in_training"),
    ]


def test_tutor_refusals_are_shown_beside_the_field_and_change_nothing(
    client: TestClient, world: World
) -> None:
    tutor_id = world.ids["tutor_a"]
    sign_in(client, LIAISON)
    assert post_form(client, f"/liaison/tutors/{tutor_id}/stage", {"stage": "trained"})
    back = post_form(client, f"/liaison/tutors/{tutor_id}/stage", {"stage": "agreed"})
    assert back.status_code == 422
    assert soup(back).find(id=f"t{tutor_id}-stage-error") is not None
    assert _api(client, world, f"/tutors/{tutor_id}")["stage"] == "trained"

    bad = post_form(
        client,
        f"/liaison/tutors/{tutor_id}/trainings",
        {"title": "First aid", "attended_on": "someday"},
    )
    assert bad.status_code == 422
    page = soup(bad)
    assert page.find(id=f"t{tutor_id}-attended_on-error") is not None
    assert page.select_one(f".error-summary a[href='#t{tutor_id}-attended_on']") is not None
    assert _value(page, id=f"t{tutor_id}-title") == "First aid"
    other = page.find("input", id=f"t{world.ids['tutor_b']}-title")
    assert other is not None
    assert other["value"] == ""
    assert _api(client, world, f"/tutors/{tutor_id}")["trainings"] == []


@pytest.mark.parametrize("who", ["boss@linde.example", "cw@tandem.example"])
def test_employers_and_caseworkers_get_404_even_for_their_own_company(
    client: TestClient, world: World, who: str
) -> None:
    sign_in(client, who)
    company_id = world.ids["company_a"]
    for path in (
        "/liaison/companies",
        f"/liaison/companies/{company_id}",
        "/liaison/tutors",
        f"/liaison/tutors?company_id={company_id}",
    ):
        assert client.get(path).status_code == 404, path
    page = soup(client.get("/"))
    assert page.find("a", href="/liaison/companies") is None
    before = _api(client, world, f"/companies/{company_id}/events")["total"]
    data: dict[str, object] = {"kind": "visit", "occurred_on": "2026-01-05", "summary": "Hi"}
    assert post_form(client, f"/liaison/companies/{company_id}/events", data).status_code == 404
    assert _api(client, world, f"/companies/{company_id}/events")["total"] == before


def test_the_liaison_officer_finds_companies_and_tutors_in_the_menu(
    client: TestClient, world: World
) -> None:
    sign_in(client, LIAISON)
    nav = soup(client.get("/")).find("nav")
    assert nav is not None
    links = {a.get_text(): a["href"] for a in nav.select("a")}
    assert links["Companies"] == "/liaison/companies"
    assert links["Tutors"] == "/liaison/tutors"


def test_the_company_page_sends_as_many_queries_for_many_placements_as_for_one(
    client: TestClient, world: World, engine: Engine
) -> None:
    """Each placement's report and checkpoints are read with all the placements, not one
    placement at a time."""
    company = world.build.company("Busy Kitchen")
    caseworker = world.users["caseworker"].id
    path = f"/liaison/companies/{company.id}"

    def place(count: int, start: int) -> None:
        for i in range(start, start + count):
            person = world.build.client(caseworker, given_name=f"Person{i}")
            offer = world.build.offer(company.id, title=f"Cook {i}")
            world.build.placement(person.id, offer, PlacementStatus.started)

    place(1, 0)
    sign_in(client, LIAISON)
    few = _queries(client, engine, path)
    place(6, 1)
    assert client.get(path).text.count("Cook ") >= 7
    assert _queries(client, engine, path) == few
