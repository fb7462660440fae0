"""Shortlists in both directions, stored exactly as they were given, with "why not" and the
decisions people record on them.

A shortlist is: the catalogues brought up to date, candidates scored at once, the best walked
in order through the hard constraints (those read from the database at query time last, for
the few that are left), the survivors scored exactly and explained.

Explanations are stored as facts (``matching.facts``) and put in words when read
(``shortlists.render``), for that reader: whether they may still see each client, and so the
client's own words, is decided at that moment (``clients.access.readable_client_ids``), not
when the list was made.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, raiseload

from accounts import audit
from accounts.actor import Actor
from clients.access import client_for_reader, readable_client_ids, visible_client_ids
from clients.consent_rules import liaison_consents
from employers.offers import offer_for, places_left
from employers.tutors import tutor_load
from matching.catalogue import Arrays, Catalogue, ClientEntry, Floats, Ints, OfferEntry
from matching.constraints import (
    Check,
    OfferState,
    Relaxation,
    live_checks,
    static_checks,
)
from matching.engine import Matcher, Snapshot
from matching.explain import explain
from matching.facts import ExplanationFacts
from matching.ranking import (
    Candidates,
    PairScore,
    client_candidates,
    offer_candidates,
    score_pair,
)
from models.client import Client
from models.errors import InvalidInput, NotFound, TransitionNotAllowed
from models.matching import Shortlist, ShortlistDecision, ShortlistDirection, ShortlistItem
from models.offer import Offer
from models.reference import nace_divisions
from models.tutor import Tutor
from models.user import Role
from places.geo import haversine_km_to_many
from shortlists.explanations import read_explanation, stored
from shortlists.funnel import count_funnel, read_funnel
from shortlists.render import ENGLISH, Gettext, reason, render_explanation
from shortlists.schemas import (
    DecisionIn,
    DecisionRead,
    ExplanationRead,
    ShortlistItemRead,
    ShortlistRead,
    ShortlistRequest,
    WhyNotRead,
)

SHORTLISTERS = (Role.caseworker, Role.liaison)


def relaxation(request: ShortlistRequest) -> Relaxation:
    relax = request.relax
    return Relaxation(
        relax.distance_km, relax.hours_per_week, relax.language_levels, relax.education_levels
    )


def offer_states(session: Session, offer_ids: list[int]) -> dict[int, OfferState]:
    """Status, expiry, places left and tutor load as the database has them now."""
    if not offer_ids:
        return {}
    rows = session.execute(
        select(Offer.id, Offer.status, Offer.expiry_date, Offer.tutor_id).where(
            Offer.id.in_(offer_ids)
        )
    ).all()
    free = places_left(session, offer_ids)
    tutor_ids = sorted({r.tutor_id for r in rows if r.tutor_id is not None})
    capacity: dict[int, int] = {}
    mentees: dict[int, int] = {}
    if tutor_ids:
        capacity = dict(
            session.execute(
                select(Tutor.id, Tutor.max_mentees).where(Tutor.id.in_(tutor_ids))
            ).all()
        )
        mentees = tutor_load(session, tutor_ids)
    return {
        r.id: OfferState(
            status=str(r.status),
            expiry_date=r.expiry_date,
            places_left=free[r.id],
            tutor_mentees=mentees.get(r.tutor_id, 0) if r.tutor_id else None,
            tutor_capacity=capacity.get(r.tutor_id) if r.tutor_id else None,
        )
        for r in rows
    }


def _in_sector(sector: str, company_sector: str | None) -> bool:
    """A company of unknown sector (a prospect from an imported ad) is in none."""
    if company_sector is None:
        return False
    if sector == company_sector:
        return True
    division = nace_divisions().get(company_sector)
    return division is not None and division.section == sector


def filter_reasons(
    offer: OfferEntry, request: ShortlistRequest, _: Gettext = ENGLISH.gettext
) -> list[str]:
    reasons = []
    kinds = request.filters.kinds
    if kinds and offer.facts.kind not in {k.value for k in kinds}:
        reasons.append(
            _("filter: the offer is a {kind}, not one of the kinds asked").format(
                kind=offer.facts.kind
            )
        )
    sector = request.filters.sector
    if sector and not _in_sector(sector, offer.facts.sector):
        reasons.append(
            _("filter: the company's sector {company_sector} is not {sector}").format(
                company_sector=offer.facts.sector, sector=sector
            )
        )
    return reasons


@dataclass
class _Pick:
    offer: OfferEntry
    client: ClientEntry
    checks: list[Check]


#: Slack (km) of the vectorised reach pre-filter, so that it only drops pairs the exact
#: distance check would refuse too.
REACH_SLACK_KM = 0.5


def within_reach(
    arrays: Arrays,
    slots: Ints,
    point: tuple[float | None, float | None],
    allowed_km: float | Floats,
    request: ShortlistRequest,
) -> npt.NDArray[np.bool_]:
    """Which candidates (catalogue slots) can be within travel distance of ``point``: a cheap
    first cut before the exact constraint checks, which still decide."""
    lat, lon = point
    if lat is None or lon is None:
        return np.zeros(len(slots), dtype=bool)
    allowed = np.asarray(allowed_km, dtype=np.float64) + request.relax.distance_km
    if request.filters.max_distance_km is not None:
        allowed = np.minimum(allowed, request.filters.max_distance_km)
    km = haversine_km_to_many(lat, lon, arrays.latitude[slots], arrays.longitude[slots])
    reachable: npt.NDArray[np.bool_] = km <= allowed + REACH_SLACK_KM
    return reachable


@dataclass
class _Walk:
    """The walk's picks and what it saw on the way (for the funnel)."""

    picks: list[_Pick]
    considered: int
    filtered: int = 0
    failed: list[list[Check]] = field(default_factory=list)
    static_passed: int = 0
    complete: bool = True
    skipped: list[int] = field(default_factory=list)


