"""Tests for the shipped reference data (NACE Rev. 2, ISCED 2011, CEFR, ISO 639)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models import reference
from models.reference import (
    CEFR_LEVELS,
    NaceDivision,
    cefr_rank,
    is_cefr_level,
    is_isced_level,
    is_language_code,
    is_nace_code,
    isced_levels,
    languages,
    nace_divisions,
    nace_label,
    nace_sections,
)

DATA_DIR = Path(reference.__file__).parent / "reference_data"

# Official NACE Rev. 2 division codes (gaps at 04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89).
EXPECTED_DIVISIONS = (
    ["01", "02", "03", "05", "06", "07", "08", "09"]
    + [f"{n:02d}" for n in range(10, 34)]
    + ["35", "36", "37", "38", "39", "41", "42", "43", "45", "46", "47"]
    + ["49", "50", "51", "52", "53", "55", "56", "58", "59", "60", "61", "62", "63"]
    + ["64", "65", "66", "68", "69", "70", "71", "72", "73", "74", "75"]
    + ["77", "78", "79", "80", "81", "82", "84", "85", "86", "87", "88"]
    + ["90", "91", "92", "93", "94", "95", "96", "97", "98", "99"]
)


def _rows(filename: str) -> list[dict[str, str]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- NACE Rev. 2 -------------------------------------------------------------


def test_nace_has_21_sections_a_to_u() -> None:
    assert list(nace_sections()) == [chr(c) for c in range(ord("A"), ord("U") + 1)]


def test_nace_has_the_88_official_divisions() -> None:
    divisions = nace_divisions()
    assert len(divisions) == 88
    assert list(divisions) == EXPECTED_DIVISIONS


def test_nace_codes_unique_in_file() -> None:
    rows = _rows("nace_rev2.csv")
    assert len(rows) == 21 + 88
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    assert {row["level"] for row in rows} == {"section", "division"}


def test_every_division_belongs_to_an_existing_section() -> None:
    sections = nace_sections()
    for code, division in nace_divisions().items():
        assert division.code == code
        assert division.section in sections
        assert division.label


def test_every_section_has_a_division() -> None:
    used = {division.section for division in nace_divisions().values()}
    assert used == set(nace_sections())


def test_section_rows_point_to_themselves() -> None:
    for row in _rows("nace_rev2.csv"):
        if row["level"] == "section":
            assert row["section"] == row["code"]


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("01", "A"),
        ("09", "B"),
        ("10", "C"),
        ("33", "C"),
        ("35", "D"),
        ("39", "E"),
        ("43", "F"),
        ("47", "G"),
        ("53", "H"),
        ("56", "I"),
        ("63", "J"),
        ("66", "K"),
        ("68", "L"),
        ("75", "M"),
        ("82", "N"),
        ("84", "O"),
        ("85", "P"),
        ("88", "Q"),
        ("93", "R"),
        ("96", "S"),
        ("98", "T"),
        ("99", "U"),
    ],
)
def test_division_sections(code: str, section: str) -> None:
    assert nace_divisions()[code].section == section


def test_known_nace_labels() -> None:
    assert nace_divisions()["10"] == NaceDivision(
        code="10", label="Manufacture of food products", section="C"
    )
    assert nace_label("Q") == "Human health and social work activities"
    assert nace_label("C") == "Manufacturing"
    assert nace_label("86") == "Human health activities"
    assert nace_label("78") == "Employment activities"


def test_nace_label_unknown_raises_key_error() -> None:
    with pytest.raises(KeyError):
        nace_label("04")
    with pytest.raises(KeyError):
        nace_label("V")


@pytest.mark.parametrize("code", ["A", "U", "01", "10", "99"])
def test_is_nace_code_accepts(code: str) -> None:
    assert is_nace_code(code)


@pytest.mark.parametrize("code", ["", "V", "a", "1", "04", "34", "100", "10.1", " 10"])
def test_is_nace_code_rejects(code: str) -> None:
    assert not is_nace_code(code)


def test_nace_accessors_return_copies() -> None:
    nace_sections()["Z"] = "bogus"
    nace_divisions().pop("10")
    assert "Z" not in nace_sections()
    assert "10" in nace_divisions()


# --- ISCED 2011 ---------------------------------------------------------------


def test_isced_levels_are_exactly_0_to_8() -> None:
    levels = isced_levels()
    assert list(levels) == list(range(9))
    assert levels[0] == "Early childhood education"
    assert levels[3] == "Upper secondary education"
    assert levels[6] == "Bachelor's or equivalent level"
    assert levels[8] == "Doctoral or equivalent level"


def test_is_isced_level() -> None:
    assert all(is_isced_level(level) for level in range(9))
    assert not is_isced_level(-1)
    assert not is_isced_level(9)
    assert not is_isced_level(True)


# --- CEFR ---------------------------------------------------------------------


def test_cefr_levels_in_order() -> None:
    assert CEFR_LEVELS == ("A1", "A2", "B1", "B2", "C1", "C2")


def test_cefr_ranks() -> None:
    assert [cefr_rank(level) for level in CEFR_LEVELS] == [1, 2, 3, 4, 5, 6]
    assert cefr_rank("A1") < cefr_rank("B2") < cefr_rank("C2")


def test_cefr_labels() -> None:
    labels = {row["level"]: row["label"] for row in _rows("cefr.csv")}
    assert labels["A1"] == "Breakthrough"
    assert labels["B1"] == "Threshold"
    assert labels["C2"] == "Mastery"


@pytest.mark.parametrize("level", ["Z9", "", "a1", "B3", "C", "A0"])
def test_unknown_cefr_levels(level: str) -> None:
    assert not is_cefr_level(level)
    with pytest.raises(KeyError):
        cefr_rank(level)


def test_is_cefr_level_accepts_all_levels() -> None:
    assert all(is_cefr_level(level) for level in CEFR_LEVELS)


# --- ISO 639 languages --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "English"),
        ("de", "German"),
        ("ar", "Arabic"),
        ("uk", "Ukrainian"),
        ("ti", "Tigrinya"),
        ("rom", "Romani"),
        ("rmy", "Vlax Romani"),
        ("kmr", "Northern Kurdish (Kurmanji)"),
        ("ckb", "Central Kurdish (Sorani)"),
        ("prs", "Dari"),
        ("apc", "Levantine Arabic"),
        ("gsg", "German Sign Language"),
    ],
)
def test_known_languages(code: str, name: str) -> None:
    assert languages()[code] == name
    assert is_language_code(code)


@pytest.mark.parametrize("code", ["EN", "En", "", "xx", "eng", "deu", "zzz", "en-GB", "sh"])
def test_is_language_code_rejects(code: str) -> None:
    assert not is_language_code(code)


def test_language_rows_are_well_formed() -> None:
    rows = _rows("languages.csv")
    assert {row["standard"] for row in rows} == {"639-1", "639-3"}
    for row in rows:
        code = row["code"]
        assert code.isascii(), code
        assert code.isalpha(), code
        assert code.islower(), code
        assert len(code) == (2 if row["standard"] == "639-1" else 3), code
        assert row["name"].strip() == row["name"] != ""


def test_language_codes_unique() -> None:
    codes = [row["code"] for row in _rows("languages.csv")]
    assert len(codes) == len(set(codes))
    assert len(languages()) == len(codes)


def test_language_counts() -> None:
    rows = _rows("languages.csv")
    two_letter = [row for row in rows if row["standard"] == "639-1"]
    three_letter = [row for row in rows if row["standard"] == "639-3"]
    # ISO 639-1 has 183 current codes; "bh" (Bihari languages) is still in the
    # ISO 639-2 table and is kept.
    assert len(two_letter) in (183, 184)
    assert len(three_letter) >= 40


def test_no_639_3_row_duplicates_a_639_1_language() -> None:
    rows = _rows("languages.csv")
    two_letter_names = {row["name"] for row in rows if row["standard"] == "639-1"}
    for row in rows:
        if row["standard"] == "639-3":
            assert row["name"] not in two_letter_names, row


def test_languages_returns_a_copy() -> None:
    languages()["xx"] = "bogus"
    assert not is_language_code("xx")
