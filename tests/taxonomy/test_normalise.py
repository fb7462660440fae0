"""Normalisation on a tiny hand-built index: each way of finding a concept, and its limits."""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest

from models.taxonomy import MappingHow, SkillRelationType
from taxonomy.extract import candidate_phrases, extract, extract_ranked
from taxonomy.index import ConceptInfo, SkillIndex
from taxonomy.lexicon import meaning_tokens
from taxonomy.normalise import DenseHits, Normaliser, Reranker
from taxonomy.occupations import propose_occupations
from taxonomy.text import normalise

CONCEPTS = {
    1: ("operate cash register", ["use a till", "cash desk work"]),
    2: ("assist with personal care", ["help with washing and dressing"]),
    3: ("manage a household budget", ["keep a family budget"]),
    4: ("drive a forklift", ["forklift driving", "operate forklift trucks"]),
    5: ("show empathy", ["empathise with others"]),
    6: ("speak German", ["German language"]),
}


def build_index() -> SkillIndex:
    index = SkillIndex()
    for concept_id, (label, alternatives) in CONCEPTS.items():
        index.concepts[concept_id] = ConceptInfo(concept_id, label, None, "skill/competence", ())
        index.add_label(normalise(label), concept_id, True)
        for alternative in alternatives:
            index.add_label(normalise(alternative), concept_id, False)
    index.experience_label[10] = "caring for an elderly relative"
    for phrase in (
        "caring for an elderly relative",
        "looked after my grandmother",
        "cared for my sick mother at home",
    ):
        index.experience_docs.append((10, meaning_tokens(phrase)))
    index.evidence[10] = [(2, 1.0), (5, 0.7)]
    index.occupations = {100: ("shop assistant", "uri:shop"), 101: ("warehouse worker", "uri:wh")}
    index.occupation_labels = [normalise("shop assistant"), normalise("warehouse worker")]
    index.occupation_of_label = [100, 101]
    index.occupation_skills = {
        100: {1: SkillRelationType.essential, 6: SkillRelationType.optional},
        101: {4: SkillRelationType.essential},
    }
    return index


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser(build_index())


@pytest.mark.parametrize(
    ("phrase", "concept_id", "how"),
    [
        ("Operate cash register", 1, MappingHow.exact),
        ("use a till", 1, MappingHow.alternative),
        ("OPERATE CASH REGISTERS", 1, MappingHow.exact),
        ("cash register operate", 1, MappingHow.exact),
        ("opperate cash regster", 1, MappingHow.fuzzy),
        ("fórklift drivïng", 4, MappingHow.alternative),
        (
            "Looked after my grandmother for three years, incl. her medication",
            2,
            MappingHow.informal,
        ),
    ],
)
def test_each_way_of_finding_a_concept(
    normaliser: Normaliser, phrase: str, concept_id: int, how: MappingHow
) -> None:
    best = normaliser.normalise(phrase)[0]
    assert (best.concept_id, best.how) == (concept_id, how)
    assert 0 < best.score <= 1


def test_an_exact_label_outranks_a_fuzzy_one_and_scores_are_ordered(
    normaliser: Normaliser,
) -> None:
    exact = normaliser.normalise("operate cash register")[0]
    fuzzy = normaliser.normalise("operat cash registr")[0]
    assert exact.score > fuzzy.score
    matches = normaliser.normalise("looked after my grandmother")
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_an_informal_experience_credits_each_skill_by_its_weight(
    normaliser: Normaliser,
) -> None:
    matches = {m.concept_id: m for m in normaliser.normalise("I looked after my grandmother")}
    assert set(matches) == {2, 5}
    assert matches[5].score == pytest.approx(matches[2].score * 0.7, abs=1e-3)
    assert matches[2].via == "caring for an elderly relative"


def test_other_words_for_the_same_experience_are_understood(normaliser: Normaliser) -> None:
    for statement in (
        "I took care of my nan for four years",
        "Client nursed her grandpa",
        "looking after my mum, who is ill",
    ):
        best = normaliser.normalise(statement)[0]
        assert (best.concept_id, best.how) == (2, MappingHow.informal), statement


def test_a_phrase_that_names_nothing_finds_nothing(normaliser: Normaliser) -> None:
    assert normaliser.normalise("astrophysics research") == []
    assert normaliser.normalise("  ... ") == []


def test_a_statement_containing_a_whole_label_finds_it(normaliser: Normaliser) -> None:
    found = normaliser.normalise("two years of forklift driving in a warehouse")
    assert found[0].concept_id == 4


def test_a_job_ad_is_split_into_phrases_and_each_concept_reported_once(
    normaliser: Normaliser,
) -> None:
    ad = (
        "We are looking for a shop assistant.\n"
        "- You operate the cash register and keep a family budget?\n"
        "• Forklift driving, German language (B1)"
    )
    phrases = candidate_phrases(ad)
    assert "Forklift driving" in phrases
    found = extract(normaliser, ad)
    concepts = [m.concept_id for p in found for m in p.matches]
    assert sorted(concepts) == sorted(set(concepts))
    assert {1, 3, 4, 6} <= set(concepts)


def test_occupations_are_proposed_from_the_title_and_the_requirements() -> None:
    index = build_index()
    by_title = propose_occupations(index, "Shop assistant (part time)", set())
    assert by_title[0].esco_uri == "uri:shop"
    by_skills = propose_occupations(index, "Helper", {4})
    assert by_skills[0].esco_uri == "uri:wh"
    assert by_skills[0].skill_overlap == 1.0


class _WholeTextOnly:
    """A dense search that knows only the whole text's similarity to each concept asked about
    (0.5 for all): enough for a text's ranking to be blended and reranked."""

    def search(
        self, phrases: Sequence[str], k: int, also: Sequence[Collection[int]] = ()
    ) -> list[DenseHits]:
        wanted = [set(a) for a in also] + [set()] * (len(phrases) - len(also))
        return [DenseHits({c: (0.5, "") for c in w}) for w in wanted]


def test_a_reranker_rescores_a_texts_ranking_by_its_features(tmp_path: Path) -> None:
    text = "use a till and help with washing and dressing"
    plain = Normaliser(build_index(), dense=_WholeTextOnly(), reranker=None)
    before = extract_ranked(plain, text, min_score=0.0, limit=5).ranking
    assert {m.concept_id for m, _p in before} >= {1, 2}
    # A reranker that prefers longer phrases and alternative labels, written and read back.
    (tmp_path / "reranker.json").write_text(
        json.dumps({"bias": -1.0, "weights": {"alternative": 2.0, "phrase_words": 1.0}})
    )
    reranker = Reranker.load(tmp_path / "reranker.json")
    assert reranker is not None
    assert Reranker.load(tmp_path / "missing.json") is None
    reranked = Normaliser(build_index(), dense=_WholeTextOnly(), reranker=reranker)
    after = extract_ranked(reranked, text, min_score=0.0, limit=5).ranking
    assert {m.concept_id for m, _p in after} == {m.concept_id for m, _p in before}
    for match, phrase in after:
        alternative = float(match.how is MappingHow.alternative)
        words = math.log1p(len(phrase.split()))
        expected = reranker.score({"alternative": alternative, "phrase_words": words})
        assert match.score == pytest.approx(expected, abs=1e-3)
    assert [m.score for m, _p in after] == sorted((m.score for m, _p in after), reverse=True)
