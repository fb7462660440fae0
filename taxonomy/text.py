"""Text folding shared by every label look-up: case, accents, punctuation, plurals, word order."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset(
    "a an and as at be by for from have i in into is it my of on or our the to we with you "
    "your their his her they was were can will able good basic".split()
)
_NON_WORD = re.compile(r"[^0-9a-z+#]+")
_KEEP_S = ("ss", "us", "is", "ous", "ics")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.split(plain)).strip()


@lru_cache(maxsize=65536)
def singular(token: str) -> str:
    """A cheap English singular: enough to make 'forklifts' meet 'forklift'."""
    if len(token) <= 3 or token.endswith(_KEEP_S):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    if token.endswith("s"):
        return token[:-1]
    return token


def normalise(text: str) -> str:
    """The look-up key of a label or phrase: folded, each word singular, order kept."""
    return " ".join(singular(t) for t in fold(text).split())


def word_bag(normalised: str) -> str:
    """The same key with words sorted, so that 'cash register operate' meets 'operate cash
    register'."""
    return " ".join(sorted(set(normalised.split())))
