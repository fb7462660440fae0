"""Offers: creation, editing, visibility and the guarded state transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from accounts.inbox import raise_alert
from config.settings import Settings
from employers.companies import company_for, company_id_for_new
from employers.offer_states import EDITABLE, TRANSITIONS, OfferAction
from employers.schemas import (
    LanguageRequirement,
    OfferCreate,
    OfferUpdate,
    RequirementIn,
)
from employers.screening import Finding, Screener
from employers.tutors import check_tutor_of_company
from models.audit import StatusChange
from models.base import utcnow
from models.company import Company
from models.db import check_version, fetch_page, lock_rows
from models.errors import Conflict, Forbidden, InvalidInput, NotFound, TransitionNotAllowed
from models.fields import like_pattern
from models.inbox import AlertKind
from models.offer import (
    TUTORED_KINDS,
    Offer,
    OfferKind,
    OfferLanguage,
    OfferRequirement,
    OfferScreening,
    OfferStatus,
    RequirementConcept,
)
from models.placement import HOLDING_PLACE, Placement
from models.reference import check_distinct_languages
from models.taxonomy import SkillConcept
from models.user import Role, User
from places.geo import resolve_postcode
from taxonomy.mapping import check_concepts, confirm, keep_unchanged_words, proposals
from taxonomy.normalise import Normaliser
from taxonomy.occupations import OccupationProposal, propose_occupations

#: An edit of an offer in these states is screened again (a published one is held on findings).
SCREENED_ON_EDIT = frozenset({OfferStatus.submitted, OfferStatus.held, OfferStatus.published})


def offer_for(session: Session, actor: Actor, offer_id: int) -> Offer:
    """The offer if the actor may see it: employers their company's, caseworkers published ones."""
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise NotFound("offer", offer_id)
    if actor.role is Role.employer and offer.company_id != actor.company_id:
        raise NotFound("offer", offer_id)
    if actor.role is Role.caseworker and offer.status is not OfferStatus.published:
        raise NotFound("offer", offer_id)
    return offer


def _requirements(
    items: list[RequirementIn], normaliser: Normaliser | None
) -> list[OfferRequirement]:
    """The employer's requirement lines in their own words, each with proposed concepts."""
    return [
        OfferRequirement(
            position=i,
            text=item.text,
            essential=item.essential,
            concepts=[
                RequirementConcept(concept_id=m.concept_id, score=m.score, how=m.how.value)
                for m in proposals(normaliser, item.text)
            ],
        )
        for i, item in enumerate(items)
    ]


def _merge_requirements(
    current: list[OfferRequirement], items: list[RequirementIn], normaliser: Normaliser | None
) -> list[OfferRequirement]:
    """The new requirement lines; an unchanged line keeps its row and confirmed concepts."""
    pairs = keep_unchanged_words(current, items, lambda i: _requirements([i], normaliser)[0])
    for position, (item, row) in enumerate(pairs):
        row.position, row.essential = position, item.essential
    return [row for _item, row in pairs]


def _languages(items: list[LanguageRequirement]) -> list[OfferLanguage]:
    check_distinct_languages([item.language for item in items])
    return [OfferLanguage(language=item.language, min_level=item.min_level) for item in items]


def places_left(session: Session, offer_ids: list[int]) -> dict[int, int]:
    """Places not yet held by a planned, started, completed or hired placement, per offer."""
    if not offer_ids:
        return {}
    places = dict(
        session.execute(select(Offer.id, Offer.places).where(Offer.id.in_(offer_ids))).all()
    )
    taken = dict(
        session.execute(
            select(Placement.offer_id, func.count())
            .where(Placement.offer_id.in_(offer_ids), Placement.status.in_(HOLDING_PLACE))
            .group_by(Placement.offer_id)
        ).all()
    )
    return {offer_id: count - taken.get(offer_id, 0) for offer_id, count in places.items()}


def _check_consistency(offer: Offer) -> None:
    if not offer.remote and offer.postcode is None:
        raise InvalidInput("postcode", "a postcode is required unless the offer is remote")
    if offer.pay_amount is not None and offer.pay_period is None:
        raise InvalidInput("pay_period", "pay_period is required when pay_amount is given")


def _place_offer(
    session: Session, offer: Offer, country: str | None, postcode: str | None, default: str
) -> None:
    if postcode is None:
        offer.country = offer.postcode = offer.latitude = offer.longitude = None
        return
    place = resolve_postcode(session, country or default, postcode, "postcode")
    offer.country, offer.postcode = place.country, place.postcode
    offer.latitude, offer.longitude = place.latitude, place.longitude


