"""The indicators page: the API's indicators (``reporting.indicators``, the same service and
role rules as ``GET /api/v1/indicators``) for a period and filters, drawn as charts. Each chart
is its own SVG answer shown in an ``<img>``, its figures in a table beside it for screen
readers, and its rows as a CSV download with the same filters. Counts under the service's
``SMALL_COUNT`` stay hidden on the page, in the chart and in the CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import Path, Query, Request, Response

from accounts.actor import Actor
from api.deps import SessionDep, SettingsDep, TodayDep
from models.errors import InvalidInput
from models.offer import OfferKind
from models.reference import nace_divisions, nace_sections
from models.user import Role
from reporting import indicators as service
from web import charts
from web.deps import PageNotFound, Pages, PagesDep, page_for, page_router, render
from web.filters import FilterChoice
from web.labels import N_, labeller

router = page_router()
IndicatorsPage = Annotated[Actor, page_for(Role.admin, Role.liaison, Role.caseworker)]
Text = Annotated[str, Query(max_length=20)]
Row = dict[str, Any]
Translate = Callable[[str], str]

#: Words for the monitoring values the service reports (genders and age bands).
WORDS = {
    "female": N_("Female"),
    "male": N_("Male"),
    "diverse": N_("Diverse"),
    "not_stated": N_("Not stated"),
    "not recorded": N_("Not recorded"),
    "under 25": N_("Under 25"),
    "25-44": N_("25 to 44"),
    "45-54": N_("45 to 54"),
    "55 and over": N_("55 and over"),
}


@dataclass(frozen=True)
class Chart:
    """One chart of the page: the service's table it draws, and its words."""

    key: str
    table: str
    title: str
    axis: str
    empty: str
    over_time: bool = False
    #: The scale's fixed end (a share in per cent), else the largest value.
    top: float | None = None


CHARTS = {
    c.key: c
    for c in (
        Chart(
            "placements",
            "placements_by_month",
            N_("Placements started, by month"),
            N_("Placements started"),
            N_("No placement started in this period."),
            over_time=True,
        ),
        Chart(
            "retention",
            "retention",
            N_("Still in work at each checkpoint"),
            N_("Share still in work (%)"),
            N_("No checkpoint due in this period has an outcome recorded."),
            top=100,
        ),
        Chart(
            "offers",
            "offers_by_state",
            N_("Offers by state and kind"),
            N_("Offers"),
            N_("No offer was created by the end of this period."),
        ),
        Chart(
            "publication",
            "days_to_publication",
            N_("Days from submission to publication"),
            N_("Days"),
            N_("No offer was published in this period."),
        ),
        Chart(
            "proposals",
            "proposals",
            N_("Proposals and the employers' answers"),
            N_("Proposals"),
            N_("No candidate was proposed in this period."),
        ),
        Chart(
            "hires",
            "hires_by_gender_age",
            N_("Hires by gender and age band"),
            N_("Hires"),
            N_("No one was hired in this period."),
        ),
    )
}


@dataclass(frozen=True)
class Figures:
    """One chart's figures as the page shows them: the bars (label, value), the table's head
    and rows, and whether there is anything to draw."""

    bars: list[tuple[str, float]]
    head: list[str]
    rows: list[list[Any]]
    empty: bool