def _walk(
    candidates: Candidates,
    slot_ids: list[int],
    pair_of: Callable[[int], tuple[OfferEntry, ClientEntry] | None],
    request: ShortlistRequest,
    live: Callable[[list[_Pick]], list[_Pick]],
    reachable: npt.NDArray[np.bool_] | None = None,
) -> _Walk:
    """Candidates in first-pass order through the constraints until the pool is full.
    The pool is larger than the list so the exact scores can reorder it."""
    pool_size = max(3 * request.limit, request.limit + 20)
    relax = relaxation(request)
    ids = np.asarray([slot_ids[s] for s in candidates.slots.tolist()], dtype=np.int64)
    order = np.lexsort((ids, -candidates.scores))
    walk = _Walk([], len(ids))
    if reachable is not None:
        walk.skipped = [int(ids[p]) for p in order[~reachable[order]].tolist()]
        order = order[reachable[order]]
    pending: list[_Pick] = []
    for position in order.tolist():
        pair = pair_of(int(ids[position]))
        if pair is None:
            continue
        offer, client = pair
        if filter_reasons(offer, request):
            walk.filtered += 1
            continue
        checks = static_checks(offer.facts, client.facts, relax, request.filters.max_distance_km)
        if all(c.passed for c in checks):
            pending.append(_Pick(offer, client, checks))
            walk.static_passed += 1
        else:
            walk.failed.append([c for c in checks if not c.passed])
        if len(walk.picks) + len(pending) >= pool_size:
            walk.picks += live(pending)
            pending = []
            if len(walk.picks) >= pool_size:
                walk.complete = False
                break
    walk.picks += live(pending)
    return walk


def _funnel(
    walk: _Walk,
    request: ShortlistRequest,
    pair_of: Callable[[int], tuple[OfferEntry, ClientEntry] | None],
    of: str = "offers",
) -> dict[str, Any] | None:
    """The funnel's facts when the list came out shorter than asked (every candidate was
    walked); the candidates the distance pre-filter skipped are checked exactly here.
    ``of``: what the candidates are, offers (for a client) or clients (for an offer)."""
    listed = min(len(walk.picks), request.limit)
    if not walk.complete or listed >= request.limit:
        return None
    relax = relaxation(request)
    filtered, failed = walk.filtered, list(walk.failed)
    for candidate_id in walk.skipped:
        pair = pair_of(candidate_id)
        if pair is None:
            continue
        offer, client = pair
        if filter_reasons(offer, request):
            filtered += 1
            continue
        checks = static_checks(offer.facts, client.facts, relax, request.filters.max_distance_km)
        failed.append([c for c in checks if not c.passed])
    live_excluded = walk.static_passed - len(walk.picks)
    return count_funnel(request, walk.considered, listed, filtered, failed, live_excluded, of)


