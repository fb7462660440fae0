"""schema.org ``JobPosting`` JSON-LD: Tandem's published offers out to job boards (with what
Google's job-search guidelines require), and offers from boards and partners in.

An import is idempotent: an ad seen before (same ``identifier``, else ``url``) updates its
offer through the same rules as any edit (a published offer edited is screened again), and an
ad that says nothing new leaves it as it was ("unchanged"). An employer not on record becomes a
prospect. Every row gets a line in the report.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from employers.companies import create_prospect, find_company
from employers.jobposting_read import (
    FULL_TIME_HOURS,
    UNIT,
    ReadPosting,
    RowRefused,
    read_jobposting,
)
from employers.jsonld import DocumentRefused, jobpostings
from employers.offer_states import EDITABLE, OfferAction
from employers.offers import Review, create_offer, transition, update_offer
from employers.schemas import OfferCreate, OfferUpdate
from employers.spreadsheets import SpreadsheetRefused, spreadsheet_rows
from models import reference
from models.audit import StatusChange
from models.company import Company
from models.errors import TandemError
from models.offer import ContractType, Offer, OfferKind, OfferStatus
from places.geo import normalise_postcode
from taxonomy.normalise import Normaliser

__all__ = [
    "CONTEXT",
    "ImportReport",
    "RowRefused",
    "RowReport",
    "import_offers",
    "jobposting_of",
    "jobposting_rows",
    "published_csv",
    "published_jobpostings",
    "rows_from_file",
    "to_jobposting",
]

CONTEXT = "https://schema.org"
#: The identifier name Tandem's own exports carry (``identifier: {name: tandem, value: id}``).
OWN_IDENTIFIER = "tandem"
#: Offer fields as the JobPosting property a refusal names.
JOBPOSTING_FIELDS = {
    "title": "title",
    "description": "description",
    "hours_per_week": "workHours",
    "expiry_date": "validThrough",
    "start_date": "jobStartDate",
    "postcode": "jobLocation.address.postalCode",
    "country": "jobLocation.address.addressCountry",
    "address": "jobLocation.address.streetAddress",
    "pay_amount": "baseSalary",
    "pay_period": "baseSalary.unitText",
    "requirements": "skills",
    "places": "totalJobOpenings",
    "min_isced": "educationRequirements",
    "occupation_uri": "occupationalCategory",
    "kind": "employmentType",
    "contract_type": "employmentType",
}


def _employment_types(offer: Offer) -> list[str]:
    types = ["FULL_TIME" if offer.hours_per_week >= FULL_TIME_HOURS else "PART_TIME"]
    if offer.kind in (OfferKind.traineeship, OfferKind.work_trial, OfferKind.apprenticeship):
        types.append("INTERN")
    if offer.kind is OfferKind.volunteering:
        types.append("VOLUNTEER")
    if offer.contract_type in (ContractType.temporary, ContractType.fixed_term):
        types.append("TEMPORARY")
    return types


def _identifier(offer: Offer) -> dict[str, Any]:
    """An imported offer keeps its source's identifier (so a board recognises its own ad);
    Tandem's own offers are ``tandem``/id."""
    key = offer.source_key or ""
    if key.startswith("identifier:"):
        name, _, value = key.removeprefix("identifier:").partition(":")
        return {"@type": "PropertyValue", "name": name, "value": value}
    return {"@type": "PropertyValue", "name": OWN_IDENTIFIER, "value": str(offer.id)}


def to_jobposting(
    offer: Offer, company: Company, date_posted: date | None, default_country: str = "AT"
) -> dict[str, Any]:
    organisation: dict[str, Any] = {"@type": "Organization", "name": company.name}
    if company.registration_number:
        organisation["identifier"] = company.registration_number
    if company.website:
        organisation["sameAs"] = company.website
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "identifier": _identifier(offer),
        "title": offer.title,
        "description": offer.description or offer.title,
        "employmentType": _employment_types(offer),
        "workHours": f"{offer.hours_per_week:g} hours per week",
        "totalJobOpenings": offer.places,
        "hiringOrganization": organisation,
        "skills": [
            {
                "@type": "DefinedTerm",
                "name": r.text,
                **({} if r.essential else {"description": "optional"}),
            }
            for r in offer.requirements
        ],
    }
    source = offer.source_key or ""
    if source.startswith("url:"):
        doc["url"] = source.removeprefix("url:")
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
        doc["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": offer.country or company.country or default_country,
        }
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


