"""The admin's offices, caseload transfer and audit trail pages: what each shows, the
effect of each action, refusals beside the field with nothing stored."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from models.audit import AuditEvent
from tests.web.pages import post_form, sign_in, soup
from tests.world import World


def _admin(client: TestClient) -> None:
    assert sign_in(client, "admin@tandem.example").status_code == 200


def _caseload(client: TestClient, world: World, who: str) -> int:
    found = client.get("/api/v1/clients", headers=world.headers(who))
    total: int = found.json()["total"]
    return total


def test_an_admin_creates_an_office_and_a_duplicate_is_refused_beside_the_name(
    client: TestClient, world: World
) -> None:
    _admin(client)
    page = soup(client.get("/admin/offices"))
    assert [td.get_text() for td in page.select("tbody tr td:first-child")] == [
        "Favoriten",
        "Floridsdorf",
    ]
    created = post_form(client, "/admin/offices", {"name": "Ottakring"})
    assert created.status_code == 200
    assert "The office was created." in created.text
    assert "Ottakring" in [td.get_text() for td in soup(created).select("tbody td:first-child")]
    again = post_form(client, "/admin/offices", {"name": "Favoriten"})
    assert again.status_code == 422
    error = soup(again).select_one("#name-error")
    assert error is not None
    assert "already exists" in error.get_text()
    offices = client.get("/api/v1/offices", headers=world.headers("admin")).json()
    assert sorted(o["name"] for o in offices) == ["Favoriten", "Floridsdorf", "Ottakring"]
    empty = post_form(client, "/admin/offices", {"name": "  "})
    assert empty.status_code == 422
    assert soup(empty).select_one(".error-summary a[href='#name']") is not None


def test_a_caseload_transfer_moves_the_clients_and_says_how_many(
    client: TestClient, world: World
) -> None:
    _admin(client)
    source, target = world.users["caseworker"], world.users["colleague"]
    page = soup(client.get("/admin/caseload"))
    option = page.select_one(f"#from_id option[value='{source.id}']")
    assert option is not None
    assert "2 clients" in option.get_text()
    moved = post_form(
        client,
        "/admin/caseload",
        {"from_id": source.id, "to_id": target.id, "scope": "all"},
        "/admin/caseload",
    )
    assert moved.status_code == 200
    notice = soup(moved).select_one(".notice")
    assert notice is not None
    assert (
        notice.get_text() == f"2 clients moved from {source.display_name} to {target.display_name}."
    )
    assert _caseload(client, world, "caseworker") == 0
    assert _caseload(client, world, "colleague") == 2


def test_only_the_clients_named_move(client: TestClient, world: World) -> None:
    _admin(client)
    source, target = world.users["caseworker"], world.users["colleague"]
    moved = post_form(
        client,
        "/admin/caseload",
        {
            "from_id": source.id,
            "to_id": target.id,
            "scope": "chosen",
            "client_ids": str(world.ids["client_a"]),
        },
        "/admin/caseload",
    )
    assert "1 client moved" in moved.text
    mine = client.get("/api/v1/clients", headers=world.headers("colleague")).json()["items"]
    assert [c["id"] for c in mine] == [world.ids["client_a"]]
    # A client the caseworker does not hold: refused beside the numbers, nothing moved.
    refused = post_form(
        client,
        "/admin/caseload",
        {
            "from_id": source.id,
            "to_id": target.id,
            "scope": "chosen",
            "client_ids": f"{world.ids['client_private']}, {world.ids['client_b']}",
        },
        "/admin/caseload",
    )
    assert refused.status_code == 422
    assert soup(refused).select_one("#client_ids-error") is not None
    assert _caseload(client, world, "caseworker") == 1


def test_a_transfer_to_the_same_caseworker_or_from_a_non_caseworker_is_refused(
    client: TestClient, world: World
) -> None:
    _admin(client)
    source = world.users["caseworker"]
    same = post_form(
        client, "/admin/caseload", {"from_id": source.id, "to_id": source.id}, "/admin/caseload"
    )
    assert same.status_code == 422
    page = soup(same)
    error = page.select_one("#to_id-error")
    assert error is not None
    assert "already with this one" in error.get_text()
    assert page.select_one(".error-summary a[href='#to_id']") is not None
    kept = page.select_one("#from_id option[selected]")
    assert kept is not None
    assert kept["value"] == str(source.id)
    not_one = post_form(
        client,
        "/admin/caseload",
        {"from_id": world.users["liaison"].id, "to_id": source.id},
        "/admin/caseload",
    )
    assert not_one.status_code == 422
    assert soup(not_one).select_one("#from_id-error") is not None
    to_liaison = post_form(
        client,
        "/admin/caseload",
        {"from_id": source.id, "to_id": world.users["liaison"].id},
        "/admin/caseload",
    )
    assert to_liaison.status_code == 422
    assert soup(to_liaison).select_one("#to_id-error") is not None
    assert _caseload(client, world, "caseworker") == 2
    events = client.get(
        "/api/v1/audit", params={"action": "transfer"}, headers=world.headers("admin")
    ).json()
    assert events["total"] == 0


def _old_event(world: World, day: datetime, action: str = "read") -> AuditEvent:
    return world.build.add(
        AuditEvent(
            at=day,
            actor_id=world.users["caseworker"].id,
            action=action,
            entity="client",
            entity_id=str(world.ids["client_a"]),
            fields=["given_name"],
        )
    )


def _rows(page: object) -> list[list[str]]:
    return [
        [td.get_text(strip=True) for td in tr.select("td")]
        for tr in page.select("tbody tr")  # type: ignore[attr-defined]
    ]


def test_the_audit_trail_filters_by_client_and_period_and_exports_the_same_rows(
    client: TestClient, world: World
) -> None:
    march = _old_event(world, datetime(2025, 3, 10, 9, 30, tzinfo=UTC))
    _old_event(world, datetime(2025, 4, 2, 9, 30, tzinfo=UTC))
    world.build.add(
        AuditEvent(
            at=datetime(2025, 3, 12, tzinfo=UTC),
            actor_id=world.users["caseworker_b"].id,
            action="read",
            entity="client",
            entity_id=str(world.ids["client_b"]),
            fields=["given_name"],
        )
    )
    _admin(client)
    query = {
        "client": str(world.ids["client_a"]),
        "date_from": "2025-03-01",
        "date_to": "2025-03-31",
    }
    page = soup(client.get("/admin/audit", params=query))
    rows = _rows(page)
    assert len(rows) == 1
    assert rows[0][0].startswith("2025-03-10")
    assert rows[0][2:4] == ["read", f"client {world.ids['client_a']}"]
    link = page.select_one("a[href^='/admin/audit.csv']")
    assert link is not None
    exported = list(csv.DictReader(io.StringIO(client.get(str(link["href"])).text)))
    assert [int(r["id"]) for r in exported] == [march.id]
    assert exported[0]["entity_id"] == str(world.ids["client_a"])
    # All of that client's events, without the period: the two old reads, not the other client.
    every = soup(client.get("/admin/audit", params={"client": world.ids["client_a"]}))
    assert {r[3] for r in _rows(every)} == {f"client {world.ids['client_a']}"}
    assert len(_rows(every)) == 2
    by_who = soup(client.get("/admin/audit", params={"who": world.users["caseworker_b"].id}))
    assert [r[3] for r in _rows(by_who)] == [f"client {world.ids['client_b']}"]


def test_the_audit_trail_is_paged_and_a_bad_period_is_refused(
    client: TestClient, world: World
) -> None:
    for day in range(1, 29):
        for hour in (8, 12):
            _old_event(world, datetime(2025, 2, day, hour, tzinfo=UTC), action="read_personal")
    _admin(client)
    first = soup(client.get("/admin/audit", params={"action": "read_personal"}))
    assert "56 events" in first.get_text()
    assert len(_rows(first)) == 50
    following = first.select_one("a[rel='next']")
    assert following is not None
    second = soup(client.get(str(following["href"])))
    assert len(_rows(second)) == 6
    exported = client.get("/admin/audit.csv", params={"action": "read_personal"}).text
    assert len(list(csv.DictReader(io.StringIO(exported)))) == 56
    bad = client.get("/admin/audit", params={"date_from": "2025-03-02", "date_to": "2025-03-01"})
    assert bad.status_code == 422
    assert soup(bad).select_one("#date_to-error") is not None
