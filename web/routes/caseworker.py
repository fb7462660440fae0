"""The caseworker's pages: clients, a client, the shortlist, proposals and placements. Each
calls the API's services with the same actor; a liaison officer may read a consenting
client's page, read-only, as the API allows."""

from __future__ import annotations

from datetime import date, timedelta
from math import ceil
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import AfterValidator, ValidationError

from accounts.actor import Actor
from api.deps import MatcherDep, NormaliserDep, PathId, SessionDep, SettingsDep, TodayDep
from clients import profiles, records
from clients.access import client_for_editor, client_for_reader
from clients.schemas import ClientUpdate, ConsentUpdate, ContactCreate
from employers.offers import find_published_offers, offer_labels
from models.client import (
    ContactChannel,
    FunctionalLimit,
    Readiness,
    RecognitionStatus,
    RightToWork,
    SkillStage,
)
from models.errors import NotFound, StaleVersion, TandemError
from models.fields import DRIVING_LICENCE_ORDER, check_text
from models.matching import Decision
from models.offer import Schedule
from models.placement import CheckpointOutcome, EndReason, PlacementStatus, ProposalStatus
from models.reference import CEFR_LEVELS
from models.user import Role
from placements.followup import list_checkpoints, record_checkpoint
from placements.lifecycle import list_placements
from placements.proposals import decide_on_candidate, list_proposals
from placements.schemas import CheckpointOutcomeIn
from shortlists import service as shortlists
from shortlists.schemas import DecisionIn, ShortlistRead, ShortlistRequest
from taxonomy.extract import extract
from taxonomy.schemas import ESCO_ATTRIBUTION
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import ISCED
from web.paging import pager_urls, pages_total

router = page_router()
CaseworkerPage = Annotated[Actor, page_for(Role.caseworker)]
ClientReader = Annotated[Actor, page_for(Role.caseworker, Role.liaison)]
PAGE_SIZE = 20
WHY_NOT_LIMIT = 5


def _htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# -- My clients ------------------------------------------------------------------------------


@router.get("/clients")
def clients_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: ClientReader,
    today: TodayDep,
    q: Annotated[str, Query(max_length=200), AfterValidator(check_text)] = "",
    readiness: Annotated[str, Query(max_length=30)] = "",
    parked: bool = False,
    consent_missing: bool = False,
    checkpoint_overdue: bool = False,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    since = today - timedelta(days=settings.contact_standard_days)
    chosen = Readiness(readiness) if readiness in set(Readiness) else None
    rows, total = profiles.list_clients(
        session,
        actor,
        q=q.strip() or None,
        readiness=chosen,
        caseworker_id=None,
        not_contacted_since=since if parked else None,
        consent_missing=consent_missing,
        checkpoint_overdue_on=today if checkpoint_overdue else None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        with_lists=False,
    )
    read_only = actor.role is not Role.caseworker
    last_contact, last_shortlist = (
        ({}, {}) if read_only else profiles.last_activity(session, [c.id for c in rows])
    )
    context = {
        "clients": rows,
        "last_contact": last_contact,
        "last_shortlist": last_shortlist,
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / PAGE_SIZE)),
        "q": q,
        "readiness": chosen.value if chosen else "",
        "readiness_choices": list(Readiness),
        "parked": parked,
        "consent_missing": consent_missing,
        "checkpoint_overdue": checkpoint_overdue,
        "read_only": read_only,
    }
    return render(request, pages, "caseworker/clients.html", context)


# -- A client --------------------------------------------------------------------------------


CONTACTS_PAGE_SIZE = 10