#: The columns of the CSV export: the importer's own names (``employers.spreadsheets``), so a
#: partner reads and writes one layout.
CSV_COLUMNS = (
    "identifier",
    "company",
    "registration_number",
    "website",
    "kind",
    "title",
    "description",
    "requirements",
    "hours_per_week",
    "contract_type",
    "postcode",
    "country",
    "address",
    "start_date",
    "expiry_date",
    "places",
    "pay_amount",
    "pay_period",
)


def published_csv(session: Session) -> str:
    """Every published offer as one CSV row (newest first); requirements ``|``-separated,
    an optional one marked ``?``, as the importer reads them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = session.execute(
        select(Offer, Company)
        .join(Company, Company.id == Offer.company_id)
        .where(Offer.status == OfferStatus.published)
        .order_by(Offer.id.desc())
    ).all()
    for offer, company in rows:
        identifier = _identifier(offer)
        values = {
            "identifier": identifier["value"]
            if identifier["name"] != OWN_IDENTIFIER
            else f"{OWN_IDENTIFIER}-{offer.id}",
            "company": company.name,
            "registration_number": company.registration_number or "",
            "website": company.website or "",
            "kind": offer.kind.value,
            "title": offer.title,
            "description": offer.description or "",
            "requirements": " | ".join(
                r.text if r.essential else f"? {r.text}" for r in offer.requirements
            ),
            "hours_per_week": f"{offer.hours_per_week:g}",
            "contract_type": offer.contract_type.value,
            "postcode": offer.postcode or "",
            "country": offer.country or "",
            "address": offer.address or "",
            "start_date": offer.start_date.isoformat() if offer.start_date else "",
            "expiry_date": offer.expiry_date.isoformat() if offer.expiry_date else "",
            "places": offer.places,
            "pay_amount": "" if offer.pay_amount is None else f"{offer.pay_amount}",
            "pay_period": offer.pay_period.value if offer.pay_period else "",
        }
        writer.writerow([values[c] for c in CSV_COLUMNS])
    return out.getvalue()


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
    if posted is None:  # not published yet: the day it was created
        posted = offer.created_at
    return to_jobposting(offer, company, posted.date() if posted else None)


# Import


@dataclass
class RowReport:
    """One row of an import: ``created``, ``updated``, ``unchanged`` or ``refused``; the
    employer ``matched`` (with its score) or ``created`` as a prospect."""

    row: int
    outcome: str
    offer_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    company_id: int | None = None
    company: str = ""
    company_outcome: str = ""
    company_score: float | None = None
    field: str = ""
    message: str = ""


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    held: list[int] = field(default_factory=list)
    prospects: list[int] = field(default_factory=list)

    @property
    def refused(self) -> list[RowReport]:
        return [r for r in self.rows if r.outcome == "refused"]

    def as_csv(self) -> str:
        """The per-row report as CSV (one line per row), to download beside the import."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            [
                "row",
                "outcome",
                "offers",
                "company_id",
                "company",
                "company_outcome",
                "company_score",
                "field",
                "message",
                "notes",
            ]
        )
        for r in self.rows:
            writer.writerow(
                [
                    r.row,
                    r.outcome,
                    " ".join(str(i) for i in r.offer_ids),
                    r.company_id or "",
                    r.company,
                    r.company_outcome,
                    "" if r.company_score is None else f"{r.company_score:g}",
                    r.field,
                    r.message,
                    " | ".join(r.notes),
                ]
            )
        return out.getvalue()


