"""The caseworker's journey in a real browser (Debian's Chromium driven by Playwright),
against a server on a free port with the small test world. Fails on any Content-Security-
Policy violation or script error in the console, and on any serious or critical axe-core
finding at 1280 px and 768 px; screenshots of each page at both widths are kept as
artefacts (``TANDEM_ARTEFACTS_DIR``, default ``var/artefacts/pages``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.api.test_shortlists import LINZ, Requirement, add_offer
from tests.web.browser import CHROMIUM, Checker, tab_to
from tests.world import PASSWORD, World

pytestmark = pytest.mark.slow


def _offers_to_find(world: World) -> None:
    """A nearby offer that needs food hygiene and one in Linz, beyond the client's reach."""
    need: list[Requirement] = [("Food hygiene", True, world.ids["concept"])]
    add_offer(world, "Cook at the parish café", need)
    add_offer(world, "Cook in Linz", need, latitude=LINZ[0], longitude=LINZ[1])


def test_the_caseworkers_day_in_a_browser(server: str, world: World) -> None:
    from playwright.sync_api import expect, sync_playwright

    _offers_to_find(world)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        checker = Checker(page)

        page.goto(server + "/")
        expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()
        checker.check("sign-in")
        page.get_by_label("Email").fill("cw@tandem.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Inbox")).to_be_visible()
        checker.check("start")

        # Find a client by typing (htmx filters as you type).
        page.get_by_role("link", name="My clients").click()
        page.get_by_label("Name or reference").fill("Hadd")
        expect(page).to_have_url(re.compile(r"q=Hadd"))
        checker.check("clients")
        page.get_by_role("link", name="Haddad, Amina").click()
        expect(page.get_by_role("heading", name="Amina Haddad")).to_be_visible()
        checker.check("client")

        # Add what this person has done, from a sentence; confirm the proposed skill.
        page.get_by_label("In the person's own words").fill("Food safety; cooking for the parish")
        page.get_by_role("button", name="Find skills in it").click()
        expect(page.get_by_label("apply food hygiene")).to_be_checked()
        page.get_by_role("button", name="Save the ticked skills").click()
        expect(page.locator("#skills")).to_contain_text("Food safety")
        expect(page.locator("#skills")).to_contain_text("apply food hygiene")

        # The shortlist, keyboard only (Tab to each control, then Enter or Space): find offers,
        # read an explanation, relax the distance in place, follow the funnel's suggestion,
        # propose.
        page.goto(server + f"/clients/{world.ids['client_a']}")
        tab_to(page, page.get_by_role("button", name="Find offers for this client"))
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Offers for Amina Haddad")).to_be_visible()
        offers = page.locator(".offer")
        expect(offers.first).to_contain_text("Cook at the parish café")
        tab_to(page, page.locator(".offer summary").first)
        page.keyboard.press("Enter")
        expect(offers.first).to_contain_text("km allowed")
        expect(page.get_by_role("heading", name="Why the list is short")).to_be_visible()
        checker.check("shortlist")
        before = page.url
        tab_to(page, page.get_by_label("More km"))
        page.keyboard.press("Control+A")
        page.keyboard.type("10")
        page.keyboard.press("Enter")
        expect(page).not_to_have_url(before)
        expect(page.get_by_label("More km")).to_have_value("10")
        expect(page.locator("#shortlist")).not_to_contain_text("Cook in Linz")
        tab_to(page, page.locator(".funnel form button"))
        page.keyboard.press("Space")
        expect(offers.filter(has_text="Cook in Linz")).to_have_count(1)
        tab_to(page, page.get_by_role("button", name="Propose Amina").first)
        page.keyboard.press("Enter")
        expect(page.locator(".decisions").first).to_contain_text("Proposed")

        # Why is an offer missing?
        page.get_by_role("search").get_by_label("Title or company").fill("Linde")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Why not this offer?")).to_be_visible()
        checker.check("why-not")

        # The proposal on the client's page; withdraw consent: proposing is off, and why.
        page.goto(server + f"/clients/{world.ids['client_a']}")
        expect(page.locator("#proposals")).to_contain_text("Cook at the parish café")
        page.get_by_role("button", name="Withdraw consent: Employers").click()
        page.get_by_role("button", name="Find offers for this client").click()
        expect(page.get_by_role("button", name="Propose Amina").first).to_be_disabled()
        off = "Off: no consent to share the profile with employers."
        expect(page.get_by_text(off).first).to_be_visible()

        # A checkpoint, recorded from its inbox alert.
        page.get_by_role("link", name="Start").click()
        page.get_by_role("link", name="Record this checkpoint").click()
        checker.check("proposals")
        page.get_by_role("button", name="Record checkpoint").first.click()
        expect(page.get_by_text("No checkpoint is waiting for you.")).to_be_visible()

        # Change my password, sign out, sign in again.
        page.get_by_role("link", name="Change my password").click()
        checker.check("password")
        page.get_by_label("Current password").fill(PASSWORD)
        page.get_by_label("New password (at least 8 characters, hard to guess)").fill(
            "a new passphrase"
        )
        page.get_by_label("New password again").fill("a new passphrase")
        page.get_by_role("button", name="Change my password").click()
        expect(page.get_by_text("Your password was changed.")).to_be_visible()
        page.get_by_role("button", name="Sign out").click()
        page.get_by_label("Email").fill("cw@tandem.example")
        page.get_by_label("Password").fill("a new passphrase")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Inbox")).to_be_visible()

        # An admin creates a user and resets a password.
        page.get_by_role("button", name="Sign out").click()
        page.get_by_label("Email").fill("admin@tandem.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Users").click()
        checker.check("users")
        form = page.locator("form[method='post'][action='/admin/users']")
        form.get_by_label("Email").fill("nora@tandem.example")
        form.get_by_label("Name").fill("Nora Neu")
        form.get_by_label("Role").select_option("caseworker")
        form.get_by_label("First password").fill("first password")
        form.get_by_role("button", name="Create user").click()
        expect(page.get_by_text("The user was created.")).to_be_visible()
        row = page.locator("tr", has_text="nora@tandem.example")
        row.get_by_label("Temporary password").fill("temporary orange one")
        row.get_by_role("button", name="Reset the password of Nora Neu").click()
        expect(page.locator("tr", has_text="nora@tandem.example")).to_contain_text(
            "must choose a new password"
        )
        browser.close()

    assert checker.problems == []
    assert {k: v for k, v in checker.findings.items() if v} == {}


