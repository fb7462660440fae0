"""schema.org ``JobPosting`` JSON-LD: Tandem's published offers out to job boards, and offers
from elsewhere in (screened like any other), with a per-row report of what was refused."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from employers.offer_states import OfferAction
from employers.offers import Review, create_offer, transition
from employers.schemas import (
    OfferCreate,
)
from models import reference
from models.audit import StatusChange
from models.company import Company
from models.errors import TandemError
from models.offer import (
    ContractType,
    Offer,
    OfferKind,
    OfferStatus,
    PayPeriod,
)
from taxonomy.normalise import Normaliser

CONTEXT = "https://schema.org"
UNIT = {PayPeriod.hour: "HOUR", PayPeriod.month: "MONTH", PayPeriod.year: "YEAR"}
PERIOD = {v: k for k, v in UNIT.items()}
FULL_TIME_HOURS = 35.0


def _employment_types(offer: Offer) -> list[str]:
    types = ["FULL_TIME" if offer.hours_per_week >= FULL_TIME_HOURS else "PART_TIME"]
    if offer.kind in (OfferKind.traineeship, OfferKind.work_trial, OfferKind.apprenticeship):
        types.append("INTERN")
    if offer.kind is OfferKind.volunteering:
        types.append("VOLUNTEER")
    if offer.contract_type in (ContractType.temporary, ContractType.fixed_term):
        types.append("TEMPORARY")
    return types


def to_jobposting(offer: Offer, company: Company, date_posted: date | None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": "tandem", "value": str(offer.id)},
        "title": offer.title,
        "description": offer.description,
        "employmentType": _employment_types(offer),
        "workHours": f"{offer.hours_per_week:g} hours per week",
        "totalJobOpenings": offer.places,
        "hiringOrganization": {"@type": "Organization", "name": company.name},
        "skills": [
            {
                "@type": "DefinedTerm",
                "name": r.text,
                **({} if r.essential else {"description": "optional"}),
            }
            for r in offer.requirements
        ],
    }
    if company.registration_number:
        doc["hiringOrganization"]["identifier"] = company.registration_number
    if date_posted:
        doc["datePosted"] = date_posted.isoformat()
    if offer.expiry_date:
        doc["validThrough"] = offer.expiry_date.isoformat()
    if offer.start_date:
        doc["jobStartDate"] = offer.start_date.isoformat()
    if offer.occupation_uri:
        doc["occupationalCategory"] = offer.occupation_uri
    if offer.min_isced is not None:
        doc["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": reference.isced_levels()[offer.min_isced],
            "educationalLevel": f"ISCED {offer.min_isced}",
        }
    if offer.pay_amount is not None and offer.pay_period is not None:
        doc["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "value": float(offer.pay_amount),
                "unitText": UNIT[offer.pay_period],
            },
        }
    if offer.physical_demands:
        doc["physicalRequirement"] = [d.replace("_", " ") for d in offer.physical_demands]
    if offer.remote:
        doc["jobLocationType"] = "TELECOMMUTE"
    if offer.postcode:
        doc["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": offer.address,
                "postalCode": offer.postcode,
                "addressCountry": offer.country,
            },
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": offer.latitude,
                "longitude": offer.longitude,
            },
        }
    return doc


def published_jobpostings(
    session: Session, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Published offers as JobPosting documents, newest first."""
    query = select(Offer).where(Offer.status == OfferStatus.published)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    offers = session.scalars(query.order_by(Offer.id.desc()).limit(limit).offset(offset)).all()
    return [jobposting_of(session, o) for o in offers], total


def jobposting_of(session: Session, offer: Offer) -> dict[str, Any]:
    company = session.get(Company, offer.company_id)
    assert company is not None
    posted = session.scalar(
        select(func.max(StatusChange.at)).where(
            StatusChange.entity == "offer",
            StatusChange.entity_id == offer.id,
            StatusChange.to_status == OfferStatus.published.value,
        )
    )
    return to_jobposting(offer, company, posted.date() if posted else None)


# Import


@dataclass(frozen=True)
class Refusal:
    row: int
    field: str
    message: str


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)
    held: list[int] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


