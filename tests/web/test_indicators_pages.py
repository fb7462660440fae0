"""The indicators page: the API's indicators as charts, each served as its own SVG, with its
figures in a table and as a CSV with the filters applied; small counts hidden everywhere."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from models.audit import StatusChange
from models.client import ClientMonitoring
from models.offer import OfferKind, OfferStatus
from models.placement import Checkpoint, CheckpointOutcome, CheckpointSide, PlacementStatus
from tests.web.pages import sign_in, soup
from tests.world import World

TODAY = date.today()


def _hires(world: World, gender: str, birth_year: int, n: int, kind: OfferKind) -> None:
    """``n`` clients of this gender and birth year hired after a placement this month."""
    b = world.build
    offer = b.offer(world.ids["company_a"], kind=kind, places=20)
    for i in range(n):
        client = b.client(world.users["caseworker"].id, given_name=f"{gender}{i}")
        b.add(ClientMonitoring(client_id=client.id, gender=gender, birth_year=birth_year))
        b.placement(
            client.id,
            offer,
            status=PlacementStatus.hired,
            actual_start=TODAY - timedelta(days=20),
            actual_end=TODAY - timedelta(days=1),
        )


def _table(page: Any, key: str) -> list[list[str]]:
    section = page.select_one(f"#chart-{key}")
    assert section is not None, key
    return [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in section.select("tbody tr")
    ]


def _attr(page: Any, selector: str, name: str) -> str:
    """An attribute of the first element the selector finds (failing if there is none)."""
    found = page.select_one(selector)
    assert found is not None, selector
    return str(found[name])


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_each_chart_is_served_as_svg_with_its_figures_in_a_table(
    client: TestClient, world: World
) -> None:
    _hires(world, "female", TODAY.year - 30, 5, OfferKind.vacancy)
    sign_in(client, "liaison@tandem.example")
    response = client.get("/indicators")
    assert response.status_code == 200
    page = soup(response)
    images = page.select("section.chart img")
    assert {str(i["src"]).split(".svg")[0] for i in images} >= {
        "/indicators/placements",
        "/indicators/offers",
        "/indicators/hires",
    }
    for image in images:
        assert "figures are in the table" in image["alt"]
        svg = client.get(str(image["src"]))
        assert svg.status_code == 200
        assert svg.headers["content-type"].startswith("image/svg+xml")
        assert "<script" not in svg.text
        assert "style=" not in svg.text
        assert "<style" not in svg.text
    # The figures are the service's (the API's answer for the same period).
    api = client.get(
        "/api/v1/indicators",
        params={"date_from": str(TODAY - timedelta(days=364)), "date_to": str(TODAY)},
        headers=world.headers("liaison"),
    ).json()["tables"]
    months = [[m["month"], str(m["placements_started"])] for m in api["placements_by_month"]]
    assert _table(page, "placements") == months
    assert months[-1][1] == "5"
    offers = _table(page, "offers")
    assert len(offers) == len(api["offers_by_state"])
    assert ["Vacancy", "Published", "3"] in offers  # offer_a, offer_b and the hires' offer
    # Each bar of the chart is one row of the table, named as in the table.
    drawn = client.get(_attr(page, "#chart-offers img", "src")).text
    assert drawn.count("<rect") - 1 == len(offers)  # one rect is the background
    assert "Vacancy · Published" in drawn


def test_small_counts_are_hidden_on_the_page_in_the_chart_and_in_the_csv(
    client: TestClient, world: World
) -> None:
    _hires(world, "female", TODAY.year - 30, 5, OfferKind.vacancy)
    _hires(world, "male", TODAY.year - 60, 2, OfferKind.vacancy)
    sign_in(client, "liaison@tandem.example")
    page = soup(client.get("/indicators"))
    assert _table(page, "hires") == [
        ["Female", "25 to 44", "5"],
        ["Male", "55 and over", "fewer than 5"],
    ]
    chart = client.get(_attr(page, "#chart-hires img", "src")).text
    assert "Female · 25 to 44" in chart
    assert "Male" not in chart
    link = page.select_one("#chart-hires a[download]")
    assert link is not None
    rows = _csv(client.get(str(link["href"])).text)
    assert rows == [
        {"gender": "female", "age_band": "25-44", "count": "5", "suppressed": "False"},
        {"gender": "male", "age_band": "55 and over", "count": "", "suppressed": "True"},
    ]


def test_filters_change_the_figures_and_the_csv_has_the_filtered_rows(
    client: TestClient, world: World
) -> None:
    _hires(world, "female", TODAY.year - 30, 5, OfferKind.work_trial)
    sign_in(client, "admin@tandem.example")
    everything = soup(client.get("/indicators"))
    trials = soup(client.get("/indicators", params={"kind": "work_trial"}))
    assert {r[0] for r in _table(everything, "offers")} == {"Vacancy", "Work trial"}
    assert {r[0] for r in _table(trials, "offers")} == {"Work trial"}
    assert _attr(trials, "#kind option[selected]", "value") == "work_trial"
    link = trials.select_one("#chart-offers a[download]")
    assert link is not None
    assert "kind=work_trial" in str(link["href"])
    rows = _csv(client.get(str(link["href"])).text)
    assert rows
    assert {r["kind"] for r in rows} == {"work_trial"}
    # The other office's caseworkers placed no one: the office filter empties the hires.
    other = soup(client.get("/indicators", params={"office": world.ids["office_b"]}))
    hires = other.select_one("#chart-hires")
    assert hires is not None
    assert "No one was hired in this period." in hires.get_text()
    assert _table(
        soup(client.get("/indicators", params={"office": world.ids["office_a"]})), "hires"
    )


def test_an_empty_indicator_says_why_and_draws_nothing(client: TestClient, world: World) -> None:
    sign_in(client, "cw@tandem.example")
    period = {"date_from": "2020-01-01", "date_to": "2020-03-31"}
    page = soup(client.get("/indicators", params=period))
    placements = page.select_one("#chart-placements")
    assert placements is not None
    assert "No placement started in this period." in placements.get_text()
    assert placements.select("img") == []
    assert client.get("/indicators/placements.svg", params=period).status_code == 404


def test_a_period_that_ends_before_it_starts_is_refused_beside_the_field(
    client: TestClient, world: World
) -> None:
    sign_in(client, "liaison@tandem.example")
    response = client.get(
        "/indicators", params={"date_from": "2026-05-01", "date_to": "2026-04-01", "sector": "I"}
    )
    assert response.status_code == 422
    page = soup(response)
    error = page.select_one("#date_to-error")
    assert error is not None
    assert "ends before it starts" in error.get_text()
    assert page.select_one(".error-summary a[href='#date_to']") is not None
    assert _attr(page, "#date_from", "value") == "2026-05-01"
    assert _attr(page, "#sector option[selected]", "value") == "I"
    assert page.select("section.chart") == []
    bad = client.get("/indicators/offers.csv", params={"date_from": "yesterday"})
    assert bad.status_code == 422


def test_retention_is_the_share_still_in_work_at_each_checkpoint(
    client: TestClient, world: World
) -> None:
    b = world.build
    offer = b.offer(world.ids["company_a"], places=5)
    for outcome in (CheckpointOutcome.in_work, CheckpointOutcome.in_work, CheckpointOutcome.ended):
        client_id = b.client(world.users["caseworker"].id).id
        placement = b.placement(client_id, offer, status=PlacementStatus.started)
        b.add(
            Checkpoint(
                placement_id=placement.id,
                offset_days=30,
                side=CheckpointSide.client,
                owner_id=world.users["caseworker"].id,
                due_on=TODAY - timedelta(days=1),
                outcome=outcome,
            )
        )
    sign_in(client, "liaison@tandem.example")
    page = soup(client.get("/indicators"))
    assert _table(page, "retention") == [["Day 30", "3", "2", "66.7"]]
    drawn = client.get(_attr(page, "#chart-retention img", "src")).text
    assert "Day 30" in drawn
    assert ">100<" in drawn  # a share's scale ends at 100 %


def test_days_from_submission_to_publication_are_counted_from_the_first_of_each(
    client: TestClient, world: World
) -> None:
    """Two offers published 1.5 and 3.5 days after they were first submitted: the median
    is 2.5 days, whatever the database that counts them."""
    b = world.build
    for days in (1.5, 3.5):
        offer = b.offer(world.ids["company_a"], status=OfferStatus.published)
        submitted = datetime.now(UTC) - timedelta(days=10)
        for later, (old, new) in enumerate([("draft", "submitted"), ("held", "submitted")]):
            b.add(
                StatusChange(
                    entity="offer",
                    entity_id=offer.id,
                    from_status=old,
                    to_status=new,
                    at=submitted + timedelta(days=later),
                )
            )
        b.add(
            StatusChange(
                entity="offer",
                entity_id=offer.id,
                from_status="submitted",
                to_status="published",
                at=submitted + timedelta(days=days),
            )
        )
    sign_in(client, "liaison@tandem.example")
    rows = _csv(client.get("/indicators/publication.csv").text)
    assert [(r["offers_published"], r["median_days"]) for r in rows] == [("2", "2.5")]
