"""Validated field types shared by the API schemas, backed by the shipped reference data."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

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


NaceCode = Annotated[str, StringConstraints(max_length=10), AfterValidator(_nace)]
IscedLevel = Annotated[int, AfterValidator(_isced)]
CefrLevel = Annotated[str, StringConstraints(max_length=10), AfterValidator(_cefr)]
LanguageCode = Annotated[str, StringConstraints(max_length=10), AfterValidator(_language)]
DrivingLicence = Annotated[str, StringConstraints(max_length=10), AfterValidator(_licence)]
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


#: Dates a person can mean: anything outside is a typo (and 9999-12-31 plus a day overflows).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2199, 12, 31)
#: C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses
#: NUL in text and SQLite would store it: refused alike, before either sees them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_text(value: str) -> str:
    if CONTROL_CHARACTERS.search(value):
        raise ValueError("control characters (such as NUL) are not allowed in text")
    return value


def check_date(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValueError(f"a date between {MIN_DATE} and {MAX_DATE} is expected")
    return value


def _check_value(value: Any) -> None:
    if isinstance(value, str):
        check_text(value)
    elif isinstance(value, date):
        check_date(value)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_value(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_value(key)
            _check_value(item)


class Input(BaseModel):
    """The base of every request body: no control characters in any text and only sane dates
    (a 422 naming the field), on SQLite and PostgreSQL alike. Nested bodies check their own
    fields."""

    @field_validator("*", mode="after")
    @classmethod
    def _sane_values(cls, value: Any) -> Any:
        _check_value(value)
        return value


#: Free text in a query (a search): bounded and without control characters.
SearchText = Annotated[str, StringConstraints(max_length=200), AfterValidator(check_text)]
#: A code or short name in a query filter.
CodeText = Annotated[str, StringConstraints(max_length=50), AfterValidator(check_text)]
SaneDate = Annotated[date, AfterValidator(check_date)]


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE ... ESCAPE '\\'``: a ``%`` or ``_`` a person typed means itself."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: An amount of money: up to 10 digits before the point and 2 after, as a number or a string.
Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=12, decimal_places=2),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 9_999_999_999.99},
                {"type": "string", "maxLength": 13, "pattern": r"^\d{1,10}(\.\d{1,2})?$"},
            ]
        }
    ),
]
