"""The journeys of issue 15 end to end, connected, in a real browser (Debian's Chromium driven
by Playwright) on one server the test starts: every step through the pages as the person does
it, each person in a browser context of their own, signed in; no API call or service shortcut
between steps (the small test world and one client are set up at the start).

The story: an employer writes a work trial with a discriminatory requirement, sees it marked
while typing, submits it anyway and sees it held with the reason; a liaison officer asks for a
change; the employer rewords it and submits it again; the officer publishes it, logs a visit to
the company and checks the tutor board; a caseworker finds the offer on a client's shortlist
with its explanation and proposes the client; the employer accepts with a start date; the
officer starts the placement on that day and records its 7-day checkpoint a week later (the
app's clock moved, as other tests do); the employer files the tutor's report; the officer
imports a CSV of offers with one bad row, reads the report, opens the indicators and downloads
a CSV; an admin transfers the client to another caseworker and finds the move on the audit
trail. The employer's and the liaison officer's first steps run once more in German.

axe-core (0 serious or critical findings at 1280 and 768 px) runs on the pages only this
journey reaches; the part tests check the others. No console or CSP problem anywhere."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from tests.api.test_shortlists import Skill, add_client
from tests.web.browser import ARTEFACTS, CHROMIUM, Checker, tab_to
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow

#: The screenshot of the offer form with a finding marked (1280 px wide). With
#: ``TANDEM_README_SHOTS=1`` the run also writes it where the README shows it.
FORM_SHOT = "offer-form-finding.png"
DOCS = Path(__file__).resolve().parents[2] / "docs"

CSV = "\r\n".join(
    [
        "Firma;Titel;Wochenstunden;PLZ;Anforderungen;Referenz",
        "Gasthaus Zur Linde;Abwäscher (m/w/d);20;1100;Hygiene, Teamarbeit;J-1",
        "Nirgendwo GmbH;Lagerhelfer;viele;1100;;J-2",
        "Kantine Favoriten GmbH;Küchenhilfe (m/w/d);38,5;1100;Hygiene;J-3",
    ]
).encode("utf-8")


class Journey:
    """The browser, one context per person (each signs in once), and their checkers."""

    def __init__(self, browser: Any, server: str, locale: str = "en-GB") -> None:
        self.browser = browser
        self.server = server
        self.locale = locale
        self.checkers: dict[str, Checker] = {}
        self.pages: dict[str, Any] = {}

    def person(self, who: str, email: str) -> Any:
        if who in self.pages:
            return self.pages[who]
        context = self.browser.new_context(
            viewport={"width": 1280, "height": 900}, locale=self.locale, accept_downloads=True
        )
        page = context.new_page()
        self.checkers[who] = Checker(page)
        page.goto(self.server + "/sign-in")
        page.locator("#email").fill(email)
        page.locator("#password").fill(PASSWORD)
        page.locator("form[action='/sign-in'] button[type='submit']").click()
        page.wait_for_url(self.server + "/")
        self.pages[who] = page
        return page

    def check(self, who: str, name: str) -> None:
        self.checkers[who].check(name)

    def problems(self) -> list[str]:
        return [f"{who}: {p}" for who, c in self.checkers.items() for p in c.problems]

    def findings(self) -> dict[str, list[str]]:
        return {k: v for c in self.checkers.values() for k, v in c.findings.items() if v}


@contextmanager
def journey(server: str, locale: str = "en-GB") -> Iterator[Journey]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield Journey(browser, server, locale)
        finally:
            browser.close()


def _move_clock(app: FastAPI, day: date) -> None:
    """The app's clock on ``day`` from now on (as the page and API tests move it)."""
    app.state.clock = lambda: day


