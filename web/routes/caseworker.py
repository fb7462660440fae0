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
from models.client import ContactChannel, Readiness
from models.errors import TandemError
from models.fields import check_text
from models.matching import Decision
from models.placement import CheckpointOutcome, EndReason
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


def _client_context(
    session: SessionDep, actor: Actor, client_id: int, today: date
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
        "show_esco": any(c.concept.esco_uri for s in client.skills for c in s.concepts),
        "extracted": None,
        "story": "",
    }
    if editable:
        context["consents"] = records.consent_history(session, actor, client_id)
        contacts, contacts_total = records.list_contacts(session, actor, client_id, 10, 0)
        proposals, _total = list_proposals(
            session, actor, status=None, offer_id=None, client_id=client_id, limit=20, offset=0
        )
        context.update(
            contacts=contacts,
            contacts_total=contacts_total,
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
) -> Response:
    context = _client_context(session, actor, client_id, today)
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


PROFILE_FIELDS = ("home_postcode", "max_travel_km", "hours_per_week", "readiness", "aspirations")


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
    seen_version: Annotated[str, Form(max_length=50)] = "",
) -> Response:
    """Reach, hours, readiness and aspirations, validated by the API's schema; refused input
    is shown beside its field and nothing is stored; a profile changed by someone else since
    the form was opened is not overwritten."""
    _ = pages.translations.gettext
    typed = {
        "home_postcode": home_postcode,
        "max_travel_km": max_travel_km,
        "hours_per_week": hours_per_week,
        "readiness": readiness,
        "aspirations": aspirations,
    }
    client = client_for_editor(session, actor, client_id)
    errors: dict[str, str] = {}
    if seen_version != client.updated_at.isoformat():
        errors["profile"] = _(
            "Someone changed this profile since you opened it: check the values below and "
            "save again."
        )
        return _client_refused(request, pages, session, actor, client_id, today, errors)
    messages = {
        "home_postcode": _("Enter a postcode Tandem knows."),
        "max_travel_km": _("Enter the distance in km, from 0 to 300."),
        "hours_per_week": _("Enter the hours a week, more than 0 and at most 60."),
        "readiness": _("Choose a readiness."),
        "aspirations": _("Shorten the aspirations."),
    }
    try:
        change = ClientUpdate.model_validate({k: v.strip() for k, v in typed.items()})
        profiles.update_client(
            session, actor, client_id, change, settings.default_country, normaliser
        )
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "profile"
            errors.setdefault(field, messages.get(field, _("Check this value.")))
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        errors[exc.field or "profile"] = messages.get(exc.field or "", exc.message)
    if errors:
        return _client_refused(
            request, pages, session, actor, client_id, today, errors, {"values": typed}
        )
    return _see_other(f"/clients/{client_id}#profile-title")


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


@router.get("/proposals")
def proposals_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: CaseworkerPage,
    today: TodayDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    proposals, total = list_proposals(
        session,
        actor,
        status=None,
        offer_id=None,
        client_id=None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    placements, _placed = list_placements(
        session, actor, status=None, offer_id=None, client_id=None, limit=PAGE_SIZE, offset=0
    )
    checkpoints, _due = list_checkpoints(
        session,
        actor,
        today=today,
        mine=True,
        overdue=False,
        placement_id=None,
        limit=PAGE_SIZE,
        offset=0,
    )
    open_checkpoints = [c for c in checkpoints if c.outcome is None]
    offer_ids = {p.offer_id for p in proposals} | {p.offer_id for p in placements}
    client_ids = {p.client_id for p in proposals} | {p.client_id for p in placements}
    context = {
        "proposals": proposals,
        "total": total,
        "page": page,
        "pages_total": max(1, ceil(total / PAGE_SIZE)),
        "placements": placements,
        "checkpoints": open_checkpoints,
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
