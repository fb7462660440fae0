"""Screening of offers for discriminatory requirements.

The rules are data (``employers/data/screening_rules*.csv``, one file per language or more, plus
a service's own file named by ``TANDEM_SCREENING_RULES``): a regular expression per rule, with
its ground and a suggested neutral rewording, in any language. Legitimate look-alikes
("(m/w/d)", a legal minimum age, "equal opportunities employer") are an allow-list in the same
form (``screening_allow*.csv``); a finding inside an allowed phrase is dropped.

Whom a phrase is about is data too (``screening_context*.csv``): words just before or after a
finding that say it describes the person sought ("we are looking for", "candidates must",
"need not apply") hold it; words that say it describes the work, the people served or the
products ("you will support", "patients with", "products of") let it pass. The nearer cue wins
(at equal distance, the one for the person sought). A rule marked ``needs=sought`` (a phrase
mostly written about clients, such as "mental illness") holds only with such a cue.

The rules read a normalised copy of the text (``screening_text``): invisible characters
dropped, NFKC, look-alike letters folded; each finding's span points into the original.

A finding may carry a ``replacement``: neutral words for its span, from the rewordings data
(``screening_rewordings``); ``Screener.apply`` puts them in place of the span, for the form's
one-click rewording.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from employers.screening_rewordings import Rewordings, read_rewordings, shipped_rewordings, splice
from employers.screening_text import normalise
from models.errors import Conflict

DATA = Path(__file__).parent / "data"
CUE_GAP_WORDS = 3  # how many words may stand between a context cue and the finding
CLAUSE_CHARS = 200  # how far a context cue is looked for, within the clause


class Ground(StrEnum):
    age = "age"
    sex = "sex"
    family_status = "family_status"
    origin = "origin"
    religion = "religion"
    disability_health = "disability_health"
    sexual_orientation = "sexual_orientation"
    appearance = "appearance"


def N_(message: str) -> str:
    """Marks a message for extraction; the pages translate it when shown."""
    return message


#: Each ground in plain words, as a page shows it beside a finding (translated there: the
#: services stay free of the reader's language).
GROUND_WORDS: dict[Ground, str] = {
    Ground.age: N_("age"),
    Ground.sex: N_("sex or gender"),
    Ground.family_status: N_("family status"),
    Ground.origin: N_("ethnic or national origin"),
    Ground.religion: N_("religion or belief"),
    Ground.disability_health: N_("disability or health"),
    Ground.sexual_orientation: N_("sexual orientation"),
    Ground.appearance: N_("appearance"),
}


class CueKind(StrEnum):
    sought = "sought"  # the phrase describes the person sought: hold it
    served = "served"  # the phrase describes the work, the people served or the products


class CuePosition(StrEnum):
    before = "before"
    after = "after"


@dataclass(frozen=True)
class Rule:
    id: str
    language: str
    ground: Ground
    pattern: re.Pattern[str]
    suggestion: str
    needs_sought: bool = False
    gate: re.Pattern[str] | None = None  # the rule runs only on a text this finds (speed)


@dataclass(frozen=True)
class ContextCue:
    """Words near a finding that say whom it is about; ``grounds`` empty means every ground."""

    id: str
    language: str
    kind: CueKind
    position: CuePosition
    grounds: frozenset[Ground]
    pattern: re.Pattern[str]

    def applies(self, ground: Ground) -> bool:
        return not self.grounds or ground in self.grounds


@dataclass(frozen=True)
class Finding:
    ground: str
    rule: str
    span: str
    suggestion: str
    field: str
    start: int
    end: int
    replacement: str | None = None  # neutral words for the span ("" removes it); None: none

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RulesFileError(ValueError):
    pass


class TextChanged(Conflict):
    """The text at a finding's span is no longer the phrase it matched."""

    def __init__(self, field: str) -> None:
        super().__init__(
            f"the text of {field} changed since it was screened: screen it again", field=field
        )


