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
from taxonomy.text import normalise

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
    _read_skills(directory, data)
    _read_skill_groups(directory, data)
    _read_hierarchy(directory, data)
    _read_broader(directory, data)
    _read_skill_relations(directory, data)
    _read_collections(directory, data)
    _read_isco_groups(directory, data)
    _read_occupations(directory, data)
    _read_occupation_skills(directory, data)
    return data


def _read_skills(directory: Path, data: EscoData) -> None:
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


def _read_skill_groups(directory: Path, data: EscoData) -> None:
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


def _read_hierarchy(directory: Path, data: EscoData) -> None:
    """Each hierarchy row is a path from a top concept down (levels 0 to 3): every level is
    broader than the next."""
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


def _read_broader(directory: Path, data: EscoData) -> None:
    for row in _rows(directory / "broaderRelationsSkillPillar.csv"):
        if row["conceptUri"] in data.concepts and row["broaderUri"] in data.concepts:
            data.broader.add((row["conceptUri"], row["broaderUri"]))


def _read_skill_relations(directory: Path, data: EscoData) -> None:
    for row in _rows(directory / "skillSkillRelations.csv"):
        pair = (row["originalSkillUri"], row["relatedSkillUri"])
        if pair[0] in data.concepts and pair[1] in data.concepts:
            data.relations[pair] = row["relationType"]


def _read_collections(directory: Path, data: EscoData) -> None:
    """Tag concepts with the collections they are in; a collection file may be absent."""
    for collection, name in COLLECTION_FILES.items():
        path = directory / name
        if not path.is_file():
            continue
        for row in _rows(path):
            concept = data.concepts.get(row["conceptUri"])
            if concept is not None and collection not in concept["collections"]:
                concept["collections"].append(collection)


def _read_isco_groups(directory: Path, data: EscoData) -> None:
    for row in _rows(directory / "ISCOGroups_en.csv"):
        data.isco[row["code"]] = {
            "esco_uri": row["conceptUri"],
            "preferred_label": row["preferredLabel"].strip(),
        }


def _read_occupations(directory: Path, data: EscoData) -> None:
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


def _read_occupation_skills(directory: Path, data: EscoData) -> None:
    """Relations to an occupation or skill the files lack are counted and skipped."""
    for row in _rows(directory / "occupationSkillRelations.csv"):
        pair = (row["occupationUri"], row["skillUri"])
        if pair[0] not in data.occupations or pair[1] not in data.concepts:
            data.skipped_relations += 1
            continue
        data.occupation_skills[pair] = row["relationType"]


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


@dataclass(frozen=True)
class StepCounts:
    """What one step of the import counted: the rows the files hold, by the report's name for
    them, and what the step changed in its table."""

    rows: dict[str, int]
    change: SyncCount


def import_esco(
    session: Session,
    directory: Path,
    version: str = "v1.1.1",
    on_step: Callable[[str], None] | None = None,
) -> EscoImportReport:
    """Bring the taxonomy tables in line with an ESCO download. The caller commits."""
    rows: dict[str, int] = {}
    changes: dict[str, SyncCount] = {}

    def step(name: str, counts: StepCounts | None = None) -> None:
        if counts is not None:
            rows.update(counts.rows)
            changes[name] = counts.change
        if on_step is not None:
            on_step(name)

    data = read_esco(directory)
    step(STEPS[0])
    concepts = _import_concepts(session, data)
    concept_ids = _esco_concept_ids(session)
    step(STEPS[1], concepts)
    step(STEPS[2], _import_skill_labels(session, data, concept_ids))
    step(STEPS[3], _import_broader(session, data, concept_ids))
    step(STEPS[4], _import_skill_relations(session, data, concept_ids))
    step(STEPS[5], _import_isco_groups(session, data))
    occupations = _import_occupations(session, data)
    occupation_ids = _occupation_ids(session)
    step(STEPS[6], occupations)
    step(STEPS[7], _import_occupation_labels(session, data, occupation_ids))
    step(STEPS[8], _import_occupation_skills(session, data, concept_ids, occupation_ids))

    report = EscoImportReport(rows, changes, data.skipped_relations)
    if report.changed:
        session.add(TaxonomyImport(source=SOURCE, version=version, counts=rows))
    return report


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _import_concepts(session: Session, data: EscoData) -> StepCounts:
    """Concepts, matched on their URI. A starter concept that names an ESCO URI is the same
    concept: ESCO's labels and description join it, its own key stays. Never removes one."""
    concept_table = _table(SkillConcept)
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
    kinds = [c["kind"] for c in data.concepts.values()]
    return StepCounts(
        {
            "skills": sum(1 for kind in kinds if kind is ConceptKind.skill),
            "skill groups": sum(1 for kind in kinds if kind is ConceptKind.group),
        },
        count,
    )


