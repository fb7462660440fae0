"""Tandem's own starter taxonomy: skills written for the demo's sectors and for informal
experience, shipped as CSV files beside this module and loaded idempotently.

A starter skill that names an ESCO URI is the same concept as ESCO's: when ESCO is loaded the
two meet, ESCO's labels and description win, and the starter's words stay as alternative labels.
An informal experience's evidence names starter skills by key and ESCO concepts by URI: the
latter are credited once ESCO is imported (loading the starter again after an ESCO import links
them), so a statement about caring for a grandmother yields ESCO's "tend to elderly people" too.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models.taxonomy import (
    ConceptKind,
    ExperienceEvidence,
    ExperiencePhrase,
    InformalExperience,
    LabelKind,
    SkillConcept,
    TaxonomyImport,
)
from taxonomy.esco import SyncCount, sync_labels
from taxonomy.text import normalise

DATA = Path(__file__).parent / "data"
SOURCE = "starter"
VERSION = "tandem-starter-1"
ESCO_PREFIX = "http://data.europa.eu/esco/"


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class StarterReport:
    skills: int
    experiences: int
    changes: dict[str, SyncCount]

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated or c.removed for c in self.changes.values())


def load_starter(session: Session, directory: Path = DATA) -> StarterReport:
    """Bring the starter taxonomy's concepts, labels and informal experiences in line with the
    shipped files. The caller commits."""
    skills = _rows(directory / "starter_skills.csv")
    experiences = _rows(directory / "informal_experiences.csv")
    changes: dict[str, SyncCount] = {}

    by_key = {c.key: c for c in session.scalars(select(SkillConcept))}
    by_uri = {c.esco_uri: c for c in by_key.values() if c.esco_uri}
    count = SyncCount()
    concept_for_key: dict[str, SkillConcept] = {}
    for row in skills:
        uri = row["esco_uri"].strip() or None
        concept = (by_uri.get(uri) if uri else None) or by_key.get(row["key"])
        values: dict[str, Any] = {
            "kind": ConceptKind.skill,
            "preferred_label": row["label"].strip(),
            "description": row["description"].strip(),
            "skill_type": row["skill_type"].strip() or None,
            "collections": _split(row["collections"]),
            "esco_uri": uri,
        }
        if concept is None:
            concept = SkillConcept(key=row["key"], source=SOURCE, **values)
            session.add(concept)
            count.added += 1
        elif concept.source == SOURCE:
            changed = [k for k, v in values.items() if getattr(concept, k) != v]
            for name in changed:
                setattr(concept, name, values[name])
            count.updated += bool(changed)
        concept_for_key[row["key"]] = concept
    session.flush()
    changes["skill concepts"] = count

    wanted: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in skills:
        concept = concept_for_key[row["key"]]
        own = concept.source == SOURCE
        labels = [(LabelKind.preferred if own else LabelKind.alternative, row["label"].strip())]
        labels += [(LabelKind.alternative, label) for label in _split(row["alt_labels"])]
        for kind, label in labels:
            wanted.setdefault(
                (concept.id, "en", kind, label, SOURCE),
                {
                    "concept_id": concept.id,
                    "language": "en",
                    "kind": kind,
                    "label": label,
                    "normalised": normalise(label)[:500],
                    "source": SOURCE,
                },
            )
    changes["skill labels"] = sync_labels(session, SOURCE, wanted)

    changes.update(_load_experiences(session, experiences, concept_for_key))
    report = StarterReport(len(skills), len(experiences), changes)
    if report.changed:
        counts = {"skills": len(skills), "informal experiences": len(experiences)}
        session.add(TaxonomyImport(source=SOURCE, version=VERSION, counts=counts))
    return report


def _load_experiences(
    session: Session, rows: list[dict[str, str]], concepts: dict[str, SkillConcept]
) -> dict[str, SyncCount]:
    existing = {e.key: e for e in session.scalars(select(InformalExperience))}
    count = SyncCount()
    for row in rows:
        experience = existing.get(row["key"])
        if experience is None:
            experience = InformalExperience(key=row["key"], label=row["label"].strip())
            session.add(experience)
            existing[row["key"]] = experience
            count.added += 1
        elif experience.label != row["label"].strip():
            experience.label = row["label"].strip()
            count.updated += 1
    session.flush()

    phrases = SyncCount()
    evidence = SyncCount()
    named = {
        key
        for row in rows
        for key, _, _w in (item.rpartition(":") for item in _split(row["evidence"]))
        if key.startswith(ESCO_PREFIX)
    }
    esco = {
        str(uri): concept_id
        for uri, concept_id in session.execute(
            select(SkillConcept.esco_uri, SkillConcept.id).where(SkillConcept.esco_uri.in_(named))
        )
    }
    for row in rows:
        experience = existing[row["key"]]
        wanted_phrases = set(_split(row["phrases"]))
        stored_phrases = {
            p.phrase: p.id
            for p in session.scalars(
                select(ExperiencePhrase).where(ExperiencePhrase.experience_id == experience.id)
            )
        }
        for phrase in sorted(wanted_phrases - set(stored_phrases)):
            session.execute(
                insert(ExperiencePhrase).values(experience_id=experience.id, phrase=phrase)
            )
            phrases.added += 1
        for phrase, phrase_id in stored_phrases.items():
            if phrase not in wanted_phrases:
                session.execute(delete(ExperiencePhrase).where(ExperiencePhrase.id == phrase_id))
                phrases.removed += 1

        wanted_evidence: dict[int, float] = {}
        for item in _split(row["evidence"]):
            key, _, weight_text = item.rpartition(":")
            if key.startswith(ESCO_PREFIX):
                # An ESCO concept the experience evidences: credited once ESCO is imported.
                if key in esco:
                    wanted_evidence[esco[key]] = float(weight_text)
                continue
            if key not in concepts:
                raise ValueError(f"experience {row['key']}: unknown skill key '{key}'")
            wanted_evidence[concepts[key].id] = float(weight_text)
        stored_evidence = {
            e.concept_id: e.weight
            for e in session.scalars(
                select(ExperienceEvidence).where(ExperienceEvidence.experience_id == experience.id)
            )
        }
        for concept_id, weight in wanted_evidence.items():
            if concept_id not in stored_evidence:
                session.add(
                    ExperienceEvidence(
                        experience_id=experience.id, concept_id=concept_id, weight=weight
                    )
                )
                evidence.added += 1
            elif stored_evidence[concept_id] != weight:
                session.execute(
                    update(ExperienceEvidence)
                    .where(
                        ExperienceEvidence.experience_id == experience.id,
                        ExperienceEvidence.concept_id == concept_id,
                    )
                    .values(weight=weight)
                )
                evidence.updated += 1
        for concept_id in set(stored_evidence) - set(wanted_evidence):
            session.execute(
                delete(ExperienceEvidence).where(
                    ExperienceEvidence.experience_id == experience.id,
                    ExperienceEvidence.concept_id == concept_id,
                )
            )
            evidence.removed += 1
    return {"informal experiences": count, "experience phrases": phrases, "evidence": evidence}
