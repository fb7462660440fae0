"""The liaison officer's follow-up and import in a real browser: start a planned placement and
record its 7-day checkpoint, import a CSV with one bad row and read the report, download the
export; axe-core at both widths on each page, no console or CSP problem; once in German."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import CHROMIUM, Checker
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow

CSV = "\r\n".join(
    [
        "Firma;Titel;Wochenstunden;PLZ;Anforderungen;Referenz",
        "Gasthaus Zur Linde;Abwäscher (m/w/d);20;1100;Hygiene, Teamarbeit;B-1",
        "Nirgendwo GmbH;Lagerhelfer;viele;1100;;B-2",
        "Kantine Favoriten GmbH;Küchenhilfe (m/w/d);38,5;1100;Hygiene;B-3",
    ]
).encode("utf-8")


def _sign_in(page: Any, server: str) -> None:
    page.goto(server + "/sign-in")
    page.locator("#email").fill("liaison@tandem.example")
    page.locator("#password").fill(PASSWORD)
    page.locator("form[action='/sign-in'] button[type='submit']").click()


def test_the_liaison_officers_follow_up_and_import_in_a_browser(
    server: str, world: World, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    offer = world.build.offer(world.ids["company_a"], title="Barista", places=2)
    planned = world.build.placement(
        world.ids["client_a"], offer, planned_start=date.today() + timedelta(days=1)
    )
    csv_file = tmp_path / "angebote.csv"
    csv_file.write_bytes(CSV)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        checker = Checker(page)
        _sign_in(page, server)
        page.get_by_role("link", name="Follow-up").click()
        expect(page.get_by_role("heading", name="Follow-up", exact=True)).to_be_visible()
        checker.check("liaison-follow-up")

        # The planned placement: start it, then record its 7-day checkpoint.
        page.locator("#planned").get_by_role("link", name=f"Vacancy {planned.id}").click()
        expect(page.locator("#placement-state")).to_have_text("Planned")
        checker.check("liaison-placement")
        page.get_by_label("Started on").fill((date.today() - timedelta(days=7)).isoformat())
        page.get_by_role("button", name="Start the placement").click()
        expect(page.locator("#placement-state")).to_have_text("Started")
        seven = page.locator("#checkpoints li", has_text="Day 7").filter(has=page.locator("form"))
        seven.get_by_label("Outcome").select_option("in_work")
        seven.get_by_label("Employer's satisfaction (1 to 5)").select_option("4")
        checker.check("liaison-placement-started")
        seven.get_by_role("button", name="Record checkpoint").click()
        expect(page.locator("#checkpoints")).to_contain_text("Recorded on")
        expect(page.locator("#history")).to_contain_text("Started")

        # Import a CSV with one bad row; the progress holds while the chunks are held back.
        page.get_by_role("link", name="Import offers").click()
        expect(page.get_by_role("heading", name="Import offers")).to_be_visible()
        checker.check("liaison-import")
        page.route(re.compile(r".*/next$"), lambda route: route.fulfill(status=204))
        page.get_by_label("File to import").set_input_files(str(csv_file))
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.locator("progress")).to_have_attribute("max", "3")
        expect(page.get_by_role("status")).to_contain_text("0 of 3 rows imported")
        checker.check("liaison-import-progress")
        page.unroute(re.compile(r".*/next$"))
        page.get_by_role("button", name="Continue the import").click()
        report = page.locator("#report")
        expect(report).to_be_visible()
        bad = page.locator("#row-3")
        expect(bad).to_contain_text("Refused")
        expect(bad).to_contain_text("Wochenstunden")
        expect(page.locator("#row-2")).to_contain_text("Created")
        expect(page.get_by_text("1 row refused")).to_be_visible()
        checker.check("liaison-import-report")

        # The export of published offers, as a person downloads it.
        page.get_by_role("link", name="Import another file").click()
        with page.expect_download() as download:
            page.get_by_role("link", name="Published offers as CSV").click()
        exported = Path(download.value.path()).read_text(encoding="utf-8")
        assert exported.startswith("identifier,company,")
        assert "Barista" in exported
        browser.close()

    assert checker.problems == []
    assert {k: v for k, v in checker.findings.items() if v} == {}


def test_the_follow_up_and_import_in_german(server: str, world: World, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    pdf = tmp_path / "angebote.pdf"
    pdf.write_bytes(b"%PDF-1.4 keine Angebote")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        context = browser.new_context(locale="de-AT", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        checker = Checker(page)
        _sign_in(page, server)
        page.get_by_role("link", name="Nachbetreuung").click()
        expect(page.get_by_role("heading", name="Nachbetreuung", exact=True)).to_be_visible()
        expect(page.locator("#ending")).to_contain_text("Keine begonnene Vermittlung endet")
        checker.check("liaison-follow-up-de")
        page.get_by_role("link", name="Angebote importieren").click()
        page.get_by_label("Zu importierende Datei").set_input_files(str(pdf))
        page.get_by_role("button", name="Importieren", exact=True).click()
        expect(page.locator("#file-error")).to_contain_text("ist keine Datei, die Tandem")
        checker.check("liaison-import-refused-de")
        browser.close()

    # The refused upload answers 422 by design, which Chromium logs for any 4xx page.
    assert [p for p in checker.problems if "status of 422" not in p] == []
    assert {k: v for k, v in checker.findings.items() if v} == {}