@dataclass(frozen=True)
class ImportContext:
    """What every row of one import shares."""

    default_country: str
    normaliser: Normaliser | None
    review: Review
    today: date
    match_threshold: float
    field_names: Mapping[str, str]


Row = tuple[int, Callable[[], ReadPosting]]


def jobposting_rows(payload: Any) -> list[Row]:
    """The rows of a JSON-LD payload (one JobPosting, a list, or an ``@graph``)."""

    def reader(item: dict[str, Any] | DocumentRefused) -> Callable[[], ReadPosting]:
        def read() -> ReadPosting:
            if isinstance(item, DocumentRefused):
                raise RowRefused(item.field, str(item))
            return read_jobposting(item)

        return read

    return [(i, reader(item)) for i, item in enumerate(jobpostings(payload), start=1)]


def _employer(
    session: Session, actor: Actor, posting: ReadPosting, context: ImportContext
) -> tuple[Company, str, float | None]:
    ref = posting.employer
    found = find_company(session, ref.registration_number, ref.name, context.match_threshold)
    if found is not None:
        return found[0], "matched", found[1]
    if not ref.postcode:
        raise RowRefused(
            "hiringOrganization.address",
            f"'{ref.name}' is not on record and the ad gives no postcode to record it with",
        )
    company = create_prospect(
        session,
        actor,
        name=ref.name,
        registration_number=ref.registration_number,
        website=ref.website,
        country=ref.country or context.default_country,
        postcode=ref.postcode,
        address=ref.address,
        nace_code=ref.nace_code,
    )
    return company, "created", None


def _existing(session: Session, key: str | None, company: Company) -> Offer | None:
    """The offer an ad was imported as before; Tandem's own export (``tandem``/id) is the
    offer with that id, when it is the same employer's."""
    if key is None:
        return None
    prefix = f"identifier:{OWN_IDENTIFIER}:"
    if key.startswith(prefix) and key.removeprefix(prefix).isdigit():
        own = session.get(Offer, int(key.removeprefix(prefix)))
        if own is not None and own.company_id == company.id:
            return own
    return session.scalar(select(Offer).where(Offer.source_key == key))


def _comparable(data: OfferCreate, default_country: str) -> dict[str, Any]:
    values = data.model_dump(exclude={"company_id", "status"})
    if values.get("postcode") is not None:
        values["postcode"] = normalise_postcode(values["postcode"])
        values["country"] = (values.get("country") or default_country).upper()
    else:
        values["country"] = None
    return values


def _changes(
    offer: Offer, company: Company, incoming: OfferCreate, context: ImportContext
) -> dict[str, Any]:
    """What the ad says differently from the offer as Tandem would publish it: both are read
    through the same reader, so a coarse vocabulary (``employmentType``) never counts as a
    change of a finer field it cannot express."""
    current = read_jobposting(to_jobposting(offer, company, None, context.default_country))
    # The export gives an offer without a description its title (Google requires one): an
    # ad that says so again, or says nothing, leaves the description as it is.
    description = offer.description
    if not description and incoming.description == offer.title:
        description = offer.title
    values = {**current.offers[0], "company_id": company.id, "description": description}
    now = _comparable(OfferCreate.model_validate(values), context.default_country)
    new = _comparable(incoming, context.default_country)
    changes = {k: v for k, v in new.items() if now.get(k) != v}
    if "country" in changes or "postcode" in changes:
        changes["postcode"], changes["country"] = new["postcode"], new["country"]
    return changes