def _explain(
    matcher: Matcher,
    snap: Snapshot,
    request: ShortlistRequest,
    pair: PairScore,
    checks: list[Check],
    today: date,
) -> ExplanationFacts:
    return explain(pair, checks, matcher.weights, snap.concepts, relaxation(request), today)


def _snapshot_for(
    session: Session, matcher: Matcher, subject: Client | Offer
) -> tuple[Snapshot, OfferEntry | ClientEntry | None]:
    """The snapshot a shortlist reads from start to end, and its subject's entry there. A
    refresh under way in another request (embedding a new profile, say) is not waited for,
    unless it is the subject itself that changed since the snapshot was made."""
    snap = matcher.refresh(session, wait=False)
    side: Catalogue[Any] = snap.clients if isinstance(subject, Client) else snap.offers
    entry = side.entries.get(subject.id)
    if entry is None or entry.updated_at != subject.updated_at:
        snap = matcher.refresh(session)
        side = snap.clients if isinstance(subject, Client) else snap.offers
        entry = side.entries.get(subject.id)
    return snap, entry


def _store(
    session: Session,
    actor: Actor,
    matcher: Matcher,
    snap: Snapshot,
    request: ShortlistRequest,
    direction: ShortlistDirection,
    subject: tuple[int | None, int | None],
    picks: list[_Pick],
    considered: int,
    today: date,
    funnel: dict[str, Any] | None = None,
) -> Shortlist:
    """The shortlist and its items, stored in two statements (the items in one batch)."""
    client_id, offer_id = subject
    scored = []
    for pick in picks:
        pair = score_pair(
            pick.offer,
            pick.client,
            snap.store,
            snap.related,
            matcher.weights,
            snap.offers.summaries.get(pick.offer.id),
            snap.clients.summaries.get(pick.client.id),
        )
        other = (
            pick.offer.id if direction is ShortlistDirection.offers_for_client else pick.client.id
        )
        scored.append((pair, other, pick))
    scored.sort(key=lambda item: (-item[0].score, item[1]))
    shortlist = Shortlist(
        direction=direction,
        client_id=client_id,
        offer_id=offer_id,
        requested_by_id=actor.user_id,
        request=request.model_dump(mode="json"),
        model=matcher.embedder.name,
        weights=matcher.weights.as_dict(),
        considered=considered,
        funnel=funnel,
    )
    session.add(shortlist)
    session.flush()
    items = [
        {
            "shortlist_id": shortlist.id,
            "rank": rank,
            "offer_id": pick.offer.id,
            "client_id": pick.client.id,
            "score": pair.score,
            "explanation": stored(_explain(matcher, snap, request, pair, pick.checks, today)),
        }
        for rank, (pair, _other, pick) in enumerate(scored[: request.limit], start=1)
    ]
    if items:
        session.execute(insert(ShortlistItem), items)
    session.expire(shortlist, ["items"])  # read back when asked for
    audit.record(session, actor, "create", "shortlist", shortlist.id, detail=direction.value)
    return shortlist


def shortlist_for_client(
    session: Session,
    actor: Actor,
    matcher: Matcher,
    client_id: int,
    request: ShortlistRequest,
    today: date,
) -> Shortlist:
    """Offers for a client, best first, each explained: read from one catalogue snapshot, with
    no lock held while the live checks read the database or the shortlist is stored."""
    actor.require(*SHORTLISTERS)
    row = client_for_reader(session, actor, client_id)
    snap, entry = _snapshot_for(session, matcher, row)
    assert isinstance(entry, ClientEntry)
    client = entry
    candidates = offer_candidates(
        snap.offers,
        client,
        snap.clients.summaries[client_id],
        snap.store,
        snap.related,
        matcher.weights,
    )

    def pair_of(offer_id: int) -> tuple[OfferEntry, ClientEntry] | None:
        offer = snap.offers.entries.get(offer_id)
        return None if offer is None else (offer, client)

    def live(picks: list[_Pick]) -> list[_Pick]:
        states = offer_states(session, [p.offer.id for p in picks])
        kept = []
        for pick in picks:
            state = states.get(pick.offer.id)
            if state is None:
                continue
            checks = live_checks(pick.offer.facts, state, None, today)
            if all(c.passed for c in checks):
                kept.append(_Pick(pick.offer, client, checks + pick.checks))
        return kept

    arrays = snap.offers.arrays()
    reachable = arrays.remote[candidates.slots] | within_reach(
        arrays,
        candidates.slots,
        (client.facts.latitude, client.facts.longitude),
        client.facts.max_travel_km,
        request,
    )
    walk = _walk(candidates, snap.offers.slot_ids, pair_of, request, live, reachable)
    shortlist = _store(
        session,
        actor,
        matcher,
        snap,
        request,
        ShortlistDirection.offers_for_client,
        (client_id, None),
        walk.picks,
        walk.considered,
        today,
        _funnel(walk, request, pair_of),
    )
    return shortlist


