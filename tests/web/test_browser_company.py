"""The employer's company pages in a real browser (Debian's Chromium driven by Playwright):
our company, adding a contact person, a placement and the tutor's report. Fails on any
Content-Security-Policy violation or script error, and on any serious or critical axe-core
finding at 1280 px and 768 px; screenshots of each page at both widths are kept as artefacts.
The company page is walked once more in German."""

from __future__ import annotations

from typing import Any

import pytest

from models.placement import PlacementStatus
from tests.web.browser import CHROMIUM, Checker
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow


def _work_trial_planned(world: World) -> int:
    """A work trial at our company, planned to start in a week, with its tutor."""
    b = world.build
    offer = b.work_trial(world.ids["company_a"])
    person = b.client(world.users["caseworker"].id, given_name="Selin", family_name="Aydın")
    return b.placement(person.id, offer, PlacementStatus.planned).id


def _sign_in(page: Any, server: str) -> None:
    page.goto(server + "/sign-in")
    page.locator("#email").fill("boss@linde.example")
    page.locator("#password").fill(PASSWORD)
    page.locator("form[action='/sign-in'] button[type='submit']").click()


def test_the_employer_keeps_the_company_and_files_the_tutors_report(
    server: str, world: World
) -> None:
    from playwright.sync_api import expect, sync_playwright

    placement_id = _work_trial_planned(world)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        checker = Checker(page)
        _sign_in(page, server)
        page.get_by_role("link", name="Our company").click()
        expect(page.get_by_role("heading", name="Our company: Gasthaus Zur Linde")).to_be_visible()
        checker.check("company")

        # A contact person: first refused beside the field, then added.
        contact = page.locator("form[action='/company/contacts']")
        contact.get_by_label("Name").fill("Eva Koller")
        contact.get_by_label("Email").fill("not an address")
        contact.get_by_role("button", name="Add the contact person").click()
        expect(page.locator("#contact-email-error")).to_be_visible()
        expect(page.get_by_role("alert")).to_contain_text("email address")
        checker.check("company-refused")
        contact = page.locator("form[action='/company/contacts']")
        expect(contact.get_by_label("Name")).to_have_value("Eva Koller")
        contact.get_by_label("Email").fill("ek@linde.example")
        contact.get_by_role("button", name="Add the contact person").click()
        expect(page.locator("#contacts tbody")).to_contain_text("Eva Koller")

        # The placement: started today, its follow-up dates, then the tutor's report.
        page.locator("#placements").get_by_role("link", name="Selin").click()
        expect(page.get_by_role("heading", name="Selin")).to_be_visible()
        checker.check("company-placement")
        page.get_by_role("button", name="Start the placement").click()
        expect(page.locator("#status")).to_contain_text("Started")
        expect(page.locator("#checkpoints li").first).to_contain_text("Day 7")
        checker.check("company-placement-started")
        report = page.locator("form[action$='/report']")
        report.get_by_label("Attendance").select_option("completed")
        report.get_by_label("Skills observed, one per line").fill(
            "Cuts vegetables quickly\nKeeps the station clean"
        )
        report.get_by_label("The person followed the job as it is done here").check()
        report.get_by_role("button", name="File the tutor's report").click()
        shown = page.locator("#report")
        expect(shown).to_contain_text("Keeps the station clean")
        expect(shown.locator("form")).to_have_count(0)
        checker.check("company-placement-reported")
        assert page.url.endswith(f"/company/placements/{placement_id}")
        browser.close()

    # The refused contact answered 422 on purpose (Chromium logs every 4xx answer).
    refused = "the server responded with a status of 422"
    assert [p for p in checker.problems if refused not in p] == []
    assert len(checker.problems) <= 1
    assert {k: v for k, v in checker.findings.items() if v} == {}


def test_the_company_pages_in_german(server: str, world: World) -> None:
    from playwright.sync_api import expect, sync_playwright

    placement_id = _work_trial_planned(world)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-AT")
        checker = Checker(page)
        _sign_in(page, server)
        page.get_by_role("link", name="Unser Unternehmen").click()
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.get_by_role("heading", name="Unsere Betreuungspersonen")).to_be_visible()
        expect(page.locator("#tutors tbody")).to_contain_text("Angesprochen")
        checker.check("company-de")
        page.goto(server + f"/company/placements/{placement_id}")
        expect(page.get_by_role("heading", name="Vermittlung beginnen")).to_be_visible()
        page.get_by_role("button", name="Vermittlung beginnen").click()
        expect(page.locator("#checkpoints li").first).to_contain_text("Tag 7")
        expect(page.get_by_role("heading", name="Bericht der Betreuungsperson")).to_be_visible()
        checker.check("company-placement-de")
        browser.close()

    assert checker.problems == []
    assert {k: v for k, v in checker.findings.items() if v} == {}
