"""The catalogues: the template holds every message the code and the templates mark, and
every language's catalogue translates every message of the template, keeping its
placeholders. Adding a language is adding its catalogue (``web/locale/<code>/LC_MESSAGES``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from employers.screening import GROUND_WORDS, Ground
from shortlists.render import Words
from web.i18n import (
    ENGLISH,
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    available_languages,
    catalogue_path,
    load_catalogue,
    negotiate,
    preferred_languages,
)
from web.labels import labeller

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = LOCALE_DIR / "tandem.pot"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")
TRANSLATED = [code for code in available_languages() if code != SOURCE_LANGUAGE]


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=locale)


def _texts(value: object) -> list[str]:
    """A message's singular and plural (or its translations) as a list of strings."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, tuple | list) else []


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_the_template_holds_every_marked_message() -> None:
    """Fails when a marked message is not in ``web/locale/tandem.pot``: run ``make messages``."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map, keywords)
    }
    stale = _ids(_read(TEMPLATE)) - found
    assert found - _ids(_read(TEMPLATE)) == set(), "run `make messages`: the template lags"
    assert stale == set(), "run `make messages`: the template holds messages no longer used"


def test_german_is_offered() -> None:
    assert "de" in TRANSLATED
    assert available_languages()[0] == SOURCE_LANGUAGE


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_translates_every_message_of_the_template(language: str) -> None:
    template = _read(TEMPLATE)
    catalogue = _read(catalogue_path(language), locale=language)
    missing, empty, fuzzy, placeholders = [], [], [], []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id)
        if found is None:
            missing.append(message.id)
            continue
        strings = _texts(found.string)
        if not all(strings):
            empty.append(message.id)
        if found.fuzzy:
            fuzzy.append(message.id)
        wanted = set(PLACEHOLDER.findall(" ".join(_texts(message.id))))
        if any(s and set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            placeholders.append(message.id)
    assert missing == [], f"{language}: not in the catalogue (run `make messages`)"
    assert empty == [], f"{language}: not translated"
    assert fuzzy == [], f"{language}: fuzzy, check and clear the flag"
    assert placeholders == [], f"{language}: placeholders differ from the message's"
    assert catalogue.plural_forms, f"{language}: the catalogue names no plural forms"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_loads_and_translates(language: str) -> None:
    translations = load_catalogue(language)
    assert translations.gettext("Sign in") != "Sign in"


def test_a_fuzzy_entry_is_left_out_when_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "tandem.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Sign in"\nmsgstr "Se connecter"\n\n'
        '#, fuzzy\nmsgid "Sign out"\nmsgstr "Se connecter"\n',
        encoding="utf-8",
    )
    assert available_languages(tmp_path) == ["en", "fr"]
    french = load_catalogue("fr", tmp_path)
    assert french.gettext("Sign in") == "Se connecter"
    assert french.gettext("Sign out") == "Sign out"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("de-AT,de;q=0.9,en;q=0.8", "de"),
        ("en-GB,en;q=0.9,de;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,de;q=0.5", "de"),
        ("de;q=0.2,en;q=0.9", "en"),
        ("de;q=0, en", "en"),
        ("fr, it", None),
        ("", None),
        ("*", None),
        ("de-AT;q=bad, en", "en"),
    ],
)
def test_accept_language_is_negotiated(header: str, expected: str | None) -> None:
    assert negotiate(header, ["en", "de"]) == expected


def test_preferred_languages_keep_the_header_order_among_equals() -> None:
    assert preferred_languages("fr, de-AT, en;q=0.5, it;q=0.5") == ["fr", "de_AT", "en", "it"]


def test_screening_grounds_read_in_the_readers_language() -> None:
    german = labeller(load_catalogue("de").gettext)
    english = labeller(ENGLISH.gettext)
    for ground in Ground:
        assert english(ground) == GROUND_WORDS[ground]
        assert german(ground) not in ("", GROUND_WORDS[ground], ground.value)
    assert german(Ground.religion) == "Religion oder Weltanschauung"


def test_explanations_write_numbers_and_dates_as_the_readers_language_does() -> None:
    german = Words.of(load_catalogue("de"))
    assert german.locale == "de"
    assert (german.number(12.44), german.number(12.0), german.number(1250)) == (
        "12,4",
        "12",
        "1.250",
    )
    assert german.fixed(0.8234, 2) == "0,82"
    assert german.fixed(0.5, 4) == "0,5000"
    assert german.weight(0.6) == "0,6"
    assert german.date("2026-11-26") == "26.11.2026"
    english = Words.of(ENGLISH)
    assert english.locale is None
    assert (english.number(12.44), english.number(12.0)) == ("12.4", "12")
    assert english.fixed(0.8234, 2) == "0.82"
    assert english.weight(0.6) == "0.6"
    assert english.date("2026-11-26") == "2026-11-26"
