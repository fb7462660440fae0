"""The employer's pages: our offers (what happened to each), one form for a new or edited
offer with the screening's findings, and the candidates proposed to us with our answer. Each
calls the API's services with the same actor, so the role rules are the API's: an employer sees
their own company's offers and proposals only, anything else answers 404."""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from accounts.actor import Actor
from api.deps import NormaliserDep, PathId, ReviewDep, SessionDep, SettingsDep, TodayDep
from employers import offers
from employers.offer_states import EDITABLE, OfferAction
from employers.offers import Review
from employers.schemas import OfferCreate, OfferUpdate
from employers.screening import Screener, TextChanged
from employers.tutors import list_tutors
from models.errors import NotFound, StaleVersion, TandemError
from models.offer import (
    TUTORED_KINDS,
    ContractType,
    Insurer,
    Offer,
    OfferKind,
    OfferStatus,
    PayPeriod,
    Schedule,
)
from models.placement import DeclineReason, ProposalStatus
from models.reference import CEFR_LEVELS
from models.user import Role
from placements import proposals
from placements.schemas import ProposalAnswer
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_

router = page_router()
EmployerPage = Annotated[Actor, page_for(Role.employer)]
PAGE_SIZE = 20
#: Language rows the offer form shows (empty rows are not sent).
LANGUAGE_ROWS = 3
#: The form's fields a refused value is shown beside (the schema's names, as the form's).
FORM_FIELDS = (
    "kind",
    "title",
    "description",
    "hours_per_week",
    "contract_type",
    "contract_months",
    "pay_amount",
    "pay_period",
    "allowance_amount",
    "insured_by",
    "postcode",
    "start_date",
    "expiry_date",
    "places",
    "tutor_id",
)
#: What a refused value needs, by field (the schema's and the service's field names).
OFFER_MESSAGES = {
    "kind": N_("Choose the kind of offer."),
    "title": N_("Give the offer a title."),
    "description": N_("The description is too long."),
    "hours_per_week": N_("Give the hours per week: more than 0, at most 60."),
    "contract_type": N_("Choose a contract."),
    "contract_months": N_("Give the contract's length in months: 1 to 120."),
    "pay_amount": N_("Give an amount in euro, such as 1800.50, with the period it is paid for."),
    "pay_period": N_("Choose the period the pay is for."),
    "allowance_amount": N_("Give an amount in euro, such as 500."),
    "insured_by": N_("Choose who insures the person."),
    "postcode": N_("Give the workplace's postcode, or tick remote work."),
    "start_date": N_("Give a date."),
    "expiry_date": N_("Give a date that is not past."),
    "places": N_("Give the number of places: 1 to 1000."),
    "tutor_id": N_(
        "Choose a tutor of your company: a traineeship or a work trial needs one before it is "
        "submitted."
    ),
    "essential": N_("Write each requirement on its own line, at most 50 lines."),
    "language": N_("Give the language as its two-letter ISO 639 code, such as de."),
    "level": N_("Choose a CEFR level for this language."),
}
ANSWER_MESSAGES = {
    "answer": N_("Choose an answer."),
    "interview_on": N_("Give the interview's date."),
    "reason": N_("Choose a reason from the list."),
    "text": N_("Write at most 2000 characters."),
    "planned_start": N_("Give the start date."),
    "tutor_id": N_("Choose a tutor of your company who has room for one more."),
}
ANSWERS = (ProposalStatus.interview_planned, ProposalStatus.declined, ProposalStatus.accepted)


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _pages_total(total: int) -> int:
    return max(1, ceil(total / PAGE_SIZE))


# -- Our offers ------------------------------------------------------------------------------


def _latest_findings(session: Session, actor: Actor, offer: Offer) -> list[dict[str, Any]]:
    screenings = offers.screenings_of(session, actor, offer.id)
    return list(screenings[-1].findings) if screenings else []


