"""The pages in the reader's language: the browser's ``Accept-Language`` for anyone, the
person's own setting once signed in; dates and numbers as that language writes them."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from models.user import User
from tests.web.pages import post_form, sign_in, soup
from tests.web.test_shortlist_page import _offers, _with_hygiene
from tests.world import World
from web.deps import build_pages
from web.i18n import LOCALE_DIR

GERMAN = {"Accept-Language": "de-AT,de;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def _lang(response: object) -> str:
    html = soup(response).find("html")
    assert html is not None
    return str(html["lang"])


def test_the_sign_in_page_speaks_the_browsers_language(client: TestClient) -> None:
    german = client.get("/sign-in", headers=GERMAN)
    assert _lang(german) == "de"
    page = soup(german)
    assert page.h1 is not None
    assert page.h1.get_text(strip=True) == "Bei Tandem anmelden"
    assert "Zum Inhalt springen" in german.text
    english = client.get("/sign-in", headers=ENGLISH)
    assert _lang(english) == "en"
    assert "Sign in to Tandem" in english.text
    unknown = client.get("/sign-in", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert _lang(unknown) == "en"


def test_a_wrong_sign_in_answers_in_the_browsers_language(client: TestClient) -> None:
    refused = client.post(
        "/sign-in",
        data={"email": "cw@tandem.example", "password": "wrong", "csrf_token": _token(client)},
        headers=GERMAN,
    )
    assert refused.status_code == 400
    assert "E-Mail-Adresse oder Passwort ist falsch" in refused.text


def _token(client: TestClient) -> str:
    field = soup(client.get("/sign-in")).find("input", attrs={"name": "csrf_token"})
    assert field is not None
    return str(field["value"])


def test_the_persons_setting_wins_over_the_browser(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    form = soup(client.get("/account/language", headers=GERMAN))
    assert _lang(client.get("/account/language", headers=GERMAN)) == "de"
    choices = {str(i["value"]) for i in form.select("input[name=language]")}
    assert choices == {"", "en", "de"}
    deutsch = form.find("label", attrs={"lang": "de"})
    assert deutsch is not None
    assert deutsch.get_text(strip=True) == "Deutsch"

    saved = post_form(client, "/account/language", {"language": "de"}, page="/account/language")
    assert saved.status_code == 200
    assert "Ihre Sprache wurde gespeichert." in saved.text
    with db() as session:
        user = session.get(User, world.users["caseworker"].id)
        assert user is not None
        assert user.language == "de"

    # An English browser: the setting still wins, on every page.
    post_form(
        client,
        f"/clients/{client_id}/contacts",
        {"channel": "phone", "contacted_on": "2026-01-05", "note": ""},
    )
    profile = client.get(f"/clients/{client_id}", headers=ENGLISH)
    assert _lang(profile) == "de"
    contacts = soup(profile).select_one("#contacts")
    assert contacts is not None
    assert "05.01.2026 · Telefon" in contacts.get_text()
    assert "Kontaktprotokoll" in profile.text
    assert "38,5 Std. pro Woche" in profile.text  # the world's 38.5 hours, a decimal comma
    assert "Mein Passwort ändern" in profile.text

    back = post_form(client, "/account/language", {"language": ""}, page="/account/language")
    assert back.status_code == 200
    after = client.get(f"/clients/{client_id}", headers=ENGLISH)
    assert _lang(after) == "en"
    assert "2026-01-05 · Phone" in after.text
    assert "38.5 h a week" in after.text


def test_a_language_not_offered_is_refused_and_nothing_changes(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    sign_in(client, "cw@tandem.example")
    refused = post_form(client, "/account/language", {"language": "xx"}, page="/account/language")
    assert refused.status_code == 400
    assert soup(refused).select_one("#language-error") is not None
    with db() as session:
        user = session.get(User, world.users["caseworker"].id)
        assert user is not None
        assert user.language is None


def test_a_shortlist_explains_itself_in_german(client: TestClient, world: World) -> None:
    near, far = _offers(world)
    sign_in(client, "cw@tandem.example")
    post_form(client, "/account/language", {"language": "de"}, page="/account/language")
    _with_hygiene(client, world)
    made = post_form(client, f"/clients/{world.ids['client_a']}/shortlists", {}, page="/")
    assert made.url.path.startswith("/shortlists/")
    page = soup(made)
    assert page.h1 is not None
    assert page.h1.get_text(strip=True).startswith("Angebote für")
    # "Erstellt am 30.11.2026 12:09": the German date, then the time.
    assert re.search(r"Erstellt am \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", made.text)
    item = page.select_one(f"#offer-{near}")
    assert item is not None
    text = item.get_text(" ", strip=True)
    assert re.search(r"Bewertung \d,\d{2}", text), "the score with a decimal comma"
    assert "Erfüllt: „Food hygiene“ durch „Food safety“" in text
    assert "Entfernung: " in text
    assert "km von 20 km erlaubt" in text
    assert re.search(r"Anrechnung \d,\d{2}\)", text), "a credit with a decimal comma"
    funnel = page.select_one(".funnel")
    assert funnel is not None
    assert "1 weiter entfernt als erlaubt" in funnel.get_text()
    count = page.select_one("#count")
    assert count is not None
    assert count.get_text(strip=True).startswith("1 Angebot aufgelistet,"), "the singular"


def test_counts_take_the_plural_of_the_language(client: TestClient, world: World) -> None:
    sign_in(client, "admin@tandem.example")
    users = soup(client.get("/admin/users", headers=GERMAN)).find("p", attrs={"role": "status"})
    assert users is not None
    assert users.get_text(strip=True) == f"{len(world.users)} Konten"


def test_french_is_one_catalogue_and_no_code(
    client: TestClient, tmp_path: Path, world: World
) -> None:
    """A folder with a catalogue is a language offered: nothing else names it."""
    for language in ("de",):
        (tmp_path / language / "LC_MESSAGES").mkdir(parents=True)
        source = LOCALE_DIR / language / "LC_MESSAGES" / "tandem.po"
        (tmp_path / language / "LC_MESSAGES" / "tandem.po").write_bytes(source.read_bytes())
    french = tmp_path / "fr" / "LC_MESSAGES"
    french.mkdir(parents=True)
    (french / "tandem.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "Sign in to Tandem"\nmsgstr "Se connecter à Tandem"\n',
        encoding="utf-8",
    )
    client.app.state.pages = build_pages(locale_dir=tmp_path)  # type: ignore[attr-defined]
    page = client.get("/sign-in", headers={"Accept-Language": "fr-BE,fr;q=0.9,de;q=0.5"})
    assert _lang(page) == "fr"
    assert "Se connecter à Tandem" in page.text
    sign_in(client, "cw@tandem.example")
    choices = soup(client.get("/account/language")).select("input[name=language]")
    assert {str(i["value"]) for i in choices} == {"", "en", "de", "fr"}
    label = soup(client.get("/account/language")).find("label", attrs={"lang": "fr"})
    assert label is not None
    assert label.get_text(strip=True) == "Français"
