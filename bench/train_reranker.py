"""Train the recogniser's reranker (a logistic regression over each candidate concept's
features, see ``taxonomy.normalise.Reranker``) and write its weights to
``taxonomy/data/reranker.json``.

Trained ONLY on ESCO itself and the tuning halves of bench/skill_recognition.py:
- ESCO: the first sentence of a sample of ESCO skills' descriptions as queries, each naming its
  own concept (descriptions take no part in the concept vectors or the labels, so the recogniser
  has not seen them);
- the tuning halves of TECH, HOUSE and the informal statements (never the reporting halves).

For each query the recogniser (without a reranker) proposes its candidates, each with its
features; a candidate is positive when it is one of the query's concepts. Features are
standardised, classes balanced, and the standardisation folded back into the weights.

    .venv/bin/python bench/train_reranker.py [--database PATH] [--descriptions 600]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from bench._esco import esco_database  # noqa: E402
from bench.skill_recognition import (  # noqa: E402
    DEFAULT_DATABASE,
    Item,
    informal_set,
    span_sets,
    split,
)
from matching.concepts import SemanticSearch, load_concept_vectors  # noqa: E402
from matching.embedding import BUNDLED_MODEL, load_embedder  # noqa: E402
from models.db import unit_of_work  # noqa: E402
from models.taxonomy import ConceptKind, SkillConcept  # noqa: E402
from taxonomy.extract import candidate_phrases  # noqa: E402
from taxonomy.index import load_index  # noqa: E402
from taxonomy.normalise import RERANKER, ConceptMatch, Normaliser  # noqa: E402

SEED = 20
CANDIDATES = 50  # per query, best by today's score


def first_sentence(text: str) -> str:
    sentence = text.strip().split(". ")[0].strip().rstrip(".")
    return " ".join(sentence.split()[:30])


def candidates(normaliser: Normaliser, text: str) -> list[tuple[str | None, dict[str, float]]]:
    """Each candidate concept of the text (its ESCO URI) with its features, as the recogniser
    ranks a text (extract_ranked), without a reranker."""
    phrases = candidate_phrases(text)
    best: dict[int, tuple[ConceptMatch, str]] = {}
    for phrase, found in zip(phrases, normaliser.recognise(phrases), strict=True):
        for match in found.values():
            current = best.get(match.concept_id)
            if current is None or match.score > current[0].score:
                best[match.concept_id] = (match, phrase)
    features: dict[int, dict[str, float]] = {}
    whole = normaliser.in_context(
        text,
        {c: m for c, (m, _p) in best.items()},
        {c: p for c, (_m, p) in best.items()},
        features,
    )
    order = sorted(whole, key=lambda c: -whole[c].score)[:CANDIDATES]
    return [(whole[c].esco_uri, features[c]) for c in order if c in features]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by Newton steps, on standardised features; the weights
    and bias returned apply to the raw features."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    sample = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (sample * (p - y)) + penalty * w
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        w -= np.linalg.solve(hessian, gradient)
    weights = w[:-1] / std
    return weights, float(w[-1] - weights @ mean)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", type=Path, default=DEFAULT_DATABASE)
    parser.add_argument("--descriptions", type=int, default=600)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=RERANKER)
    args = parser.parse_args()
    started = time.perf_counter()
    factory, _import_s = esco_database(path=args.database, starter=True)
    embedder = load_embedder(BUNDLED_MODEL)
    with unit_of_work(factory) as session:
        index = load_index(session)
        vectors = load_concept_vectors(session, embedder.name, embedder.dim, embedder)
        described = session.execute(
            select(SkillConcept.esco_uri, SkillConcept.description, SkillConcept.preferred_label)
            .where(
                SkillConcept.source == "esco",
                SkillConcept.kind == ConceptKind.skill,
                SkillConcept.description != "",
            )
            .order_by(SkillConcept.esco_uri)
        ).all()
        uri_of_label = {label: uri or "" for uri, _d, label in described}
    normaliser = Normaliser(index, dense=SemanticSearch(vectors, embedder.encode), reranker=None)
    queries: list[tuple[str, Item]] = [
        ("esco", Item(first_sentence(d), frozenset({u})))
        for u, d, _label in random.Random(SEED).sample(described, args.descriptions)
        if u
    ]
    for name, items in span_sets(uri_of_label).items():
        queries += [(name, item) for item in split(items)[0]]
    queries += [("informal", item) for item in split(informal_set())[0]]

    rows: list[list[float]] = []
    labels: list[int] = []
    names: list[str] = []
    counts: dict[str, int] = {}
    for source, item in queries:
        for uri, features in candidates(normaliser, item.text):
            names = names or sorted(features)
            rows.append([features[n] for n in names])
            labels.append(int(uri in item.gold))
        counts[source] = counts.get(source, 0) + 1
    x, y = np.asarray(rows), np.asarray(labels, dtype=float)
    weights, bias = fit(x, y, args.l2)
    args.out.write_text(
        json.dumps(
            {
                "trained_on": {**counts, "candidates": len(y), "positives": int(y.sum())},
                "bias": round(bias, 6),
                "weights": {n: round(float(w), 6) for n, w in zip(names, weights, strict=True)},
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"queries: {counts}; {len(y)} candidates, {int(y.sum())} positive")
    for n, w in sorted(zip(names, weights, strict=True), key=lambda p: -abs(p[1])):
        print(f"  {n:<14}{w:+.3f}")
    print(f"bias {bias:+.3f}; written to {args.out} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
