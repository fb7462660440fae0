"""The liaison officer's review queue and an offer's candidates.

The queue lists held and submitted offers (the API's ``review_queue``); an offer's review
page shows its text with each screening finding marked where it was found, and the three
decisions go through the API's offer transitions with the same actor, so the rules are the
API's: a reason to override findings, a message to ask for changes, a reason to reject.
An offer's candidates are the API's clients-for-an-offer shortlist: only clients who
consented to share with liaison officers, without contact data or barriers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import ceil
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from fastapi.responses import RedirectResponse

from accounts.actor import Actor
from api.deps import MatcherDep, PathId, ReviewDep, SessionDep, TodayDep
from clients.profiles import client_names, employer_consents
from employers import offers
from employers.offer_states import OfferAction
from models.errors import TandemError
from models.matching import Decision
from models.offer import Offer, OfferStatus
from models.user import Role
from placements.proposals import decide_on_candidate
from shortlists import service as shortlists
from shortlists.schemas import DecisionIn, ShortlistRead, ShortlistRequest
from taxonomy.schemas import ESCO_ATTRIBUTION
from web.deps import Pages, PagesDep, page_for, page_router, render
from web.labels import N_

router = page_router()
#: The review is the API's: liaison officers and admins.
ReviewerPage = Annotated[Actor, page_for(Role.liaison, Role.admin)]
#: Clients for an offer: the liaison officer's shortlist.
LiaisonPage = Annotated[Actor, page_for(Role.liaison)]
PAGE_SIZE = 20
REVIEWABLE = (OfferStatus.held, OfferStatus.submitted)

#: The decisions on the review page: the form's field for the words each needs, and what the
#: queue says after it.
ACTIONS = {
    "request-changes": (OfferAction.request_changes, "message"),
    "publish": (OfferAction.publish, "publish_reason"),
    "reject": (OfferAction.reject, "reject_reason"),
}
DONE = {
    "request-changes": N_("Changes requested for “%(title)s”: the employer sees your message."),
    "publish": N_("“%(title)s” is published: caseworkers can find it now."),
    "reject": N_("“%(title)s” is rejected: the employer sees your reason."),
}
MISSING = {
    "message": N_("Write the employer what to change."),
    "publish_reason": N_(
        "Write why you publish this offer despite its screening findings: the reason is kept."
    ),
    "reject_reason": N_("Write why you reject this offer: the employer sees the reason."),
}


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _pages_total(total: int) -> int:
    return max(1, ceil(total / PAGE_SIZE))


# -- Findings marked in the text -------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A piece of a field's text; ``note`` is the number of the finding it is the span of."""

    text: str
    note: int | None = None


def _where(text: str, finding: dict[str, Any]) -> tuple[int, int] | None:
    """Where the finding's words are in the text now: at the offsets screened, else the first
    place the words occur (the text may have been edited since); None if they are gone."""
    span = str(finding.get("span", ""))
    if not span:
        return None
    start, end = int(finding.get("start", -1)), int(finding.get("end", -1))
    if 0 <= start < end <= len(text) and text[start:end].casefold() == span.casefold():
        return start, end
    found = text.casefold().find(span.casefold())
    return (found, found + len(span)) if found >= 0 else None


def mark_findings(text: str, notes: list[tuple[int, dict[str, Any]]]) -> list[Piece]:
    """The text cut into pieces, each finding's words a piece of their own with the finding's
    number (a finding overlapping one before it is listed but not marked again)."""
    placed = sorted(
        (where[0], where[1], number)
        for number, finding in notes
        if (where := _where(text, finding)) is not None
    )
    pieces: list[Piece] = []
    at = 0
    for start, end, number in placed:
        if start < at:
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], number))
        at = end
    if at < len(text) or not pieces:
        pieces.append(Piece(text[at:]))
    return pieces