def shortlist_for_offer(
    session: Session,
    actor: Actor,
    matcher: Matcher,
    offer_id: int,
    request: ShortlistRequest,
    today: date,
) -> Shortlist:
    """Clients for an offer, best first, each explained. Only clients who consented to share
    their profile with liaison officers; a caseworker sees only their own and shared ones.
    Read from one catalogue snapshot, with no lock held."""
    actor.require(*SHORTLISTERS)
    row = offer_for(session, actor, offer_id)
    snap, entry = _snapshot_for(session, matcher, row)
    visible: set[int] | None = None
    if actor.role is Role.caseworker:
        visible = set(session.scalars(visible_client_ids(actor)))
    states = offer_states(session, [offer_id])
    offer = entry if isinstance(entry, OfferEntry) else None
    failed = (
        []
        if offer is None
        else [c for c in live_checks(offer.facts, states[offer_id], None, today) if not c.passed]
    )
    if offer is None or failed:
        state = states[offer_id]
        reason = failed[0].detail if failed else None
        raise TransitionNotAllowed("offer", state.status, "shortlist clients for", reason)
    candidates = client_candidates(
        snap.clients,
        offer,
        snap.offers.summaries[offer_id],
        snap.store,
        snap.related,
        matcher.weights,
    )

    def pair_of(client_id: int) -> tuple[OfferEntry, ClientEntry] | None:
        client = snap.clients.entries.get(client_id)
        if client is None or not client.consent_liaison:
            return None
        if visible is not None and client_id not in visible:
            return None
        return offer, client

    def live(picks: list[_Pick]) -> list[_Pick]:
        consent = liaison_consents(session, [p.client.id for p in picks])
        kept = []
        for pick in picks:
            check = live_checks(
                offer.facts, states[offer_id], consent.get(pick.client.id, False), today
            )
            if all(c.passed for c in check):
                kept.append(_Pick(offer, pick.client, check + pick.checks))
        return kept

    reachable = None
    if not offer.facts.remote:
        arrays = snap.clients.arrays()
        reachable = within_reach(
            arrays,
            candidates.slots,
            (offer.facts.latitude, offer.facts.longitude),
            arrays.max_km[candidates.slots],
            request,
        )
    walk = _walk(candidates, snap.clients.slot_ids, pair_of, request, live, reachable)
    return _store(
        session,
        actor,
        matcher,
        snap,
        request,
        ShortlistDirection.clients_for_offer,
        (None, offer_id),
        walk.picks,
        walk.considered,
        today,
        _funnel(walk, request, pair_of, of="clients"),
    )


def shortlist_for(session: Session, actor: Actor, shortlist_id: int) -> Shortlist:
    """A stored shortlist, for those who could have asked for it."""
    actor.require(*SHORTLISTERS)
    shortlist = session.get(Shortlist, shortlist_id)
    if shortlist is None:
        raise NotFound("shortlist", shortlist_id)
    if shortlist.direction is ShortlistDirection.offers_for_client:
        assert shortlist.client_id is not None
        try:
            client_for_reader(session, actor, shortlist.client_id)
        except NotFound:
            raise NotFound("shortlist", shortlist_id) from None
    elif actor.role is Role.caseworker and shortlist.requested_by_id != actor.user_id:
        raise NotFound("shortlist", shortlist_id)
    return shortlist


def _render(
    item: ShortlistItem, readable: set[int], translations: gettext.NullTranslations
) -> ExplanationRead:
    return render_explanation(
        read_explanation(item.explanation),
        show_client_words=item.client_id in readable,
        translations=translations,
    )


