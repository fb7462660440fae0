"""Every list on a page is paged and filterable, and a list page sends the same number of
queries whatever the number of rows it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from models.client import ClientContact, ContactChannel
from models.placement import PlacementStatus
from tests.web.pages import sign_in, soup
from tests.world import World
from web.routes import caseworker as caseworker_pages


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _more_work(world: World, count: int) -> None:
    """``count`` more clients of the caseworker, each proposed for an offer and placed."""
    b = world.build
    cw = world.users["caseworker"].id
    company = b.company("Busy Kitchen")
    for i in range(count):
        person = b.client(cw, given_name=f"Person{i}", family_name="Many")
        offer = b.offer(company.id, title=f"Cook {i}")
        b.proposal(person.id, offer.id, cw)
        b.placement(person.id, offer, PlacementStatus.started if i % 2 else PlacementStatus.planned)


def _queries(client: TestClient, engine: Engine, path: str) -> int:
    client.get(path)  # warm
    with counting(engine) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


@pytest.mark.parametrize("path", ["/clients", "/proposals"])
def test_a_list_page_sends_as_many_queries_for_few_rows_as_for_many(
    client: TestClient, world: World, engine: Engine, path: str
) -> None:
    sign_in(client, "cw@tandem.example")
    few = _queries(client, engine, path)
    _more_work(world, 12)
    assert _queries(client, engine, path) == few


def test_proposals_and_placements_are_paged_and_filtered_by_state(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caseworker_pages, "PAGE_SIZE", 4)
    _more_work(world, 6)
    sign_in(client, "cw@tandem.example")
    page = soup(client.get("/proposals"))
    pagers = {str(nav["aria-label"]): nav for nav in page.select("nav.pager")}
    assert set(pagers) == {"Pages of proposals", "Pages of placements"}
    following = pagers["Pages of placements"].find("a", rel="next")
    assert following is not None
    second = soup(client.get(str(following["href"])))
    first_names = [a.get_text() for a in page.select("#placements tbody a")]
    second_names = [a.get_text() for a in second.select("#placements tbody a")]
    assert len(first_names) == 4
    assert second_names
    assert not set(first_names) & set(second_names)
    # The proposals' list stays on its first page while the placements' turns.
    assert [a.get_text() for a in second.select("#proposals tbody a")] == [
        a.get_text() for a in page.select("#proposals tbody a")
    ]
    started = soup(client.get("/proposals?placement_status=started"))
    states = {td.get_text() for td in started.select("#placements tbody td:nth-of-type(3)")}
    assert states == {"Started"}
    withdrawn = soup(client.get("/proposals?status=withdrawn"))
    assert "No proposal in this state" in withdrawn.get_text()


def test_the_contact_log_is_paged(client: TestClient, world: World) -> None:
    client_id = world.ids["client_a"]
    for day in range(caseworker_pages.CONTACTS_PAGE_SIZE + 3):
        world.build.add(
            ClientContact(
                client_id=client_id,
                contacted_on=date.today() - timedelta(days=day),
                channel=ContactChannel.phone,
                note=f"call {day}",
            )
        )
    sign_in(client, "cw@tandem.example")
    first = soup(client.get(f"/clients/{client_id}")).select_one("#contacts")
    assert first is not None
    notes = [li.get_text().split(": ")[-1] for li in first.select("li")]
    assert notes == [f"call {day}" for day in range(10)]
    following = first.find("a", rel="next")
    assert following is not None
    second = soup(client.get(str(following["href"]))).select_one("#contacts")
    assert second is not None
    assert [li.get_text().split(": ")[-1] for li in second.select("li")] == [
        "call 10",
        "call 11",
        "call 12",
    ]


def test_the_indicators_read_no_client_record_nor_tutor_training(
    client: TestClient, world: World, engine: Engine
) -> None:
    """Parked clients and tutors are counted from their columns: the page reads none of the
    clients' skills or languages (every client is counted) nor the tutors' trainings."""
    sign_in(client, "liaison@tandem.example")
    few = _queries(client, engine, "/indicators")
    _more_work(world, 6)
    for i in range(3):
        world.build.tutor(world.ids["company_a"], name=f"Tutor {i}")
    with counting(engine) as statements:
        assert client.get("/indicators").status_code == 200
    read = " ".join(statements)
    for table in ("client_skills", "client_languages", "tutor_trainings"):
        assert table not in read, table
    assert len(statements) == few