def test_the_employers_offer_and_answer_in_a_browser(server: str, world: World) -> None:
    """An employer writes a work trial with a discriminatory requirement, sees it marked while
    typing, applies one finding's rewording in one click, submits anyway and sees it held with
    the ground; then answers a proposal."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        checker = Checker(page)
        page.goto(server + "/sign-in")
        page.get_by_label("Email").fill("boss@linde.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Our offers").first.click()
        expect(page.get_by_role("heading", name="Our offers")).to_be_visible()
        checker.check("employer-offers")

        page.get_by_role("link", name="New offer").first.click()
        page.get_by_label("Kind of offer").select_option("work_trial")
        page.get_by_label("Title").fill("Kitchen help")
        page.get_by_label("Essential").fill("Young and dynamic\nSalesman experience")
        live = page.locator("#live-findings")
        expect(live).to_contain_text("Young and dynamic")  # screened while typing
        expect(live).to_contain_text("age")
        # One click applies a finding's neutral rewording in that line, and screens again.
        salesman = live.locator("li", has_text="Salesman")
        salesman.get_by_role("button", name="Apply").click()
        expect(live).not_to_contain_text("Salesman")
        expect(page.get_by_label("Essential")).to_have_value(
            "Young and dynamic\nSalesperson experience"
        )
        expect(live).to_contain_text("Young and dynamic")
        page.get_by_label("Hours per week").fill("20")
        page.get_by_label("Contract", exact=True).select_option("none")
        page.get_by_label("Workplace postcode", exact=True).fill("1100")
        page.get_by_label("Tutor", exact=True).select_option(str(world.ids["tutor_a"]))
        checker.check("employer-offer-form")
        page.get_by_role("button", name="Save and submit for review").click()
        expect(page.get_by_text("Held for review", exact=True)).to_be_visible()
        expect(page.locator(".findings")).to_contain_text("instead of age")
        checker.check("employer-offer-held")

        page.get_by_role("link", name="Candidates proposed to us").first.click()
        checker.check("employer-candidates")
        page.locator("#candidates tbody a").first.click()
        page.get_by_role("radio", name="Declined").check()
        page.get_by_label("Reason (if declined)").select_option("language_level")
        checker.check("employer-candidate")
        page.get_by_role("button", name="Send our answer").click()
        expect(page.locator("#history-title + ul")).to_contain_text("Language level")
        browser.close()

    assert checker.problems == []
    assert {k: v for k, v in checker.findings.items() if v} == {}


def test_the_api_docs_load_with_the_network_cut(server: str) -> None:
    """Swagger UI from the installed package: every request but the server's own is refused,
    and the page still shows the operations, with no CSP violation or script error."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        elsewhere: list[str] = []

        def only_this_server(route: Any) -> None:
            if route.request.url.startswith(server):
                route.continue_()
            else:
                elsewhere.append(route.request.url)
                route.abort()

        page.route("**/*", only_this_server)
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.goto(server + "/docs")
        expect(page.get_by_text("/api/v1/auth/token").first).to_be_visible(timeout=20_000)
        browser.close()
    assert elsewhere == []
    assert problems == []
