"""The text the screening rules read: a normalised copy of an offer's text that keeps a map back
to the original, so a finding's span still points at what the employer wrote.

Normalising undoes the usual ways to slip a word past the rules: invisible and formatting
characters inside a word (zero-width space, soft hyphen, word joiner, byte-order mark),
compatibility forms (fullwidth letters, ligatures, non-breaking spaces: Unicode NFKC),
decomposed accents as some keyboards paste them ("Ma\u0308nner"), typographic quotation marks
(read as spaces), and letters of another
script that look like Latin ones (Cyrillic "а", Greek "ο"), folded with the Unicode
confusables table that ``confusable_homoglyphs`` ships (no network at run time).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_WORD_JOINERS = {"\u034f"}  # combining grapheme joiner: a mark, but invisible
#: Typographic quotation marks read as a space, so a quoted word (Profil « européen ») reads
#: like an unquoted one; the apostrophes of "d'origine" stay.
_QUOTES = frozenset("«»‹›“”„‟")


@cache
def look_alikes() -> dict[str, str]:
    """Each non-Latin letter that Unicode lists as confusable with one ASCII letter, to it."""
    table = json.loads(
        files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    )
    folds: dict[str, str] = {}
    for char, homoglyphs in table.items():
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("LATIN") and unicodedata.decomposition(char):
            continue  # an accented Latin letter is a letter of its own, never folded
        targets = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()]
        letters = [t for t in targets if t.isalpha()]
        if letters:
            folds[char] = letters[0]
    return folds


@dataclass(frozen=True)
class ScreeningText:
    """``text`` is what the rules read; ``starts[i]`` and ``ends[i]`` are where its i-th
    character came from in ``original``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind ``text[start:end]``."""
        if self.text is self.original:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in _WORD_JOINERS


def _fold_word(word: list[tuple[str, int, int]], folds: dict[str, str]) -> None:
    """Fold look-alikes in a word only where the word reads as Latin: every letter Latin or a
    look-alike of one (a word really written in Cyrillic or Greek is left alone)."""
    if not any(c in folds for c, _s, _e in word):
        return
    for c, _s, _e in word:
        if c.isalpha() and c not in folds and not unicodedata.name(c, "").startswith("LATIN"):
            return
    for i, (c, s, e) in enumerate(word):
        if c in folds:
            word[i] = (folds[c], s, e)


def normalise(original: str) -> ScreeningText:
    if original.isascii():
        return ScreeningText(original, original, (), ())
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(original)
    while i < n:
        if _invisible(original[i]):
            i += 1
            continue
        # a base character and the combining marks after it (invisible ones skipped) form one
        # unit: NFKC composes them, and each character out of it maps back to the whole unit
        j = i + 1
        unit = [original[i]]
        while j < n and (unicodedata.combining(original[j]) or _invisible(original[j])):
            if not _invisible(original[j]):
                unit.append(original[j])
            j += 1
        for char in unicodedata.normalize("NFKC", "".join(unit)):
            out.append((" " if char in _QUOTES else char, i, j))
        i = j
    folds = look_alikes()
    word: list[tuple[str, int, int]] = []
    folded: list[tuple[str, int, int]] = []
    for item in out:
        if item[0].isalpha():
            word.append(item)
            continue
        _fold_word(word, folds)
        folded += word
        word = []
        folded.append(item)
    _fold_word(word, folds)
    folded += word
    return ScreeningText(
        original,
        "".join(c for c, _s, _e in folded),
        tuple(s for _c, s, _e in folded),
        tuple(e for _c, _s, e in folded),
    )
