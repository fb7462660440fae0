"""The liaison officer's companies and tutors in a real browser: filter the companies, open
one, log a visit with its next step, and move a tutor on the board; each page checked with
axe-core at both widths, and the same walk once more in German."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.web.browser import CHROMIUM, Checker
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow


def test_the_liaison_officers_companies_and_tutors_in_a_browser(server: str, world: World) -> None:
    from playwright.sync_api import expect, sync_playwright

    next_on = (date.today() + timedelta(days=14)).isoformat()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        checker = Checker(page)
        page.goto(server + "/sign-in")
        page.get_by_label("Email").fill("liaison@tandem.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        page.get_by_role("link", name="Companies").first.click()
        expect(page.get_by_role("heading", name="Companies")).to_be_visible()
        search = page.get_by_role("search")
        search.get_by_label("Name").fill("linde")
        search.get_by_label("No contact for (days)").fill("2")
        search.get_by_role("button", name="Filter").click()
        rows = page.locator("#companies tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("Gasthaus Zur Linde")
        expect(rows.first).to_contain_text("3 days ago")
        checker.check("liaison-companies")

        page.get_by_role("link", name="Gasthaus Zur Linde").click()
        expect(page.get_by_role("heading", name="Gasthaus Zur Linde", level=1)).to_be_visible()
        log = page.locator("#log")
        log.get_by_label("Kind").select_option("visit")
        log.get_by_label("What was said or agreed").fill("Walked the kitchen with the owner")
        log.get_by_label("Next step", exact=True).fill("Send two trial candidates")
        log.get_by_label("By").fill(next_on)
        log.get_by_role("button", name="Log the contact").click()
        events = page.locator("#events")
        expect(events).to_contain_text("Walked the kitchen with the owner")
        expect(events).to_contain_text("Send two trial candidates")
        expect(events).to_contain_text(next_on)
        checker.check("liaison-company")
        # A date that is no date is refused beside the field, the text kept.
        log.get_by_label("What was said or agreed").fill("Phoned the chef")
        log.get_by_label("Date", exact=True).fill("")
        log.get_by_role("button", name="Log the contact").click()
        expect(page.locator("#occurred_on-error")).to_be_visible()
        expect(log.get_by_label("What was said or agreed")).to_have_value("Phoned the chef")
        checker.check("liaison-company-refused")

        page.get_by_role("link", name="Tutors").first.click()
        agreed = page.get_by_role("region", name="Agreed")
        expect(agreed).to_contain_text("No tutor at this stage.")
        card = page.locator(f"#tutor-{world.ids['tutor_a']}")
        card.get_by_label("Move to").select_option("agreed")
        card.get_by_role("button", name="Move").click()
        expect(page.get_by_role("region", name="Agreed")).to_contain_text("Maria Huber")
        checker.check("liaison-tutors")

        # Once more in German: the person's browser asks for it.
        german = browser.new_context(locale="de-AT", viewport={"width": 1280, "height": 900})
        page = german.new_page()
        checker_de = Checker(page)
        page.goto(server + "/sign-in")
        page.locator("#email").fill("liaison@tandem.example")
        page.locator("#password").fill(PASSWORD)
        page.locator("form[action='/sign-in'] button[type=submit]").click()
        page.get_by_role("link", name="Unternehmen", exact=True).first.click()
        expect(page.get_by_role("heading", name="Unternehmen", exact=True)).to_be_visible()
        page.get_by_role("search").get_by_label("Meine Unternehmen").check()
        page.get_by_role("search").get_by_role("button").click()
        expect(page.get_by_text("Kein Unternehmen entspricht diesen Filtern")).to_be_visible()
        checker_de.check("liaison-companies-de")
        page.goto(server + f"/liaison/companies/{world.ids['company_a']}")
        expect(page.get_by_role("heading", name="Kontakt erfassen")).to_be_visible()
        expect(page.locator("#events")).to_contain_text("Betriebsbesuch")
        checker_de.check("liaison-company-de")
        page.get_by_role("link", name="Betreuungspersonen", exact=True).first.click()
        expect(page.get_by_role("region", name="Zugesagt")).to_contain_text("Maria Huber")
        checker_de.check("liaison-tutors-de")
        browser.close()

    # The refused contact answers 422 on purpose (the browser logs it); nothing else.
    refused = "Failed to load resource: the server responded with a status of 422"
    assert [p.split(" (")[0] for p in checker.problems] == [refused]
    assert checker_de.problems == []
    findings = {**checker.findings, **checker_de.findings}
    assert {k: v for k, v in findings.items() if v} == {}
    assert len(findings) == 14  # seven pages at two widths
