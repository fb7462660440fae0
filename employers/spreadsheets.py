"""Offer lists as offices save them: CSV with commas or semicolons, in UTF-8 (with or without a
byte-order mark) or Windows-1252, and XLSX workbooks; column names in English, German or
French (the mapping below, documented in the README). Each row becomes a ``ReadPosting`` for
the same importer as JobPosting documents.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]

from employers.jobposting_read import (
    EmployerRef,
    ReadPosting,
    RowRefused,
    hours_per_week,
    text_items,
)
from models.offer import ContractType, OfferKind, PayPeriod

#: Canonical column -> the names it may have in a header (compared without case, accents
#: and punctuation).
COLUMNS: dict[str, tuple[str, ...]] = {
    "company": (
        "company",
        "employer",
        "firma",
        "unternehmen",
        "arbeitgeber",
        "betrieb",
        "entreprise",
        "employeur",
        "societe",
    ),
    "registration_number": (
        "registration number",
        "registration_number",
        "firmenbuchnummer",
        "fn",
        "registernummer",
        "handelsregisternummer",
        "siret",
        "siren",
        "numero d immatriculation",
    ),
    "website": ("website", "web", "webseite", "homepage", "site web", "site internet"),
    "identifier": (
        "identifier",
        "reference",
        "ref",
        "id",
        "referenz",
        "kennung",
        "stellen id",
        "referenznummer",
        "identifiant",
    ),
    "kind": ("kind", "type", "art", "angebotsart", "type d offre"),
    "title": (
        "title",
        "job title",
        "titel",
        "stellenbezeichnung",
        "bezeichnung",
        "titre",
        "intitule",
        "intitule du poste",
    ),
    "description": ("description", "beschreibung", "stellenbeschreibung"),
    "requirements": (
        "requirements",
        "skills",
        "anforderungen",
        "kenntnisse",
        "qualifikationen",
        "exigences",
        "competences",
    ),
    "hours_per_week": (
        "hours_per_week",
        "hours per week",
        "hours",
        "wochenstunden",
        "stunden pro woche",
        "stunden woche",
        "arbeitszeit",
        "heures par semaine",
        "heures hebdomadaires",
        "duree hebdomadaire",
        "heures",
    ),
    "contract_type": (
        "contract_type",
        "contract type",
        "contract",
        "vertragsart",
        "vertrag",
        "dienstverhaltnis",
        "type de contrat",
        "contrat",
    ),
    "postcode": ("postcode", "postal code", "zip", "plz", "postleitzahl", "code postal", "cp"),
    "country": ("country", "land", "staat", "pays"),
    "address": ("address", "adresse", "anschrift", "strasse", "arbeitsort", "lieu de travail"),
    "expiry_date": (
        "expiry_date",
        "expiry date",
        "valid through",
        "gultig bis",
        "ablaufdatum",
        "bewerbungsfrist",
        "date limite",
        "valable jusqu au",
        "date d expiration",
    ),
    "start_date": (
        "start_date",
        "start date",
        "beginn",
        "eintrittsdatum",
        "arbeitsbeginn",
        "date de debut",
        "debut",
    ),
    "places": (
        "places",
        "openings",
        "platze",
        "anzahl",
        "anzahl stellen",
        "postes",
        "nombre de postes",
    ),
    "pay_amount": (
        "pay_amount",
        "pay",
        "salary",
        "gehalt",
        "lohn",
        "entgelt",
        "bruttogehalt",
        "salaire",
        "remuneration",
    ),
    "pay_period": (
        "pay_period",
        "pay period",
        "gehaltsperiode",
        "lohnperiode",
        "pro",
        "periode de paie",
        "periode",
    ),
}
REQUIRED = ("company", "title", "hours_per_week", "postcode")

KINDS = {
    "vacancy": OfferKind.vacancy,
    "stelle": OfferKind.vacancy,
    "stellenangebot": OfferKind.vacancy,
    "offre d emploi": OfferKind.vacancy,
    "emploi": OfferKind.vacancy,
    "poste": OfferKind.vacancy,
    "traineeship": OfferKind.traineeship,
    "praktikum": OfferKind.traineeship,
    "stage": OfferKind.traineeship,
    "work_trial": OfferKind.work_trial,
    "work trial": OfferKind.work_trial,
    "arbeitserprobung": OfferKind.work_trial,
    "arbeitstraining": OfferKind.work_trial,
    "probearbeit": OfferKind.work_trial,
    "periode de mise en situation": OfferKind.work_trial,
    "pmsmp": OfferKind.work_trial,
    "apprenticeship": OfferKind.apprenticeship,
    "lehre": OfferKind.apprenticeship,
    "lehrstelle": OfferKind.apprenticeship,
    "ausbildung": OfferKind.apprenticeship,
    "apprentissage": OfferKind.apprenticeship,
    "volunteering": OfferKind.volunteering,
    "ehrenamt": OfferKind.volunteering,
    "benevolat": OfferKind.volunteering,
}
CONTRACTS = {
    "permanent": ContractType.permanent,
    "unbefristet": ContractType.permanent,
    "cdi": ContractType.permanent,
    "fixed_term": ContractType.fixed_term,
    "fixed term": ContractType.fixed_term,
    "befristet": ContractType.fixed_term,
    "cdd": ContractType.fixed_term,
    "temporary": ContractType.temporary,
    "leiharbeit": ContractType.temporary,
    "zeitarbeit": ContractType.temporary,
    "interim": ContractType.temporary,
    "apprenticeship": ContractType.apprenticeship,
    "lehrvertrag": ContractType.apprenticeship,
    "contrat d apprentissage": ContractType.apprenticeship,
    "none": ContractType.none,
    "keiner": ContractType.none,
    "kein": ContractType.none,
    "aucun": ContractType.none,
}
PERIODS = {
    "hour": PayPeriod.hour,
    "stunde": PayPeriod.hour,
    "heure": PayPeriod.hour,
    "month": PayPeriod.month,
    "monat": PayPeriod.month,
    "mois": PayPeriod.month,
    "year": PayPeriod.year,
    "jahr": PayPeriod.year,
    "an": PayPeriod.year,
    "annee": PayPeriod.year,
}


class SpreadsheetRefused(ValueError):
    """A file that cannot be read at all (its header, its format), with the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def folded(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces: how headers and words compare."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ß", "ss")
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