class RowRefused(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or ""
    return str(value or "").strip()


def _hours(doc: dict[str, Any]) -> float:
    found = re.search(r"\d+(?:[.,]\d+)?", _text(doc.get("workHours")))
    if found:
        return float(found.group(0).replace(",", "."))
    types = doc.get("employmentType") or []
    types = [types] if isinstance(types, str) else types
    if "FULL_TIME" in types:
        return 38.5
    if "PART_TIME" in types:
        return 20.0
    raise RowRefused("workHours", "hours per week are missing (workHours or employmentType)")


def _company(session: Session, organisation: Any) -> Company:
    if isinstance(organisation, str):
        organisation = {"name": organisation}
    if not isinstance(organisation, dict):
        raise RowRefused("hiringOrganization", "hiringOrganization is missing")
    identifier = _text(organisation.get("identifier"))
    if identifier:
        company = session.scalar(select(Company).where(Company.registration_number == identifier))
        if company is not None:
            return company
    name = _text(organisation.get("name"))
    company = session.scalar(select(Company).where(func.lower(Company.name) == name.lower()))
    if company is None:
        raise RowRefused("hiringOrganization", f"no company '{name or identifier}' on record")
    return company


def offer_from_jobposting(session: Session, doc: dict[str, Any]) -> OfferCreate:
    """An offer to create from one JobPosting document (refused with the field named)."""
    if doc.get("@type") != "JobPosting":
        raise RowRefused("@type", "not a JobPosting")
    company = _company(session, doc.get("hiringOrganization"))
    types = doc.get("employmentType") or []
    types = [types] if isinstance(types, str) else list(types)
    kind = (
        OfferKind.volunteering
        if "VOLUNTEER" in types
        else OfferKind.traineeship
        if "INTERN" in types
        else OfferKind.vacancy
    )
    requirements = []
    for skill in doc.get("skills") or []:
        text = _text(skill)
        if text:
            optional = isinstance(skill, dict) and skill.get("description") == "optional"
            requirements.append({"text": text, "essential": not optional})
    values: dict[str, Any] = {
        "company_id": company.id,
        "kind": kind,
        "title": _text(doc.get("title")),
        "description": _text(doc.get("description")),
        "hours_per_week": _hours(doc),
        "contract_type": ContractType.temporary
        if "TEMPORARY" in types
        else (ContractType.none if kind is OfferKind.volunteering else ContractType.permanent),
        "requirements": requirements,
        "remote": doc.get("jobLocationType") == "TELECOMMUTE",
        "places": doc.get("totalJobOpenings") or 1,
    }
    location = doc.get("jobLocation")
    location = location[0] if isinstance(location, list) and location else location
    if isinstance(location, dict) and isinstance(location.get("address"), dict):
        address = location["address"]
        values["postcode"] = _text(address.get("postalCode")) or None
        values["country"] = _text(address.get("addressCountry")) or None
        values["address"] = _text(address.get("streetAddress"))
    for source, target in (("validThrough", "expiry_date"), ("jobStartDate", "start_date")):
        if doc.get(source):
            values[target] = str(doc[source])[:10]
    if doc.get("occupationalCategory"):
        values["occupation_uri"] = _text(doc["occupationalCategory"])
    education = doc.get("educationRequirements")
    if isinstance(education, dict):
        level = re.search(r"ISCED\s*(\d)", _text(education.get("educationalLevel")))
        if level:
            values["min_isced"] = int(level.group(1))
    salary = doc.get("baseSalary")
    if isinstance(salary, dict) and isinstance(salary.get("value"), dict):
        amount = salary["value"].get("value")
        unit = PERIOD.get(str(salary["value"].get("unitText", "")).upper())
        if amount is not None and unit is not None:
            values["pay_amount"] = Decimal(str(amount))
            values["pay_period"] = unit
    return OfferCreate.model_validate(values)


def import_offers(
    session: Session,
    actor: Actor,
    rows: Iterable[tuple[int, Callable[[], OfferCreate]]],
    default_country: str,
    normaliser: Normaliser | None,
    review: Review,
    today: date,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create and submit each row's offer (so it is screened); a refused row changes nothing
    and is reported with its field and reason."""
    report = ImportReport()
    for row, build in rows:
        savepoint = session.begin_nested()
        try:
            data = build()
            offer = create_offer(session, actor, data, default_country, today, normaliser)
            transition(session, actor, offer.id, OfferAction.submit, "imported", review, today)
            savepoint.commit()
            report.created.append(offer.id)
            if offer.status is OfferStatus.held:
                report.held.append(offer.id)
        except RowRefused as exc:
            savepoint.rollback()
            report.refused.append(Refusal(row, exc.field, str(exc)))
        except ValidationError as exc:
            savepoint.rollback()
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"]) or "row"
            report.refused.append(Refusal(row, where, str(error["msg"])))
        except TandemError as exc:
            savepoint.rollback()
            report.refused.append(Refusal(row, exc.field or "row", exc.message))
        if progress is not None:
            progress(1)
    return report


def jobposting_rows(
    session: Session, documents: list[dict[str, Any]]
) -> list[tuple[int, Callable[[], OfferCreate]]]:
    return [
        (i, lambda doc=doc: offer_from_jobposting(session, doc))  # type: ignore[misc]
        for i, doc in enumerate(documents, start=1)
    ]


CSV_COLUMNS = ("company", "kind", "title", "hours_per_week", "contract_type", "postcode")


def csv_rows(session: Session, text: str) -> list[tuple[int, Callable[[], OfferCreate]]]:
    """Rows of a CSV with the columns company (name or registration number), kind, title,
    description, requirements (``|``-separated; ``?`` before an optional one), hours_per_week,
    contract_type, postcode, expiry_date, places."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RowRefused("header", f"the CSV lacks the columns {', '.join(missing)}")

    def build(row: dict[str, str]) -> OfferCreate:
        company = _company(session, {"name": row["company"], "identifier": row["company"]})
        requirements = [
            {
                "text": part.strip().lstrip("?").strip(),
                "essential": not part.strip().startswith("?"),
            }
            for part in (row.get("requirements") or "").split("|")
            if part.strip().lstrip("?").strip()
        ]
        values = {
            "company_id": company.id,
            "kind": row["kind"],
            "title": row["title"],
            "description": row.get("description") or "",
            "requirements": requirements,
            "hours_per_week": row["hours_per_week"],
            "contract_type": row["contract_type"],
            "postcode": row["postcode"] or None,
            "expiry_date": row.get("expiry_date") or None,
            "places": row.get("places") or 1,
        }
        return OfferCreate.model_validate(values)

    return [(i, lambda row=row: build(row)) for i, row in enumerate(reader, start=2)]  # type: ignore[misc]
