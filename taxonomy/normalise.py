"""Normalisation: a phrase in a person's words to a ranked list of skill concepts, each with a
score and how it was found (exact label, alternative label, fuzzy, informal experience, similar
meaning).

Recognition is hybrid when a dense search is handed in (the concept vectors, built above this
layer and passed down): the lexical candidates and the phrase's nearest concepts by meaning are
merged into one list with one calibrated score, and each concept keeps how it was found and its
similarity.

Cheap look-ups come first (a folded label, the same words in another order); rapidfuzz only
scores the few labels that share a rare word with the phrase, so a phrase costs a dictionary
look-up when it is spelt as in the taxonomy and a few hundred comparisons when it is not.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Protocol

from rapidfuzz import fuzz, process

from models.taxonomy import MappingHow
from taxonomy.index import SkillIndex
from taxonomy.lexicon import meaning_tokens
from taxonomy.text import STOPWORDS, normalise, word_bag

MAX_CANDIDATES = 1500
RARE_TOKENS = 3


@dataclass(frozen=True)
class Thresholds:
    """Scores are 0-100 as rapidfuzz gives them; below a threshold a candidate is dropped."""

    fuzzy: float = 82.0
    informal: float = 60.0
    contained: float = 0.5
    proposal: float = 0.6  # 0-1: least score for a concept proposed for a statement


@dataclass(frozen=True)
class Calibration:
    """How a similarity of meaning and a lexical score become one 0-1 score (tuned on the
    tuning halves of bench/skill_recognition.py only).

    A similarity maps linearly from ``floor`` (0) to ``ceiling`` (1); the lexical score is
    weighed by ``lexical``; the two combine as independent evidence, 1 - (1 - a)(1 - b)."""

    floor: float = 0.2
    ceiling: float = 0.85
    lexical: float = 1.0
    informal_floor: float = 0.45  # an experience phrase this similar counts as its experience
    depth: int = 30  # dense candidates taken per phrase
    context: float = 0.2  # share of a text's score that is its whole meaning, not its best phrase
    #: Where ESCO is imported, a concept of Tandem's own without an ESCO URI weighs this much,
    #: so that it supplements ESCO's concepts rather than crowding them out of the first places.
    local: float = 0.8

    def meaning(self, similarity: float) -> float:
        span = max(self.ceiling - self.floor, 1e-6)
        return min(1.0, max(0.0, (similarity - self.floor) / span))

    def combine(self, lexical: float, similarity: float | None) -> float:
        dense = 0.0 if similarity is None else self.meaning(similarity)
        return 1 - (1 - min(1.0, self.lexical * lexical)) * (1 - dense)


RERANKER = Path(__file__).parent / "data" / "reranker.json"


@dataclass(frozen=True)
class Reranker:
    """A small logistic regression over a candidate's features (how it was found, its phrase's
    and the whole text's similarity, its phrase's share of the text, its kind): the probability
    that the concept is one the text names. Trained by ``bench/train_reranker.py`` on ESCO's own
    descriptions and the tuning halves only; its weights ship as ``data/reranker.json``."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, features: Mapping[str, float]) -> float:
        pairs = zip(self.names, self.weights, strict=True)
        z = self.bias + sum(w * features.get(n, 0.0) for n, w in pairs)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path = RERANKER) -> Reranker | None:
        """The shipped reranker, or None when there is none."""
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = data["weights"]
        return cls(tuple(weights), tuple(float(w) for w in weights.values()), float(data["bias"]))


SHIPPED = Reranker.load()


@dataclass(frozen=True)
class DenseHits:
    """One phrase's nearest concepts and informal experiences by meaning: id to (similarity,
    the label or phrase closest to it)."""

    concepts: dict[int, tuple[float, str]] = field(default_factory=dict)
    experiences: dict[int, tuple[float, str]] = field(default_factory=dict)


class DenseSearch(Protocol):
    """The concept vectors' search, built above this layer (matching/concepts.py)."""

    def search(
        self, phrases: Sequence[str], k: int, also: Sequence[Collection[int]] = ()
    ) -> list[DenseHits]: ...


@dataclass(frozen=True)
class ConceptMatch:
    concept_id: int
    esco_uri: str | None
    label: str
    score: float
    how: MappingHow
    via: str
    similarity: float | None = None  # cosine of the phrase and the concept, when measured

    @property
    def reason(self) -> str:
        """How it was found, in words: "alternative label", "similar meaning, 0.71"."""
        words = {
            MappingHow.exact: "preferred label",
            MappingHow.alternative: "alternative label",
            MappingHow.fuzzy: "close spelling of a label",
            MappingHow.informal: f"informal experience: {self.via}",
            MappingHow.semantic: "similar meaning",
        }.get(self.how, self.how.value)
        if self.similarity is not None:
            if self.how is MappingHow.semantic:
                return f"{words}, {self.similarity:.2f}"
            return f"{words}; similar meaning, {self.similarity:.2f}"
        return words


