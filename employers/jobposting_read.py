"""One schema.org JobPosting (already framed into plain keys by ``employers.jsonld``) read into
the values of Tandem offers, every property in any of the types schema.org allows for it.

Pure: no session, no clock. The employer is read as an ``EmployerRef`` for the importer to
match or create; several ``jobLocation`` places give one offer per place. What cannot be
kept as given is said in ``notes``; what cannot be read at all raises ``RowRefused`` naming
the JobPosting property.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from employers.richtext import html_to_text
from models import reference
from models.offer import ContractType, OfferKind, PayPeriod, PhysicalDemand

FULL_TIME_HOURS = 35.0
#: Hours read from ``employmentType`` alone (no ``workHours``): said in the row's notes.
ASSUMED_HOURS = {"FULL_TIME": 38.5, "PART_TIME": 20.0}
UNIT = {PayPeriod.hour: "HOUR", PayPeriod.month: "MONTH", PayPeriod.year: "YEAR"}
PERIOD = {v: k for k, v in UNIT.items()}
#: A bare number as ``baseSalary`` (no unit): below the first bound an hourly rate, below the
#: second a monthly pay, else a yearly one.
BARE_SALARY_BOUNDS = (200, 20_000)

EMPLOYMENT_WORDS = {
    "FULLTIME": "FULL_TIME",
    "VOLLZEIT": "FULL_TIME",
    "TEMPS_PLEIN": "FULL_TIME",
    "PARTTIME": "PART_TIME",
    "TEILZEIT": "PART_TIME",
    "TEMPS_PARTIEL": "PART_TIME",
    "BEFRISTET": "TEMPORARY",
    "CDD": "TEMPORARY",
    "INTERNSHIP": "INTERN",
    "PRAKTIKUM": "INTERN",
    "STAGE": "INTERN",
    "EHRENAMT": "VOLUNTEER",
    "BENEVOLAT": "VOLUNTEER",
}

#: ``credentialCategory`` (Google's values, German, French and English words) to ISCED 2011.
CREDENTIAL_ISCED: tuple[tuple[str, int], ...] = (
    (r"doctor|doktor|doctorat|ph\.?\s?d", 8),
    (r"postgraduate|master|magister|diplom-?ingenieur", 7),
    (r"bachelor|licence\b|bakkalaure", 6),
    (r"associate|\bbts\b|\bdut\b|kolleg|meister", 5),
    (r"professional certificate|post-?secondary", 4),
    (
        r"high school|matura|abitur|baccalaur|lehrabschluss|\blehre\b|apprenticeship|"
        r"\bcap\b|\bbep\b|upper secondary|berufsausbildung",
        3,
    ),
    (r"pflichtschul|hauptschul|brevet|lower secondary|compulsory", 2),
)

COUNTRIES = {
    "austria": "AT",
    "österreich": "AT",
    "autriche": "AT",
    "germany": "DE",
    "deutschland": "DE",
    "allemagne": "DE",
    "france": "FR",
    "frankreich": "FR",
    "switzerland": "CH",
    "schweiz": "CH",
    "suisse": "CH",
    "belgium": "BE",
    "belgique": "BE",
    "belgien": "BE",
    "luxembourg": "LU",
    "spain": "ES",
    "españa": "ES",
    "italy": "IT",
}


class RowRefused(ValueError):
    """A row that cannot be imported, with the field (a JobPosting property or a column)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class EmployerRef:
    """The employer as an ad names it, for the importer to match or create."""

    name: str
    registration_number: str | None = None
    website: str | None = None
    country: str | None = None
    postcode: str | None = None
    address: str = ""
    nace_code: str | None = None


@dataclass
class ReadPosting:
    """What one document says: the source key (to find it again), the employer, one set of
    offer values per place, and what could not be kept as given."""

    source_key: str | None
    employer: EmployerRef
    offers: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)


# Values in any of their JSON-LD shapes


