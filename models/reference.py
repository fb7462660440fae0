"""Reference data shipped with Tandem: economic sectors, education levels, languages.

The CSV files live in ``models/reference_data`` and are read once, lazily:

* ``nace_rev2.csv`` -- NACE Rev. 2, the EU statistical classification of economic
  activities (Regulation (EC) No 1893/2006, Eurostat): the 21 sections and 88
  divisions with their official English labels.
* ``isced2011.csv`` -- ISCED 2011 levels of education 0-8 (UNESCO Institute for
  Statistics).
* ``cefr.csv`` -- the six Common European Framework of Reference for Languages
  levels (Council of Europe), with their order and names.
* ``languages.csv`` -- all ISO 639-1 two-letter codes plus selected ISO 639-3
  codes for languages without a two-letter code (Romani varieties, Kurdish and
  Arabic varieties, Berber languages, sign languages, ...), taken from the ISO
  639-2/639-3 code tables (Library of Congress, SIL International) as packaged in
  Debian ``iso-codes``. Lookups are case-sensitive; codes are lower-case.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from models.errors import InvalidInput

__all__ = [
    "CEFR_LEVELS",
    "NaceDivision",
    "cefr_rank",
    "is_cefr_level",
    "is_isced_level",
    "is_language_code",
    "is_nace_code",
    "isced_levels",
    "languages",
    "nace_divisions",
    "nace_label",
    "nace_sections",
]

_DATA_DIR = "reference_data"


@dataclass(frozen=True)
class NaceDivision:
    """A two-digit NACE Rev. 2 division and the section letter it belongs to."""

    code: str
    label: str
    section: str


def _read_rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("models").joinpath(_DATA_DIR, filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _unique(pairs: list[tuple[str, str]], filename: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"{filename}: duplicate code {key!r}")
        result[key] = value
    return result


@lru_cache(maxsize=1)
def _nace() -> tuple[dict[str, str], dict[str, NaceDivision]]:
    filename = "nace_rev2.csv"
    rows = _read_rows(filename)
    sections = _unique(
        [(row["code"], row["label"]) for row in rows if row["level"] == "section"], filename
    )
    divisions: dict[str, NaceDivision] = {}
    for row in rows:
        if row["level"] == "section":
            continue
        if row["level"] != "division":
            raise ValueError(f"{filename}: unknown level {row['level']!r}")
        code = row["code"]
        if code in divisions:
            raise ValueError(f"{filename}: duplicate code {code!r}")
        if row["section"] not in sections:
            raise ValueError(f"{filename}: division {code!r} has unknown section")
        divisions[code] = NaceDivision(code=code, label=row["label"], section=row["section"])
    return sections, divisions


def nace_sections() -> dict[str, str]:
    """NACE Rev. 2 sections: letter ("A".."U") -> English label."""
    return dict(_nace()[0])


def nace_divisions() -> dict[str, NaceDivision]:
    """NACE Rev. 2 divisions: two-digit code ("01".."99") -> division."""
    return dict(_nace()[1])


def is_nace_code(code: str) -> bool:
    """True for a NACE Rev. 2 section letter or two-digit division code."""
    sections, divisions = _nace()
    return code in sections or code in divisions


def nace_label(code: str) -> str:
    """English label of a section letter or division code; KeyError if unknown."""
    sections, divisions = _nace()
    if code in sections:
        return sections[code]
    if code in divisions:
        return divisions[code].label
    raise KeyError(code)


@lru_cache(maxsize=1)
def _isced() -> dict[int, str]:
    filename = "isced2011.csv"
    result: dict[int, str] = {}
    for row in _read_rows(filename):
        level = int(row["level"])
        if level in result:
            raise ValueError(f"{filename}: duplicate level {level}")
        result[level] = row["label"]
    return result


def isced_levels() -> dict[int, str]:
    """ISCED 2011 levels of education: 0..8 -> English label."""
    return dict(_isced())


def is_isced_level(level: int) -> bool:
    """True if ``level`` is an ISCED 2011 level (booleans are rejected)."""
    return not isinstance(level, bool) and level in _isced()


@lru_cache(maxsize=1)
def _cefr() -> dict[str, int]:
    filename = "cefr.csv"
    rows = sorted(_read_rows(filename), key=lambda row: int(row["rank"]))
    ranks: dict[str, int] = {}
    for row in rows:
        if row["level"] in ranks:
            raise ValueError(f"{filename}: duplicate level {row['level']!r}")
        ranks[row["level"]] = int(row["rank"])
    return ranks


CEFR_LEVELS: tuple[str, ...] = tuple(_cefr())
"""CEFR levels from lowest to highest: ("A1", "A2", "B1", "B2", "C1", "C2")."""


def cefr_rank(level: str) -> int:
    """Rank of a CEFR level, "A1" -> 1 ... "C2" -> 6; KeyError if unknown."""
    return _cefr()[level]


def is_cefr_level(level: str) -> bool:
    """True if ``level`` is one of the six CEFR levels (upper-case, e.g. "B2")."""
    return level in _cefr()


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    filename = "languages.csv"
    return _unique([(row["code"], row["name"]) for row in _read_rows(filename)], filename)


def languages() -> dict[str, str]:
    """ISO 639 language code (639-1 where one exists, else 639-3) -> English name."""
    return dict(_languages())


def is_language_code(code: str) -> bool:
    """True if ``code`` is a listed lower-case ISO 639-1 or ISO 639-3 code."""
    return code in _languages()


def check_distinct_languages(codes: Sequence[str], field: str = "languages") -> None:
    """A language listed twice is refused by name (one level per language)."""
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise InvalidInput(field, f"language '{code}' is listed twice")
        seen.add(code)