def create_offer(
    session: Session,
    actor: Actor,
    data: OfferCreate,
    default_country: str,
    today: date,
    normaliser: Normaliser | None = None,
) -> Offer:
    actor.require(Role.admin, Role.liaison, Role.employer)
    company_id = company_id_for_new(actor, data.company_id)
    company_for(session, actor, company_id)
    check_tutor_of_company(session, data.tutor_id, company_id)
    if data.expiry_date is not None and data.expiry_date < today:
        raise InvalidInput("expiry_date", "the expiry date is already past")
    values = data.model_dump(
        exclude={"company_id", "requirements", "languages", "country", "postcode", "status"}
    )
    offer = Offer(
        **values,
        company_id=company_id,
        status=OfferStatus.draft,
        created_by_id=actor.user_id,
        requirements=_requirements(data.requirements, normaliser),
        languages=_languages(data.languages),
    )
    _place_offer(session, offer, data.country, data.postcode, default_country)
    _check_consistency(offer)
    session.add(offer)
    session.flush()
    audit.record(session, actor, "create", "offer", offer.id, list(data.model_fields_set))
    return offer


def list_offers(
    session: Session,
    actor: Actor,
    *,
    status: OfferStatus | None,
    kind: OfferKind | None,
    company_id: int | None,
    nace_code: str | None,
    q: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Offer], int]:
    query = select(Offer).order_by(Offer.id.desc())
    if actor.role is Role.employer:
        query = query.where(Offer.company_id == actor.company_id)
    if actor.role is Role.caseworker:
        query = query.where(Offer.status == OfferStatus.published)
    if status is not None:
        query = query.where(Offer.status == status)
    if kind is not None:
        query = query.where(Offer.kind == kind)
    if company_id is not None:
        query = query.where(Offer.company_id == company_id)
    if nace_code:
        query = query.join(Company, Company.id == Offer.company_id).where(
            Company.nace_code == nace_code.upper()
        )
    if q:
        query = query.where(Offer.title.ilike(like_pattern(q), escape="\\"))
    return fetch_page(session, query, limit, offset)


def update_offer(
    session: Session,
    actor: Actor,
    offer_id: int,
    data: OfferUpdate,
    default_country: str,
    today: date,
    review: Review,
    normaliser: Normaliser | None = None,
) -> Offer:
    actor.require(Role.admin, Role.liaison, Role.employer)
    offer = offer_for(session, actor, offer_id)
    check_version(session, offer, data.version, "offer")
    if offer.status not in EDITABLE[actor.role]:
        raise TransitionNotAllowed("offer", offer.status.value, "edit")
    changes: dict[str, Any] = data.model_dump(exclude_unset=True, exclude={"status"})
    changed: list[str] = []
    if "requirements" in changes:
        changes.pop("requirements")
        offer.requirements = _merge_requirements(
            offer.requirements, data.requirements or [], normaliser
        )
        changed.append("requirements")
    if "languages" in changes:
        changes.pop("languages")
        offer.languages = _languages(data.languages or [])
        changed.append("languages")
    if "tutor_id" in changes:
        check_tutor_of_company(session, changes["tutor_id"], offer.company_id)
    if changes.get("expiry_date") is not None and changes["expiry_date"] < today:
        raise InvalidInput("expiry_date", "the expiry date is already past")
    if "postcode" in changes or "country" in changes or changes.get("remote") is False:
        postcode = changes.pop("postcode", offer.postcode)
        country = changes.pop("country", offer.country)
        before = (offer.postcode, offer.latitude)
        _place_offer(session, offer, country, postcode, default_country)
        if before != (offer.postcode, offer.latitude):
            changed.append("postcode")
    changed += audit.apply_changes(offer, changes)
    _check_consistency(offer)
    if offer.kind in TUTORED_KINDS and offer.status is not OfferStatus.draft:
        _require_tutor(offer)
    if changed:
        _edited(session, actor, offer, changed, review)
    return offer


def _edited(
    session: Session, actor: Actor, offer: Offer, changed: list[str], review: Review
) -> None:
    """After an edit: the version moves on (also when only requirements or languages
    changed), the change is audited, and an offer already submitted is screened again (held
    when the new words are found discriminatory)."""
    offer.updated_at = utcnow()
    audit.record(session, actor, "update", "offer", offer.id, changed)
    session.flush()
    if offer.status in SCREENED_ON_EDIT:
        findings = screen_offer(session, actor, offer, review.screener, "edit")
        if findings and offer.status is not OfferStatus.held:
            grounds = ", ".join(sorted({f.ground for f in findings}))
            move(
                session,
                actor,
                offer,
                OfferStatus.held,
                "hold",
                f"edited; screening found {len(findings)} finding(s): {grounds}",
            )