@router.get("/company/offers")
def offers_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    status: Annotated[str, Query(max_length=30)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    chosen = OfferStatus(status) if status in set(OfferStatus) else None
    rows, total = offers.list_offers(
        session,
        actor,
        status=chosen,
        kind=None,
        company_id=None,
        nace_code=None,
        q=None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    # What happened last to each offer: the latest change of state with its reason, and the
    # findings that held it.
    ids = [o.id for o in rows]
    last = offers.last_changes(session, actor, ids)
    held = [o.id for o in rows if o.status is OfferStatus.held]
    findings = offers.latest_findings(session, actor, held) if held else {}
    context = {
        "offers": rows,
        "last": last,
        "findings": findings,
        "total": total,
        "page": page,
        "pages_total": _pages_total(total),
        "status": chosen.value if chosen else "",
        "statuses": list(OfferStatus),
        "pager_url": "/company/offers?" + (urlencode({"status": status}) + "&" if chosen else ""),
    }
    return render(request, pages, "employer/offers.html", context)


# -- New offer / edit offer ------------------------------------------------------------------


def _lines(text: str, essential: bool) -> list[dict[str, Any]]:
    return [
        {"text": line.strip(), "essential": essential} for line in text.splitlines() if line.strip()
    ]


def _offer_values(form: Any) -> tuple[dict[str, Any], dict[str, int]]:
    """The schema's input from the form, and which form row each sent language came from."""
    values: dict[str, Any] = {}
    for name in FORM_FIELDS:
        raw = str(form.get(name, "")).strip()
        if raw:
            values[name] = raw
    values.setdefault("description", "")
    values["requirements"] = _lines(str(form.get("essential", "")), True) + _lines(
        str(form.get("optional", "")), False
    )
    languages: list[dict[str, str]] = []
    rows: dict[str, int] = {}
    for row in range(LANGUAGE_ROWS):
        code = str(form.get(f"languages-{row}-language", "")).strip()
        level = str(form.get(f"languages-{row}-level", "")).strip()
        if code or level:
            rows[str(len(languages))] = row
            languages.append({"language": code, "min_level": level})
    values["languages"] = languages
    values["schedules"] = [s for s in form.getlist("schedules") if s in set(Schedule)]
    values["remote"] = form.get("remote") == "true"
    return values, rows


def _errors(exc: ValidationError, rows: dict[str, int], pages: Pages) -> dict[str, str]:
    gettext = pages.translations.gettext
    errors: dict[str, str] = {}
    for error in exc.errors():
        parts = [str(p) for p in error["loc"]]
        if parts and parts[0] == "languages" and len(parts) > 2:
            column = "level" if parts[2] == "min_level" else "language"
            field = f"languages-{rows.get(parts[1], 0)}-{column}"
        elif parts and parts[0] == "requirements":
            field = "essential"
        else:
            field = parts[0] if parts else "title"
        errors.setdefault(
            field, gettext("Check this value: %(problem)s") % {"problem": error["msg"]}
        )
    return errors


def _form_context(
    session: Session, actor: Actor, offer: Offer | None, form: Any | None
) -> dict[str, Any]:
    tutors, _total = list_tutors(session, actor, company_id=None, stage=None, limit=100, offset=0)
    shown: dict[str, Any]
    if form is not None:
        shown = {k: str(v) for k, v in form.items()}
        shown["schedules"] = form.getlist("schedules")
    elif offer is not None:
        shown = {
            name: "" if getattr(offer, name) is None else str(getattr(offer, name))
            for name in FORM_FIELDS
        }
        shown["kind"] = offer.kind.value
        shown["contract_type"] = offer.contract_type.value
        for name in ("pay_period", "insured_by"):
            value = getattr(offer, name)
            shown[name] = value.value if value else ""
        shown["essential"] = "\n".join(r.text for r in offer.requirements if r.essential)
        shown["optional"] = "\n".join(r.text for r in offer.requirements if not r.essential)
        for row, language in enumerate(offer.languages):
            shown[f"languages-{row}-language"] = language.language
            shown[f"languages-{row}-level"] = language.min_level
        shown["schedules"] = [str(s) for s in offer.schedules]
        shown["remote"] = "true" if offer.remote else ""
        shown["version"] = str(offer.version)
    else:
        shown = {
            "kind": "vacancy",
            "contract_type": "permanent",
            "places": "1",
            "schedules": ["day"],
        }
    return {
        "offer": offer,
        "values": shown,
        "kinds": list(OfferKind),
        "tutored_kinds": [k.value for k in TUTORED_KINDS],
        "contract_types": list(ContractType),
        "pay_periods": list(PayPeriod),
        "insurers": list(Insurer),
        "schedules": list(Schedule),
        "cefr_levels": CEFR_LEVELS,
        "language_rows": range(LANGUAGE_ROWS),
        "tutors": tutors,
    }


def _offer_context(session: Session, actor: Actor, offer: Offer) -> dict[str, Any]:
    context = _form_context(session, actor, offer, None)
    context.update(
        editable=offer.status in EDITABLE[Role.employer],
        history=offers.transitions_of(session, actor, offer.id),
        findings=_latest_findings(session, actor, offer),
        show_esco=any(c.concept.esco_uri for r in offer.requirements for c in r.concepts),
    )
    return context


def _refused(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    offer_id: int | None,
    form: Any,
    errors: dict[str, str],
) -> Response:
    """The form again with what was typed and each error beside its field; nothing stored."""
    session.rollback()
    if offer_id is None:
        context = _form_context(session, actor, None, form)
        template = "employer/offer_new.html"
    else:
        offer = offers.offer_for(session, actor, offer_id)
        context = _offer_context(session, actor, offer)
        context.update(_form_context(session, actor, offer, form))
        template = "employer/offer.html"
    context["errors"] = errors
    return render(request, pages, template, context, status_code=422)


def _service_error(exc: TandemError, pages: Pages) -> dict[str, str]:
    """The service's refusal beside its field, in the reader's language where the field is
    known; otherwise the service's own words on the form."""
    gettext = pages.translations.gettext
    field = exc.field or ""
    if field.startswith("requirements"):
        field = "essential"
    if field in OFFER_MESSAGES:
        return {field: gettext(OFFER_MESSAGES[field])}
    return {"title": gettext("The offer could not be saved: %(reason)s") % {"reason": exc.message}}


@router.get("/company/offers/new")
def new_offer_page(
    request: Request, pages: PagesDep, session: SessionDep, actor: EmployerPage
) -> Response:
    context = _form_context(session, actor, None, None)
    return render(request, pages, "employer/offer_new.html", context)


def _submit_after_save(
    session: Session, actor: Actor, offer: Offer, review: Review, today: date, form: Any
) -> None:
    """The form's "Save and submit": the API's submit, screening the offer as saved."""
    if form.get("action") == "submit":
        offers.transition(session, actor, offer.id, OfferAction.submit, None, review, today)


@router.post("/company/offers/new")
async def create_offer_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: EmployerPage,
    normaliser: NormaliserDep,
    review: ReviewDep,
    today: TodayDep,
) -> Response:
    form = await request.form()
    values, rows = _offer_values(form)
    try:
        data = OfferCreate.model_validate(values)
    except ValidationError as exc:
        return _refused(request, pages, session, actor, None, form, _errors(exc, rows, pages))
    try:
        offer = offers.create_offer(
            session, actor, data, settings.default_country, today, normaliser
        )
        _submit_after_save(session, actor, offer, review, today, form)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        return _refused(request, pages, session, actor, None, form, _service_error(exc, pages))
    return _see_other(f"/company/offers/{offer.id}")


#: The form's fields the screening reads (requirements: one per line, essential then optional).
TEXT_FIELDS = ("title", "description", "essential", "optional")


def _screened(texts: dict[str, str]) -> list[tuple[str, str]]:
    """The form's words as the screening on submit names them (``requirements.N``: the N-th
    requirement line, essential ones first)."""
    fields = [("title", texts["title"]), ("description", texts["description"])]
    lines = (texts["essential"] + "\n" + texts["optional"]).splitlines()
    fields += [(f"requirements.{n}", line) for n, line in enumerate(x for x in lines if x.strip())]
    return fields


def _reworded(screener: Screener, texts: dict[str, str], target: str) -> dict[str, str]:
    """The form's words with one finding's span replaced by its rewording. ``target`` is the
    finding as its "Apply" button names it, ``field:start:end:phrase``; ``TextChanged`` where
    the text there is no longer the phrase (typed over since it was screened)."""
    field, start_text, end_text, phrase = ([*target.split(":", 3), "", "", ""])[:4]
    if not (start_text.isdigit() and end_text.isdigit()):
        raise TextChanged(field or "text")
    start, end = int(start_text), int(end_text)
    if field in ("title", "description"):
        return {**texts, field: screener.apply(texts[field], field, start, end, phrase)}
    number = field.removeprefix("requirements.")
    if field.startswith("requirements.") and number.isdigit():
        seen = 0
        for name in ("essential", "optional"):
            lines = texts[name].splitlines()
            for row, line in enumerate(lines):
                if not line.strip():
                    continue
                if seen == int(number):
                    lines[row] = screener.apply(line, field, start, end, phrase)
                    kept = [x for n, x in enumerate(lines) if n != row or x.strip()]
                    return {**texts, name: "\n".join(kept)}
                seen += 1
    raise TextChanged(field or "text")


@router.post("/company/offers/screen")
async def screen_offer_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    review: ReviewDep,
    title: Annotated[str, Form(max_length=300)] = "",
    description: Annotated[str, Form(max_length=50_000)] = "",
    essential: Annotated[str, Form(max_length=50_000)] = "",
    optional: Annotated[str, Form(max_length=50_000)] = "",
    apply: Annotated[str, Form(max_length=50_100)] = "",
    offer_id: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    """The findings while typing: the same screener as on submit, nothing stored. A finding's
    "Apply" puts its rewording in place of its words and screens again: htmx swaps the words
    part of the form; without JavaScript (and for "Check the wording") the whole form comes
    back with what was typed. Nothing is stored until the offer is saved."""
    texts = {"title": title, "description": description, "essential": essential}
    texts["optional"] = optional
    gettext = pages.translations.gettext
    notice = ""
    if apply:
        phrase = apply.split(":", 3)[-1]
        try:
            texts = _reworded(review.screener, texts, apply)
            notice = gettext(
                "Applied the suggested rewording of “%(words)s”. Nothing is saved until you save "
                "the offer."
            ) % {"words": phrase}
        except TextChanged:
            notice = gettext(
                "The text changed since it was checked, so “%(words)s” was not replaced: look "
                "at the findings again."
            ) % {"words": phrase}
    findings = [f.as_dict() for f in review.screener.screen_fields(_screened(texts))]
    htmx = request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")
    if htmx and not apply:
        context: dict[str, Any] = {"findings": findings, "live": True}
        return render(request, pages, "employer/_findings.html", context)
    if htmx:
        context = {"values": texts, "live_findings": findings, "notice": notice}
        return render(request, pages, "employer/_offer_text.html", context)
    form = await request.form()
    shown = FormData([(k, texts[k] if k in texts else v) for k, v in form.multi_items()])
    if offer_id is None:
        context = _form_context(session, actor, None, shown)
        template = "employer/offer_new.html"
    else:
        offer = offers.offer_for(session, actor, offer_id)
        context = _offer_context(session, actor, offer)
        context.update(_form_context(session, actor, offer, shown))
        template = "employer/offer.html"
    context.update(live_findings=findings, notice=notice)
    return render(request, pages, template, context)


@router.get("/company/offers/{offer_id}")
def offer_page(
    request: Request, pages: PagesDep, session: SessionDep, actor: EmployerPage, offer_id: PathId
) -> Response:
    offer = offers.offer_for(session, actor, offer_id)
    return render(request, pages, "employer/offer.html", _offer_context(session, actor, offer))


@router.post("/company/offers/{offer_id}")
async def edit_offer_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: EmployerPage,
    normaliser: NormaliserDep,
    review: ReviewDep,
    today: TodayDep,
    offer_id: PathId,
) -> Response:
    offer = offers.offer_for(session, actor, offer_id)
    form = await request.form()
    values, rows = _offer_values(form)
    values["version"] = str(form.get("version", "")) or None
    for name in ("tutor_id", "postcode", "contract_months", "pay_amount", "pay_period"):
        values.setdefault(name, None)
    for name in ("allowance_amount", "insured_by", "start_date", "expiry_date"):
        values.setdefault(name, None)
    try:
        data = OfferUpdate.model_validate(values)
    except ValidationError as exc:
        return _refused(request, pages, session, actor, offer_id, form, _errors(exc, rows, pages))
    try:
        offers.update_offer(
            session, actor, offer_id, data, settings.default_country, today, review, normaliser
        )
        _submit_after_save(session, actor, offer, review, today, form)
    except StaleVersion:
        message = pages.translations.gettext(
            "Someone changed this offer since you opened it: check the values and save again."
        )
        return _refused(request, pages, session, actor, offer_id, None, {"title": message})
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        return _refused(request, pages, session, actor, offer_id, form, _service_error(exc, pages))
    return _see_other(f"/company/offers/{offer_id}")