def _figures(chart: Chart, rows: list[Row], _: Translate) -> Figures:
    label = labeller(_)

    def word(value: str) -> str:
        return _(WORDS[value]) if value in WORDS else label(value)

    if chart.key == "placements":
        # "12/25" for 2025-12: short enough for a column each month of a year.
        bars = [
            (f"{r['month'][5:]}/{r['month'][2:4]}", float(r["placements_started"])) for r in rows
        ]
        return Figures(
            bars,
            [_("Month"), _("Placements started")],
            [[r["month"], r["placements_started"]] for r in rows],
            not any(r["placements_started"] for r in rows),
        )
    if chart.key == "retention":
        shares = [(r, round(100 * r["share_in_work"], 1)) for r in rows]
        return Figures(
            [(_("Day %(n)s") % {"n": r["offset_days"]}, s) for r, s in shares],
            [_("Checkpoint"), _("Followed up"), _("Still in work"), _("Share still in work (%)")],
            [
                [_("Day %(n)s") % {"n": r["offset_days"]}, r["followed_up"], r["in_work"], s]
                for r, s in shares
            ],
            not rows,
        )
    if chart.key == "offers":
        return Figures(
            [(f"{label(r['kind'])} · {label(r['state'])}", float(r["count"])) for r in rows],
            [_("Kind"), _("State"), _("Offers")],
            [[label(r["kind"]), label(r["state"]), r["count"]] for r in rows],
            not rows,
        )
    if chart.key == "publication":
        row = rows[0]
        published = row["offers_published"]
        return Figures(
            [(_("Median"), row["median_days"]), (_("Mean"), row["mean_days"])] if published else [],
            [_("Offers published"), _("Median days"), _("Mean days")],
            [[published, row["median_days"], row["mean_days"]]],
            not published,
        )
    if chart.key == "proposals":
        return Figures(
            [
                (
                    label(r["answer"])
                    + (f" · {label(r['decline_reason'])}" if r["decline_reason"] else ""),
                    float(r["count"]),
                )
                for r in rows
            ],
            [_("Answer"), _("Reason for declining"), _("Proposals")],
            [
                [label(r["answer"]), label(r["decline_reason"]) if r["decline_reason"] else "—"]
                + [r["count"]]
                for r in rows
            ],
            not rows,
        )
    hidden = _("fewer than %(n)s") % {"n": service.SMALL_COUNT}
    return Figures(
        [
            (f"{word(r['gender'])} · {word(r['age_band'])}", float(r["count"]))
            for r in rows
            if not r["suppressed"]
        ],
        [_("Gender"), _("Age band"), _("Hires")],
        [
            [word(r["gender"]), word(r["age_band"]), hidden if r["suppressed"] else r["count"]]
            for r in rows
        ],
        not rows,
    )


Choice = FilterChoice[service.IndicatorFilters]


def _choose(
    today: date,
    _: Translate,
    date_from: str,
    date_to: str,
    office: str,
    officer: str,
    sector: str,
    kind: str,
) -> Choice:
    """The default period, as the API's: the 365 days up to today."""
    values = {
        "date_from": date_from.strip(),
        "date_to": date_to.strip(),
        "office": office.strip(),
        "officer": officer.strip(),
        "sector": sector.strip(),
        "kind": kind.strip(),
    }
    errors: dict[str, str] = {}
    days: dict[str, date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            days[name] = date.fromisoformat(values[name]) if values[name] else None
        except ValueError:
            errors[name] = _("Give a date, such as 2026-01-31.")
    if values["kind"] and values["kind"] not in set(OfferKind):
        errors["kind"] = _("Choose a kind of offer from the list.")
    for name in ("office", "officer"):
        if values[name] and not values[name].isdigit():
            errors[name] = _("Choose from the list.")
    if errors:
        return Choice(None, values, errors)
    end = days["date_to"] or today
    filters = service.IndicatorFilters(
        days["date_from"] or end - timedelta(days=364),
        end,
        int(values["office"]) if values["office"] else None,
        int(values["officer"]) if values["officer"] else None,
        values["sector"] or None,
        OfferKind(values["kind"]) if values["kind"] else None,
    )
    try:
        service.check_filters(filters)
    except InvalidInput as exc:
        messages = {
            "date_to": _("The period ends before it starts: give an end on or after the start."),
            "sector": _("Choose a sector from the list."),
        }
        field = exc.field or "date_to"
        return Choice(None, values, {field: messages.get(field, _("Check this value."))})
    values["date_from"] = filters.date_from.isoformat()
    values["date_to"] = filters.date_to.isoformat()
    return Choice(filters, values, {})


def _tables(
    session: SessionDep,
    actor: Actor,
    contact_days: int,
    filters: service.IndicatorFilters,
    charts: Iterable[Chart],
) -> dict[str, list[Row]]:
    """The tables the charts draw, and no other."""
    only = {chart.table for chart in charts}
    tables: dict[str, list[Row]] = service.indicators(session, actor, filters, contact_days, only)[
        "tables"
    ]
    return tables


@router.get("/indicators")
def indicators_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: IndicatorsPage,
    today: TodayDep,
    date_from: Text = "",
    date_to: Text = "",
    office: Text = "",
    officer: Text = "",
    sector: Text = "",
    kind: Text = "",
) -> Response:
    """Every chart for the period and filters chosen, each with its table and download."""
    _ = pages.translations.gettext
    choice = _choose(today, _, date_from, date_to, office, officer, sector, kind)
    shown: list[dict[str, Any]] = []
    if choice.filters is not None:
        tables = _tables(
            session, actor, settings.contact_standard_days, choice.filters, CHARTS.values()
        )
        for chart in CHARTS.values():
            figures = _figures(chart, tables[chart.table], _)
            shown.append({"chart": chart, "figures": figures})
    choices = service.filter_choices(session, actor)
    context = {
        "charts": shown,
        "choice": choice,
        "values": choice.values,
        "errors": choice.errors,
        "query": choice.query(),
        "offices": choices["offices"],
        "officers": choices["liaison_officers"],
        "sections": sorted(nace_sections().items()),
        "divisions": sorted((code, d.label) for code, d in nace_divisions().items()),
        "kinds": list(OfferKind),
        "small_count": service.SMALL_COUNT,
    }
    status = 422 if choice.errors else 200
    return render(request, pages, "indicators/index.html", context, status_code=status)