def _client_context(
    session: SessionDep, actor: Actor, client_id: int, today: date, contacts_page: int = 1
) -> dict[str, Any]:
    client = profiles.read_client(session, actor, client_id)
    editable = actor.role is Role.caseworker
    context: dict[str, Any] = {
        "client": client,
        "editable": editable,
        "owner": editable and client.caseworker_id == actor.user_id,
        "formal": [s for s in client.skills if s.source.value == "formal"],
        "informal": [s for s in client.skills if s.source.value != "formal"],
        "today": today,
        "channels": list(ContactChannel),
        "readiness_choices": list(Readiness),
        "stages": list(SkillStage),
        "cefr_levels": CEFR_LEVELS,
        "isced_levels": ISCED,
        "recognitions": list(RecognitionStatus),
        "rights": list(RightToWork),
        "licences": DRIVING_LICENCE_ORDER,
        "limits": list(FunctionalLimit),
        "schedules": list(Schedule),
        "show_esco": any(c.concept.esco_uri for s in client.skills for c in s.concepts),
        "extracted": None,
        "story": "",
    }
    if editable:
        context["consents"] = records.consent_history(session, actor, client_id)
        contacts, contacts_total = records.list_contacts(
            session,
            actor,
            client_id,
            CONTACTS_PAGE_SIZE,
            (contacts_page - 1) * CONTACTS_PAGE_SIZE,
        )
        proposals, _total = list_proposals(
            session, actor, status=None, offer_id=None, client_id=client_id, limit=20, offset=0
        )
        context.update(
            contacts=contacts,
            contacts_total=contacts_total,
            contacts_page=contacts_page,
            contacts_pages_total=max(1, ceil(contacts_total / CONTACTS_PAGE_SIZE)),
            proposals=proposals,
            offers=offer_labels(session, {p.offer_id for p in proposals}),
        )
    return context


@router.get("/clients/{client_id}")
def client_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ClientReader,
    today: TodayDep,
    client_id: PathId,
    contacts_page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    context = _client_context(session, actor, client_id, today, contacts_page)
    return render(request, pages, "caseworker/client.html", context)


@router.get("/clients/{client_id}/personal")
def personal_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    client_id: PathId,
) -> Response:
    """Contact data and barriers: the owning caseworker only; each read is audited."""
    personal = records.read_personal(session, actor, client_id)
    client = client_for_reader(session, actor, client_id)
    context = {"client": client, "personal": personal}
    return render(request, pages, "caseworker/personal.html", context)


def _client_refused(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    client_id: int,
    today: date,
    errors: dict[str, str],
    extra: dict[str, Any] | None = None,
) -> Response:
    """The client page again with the errors beside their fields; nothing was stored."""
    session.rollback()
    context = _client_context(session, actor, client_id, today)
    context.update(errors=errors, **(extra or {}))
    return render(request, pages, "caseworker/client.html", context, status_code=422)


def _stale_message(_: Any) -> str:
    return str(
        _(
            "Someone changed this profile since you opened it: check the values below and "
            "save again."
        )
    )