_ALIASES = {folded(alias): column for column, aliases in COLUMNS.items() for alias in aliases}


def decode(data: bytes) -> str:
    """UTF-8 with or without a byte-order mark, UTF-16 with one, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        return max(",;\t", key=header.count)


def csv_table(data: bytes) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a CSV file, the header first."""
    text = decode(data)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    return [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def xlsx_table(data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, cells) of an XLSX workbook's first sheet, the header first."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetRefused("file", f"not a readable XLSX workbook: {exc}") from exc
    sheet = workbook.worksheets[0]
    rows = [
        (number, [_cell(v) for v in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        if any(v not in (None, "") for v in values)
    ]
    workbook.close()
    return rows


def header_columns(header: list[str]) -> dict[str, int]:
    """Canonical column -> its index; an unknown or repeated column is refused by name."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name.strip():
            continue
        column = _ALIASES.get(folded(name))
        if column is None:
            raise SpreadsheetRefused("header", f"unknown column '{name}'")
        if column in columns:
            raise SpreadsheetRefused("header", f"column '{name}' is given twice")
        columns[column] = index
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise SpreadsheetRefused("header", f"the file lacks the columns {', '.join(missing)}")
    return columns


def _date(text: str, column: str) -> date | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%d/%m/%y"):
        try:
            return datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    raise RowRefused(column, f"'{text}' is not a date (2026-12-31, 31.12.2026 or 31/12/2026)")


def _decimal(text: str, column: str) -> Decimal:
    plain = text.replace(" ", "").replace("\xa0", "").replace("€", "").replace("EUR", "")
    if "," in plain and "." in plain:
        plain = plain.replace(".", "").replace(",", ".")
    plain = plain.replace(",", ".")
    try:
        return Decimal(plain)
    except InvalidOperation as exc:
        raise RowRefused(column, f"'{text}' is not an amount") from exc


def _word(table: dict[str, Any], text: str, column: str, default: Any) -> Any:
    if not text:
        return default
    value = table.get(folded(text))
    if value is None:
        known = ", ".join(sorted({str(v) for v in table.values()}))
        raise RowRefused(column, f"'{text}' is not one of: {known}")
    return value


def _requirements(text: str) -> list[dict[str, Any]]:
    """``|``-separated lines (``?`` before an optional one), else a text list."""
    if "|" not in text:
        return [{"text": t, "essential": True} for t in text_items(text)]
    parts = [p.strip() for p in text.split("|")]
    return [
        {"text": p.lstrip("?").strip(), "essential": not p.startswith("?")}
        for p in parts
        if p.lstrip("?").strip()
    ]


def read_row(cells: dict[str, str], header: dict[str, str]) -> ReadPosting:
    """One spreadsheet row (canonical column -> cell) as the offer it describes."""

    def name(column: str) -> str:
        return header.get(column, column)

    notes: list[str] = []
    kind = _word(KINDS, cells.get("kind", ""), name("kind"), OfferKind.vacancy)
    default_contract = (
        ContractType.none if kind is OfferKind.volunteering else ContractType.permanent
    )
    values: dict[str, Any] = {
        "kind": kind,
        "title": cells.get("title", ""),
        "description": cells.get("description", ""),
        "requirements": _requirements(cells.get("requirements", "")),
        "contract_type": _word(
            CONTRACTS, cells.get("contract_type", ""), name("contract_type"), default_contract
        ),
        "postcode": cells.get("postcode") or None,
        "country": cells.get("country") or None,
        "address": cells.get("address", ""),
        "places": cells.get("places") or 1,
    }
    try:
        values["hours_per_week"] = hours_per_week(cells.get("hours_per_week", ""), [], notes)
    except RowRefused as exc:
        raise RowRefused(name("hours_per_week"), str(exc)) from exc
    for column in ("expiry_date", "start_date"):
        found = _date(cells.get(column, ""), name(column))
        if found is not None:
            values[column] = found
    if cells.get("pay_amount"):
        values["pay_amount"] = _decimal(cells["pay_amount"], name("pay_amount"))
        values["pay_period"] = _word(
            PERIODS, cells.get("pay_period", ""), name("pay_period"), PayPeriod.month
        )
    company = cells.get("company", "")
    if not company:
        raise RowRefused(name("company"), "the employer is missing")
    identifier = cells.get("identifier", "")
    return ReadPosting(
        source_key=f"identifier::{identifier}"[:300] if identifier else None,
        employer=EmployerRef(
            name=company[:200],
            registration_number=cells.get("registration_number") or None,
            website=cells.get("website") or None,
            country=values["country"],
            postcode=values["postcode"],
            address=values["address"],
        ),
        offers=[values],
        notes=notes,
    )


def spreadsheet_rows(
    data: bytes, filename: str
) -> tuple[list[tuple[int, Callable[[], ReadPosting]]], dict[str, str]]:
    """The rows of a CSV or XLSX file (by its name's ending, else its content), and the
    header's own name for each canonical column (so refusals name the column as written)."""
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04")
    table = xlsx_table(data) if is_xlsx else csv_table(data)
    if not table:
        raise SpreadsheetRefused("file", "the file is empty")
    _first, header = table[0]
    columns = header_columns(header)
    names = {column: header[index].strip() for column, index in columns.items()}

    def reader(cells_list: list[str]) -> Callable[[], ReadPosting]:
        def read() -> ReadPosting:
            cells = {
                column: cells_list[index].strip() if index < len(cells_list) else ""
                for column, index in columns.items()
            }
            return read_row(cells, names)

        return read

    return [(number, reader(cells)) for number, cells in table[1:]], names