def _chosen(
    pages: Pages, today: date, chart: str, fields: tuple[str, str, str, str, str, str]
) -> tuple[Chart, service.IndicatorFilters]:
    if chart not in CHARTS:
        raise PageNotFound("no such chart")
    choice = _choose(today, pages.translations.gettext, *fields)
    if choice.filters is None:
        field, message = next(iter(choice.errors.items()))
        raise InvalidInput(field, message)
    return CHARTS[chart], choice.filters


@router.get("/indicators/{chart}.svg", response_class=Response)
def chart_svg(
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: IndicatorsPage,
    today: TodayDep,
    chart: Annotated[str, Path(max_length=30)],
    date_from: Text = "",
    date_to: Text = "",
    office: Text = "",
    officer: Text = "",
    sector: Text = "",
    kind: Text = "",
) -> Response:
    """One chart as an SVG document (presentation attributes only: no style, no script)."""
    _ = pages.translations.gettext
    fields = (date_from, date_to, office, officer, sector, kind)
    found, filters = _chosen(pages, today, chart, fields)
    rows = _tables(session, actor, settings.contact_standard_days, filters, [found])[found.table]
    figures = _figures(found, rows, _)
    if figures.empty or not figures.bars:
        raise PageNotFound("nothing to draw")
    draw = charts.columns if found.over_time else charts.bars
    svg = draw(_(found.title), figures.bars, _(found.axis), found.top)
    return Response(svg, media_type="image/svg+xml")


@router.get("/indicators/{chart}.csv", response_class=Response)
def chart_csv(
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: IndicatorsPage,
    today: TodayDep,
    chart: Annotated[str, Path(max_length=30)],
    date_from: Text = "",
    date_to: Text = "",
    office: Text = "",
    officer: Text = "",
    sector: Text = "",
    kind: Text = "",
) -> Response:
    """One chart's rows as the API's CSV gives them (``GET /api/v1/indicators/{table}.csv``):
    the same filters, small counts empty with ``suppressed`` true."""
    fields = (date_from, date_to, office, officer, sector, kind)
    found, filters = _chosen(pages, today, chart, fields)
    rows = _tables(session, actor, settings.contact_standard_days, filters, [found])[found.table]
    name = f"{found.table}-{filters.date_from}-{filters.date_to}.csv"
    return Response(
        service.to_csv(rows),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
