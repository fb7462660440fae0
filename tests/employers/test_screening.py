"""The screener on its own: shipped rules in four languages, look-alikes that pass, and rules a
service adds for its own language without code."""

from __future__ import annotations

from pathlib import Path

import pytest

from employers.screening import RulesFileError, Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_files()


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("Candidates aged 20-30 preferred", "age"),
        ("Junges dynamisches Team sucht Verstärkung, max. 35 Jahre", "age"),
        ("Homme uniquement pour ce poste", "sex"),
        ("Se busca camarera", "sex"),
        ("Native English speaker required", "origin"),
        ("Langue maternelle française exigée", "origin"),
        ("Keine Kinder, ledig bevorzugt", "family_status"),
        ("No headscarf at the counter", "religion"),
        ("En parfaite santé", "disability_health"),
        ("Buena presencia imprescindible", "appearance"),
    ],
)
def test_discriminatory_wording_is_found_with_its_ground(
    screener: Screener, text: str, ground: str
) -> None:
    findings = screener.screen(text)
    assert ground in {f.ground for f in findings}
    for finding in findings:
        assert text[finding.start : finding.end] == finding.span
        assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Servicekraft (m/w/d) gesucht",
        "Serveur (H/F) pour notre brasserie",
        "We are an equal opportunities employer",
        "Driving licence B and German at B1 level",
        "Night shifts, lifting up to 20 kg with aids",
    ],
)
def test_legitimate_requirements_pass(screener: Screener, text: str) -> None:
    assert screener.screen(text) == []


def test_a_service_adds_rules_in_its_own_language_without_code(tmp_path: Path) -> None:
    rules = tmp_path / "pl.csv"
    rules.write_text(
        "id,language,ground,pattern,suggestion\n"
        "pl-age-max,pl,age,\\bdo\\s+\\d{2}\\s+lat\\b,Opisz umiejętności zamiast wieku\n",
        encoding="utf-8",
    )
    screener = Screener.from_files(extra_rules=rules)
    (finding,) = [f for f in screener.screen("Kelner, do 30 lat") if f.rule == "pl-age-max"]
    assert (finding.ground, finding.span) == ("age", "do 30 lat")


def test_a_broken_rules_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    rules = tmp_path / "bad.csv"
    rules.write_text(
        "id,language,ground,pattern,suggestion\nx-1,xx,age,(unclosed,Fix it\n", encoding="utf-8"
    )
    with pytest.raises(RulesFileError, match="bad.csv:2"):
        Screener.from_files(extra_rules=rules)
    rules.write_text(
        "id,language,ground,pattern,suggestion\nx-1,xx,height,tall,Fix\n", encoding="utf-8"
    )
    with pytest.raises(RulesFileError, match="unknown ground"):
        Screener.from_files(extra_rules=rules)
