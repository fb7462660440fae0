"""The ESCO importer on a slice of the real v1.1.1 files (tests/fixtures/esco)."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.db import unit_of_work
from models.taxonomy import (
    ConceptKind,
    LabelKind,
    Occupation,
    OccupationSkill,
    SkillBroader,
    SkillConcept,
    SkillLabel,
    TaxonomyImport,
)
from taxonomy.esco import import_esco

SLICE = Path(__file__).parent.parent / "fixtures" / "esco"
MISSING_OCCUPATION = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"


def csv_rows(name: str) -> list[dict[str, str]]:
    with (SLICE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_import_holds_what_the_files_hold(sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        report = import_esco(session, SLICE)
    skills = csv_rows("skills_en.csv")
    relations = csv_rows("occupationSkillRelations.csv")
    assert report.rows["skills"] == len(skills)
    assert report.rows["occupations"] == len(csv_rows("occupations_en.csv"))
    skipped = sum(1 for r in relations if r["occupationUri"] == MISSING_OCCUPATION)
    assert skipped > 0
    assert report.skipped_relations == skipped
    with sessions() as session:
        assert count(session, Occupation) == len(csv_rows("occupations_en.csv"))
        assert count(session, OccupationSkill) == len(relations) - skipped
        kinds = session.scalars(select(SkillConcept.kind)).all()
        assert kinds.count(ConceptKind.skill) == len(skills)
        known = {r["conceptUri"] for r in skills + csv_rows("skillGroups_en.csv")}
        within = {
            (r["conceptUri"], r["broaderUri"])
            for r in csv_rows("broaderRelationsSkillPillar.csv")
            if r["conceptUri"] in known and r["broaderUri"] in known
        }
        assert 0 < len(within) <= count(session, SkillBroader)
        assert count(session, TaxonomyImport) == 1


def test_alternative_labels_are_stored_one_per_line_with_a_language(
    sessions: sessionmaker[Session],
) -> None:
    with unit_of_work(sessions) as session:
        import_esco(session, SLICE)
    row = next(r for r in csv_rows("skills_en.csv") if r["altLabels"].count("\n") >= 2)
    expected = {line.strip() for line in row["altLabels"].splitlines() if line.strip()}
    with sessions() as session:
        concept = session.scalar(
            select(SkillConcept).where(SkillConcept.esco_uri == row["conceptUri"])
        )
        assert concept is not None
        assert concept.preferred_label == row["preferredLabel"]
        labels = session.execute(
            select(SkillLabel.kind, SkillLabel.label, SkillLabel.language).where(
                SkillLabel.concept_id == concept.id
            )
        ).all()
    assert {label for kind, label, _ in labels if kind is LabelKind.alternative} == expected
    assert {language for *_, language in labels} == {"en"}


def test_skills_of_the_transversal_collection_are_marked(sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        import_esco(session, SLICE)
    uris = {r["conceptUri"] for r in csv_rows("transversalSkillsCollection_en.csv")}
    with sessions() as session:
        marked = set(
            session.scalars(select(SkillConcept.esco_uri).where(SkillConcept.esco_uri.in_(uris)))
        )
        collections = session.scalars(
            select(SkillConcept.collections).where(SkillConcept.esco_uri.in_(marked))
        ).all()
    assert marked
    assert all("transversal" in c for c in collections)


def test_running_the_import_again_changes_nothing(sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        import_esco(session, SLICE)
    with sessions() as session:
        before = session.execute(select(SkillLabel.id, SkillLabel.label)).all()
    with unit_of_work(sessions) as session:
        again = import_esco(session, SLICE)
    assert not again.changed
    with sessions() as session:
        assert session.execute(select(SkillLabel.id, SkillLabel.label)).all() == before
        assert count(session, TaxonomyImport) == 1
