"""Indicators for managers and funders: offers, review time, shortlists, proposals, placements,
work trials turned into contracts, retention at each checkpoint, employers, tutors and parked
clients, for a period and filtered by office, liaison officer, sector and offer kind.

Breakdowns by gender and age band read the monitoring table (recorded only with the client's
agreement, never read by matching) and are aggregates in which any count under
``SMALL_COUNT`` is suppressed, so that no one can be picked out.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from statistics import mean, median
from typing import Any, TypeVarTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from accounts.actor import Actor
from clients.records import parked_clients
from models.audit import StatusChange
from models.client import Client, ClientMonitoring
from models.company import Company
from models.errors import InvalidInput
from models.matching import Shortlist
from models.offer import TUTORED_KINDS, Offer, OfferKind, OfferStatus
from models.placement import (
    Checkpoint,
    CheckpointOutcome,
    Placement,
    PlacementStatus,
    Proposal,
)
from models.reference import is_nace_code, nace_divisions
from models.tutor import Tutor, TutorStage
from models.user import Office, Role, User

SMALL_COUNT = 5
AGE_BANDS = ((0, 24, "under 25"), (25, 44, "25-44"), (45, 54, "45-54"), (55, 200, "55 and over"))

Row = dict[str, Any]
Ts = TypeVarTuple("Ts")


@dataclass(frozen=True)
class IndicatorFilters:
    date_from: date
    date_to: date
    office_id: int | None = None
    liaison_id: int | None = None
    sector: str | None = None
    offer_kind: OfferKind | None = None

    def starts(self) -> datetime:
        return datetime.combine(self.date_from, time.min, UTC)

    def ends(self) -> datetime:
        return datetime.combine(self.date_to + timedelta(days=1), time.min, UTC)


def check_filters(filters: IndicatorFilters) -> None:
    if filters.date_to < filters.date_from:
        raise InvalidInput("date_to", "the period ends before it starts")
    if filters.sector is not None and not is_nace_code(filters.sector):
        raise InvalidInput("sector", f"'{filters.sector}' is not a NACE section or division")


def _sector_codes(sector: str) -> list[str]:
    if sector in nace_divisions():
        return [sector]
    return [code for code, d in nace_divisions().items() if d.section == sector]


def _offer_scope(query: Select[*Ts], filters: IndicatorFilters) -> Select[*Ts]:
    """Restrict a query joined to ``Offer`` and ``Company`` by the company-side filters."""
    if filters.liaison_id is not None:
        query = query.where(Company.liaison_officer_id == filters.liaison_id)
    if filters.office_id is not None:
        liaison = aliased(User)
        query = query.join(liaison, liaison.id == Company.liaison_officer_id).where(
            liaison.office_id == filters.office_id
        )
    if filters.sector is not None:
        query = query.where(Company.nace_code.in_(_sector_codes(filters.sector)))
    if filters.offer_kind is not None:
        query = query.where(Offer.kind == filters.offer_kind)
    return query


def _counts(rows: Iterable[tuple[Any, ...]], *names: str) -> list[Row]:
    counter = Counter(tuple(str(v) for v in row) for row in rows)
    return [
        {**dict(zip(names, key, strict=True)), "count": count}
        for key, count in sorted(counter.items())
    ]


def age_band(birth_year: int | None, on: date) -> str:
    if birth_year is None:
        return "not recorded"
    age = on.year - birth_year
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)


def suppressed(rows: list[Row]) -> list[Row]:
    """Counts under ``SMALL_COUNT`` become null with ``suppressed: true``."""
    return [
        {**row, "count": None, "suppressed": True}
        if row["count"] < SMALL_COUNT
        else {**row, "suppressed": False}
        for row in rows
    ]


def indicators(
    session: Session,
    actor: Actor,
    filters: IndicatorFilters,
    contact_standard_days: int,
    only: Collection[str] | None = None,
) -> dict[str, Any]:
    """Every indicator table for the period and filters, or only the tables named in ``only``
    (a page drawing one chart need not count all of them)."""
    actor.require(Role.admin, Role.liaison, Role.caseworker)
    check_filters(filters)
    start, end = filters.starts(), filters.ends()

    @cache
    def placements() -> list[tuple[Placement, str | None, str]]:
        return _placements(session, filters)

    def started() -> list[tuple[Placement, str | None, str]]:
        return [p for p in placements() if _within(p[0].actual_start, filters)]

    makers: dict[str, Callable[[], list[Row]]] = {
        "offers_by_state": lambda: _offers_by_state(session, filters, end),
        "days_to_publication": lambda: _days_to_publication(session, filters, start, end),
        "shortlists": lambda: _shortlists(session, filters, start, end),
        "proposals": lambda: _proposals(session, filters, start, end),
        "placements_started": lambda: _counts(((p.kind.value,) for p, _g, _b in started()), "kind"),
        "placements_by_month": lambda: _by_month(started(), filters),
        "trials_to_contracts": lambda: _trials_to_contracts(placements(), filters),
        "retention": lambda: _retention(session, filters),
        "employers": lambda: _employers(session, filters),
        "tutors": lambda: _tutors(session, filters),
        "parked_clients": lambda: _parked(session, filters, contact_standard_days),
        "placements_started_by_gender_age": lambda: suppressed(
            _counts(((g or "not recorded", b) for _p, g, b in started()), "gender", "age_band")
        ),
        "hires_by_gender_age": lambda: suppressed(
            _counts(
                (
                    (g or "not recorded", b)
                    for p, g, b in placements()
                    if p.status is PlacementStatus.hired and _within(p.actual_end, filters)
                ),
                "gender",
                "age_band",
            )
        ),
    }
    tables = {name: make() for name, make in makers.items() if only is None or name in only}
    return {
        "period": {"from": filters.date_from, "to": filters.date_to},
        "filters": {
            "office_id": filters.office_id,
            "liaison_id": filters.liaison_id,
            "sector": filters.sector,
            "offer_kind": filters.offer_kind,
        },
        "small_count_suppressed_below": SMALL_COUNT,
        "tables": tables,
    }


def _months(filters: IndicatorFilters) -> list[str]:
    """Every month the period touches, as ``YYYY-MM``."""
    months = []
    year, month = filters.date_from.year, filters.date_from.month
    while (year, month) <= (filters.date_to.year, filters.date_to.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _by_month(
    started: list[tuple[Placement, str | None, str]], filters: IndicatorFilters
) -> list[Row]:
    """Placements started in each month of the period (months without any count 0)."""
    counts = Counter(
        p.actual_start.strftime("%Y-%m") for p, _g, _b in started if p.actual_start is not None
    )
    return [{"month": m, "placements_started": counts[m]} for m in _months(filters)]


def filter_choices(session: Session, actor: Actor) -> dict[str, list[tuple[int, str]]]:
    """What the indicators can be filtered by: the offices and the liaison officers (id and
    name), for those who may read the indicators."""
    actor.require(Role.admin, Role.liaison, Role.caseworker)
    offices = session.execute(select(Office.id, Office.name).order_by(Office.name))
    officers = session.execute(
        select(User.id, User.display_name)
        .where(User.role == Role.liaison)
        .order_by(User.display_name, User.id)
    )
    return {
        "offices": [(row.id, row.name) for row in offices],
        "liaison_officers": [(row.id, row.display_name) for row in officers],
    }


def _within(day: date | None, filters: IndicatorFilters) -> bool:
    return day is not None and filters.date_from <= day <= filters.date_to


def _offers_by_state(session: Session, filters: IndicatorFilters, end: datetime) -> list[Row]:
    """Counted by the database (one row per kind and state, not one per offer)."""
    query = select(Offer.kind, Offer.status, func.count()).join(
        Company, Company.id == Offer.company_id
    )
    query = _offer_scope(query, filters).where(Offer.created_at < end)
    counted = session.execute(query.group_by(Offer.kind, Offer.status))
    rows: list[Row] = [
        {"kind": kind.value, "state": status.value, "count": count}
        for kind, status, count in counted
    ]
    return sorted(rows, key=lambda row: (row["kind"], row["state"]))


def _days_to_publication(
    session: Session, filters: IndicatorFilters, start: datetime, end: datetime
) -> list[Row]:
    submitted = (
        select(StatusChange.entity_id.label("offer_id"), func.min(StatusChange.at).label("at"))
        .where(StatusChange.entity == "offer", StatusChange.from_status == OfferStatus.draft.value)
        .group_by(StatusChange.entity_id)
        .subquery()
    )
    published = (
        select(StatusChange.entity_id.label("offer_id"), func.min(StatusChange.at).label("at"))
        .where(
            StatusChange.entity == "offer", StatusChange.to_status == OfferStatus.published.value
        )
        .group_by(StatusChange.entity_id)
        .subquery()
    )
    # The days between counted by the database: thousands of offers, no datetime read.
    if session.get_bind().dialect.name == "sqlite":
        between = func.julianday(published.c.at) - func.julianday(submitted.c.at)
    else:
        between = func.extract("epoch", published.c.at - submitted.c.at) / 86400
    query = (
        select(between)
        .select_from(submitted)
        .join(published, published.c.offer_id == submitted.c.offer_id)
        .join(Offer, Offer.id == submitted.c.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(published.c.at >= start, published.c.at < end)
    )
    days = [max(float(d), 0.0) for d in session.scalars(_offer_scope(query, filters))]
    if not days:
        return [{"offers_published": 0, "median_days": None, "mean_days": None}]
    return [
        {
            "offers_published": len(days),
            "median_days": round(median(days), 1),
            "mean_days": round(mean(days), 1),
        }
    ]


def _client_scope(query: Select[*Ts], filters: IndicatorFilters) -> Select[*Ts]:
    if filters.office_id is not None:
        caseworker = aliased(User)
        query = query.join(caseworker, caseworker.id == Client.caseworker_id).where(
            caseworker.office_id == filters.office_id
        )
    return query


def _shortlists(
    session: Session, filters: IndicatorFilters, start: datetime, end: datetime
) -> list[Row]:
    query = select(Shortlist.direction).where(Shortlist.at >= start, Shortlist.at < end)
    if filters.office_id is not None:
        query = query.join(User, User.id == Shortlist.requested_by_id).where(
            User.office_id == filters.office_id
        )
    return _counts(((d.value,) for (d,) in session.execute(query)), "direction")


def _proposals(
    session: Session, filters: IndicatorFilters, start: datetime, end: datetime
) -> list[Row]:
    query = (
        select(Proposal.status, Proposal.decline_reason)
        .join(Offer, Offer.id == Proposal.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(Proposal.created_at >= start, Proposal.created_at < end)
    )
    rows = session.execute(_offer_scope(query, filters))
    return _counts(((s.value, r.value if r else "") for s, r in rows), "answer", "decline_reason")


def _placements(
    session: Session, filters: IndicatorFilters
) -> list[tuple[Placement, str | None, str]]:
    """Placements in scope with the client's recorded gender and age band (at the start)."""
    query = (
        select(Placement, ClientMonitoring.gender, ClientMonitoring.birth_year)
        .join(Offer, Offer.id == Placement.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .join(Client, Client.id == Placement.client_id)
        .outerjoin(ClientMonitoring, ClientMonitoring.client_id == Placement.client_id)
        .where(Placement.actual_start.is_not(None), Placement.actual_start <= filters.date_to)
    )
    # The office of a placement is the client's caseworker's, not the company's officer's.
    company_side = IndicatorFilters(
        filters.date_from,
        filters.date_to,
        None,
        filters.liaison_id,
        filters.sector,
        filters.offer_kind,
    )
    query = _client_scope(_offer_scope(query, company_side), filters)
    return [
        (p, gender, age_band(year, p.actual_start or filters.date_to))
        for p, gender, year in session.execute(query)
    ]


def _trials_to_contracts(
    placements: list[tuple[Placement, str | None, str]], filters: IndicatorFilters
) -> list[Row]:
    ended = [
        p
        for p, _g, _b in placements
        if p.kind in TUTORED_KINDS
        and p.status
        in (PlacementStatus.completed, PlacementStatus.hired, PlacementStatus.ended_early)
        and _within(p.actual_end, filters)
    ]
    rows = []
    for kind in sorted(TUTORED_KINDS):
        of_kind = [p for p in ended if p.kind is kind]
        hired = sum(p.status is PlacementStatus.hired for p in of_kind)
        rows.append(
            {
                "kind": kind.value,
                "ended": len(of_kind),
                "hired": hired,
                "share_hired": round(hired / len(of_kind), 3) if of_kind else None,
            }
        )
    return rows


def _retention(session: Session, filters: IndicatorFilters) -> list[Row]:
    """Per checkpoint offset: placements followed up (due in the period, an outcome recorded)
    and the share still in work; a placement counts as ended if either side says so."""
    query = (
        select(Checkpoint.offset_days, Checkpoint.placement_id, Checkpoint.outcome)
        .join(Placement, Placement.id == Checkpoint.placement_id)
        .join(Offer, Offer.id == Placement.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(
            Checkpoint.outcome.is_not(None),
            Checkpoint.due_on >= filters.date_from,
            Checkpoint.due_on <= filters.date_to,
        )
    )
    outcome: dict[tuple[int, int], bool] = {}
    for offset, placement_id, result in session.execute(_offer_scope(query, filters)):
        key = (offset, placement_id)
        outcome[key] = outcome.get(key, True) and result is CheckpointOutcome.in_work
    by_offset: dict[int, list[bool]] = defaultdict(list)
    for (offset, _placement), in_work in outcome.items():
        by_offset[offset].append(in_work)
    return [
        {
            "offset_days": offset,
            "followed_up": len(values),
            "in_work": sum(values),
            "share_in_work": round(sum(values) / len(values), 3),
        }
        for offset, values in sorted(by_offset.items())
    ]


def _employers(session: Session, filters: IndicatorFilters) -> list[Row]:
    """Active: an offer created or a placement started in the period. Repeat: active and
    with a placement started before the period too."""
    offers = select(Company.id).join(Offer, Offer.company_id == Company.id)
    offers = _offer_scope(offers, filters).where(
        Offer.created_at >= filters.starts(), Offer.created_at < filters.ends()
    )
    placed = (
        select(Company.id, Placement.actual_start)
        .join(Offer, Offer.company_id == Company.id)
        .join(Placement, Placement.offer_id == Offer.id)
        .where(Placement.actual_start.is_not(None))
    )
    placed_rows = session.execute(_offer_scope(placed, filters)).all()
    active = set(session.scalars(offers)) | {c for c, day in placed_rows if _within(day, filters)}
    earlier = {c for c, day in placed_rows if day is not None and day < filters.date_from}
    return [{"active_employers": len(active), "repeat_employers": len(active & earlier)}]


def _tutors(session: Session, filters: IndicatorFilters) -> list[Row]:
    # The columns counted, not the tutors with their trainings.
    query = select(Tutor.id, Tutor.stage, Tutor.trained_on, Tutor.max_mentees).join(
        Company, Company.id == Tutor.company_id
    )
    scope = IndicatorFilters(
        filters.date_from, filters.date_to, filters.office_id, filters.liaison_id, filters.sector
    )
    tutors = list(session.execute(_offer_scope(query, scope)))
    load = Counter(
        session.scalars(
            select(Placement.tutor_id).where(
                Placement.status.in_((PlacementStatus.planned, PlacementStatus.started)),
                Placement.tutor_id.in_([t.id for t in tutors]),
            )
        )
    )
    rows = []
    for stage in TutorStage:
        of_stage = [t for t in tutors if t.stage is stage]
        rows.append(
            {
                "stage": stage.value,
                "tutors": len(of_stage),
                "trained_in_period": sum(_within(t.trained_on, filters) for t in of_stage),
                "mentees": sum(load[t.id] for t in of_stage),
                "capacity": sum(t.max_mentees for t in of_stage),
            }
        )
    return rows


def _parked(session: Session, filters: IndicatorFilters, days: int) -> list[Row]:
    """Clients parked on the period's last day: no contact or shortlist for ``days``."""
    parked = parked_clients(session, filters.date_to, days)
    if filters.office_id is not None:
        in_office = set(session.scalars(select(User.id).where(User.office_id == filters.office_id)))
        parked = [(c, last) for c, last in parked if c.caseworker_id in in_office]
    return [{"as_of": filters.date_to, "standard_days": days, "parked_clients": len(parked)}]


def to_csv(rows: list[Row]) -> str:
    """One indicator table as CSV (a header from the first row's keys)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