#: The most requirement lines and languages one offer holds (as in ``OfferUpdate``).
MAX_REQUIREMENTS = 50
MAX_OFFER_LANGUAGES = 10


def _offer_to_extend(session: Session, actor: Actor, offer_id: int) -> Offer:
    """An offer the actor may edit, re-read under a lock so that additions never conflict."""
    actor.require(Role.admin, Role.liaison, Role.employer)
    offer = offer_for(session, actor, offer_id)
    lock_rows(session, Offer, [offer.id])
    if offer.status not in EDITABLE[actor.role]:
        raise TransitionNotAllowed("offer", offer.status.value, "edit")
    return offer


def add_requirement(
    session: Session,
    actor: Actor,
    offer_id: int,
    data: RequirementIn,
    review: Review,
    normaliser: Normaliser | None = None,
) -> Offer:
    """One more requirement line at the end of the offer, screened like any edit."""
    offer = _offer_to_extend(session, actor, offer_id)
    if len(offer.requirements) >= MAX_REQUIREMENTS:
        raise InvalidInput("text", f"an offer holds at most {MAX_REQUIREMENTS} requirement lines")
    requirement = _requirements([data], normaliser)[0]
    requirement.position = max((r.position for r in offer.requirements), default=-1) + 1
    offer.requirements.append(requirement)
    _edited(session, actor, offer, ["requirements"], review)
    return offer


def add_offer_language(
    session: Session, actor: Actor, offer_id: int, data: LanguageRequirement, review: Review
) -> Offer:
    """One more language the offer asks for; one already asked for is a 409."""
    offer = _offer_to_extend(session, actor, offer_id)
    if any(item.language == data.language for item in offer.languages):
        raise Conflict(
            f"offer {offer.id} already asks for '{data.language}'; change its level with PATCH",
            field="language",
        )
    if len(offer.languages) >= MAX_OFFER_LANGUAGES:
        raise InvalidInput("language", f"an offer asks for at most {MAX_OFFER_LANGUAGES} languages")
    offer.languages.append(OfferLanguage(language=data.language, min_level=data.min_level))
    _edited(session, actor, offer, ["languages"], review)
    return offer


def _require_tutor(offer: Offer) -> None:
    if offer.tutor_id is None:
        kind = offer.kind.value.replace("_", " ")
        raise InvalidInput("tutor_id", f"a {kind} needs a company-side tutor once submitted")


@dataclass(frozen=True)
class Review:
    """How submitted offers are reviewed: the screener, and whether an offer without findings
    is published at once instead of waiting for a liaison officer."""

    screener: Screener
    publish_without_review: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Review:
        """The shipped screening rules plus the service's own, as the settings name them."""
        return cls(
            Screener.from_files(
                settings.screening_rules,
                settings.screening_allow,
                settings.screening_context,
                settings.screening_rewordings,
            ),
            settings.publish_without_review,
        )


def _offer_fields(offer: Offer) -> list[tuple[str, str]]:
    fields = [("title", offer.title), ("description", offer.description)]
    fields += [(f"requirements.{r.position}", r.text) for r in offer.requirements]
    return fields


def screen_offer(
    session: Session, actor: Actor | None, offer: Offer, screener: Screener, trigger: str
) -> list[Finding]:
    """Screen the offer's title, description and requirements, and keep the result."""
    findings = screener.screen_fields(_offer_fields(offer))
    session.add(
        OfferScreening(
            offer_id=offer.id,
            trigger=trigger,
            actor_id=actor.user_id if actor else None,
            findings=[f.as_dict() for f in findings],
        )
    )
    return findings


def move(
    session: Session,
    actor: Actor | None,
    offer: Offer,
    target: OfferStatus,
    action: str,
    reason: str | None,
) -> None:
    """Record one status change: the offer's status, its history row and the audit event."""
    previous = offer.status
    offer.status = target
    audit.record_status(
        session, actor, "offer", offer.id, previous.value, target.value, reason, action=action
    )