#: What of a client a rendered explanation carries: their skills in their own words.
EXPLANATION_FIELDS = ("skills",)


def audit_words(session: Session, actor: Actor, client_ids: set[int], detail: str) -> None:
    """One audited read per client whose own words an answer shows (a shortlist, a why-not)."""
    audit.record_reads(
        session, actor, "read", "client", sorted(client_ids), EXPLANATION_FIELDS, detail
    )


def shortlist_read(
    session: Session,
    actor: Actor,
    shortlist: Shortlist,
    translations: gettext.NullTranslations = ENGLISH,
) -> ShortlistRead:
    """A shortlist as this reader may see it now, in their words: the ranks, scores and facts
    as they were made; a client's own words only while the reader may still read that client
    (a liaison officer no longer does once the client withdraws consent)."""
    readable = readable_client_ids(
        session, actor, {i.client_id for i in shortlist.items if i.client_id is not None}
    )
    audit_words(session, actor, readable, f"shortlist {shortlist.id}")
    items = [
        ShortlistItemRead(
            id=item.id,
            rank=item.rank,
            offer_id=item.offer_id,
            client_id=item.client_id,
            score=item.score,
            explanation=_render(item, readable, translations),
        )
        for item in shortlist.items
    ]
    return ShortlistRead(
        id=shortlist.id,
        direction=shortlist.direction,
        client_id=shortlist.client_id,
        offer_id=shortlist.offer_id,
        requested_by_id=shortlist.requested_by_id,
        at=shortlist.at,
        request=shortlist.request,
        model=shortlist.model,
        weights=shortlist.weights,
        considered=shortlist.considered,
        items=items,
        decisions=[DecisionRead.model_validate(d) for d in shortlist.decisions],
        funnel=read_funnel(shortlist.funnel, translations),
    )


def read_shortlist(
    session: Session,
    actor: Actor,
    shortlist_id: int,
    translations: gettext.NullTranslations = ENGLISH,
) -> ShortlistRead:
    shortlist = shortlist_for(session, actor, shortlist_id)
    audit.record(session, actor, "read", "shortlist", shortlist.id)
    return shortlist_read(session, actor, shortlist, translations)


def _candidate_item(shortlist: Shortlist, candidate_id: int) -> ShortlistItem | None:
    for item in shortlist.items:
        other = (
            item.offer_id
            if shortlist.direction is ShortlistDirection.offers_for_client
            else item.client_id
        )
        if other == candidate_id:
            return item
    return None


def record_decision(
    session: Session, actor: Actor, shortlist_id: int, data: DecisionIn
) -> ShortlistDecision:
    """A person's decision on one candidate (proposed, rejected with a reason, contacted)."""
    shortlist = shortlist_for(session, actor, shortlist_id)
    item = _candidate_item(shortlist, data.candidate_id)
    if item is None:
        raise InvalidInput(
            "candidate_id", f"{data.candidate_id} is not on shortlist {shortlist_id}"
        )
    reason = (data.reason or "").strip() or None
    if data.decision.value == "rejected" and reason is None:
        raise InvalidInput("reason", "a rejection needs a reason")
    decision = ShortlistDecision(
        shortlist_id=shortlist.id,
        item_id=item.id,
        decision=data.decision,
        reason=reason,
        decided_by_id=actor.user_id,
    )
    shortlist.decisions.append(decision)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "shortlist_decision",
        decision.id,
        ["decision", "reason"] if reason else ["decision"],
        detail=f"shortlist {shortlist.id}, candidate {data.candidate_id}: {data.decision.value}",
    )
    return decision


