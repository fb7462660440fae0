"""Recognition by meaning: concept vectors built, stored and read back, and merged with the
lexical candidates into one ranked list (on the small ESCO fixture slice)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from config.settings import Settings
from matching.concepts import (
    SemanticSearch,
    build_concept_vectors,
    load_concept_vectors,
    semantic_factory,
)
from matching.embedding import Embedder
from models.db import unit_of_work
from models.taxonomy import MappingHow, SkillConcept, TaxonomyImport
from taxonomy.cache import SkillsCache
from taxonomy.esco import import_esco
from taxonomy.index import load_index
from taxonomy.normalise import Normaliser, Thresholds
from tests.world import World

pytestmark = pytest.mark.slow

ESCO = Path(__file__).resolve().parent.parent / "fixtures" / "esco"


class _Remembered:
    """The model's encode, each text computed once per test module (the fixture taxonomy's
    labels are embedded again in every fresh database)."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._known: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], **_options: object) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            for text, vector in zip(missing, self._embedder.encode(missing), strict=True):
                self._known[text] = vector
        return np.stack([self._known[t] for t in texts])


@pytest.fixture(scope="module")
def model(embedder: Embedder) -> Embedder:
    return Embedder(embedder.name, _Remembered(embedder), embedder.dim)


@pytest.fixture
def esco(db: sessionmaker[Session]) -> sessionmaker[Session]:
    with unit_of_work(db) as session:
        import_esco(session, ESCO)
    return db


def _uri(session: Session, label: str) -> str:
    uri = session.scalar(select(SkillConcept.esco_uri).where(SkillConcept.preferred_label == label))
    assert uri is not None
    return uri


def _hybrid(session: Session, model: Embedder) -> Normaliser:
    vectors = load_concept_vectors(session, model.name, model.dim, model)
    return Normaliser(load_index(session), dense=SemanticSearch(vectors, model.encode))


def test_a_statement_in_informal_words_reaches_its_esco_concept(
    esco: sessionmaker[Session], model: Embedder
) -> None:
    statement = "I took care of my old nan at home for years"
    with esco() as session:
        lexical = Normaliser(load_index(session)).normalise(statement, limit=3)
        found = _hybrid(session, model).normalise(statement, limit=3)
        wanted = _uri(session, "tend to elderly people")
    assert wanted not in {m.esco_uri for m in lexical}
    assert wanted in {m.esco_uri for m in found}
    match = next(m for m in found if m.esco_uri == wanted)
    assert match.how is MappingHow.semantic
    assert match.similarity is not None
    assert match.reason.startswith("similar meaning, 0.")


def test_a_label_found_by_its_words_keeps_how_and_gains_its_similarity(
    esco: sessionmaker[Session], model: Embedder
) -> None:
    with esco() as session:
        found = _hybrid(session, model).normalise("do the dishes", limit=5)
    best = found[0]
    assert best.label == "wash the dishes"
    assert best.how is MappingHow.alternative
    assert best.similarity is not None
    assert best.similarity > 0.8
    assert "alternative label; similar meaning" in best.reason
    assert any(m.how is MappingHow.semantic for m in found[1:])


def test_concept_vectors_are_read_back_after_a_restart_without_the_model(
    esco: sessionmaker[Session], model: Embedder
) -> None:
    with unit_of_work(esco) as session:
        report = build_concept_vectors(session, model)
    assert report.embedded == report.texts > 0
    with unit_of_work(esco) as session:
        again = build_concept_vectors(session, model)
        built = load_concept_vectors(session, model.name, model.dim, model)
    assert again.embedded == 0
    with esco() as session:  # a fresh process: no model at hand
        read = load_concept_vectors(session, model.name, model.dim)
    assert read.missing == 0
    assert read.concept_ids.tolist() == built.concept_ids.tolist()
    assert np.allclose(read.means, built.means)
    assert read.label_text == built.label_text


def test_concept_vectors_follow_a_taxonomy_change(
    esco: sessionmaker[Session], world: World, model: Embedder
) -> None:
    cache = SkillsCache(Thresholds(), check_every_s=0, dense=semantic_factory(esco, lambda: model))
    statement = "steering a forklift truck around the warehouse"
    with esco() as session:
        before = cache.normaliser(session).normalise(statement, limit=3)
    assert "drive a forklift" not in {m.label for m in before}
    world.build.concept("drive a forklift", "forklift driving")
    with unit_of_work(esco) as session:
        session.add(TaxonomyImport(source="starter", version="test", counts={}))
    with esco() as session:
        after = cache.normaliser(session).normalise(statement, limit=3)
    assert after[0].label == "drive a forklift"
    assert after[0].how is MappingHow.semantic


@pytest.fixture
def semantic_client(
    settings: Settings, engine: Engine, model: Embedder, esco: sessionmaker[Session]
) -> TestClient:
    app = create_app(
        settings.model_copy(update={"semantic_recognition": True}),
        engine=engine,
        embedder=model,
    )
    return TestClient(app)


def test_normalise_answers_a_ranked_list_within_limit_and_min_score(
    semantic_client: TestClient, world: World
) -> None:
    headers = world.headers("caseworker")
    with semantic_client as api:

        def ask(**params: float) -> list[dict[str, object]]:
            answer = api.post(
                "/api/v1/skills/normalise",
                params=params,
                json={"text": "washing up the dishes in a kitchen"},
                headers=headers,
            )
            assert answer.status_code == 200
            matches: list[dict[str, object]] = answer.json()["matches"]
            return matches

        full = ask(limit=50)
        scores = [float(str(m["score"])) for m in full]
        assert len(full) >= 4
        assert scores == sorted(scores, reverse=True)
        assert all(m["how"] and m["reason"] for m in full)
        assert any(m["how"] == "semantic" and m["similarity"] for m in full)
        assert ask(limit=2) == full[:2]
        least = scores[2]
        assert ask(limit=50, min_score=least) == [
            m for m in full if float(str(m["score"])) >= least
        ]
        refused = api.post(
            "/api/v1/skills/normalise",
            params={"limit": 0, "min_score": 2},
            json={"text": "x"},
            headers=headers,
        )
        assert refused.status_code == 422
        assert {e["field"] for e in refused.json()["errors"]} == {"limit", "min_score"}


def test_extract_answers_each_phrase_and_one_merged_ranking(
    semantic_client: TestClient, world: World
) -> None:
    text = "You will stock shelves and greet customers.\nWe also need someone to wash the dishes."
    with semantic_client as api:
        body = api.post(
            "/api/v1/skills/extract",
            params={"limit": 6, "min_score": 0.5},
            json={"text": text},
            headers=world.headers("employer"),
        ).json()
    ranking = body["ranking"]
    assert 0 < len(ranking) <= 6
    assert [r["score"] for r in ranking] == sorted((r["score"] for r in ranking), reverse=True)
    assert all(r["score"] >= 0.5 and r["phrase"] for r in ranking)
    labels = {r["label"] for r in ranking}
    assert {"stock shelves", "wash the dishes"} <= labels
    assert all(len(p["matches"]) <= 6 for p in body["phrases"])
    assert body["attribution"]
