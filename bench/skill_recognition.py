"""Skill recognition against the whole of ESCO, on public job-ad sentences and informal
statements, each cut once (fixed seed) into a tuning half and a reporting half.

- TECH and HOUSE (../shared/data/skill-extraction/: SkillSpan validation sentences labelled
  with ESCO skills): R-Precision@5 and MRR of the ranked concepts for each sentence with at least
  one ESCO label.
- Informal statements (bench/data/informal_statements_esco.csv, written by someone who had
  not seen the rules): an acceptable ESCO concept first, and among the first three.

Methods, in one run: ``extract`` (the lexical /skills/extract path before semantic recognition,
concepts of all phrases merged by score), ``naive`` (the sentence's vector against the mean of
each ESCO skill's label vectors, same model) and ``hybrid`` (today's recogniser: lexical and
dense candidates merged). Label vectors are stored in the bench database, so only the first
run embeds ESCO's labels.

    .venv/bin/python bench/skill_recognition.py [--database PATH] [--methods extract,naive,hybrid]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from bench._esco import esco_database  # noqa: E402
from matching.concepts import SemanticSearch, load_concept_vectors  # noqa: E402
from matching.embedding import BUNDLED_MODEL, Embedder, load_embedder  # noqa: E402
from matching.vectors import embed_texts  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.taxonomy import ConceptKind, SkillConcept, SkillLabel  # noqa: E402
from taxonomy.extract import extract, extract_ranked  # noqa: E402
from taxonomy.index import SkillIndex, load_index  # noqa: E402
from taxonomy.normalise import Normaliser  # noqa: E402

SPANS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "skill-extraction"
INFORMAL = Path(__file__).resolve().parent / "data" / "informal_statements_esco.csv"
DEFAULT_DATABASE = Path("/tmp/tandem-bench-recognition/esco.db")
SEED = 20
NOT_ESCO = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
DEPTH = 100

Ranker = Callable[[str], list[str]]  # a text to ESCO URIs, best first


@dataclass(frozen=True)
class Item:
    text: str
    gold: frozenset[str]


def split(items: list[Item], seed: int = SEED) -> tuple[list[Item], list[Item]]:
    """The tuning half and the reporting half, cut once with a fixed seed."""
    ordered = sorted(items, key=lambda i: i.text)
    random.Random(seed).shuffle(ordered)
    half = len(ordered) // 2
    return ordered[:half], ordered[half:]


def span_sets(uri_of_label: dict[str, str]) -> dict[str, list[Item]]:
    sets: dict[str, list[Item]] = {}
    for name in ("tech", "house"):
        gold: dict[str, set[str]] = {}
        with (SPANS / f"{name}_validation_annotations.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                labels = gold.setdefault(row["sentence"], set())
                if row["label"] not in NOT_ESCO:
                    labels.add(uri_of_label[row["label"]])
        sets[name.upper()] = [Item(s, frozenset(g)) for s, g in gold.items() if g]
    return sets


def informal_set() -> list[Item]:
    if not INFORMAL.exists():
        return []
    items = []
    with INFORMAL.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            uris = {
                u.strip() for u in row["acceptable_uris"].replace(";", "|").split("|") if u.strip()
            }
            items.append(Item(row["statement"], frozenset(uris)))
    return items


def span_scores(rank: Ranker, items: Sequence[Item]) -> tuple[float, float]:
    """R-Precision@5 and MRR."""
    rp, rr = [], []
    for item in items:
        ranked = rank(item.text)[:DEPTH]
        k = min(5, len(item.gold))
        rp.append(sum(1 for u in ranked[:k] if u in item.gold) / k)
        first = next((i for i, u in enumerate(ranked) if u in item.gold), None)
        rr.append(0.0 if first is None else 1 / (first + 1))
    return statistics.fmean(rp), statistics.fmean(rr)


def informal_scores(rank: Ranker, items: Sequence[Item]) -> tuple[float, float]:
    """Share with an acceptable concept first, and among the first three."""
    top1 = top3 = 0
    for item in items:
        ranked = rank(item.text)[:3]
        top1 += bool(ranked) and ranked[0] in item.gold
        top3 += bool(item.gold & set(ranked))
    return top1 / len(items), top3 / len(items)


class Naive:
    """The sentence against the mean of each ESCO skill's label vectors."""

    def __init__(self, embedder: Embedder, uris: list[str], matrix: np.ndarray) -> None:
        self.embedder, self.uris, self.matrix = embedder, uris, matrix

    def __call__(self, text: str) -> list[str]:
        sims = self.matrix @ self.embedder.encode([text])[0]
        top = np.argpartition(-sims, DEPTH)[:DEPTH]
        return [self.uris[i] for i in top[np.argsort(-sims[top])]]


def naive_ranker(factory: object, embedder: Embedder) -> Naive:
    with unit_of_work(factory) as session:  # type: ignore[arg-type]
        rows = session.execute(
            select(SkillConcept.esco_uri, SkillLabel.label)
            .join(SkillLabel, SkillLabel.concept_id == SkillConcept.id)
            .where(SkillConcept.kind == ConceptKind.skill, SkillConcept.source == "esco")
        ).all()
        vectors = embed_texts(session, embedder, [label for _uri, label in rows])
    by_uri: dict[str, list[np.ndarray]] = {}
    for uri, label in rows:
        assert uri is not None
        by_uri.setdefault(uri, []).append(vectors[label][1])
    uris = sorted(by_uri)
    matrix = np.stack([np.mean(by_uri[u], axis=0) for u in uris])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return Naive(embedder, uris, matrix.astype(np.float32))


