"""Client profiles: create, read (audited), update, and the caseworker's list."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, raiseload

from accounts import audit
from accounts.actor import Actor
from clients.access import (
    client_for_editor,
    client_for_reader,
    readable_client_ids,
    visible_client_ids,
)
from clients.consent_rules import PROFILE_FIELDS, liaison_may_read
from clients.schemas import (
    ClientCreate,
    ClientUpdate,
    LanguageSkill,
    MonitoringIn,
    QualificationIn,
    SkillIn,
)
from models.base import utcnow
from models.client import (
    Client,
    ClientContact,
    ClientLanguage,
    ClientMonitoring,
    ClientPersonal,
    ClientQualification,
    ClientSkill,
    ClientSkillConcept,
    ConsentEvent,
    ConsentKind,
    Readiness,
    SkillSource,
    SkillStage,
)
from models.db import check_version, fetch_page, lock_rows
from models.errors import Conflict, InvalidInput, NotFound
from models.fields import like_pattern
from models.matching import Shortlist
from models.placement import Checkpoint, Placement
from models.reference import check_distinct_languages
from models.taxonomy import SkillConcept
from models.user import Role
from places.geo import resolve_postcode
from taxonomy.mapping import check_concepts, confirm, keep_unchanged_words, proposals
from taxonomy.normalise import Normaliser

CHILD_LISTS = ("languages", "skills", "qualifications")


def _languages(items: list[LanguageSkill]) -> list[ClientLanguage]:
    check_distinct_languages([item.language for item in items])
    return [ClientLanguage(language=item.language, level=item.level) for item in items]


def _skills(items: list[SkillIn], normaliser: Normaliser | None) -> list[ClientSkill]:
    """The client's statements in their own words, each with the concepts proposed for it."""
    return [
        ClientSkill(
            position=i,
            text=s.text,
            source=s.source,
            stage=s.stage,
            concepts=[
                ClientSkillConcept(concept_id=m.concept_id, score=m.score, how=m.how.value)
                for m in proposals(normaliser, s.text)
            ],
        )
        for i, s in enumerate(items)
    ]


def _merge_skills(
    current: list[ClientSkill], items: list[SkillIn], normaliser: Normaliser | None
) -> list[ClientSkill]:
    """The new list of statements; one whose words are unchanged keeps its row, its concepts
    and their confirmations."""
    pairs = keep_unchanged_words(current, items, lambda i: _skills([i], normaliser)[0])
    for position, (item, row) in enumerate(pairs):
        row.position, row.source, row.stage = position, item.source, item.stage
    return [row for _item, row in pairs]


def _qualifications(items: list[QualificationIn]) -> list[ClientQualification]:
    return [ClientQualification(**q.model_dump()) for q in items]


def _check_external_ref(session: Session, ref: str | None, own_id: int | None) -> None:
    if ref is None:
        return
    other = session.scalar(select(Client.id).where(Client.external_ref == ref))
    if other is not None and other != own_id:
        raise Conflict(f"external reference {ref} is already used", field="external_ref")


