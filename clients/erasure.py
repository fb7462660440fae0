"""Erasure (GDPR article 17) and retention: a client's personal data and words removed from
every place Tandem keeps them, the facts kept anonymous so the indicators do not change.

What goes: names, external reference, postcode and coordinates, schedules, licences,
functional limits, aspirations, languages, skill statements (with their concepts),
qualifications, contact data and barriers, nationality and unemployment date, the contact log,
shares, consent events, the stored embeddings of the client's words (unless someone else
uses the same text), the client's words in stored shortlist explanations, the free texts of
decisions, proposals, placements, tutors' reports, checkpoints and their status histories, and
the alerts about them.

What stays, without a name: the client row (its id, caseworker, readiness, hours), the
shortlists, proposals, placements and checkpoints with their dates, statuses and scores, and
the monitoring row's gender and birth year, which the indicators count (placements by gender
and age band, counts under 5 suppressed). Audit rows are never changed: they hold ids and
field names, never values.

The search indexes hold vectors of the client's words: the caller rebuilds them once the
erasure is committed (``tandem`` and the API do; see ``api.erasure``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from clients.access import client_for_owner_or_admin
from models.audit import StatusChange
from models.client import (
    Client,
    ClientContact,
    ClientMonitoring,
    ClientPersonal,
    ClientShare,
    ClientSkill,
    ConsentEvent,
)
from models.inbox import Alert
from models.matching import Shortlist, ShortlistDecision, ShortlistItem, TextEmbedding
from models.offer import Offer, OfferRequirement
from models.placement import Checkpoint, Placement, PlacementReport, Proposal
from models.taxonomy import ExperiencePhrase, OccupationLabel, SkillConcept, SkillLabel

#: What stands in for an erased word in stored free text.
ERASED = "[erased]"


class ErasureReason(StrEnum):
    """Why a client's data was erased: a code, so the audit row holds no free text."""

    client_request = "client_request"
    no_longer_necessary = "no_longer_necessary"
    consent_withdrawn = "consent_withdrawn"
    objection = "objection"
    unlawful_processing = "unlawful_processing"
    retention = "retention"


@dataclass
class ErasureReport:
    client_id: int
    skills: int = 0
    embeddings: int = 0
    shortlist_items: int = 0
    proposals: int = 0
    placements: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def erase_client(
    session: Session, actor: Actor, client_id: int, reason: ErasureReason, now: datetime
) -> ErasureReport:
    client = client_for_owner_or_admin(session, actor, client_id)
    report = anonymise(session, client, now)
    audit.record(session, actor, "erase", "client", client.id, ["all"], detail=reason.value)
    return report


def _scrub(value: Any, words: list[str]) -> Any:
    """A stored JSON value with the client's words taken out: ``client_words`` emptied, any
    string holding one of the words (a stored paragraph) rewritten without it."""
    if isinstance(value, dict):
        return {k: None if k == "client_words" else _scrub(v, words) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, words) for v in value]
    if isinstance(value, str):
        for word in words:
            value = value.replace(word, ERASED)
        return value
    return value


def _used_elsewhere(session: Session, client_id: int, texts: set[str]) -> set[str]:
    """Of these texts, those someone or something else uses too (another client's statement
    or aspirations, an offer, a taxonomy label): their embeddings are not the client's alone."""
    if not texts:
        return set()
    found: set[str] = set()
    queries = [
        select(Client.aspirations).where(Client.id != client_id, Client.aspirations.in_(texts)),
        select(OfferRequirement.text).where(OfferRequirement.text.in_(texts)),
        select(Offer.title).where(Offer.title.in_(texts)),
        select(SkillLabel.label).where(SkillLabel.label.in_(texts)),
        select(SkillConcept.preferred_label).where(SkillConcept.preferred_label.in_(texts)),
        select(SkillConcept.description).where(SkillConcept.description.in_(texts)),
        select(ExperiencePhrase.phrase).where(ExperiencePhrase.phrase.in_(texts)),
        select(OccupationLabel.label).where(OccupationLabel.label.in_(texts)),
    ]
    queries.append(
        select(ClientSkill.text).where(
            ClientSkill.client_id != client_id, ClientSkill.text.in_(texts)
        )
    )
    for query in queries:
        found.update(t for t in session.scalars(query) if t)
    return found