def many(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def literal(value: Any) -> str:
    """A text of a literal, an ``@value``/``@id`` object, or a node's name or value."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        for key in ("@value", "name", "value", "@id"):
            if value.get(key) not in (None, ""):
                return literal(value[key])
        return ""
    if value is None:
        return ""
    return str(value).strip()


def _types(node: Any) -> set[str]:
    return {str(t) for t in many(node.get("@type"))} if isinstance(node, dict) else set()


_LIST_MARK = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d+[.)])\s+")
#: Commas and semicolons between items; not a decimal comma, not inside parentheses.
_SEPARATOR = re.compile(r";|,(?!\d)(?![^()]*\))")


def text_items(text: str) -> list[str]:
    """One item per entry of a text list: HTML lists, line breaks, list markup, semicolons
    and commas all separate items."""
    lines = html_to_text(text).splitlines()
    items: list[str] = []
    for line in lines:
        line = _LIST_MARK.sub("", line).strip()
        for part in _SEPARATOR.split(line):
            part = part.strip().strip(".").strip()
            if part:
                items.append(part)
    return items


def requirement_items(value: Any) -> list[tuple[str, bool]]:
    """``skills``-like values (Text, DefinedTerm, a list of either): (text, essential)."""
    items: list[tuple[str, bool]] = []
    for entry in many(value):
        if isinstance(entry, dict) and "@value" not in entry:
            text = html_to_text(literal(entry.get("name")) or literal(entry))
            optional = literal(entry.get("description")).lower() == "optional"
            if "OccupationalExperienceRequirements" in _types(entry):
                months = literal(entry.get("monthsOfExperience"))
                text = text or (f"{months} months of experience" if months else "")
            if text:
                items.append((text, not optional))
        else:
            items.extend((item, True) for item in text_items(literal(entry)))
    return items


def _isced_of(text: str) -> int | None:
    found = re.search(r"ISCED\s*(?:level\s*)?(\d)", text, re.IGNORECASE)
    if found:
        return int(found.group(1))
    labels = {label.lower(): level for level, label in reference.isced_levels().items()}
    if text.strip().lower() in labels:
        return labels[text.strip().lower()]
    for pattern, level in CREDENTIAL_ISCED:
        if re.search(pattern, text, re.IGNORECASE):
            return level
    return None


def education(value: Any) -> tuple[int | None, list[str]]:
    """``educationRequirements`` (Text or EducationalOccupationalCredential): the least ISCED
    level asked for, and the texts that do not map to one (kept as requirements)."""
    levels: list[int] = []
    unmapped: list[str] = []
    for entry in many(value):
        if isinstance(entry, dict) and "@value" not in entry:
            texts = [
                literal(entry.get("educationalLevel")),
                literal(entry.get("credentialCategory")),
                literal(entry.get("name")),
            ]
            found = [lvl for lvl in (_isced_of(t) for t in texts if t) if lvl is not None]
            if found:
                levels.append(found[0])
            else:
                unmapped.extend(t for t in texts[1:] if t)
        else:
            for item in text_items(literal(entry)):
                level = _isced_of(item)
                if level is None:
                    unmapped.append(item)
                else:
                    levels.append(level)
    return (min(levels) if levels else None), unmapped


def employment_types(value: Any) -> list[str]:
    types: list[str] = []
    for entry in many(value):
        for part in re.split(r"[,;/]", literal(entry)):
            word = re.sub(r"[\s-]+", "_", part.strip().upper())
            word = EMPLOYMENT_WORDS.get(word.replace("É", "E").replace("È", "E"), word)
            if word and word not in types:
                types.append(word)
    return types


_HOURS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:[-–]\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:h\b|hrs?\b|hours?\b|std\b|std\.|stunden|stunde|heures?|wochenstunden)"
    r"(?:\s*(?:per|pro|par|/|a|in der|je)?\s*"
    r"(week|woche|semaine|wk|day|tag|jour|month|monat|mois))?",
    re.IGNORECASE,
)
_PER_FACTOR = {
    "day": 5.0,
    "tag": 5.0,
    "jour": 5.0,
    "month": 12 / 52,
    "monat": 12 / 52,
    "mois": 12 / 52,
}


def hours_per_week(work_hours: Any, types: list[str], notes: list[str]) -> float:
    """``workHours`` in words ("20 hours per week", "Teilzeit 20 Std./Woche", "35h par
    semaine", "38,5"), else what ``employmentType`` implies (noted)."""
    text = html_to_text(literal(work_hours))
    found = _HOURS.search(text) or re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*", text)
    if found:
        hours = float(found.group(1).replace(",", "."))
        per = (found.group(2) or "").lower() if found.re is _HOURS else ""
        return round(hours * _PER_FACTOR.get(per, 1.0), 1)
    for kind, hours in ASSUMED_HOURS.items():
        if kind in types or kind.replace("_", "") in text.upper().replace(" ", ""):
            notes.append(f"workHours: none given; {hours:g} hours per week assumed for {kind}")
            return hours
    if re.search(r"teilzeit|part[- ]time|temps partiel", text, re.IGNORECASE):
        notes.append("workHours: no number; 20 hours per week assumed for part-time")
        return ASSUMED_HOURS["PART_TIME"]
    raise RowRefused("workHours", "hours per week are missing (workHours or employmentType)")


def _amount(value: Any, where: str) -> Decimal:
    try:
        amount = Decimal(literal(value).replace(" ", "").replace(",", "."))
    except InvalidOperation as exc:
        raise RowRefused(where, f"'{literal(value)}' is not an amount") from exc
    return amount


def _period(unit: str, where: str) -> PayPeriod:
    period = PERIOD.get(unit.strip().upper())
    if period is None:
        raise RowRefused(where, f"pay per '{unit}' is not one Tandem records (HOUR, MONTH or YEAR)")
    return period


def salary(value: Any, notes: list[str]) -> tuple[Decimal, PayPeriod] | None:
    """``baseSalary``: a number, a MonetaryAmount (value, or minValue/maxValue, either direct
    or in a QuantitativeValue) or a PriceSpecification. A range keeps its minimum (noted)."""
    if value is None or value == "":
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    if not isinstance(value, dict) or "@value" in value:
        amount = _amount(value, "baseSalary")
        return amount, _guessed_period(amount, notes)
    currency = literal(value.get("currency") or value.get("priceCurrency")) or "EUR"
    if currency.upper() != "EUR":
        raise RowRefused("baseSalary.currency", f"pay in {currency}: Tandem records EUR only")
    if "price" in value:  # PriceSpecification, UnitPriceSpecification
        unit = literal(value.get("unitText")) or literal(
            (value.get("referenceQuantity") or {}).get("unitText")
            if isinstance(value.get("referenceQuantity"), dict)
            else None
        )
        return _amount(value["price"], "baseSalary.price"), _period(
            unit or "MONTH", "baseSalary.unitText"
        )
    inner = value.get("value")
    node = inner if isinstance(inner, dict) and "@value" not in inner else value
    unit = literal(node.get("unitText")) or literal(value.get("unitText"))
    if node is value and inner is not None:
        amount_value: Any = inner
    elif node.get("value") is not None:
        amount_value = node["value"]
    else:
        amount_value = node.get("minValue")
        if amount_value is None:
            amount_value = node.get("maxValue")
        if node.get("maxValue") is not None and node.get("minValue") is not None:
            notes.append(
                f"baseSalary: range {literal(node['minValue'])}–{literal(node['maxValue'])}; "
                "the minimum is kept as the pay"
            )
    if amount_value is None:
        raise RowRefused("baseSalary.value", "baseSalary has no value, minValue or maxValue")
    amount = _amount(amount_value, "baseSalary.value")
    if not unit:
        return amount, _guessed_period(amount, notes)
    return amount, _period(unit, "baseSalary.unitText")


def _guessed_period(amount: Decimal, notes: list[str]) -> PayPeriod:
    low, high = BARE_SALARY_BOUNDS
    period = PayPeriod.year
    if amount < high:
        period = PayPeriod.hour if amount < low else PayPeriod.month
    notes.append(f"baseSalary: {amount} without a unit; read as pay per {period.value}")
    return period


def country_code(value: Any) -> str | None:
    text = literal(value)
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    return COUNTRIES.get(text.lower())


@dataclass(frozen=True)
class Where:
    postcode: str | None
    country: str | None
    address: str


def place(node: Any) -> Where:
    """A Place (or a PostalAddress, or an address in words) as postcode, country, street."""
    address = node.get("address") if isinstance(node, dict) and "address" in node else node
    if isinstance(address, dict) and "@value" not in address:
        return Where(
            literal(address.get("postalCode")) or None,
            country_code(address.get("addressCountry")),
            ", ".join(
                t
                for t in (
                    literal(address.get("streetAddress")),
                    literal(address.get("addressLocality")),
                )
                if t
            ),
        )
    text = literal(address)
    code = re.search(r"\b(?:[A-Z]{1,2}-)?(\d{4,5})\b", text)
    return Where(code.group(1) if code else None, None, text)


def date_of(value: Any, where: str) -> date | None:
    text = literal(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise RowRefused(where, f"'{text}' is not a date (YYYY-MM-DD or a date-time)") from exc


def source_key(doc: dict[str, Any]) -> str | None:
    """What identifies the ad at its source: ``identifier`` (text or PropertyValue), else its
    ``url``, else a non-blank ``@id``."""
    for identifier in many(doc.get("identifier")):
        if isinstance(identifier, dict) and "@value" not in identifier:
            value = literal(identifier.get("value"))
            if value:
                return f"identifier:{literal(identifier.get('name'))}:{value}"[:300]
        elif literal(identifier):
            return f"identifier::{literal(identifier)}"[:300]
    url = literal(doc.get("url"))
    if url:
        return f"url:{url}"[:300]
    node_id = str(doc.get("@id") or "")
    if node_id and not node_id.startswith("_:") and not node_id.startswith("http://example.org/"):
        return f"url:{node_id}"[:300]
    return None


def employer(doc: dict[str, Any], first_place: Where | None) -> EmployerRef:
    organisation = doc.get("hiringOrganization")
    if isinstance(organisation, list):
        organisation = organisation[0] if organisation else None
    if organisation is None or literal(organisation) == "":
        raise RowRefused("hiringOrganization", "hiringOrganization is missing")
    if not isinstance(organisation, dict) or "@value" in organisation:
        organisation = {"name": literal(organisation)}
    name = literal(organisation.get("name")) or literal(organisation.get("legalName"))
    if not name:
        raise RowRefused("hiringOrganization.name", "the employer has no name")
    number = next(
        (
            literal(organisation.get(k))
            for k in ("identifier", "taxID", "vatID", "leiCode")
            if literal(organisation.get(k))
        ),
        None,
    )
    website = next(
        (literal(s) for s in many(organisation.get("sameAs")) + many(organisation.get("url"))),
        None,
    )
    own = place(organisation) if organisation.get("address") else None
    where = own if own is not None and own.postcode else first_place
    isic = literal(organisation.get("isicV4"))
    nace = isic[:2] if re.fullmatch(r"\d{2,4}", isic) and reference.is_nace_code(isic[:2]) else None
    return EmployerRef(
        name=html_to_text(name)[:200],
        registration_number=number[:50] if number else None,
        website=website[:300] if website else None,
        country=where.country if where else None,
        postcode=where.postcode if where else None,
        address=where.address[:300] if where else "",
        nace_code=nace,
    )


def read_jobposting(doc: dict[str, Any]) -> ReadPosting:
    """The offers one JobPosting describes (see the module docstring)."""
    notes: list[str] = []
    types = employment_types(doc.get("employmentType"))
    kind = (
        OfferKind.volunteering
        if "VOLUNTEER" in types
        else OfferKind.traineeship
        if "INTERN" in types
        else OfferKind.vacancy
    )
    requirements: list[dict[str, Any]] = []
    for prop in ("skills", "qualifications", "experienceRequirements", "responsibilities"):
        for text, essential in requirement_items(doc.get(prop)):
            if text.lower() not in {r["text"].lower() for r in requirements}:
                requirements.append({"text": text, "essential": essential})
    min_isced, unmapped = education(doc.get("educationRequirements"))
    for text in unmapped:
        requirements.append({"text": text, "essential": True})
        notes.append(f"educationRequirements: '{text}' has no ISCED level; kept as a requirement")
    demands: list[str] = []
    for item in many(doc.get("physicalRequirement")):
        word = re.sub(r"\s+", "_", literal(item).lower())
        if word in PhysicalDemand.__members__:
            demands.append(word)
        elif literal(item):
            requirements.append({"text": html_to_text(literal(item)), "essential": True})
    values: dict[str, Any] = {
        "kind": kind,
        "title": html_to_text(literal(doc.get("title"))),
        "description": html_to_text(literal(doc.get("description"))),
        "hours_per_week": hours_per_week(doc.get("workHours"), types, notes),
        "contract_type": ContractType.temporary
        if "TEMPORARY" in types or "CONTRACTOR" in types or "PER_DIEM" in types
        else (ContractType.none if kind is OfferKind.volunteering else ContractType.permanent),
        "requirements": requirements,
        "remote": "TELECOMMUTE" in literal(doc.get("jobLocationType")).upper(),
        "places": int(literal(doc.get("totalJobOpenings")) or 1)
        if literal(doc.get("totalJobOpenings")).isdigit()
        else 1,
    }
    if demands:
        values["physical_demands"] = demands
    if min_isced is not None:
        values["min_isced"] = min_isced
    expiry = date_of(doc.get("validThrough"), "validThrough")
    if expiry is not None:
        values["expiry_date"] = expiry
    start_text = literal(doc.get("jobStartDate"))
    if start_text:
        try:
            values["start_date"] = date.fromisoformat(start_text[:10])
        except ValueError:
            notes.append(f"jobStartDate: '{start_text}' is not a date; not kept")
    occupation = literal(doc.get("occupationalCategory"))
    if occupation.startswith("http"):
        values["occupation_uri"] = occupation[:300]
    elif occupation:
        notes.append(f"occupationalCategory: '{occupation}' is not an ESCO URI; not kept")
    pay = salary(doc.get("baseSalary"), notes)
    if pay is not None:
        values["pay_amount"], values["pay_period"] = pay
    places = [place(p) for p in many(doc.get("jobLocation"))]
    places = [p for p in places if p.postcode or p.address]
    if not places and not values["remote"]:
        raise RowRefused("jobLocation", "jobLocation (or jobLocationType TELECOMMUTE) is missing")
    for where in places:
        if where.postcode is None:
            raise RowRefused("jobLocation.address.postalCode", f"'{where.address}' has no postcode")
    if not places and values["remote"]:
        countries = [country_code(c) for c in many(doc.get("applicantLocationRequirements"))]
        if any(countries):
            notes.append(
                "applicantLocationRequirements: "
                + ", ".join(c for c in countries if c)
                + " (remote offers record no country)"
            )
    offers = [
        {**values, "postcode": p.postcode, "country": p.country, "address": p.address}
        for p in places
    ] or [values]
    return ReadPosting(
        source_key=source_key(doc),
        employer=employer(doc, places[0] if places else None),
        offers=offers,
        notes=notes,
    )