def extract_ranker(normaliser: Normaliser) -> Ranker:
    """/skills/extract as it was: concepts of all phrases, merged by score."""

    def rank(text: str) -> list[str]:
        best: dict[str, float] = {}
        for phrase in extract(normaliser, text, normaliser.thresholds.proposal):
            for m in phrase.matches:
                key = m.esco_uri or f"starter:{m.concept_id}"
                if m.score > best.get(key, -1.0):
                    best[key] = m.score
        return sorted(best, key=lambda u: -best[u])

    return rank


def hybrid_ranker(factory: object, index: SkillIndex, embedder: Embedder) -> Ranker:
    """The recogniser as the API runs it: every phrase of the text, lexical and dense
    candidates merged, one ranking for the text. Concepts outside ESCO keep their place in the
    ranking (as misses)."""
    with unit_of_work(factory) as session:  # type: ignore[arg-type]
        vectors = load_concept_vectors(session, embedder.name, embedder.dim, embedder)
    normaliser = Normaliser(index, dense=SemanticSearch(vectors, embedder.encode))

    def rank(text: str) -> list[str]:
        found = extract_ranked(normaliser, text, min_score=0.0, limit=DEPTH)
        return [m.esco_uri or "" for m, _phrase in found.ranking]

    return rank


def normalise_ranker(normaliser: Normaliser) -> Ranker:
    """/skills/normalise as it was (and a statement's proposals): the whole text, lexically."""

    def rank(text: str) -> list[str]:
        return [m.esco_uri or "" for m in normaliser.normalise(text, limit=DEPTH)]

    return rank


def timed(rank: Ranker, texts: Sequence[str]) -> tuple[float, float]:
    """p95 per text in ms, and texts per second."""
    times = []
    for text in texts:
        started = time.perf_counter()
        rank(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[int(0.95 * (len(times) - 1))], len(times) / (sum(times) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", type=Path, default=DEFAULT_DATABASE)
    parser.add_argument("--methods", default="extract,normalise,naive,hybrid")
    parser.add_argument("--speed", action="store_true", help="also time each method")
    parser.add_argument(
        "--backend", default="torch", help="embedding backend: torch or onnx-int8 (same vectors)"
    )
    parser.add_argument(
        "--halves", default="tuning,reporting", help="which halves to print (tune on 'tuning')"
    )
    args = parser.parse_args()
    methods = args.methods.split(",")
    factory, import_s = esco_database(path=args.database, starter=True)
    print(f"ESCO (and starter) in {args.database} ({import_s:.1f} s to import)")
    with factory() as session:
        index = load_index(session)
        uri_of_label: dict[str, str] = {
            label: uri or ""
            for label, uri in session.execute(
                select(SkillConcept.preferred_label, SkillConcept.esco_uri).where(
                    SkillConcept.source == "esco", SkillConcept.kind == ConceptKind.skill
                )
            )
        }
    normaliser = Normaliser(index)
    embedder = load_embedder(BUNDLED_MODEL, args.backend)
    print(f"embedding backend: {args.backend}")
    rankers: dict[str, Ranker] = {}
    if "extract" in methods:
        rankers["extract"] = extract_ranker(normaliser)
    if "normalise" in methods:
        rankers["normalise"] = normalise_ranker(normaliser)
    if "naive" in methods:
        started = time.perf_counter()
        rankers["naive"] = naive_ranker(factory, embedder)
        print(f"naive baseline ready in {time.perf_counter() - started:.1f} s")
    if "hybrid" in methods:
        started = time.perf_counter()
        rankers["hybrid"] = hybrid_ranker(factory, index, embedder)
        print(f"hybrid recogniser ready in {time.perf_counter() - started:.1f} s")

    sets = span_sets(uri_of_label)
    informal = informal_set()
    print(
        f"\nseed {SEED}; halves: "
        + ", ".join(
            f"{name} {len(split(items)[0])}/{len(split(items)[1])}"
            for name, items in [*sets.items(), ("INFORMAL", informal)]
            if items
        )
    )
    print(f"{'set':<9}{'half':<11}{'method':<10}{'RP@5':>7}{'MRR':>7}")
    for name, items in sets.items():
        for half, part in zip(("tuning", "reporting"), split(items), strict=True):
            if half not in args.halves:
                continue
            for method, rank in rankers.items():
                rp, mrr = span_scores(rank, part)
                print(f"{name:<9}{half:<11}{method:<10}{rp:>7.3f}{mrr:>7.3f}")
    if informal:
        print(f"\n{'set':<9}{'half':<11}{'method':<10}{'top-1':>7}{'top-3':>7}")
        for half, part in zip(("tuning", "reporting"), split(informal), strict=True):
            if half not in args.halves:
                continue
            for method, rank in rankers.items():
                top1, top3 = informal_scores(rank, part)
                print(f"{'INFORMAL':<9}{half:<11}{method:<10}{top1:>7.3f}{top3:>7.3f}")
    else:
        print(f"\n(no informal statements: {INFORMAL} is missing)")
    if args.speed:
        statements = [i.text for i in informal] or [i.text for i in sets["TECH"]]
        print(f"\nspeed over {len(statements)} single statements")
        for method, rank in rankers.items():
            p95, rate = timed(rank, statements)
            print(f"  {method:<10} p95 {p95:6.1f} ms   {rate:7.1f} statements/s")


if __name__ == "__main__":
    main()