def _validation_errors(
    exc: ValidationError, messages: dict[str, str], fallback: str, rows: dict[str, list[int]]
) -> dict[str, str]:
    """Each refused value beside its field: ``languages.1.level`` is the field
    ``languages-3-level`` of the form when the second row sent was the form's fourth (empty
    rows are not sent)."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        parts = [str(p) for p in error["loc"]]
        if len(parts) > 1 and parts[0] in rows and parts[1].isdigit():
            parts[1] = str(rows[parts[0]][int(parts[1])])
        field = "-".join(parts) if parts else "profile"
        errors.setdefault(field, messages.get(parts[-1] if parts else "", fallback))
    return errors


def _save_profile(
    request: Request,
    pages: Pages,
    session: SessionDep,
    settings: SettingsDep,
    actor: Actor,
    normaliser: Any,
    today: date,
    client_id: int,
    change: dict[str, Any],
    typed: dict[str, Any],
    messages: dict[str, str],
    anchor: str,
    rows: dict[str, list[int]] | None = None,
) -> Response:
    """One edit of the profile through the API's schema and service, against the version the
    form was opened at: refused input is shown beside its field with what was typed, and
    nothing is stored; a profile changed by someone else meanwhile is not overwritten."""
    _ = pages.translations.gettext
    client_for_editor(session, actor, client_id)
    errors: dict[str, str] = {}
    try:
        update = ClientUpdate.model_validate(change)
        profiles.update_client(
            session, actor, client_id, update, settings.default_country, normaliser
        )
    except ValidationError as exc:
        errors = _validation_errors(exc, messages, _("Check this value."), rows or {})
    except StaleVersion:
        errors = {"profile": _stale_message(_)}
        typed = {}
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        field = exc.field or "profile"
        errors[field] = messages.get(field, exc.message)
    if errors:
        return _client_refused(
            request, pages, session, actor, client_id, today, errors, {"values": typed}
        )
    return _see_other(f"/clients/{client_id}#{anchor}")


def _version(seen: str) -> int | str:
    return int(seen) if seen.isdigit() else seen


@router.post("/clients/{client_id}/profile")
def edit_profile(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
    home_postcode: Annotated[str, Form(max_length=50)] = "",
    max_travel_km: Annotated[str, Form(max_length=20)] = "",
    hours_per_week: Annotated[str, Form(max_length=20)] = "",
    readiness: Annotated[str, Form(max_length=30)] = "",
    aspirations: Annotated[str, Form(max_length=5000)] = "",
    version: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Reach, hours, readiness and aspirations."""
    _ = pages.translations.gettext
    typed = {
        "home_postcode": home_postcode,
        "max_travel_km": max_travel_km,
        "hours_per_week": hours_per_week,
        "readiness": readiness,
        "aspirations": aspirations,
    }
    messages = {
        "home_postcode": _("Enter a postcode Tandem knows."),
        "max_travel_km": _("Enter the distance in km, from 0 to 300."),
        "hours_per_week": _("Enter the hours a week, more than 0 and at most 60."),
        "readiness": _("Choose a readiness."),
        "aspirations": _("Shorten the aspirations."),
    }
    change = {k: v.strip() for k, v in typed.items()} | {"version": _version(version)}
    return _save_profile(
        request,
        pages,
        session,
        settings,
        actor,
        normaliser,
        today,
        client_id,
        change,
        typed,
        messages,
        "profile-title",
    )


def _rows(form: Any, names: tuple[str, ...], prefix: str) -> list[dict[str, str]]:
    """The rows of a repeated part of a form (``languages-0-language``...), as typed."""
    rows = []
    for index in range(MAX_FORM_ROWS):
        row = {n: str(form.get(f"{prefix}-{index}-{n}") or "").strip() for n in names}
        if f"{prefix}-{index}-{names[0]}" not in form:
            break
        rows.append(row)
    return rows


MAX_FORM_ROWS = 25


@router.post("/clients/{client_id}/languages")
async def edit_languages(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
) -> Response:
    """The languages the person speaks, each with its CEFR level; a row left empty is
    dropped."""
    _ = pages.translations.gettext
    form = await request.form()
    rows = _rows(form, ("language", "level"), "languages")
    kept = [(i, r) for i, r in enumerate(rows) if r["language"] or r["level"]]
    change = {
        "version": _version(str(form.get("version") or "")),
        "languages": [r for _i, r in kept],
    }
    messages = {
        "language": _("Enter a language as its ISO 639 code, such as de or tr."),
        "level": _("Choose a CEFR level."),
        "languages": _("Each language once: a language is listed twice."),
    }
    return _save_profile(
        request,
        pages,
        session,
        settings,
        actor,
        normaliser,
        today,
        client_id,
        change,
        {"languages": rows},
        messages,
        "languages-title",
        {"languages": [i for i, _r in kept]},
    )


@router.post("/clients/{client_id}/education")
async def edit_education(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
) -> Response:
    """The level of education and each qualification with where it was gained and whether
    it is recognised here; a row without a title is dropped."""
    _ = pages.translations.gettext
    form = await request.form()
    rows = _rows(form, ("title", "country", "isced_level", "recognition"), "qualifications")
    level = str(form.get("isced_level") or "").strip()
    kept = [i for i, r in enumerate(rows) if r["title"]]
    change = {
        "version": _version(str(form.get("version") or "")),
        "isced_level": level or None,
        "qualifications": [{k: v for k, v in rows[i].items() if v} for i in kept],
    }
    messages = {
        "isced_level": _("Choose a level of education."),
        "title": _("Shorten the title to 300 characters."),
        "country": _("Enter the country as its two-letter code, such as AT or SY."),
        "recognition": _("Choose where the recognition stands."),
    }
    typed = {"isced_level": level, "qualifications": rows}
    return _save_profile(
        request,
        pages,
        session,
        settings,
        actor,
        normaliser,
        today,
        client_id,
        change,
        typed,
        messages,
        "education-title",
        {"qualifications": kept},
    )


