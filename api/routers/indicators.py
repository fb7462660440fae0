"""Indicators for a period, filtered by office, liaison officer, sector and offer kind; each
table also as CSV."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response

from api.deps import (
    CodeFilter,
    CurrentActor,
    DateFilter,
    IdFilter,
    SessionDep,
    SettingsDep,
    TodayDep,
)
from models.errors import NotFound
from models.offer import OfferKind
from reporting import indicators as service

router = APIRouter(prefix="/indicators", tags=["indicators"])


def get_filters(
    today: TodayDep,
    date_from: DateFilter = None,
    date_to: DateFilter = None,
    office_id: IdFilter = None,
    liaison_id: IdFilter = None,
    sector: CodeFilter = None,
    offer_kind: OfferKind | None = None,
) -> service.IndicatorFilters:
    """Default period: the last 365 days up to today."""
    end = date_to or today
    return service.IndicatorFilters(
        date_from or end - timedelta(days=364), end, office_id, liaison_id, sector, offer_kind
    )


FiltersDep = Annotated[service.IndicatorFilters, Depends(get_filters)]


@router.get("")
def indicators(
    session: SessionDep, actor: CurrentActor, settings: SettingsDep, filters: FiltersDep
) -> dict[str, Any]:
    return service.indicators(session, actor, filters, settings.contact_standard_days)


@router.get("/{table}.csv", response_class=Response)
def indicator_csv(
    table: Annotated[str, Path(max_length=50)],
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    filters: FiltersDep,
) -> Response:
    tables = service.indicators(session, actor, filters, settings.contact_standard_days)["tables"]
    if table not in tables:
        raise NotFound("indicator table", table)
    return Response(
        service.to_csv(tables[table]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{table}.csv"'},
    )
