"""Bounded input: ids, offsets and dates in range, lists and strings of a stated size, LIKE
wildcards taken literally, control characters refused alike on both databases."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.company import Company
from models.offer import Offer, PhysicalDemand
from tests.world import World

HUGE = str(10**20)
OFFER = {
    "kind": "vacancy",
    "title": "Warehouse operative",
    "hours_per_week": 38.5,
    "contract_type": "permanent",
    "postcode": "1100",
}


def _count(db: sessionmaker[Session], model: type[Offer] | type[Company]) -> int:
    with db() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/offers", {"offset": HUGE}, "offset"),
        ("/api/v1/offers", {"company_id": HUGE}, "company_id"),
        ("/api/v1/clients", {"caseworker_id": HUGE}, "caseworker_id"),
        ("/api/v1/placements", {"client_id": HUGE}, "client_id"),
        ("/api/v1/indicators", {"date_to": "9999-12-31"}, "date_to"),
        ("/api/v1/clients", {"not_contacted_since": "0001-01-01"}, "not_contacted_since"),
        ("/api/v1/companies", {"q": "x" * 201}, "q"),
    ],
)
def test_out_of_range_filters_are_422_naming_the_field(
    client: TestClient, world: World, path: str, params: dict[str, str], field: str
) -> None:
    response = client.get(path, params=params, headers=world.headers("admin"))
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


def test_an_oversized_list_is_422_and_nothing_is_stored(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    before = _count(db, Offer)
    demands = [d.value for d in PhysicalDemand] * 1000
    response = client.post(
        "/api/v1/offers",
        json={**OFFER, "physical_demands": demands},
        headers=world.headers("employer"),
    )
    assert response.status_code == 422
    assert response.json()["field"] == "physical_demands"
    assert _count(db, Offer) == before
    schema = client.get("/openapi.json").json()["components"]["schemas"]["OfferCreate"]
    assert schema["properties"]["physical_demands"]["maxItems"] == len(PhysicalDemand)


@pytest.mark.parametrize("text", ["Linde\x00", "Linde\x1b[31m", "Lin\x7fde"])
def test_control_characters_are_422_on_every_database(
    client: TestClient, world: World, db: sessionmaker[Session], text: str
) -> None:
    before = _count(db, Offer)
    response = client.post(
        "/api/v1/offers", json={**OFFER, "title": text}, headers=world.headers("employer")
    )
    assert response.status_code == 422
    assert response.json()["field"] == "title"
    assert _count(db, Offer) == before
    search = client.get("/api/v1/companies", params={"q": text}, headers=world.headers("admin"))
    assert search.status_code == 422
    assert search.json()["field"] == "q"


def test_tabs_and_new_lines_stay_allowed(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/offers",
        json={**OFFER, "description": "Lifting.\n\tEarly shifts.\r\n"},
        headers=world.headers("employer"),
    )
    assert response.status_code == 201


def test_percent_and_underscore_in_a_search_match_themselves(
    client: TestClient, world: World
) -> None:
    admin = world.headers("admin")

    def names(q: str) -> list[str]:
        answer = client.get("/api/v1/companies", params={"q": q}, headers=admin)
        assert answer.status_code == 200
        return [c["name"] for c in answer.json()["items"]]

    assert names("%") == []
    assert names("_") == []
    assert names("Zur_Linde") == []
    assert names("Zur Linde") == ["Gasthaus Zur Linde"]
    created = client.post(
        "/api/v1/companies",
        json={
            "name": "100% Sauber_GmbH",
            "nace_code": "81",
            "size_class": "micro",
            "postcode": "1100",
        },
        headers=world.headers("liaison"),
    )
    assert created.status_code == 201, created.text
    assert names("%") == ["100% Sauber_GmbH"]
    assert names("r_G") == ["100% Sauber_GmbH"]


def test_every_request_list_and_string_states_its_maximum(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    missing: list[str] = []

    def walk(schema: dict[str, object], where: str) -> None:
        kind = schema.get("type")
        if kind == "array":
            if "maxItems" not in schema:
                missing.append(where)
            walk(schema.get("items", {}), where + "[]")  # type: ignore[arg-type]
        elif kind == "string" and not {"maxLength", "enum", "format", "const"} & set(schema):
            missing.append(where)
        elif kind == "object":
            for name, sub in schema.get("properties", {}).items():  # type: ignore[attr-defined]
                walk(sub, f"{where}.{name}")
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in schema.get(key, []):  # type: ignore[attr-defined]
                if "pattern" not in sub:  # a decimal's string form is bounded by its pattern
                    walk(sub, where)

    for name, schema in spec["components"]["schemas"].items():
        if name.endswith(("Create", "Update", "In", "Request", "Transfer")):
            walk(schema, name)
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                walk(parameter["schema"], f"{method} {path} {parameter['name']}")
    assert missing == []