def _marked_offer(offer: Offer, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """The offer's title, description and requirements, each with its findings marked; the
    findings are numbered in the order the screening listed them."""
    by_field: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, finding in enumerate(findings, start=1):
        by_field.setdefault(str(finding.get("field", "")), []).append((number, finding))
    return {
        "title": mark_findings(offer.title, by_field.get("title", [])),
        "description": [
            mark_findings(paragraph, by_field.get("description", []))
            for paragraph in _paragraphs(offer.description)
        ],
        "requirements": [
            (r, mark_findings(r.text, by_field.get(f"requirements.{r.position}", [])))
            for r in offer.requirements
        ],
    }


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


# -- The review queue ------------------------------------------------------------------------


@router.get("/liaison/review")
def review_queue_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ReviewerPage,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    done: Annotated[str, Query(max_length=30)] = "",
    offer: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> Response:
    rows, total = offers.review_queue(session, actor, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    ids = [o.id for o, _findings in rows]
    confirmation = None
    if done in DONE and offer:
        title = offers.offer_labels(session, {offer}).get(offer, ("", ""))[0]
        if title:
            message = pages.translations.gettext(DONE[done]) % {"title": title}
            confirmation = {"message": message, "offer_id": offer, "action": done}
    context = {
        "rows": rows,
        "labels": offers.offer_labels(session, set(ids)),
        "last": offers.last_changes(session, actor, ids),
        "total": total,
        "page": page,
        "pages_total": _pages_total(total),
        "confirmation": confirmation,
    }
    return render(request, pages, "liaison/review_queue.html", context)


def _review_context(session: SessionDep, actor: Actor, offer_id: int) -> dict[str, Any]:
    offer = offers.offer_for(session, actor, offer_id)
    screenings = offers.screenings_of(session, actor, offer.id)
    findings = list(screenings[-1].findings) if screenings else []
    return {
        "offer": offer,
        "company": offers.offer_labels(session, {offer.id})[offer.id][1],
        "findings": findings,
        "screened_at": screenings[-1].at if screenings else None,
        "text": _marked_offer(offer, findings),
        "history": offers.transitions_of(session, actor, offer.id),
        "reviewable": offer.status in REVIEWABLE,
        "may_shortlist": actor.role is Role.liaison and offer.status is OfferStatus.published,
    }


@router.get("/liaison/review/{offer_id}")
def review_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ReviewerPage,
    offer_id: PathId,
) -> Response:
    context = _review_context(session, actor, offer_id)
    return render(request, pages, "liaison/review.html", context)


def _decide(
    request: Request,
    pages: Pages,
    session: SessionDep,
    actor: Actor,
    review: Any,
    today: date,
    offer_id: int,
    action: str,
    words: str,
) -> Response:
    """One decision through the API's transition; refused, the review page again with the
    error beside the field and what was typed, nothing changed."""
    transition, field = ACTIONS[action]
    offers.offer_for(session, actor, offer_id)  # an unknown offer: 404 first
    _ = pages.translations.gettext
    try:
        reason = words.strip() or None
        offers.transition(session, actor, offer_id, transition, reason, review, today)
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        session.rollback()
        if exc.field == "reason":
            message = _(MISSING[field])
        else:
            message = _("This could not be done: %(reason)s") % {"reason": exc.message}
        context = _review_context(session, actor, offer_id)
        if not context["reviewable"]:  # decided meanwhile: no form to show the error beside
            field = "offer-state"
        context.update(errors={field: message}, values={field: words})
        return render(request, pages, "liaison/review.html", context, status_code=exc.status_code)
    return _see_other(f"/liaison/review?done={action}&offer={offer_id}")


@router.post("/liaison/review/{offer_id}/request-changes")
def request_changes_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ReviewerPage,
    review: ReviewDep,
    today: TodayDep,
    offer_id: PathId,
    message: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    args = (request, pages, session, actor, review, today, offer_id)
    return _decide(*args, "request-changes", message)


@router.post("/liaison/review/{offer_id}/publish")
def publish_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ReviewerPage,
    review: ReviewDep,
    today: TodayDep,
    offer_id: PathId,
    publish_reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    args = (request, pages, session, actor, review, today, offer_id)
    return _decide(*args, "publish", publish_reason)


@router.post("/liaison/review/{offer_id}/reject")
def reject_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: ReviewerPage,
    review: ReviewDep,
    today: TodayDep,
    offer_id: PathId,
    reject_reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    args = (request, pages, session, actor, review, today, offer_id)
    return _decide(*args, "reject", reject_reason)


# -- An offer's candidates -------------------------------------------------------------------


def _candidates_context(
    session: SessionDep, actor: Actor, offer: Offer, read: ShortlistRead | None
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "offer": offer,
        "company": offers.offer_labels(session, {offer.id})[offer.id][1],
        "shortlist": read,
        "funnel": read.funnel if read else None,
        "names": {},
        "employer_consent": {},
        "decided": {},
        "show_esco": False,
        "attribution": ESCO_ATTRIBUTION,
    }
    if read is None:
        return context
    names = client_names(session, actor, {i.client_id for i in read.items if i.client_id})
    decided: dict[int, list[Any]] = {}
    for decision in read.decisions:
        decided.setdefault(decision.item_id, []).append(decision)
    context.update(
        names=names,
        employer_consent=employer_consents(session, actor, set(names)),
        decided=decided,
        show_esco=any(i.explanation.attribution for i in read.items),
    )
    return context


@router.get("/liaison/offers/{offer_id}/candidates")
def candidates_page(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    offer_id: PathId,
) -> Response:
    """The latest list of clients I made for this offer, or a button to make one."""
    offer = offers.offer_for(session, actor, offer_id)
    latest = shortlists.latest_for_offer(session, actor, offer.id)
    read = shortlists.shortlist_read(session, actor, latest, pages.translations) if latest else None
    context = _candidates_context(session, actor, offer, read)
    return render(request, pages, "liaison/candidates.html", context)


@router.post("/liaison/offers/{offer_id}/candidates")
def new_candidates(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    matcher: MatcherDep,
    today: TodayDep,
    offer_id: PathId,
    relax_distance_km: Annotated[float, Form(ge=0, le=200)] = 0,
    relax_hours_per_week: Annotated[float, Form(ge=0, le=40)] = 0,
    relax_language_levels: Annotated[int, Form(ge=0, le=2)] = 0,
    relax_education_levels: Annotated[int, Form(ge=0, le=3)] = 0,
) -> Response:
    """A new list of clients for the offer (the API's shortlist service), with the
    relaxations asked."""
    offer = offers.offer_for(session, actor, offer_id)
    asked = ShortlistRequest.model_validate(
        {
            "relax": {
                "distance_km": relax_distance_km,
                "hours_per_week": relax_hours_per_week,
                "language_levels": relax_language_levels,
                "education_levels": relax_education_levels,
            }
        }
    )
    try:
        shortlists.shortlist_for_offer(session, actor, matcher, offer.id, asked, today)
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        session.rollback()
        context = _candidates_context(session, actor, offer, None)
        message = pages.translations.gettext("No list can be made for this offer: %(reason)s")
        context.update(errors={"make-list": message % {"reason": exc.message}})
        return render(
            request, pages, "liaison/candidates.html", context, status_code=exc.status_code
        )
    return _see_other(f"/liaison/offers/{offer.id}/candidates")


@router.post("/liaison/offers/{offer_id}/candidates/decisions")
def decide_on_client(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: LiaisonPage,
    offer_id: PathId,
    shortlist_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    candidate_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    decision: Annotated[Decision, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """A decision on one client of the list, as on the caseworker's shortlist: proposing
    puts the client to the employer."""
    _ = pages.translations.gettext
    offer = offers.offer_for(session, actor, offer_id)
    shortlist = shortlists.shortlist_for(session, actor, shortlist_id)
    if shortlist.offer_id != offer.id:
        missing = {"status": 404, "message": None}
        return render(request, pages, "error.html", missing, status_code=404)
    try:
        data = DecisionIn(candidate_id=candidate_id, decision=decision, reason=reason or None)
        decide_on_candidate(session, actor, shortlist_id, data)
    except TandemError as exc:
        if exc.status_code == 404:
            raise
        session.rollback()
        read = shortlists.read_shortlist(session, actor, shortlist_id, pages.translations)
        context = _candidates_context(session, actor, offer, read)
        message = (
            _("Give a reason for rejecting this client.")
            if exc.field == "reason"
            else _("This could not be recorded: %(reason)s") % {"reason": exc.message}
        )
        context.update(errors={f"decision-{candidate_id}": message})
        return render(request, pages, "liaison/candidates.html", context, status_code=422)
    return _see_other(f"/liaison/offers/{offer.id}/candidates#client-{candidate_id}")
