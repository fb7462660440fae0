"""Validated field types shared by the API schemas, backed by the shipped reference data."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from models import reference

#: Ids are 32-bit integers on PostgreSQL: anything larger cannot name a stored row.
MAX_ID = 2_147_483_647

#: Driving licence categories (EU directive 2006/126/EC), in the directive's order.
DRIVING_LICENCE_ORDER = tuple("AM A1 A2 A B BE C1 C1E C CE D1 D1E D DE T".split())
DRIVING_LICENCE_CATEGORIES = frozenset(DRIVING_LICENCE_ORDER)


def _nace(code: str) -> str:
    code = code.strip().upper()
    if not reference.is_nace_code(code):
        raise ValueError(f"'{code}' is not a NACE Rev. 2 section or division code")
    return code


def _isced(level: int) -> int:
    if not reference.is_isced_level(level):
        raise ValueError(f"{level} is not an ISCED 2011 level (0 to 8)")
    return level


def _cefr(level: str) -> str:
    level = level.strip().upper()
    if not reference.is_cefr_level(level):
        allowed = ", ".join(reference.CEFR_LEVELS)
        raise ValueError(f"'{level}' is not a CEFR level (one of {allowed})")
    return level


def _language(code: str) -> str:
    code = code.strip().lower()
    if not reference.is_language_code(code):
        raise ValueError(f"'{code}' is not an ISO 639 language code (639-1, else 639-3)")
    return code


def _licence(category: str) -> str:
    category = category.strip().upper()
    if category not in DRIVING_LICENCE_CATEGORIES:
        allowed = ", ".join(sorted(DRIVING_LICENCE_CATEGORIES))
        raise ValueError(f"'{category}' is not a driving licence category (one of {allowed})")
    return category


NaceCode = Annotated[str, AfterValidator(_nace)]
IscedLevel = Annotated[int, AfterValidator(_isced)]
CefrLevel = Annotated[str, AfterValidator(_cefr)]
LanguageCode = Annotated[str, AfterValidator(_language)]
DrivingLicence = Annotated[str, AfterValidator(_licence)]
CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2}$", to_upper=True, strip_whitespace=True)
]
PostcodeText = Annotated[str, StringConstraints(min_length=2, max_length=20, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
#: On a write: the version of the record the writer read (or send it as ``If-Match``). A
#: stale one is refused with 409; none at all is accepted as before. Never stored as sent.
ExpectedVersion = Annotated[
    int | None,
    Field(
        ge=1,
        le=MAX_ID,
        exclude=True,
        description="The version you read (the record's `version`, or send `If-Match`); "
        "a stale one is refused with 409",
    ),
]
Count = Annotated[int, Field(ge=0, le=MAX_ID)]
Reference = Annotated[str, StringConstraints(min_length=1, max_length=50, strip_whitespace=True)]
Statement = Annotated[str, StringConstraints(min_length=1, max_length=1000, strip_whitespace=True)]
Text = Annotated[str, Field(max_length=20_000)]