def _compile(path: Path, line: int, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RulesFileError(f"{path}:{line}: pattern does not compile: {exc}") from exc


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _ground(path: Path, line: int, value: str | None) -> Ground:
    try:
        return Ground((value or "").strip())
    except ValueError as exc:
        raise RulesFileError(f"{path}:{line}: unknown ground {value!r}") from exc


def read_rules(path: Path) -> list[Rule]:
    rules = []
    for line, row in enumerate(_rows(path), start=2):
        ground = _ground(path, line, row.get("ground"))
        needs = (row.get("needs") or "").strip()
        if needs not in ("", CueKind.sought.value):
            raise RulesFileError(f"{path}:{line}: needs must be empty or 'sought', not {needs!r}")
        rules.append(
            Rule(
                row["id"].strip(),
                row["language"].strip(),
                ground,
                _compile(path, line, row["pattern"]),
                row["suggestion"].strip(),
                needs == CueKind.sought.value,
            )
        )
    return rules


def read_allowed(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (row["language"].strip(), _compile(path, line, row["pattern"]))
        for line, row in enumerate(_rows(path), start=2)
    ]


def read_context(path: Path) -> list[ContextCue]:
    """Context cues (``id,language,kind,position,grounds,gap,pattern``): kind ``sought`` or
    ``served``, position ``before`` or ``after`` the finding, grounds ``*`` or a list split by
    ``;``, gap the most words between cue and finding (empty: three), within its clause."""
    cues = []
    word = r"[\w'’-]+"
    for line, row in enumerate(_rows(path), start=2):
        try:
            kind = CueKind((row.get("kind") or "").strip())
            position = CuePosition((row.get("position") or "").strip())
        except ValueError as exc:
            raise RulesFileError(f"{path}:{line}: {exc}") from exc
        names = [g for g in (row.get("grounds") or "*").replace(" ", "").split(";") if g]
        grounds = frozenset(_ground(path, line, g) for g in names if g != "*")
        pattern = row["pattern"]
        _compile(path, line, pattern)
        gap_text = (row.get("gap") or "").strip()
        if gap_text and not gap_text.isdigit():
            raise RulesFileError(f"{path}:{line}: gap must be a number of words, not {gap_text!r}")
        gap = int(gap_text) if gap_text else CUE_GAP_WORDS
        if position is CuePosition.before:
            anchored = rf"(?:{pattern})(?P<gap>(?:\W+{word}){{0,{gap}}}?)\W*$"
        else:
            anchored = rf"^\W*(?P<gap>(?:{word}\W+){{0,{gap}}}?)(?:{pattern})"
        cues.append(
            ContextCue(
                row["id"].strip(),
                row["language"].strip(),
                kind,
                position,
                grounds,
                _compile(path, line, anchored),
            )
        )
    return cues


@dataclass(frozen=True)
class GroupTerm:
    """Words that name people by a protected ground ("Muslims", "wheelchair users")."""

    language: str
    ground: Ground
    pattern: str
    suggestion: str


@dataclass(frozen=True)
class Frame:
    """A way of excluding or preferring people, with ``{term}`` where the group stands
    ("{term} need not apply", "no {term}"); ``grounds`` empty means every ground."""

    id: str
    language: str
    grounds: frozenset[Ground]
    pattern: str


def read_terms(path: Path) -> list[GroupTerm]:
    terms = []
    for line, row in enumerate(_rows(path), start=2):
        _compile(path, line, row["pattern"])
        terms.append(
            GroupTerm(
                row["language"].strip(),
                _ground(path, line, row.get("ground")),
                row["pattern"],
                (row.get("suggestion") or "").strip(),
            )
        )
    return terms


def read_frames(path: Path) -> list[Frame]:
    frames = []
    for line, row in enumerate(_rows(path), start=2):
        pattern = row["pattern"]
        if "{term}" not in pattern:
            raise RulesFileError(f"{path}:{line}: a frame needs {{term}} where the group stands")
        _compile(path, line, pattern.replace("{term}", "x"))
        names = [g for g in (row.get("grounds") or "*").replace(" ", "").split(";") if g]
        grounds = frozenset(_ground(path, line, g) for g in names if g != "*")
        frames.append(Frame(row["id"].strip(), row["language"].strip(), grounds, pattern))
    return frames


def frame_rules(terms: list[GroupTerm], frames: list[Frame]) -> list[Rule]:
    """One rule per language and ground: every frame of the language with the ground's terms
    in place of ``{term}`` (rule id ``<language>-frame-<ground>``)."""
    rules = []
    languages = sorted({t.language for t in terms} & {f.language for f in frames})
    for language in languages:
        for ground in Ground:
            mine = [t for t in terms if t.language == language and t.ground is ground]
            applicable = [
                f
                for f in frames
                if f.language == language and (not f.grounds or ground in f.grounds)
            ]
            if not mine or not applicable:
                continue
            term = "(?:" + "|".join(f"(?:{t.pattern})" for t in mine) + ")"
            pattern = "|".join(f"(?:{f.pattern.replace('{term}', term)})" for f in applicable)
            suggestion = next((t.suggestion for t in mine if t.suggestion), "")
            rules.append(
                Rule(
                    f"{language}-frame-{ground.value}",
                    language,
                    ground,
                    re.compile(pattern, re.IGNORECASE),
                    suggestion,
                    gate=re.compile(rf"\b{term}", re.IGNORECASE),
                )
            )
    return rules


def _shipped(prefix: str) -> list[Path]:
    return sorted(DATA.glob(f"{prefix}*.csv"))


_BOUNDARY = re.compile(r"[.;!?\n•]")


class Screener:
    def __init__(
        self,
        rules: list[Rule],
        allowed: list[tuple[str, re.Pattern[str]]],
        context: list[ContextCue] | None = None,
        rewordings: Rewordings | None = None,
    ) -> None:
        ids = [r.id for r in rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise RulesFileError(f"rule ids used twice: {', '.join(duplicates)}")
        self.rules = rules
        self.allowed = allowed
        self.context = context or []
        self.rewordings = rewordings or Rewordings([])

    @classmethod
    def from_files(
        cls,
        extra_rules: Path | None = None,
        extra_allowed: Path | None = None,
        extra_context: Path | None = None,
        extra_rewordings: Path | None = None,
    ) -> Screener:
        """The shipped rules, allow-list, context cues and rewordings (every language's files),
        plus a service's own (any language, no code; its rewordings tried first). Built once
        per set of files and their modification times: the rules compile to several hundred
        patterns, more than ``re`` keeps cached, so building them for every app or request
        would cost seconds."""
        return _built(
            *(
                (path, path.stat().st_mtime_ns) if path is not None else (None, 0)
                for path in (extra_rules, extra_allowed, extra_context, extra_rewordings)
            )
        )

    @classmethod
    def _from_files(
        cls,
        extra_rules: Path | None,
        extra_allowed: Path | None,
        extra_context: Path | None,
        extra_rewordings: Path | None = None,
    ) -> Screener:
        rules = [r for path in _shipped("screening_rules") for r in read_rules(path)]
        rules += frame_rules(
            [t for path in _shipped("screening_terms") for t in read_terms(path)],
            [f for path in _shipped("screening_frames") for f in read_frames(path)],
        )
        allowed = [a for path in _shipped("screening_allow") for a in read_allowed(path)]
        context = [c for path in _shipped("screening_context") for c in read_context(path)]
        if extra_rules is not None:
            rules += read_rules(extra_rules)
        if extra_allowed is not None:
            allowed += read_allowed(extra_allowed)
        if extra_context is not None:
            context += read_context(extra_context)
        rewordings = read_rewordings(extra_rewordings) if extra_rewordings is not None else []
        return cls(rules, allowed, context, Rewordings(rewordings + shipped_rewordings()))

    def _cue(self, text: str, start: int, end: int, ground: Ground) -> tuple[CueKind, int] | None:
        """The nearest context cue around ``text[start:end]`` and how many words away."""
        left = text[max(0, start - CLAUSE_CHARS) : start]
        cut = [m.end() for m in _BOUNDARY.finditer(left)]
        before = left[cut[-1] :] if cut else left
        right = text[end : end + CLAUSE_CHARS]
        stop = _BOUNDARY.search(right)
        after = right[: stop.start()] if stop else right
        best: tuple[CueKind, int] | None = None
        for cue in self.context:
            if not cue.applies(ground):
                continue
            if cue.position is CuePosition.before:
                hit = cue.pattern.search(before)
            else:
                hit = cue.pattern.match(after)
            if hit is None:
                continue
            distance = len(re.findall(r"[\w'’-]+", hit.group("gap")))
            if (
                best is None
                or distance < best[1]
                or (distance == best[1] and cue.kind is CueKind.sought)
            ):
                best = (cue.kind, distance)
        return best

    def screen(self, text: str, field: str = "text") -> list[Finding]:
        """Every finding in a text, in reading order; overlapping hits of one ground count once."""
        normal = normalise(text)
        read = normal.text
        allowed_spans: list[tuple[int, int]] | None = None  # found on the first hit only
        found: list[tuple[int, int, Rule]] = []
        for rule in self.rules:
            if rule.gate is not None and rule.gate.search(read) is None:
                continue
            for hit in rule.pattern.finditer(read):
                start, end = hit.start(), hit.end()
                if end == start:
                    continue
                if allowed_spans is None:
                    allowed_spans = [
                        (m.start(), m.end())
                        for _lang, pattern in self.allowed
                        for m in pattern.finditer(read)
                    ]
                if any(a <= start and end <= b for a, b in allowed_spans):
                    continue
                cue = self._cue(read, start, end, rule.ground) if self.context else None
                if cue is None and rule.needs_sought:
                    continue
                if cue is not None and cue[0] is CueKind.served:
                    continue
                found.append((start, end, rule))
        findings = []
        for start, end, rule in found:
            o_start, o_end = normal.span(start, end)
            replacement = self.rewordings.for_phrase(
                rule.id, rule.language, read[start:end], read[:start], read[end:]
            )
            findings.append(
                Finding(
                    rule.ground.value,
                    rule.id,
                    text[o_start:o_end],
                    rule.suggestion,
                    field,
                    o_start,
                    o_end,
                    replacement,
                )
            )
        # Of hits on the same words, the one with a rewording one click applies comes first.
        findings.sort(key=lambda f: (f.start, -f.end, f.replacement is None, f.rule))
        kept: list[Finding] = []
        for finding in findings:
            if any(
                k.ground == finding.ground and k.start < finding.end and finding.start < k.end
                for k in kept
            ):
                continue
            kept.append(finding)
        return kept

    def screen_fields(self, fields: Iterable[tuple[str, str]]) -> list[Finding]:
        return [f for name, text in fields for f in self.screen(text, name)]

    def apply(self, text: str, field: str, start: int, end: int, phrase: str) -> str:
        """``text`` with the finding at ``start:end`` replaced by its rewording: only while the
        text there is still ``phrase`` and the same screening still finds it there with a
        rewording (``TextChanged`` otherwise)."""
        if not 0 <= start < end <= len(text) or text[start:end] != phrase:
            raise TextChanged(field)
        for finding in self.screen(text, field):
            if (finding.start, finding.end) == (start, end) and finding.replacement is not None:
                return splice(text, start, end, finding.replacement)
        raise TextChanged(field)


@functools.lru_cache(maxsize=16)
def _built(
    rules: tuple[Path | None, int],
    allowed: tuple[Path | None, int],
    context: tuple[Path | None, int],
    rewordings: tuple[Path | None, int] = (None, 0),
) -> Screener:
    """One screener per set of files (and their modification times)."""
    return Screener._from_files(rules[0], allowed[0], context[0], rewordings[0])
