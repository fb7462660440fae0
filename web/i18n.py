"""Translations for the pages: every visible string goes through gettext (the Jinja2 i18n
extension in templates, ``_`` in Python). English is the source language, so its catalogue is
the identity; ``PseudoTranslations`` wraps every message in markers so a test can find
visible text that was never marked."""

from __future__ import annotations

import gettext

ENGLISH = gettext.NullTranslations()
PSEUDO_OPEN = "⟦"
PSEUDO_CLOSE = "⟧"


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