def _import_offer(
    session: Session,
    actor: Actor,
    values: dict[str, Any],
    key: str | None,
    company: Company,
    context: ImportContext,
    report: ImportReport,
) -> str:
    data = OfferCreate.model_validate({**values, "company_id": company.id})
    offer = _existing(session, key, company)
    if offer is None:
        offer = create_offer(
            session, actor, data, context.default_country, context.today, context.normaliser
        )
        offer.source_key = key
        session.flush()
        transition(
            session, actor, offer.id, OfferAction.submit, "imported", context.review, context.today
        )
        report.created.append(offer.id)
        if offer.status is OfferStatus.held:
            report.held.append(offer.id)
        return f"created:{offer.id}"
    changes = _changes(offer, company, data, context)
    if not changes:
        report.unchanged.append(offer.id)
        return f"unchanged:{offer.id}"
    if offer.status not in EDITABLE.get(actor.role, frozenset()):
        raise RowRefused(
            "identifier",
            f"offer {offer.id} is {offer.status.value}: the changed ad is not applied",
        )
    was_held = offer.status is OfferStatus.held
    update_offer(
        session,
        actor,
        offer.id,
        OfferUpdate.model_validate(changes),
        context.default_country,
        context.today,
        context.review,
        context.normaliser,
    )
    report.updated.append(offer.id)
    if offer.status is OfferStatus.held and not was_held:
        report.held.append(offer.id)
    return f"updated:{offer.id}"


def _outcome(results: list[str]) -> str:
    kinds = {r.split(":")[0] for r in results}
    for kind in ("created", "updated"):
        if kind in kinds:
            return kind
    return "unchanged"


def import_offers(
    session: Session,
    actor: Actor,
    rows: Iterable[Row],
    context: ImportContext,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create (and submit, so it is screened), update or leave each row's offers; a refused row
    changes nothing (its prospect employer included) and is reported with field and reason."""
    report = ImportReport()
    for row, read in rows:
        line = RowReport(row=row, outcome="refused")
        pending = ImportReport()
        savepoint = session.begin_nested()
        try:
            posting = read()
            line.notes = posting.notes
            line.company = posting.employer.name
            company, line.company_outcome, line.company_score = _employer(
                session, actor, posting, context
            )
            line.company_id = company.id
            several = len(posting.offers) > 1
            results = []
            for values in posting.offers:
                key = posting.source_key
                if key is not None and several:
                    key = f"{key}#{normalise_postcode(values['postcode'])}"[:300]
                results.append(
                    _import_offer(session, actor, values, key, company, context, pending)
                )
            savepoint.commit()
            for name in ("created", "updated", "unchanged", "held"):
                getattr(report, name).extend(getattr(pending, name))
            line.outcome = _outcome(results)
            line.offer_ids = [int(r.split(":")[1]) for r in results]
            if line.company_outcome == "created":
                report.prospects.append(company.id)
        except RowRefused as exc:
            savepoint.rollback()
            line.field, line.message = exc.field, str(exc)
        except ValidationError as exc:
            savepoint.rollback()
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"][:1]) or "row"
            line.field = context.field_names.get(where, where)
            line.message = str(error["msg"])
        except TandemError as exc:
            savepoint.rollback()
            where = exc.field or "row"
            line.field = context.field_names.get(where, where)
            line.message = exc.message
        if line.outcome == "refused":
            line.company_id, line.company_outcome, line.company_score = None, "", None
            line.offer_ids = []
        report.rows.append(line)
        if progress is not None:
            progress(1)
    return report


def rows_from_file(data: bytes, filename: str) -> tuple[list[Row], Mapping[str, str]]:
    """The rows of an uploaded file, and how its refusals name fields: JSON-LD (``.json``,
    ``.jsonld``, or content that starts like JSON) or a spreadsheet (CSV, XLSX). A file that
    cannot be read at all raises ``RowRefused`` naming what is wrong with it."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if filename.lower().endswith((".json", ".jsonld")) or stripped[:1] in (b"{", b"["):
        try:
            payload = json.loads(stripped.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RowRefused("file", f"not readable JSON: {exc}") from exc
        return jobposting_rows(payload), JOBPOSTING_FIELDS
    try:
        rows, names = spreadsheet_rows(data, filename)
    except SpreadsheetRefused as exc:
        raise RowRefused(exc.field, str(exc)) from exc
    return rows, names