def _set_monitoring(session: Session, client_id: int, data: MonitoringIn) -> None:
    row = session.get(ClientMonitoring, client_id) or ClientMonitoring(client_id=client_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(row, name, value)
    session.add(row)


def create_client(
    session: Session,
    actor: Actor,
    data: ClientCreate,
    default_country: str,
    normaliser: Normaliser | None = None,
) -> Client:
    actor.require(Role.caseworker)
    _check_external_ref(session, data.external_ref, None)
    place = resolve_postcode(
        session, data.country or default_country, data.home_postcode, "home_postcode"
    )
    values = data.model_dump(
        exclude={
            "country",
            "home_postcode",
            "personal",
            "monitoring",
            *CHILD_LISTS,
        }
    )
    now = utcnow()
    client = Client(
        **values,
        caseworker_id=actor.user_id,
        country=place.country,
        home_postcode=place.postcode,
        latitude=place.latitude,
        longitude=place.longitude,
        consent_liaison_at=now if data.consent_liaison else None,
        consent_employers_at=now if data.consent_employers else None,
        languages=_languages(data.languages),
        skills=_skills(data.skills, normaliser),
        qualifications=_qualifications(data.qualifications),
    )
    session.add(client)
    session.flush()
    for kind, granted in (
        (ConsentKind.liaison, data.consent_liaison),
        (ConsentKind.employers, data.consent_employers),
    ):
        if granted:
            session.add(
                ConsentEvent(
                    client_id=client.id, kind=kind, granted=True, recorded_by_id=actor.user_id
                )
            )
    fields = set(data.model_fields_set)
    if data.personal is not None:
        session.add(ClientPersonal(client_id=client.id, **data.personal.model_dump()))
        fields |= {f"personal.{n}" for n in data.personal.model_fields_set}
    if data.monitoring is not None:
        _set_monitoring(session, client.id, data.monitoring)
        fields |= {f"monitoring.{n}" for n in data.monitoring.model_fields_set}
    audit.record(session, actor, "create", "client", client.id, sorted(fields))
    return client


def read_client(session: Session, actor: Actor, client_id: int) -> Client:
    """A client's profile; every read is written to the audit trail."""
    client = client_for_reader(session, actor, client_id)
    audit.record(session, actor, "read", "client", client.id, list(PROFILE_FIELDS))
    return client


def list_clients(
    session: Session,
    actor: Actor,
    *,
    q: str | None,
    readiness: Readiness | None,
    caseworker_id: int | None,
    not_contacted_since: date | None = None,
    consent_missing: bool = False,
    checkpoint_overdue_on: date | None = None,
    limit: int,
    offset: int,
    with_lists: bool = True,
) -> tuple[list[Client], int]:
    """The clients the actor may see. ``not_contacted_since`` finds parked clients: no contact
    logged on or after that day (or none at all). Each client listed is an audited read.
    ``with_lists=False`` leaves the languages, skills and qualifications unloaded, for a list
    that shows none of them."""
    actor.require(Role.caseworker, Role.liaison)
    query = select(Client).order_by(Client.family_name, Client.given_name, Client.id)
    if not with_lists:
        query = query.options(raiseload(Client.languages), raiseload(Client.skills))
        query = query.options(raiseload(Client.qualifications))
    if actor.role is Role.caseworker:
        query = query.where(Client.id.in_(visible_client_ids(actor)))
    else:
        query = query.where(liaison_may_read())
    if q:
        pattern = like_pattern(q)
        query = query.where(
            or_(
                Client.given_name.ilike(pattern, escape="\\"),
                Client.family_name.ilike(pattern, escape="\\"),
                Client.external_ref.ilike(pattern, escape="\\"),
            )
        )
    if readiness is not None:
        query = query.where(Client.readiness == readiness)
    if caseworker_id is not None:
        query = query.where(Client.caseworker_id == caseworker_id)
    if consent_missing:
        query = query.where(~(Client.consent_liaison & Client.consent_employers))
    if checkpoint_overdue_on is not None:
        overdue = (
            select(Placement.client_id)
            .join(Checkpoint, Checkpoint.placement_id == Placement.id)
            .where(Checkpoint.outcome.is_(None), Checkpoint.due_on < checkpoint_overdue_on)
        )
        query = query.where(Client.id.in_(overdue))
    if not_contacted_since is not None:
        recent = select(ClientContact.client_id).where(
            ClientContact.contacted_on >= not_contacted_since
        )
        query = query.where(Client.id.not_in(recent))
    rows, total = fetch_page(session, query, limit, offset)
    audit.record_reads(
        session, actor, "list", "client", [client.id for client in rows], PROFILE_FIELDS
    )
    return rows, total


def update_client(
    session: Session,
    actor: Actor,
    client_id: int,
    data: ClientUpdate,
    default_country: str,
    normaliser: Normaliser | None = None,
) -> Client:
    client = client_for_editor(session, actor, client_id)
    check_version(session, client, data.version, "client")
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    changed: list[str] = []
    if "external_ref" in changes:
        _check_external_ref(session, changes["external_ref"], client.id)
    if "languages" in changes:
        changes.pop("languages")
        client.languages = _languages(data.languages or [])
        changed.append("languages")
    if "skills" in changes:
        changes.pop("skills")
        client.skills = _merge_skills(client.skills, data.skills or [], normaliser)
        changed.append("skills")
    if "qualifications" in changes:
        changes.pop("qualifications")
        client.qualifications = _qualifications(data.qualifications or [])
        changed.append("qualifications")
    if "monitoring" in changes:
        changes.pop("monitoring")
        if data.monitoring is not None:
            _set_monitoring(session, client.id, data.monitoring)
            changed += [f"monitoring.{n}" for n in data.monitoring.model_fields_set]
    if "home_postcode" in changes or "country" in changes:
        if changes.get("home_postcode", client.home_postcode) is None:
            raise InvalidInput("home_postcode", "home_postcode cannot be empty")
        place = resolve_postcode(
            session,
            changes.pop("country", None) or client.country or default_country,
            changes.pop("home_postcode", None) or client.home_postcode,
            "home_postcode",
        )
        changes.update(
            country=place.country,
            home_postcode=place.postcode,
            latitude=place.latitude,
            longitude=place.longitude,
        )
    changed += audit.apply_changes(client, changes)
    if changed:
        client.updated_at = utcnow()  # also when only skills or languages changed
        audit.record(session, actor, "update", "client", client.id, changed)
        session.flush()
    else:  # nothing changed, but the answer still carries the profile
        audit.record(session, actor, "read", "client", client.id, list(PROFILE_FIELDS))
    return client


#: The most statements and languages one profile holds (as in ``ClientUpdate``).
MAX_SKILLS = 200
MAX_LANGUAGES = 20


def _added(session: Session, actor: Actor, client: Client, field: str) -> None:
    """One item added to a client's profile: the version moves on (so a PATCH of the whole
    list made against the older version is refused) and the change is audited."""
    client.updated_at = utcnow()
    audit.record(session, actor, "update", "client", client.id, [field])
    session.flush()


def add_skill(
    session: Session,
    actor: Actor,
    client_id: int,
    data: SkillIn,
    normaliser: Normaliser | None = None,
) -> Client:
    """One more statement at the end of the profile. Additions never conflict with each other
    and need no version: the profile is re-read under a lock (``lock_rows``) first."""
    client = client_for_editor(session, actor, client_id)
    lock_rows(session, Client, [client.id])
    if len(client.skills) >= MAX_SKILLS:
        raise InvalidInput("text", f"a profile holds at most {MAX_SKILLS} statements")
    skill = _skills([data], normaliser)[0]
    skill.position = max((s.position for s in client.skills), default=-1) + 1
    client.skills.append(skill)
    _added(session, actor, client, "skills")
    return client


def add_language(session: Session, actor: Actor, client_id: int, data: LanguageSkill) -> Client:
    """One more language; a language already on the profile is a 409 (change its level with
    PATCH)."""
    client = client_for_editor(session, actor, client_id)
    lock_rows(session, Client, [client.id])
    if any(item.language == data.language for item in client.languages):
        raise Conflict(
            f"client {client.id} already speaks '{data.language}'; change its level with PATCH",
            field="language",
        )
    if len(client.languages) >= MAX_LANGUAGES:
        raise InvalidInput("language", f"a profile holds at most {MAX_LANGUAGES} languages")
    client.languages.append(ClientLanguage(language=data.language, level=data.level))
    _added(session, actor, client, "languages")
    return client


def confirm_skill_concepts(
    session: Session, actor: Actor, client_id: int, skill_id: int, concept_ids: list[int]
) -> ClientSkill:
    """A caseworker confirms (or changes) what a statement means; who and when are kept."""
    client = client_for_editor(session, actor, client_id)
    skill = next((s for s in client.skills if s.id == skill_id), None)
    if skill is None:
        raise NotFound("skill", skill_id)
    check_concepts(session, concept_ids)
    skill.concepts = confirm(
        skill.concepts,
        concept_ids,
        lambda concept_id: ClientSkillConcept(
            concept_id=concept_id, concept=session.get(SkillConcept, concept_id)
        ),
        actor.user_id,
        utcnow(),
    )
    client.updated_at = utcnow()  # matching re-reads profiles changed since it last looked
    audit.record(
        session,
        actor,
        "confirm_concepts",
        "client_skill",
        skill.id,
        ["concepts"],
        detail=f"client {client.id}: concepts {sorted(set(concept_ids))}",
    )
    return skill


def recognise_skills(
    session: Session, client_id: int, texts: list[str], normaliser: Normaliser | None
) -> list[ClientSkill]:
    """Skills a tutor observed at work enter the client's profile as ``recognised``: a
    statement already there in the same words is raised to that stage, others are added."""
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound("client", client_id)
    by_text = {s.text.casefold(): s for s in client.skills}
    touched = []
    for text in dict.fromkeys(t.strip() for t in texts if t.strip()):
        skill = by_text.get(text.casefold())
        if skill is None:
            item = SkillIn(text=text, source=SkillSource.formal, stage=SkillStage.recognised)
            skill = _skills([item], normaliser)[0]
            skill.position = len(client.skills)
            client.skills.append(skill)
            by_text[text.casefold()] = skill
        skill.stage = SkillStage.recognised
        touched.append(skill)
    client.updated_at = utcnow()  # matching re-reads profiles changed since it last looked
    return touched


def last_activity(
    session: Session, client_ids: list[int]
) -> tuple[dict[int, date], dict[int, datetime]]:
    """Each client's last contact and last shortlist (two queries for any number of rows)."""
    if not client_ids:
        return {}, {}
    contacts = session.execute(
        select(ClientContact.client_id, func.max(ClientContact.contacted_on))
        .where(ClientContact.client_id.in_(client_ids))
        .group_by(ClientContact.client_id)
    ).all()
    shortlists = session.execute(
        select(Shortlist.client_id, func.max(Shortlist.at))
        .where(Shortlist.client_id.in_(client_ids))
        .group_by(Shortlist.client_id)
    ).all()
    return (
        {client_id: day for client_id, day in contacts},
        {client_id: at for client_id, at in shortlists if client_id is not None},
    )


def client_names(session: Session, actor: Actor, client_ids: set[int]) -> dict[int, str]:
    """The names of those of these clients the actor may read (one query each way)."""
    readable = readable_client_ids(session, actor, client_ids)
    if not readable:
        return {}
    rows = session.execute(
        select(Client.id, Client.given_name, Client.family_name).where(Client.id.in_(readable))
    ).all()
    names = ["given_name", "family_name"]
    audit.record_reads(session, actor, "read", "client", sorted(r.id for r in rows), names)
    return {r.id: f"{r.given_name} {r.family_name}" for r in rows}


def employer_consents(session: Session, actor: Actor, client_ids: set[int]) -> dict[int, bool]:
    """Whether each of these clients the actor may read agreed to be proposed to employers
    (one query each way, not a client record each)."""
    readable = readable_client_ids(session, actor, client_ids)
    if not readable:
        return {}
    rows = session.execute(
        select(Client.id, Client.consent_employers).where(Client.id.in_(readable))
    ).all()
    return {r.id: r.consent_employers for r in rows}


def add_experience(
    session: Session,
    actor: Actor,
    client_id: int,
    chosen: dict[str, list[int]],
    default_country: str,
    normaliser: Normaliser | None,
) -> list[ClientSkill]:
    """Add what a person has done, in their own words: each phrase the caseworker ticked
    becomes an informal statement, the concepts ticked for it confirmed."""
    client = client_for_editor(session, actor, client_id)
    phrases = [p.strip() for p in chosen if p.strip()]
    if not phrases:
        raise InvalidInput("phrases", "tick at least one thing this person has done")
    known = {s.text.casefold() for s in client.skills}
    current = [SkillIn(text=s.text, source=s.source, stage=s.stage) for s in client.skills]
    added = [SkillIn(text=p) for p in phrases if p.casefold() not in known]
    update_client(
        session, actor, client_id, ClientUpdate(skills=current + added), default_country, normaliser
    )
    by_text = {s.text.casefold(): s for s in client.skills}
    saved = []
    for phrase in phrases:
        skill = by_text[phrase.casefold()]
        if chosen[phrase]:
            confirm_skill_concepts(session, actor, client_id, skill.id, chosen[phrase])
        saved.append(skill)
    return saved