def _esco_concept_ids(session: Session) -> dict[str, int]:
    """Every concept that names an ESCO URI, by that URI."""
    return {
        uri: cid
        for uri, cid in session.execute(
            select(SkillConcept.esco_uri, SkillConcept.id).where(SkillConcept.esco_uri.is_not(None))
        )
        if uri is not None  # as the query says; for the type checker
    }


def _import_skill_labels(
    session: Session, data: EscoData, concept_ids: dict[str, int]
) -> StepCounts:
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
    change = sync_labels(session, SOURCE, wanted_labels)
    return StepCounts({"skill labels": len(wanted_labels)}, change)


def _import_broader(session: Session, data: EscoData, concept_ids: dict[str, int]) -> StepCounts:
    """Broader concepts of ESCO's concepts; those of the starter taxonomy's stay."""
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
    change = _sync_set(
        session,
        _table(SkillBroader),
        ("concept_id", "broader_id"),
        wanted_broader,
        stored_broader,
    )
    return StepCounts({"broader relations": len(data.broader)}, change)


def _import_skill_relations(
    session: Session, data: EscoData, concept_ids: dict[str, int]
) -> StepCounts:
    """Skill-skill relations of ESCO's concepts; those of the starter taxonomy's stay."""
    esco_ids = set(concept_ids.values())
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
    change = _sync_set(
        session,
        _table(SkillRelation),
        ("concept_id", "related_id"),
        wanted_relations,
        stored_relations,
    )
    return StepCounts({"skill-skill relations": len(data.relations)}, change)


def _import_isco_groups(session: Session, data: EscoData) -> StepCounts:
    change = _sync_set(
        session,
        _table(IscoGroup),
        ("code",),
        {(code,): {"code": code, **values} for code, values in data.isco.items()},
        session.execute(select(IscoGroup.code, IscoGroup.esco_uri, IscoGroup.preferred_label)),
    )
    return StepCounts({"ISCO groups": len(data.isco)}, change)


def _import_occupations(session: Session, data: EscoData) -> StepCounts:
    """Occupations, matched on their URI. Never removes one."""
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
    change = _sync_occupations(session, _table(Occupation), wanted_occupations, by_uri)
    return StepCounts({"occupations": len(data.occupations)}, change)


def _occupation_ids(session: Session) -> dict[str, int]:
    """Every occupation, by its ESCO URI."""
    return {uri: oid for uri, oid in session.execute(select(Occupation.esco_uri, Occupation.id))}


def _import_occupation_labels(
    session: Session, data: EscoData, occupation_ids: dict[str, int]
) -> StepCounts:
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
    change = _sync_by_id(
        session,
        _table(OccupationLabel),
        ("occupation_id", "language", "kind", "label"),
        wanted_occupation_labels,
        stored_occupation_labels,
    )
    return StepCounts({"occupation labels": len(wanted_occupation_labels)}, change)


def _import_occupation_skills(
    session: Session,
    data: EscoData,
    concept_ids: dict[str, int],
    occupation_ids: dict[str, int],
) -> StepCounts:
    wanted_occupation_skills = {
        (occupation_ids[o], concept_ids[s]): {
            "occupation_id": occupation_ids[o],
            "concept_id": concept_ids[s],
            "relation": relation,
        }
        for (o, s), relation in data.occupation_skills.items()
    }
    change = _sync_set(
        session,
        _table(OccupationSkill),
        ("occupation_id", "concept_id"),
        wanted_occupation_skills,
        session.execute(
            select(
                OccupationSkill.occupation_id, OccupationSkill.concept_id, OccupationSkill.relation
            )
        ),
    )
    return StepCounts({"occupation-skill relations": len(data.occupation_skills)}, change)


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