# Credit per way of finding a concept, so that an exact label outranks a fuzzy one.
CREDIT = {
    MappingHow.exact: 1.0,
    MappingHow.alternative: 0.97,
    MappingHow.fuzzy: 0.9,
    MappingHow.informal: 0.9,
}


class Normaliser:
    def __init__(
        self,
        index: SkillIndex,
        thresholds: Thresholds | None = None,
        dense: DenseSearch | None = None,
        calibration: Calibration | None = None,
        reranker: Reranker | None = SHIPPED,
    ) -> None:
        self.index = index
        self.thresholds = thresholds or Thresholds()
        self.dense = dense
        self.calibration = calibration or Calibration()
        self.reranker = reranker
        self._label_count: Counter[int] = Counter(
            concept_id for owners in index.label_owners for concept_id, _preferred in owners
        )
        self._correct = lru_cache(maxsize=50_000)(self._correct_token)
        self._vocabulary_by_length: dict[int, list[str]] = {}
        for token in index.postings:
            self._vocabulary_by_length.setdefault(len(token), []).append(token)
        documents = [doc for _experience, doc in index.experience_docs]
        frequency = Counter(t for doc in documents for t in doc)
        self._idf = {t: math.log((1 + len(documents)) / (1 + n)) + 1 for t, n in frequency.items()}
        self._label_words = [
            frozenset(t for t in label.split() if t not in STOPWORDS) for label in index.labels
        ]

    def normalise(self, phrase: str, limit: int = 5, min_score: float = 0.0) -> list[ConceptMatch]:
        """The phrase's concepts, best first: at most ``limit``, each scoring ``min_score`` or
        more."""
        return ranked(self.recognise([phrase])[0], limit, min_score)

    def recognise(self, phrases: Sequence[str]) -> list[dict[int, ConceptMatch]]:
        """Each phrase's candidates by concept: lexical ones, merged with the nearest by
        meaning when a dense search is set (one batch for all the phrases)."""
        found = [self._lexical(phrase) for phrase in phrases]
        if self.dense is None:
            return found
        live = [i for i, phrase in enumerate(phrases) if normalise(phrase)]
        hits = self.dense.search(
            [phrases[i] for i in live], self.calibration.depth, [set(found[i]) for i in live]
        )
        for i, dense in zip(live, hits, strict=True):
            found[i] = self._local(self._merge(found[i], dense))
        return found

    def _weight(self, concept_id: int) -> float:
        if not self.index.esco_loaded or self.calibration.local >= 1.0:
            return 1.0
        info = self.index.concepts.get(concept_id)
        return 1.0 if info is None or info.esco_uri else self.calibration.local

    def _local(self, found: dict[int, ConceptMatch]) -> dict[int, ConceptMatch]:
        """Concepts without an ESCO URI weighed down where ESCO is imported."""
        for concept_id, match in found.items():
            weight = self._weight(concept_id)
            if weight < 1.0:
                found[concept_id] = replace(match, score=round(match.score * weight, 4))
        return found

    def in_context(
        self,
        text: str,
        best: dict[int, ConceptMatch],
        phrases: Mapping[int, str] | None = None,
        features: dict[int, dict[str, float]] | None = None,
    ) -> dict[int, ConceptMatch]:
        """Each concept's best phrase score blended with the whole text's similarity to it (a
        clause alone says less than the sentence it stands in); with a reranker, its features
        (``phrases``: the phrase that found each concept) scored by it instead. ``features``,
        when given, is filled with each concept's features."""
        weight = self.calibration.context
        if self.dense is None or weight <= 0 or not best or not normalise(text):
            return best
        whole = self.dense.search([text], self.calibration.depth, [set(best)])[0].concepts
        blended = {}
        for concept_id, match in best.items():
            similarity = whole.get(concept_id, (None, ""))[0]
            meaning = 0.0 if similarity is None else self.calibration.meaning(similarity)
            score = (1 - weight) * match.score + weight * meaning * self._weight(concept_id)
            blended[concept_id] = replace(match, score=round(score, 4))
        if self.reranker is None and features is None:
            return blended
        order = sorted(blended, key=lambda c: -blended[c].score)
        for rank, concept_id in enumerate(order):
            found = self.features(
                text,
                (phrases or {}).get(concept_id, text),
                best[concept_id],
                blended[concept_id].score,
                whole.get(concept_id, (None, ""))[0],
                rank,
            )
            if features is not None:
                features[concept_id] = found
            if self.reranker is not None:
                score = self.reranker.score(found)
                blended[concept_id] = replace(blended[concept_id], score=round(score, 4))
        return blended

    def features(
        self,
        text: str,
        phrase: str,
        match: ConceptMatch,
        score: float,
        context: float | None,
        rank: int,
    ) -> dict[str, float]:
        """What the reranker weighs for one candidate concept of a text."""
        info = self.index.concepts.get(match.concept_id)
        text_words = max(1, len(text.split()))
        phrase_words = len(phrase.split())
        return {
            "score": score,
            "phrase_score": match.score,
            "similarity": match.similarity or 0.0,
            "measured": float(match.similarity is not None),
            "context": context or 0.0,
            "exact": float(match.how is MappingHow.exact),
            "alternative": float(match.how is MappingHow.alternative),
            "fuzzy": float(match.how is MappingHow.fuzzy),
            "informal": float(match.how is MappingHow.informal),
            "semantic": float(match.how is MappingHow.semantic),
            "phrase_share": min(1.0, phrase_words / text_words),
            "phrase_words": math.log1p(phrase_words),
            "esco": float(bool(info and info.esco_uri)),
            "knowledge": float(bool(info and (info.skill_type or "").startswith("knowledge"))),
            "transversal": float(bool(info and "transversal" in info.collections)),
            "language": float(bool(info and "language" in info.collections)),
            "labels": math.log1p(self._label_count.get(match.concept_id, 0)),
            "rank": 1 / (1 + rank),
        }

    def _lexical(self, phrase: str) -> dict[int, ConceptMatch]:
        key = normalise(phrase)
        best: dict[int, ConceptMatch] = {}
        if not key:
            return best
        self._labels(key, best)
        self._experiences(phrase, best)
        return best

    def _merge(self, lexical: dict[int, ConceptMatch], dense: DenseHits) -> dict[int, ConceptMatch]:
        """One calibrated score per concept from its lexical score and its similarity."""
        calibration = self.calibration
        merged: dict[int, ConceptMatch] = {}
        for concept_id, match in lexical.items():
            similarity = dense.concepts.get(concept_id, (None, ""))[0]
            score = calibration.combine(match.score, similarity)
            merged[concept_id] = replace(match, score=round(score, 4), similarity=similarity)
        for concept_id, (similarity, via) in dense.concepts.items():
            if concept_id in merged or concept_id not in self.index.concepts:
                continue
            score = calibration.combine(0.0, similarity)
            if score > 0:
                merged[concept_id] = replace(
                    self._match(concept_id, score, MappingHow.semantic, via),
                    similarity=round(similarity, 4),
                )
        # An informal experience near in meaning credits the skills it evidences.
        for experience, (similarity, _phrase) in dense.experiences.items():
            if similarity < calibration.informal_floor:
                continue
            label = self.index.experience_label.get(experience, "")
            strength = calibration.meaning(similarity)
            for concept_id, weight in self.index.evidence.get(experience, []):
                if concept_id not in self.index.concepts:
                    continue
                credit = CREDIT[MappingHow.informal] * weight * strength
                current = merged.get(concept_id)
                if current is None or credit > current.score:
                    merged[concept_id] = replace(
                        self._match(concept_id, credit, MappingHow.informal, label),
                        similarity=round(similarity, 4),
                    )
        return merged

    def _offer(self, best: dict[int, ConceptMatch], match: ConceptMatch) -> None:
        current = best.get(match.concept_id)
        if current is None or match.score > current.score:
            best[match.concept_id] = match

    def _match(self, concept_id: int, score: float, how: MappingHow, via: str) -> ConceptMatch:
        info = self.index.concepts[concept_id]
        return ConceptMatch(
            concept_id, info.esco_uri, info.preferred_label, round(score, 4), how, via
        )

    def _owners(
        self, position: int, score: float, best: dict[int, ConceptMatch], how: MappingHow | None
    ) -> None:
        for concept_id, preferred in self.index.label_owners[position]:
            kind = how or (MappingHow.exact if preferred else MappingHow.alternative)
            credit = CREDIT[kind] if how is None else score
            self._offer(
                best, self._match(concept_id, credit, kind, self.index.label_text[position])
            )

    def _labels(self, key: str, best: dict[int, ConceptMatch]) -> None:
        position = self.index.by_label.get(key)
        if position is not None:
            self._owners(position, 1.0, best, None)
            return
        same_words = self.index.by_bag.get(word_bag(key))
        if same_words:
            for position in same_words:
                self._owners(position, 1.0, best, None)
            return
        candidates = self._candidates(key)
        if not candidates:
            return
        picked = itemgetter(*candidates)(self.index.labels)
        choices: tuple[str, ...] = picked if isinstance(picked, tuple) else (picked,)
        threshold = self.thresholds.fuzzy
        fuzzy = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, limit=10, score_cutoff=threshold
        )
        for _label, score, i in fuzzy:
            self._owners(
                candidates[i], CREDIT[MappingHow.fuzzy] * score / 100, best, MappingHow.fuzzy
            )
        # A longer statement that contains a whole label ("experience with cash registers"):
        # credit grows with the share of the statement's words that the label covers.
        word_set = {t for t in key.split() if t not in STOPWORDS}
        if len(word_set) < 2 or (fuzzy and len(word_set) < 3):
            return
        for position in candidates:
            label_words = self._label_words[position]
            if not label_words or not label_words <= word_set:
                continue
            coverage = len(label_words) / len(word_set)
            if coverage < self.thresholds.contained and len(label_words) < 2:
                continue
            score = CREDIT[MappingHow.fuzzy] * (0.75 + 0.25 * coverage)
            self._owners(position, score, best, MappingHow.fuzzy)

    def _candidates(self, key: str) -> list[int]:
        """Labels sharing one of the phrase's rarest words (spelling corrected where the word
        is not in the vocabulary at all)."""
        words = [t for t in dict.fromkeys(key.split()) if t not in STOPWORDS]
        tokens = [t for t in words if t in self.index.postings]
        if len(tokens) < 2:
            # Too little spelt right to find the label by: correct the unknown words.
            for token in words:
                if token not in self.index.postings:
                    tokens.extend(self._correct(token))
        tokens.sort(key=lambda t: len(self.index.postings[t]))
        # The rarest word's labels first: when the cap cuts, it cuts the least telling words.
        picked: list[int] = []
        seen: set[int] = set()
        for token in tokens[:RARE_TOKENS]:
            fresh = set(self.index.postings[token]) - seen
            picked.extend(sorted(fresh))
            seen |= fresh
            if len(picked) >= MAX_CANDIDATES:
                break
        return picked[:MAX_CANDIDATES]

    def _correct_token(self, token: str) -> tuple[str, ...]:
        """The closest words of the vocabulary, among words one letter shorter to one longer."""
        if len(token) < 4:
            return ()
        near = [
            word
            for length in (len(token) - 1, len(token), len(token) + 1)
            for word in self._vocabulary_by_length.get(length, [])
        ]
        found = process.extract(token, near, scorer=fuzz.ratio, limit=2, score_cutoff=80)
        return tuple(word for word, _score, _i in found)

    def _experiences(self, phrase: str, best: dict[int, ConceptMatch]) -> None:
        """Informal experience: the statement's meaning words (synonyms and stems applied) are
        compared with each of the experience's phrases; the score is the share of the phrase's
        weight (rarer words weigh more) that the statement covers. Each skill the experience
        evidences is credited by its weight."""
        words = meaning_tokens(phrase)
        if not words or not self.index.experience_docs:
            return
        scores: dict[int, float] = {}
        for experience, doc in self.index.experience_docs:
            shared = words & doc
            if not shared or (len(doc) > 2 and len(shared) < 2):
                continue
            coverage = sum(self._idf[t] for t in shared) / sum(self._idf[t] for t in doc)
            if coverage > scores.get(experience, 0.0):
                scores[experience] = coverage
        threshold = self.thresholds.informal / 100
        for experience, coverage in scores.items():
            if coverage < threshold:
                continue
            label = self.index.experience_label[experience]
            for concept_id, weight in self.index.evidence.get(experience, []):
                if concept_id in self.index.concepts:
                    credit = CREDIT[MappingHow.informal] * weight * coverage
                    self._offer(best, self._match(concept_id, credit, MappingHow.informal, label))


def ranked(
    found: dict[int, ConceptMatch], limit: int, min_score: float = 0.0
) -> list[ConceptMatch]:
    """Best first (ties by concept id), at most ``limit``, none under ``min_score``."""
    kept = [m for m in found.values() if m.score >= min_score]
    return sorted(kept, key=lambda m: (-m.score, m.concept_id))[:limit]
