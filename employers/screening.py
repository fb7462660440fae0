"""Screening of offers for discriminatory requirements.

The rules are data (``employers/data/screening_rules.csv``, plus a service's own file named by
``TANDEM_SCREENING_RULES``): a regular expression per rule, with its ground and a suggested
neutral rewording, in any language. Legitimate look-alikes ("(m/w/d)", a legal minimum age,
"equal opportunities employer") are an allow-list in the same form; a finding inside an allowed
phrase is dropped.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


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


@dataclass(frozen=True)
class Rule:
    id: str
    language: str
    ground: Ground
    pattern: re.Pattern[str]
    suggestion: str


@dataclass(frozen=True)
class Finding:
    ground: str
    rule: str
    span: str
    suggestion: str
    field: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RulesFileError(ValueError):
    pass


def _compile(path: Path, line: int, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RulesFileError(f"{path}:{line}: pattern does not compile: {exc}") from exc


def read_rules(path: Path) -> list[Rule]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rules = []
    for line, row in enumerate(rows, start=2):
        try:
            ground = Ground(row["ground"].strip())
        except (ValueError, KeyError, AttributeError) as exc:
            raise RulesFileError(f"{path}:{line}: unknown ground {row.get('ground')!r}") from exc
        rules.append(
            Rule(
                row["id"].strip(),
                row["language"].strip(),
                ground,
                _compile(path, line, row["pattern"]),
                row["suggestion"].strip(),
            )
        )
    return rules


def read_allowed(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["language"].strip(), _compile(path, line, row["pattern"]))
            for line, row in enumerate(csv.DictReader(handle), start=2)
        ]


class Screener:
    def __init__(self, rules: list[Rule], allowed: list[tuple[str, re.Pattern[str]]]) -> None:
        ids = [r.id for r in rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise RulesFileError(f"rule ids used twice: {', '.join(duplicates)}")
        self.rules = rules
        self.allowed = allowed

    @classmethod
    def from_files(
        cls, extra_rules: Path | None = None, extra_allowed: Path | None = None
    ) -> Screener:
        """The shipped rules and allow-list, plus a service's own (any language, no code)."""
        rules = read_rules(DATA / "screening_rules.csv")
        allowed = read_allowed(DATA / "screening_allow.csv")
        if extra_rules is not None:
            rules += read_rules(extra_rules)
        if extra_allowed is not None:
            allowed += read_allowed(extra_allowed)
        return cls(rules, allowed)

    def screen(self, text: str, field: str = "text") -> list[Finding]:
        """Every finding in a text, in reading order; overlapping hits of one ground count once."""
        allowed_spans = [
            (m.start(), m.end()) for _lang, pattern in self.allowed for m in pattern.finditer(text)
        ]
        findings: list[Finding] = []
        for rule in self.rules:
            for hit in rule.pattern.finditer(text):
                if hit.end() == hit.start():
                    continue
                if any(a <= hit.start() and hit.end() <= b for a, b in allowed_spans):
                    continue
                findings.append(
                    Finding(
                        rule.ground.value,
                        rule.id,
                        hit.group(0),
                        rule.suggestion,
                        field,
                        hit.start(),
                        hit.end(),
                    )
                )
        findings.sort(key=lambda f: (f.start, -f.end, f.rule))
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