def anonymise(session: Session, client: Client, now: datetime) -> ErasureReport:
    """Remove the client's personal data and words everywhere; keep anonymous facts."""
    cid = client.id
    report = ErasureReport(client_id=cid, skills=len(client.skills))
    placement_ids = list(session.scalars(select(Placement.id).where(Placement.client_id == cid)))
    proposal_ids = list(session.scalars(select(Proposal.id).where(Proposal.client_id == cid)))
    observed = [
        s
        for skills in session.scalars(
            select(PlacementReport.skills_observed).where(
                PlacementReport.placement_id.in_(placement_ids)
            )
        )
        for s in skills or []
    ]
    texts = {s.text for s in client.skills} | {client.aspirations} | set(observed)
    texts |= {q.title for q in client.qualifications}
    texts.discard("")
    names = {client.given_name, client.family_name, client.external_ref or ""} - {""}
    # Longest first, so a statement is replaced whole before a name inside it.
    words = sorted(texts | names, key=len, reverse=True)

    # Stored embeddings of the client's words, where nobody else uses the same text.
    mine = texts - _used_elsewhere(session, cid, texts)
    if mine:
        result = session.execute(delete(TextEmbedding).where(TextEmbedding.text.in_(mine)))
        report.embeddings = result.rowcount or 0  # type: ignore[attr-defined]

    # The profile row, emptied; its children removed.
    client.languages = []
    client.skills = []
    client.qualifications = []
    emptied: dict[str, Any] = {
        "given_name": "",
        "family_name": "",
        "external_ref": None,
        "home_postcode": "",
        "latitude": 0.0,
        "longitude": 0.0,
        "unavailable_schedules": [],
        "isced_level": None,
        "driving_licences": [],
        "own_vehicle": False,
        "functional_limits": [],
        "aspirations": "",
        "consent_liaison": False,
        "consent_liaison_at": None,
        "consent_employers": False,
        "consent_employers_at": None,
        "erased_at": now,
    }
    for column, value in emptied.items():
        setattr(client, column, value)
    for table in (ClientPersonal, ClientContact, ClientShare, ConsentEvent):
        session.execute(delete(table).where(table.client_id == cid))
    session.execute(
        update(ClientMonitoring)
        .where(ClientMonitoring.client_id == cid)
        .values(nationality=None, unemployed_since=None)
    )

    # Stored shortlists: the client's words out of each explanation; decisions' free text.
    items = list(
        session.scalars(
            select(ShortlistItem).where(
                or_(
                    ShortlistItem.client_id == cid,
                    ShortlistItem.shortlist_id.in_(
                        select(Shortlist.id).where(Shortlist.client_id == cid)
                    ),
                )
            )
        )
    )
    for item in items:
        item.explanation = _scrub(item.explanation, words)
    report.shortlist_items = len(items)
    item_ids = [i.id for i in items]
    if item_ids:
        session.execute(
            update(ShortlistDecision)
            .where(ShortlistDecision.item_id.in_(item_ids))
            .values(reason=None)
        )

    # Proposals, placements, reports and checkpoints: kept as facts, without free text.
    if proposal_ids:
        session.execute(
            update(Proposal)
            .where(Proposal.id.in_(proposal_ids))
            .values(message="", decline_text=None)
        )
    if placement_ids:
        session.execute(
            update(Placement)
            .where(Placement.id.in_(placement_ids))
            .values(end_text=None)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(PlacementReport)
            .where(PlacementReport.placement_id.in_(placement_ids))
            .values(skills_observed=[], notes="")
        )
        session.execute(
            update(Checkpoint).where(Checkpoint.placement_id.in_(placement_ids)).values(notes="")
        )
    checkpoint_ids = list(
        session.scalars(select(Checkpoint.id).where(Checkpoint.placement_id.in_(placement_ids)))
    )
    report.proposals, report.placements = len(proposal_ids), len(placement_ids)
    _clear_histories(session, proposal_ids, placement_ids)
    about = [("client", [cid]), ("proposal", proposal_ids), ("placement", placement_ids)]
    about.append(("checkpoint", checkpoint_ids))
    for entity, ids in about:
        if ids:
            session.execute(delete(Alert).where(Alert.entity == entity, Alert.entity_id.in_(ids)))
    session.flush()
    return report


def _clear_histories(session: Session, proposal_ids: list[int], placement_ids: list[int]) -> None:
    for entity, ids in (("proposal", proposal_ids), ("placement", placement_ids)):
        if ids:
            session.execute(
                update(StatusChange)
                .where(StatusChange.entity == entity, StatusChange.entity_id.in_(ids))
                .values(reason=None)
            )


# --- retention ----------------------------------------------------------------------------


def last_activity(session: Session) -> dict[int, datetime]:
    """Each client's last sign of work on the case: the profile changed, a contact logged, a
    shortlist made, a proposal or placement changed."""
    last: dict[int, datetime] = {}

    def take(rows: Iterable[Any]) -> None:
        for client_id, at in rows:
            if at is None or client_id is None:
                continue
            if isinstance(at, date) and not isinstance(at, datetime):
                at = datetime.combine(at, time.min)
            at = at.replace(tzinfo=None)
            if client_id not in last or at > last[client_id]:
                last[client_id] = at

    take(session.execute(select(Client.id, Client.updated_at).where(Client.erased_at.is_(None))))
    for table, column in (
        (ClientContact, ClientContact.contacted_on),
        (Shortlist, Shortlist.at),
        (Proposal, Proposal.updated_at),
        (Placement, Placement.updated_at),
    ):
        take(session.execute(select(table.client_id, func.max(column)).group_by(table.client_id)))
    return last


def inactive_clients(session: Session, today: date, days: int) -> list[Client]:
    """Clients (not yet erased) with no sign of work for more than ``days`` days."""
    cutoff = datetime.combine(today - timedelta(days=days), time.min)
    ids = sorted(cid for cid, at in last_activity(session).items() if at < cutoff)
    if not ids:
        return []
    query = select(Client).where(Client.id.in_(ids), Client.erased_at.is_(None)).order_by(Client.id)
    return list(session.scalars(query))


def anonymise_inactive(
    session: Session, today: date, days: int, now: datetime, apply: bool
) -> list[tuple[int, str]]:
    """The inactive clients (id, name), anonymised when ``apply``; a dry run otherwise. Each
    anonymisation is audited (no actor: the retention rule)."""
    found = inactive_clients(session, today, days)
    listed = [(c.id, f"{c.given_name} {c.family_name}") for c in found]
    if apply:
        for client in found:
            anonymise(session, client, now)
            audit.record(
                session, None, "erase", "client", client.id, ["all"], ErasureReason.retention.value
            )
    return listed
