"""The offer form's one-click rewording in a real browser, in German: with JavaScript (htmx
swaps the words part of the form) and without (the Apply button posts the form and the page
comes back with the words replaced). Fails on any CSP violation or script error and on any
serious or critical axe-core finding at both widths."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser import CHROMIUM, Checker
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow


def _signed_in_new_offer(page: Any, server: str) -> None:
    page.goto(server + "/sign-in")
    page.get_by_label("E-Mail").fill("boss@linde.example")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.goto(server + "/company/offers/new")


def test_an_employer_applies_a_rewording_in_german_with_and_without_javascript(
    server: str, world: World
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-AT")
        checker = Checker(page)
        _signed_in_new_offer(page, server)
        expect(page.get_by_role("heading", name="Neues Angebot")).to_be_visible()
        page.get_by_label("Unverzichtbar").fill("Verkäuferin gesucht\nFührerschein B")
        live = page.locator("#live-findings")
        expect(live).to_contain_text("Vorgeschlagene Formulierung: „Verkäufer/in (m/w/d)“")
        checker.check("employer-offer-rewording")
        live.get_by_role("button", name="Übernehmen").click()
        expect(page.get_by_label("Unverzichtbar")).to_have_value(
            "Verkäufer/in (m/w/d) gesucht\nFührerschein B"
        )
        expect(live).to_contain_text("Bisher kein Befund der Prüfung.")
        expect(page.locator("#offer-text .notice")).to_contain_text("Nichts ist gespeichert")
        checker.check("employer-offer-rewording-applied")

        # Without JavaScript: "Check the wording" and "Apply" post the form; nothing stored.
        plain = browser.new_context(java_script_enabled=False, locale="de-AT").new_page()
        _signed_in_new_offer(plain, server)
        plain.get_by_label("Titel").fill("Salesman")
        plain.get_by_role("button", name="Formulierung prüfen").click()
        plain.locator("#live-findings").get_by_role("button", name="Übernehmen").click()
        expect(plain.get_by_label("Titel")).to_have_value("Salesperson")
        expect(plain.locator("#live-findings")).not_to_contain_text("Salesman")
        browser.close()

    assert checker.problems == []
    assert {k: v for k, v in checker.findings.items() if v} == {}
