"""Neutral rewordings a finding can offer: words that replace the phrase a rule matched, which
the employer's form applies in one click.

They are data (``employers/data/screening_rewordings*.csv``, one file per language or more,
plus a service's own file named by ``TANDEM_SCREENING_REWORDINGS``, read first so it can
override a shipped row), columns ``language,rule,pattern,replacement,unless_before,unless_after``:

- ``language``: the rule's language (``*`` for any); ``rule``: a rule id or a glob of them
  (``de-sex-title*``); the rule ids stay stable while their patterns are tuned.
- ``pattern``: a regular expression looked for (case-insensitive) in the matched phrase as the
  rules read it (normalised: no invisible characters, no look-alike letters); its first match
  is replaced by ``replacement``, which may use the pattern's groups (``\\1``, ``\\g<name>``).
  Anchor with ``^`` and ``$`` to require the whole phrase. An empty replacement removes the
  phrase (an age limit: the advice stays beside it).
- ``unless_before``: a regular expression; when the text just before the phrase ends with a
  match, no rewording is offered ("must be under 30": removing "under 30" would leave the
  sentence without its end); ``unless_after``: likewise when the text just after the phrase
  starts with a match ("Verkäufer (m)": the bracket is a finding of its own).

The first row that fits gives the rewording; a phrase no row fits has none, and only the
advice shows. A rewording never changes what the job is: rows name the same work in neutral
words, or drop a condition on the person.
"""

from __future__ import annotations

import csv
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
_GROUP_NUMBER = re.compile(r"\\(\d+)|\\g<(\d+)>")
_GROUP_NAME = re.compile(r"\\g<([A-Za-z_]\w*)>")
_CONTEXT_CHARS = 60  # how much of the text before a phrase ``unless_before`` reads


class RewordingsFileError(ValueError):
    pass


@dataclass(frozen=True)
class Rewording:
    language: str
    rule: str  # a rule id or a glob of them
    pattern: re.Pattern[str]
    replacement: str
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None

    def fits(self, rule_id: str, language: str) -> bool:
        return self.language in ("*", language) and fnmatch.fnmatchcase(rule_id, self.rule)


def _compile(path: Path, line: int, column: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RewordingsFileError(f"{path}:{line}: {column} does not compile: {exc}") from exc


def read_rewordings(path: Path) -> list[Rewording]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rewordings = []
    for line, row in enumerate(rows, start=2):
        rule = (row.get("rule") or "").strip()
        language = (row.get("language") or "").strip()
        if not rule or not language:
            raise RewordingsFileError(f"{path}:{line}: a rewording needs a language and a rule")
        pattern = _compile(path, line, "pattern", row.get("pattern") or "")
        replacement = row.get("replacement") or ""
        for plain, braced in _GROUP_NUMBER.findall(replacement):
            if int(plain or braced) > pattern.groups:
                raise RewordingsFileError(
                    f"{path}:{line}: the pattern has no group {plain or braced}"
                )
        for name in _GROUP_NAME.findall(replacement):
            if name not in pattern.groupindex:
                raise RewordingsFileError(f"{path}:{line}: the pattern has no group {name!r}")
        unless = (row.get("unless_before") or "").strip()
        unless_after = (row.get("unless_after") or "").strip()
        rewordings.append(
            Rewording(
                language,
                rule,
                pattern,
                replacement.strip(),
                _compile(path, line, "unless_before", rf"(?:{unless})\s*$") if unless else None,
                _compile(path, line, "unless_after", rf"(?:{unless_after})")
                if unless_after
                else None,
            )
        )
    return rewordings


def shipped_rewordings() -> list[Rewording]:
    return [
        r for path in sorted(DATA.glob("screening_rewordings*.csv")) for r in read_rewordings(path)
    ]


def _same_case(found: str, words: str) -> str:
    """``words`` starting with a capital where the phrase it replaces did."""
    first = next((c for c in found if c.isalpha()), "")
    for i, char in enumerate(words):
        if char.isalpha():
            if first.isupper() and char.islower():
                return words[:i] + char.upper() + words[i + 1 :]
            return words
    return words


class Rewordings:
    """The rows in the order they are tried (a service's own first)."""

    def __init__(self, rows: list[Rewording]) -> None:
        self.rows = rows

    def for_phrase(
        self, rule_id: str, language: str, phrase: str, before: str, after: str
    ) -> str | None:
        """The words that replace ``phrase`` (as the rules read it), or None where no row fits;
        ``before`` and ``after`` are the text around the phrase."""
        for row in self.rows:
            if not row.fits(rule_id, language):
                continue
            hit = row.pattern.search(phrase)
            if hit is None:
                continue
            if row.unless_before is not None and row.unless_before.search(before[-_CONTEXT_CHARS:]):
                return None
            if row.unless_after is not None and row.unless_after.match(after[:_CONTEXT_CHARS]):
                return None
            words = _same_case(hit.group(0), hit.expand(row.replacement)) if row.replacement else ""
            reworded = phrase[: hit.start()] + words + phrase[hit.end() :]
            if not reworded.strip():
                return ""
            return None if reworded == phrase else reworded
        return None


def splice(text: str, start: int, end: int, words: str) -> str:
    """``text`` with ``text[start:end]`` replaced by ``words``. A removal leaves one space
    between the words around it (none before punctuation or at a line's start)."""
    if words:
        return text[:start] + words + text[end:]
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    if not before or before.endswith("\n"):
        return before + after.lstrip(" \t,;:")
    if not after or after[0] in "\n,.;:!?)":
        return before + after
    return before + " " + after