def why_not(
    session: Session,
    actor: Actor,
    matcher: Matcher,
    shortlist_id: int,
    candidate_id: int,
    today: date,
    translations: gettext.NullTranslations = ENGLISH,
) -> WhyNotRead:
    """Why an offer (or client) is not on a shortlist: the constraints it fails under the
    shortlist's own request, or its score against the lowest listed one."""
    _ = translations.gettext
    shortlist = shortlist_for(session, actor, shortlist_id)
    request = ShortlistRequest.model_validate(shortlist.request)
    item = _candidate_item(shortlist, candidate_id)
    lowest = min((i.score for i in shortlist.items), default=None)
    answer = WhyNotRead(
        candidate_id=candidate_id,
        on_list=item is not None,
        rank=item.rank if item else None,
        reasons=[],
        score=item.score if item else None,
        lowest_listed_score=lowest,
        explanation=None,
    )
    if item is not None:
        readable = readable_client_ids(
            session, actor, {item.client_id} if item.client_id else set()
        )
        audit_words(session, actor, readable, f"shortlist {shortlist.id}, why-not")
        answer.explanation = _render(item, readable, translations)
        return answer
    offers_for_client = shortlist.direction is ShortlistDirection.offers_for_client
    if offers_for_client:
        offer_for(session, actor, candidate_id)
        pair_ids: tuple[int | None, int | None] = (candidate_id, shortlist.client_id)
    else:
        client_for_reader(session, actor, candidate_id)
        pair_ids = (shortlist.offer_id, candidate_id)
    offer_id, client_id = pair_ids
    assert offer_id is not None
    assert client_id is not None
    snap = matcher.refresh(session)
    states = offer_states(session, [offer_id])
    offer = snap.offers.entries.get(offer_id)
    client = snap.clients.entries.get(client_id)
    reasons = answer.reasons
    consent = None if offers_for_client else liaison_consents(session, [client_id]).get(client_id)
    if offer is None or client is None:
        state = states.get(offer_id)
        reasons.append(
            _("the offer is {status}, not published").format(status=state.status)
            if state
            else _("not in the catalogue")
        )
        return answer
    checks = live_checks(offer.facts, states[offer_id], consent, today) + static_checks(
        offer.facts, client.facts, relaxation(request), request.filters.max_distance_km
    )
    pair = score_pair(
        offer,
        client,
        snap.store,
        snap.related,
        matcher.weights,
        snap.offers.summaries.get(offer_id),
        snap.clients.summaries.get(client_id),
    )
    readable = readable_client_ids(session, actor, {client_id})
    audit_words(session, actor, readable, f"shortlist {shortlist.id}, why-not")
    explanation = render_explanation(
        _explain(matcher, snap, request, pair, checks, today),
        show_client_words=client_id in readable,
        translations=translations,
    )
    reasons += filter_reasons(offer, request, _) if offers_for_client else []
    reasons += [reason(c, _) for c in explanation.constraints if not c.passed]
    answer.score = pair.score
    answer.explanation = explanation
    if pair.essential == 0 and pair.optional == 0:
        reasons.append(_("no requirement is met by any of the client's skills"))
    elif not reasons:
        if lowest is not None and pair.score <= lowest:
            reasons.append(
                _("score {score} is below the lowest listed score {lowest}").format(
                    score=f"{pair.score:.4f}", lowest=f"{lowest:.4f}"
                )
            )
        else:
            reasons.append(
                _("it would be listed now: something changed since the shortlist was made")
            )
    return answer


def recent_shortlists(session: Session, actor: Actor, limit: int) -> list[tuple[Shortlist, int]]:
    """The shortlists this person asked for lately, newest first, each with how many it
    listed (counted, not loaded: their items and decisions stay unread)."""
    actor.require(*SHORTLISTERS)
    listed = (
        select(func.count(ShortlistItem.id))
        .where(ShortlistItem.shortlist_id == Shortlist.id)
        .scalar_subquery()
    )
    query = (
        select(Shortlist, listed)
        .options(raiseload(Shortlist.items), raiseload(Shortlist.decisions))
        .where(Shortlist.requested_by_id == actor.user_id)
        .order_by(Shortlist.at.desc(), Shortlist.id.desc())
        .limit(limit)
    )
    return [(row[0], int(row[1])) for row in session.execute(query)]


def latest_for_offer(session: Session, actor: Actor, offer_id: int) -> Shortlist | None:
    """The newest list of clients this person made for the offer (None if they made none)."""
    actor.require(*SHORTLISTERS)
    offer = offer_for(session, actor, offer_id)
    query = (
        select(Shortlist)
        .where(
            Shortlist.direction == ShortlistDirection.clients_for_offer,
            Shortlist.offer_id == offer.id,
            Shortlist.requested_by_id == actor.user_id,
        )
        .order_by(Shortlist.at.desc(), Shortlist.id.desc())
        .limit(1)
    )
    return session.scalar(query)
