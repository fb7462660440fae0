"""Translations ready: under a pseudo-locale that wraps every message in ⟦ ⟧, every word a
page shows is either inside the markers or a value from the database (a name, a title, a
person's own words). A word in neither was never marked for translation."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import String, Text, select
from sqlalchemy.orm import Session, sessionmaker

from employers.screening import Screener
from models.base import Base
from tests.web.pages import csrf_token, post_form, sign_in
from tests.world import World
from web.deps import build_pages
from web.i18n import PSEUDO_CLOSE, PSEUDO_OPEN, PseudoTranslations

MARKED = re.compile(re.escape(PSEUDO_OPEN) + ".*?" + re.escape(PSEUDO_CLOSE), re.S)
WORD = re.compile(r"[^\W\d_]{2,}")


def _data_words(db: sessionmaker[Session]) -> set[str]:
    words: set[str] = set()
    with db() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in session.execute(select(*columns)):
                for value in row:
                    if isinstance(value, str):
                        words |= set(WORD.findall(value))
    return words


def _unmarked(html: str, data: set[str]) -> set[str]:
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "title"]):
        hidden.decompose()
    # A language's own name ("Deutsch") carries its own ``lang``: it is never translated.
    for autonym in page.find_all(lambda tag: tag.name != "html" and tag.has_attr("lang")):
        autonym.decompose()
    texts = [page.get_text(" ")]
    texts += [
        str(v)
        for tag in page.find_all(True)
        for k, v in tag.attrs.items()
        if k in ("aria-label", "placeholder", "alt")
    ]
    left = MARKED.sub(" ", " ".join(texts))
    return {w for w in WORD.findall(left) if w not in data}


YOUNG = "Young and dynamic"
SCREENED = Screener.from_files(None, None).screen_fields([("requirements.0", YOUNG)])


def _employer_pages(client: TestClient, world: World) -> dict[str, str]:
    """Every employer page, with a held offer's findings, a refused form and a live screening."""
    client.cookies.clear()
    sign_in(client, "boss@linde.example")
    offer: dict[str, object] = {
        "kind": "work_trial",
        "title": "Dishwasher",
        "essential": YOUNG,
        "hours_per_week": "20",
        "contract_type": "none",
        "postcode": "1100",
        "tutor_id": str(world.ids["tutor_a"]),
        "action": "submit",
    }
    held = post_form(client, "/company/offers/new", offer, page="/company/offers/new")
    assert held.url.path.startswith("/company/offers/")
    proposal = f"/company/candidates/{world.ids['proposal_a']}"
    token = csrf_token(client, "/")
    return {
        "employer /": client.get("/").text,
        "/company/offers": client.get("/company/offers").text,
        "/company/offers/new": client.get("/company/offers/new").text,
        "held offer": held.text,
        "draft offer": client.get(f"/company/offers/{world.ids['offer_a_draft']}").text,
        "offer refused": post_form(
            client, "/company/offers/new", {**offer, "title": "", "hours_per_week": "99"}
        ).text,
        "live screening": client.post(
            "/company/offers/screen",
            data={"essential": YOUNG, "csrf_token": token},
            headers={"HX-Request": "true"},
        ).text,
        "/company/candidates": client.get("/company/candidates").text,
        "candidate": client.get(proposal).text,
        "answer refused": post_form(client, proposal + "/answer", {"answer": "declined"}).text,
    }


def test_every_visible_word_on_every_page_is_marked_for_translation(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    client.app.state.pages = build_pages(PseudoTranslations())  # type: ignore[attr-defined]
    client_id = world.ids["client_a"]
    pages = {"/sign-in": client.get("/sign-in").text}
    sign_in(client, "cw@tandem.example")
    made = post_form(client, f"/clients/{client_id}/shortlists", {}, page="/")
    assert made.url.path.startswith("/shortlists/")
    extracted = client.post(
        f"/clients/{client_id}/experience",
        data={"story": "I ran the parish food bank", "csrf_token": csrf_token(client, "/")},
    )
    pages.update(
        {
            "/": client.get("/").text,
            "/clients": client.get("/clients").text,
            "client": client.get(f"/clients/{client_id}").text,
            "experience": extracted.text,
            "shortlist": made.text,
            "why-not": client.get(made.url.path + "/why-not?q=Kitchen").text,
            "/proposals": client.get("/proposals").text,
            "personal": client.get(f"/clients/{client_id}/personal").text,
            "skill concepts": client.get(
                f"/clients/{client_id}/skills/{world.ids['skill_a']}/concepts?q=food"
            ).text,
            "languages refused": post_form(
                client,
                f"/clients/{client_id}/languages",
                {"version": "1", "languages-0-language": "xx", "languages-0-level": "B1"},
            ).text,
            "/account/password": client.get("/account/password").text,
            "/account/language": client.get("/account/language").text,
            "404": client.get("/clients/999999").text,
        }
    )
    client.cookies.clear()
    sign_in(client, "admin@tandem.example")
    pages["/admin/users"] = client.get("/admin/users").text
    pages.update(_employer_pages(client, world))
    data = _data_words(db) | set(WORD.findall("I ran the parish food bank"))  # typed in
    # The screening rules' own words (the phrase found, the rule's suggested rewording) are
    # data from the rules file, one file per language, as a title is from the database.
    data |= set(WORD.findall(" ".join(f.span + " " + f.suggestion for f in SCREENED)))
    for name, html in pages.items():
        assert PSEUDO_OPEN in html, name
        assert _unmarked(html, data) == set(), name