@router.post("/clients/{client_id}/conditions")
async def edit_conditions(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
) -> Response:
    """Right to work, driving licences and own vehicle, functional limits, and the time
    windows the person cannot work in."""
    _ = pages.translations.gettext
    form = await request.form()
    lists = ("driving_licences", "functional_limits", "unavailable_schedules")
    typed: dict[str, Any] = {n: [str(v) for v in form.getlist(n)] for n in lists}
    typed["right_to_work"] = str(form.get("right_to_work") or "")
    typed["own_vehicle"] = form.get("own_vehicle") == "true"
    change = {"version": _version(str(form.get("version") or "")), **typed}
    messages = {
        "right_to_work": _("Choose whether the person may work here."),
        "driving_licences": _("Choose licence categories from the list."),
        "functional_limits": _("Choose limits from the list."),
        "unavailable_schedules": _("Choose time windows from the list."),
    }
    return _save_profile(
        request,
        pages,
        session,
        settings,
        actor,
        normaliser,
        today,
        client_id,
        change,
        typed,
        messages,
        "conditions-title",
    )


@router.post("/clients/{client_id}/consent")
def change_consent(
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    client_id: PathId,
    kind: Annotated[str, Form(pattern="^(liaison|employers)$")],
    granted: Annotated[bool, Form()],
) -> Response:
    change = ConsentUpdate(**{kind: granted})
    records.update_consent(session, actor, client_id, change)
    return _see_other(f"/clients/{client_id}#consent")


@router.post("/clients/{client_id}/contacts")
def add_contact(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    today: TodayDep,
    client_id: PathId,
    channel: Annotated[str, Form()] = "",
    contacted_on: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    _ = pages.translations.gettext
    try:
        data = ContactCreate(
            channel=channel, contacted_on=contacted_on or today.isoformat(), note=note
        )
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0])
        errors = {field: _("Check this value: %(problem)s") % {"problem": exc.errors()[0]["msg"]}}
        values = {"channel": channel, "contacted_on": contacted_on, "note": note}
        return _client_refused(
            request, pages, session, actor, client_id, today, errors, {"values": values}
        )
    records.add_contact(session, actor, client_id, data, today)
    return _see_other(f"/clients/{client_id}#contacts")


