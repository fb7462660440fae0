"""Words as people write them about their lives, reduced to what they mean for matching:
a light stem, irregular verbs, and synonym groups kept as data (``data/synonyms.csv``), so
"took care of my nan" and "looked after my grandmother" meet on care + grandparent."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from taxonomy.text import STOPWORDS, normalise

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.csv"
IRREGULAR = {
    "took": "take",
    "taken": "take",
    "ran": "run",
    "did": "do",
    "done": "do",
    "made": "make",
    "gave": "give",
    "given": "give",
    "taught": "teach",
    "brought": "bring",
    "kept": "keep",
    "drove": "drive",
    "driven": "drive",
    "sold": "sell",
    "built": "build",
    "bought": "buy",
    "fed": "feed",
    "sang": "sing",
    "led": "lead",
    "met": "meet",
    "spoke": "speak",
    "wrote": "write",
    "written": "write",
    "went": "go",
    "had": "have",
    "paid": "pay",
    "grew": "grow",
    "grown": "grow",
    "held": "hold",
    "thought": "think",
    "found": "find",
}
_SUFFIXES = ("ings", "ing", "ed", "es", "s")
EXTRA_STOPWORDS = frozenset(
    "me him them us she he it this that these those all also very really year years since "
    "every day days week weeks month months time times when until after before just only "
    "client she's he's i'm".split()
)


def stem(token: str) -> str:
    token = IRREGULAR.get(token, token)
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            token = token[: -len(suffix)]
            if suffix in ("ing", "ed") and len(token) > 4 and token[-1] == token[-2]:
                token = token[:-1]
            break
    return token


@lru_cache(maxsize=1)
def _synonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    with SYNONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            canonical = normalise(row["canonical"])
            for variant in [row["canonical"], *row["variants"].split("|")]:
                folded = normalise(variant)
                if folded:
                    mapping[folded] = canonical
    # Longest variants first, whole words only.
    alternatives = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b")
    return pattern, mapping


def meaning_tokens(text: str) -> frozenset[str]:
    """The content words of a text after synonyms and stems: a bag for overlap scoring."""
    pattern, mapping = _synonyms()
    folded = pattern.sub(lambda m: mapping[m.group(1)], normalise(text))
    return frozenset(
        stem(t)
        for t in folded.split()
        if t not in STOPWORDS and t not in EXTRA_STOPWORDS and not t.isdigit()
    )
