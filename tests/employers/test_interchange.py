"""Interchange with job boards and partner offices: the JobPosting corpus in
``tests/fixtures/jobpostings/`` (shapes cited in its README), idempotent re-import, unknown
employers as prospects, spreadsheets as offices save them, and exports boards accept."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from employers.companies import find_company, normalised_name
from employers.jobposting_read import hours_per_week, text_items
from employers.richtext import html_to_text
from employers.spreadsheets import decode
from models.company import Company, EngagementStatus
from models.offer import Offer, OfferStatus
from tests.world import World

CORPUS = Path(__file__).parents[1] / "fixtures" / "jobpostings"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)
NAMES = sorted(EXPECTED)


def _documents() -> list[dict[str, Any]]:
    return [json.loads((CORPUS / f"{name}.jsonld").read_text(encoding="utf-8")) for name in NAMES]


def _import(client: TestClient, world: World, payload: Any) -> dict[str, Any]:
    response = client.post("/api/v1/offers/import", json=payload, headers=world.headers("liaison"))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _counts(db: sessionmaker[Session]) -> tuple[int, int, list[tuple[int, int]]]:
    with db() as session:
        offers = session.scalar(select(func.count()).select_from(Offer)) or 0
        companies = session.scalar(select(func.count()).select_from(Company)) or 0
        versions = list(session.execute(select(Offer.id, Offer.version).order_by(Offer.id)))
    return offers, companies, [(i, v) for i, v in versions]


def test_corpus_has_twenty_shapes_each_with_its_source_cited() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert len(NAMES) >= 20
    for name in NAMES:
        assert (CORPUS / f"{name}.jsonld").exists(), name
        assert f"`{name}`" in readme, f"{name} is not described in the corpus README"


def test_corpus_imports_with_nothing_lost_or_refused_by_field(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    report = _import(client, world, _documents())
    rows = report["rows"]
    assert len(rows) == len(NAMES)
    liaison_id = world.users["liaison"].id
    with db() as session:
        for name, row in zip(NAMES, rows, strict=True):
            expected = EXPECTED[name]
            assert row["outcome"] == expected["outcome"], (name, row)
            if expected["outcome"] == "refused":
                assert row["field"] == expected["field"], (name, row)
                assert row["message"], name
                assert row["offer_ids"] == []
                continue
            assert row["company_outcome"] == expected["company"], (name, row)
            company = session.get(Company, row["company_id"])
            assert company is not None
            if expected["company"] == "created":
                assert company.engagement_status is EngagementStatus.prospect
                assert company.liaison_officer_id == liaison_id
            if "score" in expected:
                assert row["company_score"] == expected["score"]
            if "website" in expected:
                assert company.website == expected["website"]
            offers = [session.get(Offer, i) for i in row["offer_ids"]]
            assert all(o is not None for o in offers)
            assert [o.postcode for o in offers if o] == expected.get(
                "postcodes", [offers[0].postcode if offers[0] else None]
            ), name
            for offer in offers:
                assert offer is not None
                assert offer.company_id == company.id
                assert offer.status in (OfferStatus.submitted, OfferStatus.held), name
                if "requirements" in expected:
                    assert [r.text for r in offer.requirements] == expected["requirements"], name
                optional = {r.text for r in offer.requirements if not r.essential}
                assert optional == set(expected.get("optional", [])), name
                if "hours" in expected:
                    assert offer.hours_per_week == expected["hours"], name
                if "pay" in expected:
                    amount, period = expected["pay"]
                    assert offer.pay_amount == Decimal(amount), name
                    assert offer.pay_period is not None
                    assert offer.pay_period.value == period, name
                if "expiry" in expected:
                    assert offer.expiry_date == date.fromisoformat(expected["expiry"]), name
                if "min_isced" in expected:
                    assert offer.min_isced == expected["min_isced"], name
                if "country" in expected:
                    assert offer.country == expected["country"], name
                if "contract_type" in expected:
                    assert offer.contract_type.value == expected["contract_type"], name
                assert offer.remote is expected.get("remote", False), name
                if "description" in expected:
                    assert offer.description == expected["description"], name
                if "description_starts" in expected:
                    assert offer.description.startswith(expected["description_starts"]), name
                if "title" in expected:
                    assert offer.title == expected["title"], name
                assert "<" not in offer.description, name
            if "note" in expected:
                assert any(expected["note"] in n for n in row["notes"]), (name, row["notes"])


def test_reimporting_the_corpus_changes_nothing(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    first = _import(client, world, _documents())
    before = _counts(db)
    second = _import(client, world, _documents())
    assert _counts(db) == before, "a second import created, edited or recorded something"
    assert (second["created"], second["updated"], second["prospects"]) == ([], [], [])
    for one, two in zip(first["rows"], second["rows"], strict=True):
        if one["outcome"] == "refused":
            assert two["outcome"] == "refused"
            assert two["field"] == one["field"]
        else:
            assert two["outcome"] == "unchanged", two
            assert two["offer_ids"] == one["offer_ids"]
            assert two["company_outcome"] == "matched"
            assert two["company_id"] == one["company_id"]


def test_a_changed_ad_updates_its_offer_and_a_published_one_is_screened_again(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    ad = json.loads((CORPUS / "02-kantine-favoriten.jsonld").read_text(encoding="utf-8"))
    offer_id = _import(client, world, ad)["created"][0]
    published = client.post(
        f"/api/v1/offers/{offer_id}/publish", json={}, headers=world.headers("liaison")
    )
    assert published.status_code == 200, published.text

    longer = {**ad, "workHours": "Teilzeit 25 Std./Woche"}
    report = _import(client, world, longer)
    assert report["rows"][0]["outcome"] == "updated"
    assert report["updated"] == [offer_id]
    offer = client.get(f"/api/v1/offers/{offer_id}", headers=world.headers("liaison")).json()
    assert offer["hours_per_week"] == 25
    assert offer["status"] == "published"

    biased = {**longer, "title": "Küchenhilfe, hübsche Kellnerin gesucht"}
    report = _import(client, world, biased)
    assert report["updated"] == [offer_id]
    assert report["held"] == [offer_id]
    offer = client.get(f"/api/v1/offers/{offer_id}", headers=world.headers("liaison")).json()
    assert offer["status"] == "held"
    screenings = client.get(
        f"/api/v1/offers/{offer_id}/screenings", headers=world.headers("liaison")
    ).json()
    assert screenings[-1]["trigger"] == "edit"
    with db() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Offer).where(Offer.source_key.is_not(None))
            )
            == 1
        )


def _google_required(doc: dict[str, Any]) -> list[str]:
    """What Google's job-posting structured-data guidelines require of a JobPosting
    (developers.google.com/search/docs/appearance/structured-data/job-posting, "Required
    properties"): what is missing."""
    missing = [p for p in ("title", "description", "datePosted") if not doc.get(p)]
    organisation = doc.get("hiringOrganization") or {}
    if not organisation.get("name"):
        missing.append("hiringOrganization.name")
    location = doc.get("jobLocation")
    if location:
        address = location.get("address") or {}
        if not (address.get("postalCode") and address.get("addressCountry")):
            missing.append("jobLocation.address")
    elif not (
        doc.get("jobLocationType") == "TELECOMMUTE" and doc.get("applicantLocationRequirements")
    ):
        missing.append("jobLocation or applicantLocationRequirements with jobLocationType")
    try:
        date.fromisoformat(str(doc.get("datePosted")))
    except ValueError:
        missing.append("datePosted (ISO 8601)")
    if "validThrough" in doc:
        date.fromisoformat(doc["validThrough"][:10])
    return missing


def test_export_carries_what_google_requires_and_reimports_without_change(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    company_id = world.ids["company_a"]
    world.build.offer(
        company_id,
        remote=True,
        postcode=None,
        country=None,
        latitude=None,
        longitude=None,
        expiry_date=date.today() + timedelta(days=30),
        title="Telefonische Terminvereinbarung",
    )
    _import(client, world, _documents())  # imported offers (with source keys) too
    for offer_id in _counts(db)[2]:
        client.post(
            f"/api/v1/offers/{offer_id[0]}/publish",
            json={"reason": "checked for the test"},
            headers=world.headers("liaison"),
        )
    exported = client.get(
        "/api/v1/offers/jobpostings", params={"limit": 200}, headers=world.headers("liaison")
    ).json()
    documents = exported["@graph"]
    assert len(documents) >= 20
    assert any(d.get("jobLocationType") == "TELECOMMUTE" for d in documents)
    for doc in documents:
        assert _google_required(doc) == [], doc
    before = _counts(db)
    report = _import(client, world, exported)
    assert [r["outcome"] for r in report["rows"]] == ["unchanged"] * len(documents), [
        (r["row"], r["outcome"], r["field"], r["message"]) for r in report["rows"]
    ]
    assert _counts(db) == before


BAD_CSV_ROW = "Nirgendwo GmbH;Lagerhelfer;viele;1100;;31.12.2030;P-3"


def test_semicolon_csv_with_bom_and_german_headers(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    rows = [
        "Firma;Titel;Wochenstunden;PLZ;Anforderungen;gültig bis;Referenz",
        "Gasthaus Zur Linde;Abwäscher (m/w/d);20;1100;Hygiene, Teamarbeit;31.12.2030;P-1",
        "Kantine Favoriten GmbH;Küchenhilfe (m/w/d);38,5;1100;Hygiene;30.11.2030;P-2",
        BAD_CSV_ROW,
    ]
    data = "\ufeff".encode() + "\r\n".join(rows).encode("utf-8")
    response = client.post(
        "/api/v1/offers/import-file",
        files={"file": ("angebote.csv", data, "text/csv")},
        headers=world.headers("liaison"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert [r["outcome"] for r in report["rows"]] == ["created", "created", "refused"]
    assert [r["row"] for r in report["rows"]] == [2, 3, 4]
    assert report["rows"][2]["field"] == "Wochenstunden"
    assert report["rows"][0]["company_outcome"] == "matched"
    assert report["rows"][1]["company_outcome"] == "created"
    with db() as session:
        first = session.get(Offer, report["created"][0])
        assert first is not None
        assert [r.text for r in first.requirements] == ["Hygiene", "Teamarbeit"]
        assert first.expiry_date == date(2030, 12, 31)
        second = session.get(Offer, report["created"][1])
        assert second is not None
        assert second.hours_per_week == 38.5

    again = client.post(
        "/api/v1/offers/import-file",
        params={"report": "csv"},
        files={"file": ("angebote.csv", data, "text/csv")},
        headers=world.headers("liaison"),
    )
    assert again.headers["content-type"].startswith("text/csv")
    lines = again.text.strip().splitlines()
    assert lines[0].startswith("row,outcome,offers,company_id")
    assert [line.split(",")[1] for line in lines[1:]] == ["unchanged", "unchanged", "refused"]


def test_windows_1252_csv_with_french_headers() -> None:
    text = "Entreprise,Intitulé,Heures par semaine,Code postal\r\nCafé Crème,Serveur,20,1100\r\n"
    assert decode(text.encode("cp1252")) == text
    assert decode(text.encode("utf-8")) == text


def test_xlsx_with_one_bad_row(client: TestClient, world: World) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "Entreprise",
            "Intitulé",
            "Heures par semaine",
            "Code postal",
            "Date limite",
            "Salaire",
            "Période",
        ]
    )
    sheet.append(
        ["Gasthaus Zur Linde", "Plongeur (H/F)", 24, "1100", date(2030, 10, 1), 1400, "mois"]
    )
    sheet.append(["Gasthaus Zur Linde", "Commis de cuisine (H/F)", 35, "9999", None, None, None])
    sheet.append(
        [
            "Atelier Durand SARL",
            "Aide couturier (H/F)",
            "30 heures par semaine",
            "1210",
            "2030-09-30",
            "13,50",
            "heure",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(
        "/api/v1/offers/import-file",
        files={"file": ("offres.xlsx", buffer.getvalue(), "application/octet-stream")},
        headers=world.headers("liaison"),
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert [(r["row"], r["outcome"]) for r in rows] == [
        (2, "created"),
        (3, "refused"),
        (4, "created"),
    ]
    assert rows[1]["field"] == "Code postal"
    assert rows[2]["company_outcome"] == "created"
    offer = client.get(
        f"/api/v1/offers/{rows[0]['offer_ids'][0]}", headers=world.headers("liaison")
    ).json()
    assert offer["expiry_date"] == "2030-10-01"
    assert Decimal(offer["pay_amount"]) == Decimal("1400")
    assert offer["pay_period"] == "month"


def test_a_file_that_cannot_be_read_is_a_422_naming_what_is_wrong(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    before = _counts(db)
    response = client.post(
        "/api/v1/offers/import-file",
        files={"file": ("list.csv", b"Firma;Farbe\r\nX;blau\r\n", "text/csv")},
        headers=world.headers("liaison"),
    )
    assert response.status_code == 422
    assert "Farbe" in response.text
    assert _counts(db) == before


def test_employer_matching_by_number_then_name_with_the_threshold(
    world: World, db: sessionmaker[Session]
) -> None:
    with db() as session:
        by_number = find_company(session, "FN 100001a", "Irgendein Name", 90)
        assert by_number is not None
        assert by_number[1] == 100
        close = find_company(session, None, "Gasthaus zur Linden", 90)
        assert close is not None
        assert close[0].id == world.ids["company_a"]
        assert 90 <= close[1] < 100
        assert find_company(session, None, "Gasthaus zur Linden", 99) is None
        assert find_company(session, None, "Bäckerei Nord", 90) is None
    assert normalised_name("Logistik-Ost G.m.b.H.") == normalised_name("Logistik Ost GmbH")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Hygiene, Teamarbeit", ["Hygiene", "Teamarbeit"]),
        ("Rigueur ; Autonomie", ["Rigueur", "Autonomie"]),
        ("- Staplerschein\n- Deutsch B1", ["Staplerschein", "Deutsch B1"]),
        ("<ul><li>A</li><li>B, C</li></ul>", ["A", "B", "C"]),
        ("Gewicht bis 12,5 kg heben", ["Gewicht bis 12,5 kg heben"]),
        ("MS Office (Word, Excel)", ["MS Office (Word, Excel)"]),
    ],
)
def test_text_lists_split_into_items(text: str, items: list[str]) -> None:
    assert text_items(text) == items


@pytest.mark.parametrize(
    ("words", "hours"),
    [
        ("20 hours per week", 20),
        ("Teilzeit 20 Std./Woche", 20),
        ("38,5 Stunden pro Woche", 38.5),
        ("35h par semaine", 35),
        ("8 hours per day", 40),
        ("30", 30),
    ],
)
def test_work_hours_in_words(words: str, hours: float) -> None:
    assert hours_per_week(words, [], []) == hours


def test_html_becomes_text_with_paragraphs_and_items() -> None:
    html = "<p>Wir <b>bieten</b>:</p><ul><li>Fixanstellung</li></ul><script>x()</script>"
    assert html_to_text(html) == "Wir bieten:\n\n- Fixanstellung"
    assert html_to_text("Plain & simple") == "Plain & simple"