def transition(
    session: Session,
    actor: Actor,
    offer_id: int,
    action: OfferAction,
    reason: str | None,
    review: Review,
    today: date,
) -> Offer:
    """Apply one action of the state machine, or refuse it naming the current state.

    Submitting screens the offer: with findings it is held for a liaison officer, never shown
    to caseworkers; without, it waits for approval (or is published at once where the setting
    allows). Publishing a held offer overrides its findings and needs a written reason."""
    offer = offer_for(session, actor, offer_id)
    rule = TRANSITIONS[action]
    verb = action.value.replace("_", " ")
    if actor.role not in rule.roles:
        raise Forbidden(f"role '{actor.role.value}' cannot {verb} an offer")
    if offer.status not in rule.sources:
        raise TransitionNotAllowed("offer", offer.status.value, verb)
    needs_reason = rule.reason_required or (
        action is OfferAction.publish and offer.status is OfferStatus.held
    )
    if needs_reason and not (reason and reason.strip()):
        raise InvalidInput("reason", f"a written reason is required to {verb} this offer")
    if action is OfferAction.submit and offer.kind in TUTORED_KINDS:
        _require_tutor(offer)
    if action is OfferAction.publish and offer.expiry_date and offer.expiry_date < today:
        raise TransitionNotAllowed(
            "offer", offer.status.value, "publish", "its expiry date is past"
        )
    target = rule.target
    if action is OfferAction.submit:
        findings = screen_offer(session, actor, offer, review.screener, "submit")
        if findings:
            target = OfferStatus.held
            grounds = ", ".join(sorted({f.ground for f in findings}))
            reason = f"screening found {len(findings)} finding(s): {grounds}"
        elif review.publish_without_review:
            target = OfferStatus.published
            reason = reason or "no screening findings; published without review by setting"
    move(session, actor, offer, target, action.value, reason)
    return offer


def transitions_of(session: Session, actor: Actor, offer_id: int) -> list[StatusChange]:
    offer = offer_for(session, actor, offer_id)
    return audit.status_history(session, "offer", offer.id)


def confirm_requirement_concepts(
    session: Session, actor: Actor, offer_id: int, requirement_id: int, concept_ids: list[int]
) -> OfferRequirement:
    """A liaison officer (or the employer, on a draft) confirms what a requirement asks for."""
    actor.require(Role.admin, Role.liaison, Role.employer)
    offer = offer_for(session, actor, offer_id)
    if offer.status not in EDITABLE[actor.role]:
        raise TransitionNotAllowed("offer", offer.status.value, "edit")
    requirement = next((r for r in offer.requirements if r.id == requirement_id), None)
    if requirement is None:
        raise NotFound("requirement", requirement_id)
    check_concepts(session, concept_ids)
    requirement.concepts = confirm(
        requirement.concepts,
        concept_ids,
        lambda concept_id: RequirementConcept(
            concept_id=concept_id, concept=session.get(SkillConcept, concept_id)
        ),
        actor.user_id,
        utcnow(),
    )
    offer.updated_at = utcnow()  # matching re-reads offers changed since it last looked
    audit.record(
        session,
        actor,
        "confirm_concepts",
        "offer_requirement",
        requirement.id,
        ["concepts"],
        detail=f"offer {offer.id}: concepts {sorted(set(concept_ids))}",
    )
    return requirement


def occupations_for_offer(
    session: Session, actor: Actor, offer_id: int, normaliser: Normaliser
) -> list[OccupationProposal]:
    """ESCO occupations that fit the offer's title and the concepts of its requirements."""
    offer = offer_for(session, actor, offer_id)
    concept_ids = {c.concept_id for r in offer.requirements for c in r.concepts}
    return propose_occupations(normaliser.index, offer.title, concept_ids)


def screenings_of(session: Session, actor: Actor, offer_id: int) -> list[OfferScreening]:
    offer = offer_for(session, actor, offer_id)
    query = select(OfferScreening).where(OfferScreening.offer_id == offer.id)
    return list(session.scalars(query.order_by(OfferScreening.id)))


def last_changes(session: Session, actor: Actor, offer_ids: list[int]) -> dict[int, StatusChange]:
    """Each listed offer's latest change of state (one query for a page of offers); offers the
    actor may not see are left out."""
    visible = _visible_ids(session, actor, offer_ids)
    latest = (
        select(func.max(StatusChange.id))
        .where(StatusChange.entity == "offer", StatusChange.entity_id.in_(visible))
        .group_by(StatusChange.entity_id)
    )
    rows = session.scalars(select(StatusChange).where(StatusChange.id.in_(latest)))
    return {row.entity_id: row for row in rows}


def latest_findings(
    session: Session, actor: Actor, offer_ids: list[int]
) -> dict[int, list[dict[str, Any]]]:
    """Each listed offer's findings at its latest screening (one query for a page of offers)."""
    visible = _visible_ids(session, actor, offer_ids)
    latest = (
        select(func.max(OfferScreening.id))
        .where(OfferScreening.offer_id.in_(visible))
        .group_by(OfferScreening.offer_id)
    )
    rows = session.scalars(select(OfferScreening).where(OfferScreening.id.in_(latest)))
    return {row.offer_id: list(row.findings) for row in rows}


