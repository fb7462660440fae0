"""The indicators and the admin's pages in a real browser (Debian's Chromium driven by
Playwright) with every request but the server's own refused: a liaison officer reads the
charts, filters them and downloads one chart's CSV; an admin opens the offices, transfers a
caseload and finds the moves on the audit trail by that client; the indicators once more in
German. No serious or critical axe-core finding at 1280 px and 768 px, no console or CSP
problem."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from models.offer import OfferKind
from tests.web.browser import CHROMIUM, Checker
from tests.web.test_indicators_pages import TODAY, _hires
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow


def _only(server: str, elsewhere: list[str]) -> Any:
    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(server):
            request_route.continue_()
        else:
            elsewhere.append(request_route.request.url)
            request_route.abort()

    return route


def _sign_in(page: Any, server: str, email: str) -> None:
    page.goto(server + "/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form[action='/sign-in'] button[type='submit']").click()


def _images_drawn(page: Any) -> int:
    """How many chart images the browser loaded and drew (an SVG refused would be 0 wide)."""
    page.wait_for_load_state("load")
    drawn: int = page.evaluate(
        "() => [...document.querySelectorAll('section.chart img')]"
        ".filter(i => i.complete && i.naturalWidth > 0).length"
    )
    return drawn


def test_indicators_and_the_admin_pages_in_a_browser(
    server: str, world: World, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    _hires(world, "female", TODAY.year - 30, 5, OfferKind.work_trial)
    elsewhere: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page.route("**/*", _only(server, elsewhere))
        checker = Checker(page)

        # A liaison officer reads the charts, filters to work trials, downloads one CSV.
        _sign_in(page, server, "liaison@tandem.example")
        page.get_by_role("link", name="Indicators").click()
        expect(page.get_by_role("heading", name="Indicators", exact=True)).to_be_visible()
        expect(page.locator("#chart-hires img")).to_be_visible()
        assert _images_drawn(page) >= 3
        page.locator("#chart-offers summary").click()
        expect(page.locator("#chart-offers table")).to_contain_text("Vacancy")
        checker.check("indicators")
        page.get_by_label("Kind of offer").select_option("work_trial")
        page.get_by_role("button", name="Show").click()
        expect(page).to_have_url(re.compile(r"kind=work_trial"))
        page.locator("#chart-offers summary").click()
        expect(page.locator("#chart-offers table")).not_to_contain_text("Vacancy")
        with page.expect_download() as download:
            page.locator("#chart-offers a[download]").click()
        saved = tmp_path / "offers.csv"
        download.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text())))
        assert rows
        assert {r["kind"] for r in rows} == {"work_trial"}
        page.get_by_role("button", name="Sign out").click()

        # An admin: the offices, a caseload transfer, the moves on the audit trail.
        _sign_in(page, server, "admin@tandem.example")
        page.get_by_role("link", name="Offices").click()
        expect(page.locator("tbody")).to_contain_text("Favoriten")
        checker.check("offices")
        page.get_by_role("link", name="Caseload").click()
        source, target = world.users["caseworker"], world.users["colleague"]
        page.get_by_label("From caseworker").select_option(str(source.id))
        page.get_by_label("To caseworker").select_option(str(target.id))
        page.get_by_label("Only the clients numbered below").check()
        page.get_by_label("Client numbers, separated by commas").fill(str(world.ids["client_a"]))
        page.get_by_role("button", name="Move the clients").click()
        expect(page.locator(".notice")).to_have_text(
            f"1 client moved from {source.display_name} to {target.display_name}."
        )
        checker.check("caseload")
        page.get_by_role("link", name="Audit trail").click()
        page.get_by_label("Client number").fill(str(world.ids["client_a"]))
        page.get_by_label("Action").select_option("transfer")
        page.get_by_role("button", name="Show").click()
        rows_shown = page.locator("tbody tr")
        expect(rows_shown).to_have_count(1)
        expect(rows_shown.first).to_contain_text(f"client {world.ids['client_a']}")
        expect(rows_shown.first).to_contain_text("caseworker_id")
        checker.check("audit")
        browser.close()

        # The indicators in German (the browser asks for German; nothing else changes).
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-AT")
        page.route("**/*", _only(server, elsewhere))
        german = Checker(page)
        _sign_in(page, server, "liaison@tandem.example")
        page.get_by_role("link", name="Kennzahlen").click()
        expect(page.get_by_role("heading", name="Kennzahlen", exact=True)).to_be_visible()
        expect(page.locator("#chart-hires-title")).to_have_text(
            "Einstellungen nach Geschlecht und Altersgruppe"
        )
        assert _images_drawn(page) >= 3
        german.check("indicators-de")
        browser.close()

    assert elsewhere == []
    assert checker.problems + german.problems == []
    found = {**checker.findings, **german.findings}
    assert {k: v for k, v in found.items() if v} == {}
