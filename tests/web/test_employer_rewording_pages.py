"""The offer form's one-click rewording: a finding with a sound neutral rewording has an "Apply"
button that puts it in place of the words, in that field, and screens again; with htmx (the
words part of the form swapped) and without JavaScript (the whole form back), nothing stored
until the offer is saved; a text changed since it was screened is not touched."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.api.test_validation import row_counts
from tests.web.pages import csrf_token, sign_in, soup
from tests.world import World

EMPLOYER = "boss@linde.example"
HTMX = {"HX-Request": "true"}


def _form(token: str, **changes: str) -> dict[str, Any]:
    form: dict[str, Any] = {
        "csrf_token": token,
        "kind": "vacancy",
        "title": "Shop assistant",
        "description": "Busy shop in the centre.",
        "essential": "Food hygiene\nSalesman experience, reliable",
        "optional": "Forklift licence",
        "hours_per_week": "25",
        "contract_type": "permanent",
        "postcode": "1100",
        "places": "1",
    }
    form.update(changes)
    return form


def _apply_button(page: BeautifulSoup, words: str) -> str:
    """The value of the "Apply" button of the finding on ``words``."""
    for button in page.find_all("button", attrs={"name": "apply"}):
        if str(button["value"]).endswith(":" + words):
            return str(button["value"])
    raise AssertionError(f"no Apply button for {words!r} in {page.get_text(' ', strip=True)}")


def _findings_text(page: BeautifulSoup) -> str:
    findings = page.find(id="live-findings")
    assert findings is not None
    return findings.get_text(" ", strip=True)


def test_apply_with_htmx_replaces_the_words_in_that_line_and_the_finding_goes(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    sign_in(client, EMPLOYER)
    token = csrf_token(client, "/company/offers/new")
    form = _form(token)
    typed = soup(client.post("/company/offers/screen", data=form, headers=HTMX))
    text = typed.get_text(" ", strip=True)
    assert "Suggested rewording: “Salesperson”" in text
    value = _apply_button(typed, "Salesman")
    assert value.startswith("requirements.1:")  # the second requirement line
    before = row_counts(db)

    swapped = client.post("/company/offers/screen", data={**form, "apply": value}, headers=HTMX)
    assert swapped.status_code == 200
    assert "<html" not in swapped.text
    part = soup(swapped)
    assert part.find(id="offer-text") is not None  # the part of the form htmx swaps
    essential = part.find("textarea", id="essential")
    assert essential is not None
    assert essential.get_text() == "Food hygiene\nSalesperson experience, reliable"
    assert "Salesman" not in _findings_text(part)
    assert "No screening finding so far." in _findings_text(part)
    assert "Nothing is saved until you save the offer." in part.get_text(" ", strip=True)
    # The other fields are as typed, and nothing was stored.
    assert part.find("input", id="title")["value"] == "Shop assistant"  # type: ignore[index]
    assert row_counts(db) == before


def test_apply_without_javascript_returns_the_whole_form_with_the_words_replaced(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    sign_in(client, EMPLOYER)
    token = csrf_token(client, "/company/offers/new")
    form = _form(token, description="We are looking for a young and dynamic colleague.")
    # "Check the wording": the findings of what was typed, on the whole page.
    checked = soup(client.post("/company/offers/screen", data={**form, "check": "1"}))
    assert checked.find("form", id="offer-form") is not None
    value = _apply_button(checked, "young and dynamic")
    before = row_counts(db)

    response = client.post("/company/offers/screen", data={**form, "apply": value})
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text() == "New offer"  # type: ignore[union-attr]
    description = page.find("textarea", id="description")
    assert description is not None
    assert description.get_text() == "We are looking for a motivated colleague."
    findings = _findings_text(page)
    assert "young and dynamic" not in findings
    assert "Salesman" in findings  # the other finding is still shown, with its own button
    _apply_button(page, "Salesman")
    # The rest of the form is as typed: the employer saves it as usual.
    assert page.find("input", id="hours_per_week")["value"] == "25"  # type: ignore[index]
    assert row_counts(db) == before


def test_a_text_changed_since_it_was_screened_is_not_replaced(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    token = csrf_token(client, "/company/offers/new")
    form = _form(token)
    value = _apply_button(
        soup(client.post("/company/offers/screen", data=form, headers=HTMX)), "Salesman"
    )
    # Typed over after the screening: the span no longer holds the phrase.
    changed = {**form, "essential": "Food hygiene\nSales rep. Salesman experience"}
    part = soup(
        client.post("/company/offers/screen", data={**changed, "apply": value}, headers=HTMX)
    )
    essential = part.find("textarea", id="essential")
    assert essential is not None
    assert essential.get_text() == changed["essential"]
    assert "The text changed since it was checked" in part.get_text(" ", strip=True)
    assert "Salesman" in _findings_text(part)  # still found, at its new place
    # A made-up target is refused the same way.
    forged = {**form, "apply": "description:0:4:Busy"}
    page = soup(client.post("/company/offers/screen", data=forged, headers=HTMX))
    assert page.find("textarea", id="description").get_text() == form["description"]  # type: ignore[union-attr]
    assert "The text changed since it was checked" in page.get_text(" ", strip=True)


def test_apply_on_our_draft_keeps_the_edit_form_and_another_companys_offer_is_404(
    client: TestClient, world: World
) -> None:
    offer_id = world.ids["offer_a_draft"]
    sign_in(client, EMPLOYER)
    path = f"/company/offers/{offer_id}"
    edit = soup(client.get(path))
    hidden = edit.find("input", attrs={"name": "offer_id"})
    assert hidden is not None
    assert hidden["value"] == str(offer_id)
    token = csrf_token(client, path)
    form = _form(token, title="Waitress", offer_id=str(offer_id))
    checked = soup(client.post("/company/offers/screen", data=form))
    value = _apply_button(checked, "Waitress")
    page = soup(client.post("/company/offers/screen", data={**form, "apply": value}))
    assert page.find("form", id="offer-form")["action"] == path  # type: ignore[index]
    assert page.find("input", id="title")["value"] == "Server"  # type: ignore[index]
    other = {**form, "offer_id": str(world.ids["offer_b"])}
    assert client.post("/company/offers/screen", data=other).status_code == 404


def test_the_apply_button_and_its_notice_in_german(client: TestClient, world: World) -> None:
    german = {"Accept-Language": "de-AT,de;q=0.9"}
    sign_in(client, EMPLOYER)
    token = csrf_token(client, "/company/offers/new")
    form = _form(token, essential="Verkäuferin gesucht")
    typed = soup(client.post("/company/offers/screen", data=form, headers={**HTMX, **german}))
    text = typed.get_text(" ", strip=True)
    assert "Vorgeschlagene Formulierung: „Verkäufer/in (m/w/d)“" in text
    button = typed.find("button", attrs={"name": "apply"})
    assert button is not None
    assert button.get_text() == "Übernehmen"
    part = soup(
        client.post(
            "/company/offers/screen",
            data={**form, "apply": str(button["value"])},
            headers={**HTMX, **german},
        )
    )
    assert part.find("textarea", id="essential").get_text() == "Verkäufer/in (m/w/d) gesucht"  # type: ignore[union-attr]
    assert "Nichts ist gespeichert" in part.get_text(" ", strip=True)
