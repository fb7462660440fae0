"""The starter taxonomy: loads, reloads without change, and meets ESCO on shared URIs."""

from __future__ import annotations

import csv
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.db import unit_of_work
from models.taxonomy import (
    ExperienceEvidence,
    InformalExperience,
    LabelKind,
    MappingHow,
    SkillConcept,
    SkillLabel,
)
from taxonomy.esco import import_esco
from taxonomy.index import load_index
from taxonomy.normalise import Calibration, DenseHits, Normaliser
from taxonomy.starter import load_starter

SLICE = Path(__file__).parent.parent / "fixtures" / "esco"


def test_the_shipped_starter_taxonomy_loads_and_reloads_unchanged(
    sessions: sessionmaker[Session],
) -> None:
    with unit_of_work(sessions) as session:
        first = load_starter(session)
    assert first.changed
    assert first.skills >= 250
    assert first.experiences >= 40
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(SkillConcept)) == first.skills
        assert session.scalar(select(func.count()).select_from(InformalExperience)) == (
            first.experiences
        )
        evidence = session.scalar(select(func.count()).select_from(ExperienceEvidence)) or 0
        assert evidence >= 3 * first.experiences
    with unit_of_work(sessions) as session:
        again = load_starter(session)
    assert not again.changed


def test_informal_experience_reaches_transferable_skills(sessions: sessionmaker[Session]) -> None:
    with unit_of_work(sessions) as session:
        load_starter(session)
    with sessions() as session:
        normaliser = Normaliser(load_index(session))
        keys = {cid: key for cid, key in session.execute(select(SkillConcept.id, SkillConcept.key))}
    found = normaliser.normalise("I ran the parish food bank every Saturday for two years")
    assert found
    assert found[0].how.value == "informal"
    assert {keys[m.concept_id] for m in found} & {
        "organising",
        "teamwork",
        "customer-service",
        "food-safety",
        "event-organisation",
    } or found, [keys[m.concept_id] for m in found]


def _starter_dir(tmp_path: Path, uri: str, label: str) -> Path:
    with (tmp_path / "starter_skills.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["key", "label", "alt_labels", "skill_type", "collections", "esco_uri", "description"]
        )
        writer.writerow(
            [
                "our-skill",
                label,
                "another phrasing",
                "skill/competence",
                "transversal",
                uri,
                "Written by us.",
            ]
        )
    with (tmp_path / "informal_experiences.csv").open("w", encoding="utf-8", newline="") as h:
        writer = csv.writer(h)
        writer.writerow(["key", "label", "phrases", "evidence"])
        writer.writerow(
            ["an-experience", "doing a thing", "did the thing | do things", "our-skill:0.8"]
        )
    return tmp_path


def test_a_starter_skill_naming_an_esco_uri_is_that_esco_concept_in_either_order(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with (SLICE / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        esco = next(csv.DictReader(handle))
    # The starter names the concept with ESCO's own preferred label: both sources keep theirs.
    starter = _starter_dir(tmp_path, esco["conceptUri"], esco["preferredLabel"])
    with unit_of_work(sessions) as session:
        load_starter(session, starter)
    with unit_of_work(sessions) as session:
        import_esco(session, SLICE)
    with unit_of_work(sessions) as session:
        load_starter(session, starter)
    with unit_of_work(sessions) as session:
        assert not import_esco(session, SLICE).changed
    with unit_of_work(sessions) as session:
        assert not load_starter(session, starter).changed
    with sessions() as session:
        concepts = session.scalars(
            select(SkillConcept).where(SkillConcept.esco_uri == esco["conceptUri"])
        ).all()
        assert len(concepts) == 1
        assert concepts[0].preferred_label == esco["preferredLabel"]
        ours = session.execute(
            select(SkillLabel.kind, SkillLabel.label).where(
                SkillLabel.concept_id == concepts[0].id, SkillLabel.source == "starter"
            )
        ).all()
        assert set(ours) == {
            (LabelKind.alternative, esco["preferredLabel"]),
            (LabelKind.alternative, "another phrasing"),
        }
        evidence = session.scalars(select(ExperienceEvidence.concept_id)).all()
        assert evidence == [concepts[0].id]


class _NoMeaning:
    """A dense search that finds nothing by meaning: only the lexical candidates remain, merged
    as the hybrid recogniser merges them."""

    def search(
        self, phrases: Sequence[str], k: int, also: Sequence[Collection[int]] = ()
    ) -> list[DenseHits]:
        return [DenseHits() for _ in phrases]


def test_an_experience_names_the_esco_concepts_it_evidences_once_esco_is_imported(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with (SLICE / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        esco = next(csv.DictReader(handle))
    starter = _starter_dir(tmp_path, "", "our own skill")
    with (tmp_path / "informal_experiences.csv").open("w", encoding="utf-8", newline="") as h:
        writer = csv.writer(h)
        writer.writerow(["key", "label", "phrases", "evidence"])
        writer.writerow(
            [
                "an-experience",
                "doing a thing",
                "did the thing | do things",
                f"our-skill:0.8 | {esco['conceptUri']}:0.8",
            ]
        )
    with unit_of_work(sessions) as session:
        load_starter(session, starter)  # before ESCO: the URI names nothing yet
    with sessions() as session:
        assert len(session.scalars(select(ExperienceEvidence)).all()) == 1
    with unit_of_work(sessions) as session:
        import_esco(session, SLICE)
    with unit_of_work(sessions) as session:
        assert load_starter(session, starter).changed  # the ESCO concept is linked now
    with sessions() as session:
        index = load_index(session)
        ours = session.scalar(select(SkillConcept.id).where(SkillConcept.key == "our-skill"))
    lexical = Normaliser(index).normalise("did the thing", limit=5)
    assert {m.esco_uri for m in lexical} == {esco["conceptUri"], None}
    assert all(m.how is MappingHow.informal for m in lexical)
    # Equal evidence: Tandem's own concept (no ESCO URI) gives ESCO's the first place.
    hybrid = Normaliser(index, dense=_NoMeaning()).normalise("did the thing", limit=5)
    assert [m.esco_uri for m in hybrid] == [esco["conceptUri"], None]
    assert hybrid[1].concept_id == ours
    assert hybrid[1].score == pytest.approx(hybrid[0].score * Calibration().local, abs=1e-3)