@router.post("/clients/{client_id}/experience")
def propose_experience(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
    story: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """What the extraction service finds in the person's own words, to tick and save."""
    _ = pages.translations.gettext
    client_for_editor(session, actor, client_id)
    if not story.strip():
        errors = {"story": _("Write what this person has done, in their words.")}
        return _client_refused(request, pages, session, actor, client_id, today, errors)
    found = extract(normaliser, story)
    context = _client_context(session, actor, client_id, today)
    context.update(
        extracted=found,
        story=story,
        show_esco=context["show_esco"] or any(m.esco_uri for p in found for m in p.matches),
    )
    return render(request, pages, "caseworker/client.html", context)


@router.post("/clients/{client_id}/experience/save")
async def save_experience(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
) -> Response:
    """Each ticked ``phrase`` is kept in the person's words; each ticked ``concept`` value
    (``<phrase index>:<concept id>``) is confirmed for its phrase."""
    _ = pages.translations.gettext
    form = await request.form()
    phrases = [str(p) for p in form.getlist("phrase")]
    chosen: dict[str, list[int]] = {p: [] for p in phrases}
    for value in form.getlist("concept"):
        index, _sep, concept = str(value).partition(":")
        if index.isdigit() and concept.isdigit() and int(index) < len(phrases):
            chosen[phrases[int(index)]].append(int(concept))
    try:
        profiles.add_experience(
            session, actor, client_id, chosen, settings.default_country, normaliser
        )
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        errors = {"phrases": _("Tick at least one thing this person has done.")}
        return _client_refused(request, pages, session, actor, client_id, today, errors)
    return _see_other(f"/clients/{client_id}#skills")


@router.post("/clients/{client_id}/skills/{skill_id}/concepts")
async def confirm_concepts(
    request: Request,
    session: SessionDep,
    actor: CaseworkerPage,
    client_id: PathId,
    skill_id: PathId,
) -> Response:
    form = await request.form()
    ids = [int(str(v)) for v in form.getlist("concept") if str(v).isdigit()]
    profiles.confirm_skill_concepts(session, actor, client_id, skill_id, ids)
    return _see_other(f"/clients/{client_id}#skill-{skill_id}")


@router.post("/clients/{client_id}/skills/{skill_id}/stage")
def change_stage(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    today: TodayDep,
    client_id: PathId,
    skill_id: PathId,
    stage: Annotated[str, Form(max_length=30)] = "",
    version: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """A statement's stage (self-identified, recognised, developed): the profile's list of
    statements sent again with this one's stage changed, as the API's PATCH does; the
    statement keeps its words, concepts and confirmations."""
    _ = pages.translations.gettext
    client = client_for_editor(session, actor, client_id)
    if not any(s.id == skill_id for s in client.skills):
        raise NotFound("skill", skill_id)
    skills = [
        {"text": s.text, "source": s.source.value, "stage": stage if s.id == skill_id else s.stage}
        for s in client.skills
    ]
    field = f"stage-{skill_id}"
    if stage not in set(SkillStage):
        errors = {field: _("Choose a stage.")}
        return _client_refused(request, pages, session, actor, client_id, today, errors)
    return _save_profile(
        request,
        pages,
        session,
        settings,
        actor,
        normaliser,
        today,
        client_id,
        {"version": _version(version), "skills": skills},
        {field: stage},
        {"stage": _("Choose a stage.")},
        f"skill-{skill_id}",
    )


CONCEPT_CHOICES = 5
MORE_CONCEPT_CHOICES = 20


@router.get("/clients/{client_id}/skills/{skill_id}/concepts")
def choose_concepts(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    normaliser: NormaliserDep,
    client_id: PathId,
    skill_id: PathId,
    q: Annotated[str, Query(max_length=200)] = "",
    more: bool = False,
) -> Response:
    """Another concept for a statement: the normaliser's ranked answer for the statement's
    words (or other words typed), with more suggestions on request; the concepts confirmed or
    proposed now stay ticked."""
    client = client_for_editor(session, actor, client_id)
    skill = next((s for s in client.skills if s.id == skill_id), None)
    if skill is None:
        raise NotFound("skill", skill_id)
    words = q.strip() or skill.text
    limit = MORE_CONCEPT_CHOICES if more else CONCEPT_CHOICES
    current = {c.concept_id for c in skill.concepts if c.confirmed_at} or {
        c.concept_id for c in skill.concepts
    }
    found = normaliser.normalise(words, limit)
    shown = {m.concept_id for m in found}
    context = {
        "client": client,
        "skill": skill,
        "q": q,
        "words": words,
        "more": more,
        "found": found,
        "kept": [c for c in skill.concepts if c.concept_id not in shown],
        "current": current,
        "show_esco": any(m.esco_uri for m in found)
        or any(c.concept.esco_uri for c in skill.concepts),
    }
    return render(request, pages, "caseworker/skill_concepts.html", context)


# -- The shortlist ---------------------------------------------------------------------------


def _shortlist_context(
    session: SessionDep, actor: Actor, read: ShortlistRead, pages: Pages
) -> dict[str, Any]:
    assert read.client_id is not None
    client = client_for_reader(session, actor, read.client_id)
    offers = offer_labels(session, {i.offer_id for i in read.items if i.offer_id})
    decided: dict[int, list[Any]] = {}
    for decision in read.decisions:
        decided.setdefault(decision.item_id, []).append(decision)
    request = ShortlistRequest.model_validate(read.request)
    return {
        "shortlist": read,
        "client": client,
        "offers": offers,
        "decided": decided,
        "asked": request,
        "funnel": read.funnel,
        "show_esco": any(i.explanation.attribution for i in read.items),
        "attribution": ESCO_ATTRIBUTION,
    }


def _request_from_form(form: Any) -> ShortlistRequest:
    def number(name: str) -> float:
        value = str(form.get(name) or "0").strip()
        return float(value) if value else 0.0

    kinds = [str(k) for k in form.getlist("kinds") if str(k)]
    max_km = str(form.get("max_distance_km") or "").strip()
    sector = str(form.get("sector") or "").strip()
    return ShortlistRequest.model_validate(
        {
            "filters": {
                "kinds": kinds or None,
                "sector": sector or None,
                "max_distance_km": float(max_km) if max_km else None,
            },
            "relax": {
                "distance_km": number("relax_distance_km"),
                "hours_per_week": number("relax_hours_per_week"),
                "language_levels": int(number("relax_language_levels")),
                "education_levels": int(number("relax_education_levels")),
            },
        }
    )


@router.post("/clients/{client_id}/shortlists")
async def new_shortlist(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    matcher: MatcherDep,
    today: TodayDep,
    client_id: PathId,
) -> Response:
    """A new shortlist for the client with the filters and relaxations of the form; an htmx
    request gets the list in place, a plain form is sent to the stored list."""
    _ = pages.translations.gettext
    form = await request.form()
    try:
        asked = _request_from_form(form)
    except (ValidationError, ValueError):
        client_for_editor(session, actor, client_id)
        message = _("Check the filters and relaxations: a value is out of range.")
        return render(
            request, pages, "error.html", {"status": 422, "message": message}, status_code=422
        )
    shortlist = shortlists.shortlist_for_client(session, actor, matcher, client_id, asked, today)
    url = f"/shortlists/{shortlist.id}"
    if not _htmx(request):
        return _see_other(url)
    read = shortlists.shortlist_read(session, actor, shortlist, pages.translations)
    response = render(
        request, pages, "caseworker/shortlist.html", _shortlist_context(session, actor, read, pages)
    )
    response.headers["HX-Push-Url"] = url
    return response


@router.get("/shortlists/{shortlist_id}")
def shortlist_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    shortlist_id: PathId,
) -> Response:
    read = shortlists.read_shortlist(session, actor, shortlist_id, pages.translations)
    if read.client_id is None:
        context = {"status": 404, "message": None}
        return render(request, pages, "error.html", context, status_code=404)
    context = _shortlist_context(session, actor, read, pages)
    return render(request, pages, "caseworker/shortlist.html", context)


@router.post("/shortlists/{shortlist_id}/decisions")
def decide(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    shortlist_id: PathId,
    candidate_id: Annotated[int, Form(ge=1)],
    decision: Annotated[Decision, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    _ = pages.translations.gettext
    try:
        decide_on_candidate(
            session,
            actor,
            shortlist_id,
            DecisionIn(candidate_id=candidate_id, decision=decision, reason=reason or None),
        )
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        session.rollback()
        read = shortlists.read_shortlist(session, actor, shortlist_id, pages.translations)
        context = _shortlist_context(session, actor, read, pages)
        message = (
            _("Give a reason for rejecting this offer.")
            if exc.field == "reason"
            else _("This could not be recorded: %(reason)s") % {"reason": exc.message}
        )
        context.update(errors={f"decision-{candidate_id}": message})
        return render(request, pages, "caseworker/shortlist.html", context, status_code=422)
    if _htmx(request):
        read = shortlists.read_shortlist(session, actor, shortlist_id, pages.translations)
        context = _shortlist_context(session, actor, read, pages)
        return render(request, pages, "caseworker/shortlist.html", context)
    return _see_other(f"/shortlists/{shortlist_id}#offer-{candidate_id}")


@router.get("/shortlists/{shortlist_id}/why-not")
def why_not_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    matcher: MatcherDep,
    today: TodayDep,
    shortlist_id: PathId,
    q: Annotated[str, Query(max_length=200), AfterValidator(check_text)] = "",
) -> Response:
    """Why an offer is not on the list: search it by title or company."""
    shortlist = shortlists.shortlist_for(session, actor, shortlist_id)
    answers = []
    if q.strip():
        for offer in find_published_offers(session, q, WHY_NOT_LIMIT):
            answer = shortlists.why_not(
                session, actor, matcher, shortlist.id, offer.id, today, pages.translations
            )
            answers.append((offer, answer))
    labels = offer_labels(session, {o.id for o, _a in answers})
    context = {"shortlist_id": shortlist.id, "q": q, "answers": answers, "labels": labels}
    return render(request, pages, "caseworker/why_not.html", context)


# -- Proposals and placements ----------------------------------------------------------------


def _pages_total(total: int) -> int:
    return pages_total(total, PAGE_SIZE)


@router.get("/proposals")
def proposals_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    today: TodayDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    status: Annotated[str, Query(max_length=30)] = "",
    placements_page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    placement_status: Annotated[str, Query(max_length=30)] = "",
    checkpoints_page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """My proposals, placements and the checkpoints waiting for me: each list filtered by
    its state and paged on its own."""
    proposal_status = ProposalStatus(status) if status in set(ProposalStatus) else None
    placed_status = (
        PlacementStatus(placement_status) if placement_status in set(PlacementStatus) else None
    )
    proposals, total = list_proposals(
        session,
        actor,
        status=proposal_status,
        offer_id=None,
        client_id=None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    placements, placed = list_placements(
        session,
        actor,
        status=placed_status,
        offer_id=None,
        client_id=None,
        limit=PAGE_SIZE,
        offset=(placements_page - 1) * PAGE_SIZE,
    )
    checkpoints, due = list_checkpoints(
        session,
        actor,
        today=today,
        mine=True,
        overdue=False,
        placement_id=None,
        limit=PAGE_SIZE,
        offset=(checkpoints_page - 1) * PAGE_SIZE,
        pending=True,
    )
    offer_ids = {p.offer_id for p in proposals} | {p.offer_id for p in placements}
    client_ids = {p.client_id for p in proposals} | {p.client_id for p in placements}
    params: dict[str, str | int] = {
        "page": page,
        "status": proposal_status.value if proposal_status else "",
        "placements_page": placements_page,
        "placement_status": placed_status.value if placed_status else "",
        "checkpoints_page": checkpoints_page,
    }
    context = {
        "proposals": proposals,
        "total": total,
        "page": page,
        "pages_total": _pages_total(total),
        "status": params["status"],
        "statuses": list(ProposalStatus),
        "placements": placements,
        "placed": placed,
        "placements_page": placements_page,
        "placements_pages_total": _pages_total(placed),
        "placement_status": params["placement_status"],
        "placement_statuses": list(PlacementStatus),
        "checkpoints": checkpoints,
        "due": due,
        "checkpoints_page": checkpoints_page,
        "checkpoints_pages_total": _pages_total(due),
        "urls": pager_urls("/proposals", params),
        "offers": offer_labels(session, offer_ids),
        "names": profiles.client_names(session, actor, client_ids),
        "outcomes": list(CheckpointOutcome),
        "end_reasons": list(EndReason),
        "today": today,
    }
    return render(request, pages, "caseworker/proposals.html", context)


@router.post("/checkpoints/{checkpoint_id}")
def record_checkpoint_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    today: TodayDep,
    checkpoint_id: PathId,
    outcome: Annotated[CheckpointOutcome, Form()],
    satisfaction_client: Annotated[str, Form(pattern="^[1-5]?$")] = "",
    ended_reason: Annotated[str, Form(max_length=50)] = "",
    notes: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    data = CheckpointOutcomeIn(
        outcome=outcome,
        satisfaction_client=int(satisfaction_client) if satisfaction_client else None,
        ended_reason=EndReason(ended_reason) if ended_reason else None,
        notes=notes,
    )
    record_checkpoint(session, actor, checkpoint_id, data, today)
    return _see_other("/proposals#checkpoints")