@router.post("/company/offers/{offer_id}/submit")
def submit_offer_page(
    session: SessionDep,
    actor: EmployerPage,
    review: ReviewDep,
    today: TodayDep,
    offer_id: PathId,
) -> Response:
    offers.transition(session, actor, offer_id, OfferAction.submit, None, review, today)
    return _see_other(f"/company/offers/{offer_id}")


# -- Candidates proposed to us ---------------------------------------------------------------


@router.get("/company/candidates")
def candidates_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    status: Annotated[str, Query(max_length=30)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    chosen = ProposalStatus(status) if status in set(ProposalStatus) else None
    rows, total = proposals.list_proposals(
        session,
        actor,
        status=chosen,
        offer_id=None,
        client_id=None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    context = {
        "proposals": rows,
        "clients": proposals.proposed_clients(session, actor, rows),
        "offers": offers.offer_labels(session, {p.offer_id for p in rows}),
        "total": total,
        "page": page,
        "pages_total": _pages_total(total),
        "status": chosen.value if chosen else "",
        "statuses": list(ProposalStatus),
        "pager_url": "/company/candidates?"
        + (urlencode({"status": status}) + "&" if chosen else ""),
    }
    return render(request, pages, "employer/candidates.html", context)


def _candidate_context(session: Session, actor: Actor, proposal_id: int) -> dict[str, Any]:
    proposal = proposals.read_proposal(session, actor, proposal_id)
    tutors, _total = list_tutors(session, actor, company_id=None, stage=None, limit=100, offset=0)
    return {
        "proposal": proposal,
        "client": proposals.proposed_client(session, actor, proposal),
        "offer": offers.offer_for(session, actor, proposal.offer_id),
        "history": proposals.proposal_history(session, actor, proposal_id),
        "answers": ANSWERS,
        "reasons": list(DeclineReason),
        "tutors": tutors,
        "answerable": proposal.status in (ProposalStatus.open, ProposalStatus.interview_planned),
    }


@router.get("/company/candidates/{proposal_id}")
def candidate_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    proposal_id: PathId,
) -> Response:
    context = _candidate_context(session, actor, proposal_id)
    return render(request, pages, "employer/candidate.html", context)


@router.post("/company/candidates/{proposal_id}/answer")
async def answer_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: EmployerPage,
    proposal_id: PathId,
) -> Response:
    proposals.proposal_for(session, actor, proposal_id)  # another company's: 404 first
    form = await request.form()
    values = {k: str(v).strip() for k, v in form.items() if k != "csrf_token" and str(v).strip()}
    try:
        data = ProposalAnswer.model_validate(values)
        proposals.answer_proposal(session, actor, proposal_id, data)
    except ValidationError as exc:
        fields = [str(e["loc"][0]) if e["loc"] else "answer" for e in exc.errors()]
        errors = {f: _answer_message(f, pages) for f in fields}
        return _answer_refused(request, pages, session, actor, proposal_id, values, errors)
    except TandemError as exc:
        if isinstance(exc, NotFound):
            raise
        if exc.field in ANSWER_MESSAGES:
            errors = {exc.field: _answer_message(exc.field, pages)}
        else:
            message = pages.translations.gettext("Our answer could not be recorded: %(reason)s")
            errors = {"answer": message % {"reason": exc.message}}
        return _answer_refused(request, pages, session, actor, proposal_id, values, errors)
    return _see_other(f"/company/candidates/{proposal_id}")


def _answer_message(field: str, pages: Pages) -> str:
    return pages.translations.gettext(ANSWER_MESSAGES.get(field, N_("Check this value.")))


def _answer_refused(
    request: Request,
    pages: Pages,
    session: Session,
    actor: Actor,
    proposal_id: int,
    values: dict[str, str],
    errors: dict[str, str],
) -> Response:
    session.rollback()
    context = _candidate_context(session, actor, proposal_id)
    context.update(values=values, errors=errors)
    return render(request, pages, "employer/candidate.html", context, status_code=422)
