"""Extraction: a whole job ad or a client's story split into candidate phrases (list items,
sentences, clauses), each normalised, so that a person can paste a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from taxonomy.normalise import ConceptMatch, Normaliser, ranked

_LINES = re.compile(r"[\r\n]+|(?<=[.!?;:])\s+|\s+[•·▪◦*–-]\s+|^\s*[•·▪◦*–-]\s*", re.MULTILINE)
_CLAUSES = re.compile(
    r",\s*|\s+(?:and|or|as well as|plus|including|such as|also|but|while|then)\s+|\s*\(|\)\s*",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:you|we|i|she|he|they)?\s*(?:have|has|had|bring|need|needs|must|should|can|could|"
    r"will|would|are|is|am|was|were|be|being|been|do|did)?\s*(?:a|an|the|some|good|solid|basic|"
    r"proven|previous|first|strong)?\s*(?:experience|knowledge|skills?)?\s*(?:in|with|of|as)?\s+",
    re.IGNORECASE,
)
MIN_WORDS = 1
MAX_WORDS = 25
MAX_PHRASES = 300


@dataclass(frozen=True)
class ExtractedPhrase:
    text: str
    matches: list[ConceptMatch]


def candidate_phrases(text: str) -> list[str]:
    """List items and sentences, then their clauses; each kept once, in reading order."""
    found: dict[str, None] = {}
    for piece in _LINES.split(text):
        sentence = piece.strip(" \t-•*.;:!?")
        if not sentence:
            continue
        words = sentence.split()
        if len(words) <= MAX_WORDS:
            found.setdefault(sentence, None)
        for clause in _CLAUSES.split(sentence):
            clause = _LEAD.sub("", clause.strip(" .;:!?")).strip()
            if MIN_WORDS <= len(clause.split()) <= MAX_WORDS:
                found.setdefault(clause, None)
    return list(found)[:MAX_PHRASES]


@dataclass(frozen=True)
class Extraction:
    """The phrases that name concepts, each with its own ranking, and one merged ranking for
    the whole text (each concept with the phrase that found it best)."""

    phrases: list[ExtractedPhrase]
    ranking: list[tuple[ConceptMatch, str]]


def extract_ranked(
    normaliser: Normaliser, text: str, min_score: float = 0.6, limit: int = 5
) -> Extraction:
    """Each candidate phrase recognised (one batch), at most ``limit`` concepts per phrase and
    ``limit`` in the merged ranking, none under ``min_score``. A concept found in several
    phrases is reported with the phrase that found it best."""
    phrases = candidate_phrases(text)
    per_phrase = {
        phrase: ranked(found, limit, min_score)
        for phrase, found in zip(phrases, normaliser.recognise(phrases), strict=True)
    }
    best: dict[int, tuple[ConceptMatch, str]] = {}
    for phrase, matches in per_phrase.items():
        for match in matches:
            current = best.get(match.concept_id)
            if current is None or match.score > current[0].score:
                best[match.concept_id] = (match, phrase)
    result = []
    for phrase, matches in per_phrase.items():
        kept = [m for m in matches if best[m.concept_id][1] == phrase]
        if kept:
            result.append(ExtractedPhrase(phrase, kept))
    whole = normaliser.in_context(
        text, {c: m for c, (m, _p) in best.items()}, {c: p for c, (_m, p) in best.items()}
    )
    merged = sorted(
        ((whole[c], phrase) for c, (_m, phrase) in best.items() if whole[c].score >= min_score),
        key=lambda pair: (-pair[0].score, pair[0].concept_id),
    )
    return Extraction(result, merged[:limit])


def extract(normaliser: Normaliser, text: str, min_score: float = 0.6) -> list[ExtractedPhrase]:
    """Phrases that name at least one concept with ``min_score`` or more (up to 5 each)."""
    return extract_ranked(normaliser, text, min_score, limit=5).phrases
