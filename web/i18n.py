"""Translations for the pages: every visible string goes through gettext (the Jinja2 i18n
extension in templates, ``_`` in Python).

English is the source language, so its catalogue is the identity. Every other language is one
catalogue, ``web/locale/<code>/LC_MESSAGES/tandem.po``: the languages offered are the folders
found there, so adding one is adding its catalogue, no code. The ``.po`` files are compiled in
memory when the pages are built (Babel's ``write_mo``): nothing to compile at install time,
and no stale ``.mo`` can disagree with its source. Fuzzy entries are left out, as ``msgfmt``
would.

``PseudoTranslations`` wraps every message in markers so a test can find visible text that
was never marked.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from babel.core import Locale, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "tandem"
#: The language the messages are written in.
SOURCE_LANGUAGE = "en"

ENGLISH = gettext.NullTranslations()
PSEUDO_OPEN = "⟦"
PSEUDO_CLOSE = "⟧"

_LANGUAGE_RANGE = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


class PseudoTranslations(gettext.NullTranslations):
    """A pseudo-locale: each message comes back as ``⟦message⟧``."""

    def gettext(self, message: str) -> str:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


def catalogue_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """English, then every language with a catalogue in ``locale_dir``, by code."""
    found = sorted(
        folder.name
        for folder in locale_dir.iterdir()
        if folder.is_dir() and catalogue_path(folder.name, locale_dir).is_file()
    )
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def load_catalogue(language: str, locale_dir: Path = LOCALE_DIR) -> Translations:
    """A language's ``.po`` compiled in memory (fuzzy entries left out)."""
    with catalogue_path(language, locale_dir).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    mo = BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def preferred_languages(accept_language: str | None) -> list[str]:
    """The language ranges of an ``Accept-Language`` header, most wanted first (``q=0``
    dropped, ``*`` ignored, ties kept in the header's order)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        name, _, params = part.strip().partition(";")
        name = name.strip()
        if not _LANGUAGE_RANGE.match(name):
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, name.replace("-", "_")))
    return [name for _, _, name in sorted(ranked)]


def negotiate(accept_language: str | None, offered: Sequence[str]) -> str | None:
    """The offered language that best fits the header (Babel's negotiation: ``de-AT``
    finds ``de``), or None."""
    found: str | None = negotiate_locale(preferred_languages(accept_language), offered, sep="_")
    return found


def autonym(language: str) -> str:
    """A language's name in that language ("Deutsch"), for choosing it."""
    locale = Locale.parse(language)
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:]


def html_lang(language: str) -> str:
    """The ``lang`` attribute for a language code: BCP 47 (``de_AT`` -> ``de-AT``)."""
    return language.replace("_", "-")
