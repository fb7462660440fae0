"""Reading the catalogues' entries from the database: published offers with their
requirements, clients with their skills (only matching's columns), the concepts each statement
maps to, how concepts relate, and the vectors of their texts (embedded once and stored).

The entries are the plain data of ``matching.catalogue``; nothing here keeps state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.catalogue import (
    ClientEntry,
    ConceptLink,
    Entry,
    OfferEntry,
    Statement,
    VectorStore,
    entry_texts,
    statement_concepts,
    with_vector_ids,
)
from matching.constraints import ClientFacts, OfferFacts
from matching.embedding import Embedder
from matching.vectors import embed_texts
from models.client import Client, ClientLanguage, ClientSkill, ClientSkillConcept
from models.company import Company
from models.offer import Offer, OfferLanguage, OfferRequirement, OfferStatus, RequirementConcept
from models.taxonomy import Occupation, SkillBroader, SkillRelation


def _concepts(
    session: Session,
    table: type[RequirementConcept] | type[ClientSkillConcept],
    column: str,
    ids: list[int],
) -> dict[int, list[ConceptLink]]:
    found: dict[int, list[ConceptLink]] = defaultdict(list)
    key = getattr(table, column)
    for start in range(0, len(ids), 5000):
        for owner, concept_id, score, how in session.execute(
            select(key, table.concept_id, table.score, table.how).where(
                key.in_(ids[start : start + 5000])
            )
        ):
            found[owner].append(ConceptLink(concept_id, float(score), how))
    return found


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), 5000):
        yield ids[start : start + 5000]


def load_offers(session: Session, ids: list[int] | None = None) -> list[OfferEntry]:
    """Published offers (of ``ids``, or all) as catalogue entries, without vectors."""
    entries: list[OfferEntry] = []
    occupation_label: dict[str, str] = {
        uri: label
        for uri, label in session.execute(select(Occupation.esco_uri, Occupation.preferred_label))
    }
    for chunk in _chunks(ids):
        columns = [
            Offer.id,
            Offer.kind,
            Offer.company_id,
            Company.nace_code,
            Offer.latitude,
            Offer.longitude,
            Offer.remote,
            Offer.hours_per_week,
            Offer.schedules,
            Offer.min_isced,
            Offer.overqualification_ok,
            Offer.physical_demands,
            Offer.driving_licence,
            Offer.tutor_id,
            Offer.title,
            Offer.occupation_uri,
            Offer.updated_at,
        ]
        rows = session.execute(
            select(*columns)
            .join(Company, Company.id == Offer.company_id)
            .where(Offer.status == OfferStatus.published, *([Offer.id.in_(chunk)] if chunk else []))
        ).all()
        offer_ids = [r.id for r in rows]
        if not offer_ids:
            continue
        requirements: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
        for req_id, offer_id, text, essential in session.execute(
            select(
                OfferRequirement.id,
                OfferRequirement.offer_id,
                OfferRequirement.text,
                OfferRequirement.essential,
            )
            .where(OfferRequirement.offer_id.in_(offer_ids))
            .order_by(OfferRequirement.offer_id, OfferRequirement.position)
        ):
            requirements[offer_id].append((req_id, text, essential))
        concepts = _concepts(
            session,
            RequirementConcept,
            "requirement_id",
            [r[0] for reqs in requirements.values() for r in reqs],
        )
        languages: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for offer_id, language, level in session.execute(
            select(OfferLanguage.offer_id, OfferLanguage.language, OfferLanguage.min_level)
            .where(OfferLanguage.offer_id.in_(offer_ids))
            .order_by(OfferLanguage.id)
        ):
            languages[offer_id].append((language, level))
        for r in rows:
            facts = OfferFacts(
                id=r.id,
                kind=str(r.kind),
                company_id=r.company_id,
                sector=r.nace_code,
                latitude=r.latitude,
                longitude=r.longitude,
                remote=r.remote,
                hours_per_week=r.hours_per_week,
                schedules=frozenset(r.schedules or ()),
                languages=tuple(languages.get(r.id, ())),
                min_isced=r.min_isced,
                overqualification_ok=r.overqualification_ok,
                physical_demands=frozenset(r.physical_demands or ()),
                driving_licence=r.driving_licence,
                tutor_id=r.tutor_id,
            )
            statements = tuple(
                Statement(
                    req_id, text, essential, statement_concepts(concepts.get(req_id, ()), False)
                )
                for req_id, text, essential in requirements.get(r.id, ())
            )
            occupation = occupation_label.get(r.occupation_uri or "", r.title)
            entries.append(OfferEntry(facts, r.title, occupation, statements, r.updated_at))
    return entries


def load_clients(session: Session, ids: list[int] | None = None) -> list[ClientEntry]:
    """Clients as catalogue entries. Only matching's columns are read: never names,
    contact data, barriers or the monitoring table."""
    entries: list[ClientEntry] = []
    for chunk in _chunks(ids):
        columns = [
            Client.id,
            Client.latitude,
            Client.longitude,
            Client.max_travel_km,
            Client.hours_per_week,
            Client.unavailable_schedules,
            Client.isced_level,
            Client.right_to_work,
            Client.driving_licences,
            Client.functional_limits,
            Client.aspirations,
            Client.consent_liaison,
            Client.updated_at,
        ]
        # An erased client is no candidate (its row stays, emptied, for the indicators).
        query = select(*columns).where(Client.erased_at.is_(None))
        if chunk is not None:
            query = query.where(Client.id.in_(chunk))
        rows = session.execute(query).all()
        client_ids = [r.id for r in rows]
        if not client_ids:
            continue
        skills: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for skill_id, client_id, text in session.execute(
            select(ClientSkill.id, ClientSkill.client_id, ClientSkill.text)
            .where(ClientSkill.client_id.in_(client_ids))
            .order_by(ClientSkill.client_id, ClientSkill.position)
        ):
            skills[client_id].append((skill_id, text))
        concepts = _concepts(
            session,
            ClientSkillConcept,
            "client_skill_id",
            [s[0] for items in skills.values() for s in items],
        )
        languages: dict[int, dict[str, str]] = defaultdict(dict)
        for client_id, language, level in session.execute(
            select(ClientLanguage.client_id, ClientLanguage.language, ClientLanguage.level).where(
                ClientLanguage.client_id.in_(client_ids)
            )
        ):
            languages[client_id][language] = level
        for r in rows:
            facts = ClientFacts(
                id=r.id,
                latitude=r.latitude,
                longitude=r.longitude,
                max_travel_km=r.max_travel_km,
                hours_per_week=r.hours_per_week,
                unavailable_schedules=frozenset(r.unavailable_schedules or ()),
                isced_level=r.isced_level,
                right_to_work=str(r.right_to_work),
                driving_licences=frozenset(r.driving_licences or ()),
                functional_limits=frozenset(r.functional_limits or ()),
                languages=languages.get(r.id, {}),
            )
            statements = tuple(
                Statement(skill_id, text, True, statement_concepts(concepts.get(skill_id, ())))
                for skill_id, text in skills.get(r.id, ())
            )
            entries.append(
                ClientEntry(facts, r.aspirations or "", r.consent_liaison, statements, r.updated_at)
            )
    return entries


def related_concepts(session: Session) -> dict[int, frozenset[int]]:
    """Each concept's broader, narrower and ESCO-related concepts."""
    related: dict[int, set[int]] = defaultdict(set)
    for a, b in session.execute(select(SkillBroader.concept_id, SkillBroader.broader_id)):
        related[a].add(b)
        related[b].add(a)
    for a, b in session.execute(select(SkillRelation.concept_id, SkillRelation.related_id)):
        related[a].add(b)
        related[b].add(a)
    return {k: frozenset(v) for k, v in related.items()}


def with_vectors(
    session: Session, embedder: Embedder, store: VectorStore, entries: list[Entry]
) -> list[Entry]:
    """The entries with their texts' vector ids, embedding (once, stored) only what no
    process has embedded before; the vectors join ``store``."""
    texts = entry_texts(entries)
    # Stored vectors are a cache shared by every process: they are written and committed in
    # a session of their own, so a request that fails afterwards cannot roll back embeddings
    # this process already holds in memory under their ids.
    with Session(bind=session.get_bind()) as own:
        found = embed_texts(own, embedder, sorted(texts))
        own.commit()
    ids = {text: vid for text, (vid, _v) in found.items()}
    for vid, vector in found.values():
        store.add(vid, vector)
    return with_vector_ids(entries, ids)
