"""Import of the European Commission's official ESCO CSV download (v1.1.x, English).

The import is idempotent: concepts and occupations are matched on their ESCO URI, and labels,
broader concepts, relations and occupation skills are compared with what is stored, so a second
run of the same files changes nothing. Only rows that came from ESCO are ever removed; the labels
of Tandem's starter taxonomy stay.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from matching.taxonomy.text import normalise
from models.taxonomy import (
    ConceptKind,
    IscoGroup,
    LabelKind,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    SkillBroader,
    SkillConcept,
    SkillLabel,
    SkillRelation,
    TaxonomyImport,
)

SOURCE = "esco"
COLLECTION_FILES = {
    "transversal": "transversalSkillsCollection_en.csv",
    "language": "languageSkillsCollection_en.csv",
    "digital": "digitalSkillsCollection_en.csv",
    "green": "greenSkillsCollection_en.csv",
    "digcomp": "digCompSkillsCollection_en.csv",
    "research": "researchSkillsCollection_en.csv",
}
REQUIRED_FILES = (
    "skills_en.csv",
    "skillGroups_en.csv",
    "skillsHierarchy_en.csv",
    "broaderRelationsSkillPillar.csv",
    "skillSkillRelations.csv",
    "occupations_en.csv",
    "occupationSkillRelations.csv",
    "ISCOGroups_en.csv",
)
STEPS = (
    "reading files",
    "skill concepts",
    "skill labels",
    "broader concepts",
    "related skills",
    "ISCO groups",
    "occupations",
    "occupation labels",
    "occupation skills",
)
BATCH = 5000
LABEL_KEY = ("concept_id", "language", "kind", "label", "source")


class EscoFilesMissing(ValueError):
    pass


def _rows(path: Path) -> Iterator[dict[str, str]]:
    # newline="" lets csv handle quoted multi-line cells and the mixed CRLF/LF endings.
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _lines(cell: str | None) -> list[str]:
    """Labels one per line (main files); strips blanks and duplicates, keeps order."""
    seen: dict[str, None] = {}
    for line in (cell or "").splitlines():
        label = line.strip()
        if label:
            seen.setdefault(label, None)
    return list(seen)


@dataclass
class EscoData:
    concepts: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, list[tuple[LabelKind, str]]] = field(default_factory=dict)
    broader: set[tuple[str, str]] = field(default_factory=set)
    relations: dict[tuple[str, str], str] = field(default_factory=dict)
    isco: dict[str, dict[str, str]] = field(default_factory=dict)
    occupations: dict[str, dict[str, Any]] = field(default_factory=dict)
    occupation_labels: dict[str, list[tuple[LabelKind, str]]] = field(default_factory=dict)
    occupation_skills: dict[tuple[str, str], str] = field(default_factory=dict)
    skipped_relations: int = 0


def _labelled(
    preferred: str, alternative: str | None, hidden: str | None
) -> list[tuple[LabelKind, str]]:
    labels = [(LabelKind.preferred, preferred.strip())]
    labels += [(LabelKind.alternative, label) for label in _lines(alternative)]
    labels += [(LabelKind.hidden, label) for label in _lines(hidden)]
    return labels


def read_esco(directory: Path) -> EscoData:
    """Parse the CSV files into plain data keyed by ESCO URI."""
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise EscoFilesMissing(f"{directory} lacks the ESCO files {', '.join(missing)}")
    data = EscoData()
    for row in _rows(directory / "skills_en.csv"):
        uri = row["conceptUri"]
        data.concepts[uri] = {
            "kind": ConceptKind.skill,
            "preferred_label": row["preferredLabel"].strip(),
            "description": (row.get("description") or "").strip(),
            "skill_type": row["skillType"] or None,
            "reuse_level": row["reuseLevel"] or None,
            "code": None,
            "collections": [],
        }
        data.labels[uri] = _labelled(row["preferredLabel"], row["altLabels"], row["hiddenLabels"])
    for row in _rows(directory / "skillGroups_en.csv"):
        uri = row["conceptUri"]
        data.concepts[uri] = {
            "kind": ConceptKind.group,
            "preferred_label": row["preferredLabel"].strip(),
            "description": (row.get("description") or "").strip(),
            "skill_type": None,
            "reuse_level": None,
            "code": row.get("code") or None,
            "collections": [],
        }
        data.labels[uri] = _labelled(row["preferredLabel"], row["altLabels"], row["hiddenLabels"])
    for row in _rows(directory / "skillsHierarchy_en.csv"):
        # The hierarchy's top concepts ("skills", "knowledge", ...) are groups of their own.
        parent = None
        for level in range(4):
            uri = (row.get(f"Level {level} URI") or "").strip()
            if not uri:
                break
            if uri not in data.concepts:
                label = (row.get(f"Level {level} preferred term") or "").strip()
                data.concepts[uri] = {
                    "kind": ConceptKind.group,
                    "preferred_label": label,
                    "description": "",
                    "skill_type": None,
                    "reuse_level": None,
                    "code": (row.get(f"Level {level} code") or "").strip() or None,
                    "collections": [],
                }
                data.labels[uri] = [(LabelKind.preferred, label)]
            if parent is not None:
                data.broader.add((uri, parent))
            parent = uri
    for row in _rows(directory / "broaderRelationsSkillPillar.csv"):
        if row["conceptUri"] in data.concepts and row["broaderUri"] in data.concepts:
            data.broader.add((row["conceptUri"], row["broaderUri"]))
    for row in _rows(directory / "skillSkillRelations.csv"):
        pair = (row["originalSkillUri"], row["relatedSkillUri"])
        if pair[0] in data.concepts and pair[1] in data.concepts:
            data.relations[pair] = row["relationType"]
    for collection, name in COLLECTION_FILES.items():
        path = directory / name
        if not path.is_file():
            continue
        for row in _rows(path):
            concept = data.concepts.get(row["conceptUri"])
            if concept is not None and collection not in concept["collections"]:
                concept["collections"].append(collection)
    for row in _rows(directory / "ISCOGroups_en.csv"):
        data.isco[row["code"]] = {
            "esco_uri": row["conceptUri"],
            "preferred_label": row["preferredLabel"].strip(),
        }
    for row in _rows(directory / "occupations_en.csv"):
        uri = row["conceptUri"]
        data.occupations[uri] = {
            "isco_code": row["iscoGroup"] or None,
            "code": row.get("code") or None,
            "preferred_label": row["preferredLabel"].strip(),
            "description": (row.get("description") or "").strip(),
        }
        data.occupation_labels[uri] = _labelled(
            row["preferredLabel"], row["altLabels"], row["hiddenLabels"]
        )
    for row in _rows(directory / "occupationSkillRelations.csv"):
        pair = (row["occupationUri"], row["skillUri"])
        if pair[0] not in data.occupations or pair[1] not in data.concepts:
            data.skipped_relations += 1
            continue
        data.occupation_skills[pair] = row["relationType"]
    return data


@dataclass
class SyncCount:
    added: int = 0
    updated: int = 0
    removed: int = 0

    def __str__(self) -> str:
        return f"+{self.added} ~{self.updated} -{self.removed}"


@dataclass
class EscoImportReport:
    rows: dict[str, int]
    changes: dict[str, SyncCount]
    skipped_relations: int

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated or c.removed for c in self.changes.values())


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(table), rows[start : start + BATCH])


def _sync_set(
    session: Session,
    table: Table,
    key_columns: tuple[str, ...],
    wanted: dict[tuple[Any, ...], dict[str, Any]],
    existing: Iterable[Any],
) -> SyncCount:
    """Make ``table`` hold exactly ``wanted`` among the ``existing`` rows (keyed by
    ``key_columns``): insert the missing, update the changed, delete the rest."""
    count = SyncCount()
    stored: dict[tuple[Any, ...], Any] = {
        tuple(getattr(row, c) for c in key_columns): row for row in existing
    }
    new = [values for key, values in wanted.items() if key not in stored]
    _insert(session, table, new)
    count.added = len(new)
    changed = []
    for key, values in wanted.items():
        row = stored.get(key)
        if row is not None and any(getattr(row, name) != value for name, value in values.items()):
            changed.append(values)
    if changed:
        pk = list(table.primary_key.columns)
        for values in changed:
            session.execute(
                update(table)
                .where(*(column == values[column.name] for column in pk))
                .values(**{k: v for k, v in values.items() if k not in key_columns})
            )
    count.updated = len(changed)
    gone = [key for key in stored if key not in wanted]
    for key in gone:
        session.execute(
            delete(table).where(*(table.c[c] == v for c, v in zip(key_columns, key, strict=True)))
        )
    count.removed = len(gone)
    return count


def import_esco(
    session: Session,
    directory: Path,
    version: str = "v1.1.1",
    on_step: Callable[[str], None] | None = None,
) -> EscoImportReport:
    """Bring the taxonomy tables in line with an ESCO download. The caller commits."""

    def step(name: str) -> None:
        if on_step is not None:
            on_step(name)

    data = read_esco(directory)
    step(STEPS[0])
    changes: dict[str, SyncCount] = {}
    concept_table = SkillConcept.__table__
    assert isinstance(concept_table, Table)

    # Concepts, matched on their URI. A starter concept that names an ESCO URI is the same
    # concept: ESCO's labels and description join it, its own key stays.
    existing = {c.esco_uri: c for c in session.scalars(select(SkillConcept)) if c.esco_uri}
    count = SyncCount()
    new_rows = []
    for uri, values in data.concepts.items():
        row = existing.get(uri)
        if row is None:
            new_rows.append({"key": uri, "esco_uri": uri, "source": SOURCE, **values})
            continue
        # Tags the starter taxonomy gave the concept stay beside ESCO's collections.
        collections = values["collections"] + [
            c for c in row.collections if c not in values["collections"]
        ]
        values = {**values, "collections": collections, "source": SOURCE}
        if any(getattr(row, name) != value for name, value in values.items()):
            session.execute(
                update(concept_table).where(concept_table.c.id == row.id).values(**values)
            )
            count.updated += 1
    _insert(session, concept_table, new_rows)
    count.added = len(new_rows)
    changes["skill concepts"] = count
    concept_ids = {
        uri: cid
        for uri, cid in session.execute(
            select(SkillConcept.esco_uri, SkillConcept.id).where(SkillConcept.esco_uri.is_not(None))
        )
    }
    step(STEPS[1])

    wanted_labels = {}
    for uri, labels in data.labels.items():
        cid = concept_ids[uri]
        for kind, label in labels:
            wanted_labels[(cid, "en", kind, label, SOURCE)] = {
                "concept_id": cid,
                "language": "en",
                "kind": kind,
                "label": label,
                "normalised": normalise(label)[:500],
                "source": SOURCE,
            }
    changes["skill labels"] = sync_labels(session, SOURCE, wanted_labels)
    step(STEPS[2])

    broader_table = SkillBroader.__table__
    assert isinstance(broader_table, Table)
    esco_ids = set(concept_ids.values())
    wanted_broader = {
        (concept_ids[a], concept_ids[b]): {
            "concept_id": concept_ids[a],
            "broader_id": concept_ids[b],
        }
        for a, b in data.broader
    }
    stored_broader = [
        r
        for r in session.execute(select(SkillBroader.concept_id, SkillBroader.broader_id))
        if r.concept_id in esco_ids
    ]
    changes["broader concepts"] = _sync_set(
        session, broader_table, ("concept_id", "broader_id"), wanted_broader, stored_broader
    )
    step(STEPS[3])

    relation_table = SkillRelation.__table__
    assert isinstance(relation_table, Table)
    wanted_relations = {
        (concept_ids[a], concept_ids[b]): {
            "concept_id": concept_ids[a],
            "related_id": concept_ids[b],
            "relation": relation,
        }
        for (a, b), relation in data.relations.items()
    }
    stored_relations = [
        r
        for r in session.execute(
            select(SkillRelation.concept_id, SkillRelation.related_id, SkillRelation.relation)
        )
        if r.concept_id in esco_ids
    ]
    changes["related skills"] = _sync_set(
        session, relation_table, ("concept_id", "related_id"), wanted_relations, stored_relations
    )
    step(STEPS[4])

    isco_table = IscoGroup.__table__
    assert isinstance(isco_table, Table)
    changes["ISCO groups"] = _sync_set(
        session,
        isco_table,
        ("code",),
        {(code,): {"code": code, **values} for code, values in data.isco.items()},
        session.execute(select(IscoGroup.code, IscoGroup.esco_uri, IscoGroup.preferred_label)),
    )
    step(STEPS[5])

    occupation_table = Occupation.__table__
    assert isinstance(occupation_table, Table)
    stored_occupations = session.execute(
        select(
            Occupation.id,
            Occupation.esco_uri,
            Occupation.isco_code,
            Occupation.code,
            Occupation.preferred_label,
            Occupation.description,
        )
    ).all()
    by_uri = {r.esco_uri: r for r in stored_occupations}
    wanted_occupations = {
        (uri,): {"esco_uri": uri, **values} for uri, values in data.occupations.items()
    }
    for key, values in wanted_occupations.items():
        if key[0] in by_uri:
            values["id"] = by_uri[key[0]].id
    changes["occupations"] = _sync_occupations(
        session, occupation_table, wanted_occupations, by_uri
    )
    occupation_ids = {
        uri: oid for uri, oid in session.execute(select(Occupation.esco_uri, Occupation.id))
    }
    step(STEPS[6])

    occupation_label_table = OccupationLabel.__table__
    assert isinstance(occupation_label_table, Table)
    wanted_occupation_labels = {}
    for uri, labels in data.occupation_labels.items():
        oid = occupation_ids[uri]
        for kind, label in labels:
            wanted_occupation_labels[(oid, "en", kind, label)] = {
                "occupation_id": oid,
                "language": "en",
                "kind": kind,
                "label": label,
                "normalised": normalise(label)[:500],
            }
    stored_occupation_labels = session.execute(
        select(
            OccupationLabel.id,
            OccupationLabel.occupation_id,
            OccupationLabel.language,
            OccupationLabel.kind,
            OccupationLabel.label,
            OccupationLabel.normalised,
        )
    ).all()
    changes["occupation labels"] = _sync_by_id(
        session,
        occupation_label_table,
        ("occupation_id", "language", "kind", "label"),
        wanted_occupation_labels,
        stored_occupation_labels,
    )
    step(STEPS[7])

    occupation_skill_table = OccupationSkill.__table__
    assert isinstance(occupation_skill_table, Table)
    wanted_occupation_skills = {
        (occupation_ids[o], concept_ids[s]): {
            "occupation_id": occupation_ids[o],
            "concept_id": concept_ids[s],
            "relation": relation,
        }
        for (o, s), relation in data.occupation_skills.items()
    }
    changes["occupation skills"] = _sync_set(
        session,
        occupation_skill_table,
        ("occupation_id", "concept_id"),
        wanted_occupation_skills,
        session.execute(
            select(
                OccupationSkill.occupation_id, OccupationSkill.concept_id, OccupationSkill.relation
            )
        ),
    )
    step(STEPS[8])

    rows = {
        "skills": sum(1 for c in data.concepts.values() if c["kind"] is ConceptKind.skill),
        "skill groups": sum(1 for c in data.concepts.values() if c["kind"] is ConceptKind.group),
        "skill labels": len(wanted_labels),
        "broader relations": len(data.broader),
        "skill-skill relations": len(data.relations),
        "ISCO groups": len(data.isco),
        "occupations": len(data.occupations),
        "occupation labels": len(wanted_occupation_labels),
        "occupation-skill relations": len(data.occupation_skills),
    }
    report = EscoImportReport(rows, changes, data.skipped_relations)
    if report.changed:
        session.add(TaxonomyImport(source=SOURCE, version=version, counts=rows))
    return report


def sync_labels(
    session: Session, source: str, wanted: dict[tuple[Any, ...], dict[str, Any]]
) -> SyncCount:
    """Make the skill labels that came from ``source`` exactly ``wanted``; other sources'
    labels are never touched."""
    table = SkillLabel.__table__
    assert isinstance(table, Table)
    stored = session.execute(
        select(
            SkillLabel.id,
            SkillLabel.concept_id,
            SkillLabel.language,
            SkillLabel.kind,
            SkillLabel.label,
            SkillLabel.normalised,
            SkillLabel.source,
        ).where(SkillLabel.source == source)
    ).all()
    return _sync_by_id(session, table, LABEL_KEY, wanted, stored)


def _sync_by_id(
    session: Session,
    table: Table,
    key_columns: tuple[str, ...],
    wanted: dict[tuple[Any, ...], dict[str, Any]],
    stored: Iterable[Any],
) -> SyncCount:
    """Like ``_sync_set`` for tables with a surrogate ``id``: keyed by ``key_columns``, rows that
    are no longer wanted are deleted by id, in batches."""
    count = SyncCount()
    by_key = {tuple(getattr(r, c) for c in key_columns): r for r in stored}
    new = [values for key, values in wanted.items() if key not in by_key]
    _insert(session, table, new)
    count.added = len(new)
    for key, values in wanted.items():
        row = by_key.get(key)
        if row is not None and any(getattr(row, k) != v for k, v in values.items()):
            session.execute(update(table).where(table.c.id == row.id).values(**values))
            count.updated += 1
    gone = [row.id for key, row in by_key.items() if key not in wanted]
    for start in range(0, len(gone), BATCH):
        session.execute(delete(table).where(table.c.id.in_(gone[start : start + BATCH])))
    count.removed = len(gone)
    return count


def _sync_occupations(
    session: Session,
    table: Table,
    wanted: dict[tuple[Any, ...], dict[str, Any]],
    stored: dict[str, Any],
) -> SyncCount:
    count = SyncCount()
    new = [values for (uri,), values in wanted.items() if uri not in stored]
    _insert(session, table, new)
    count.added = len(new)
    for (uri,), values in wanted.items():
        row = stored.get(uri)
        if row is None:
            continue
        fields = {k: v for k, v in values.items() if k not in ("id", "esco_uri")}
        if any(getattr(row, k) != v for k, v in fields.items()):
            session.execute(update(table).where(table.c.id == row.id).values(**fields))
            count.updated += 1
    return count
