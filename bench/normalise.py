"""Normalisation speed and accuracy against the full ESCO labels.

10,000 noisy phrases are made from ESCO skill labels (preferred or alternative) with the
noise people add: typos, changed word order, plurals, case, accents, stray punctuation. Each
phrase should come back with the concept it was made from at rank 1.

    .venv/bin/python bench/normalise.py [--phrases 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._esco import esco_database  # noqa: E402
from models.taxonomy import ConceptKind, SkillConcept, SkillLabel  # noqa: E402
from taxonomy.index import load_index  # noqa: E402
from taxonomy.normalise import Normaliser  # noqa: E402
from taxonomy.text import normalise  # noqa: E402

ACCENTS = {"e": "é", "a": "á", "o": "ó", "u": "ü", "i": "í"}


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]


def noisy(label: str, rng: random.Random) -> str:
    words = label.split()
    roll = rng.random()
    if roll < 0.35:
        candidates = [i for i, w in enumerate(words) if len(w) >= 5]
        if candidates:
            i = rng.choice(candidates)
            words[i] = typo(words[i], rng)
    elif roll < 0.5 and len(words) > 1:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif roll < 0.65:
        words[-1] = words[-1] + "s"
    elif roll < 0.75:
        words = [w.upper() if rng.random() < 0.5 else w.capitalize() for w in words]
    elif roll < 0.85:
        words = ["".join(ACCENTS.get(c, c) if rng.random() < 0.3 else c for c in w) for w in words]
    text = " ".join(words)
    if rng.random() < 0.2:
        text = f"  {text}. "
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--naive", type=int, default=200, help="phrases for the naive baseline")
    args = parser.parse_args()

    factory, import_s = esco_database()
    print(f"ESCO imported into a temporary SQLite file in {import_s:.1f} s")
    with factory() as session:
        started = time.perf_counter()
        index = load_index(session)
        index_s = time.perf_counter() - started
        rows = session.execute(
            SkillLabel.__table__.select()
            .with_only_columns(SkillLabel.concept_id, SkillLabel.label)
            .join(SkillConcept, SkillConcept.id == SkillLabel.concept_id)
            .where(SkillConcept.kind == ConceptKind.skill)
        ).all()
    print(
        f"index: {len(index.concepts)} concepts, {len(index.labels)} distinct folded labels "
        f"({len(rows)} labels), built in {index_s:.1f} s"
    )
    rng = random.Random(args.seed)
    sample = [rows[rng.randrange(len(rows))] for _ in range(args.phrases)]
    phrases = [(concept_id, noisy(label, rng), label) for concept_id, label in sample]

    normaliser = Normaliser(index)
    started = time.perf_counter()
    results = [normaliser.normalise(text, limit=3) for _cid, text, _label in phrases]
    elapsed = time.perf_counter() - started
    top1 = top3 = ambiguous_ok = 0
    for (concept_id, _text, label), matches in zip(phrases, results, strict=True):
        ids = [m.concept_id for m in matches]
        top1 += bool(ids) and ids[0] == concept_id
        top3 += concept_id in ids
        # Several concepts can share a label word for word: then any of them is a right answer.
        if matches:
            position = index.by_label.get(normalise(label))
            sharing = (
                {c for c, _p in index.label_owners[position]} if position is not None else set()
            )
            ambiguous_ok += ids[0] == concept_id or ids[0] in sharing
    n = len(phrases)
    print(f"Tandem normaliser: {n / elapsed:,.0f} phrases/s ({n} phrases in {elapsed:.2f} s)")
    print(
        f"  top-1 accuracy {top1 / n:.3f}, top-3 {top3 / n:.3f}, "
        f"top-1 counting labels shared by several concepts as right {ambiguous_ok / n:.3f}"
    )

    choices = [label for _cid, label in rows]
    label_concept = [cid for cid, _label in rows]
    subset = phrases[: args.naive]
    started = time.perf_counter()
    naive_hits = 0
    for concept_id, text, _label in subset:
        found = process.extractOne(text, choices, scorer=fuzz.WRatio)
        naive_hits += found is not None and label_concept[found[2]] == concept_id
    naive_s = time.perf_counter() - started
    print(
        f"naive extractOne(WRatio) over all labels: {len(subset) / naive_s:,.0f} phrases/s, "
        f"top-1 {naive_hits / len(subset):.3f} (first {len(subset)} phrases)"
    )


if __name__ == "__main__":
    main()