def _visible_ids(session: Session, actor: Actor, offer_ids: list[int]) -> list[int]:
    query = select(Offer.id).where(Offer.id.in_(offer_ids))
    if actor.role is Role.employer:
        query = query.where(Offer.company_id == actor.company_id)
    if actor.role is Role.caseworker:
        query = query.where(Offer.status == OfferStatus.published)
    return list(session.scalars(query))


def review_queue(
    session: Session, actor: Actor, limit: int, offset: int
) -> tuple[list[tuple[Offer, list[dict[str, object]]]], int]:
    """Held offers first (with the findings of their latest screening), then submitted offers
    waiting for approval; oldest first within each."""
    actor.require(Role.admin, Role.liaison)
    query = (
        select(Offer)
        .where(Offer.status.in_([OfferStatus.held, OfferStatus.submitted]))
        .order_by((Offer.status == OfferStatus.submitted), Offer.updated_at, Offer.id)
    )
    offers, total = fetch_page(session, query, limit, offset)
    latest: dict[int, list[dict[str, object]]] = {}
    if offers:
        for screening in session.scalars(
            select(OfferScreening)
            .where(OfferScreening.offer_id.in_([o.id for o in offers]))
            .order_by(OfferScreening.id)
        ):
            latest[screening.offer_id] = screening.findings
    return [(o, latest.get(o.id, [])) for o in offers], total


def expire_offers(session: Session, today: date) -> list[int]:
    """Offers past their expiry date leave circulation; the scheduler runs this daily and
    ``tandem offers expire`` runs it by hand. Idempotent: an expired offer is not touched."""
    rule = TRANSITIONS[OfferAction.expire]
    due = session.scalars(
        select(Offer)
        .where(Offer.status.in_(rule.sources), Offer.expiry_date < today)
        .order_by(Offer.id)
    ).all()
    for offer in due:
        move(
            session,
            None,
            offer,
            OfferStatus.expired,
            OfferAction.expire.value,
            f"expiry date {offer.expiry_date} passed",
        )
    return [o.id for o in due]


def alert_held_offers(session: Session, today: date, days: int) -> int:
    """Alert the company's liaison officer (else every liaison officer) once per held offer
    that has waited for review longer than ``days``."""
    held_since = (
        select(StatusChange.entity_id.label("offer_id"), func.max(StatusChange.at).label("at"))
        .where(StatusChange.entity == "offer", StatusChange.to_status == OfferStatus.held.value)
        .group_by(StatusChange.entity_id)
        .subquery()
    )
    cutoff = datetime.combine(today - timedelta(days=days), time.max, UTC)
    rows = session.execute(
        select(Offer.id, Offer.title, Company.liaison_officer_id, held_since.c.at)
        .join(Company, Company.id == Offer.company_id)
        .join(held_since, held_since.c.offer_id == Offer.id)
        .where(Offer.status == OfferStatus.held, held_since.c.at <= cutoff)
        .order_by(Offer.id)
    ).all()
    everyone: list[int] | None = None  # read only if some company has no liaison officer
    raised = 0
    for offer_id, title, liaison_id, since in rows:
        if liaison_id is None and everyone is None:
            everyone = list(session.scalars(select(User.id).where(User.role == Role.liaison)))
        for user_id in [liaison_id] if liaison_id else everyone or []:
            raised += raise_alert(
                session,
                user_id,
                AlertKind.held_offer_waiting,
                f"held_offer_waiting:{offer_id}:{since.date().isoformat()}",
                "offer",
                offer_id,
                f"Offer {offer_id} ({title}) has been held for review since {since.date()}",
            )
    return raised


def offer_labels(session: Session, offer_ids: set[int]) -> dict[int, tuple[str, str]]:
    """Each offer's title and company name, for lists that name offers (one query)."""
    if not offer_ids:
        return {}
    rows = session.execute(
        select(Offer.id, Offer.title, Company.name)
        .join(Company, Company.id == Offer.company_id)
        .where(Offer.id.in_(offer_ids))
    ).all()
    return {r.id: (r.title, r.name) for r in rows}


def find_published_offers(session: Session, text: str, limit: int) -> list[Offer]:
    """Published offers whose title or company name contains ``text`` (why-not search)."""
    pattern = like_pattern(text.strip())
    query = (
        select(Offer)
        .join(Company, Company.id == Offer.company_id)
        .where(
            Offer.status == OfferStatus.published,
            Offer.title.ilike(pattern, escape="\\") | Company.name.ilike(pattern, escape="\\"),
        )
        .order_by(Offer.title, Offer.id)
        .limit(limit)
    )
    return list(session.scalars(query))