def _keep_form_shot(page: Any) -> None:
    """The offer form from the top of the page to the marked finding, at 1280 px, as an
    artefact (``docs/offer-form-finding.png`` in the README is this file)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    bottom = float(
        page.locator("#live-findings").evaluate(
            "e => e.getBoundingClientRect().bottom + window.scrollY"
        )
    )
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    clip = {"x": 0, "y": 0, "width": 1280, "height": bottom + 6}
    page.screenshot(path=str(ARTEFACTS / FORM_SHOT), clip=clip, full_page=True, caret="initial")
    if os.environ.get("TANDEM_README_SHOTS") == "1":
        shutil.copyfile(ARTEFACTS / FORM_SHOT, DOCS / FORM_SHOT)


def _width(page: Any, label: str) -> float:
    box = page.get_by_label(label, exact=True).bounding_box()
    assert box is not None
    return float(box["width"])


def test_the_whole_story_in_one_browser(
    server: str, live_app: FastAPI, world: World, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    hygiene: list[Skill] = [("Food safety", world.ids["concept"], "exact")]
    client_id = add_client(world, hygiene, "Samira", family_name="Nasser", max_travel_km=20)
    tutor = f"#tutor-{world.ids['tutor_a']}"
    title = "Kitchen help for the lunch service"
    csv_file = tmp_path / "angebote.csv"
    csv_file.write_bytes(CSV)
    start = date.today() + timedelta(days=3)

    with journey(server) as j:
        # The employer writes a work trial; the screening marks a requirement while typing.
        employer = j.person("employer", "boss@linde.example")
        employer.get_by_role("link", name="Our offers").first.click()
        employer.get_by_role("link", name="New offer").first.click()
        employer.get_by_label("Kind of offer").select_option("work_trial")
        employer.get_by_label("Title").fill(title)
        employer.get_by_label("Description").fill("Help the cook with the lunch service.")
        employer.get_by_label("Essential").fill("Young and dynamic\nFood safety")
        live = employer.locator("#live-findings")
        expect(live).to_contain_text("Young and dynamic")
        expect(live).to_contain_text("age")
        employer.get_by_label("Hours per week").fill("20")
        employer.get_by_label("Contract", exact=True).select_option("none")
        employer.get_by_label("Workplace postcode", exact=True).fill("1100")
        employer.get_by_label("Tutor", exact=True).select_option(str(world.ids["tutor_a"]))
        # The requirements are written in boxes about as wide as the description's (within
        # their fieldset's frame), not squeezed beside the hint.
        assert _width(employer, "Essential") > 0.9 * _width(employer, "Description")
        _keep_form_shot(employer)
        employer.get_by_role("button", name="Save and submit for review").click()
        expect(employer.get_by_text("Held for review", exact=True)).to_be_visible()
        expect(employer.locator(".findings")).to_contain_text("instead of age")
        expect(employer.locator(".findings")).to_contain_text("Young and dynamic")
        j.check("employer", "journey-offer-held")

        # The liaison officer finds it in the queue and asks for a change.
        liaison = j.person("liaison", "liaison@tandem.example")
        liaison.get_by_role("link", name="Review queue").click()
        row = liaison.locator("#queue tr", has_text=title)
        expect(row).to_contain_text("Held")
        row.get_by_role("link", name=title).click()
        expect(liaison.locator(".offer-text mark")).to_contain_text("Young")
        liaison.get_by_label("Message to the employer").fill(
            "Please describe the work instead of asking for young people."
        )
        liaison.get_by_role("button", name="Ask for changes").click()
        expect(liaison.locator(".confirmation")).to_contain_text("Changes requested for")

        # The employer reads the message, rewords the requirement and submits again.
        employer.get_by_role("link", name="Our offers").first.click()
        mine = employer.locator("tr", has_text=title)
        expect(mine).to_contain_text("Changes requested: Please describe the work")
        mine.get_by_role("link", name=title).click()
        expect(employer.locator("#history-title + ul")).to_contain_text(
            "describe the work instead of asking for young people"
        )
        employer.get_by_label("Essential").fill("Works well in a team\nFood safety")
        expect(employer.locator("#live-findings")).not_to_contain_text("Young")
        employer.get_by_role("button", name="Save and submit for review").click()
        expect(employer.get_by_text("Submitted", exact=True)).to_be_visible()
        expect(employer.locator(".findings")).to_have_count(0)
        j.check("employer", "journey-offer-resubmitted")

        # The officer publishes it, logs a visit to the company, checks the tutor board.
        liaison.get_by_role("link", name="Review queue").click()
        liaison.locator("#queue").get_by_role("link", name=title).click()
        expect(liaison.locator(".offer-text mark")).to_have_count(0)
        expect(liaison.locator(".offer-text")).to_contain_text("Works well in a team")
        liaison.get_by_role("button", name="Publish the offer").click()
        expect(liaison.locator(".confirmation")).to_contain_text("is published")
        liaison.get_by_role("link", name="Companies").first.click()
        liaison.get_by_role("link", name="Gasthaus Zur Linde").click()
        log = liaison.locator("#log")
        log.get_by_label("Kind").select_option("visit")
        log.get_by_label("What was said or agreed").fill("Walked the kitchen; trial published")
        log.get_by_role("button", name="Log the contact").click()
        expect(liaison.locator("#events")).to_contain_text("Walked the kitchen; trial published")
        liaison.get_by_role("link", name="Tutors").first.click()
        card = liaison.locator(tutor)
        expect(card).to_contain_text("Maria Huber")
        expect(card).to_contain_text("Gasthaus Zur Linde")
        load_before = card.locator("p", has_text="Load:").inner_text()

        # A caseworker finds the offer on the client's shortlist, explained, and proposes her.
        caseworker = j.person("caseworker", "cw@tandem.example")
        caseworker.get_by_role("link", name="My clients").click()
        caseworker.get_by_role("link", name="Nasser, Samira").click()
        caseworker.get_by_role("button", name="Find offers for this client").click()
        expect(caseworker.get_by_role("heading", name="Offers for Samira Nasser")).to_be_visible()
        offer = caseworker.locator(".offer", has_text=title)
        expect(offer).to_have_count(1)
        offer.locator("summary").first.click()
        expect(offer).to_contain_text("km allowed")  # the explanation, opened
        expect(offer).to_contain_text("Met: 'Food safety' by 'Food safety'")
        offer.get_by_role("button", name="Propose Samira").click()
        offer = caseworker.locator(".offer", has_text=title)
        expect(offer.locator(".decisions")).to_contain_text("Proposed")
        j.check("caseworker", "journey-shortlist-proposed")

        # The employer accepts her with a start date.
        employer.get_by_role("link", name="Candidates proposed to us").first.click()
        row = employer.locator("#candidates tbody tr", has_text=title)
        row.get_by_role("link").first.click()
        expect(employer.get_by_role("heading", name="Samira")).to_be_visible()
        employer.get_by_role("radio", name="Accepted").check()
        employer.get_by_label("Start date (if accepted)").fill(start.isoformat())
        tab_to(employer, employer.get_by_role("button", name="Send our answer"))
        employer.keyboard.press("Enter")
        expect(employer.locator("main")).to_contain_text("Accepted")
        expect(employer.get_by_role("button", name="Send our answer")).to_have_count(0)
        j.check("employer", "journey-proposal-accepted")

        # The officer sees the planned placement, starts it on its day, and a week later
        # records the 7-day checkpoint.
        _move_clock(live_app, start)
        liaison.get_by_role("link", name="Follow-up").click()
        planned = liaison.locator("#planned tr", has_text="Samira Nasser")
        expect(planned).to_contain_text(title)
        planned.get_by_role("link").first.click()
        expect(liaison.locator("#placement-state")).to_have_text("Planned")
        expect(liaison.get_by_label("Started on")).to_have_value(start.isoformat())
        liaison.get_by_role("button", name="Start the placement").click()
        expect(liaison.locator("#placement-state")).to_have_text("Started")
        placement_url = liaison.url.split("#")[0]
        liaison.get_by_role("link", name="Tutors").first.click()
        expect(liaison.locator(tutor).locator("p", has_text="Load:")).not_to_have_text(load_before)
        _move_clock(live_app, start + timedelta(days=7))
        liaison.goto(placement_url)
        seven = liaison.locator("#checkpoints li", has_text="Day 7").filter(
            has=liaison.locator("form")
        )
        seven.get_by_label("Outcome").select_option("in_work")
        seven.get_by_label("Employer's satisfaction (1 to 5)").select_option("4")
        j.check("liaison", "journey-placement-day-7")
        seven.get_by_role("button", name="Record checkpoint").click()
        expect(liaison.locator("#checkpoints")).to_contain_text("Recorded on")

        # The employer files the tutor's report on the placement.
        employer.get_by_role("link", name="Our company").click()
        employer.locator("#placements").get_by_role("link", name="Samira").click()
        expect(employer.locator("#status")).to_contain_text("Started")
        report = employer.locator("form[action$='/report']")
        report.get_by_label("Attendance").select_option("completed")
        report.get_by_label("Skills observed, one per line").fill("Keeps the station clean")
        report.get_by_label("The person followed the job as it is done here").check()
        report.get_by_role("button", name="File the tutor's report").click()
        expect(employer.locator("#report")).to_contain_text("Keeps the station clean")
        liaison.goto(placement_url)
        expect(liaison.locator("dl.facts")).to_contain_text("Tutor's report")

        # The officer imports a CSV with one bad row and reads the report.
        liaison.get_by_role("link", name="Import offers").click()
        liaison.get_by_label("File to import").set_input_files(str(csv_file))
        liaison.get_by_role("button", name="Import", exact=True).click()
        expect(liaison.locator("#report")).to_be_visible()
        expect(liaison.locator("#row-3")).to_contain_text("Refused")
        expect(liaison.locator("#row-3")).to_contain_text("Wochenstunden")
        expect(liaison.locator("#row-2")).to_contain_text("Created")
        expect(liaison.get_by_text("1 row refused")).to_be_visible()

        # The indicators: the work trial, its one place taken, counted as filled (CSV).
        liaison.get_by_role("link", name="Indicators").click()
        liaison.get_by_label("Kind of offer").select_option("work_trial")
        liaison.get_by_role("button", name="Show").click()
        with liaison.expect_download() as download:
            liaison.locator("#chart-offers a[download]").click()
        saved = tmp_path / "offers.csv"
        download.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
        assert rows == [{"kind": "work_trial", "state": "filled", "count": "1"}]

        # An admin moves the client to another caseworker and finds the move on the trail.
        admin = j.person("admin", "admin@tandem.example")
        admin.get_by_role("link", name="Caseload").click()
        source, target = world.users["caseworker"], world.users["colleague"]
        admin.get_by_label("From caseworker").select_option(str(source.id))
        admin.get_by_label("To caseworker").select_option(str(target.id))
        admin.get_by_label("Only the clients numbered below").check()
        admin.get_by_label("Client numbers, separated by commas").fill(str(client_id))
        admin.get_by_role("button", name="Move the clients").click()
        expect(admin.locator(".notice")).to_contain_text("1 client moved")
        admin.get_by_role("link", name="Audit trail").click()
        admin.get_by_label("Client number").fill(str(client_id))
        admin.get_by_role("button", name="Show").click()
        expect(admin.locator("tbody")).to_contain_text("caseworker_id")
        admin.get_by_label("Action").select_option("transfer")
        admin.get_by_role("button", name="Show").click()
        expect(admin.locator("tbody tr")).to_have_count(1)
        j.check("admin", "journey-audit-client")

        problems, findings = j.problems(), j.findings()

    # Chromium logs every 4xx answer: this story has none, so nothing is excused.
    assert problems == []
    assert findings == {}
    assert (ARTEFACTS / FORM_SHOT).stat().st_size > 10_000


def test_the_first_steps_in_german(server: str, world: World) -> None:
    """The employer (German chosen as their language) writes a German work trial with an
    age requirement and sees it marked and held in German; the liaison officer (a German
    browser) finds it in the queue and asks for a change, in German."""
    from playwright.sync_api import expect

    title = "Küchenhilfe für den Mittagstisch"
    with journey(server) as j:
        employer = j.person("employer", "boss@linde.example")
        employer.get_by_role("link", name="My language").click()
        employer.get_by_label("Deutsch").check()
        employer.get_by_role("button", name="Save my language").click()
        expect(employer.locator("html")).to_have_attribute("lang", "de")
        employer.get_by_role("link", name="Unsere Angebote").first.click()
        employer.get_by_role("link", name="Neues Angebot").first.click()
        employer.get_by_label("Art des Angebots").select_option("work_trial")
        employer.get_by_label("Titel").fill(title)
        employer.get_by_label("Unverzichtbar").fill("Junge Mitarbeiterin für unser Team")
        live = employer.locator("#live-findings")
        expect(live).to_contain_text("Junge")
        expect(live).to_contain_text("Alter")
        employer.get_by_label("Stunden pro Woche").fill("20")
        employer.locator("#contract_type").select_option("none")
        employer.locator("#postcode").fill("1100")
        employer.locator("#tutor_id").select_option(str(world.ids["tutor_a"]))
        employer.get_by_role("button", name="Speichern und zur Prüfung einreichen").click()
        expect(employer.locator(".findings")).to_contain_text("Junge")
        expect(employer.locator(".findings")).to_contain_text("Alter")
        j.check("employer", "journey-offer-held-de")

        german = Journey(j.browser, server, "de-AT")
        liaison = german.person("liaison", "liaison@tandem.example")
        liaison.get_by_role("link", name="Prüfliste").click()
        row = liaison.locator("#queue tr", has_text=title)
        # Both grounds: the age ("Junge") and the sex (only the female form, "Mitarbeiterin").
        expect(row).to_contain_text("2 Befunde · Geschlecht · Alter")
        row.get_by_role("link", name=title).click()
        expect(liaison.locator(".offer-text mark")).to_contain_text("Junge")
        expect(liaison.locator(".finding-notes")).to_contain_text("Alter")
        liaison.locator("textarea[name='message']").fill("Bitte beschreiben Sie die Aufgaben.")
        liaison.locator("form[action$='/request-changes'] button[type='submit']").click()
        expect(liaison.locator(".confirmation")).to_contain_text("angefordert")
        german.check("liaison", "journey-review-changes-de")
        employer.reload()
        expect(employer.locator("#history-title + ul")).to_contain_text(
            "Bitte beschreiben Sie die Aufgaben."
        )
        problems = j.problems() + german.problems()
        findings = {**j.findings(), **german.findings()}

    assert problems == []
    assert findings == {}
