"""Neutral rewordings a finding offers: the words that replace the phrase, applied in one click
on the employer's form. Each shipped rewording, applied, clears its finding; a phrase no row
fits has no rewording; a service adds its own rewordings as data, in any language."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from config.settings import Settings
from employers.screening import Finding, Screener, TextChanged
from employers.screening_rewordings import RewordingsFileError, splice
from matching.embedding import Embedder
from tests.world import World
from web.app import create_app


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_files()


def _only(screener: Screener, text: str, ground: str) -> Finding:
    (finding,) = [f for f in screener.screen(text) if f.ground == ground]
    return finding


@pytest.mark.parametrize(
    ("text", "ground", "reworded"),
    [
        # gendered job titles: the inclusive form of the title's language
        ("Verkäuferin gesucht", "sex", "Verkäufer/in (m/w/d) gesucht"),
        ("Wir suchen einen Verkäufer", "sex", "Wir suchen einen Verkäufer (m/w/d)"),
        ("Wir suchen eine Kellnerin", "sex", "Wir suchen eine/n Kellner/in (m/w/d)"),
        ("Serveur pour notre restaurant", "sex", "Serveur / Serveuse (H/F) pour notre restaurant"),
        ("Nous recherchons une serveuse", "sex", "Nous recherchons un(e) serveur / serveuse (H/F)"),
        ("Buscamos camarero", "sex", "Buscamos camarero/a"),
        ("Se buscan camareras", "sex", "Se buscan camareros/as"),
        ("Cercasi cameriere", "sex", "Cercasi cameriere/a"),
        ("Addetta alle pulizie", "sex", "Addetto/a alle pulizie"),
        ("Salesman wanted", "sex", "Salesperson wanted"),
        ("Foreman for the site", "sex", "Supervisor for the site"),
        ("Experienced salesmen", "sex", "Experienced salespeople"),
        # what the work asks instead of the person
        (
            "We need a strong man",
            "sex",
            "We need a person able to lift heavy loads (state the weight)",
        ),
        ("Food hygiene. He will manage the team", "sex", "Food hygiene. You will manage the team"),
        ("The candidate must have his own car", "sex", "The candidate must have their own car"),
        ("Er sollte belastbar sein", "sex", "Sie sollten belastbar sein"),
        # age euphemisms and limits (a limit is removed; the advice stays beside it)
        (
            "We are looking for a young and dynamic team member",
            "age",
            "We are looking for a motivated team member",
        ),
        ("Junges dynamisches Team", "age", "Motiviertes Team"),
        ("You are a digital native", "age", "You are a confident user of digital tools"),
        ("Recent graduates welcome", "age", "Graduates welcome"),
        ("Candidates under 30", "age", "Candidates"),
        ("Bewerber zwischen 20 und 30 Jahren gesucht", "age", "Bewerber gesucht"),
        # native speaker: the level the job needs
        ("Native speaker of German", "origin", "Fluent speaker (C1) of German"),
        ("Native English required", "origin", "English at C1 level required"),
    ],
)
def test_a_shipped_rewording_applied_clears_its_finding(
    screener: Screener, text: str, ground: str, reworded: str
) -> None:
    finding = _only(screener, text, ground)
    assert finding.replacement is not None
    applied = screener.apply(text, "text", finding.start, finding.end, finding.span)
    assert applied == reworded
    assert [f for f in screener.screen(applied) if f.ground == ground] == []


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen eine erfahrene Verkäuferin",  # the adjective would need declining
        "Köchin gesucht",  # Koch/Köchin: no row names the pair
        "Candidates must be aged 20-30",  # removing the range would leave "must be"
        "must be under 30",
        "Verkäufer (m)",  # the bracket is a finding of its own: the title gets no marker too
    ],
)
def test_a_phrase_no_sound_rewording_fits_gets_the_advice_only(
    screener: Screener, text: str
) -> None:
    findings = screener.screen(text)
    assert findings
    assert all(f.suggestion and f.replacement is None for f in findings)


def test_the_rewording_reads_past_invisible_characters_and_the_span_stays_original(
    screener: Screener,
) -> None:
    text = "Sales\u200bman wanted"
    finding = _only(screener, text, "sex")
    assert finding.span == "Sales\u200bman"
    assert screener.apply(text, "text", finding.start, finding.end, finding.span) == (
        "Salesperson wanted"
    )


def test_applying_refuses_a_text_changed_since_it_was_screened(screener: Screener) -> None:
    text = "Salesman wanted"
    finding = _only(screener, text, "sex")
    with pytest.raises(TextChanged):
        screener.apply("Sales rep wanted", "text", finding.start, finding.end, finding.span)
    with pytest.raises(TextChanged):  # the same words, but no rewording there
        screener.apply("Köchin wanted", "text", 0, 6, "Köchin")
    with pytest.raises(TextChanged):
        screener.apply(text, "text", 0, 99, text)


def test_a_removal_leaves_no_double_space_nor_a_stray_comma() -> None:
    assert splice("Staff aged 20-30 wanted", 6, 16, "") == "Staff wanted"
    assert splice("Aged 20-30, reliable", 0, 10, "") == "reliable"
    assert splice("Candidates under 30.", 11, 19, "") == "Candidates."
    assert splice("Salesman wanted", 0, 8, "Salesperson") == "Salesperson wanted"


def test_a_service_adds_an_italian_rewording_as_data(tmp_path: Path) -> None:
    text = "Madrelingua italiana richiesta"
    shipped = _only(Screener.from_files(), text, "origin")
    assert shipped.replacement is None
    own = tmp_path / "rewordings-it.csv"
    own.write_text(
        "language,rule,pattern,replacement,unless_before,unless_after\n"
        "it,it-origin-native,^madrelingua$,ottima conoscenza (C1) della lingua,,"
        "(?!\\s+(?:italiana|inglese|tedesca)\\b)\n",
        encoding="utf-8",
    )
    screener = Screener.from_files(extra_rewordings=own)
    finding = _only(screener, text, "origin")
    assert finding.replacement == "Ottima conoscenza (C1) della lingua"
    applied = screener.apply(text, "text", finding.start, finding.end, finding.span)
    assert applied == "Ottima conoscenza (C1) della lingua italiana richiesta"
    assert [f for f in screener.screen(applied) if f.ground == "origin"] == []
    # The row's own guard: without the language after it, no rewording.
    assert _only(screener, "Madrelingua richiesta", "origin").replacement is None


def test_a_service_row_overrides_a_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "rewordings.csv"
    own.write_text(
        "language,rule,pattern,replacement\nen,en-sex-title*,^foreman$,site supervisor\n",
        encoding="utf-8",
    )
    finding = _only(Screener.from_files(extra_rewordings=own), "Foreman wanted", "sex")
    assert finding.replacement == "Site supervisor"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("en,en-age-young,(young,motivated", "does not compile"),
        ("en,en-age-young,^young$,\\2 people", "no group 2"),
        (",en-age-young,^young$,motivated", "needs a language and a rule"),
    ],
)
def test_a_broken_rewordings_file_is_refused_naming_the_line(
    tmp_path: Path, row: str, problem: str
) -> None:
    own = tmp_path / "rewordings.csv"
    own.write_text(f"language,rule,pattern,replacement\n{row}\n", encoding="utf-8")
    with pytest.raises(RewordingsFileError, match=rf"rewordings.csv:2: .*{problem}"):
        Screener.from_files(extra_rewordings=own)


def test_the_api_screen_result_carries_the_rewording_and_the_span(
    client: TestClient, world: World
) -> None:
    response = client.post(
        "/api/v1/offers/screen",
        json={"text": "Experienced salesman, max. 35 years old"},
        headers=world.headers("employer"),
    )
    assert response.status_code == 200
    by_ground = {f["ground"]: f for f in response.json()["findings"]}
    sex = by_ground["sex"]
    assert (sex["span"], sex["replacement"], sex["start"], sex["end"]) == (
        "salesman",
        "salesperson",
        12,
        20,
    )
    assert by_ground["age"]["replacement"] == ""  # an age limit: removed, the advice kept
    assert by_ground["age"]["suggestion"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["FindingRead"]
    assert "replacement" in schema["properties"]
    assert "replacement" not in schema.get("required", [])


def test_a_service_rewording_named_by_the_settings_reaches_the_api(
    settings: Settings, engine: Engine, embedder: Embedder, world: World, tmp_path: Path
) -> None:
    own = tmp_path / "rewordings-it.csv"
    own.write_text(
        "language,rule,pattern,replacement\n"
        "it,it-origin-native,^madrelingua$,ottima conoscenza (C1) della lingua\n",
        encoding="utf-8",
    )
    app = create_app(
        settings.model_copy(update={"screening_rewordings": own}), engine=engine, embedder=embedder
    )
    with TestClient(app, base_url="https://testserver") as client:
        response = client.post(
            "/api/v1/offers/screen",
            json={"text": "Madrelingua italiana"},
            headers=world.headers("employer"),
        )
    (finding,) = response.json()["findings"]
    assert finding["replacement"] == "Ottima conoscenza (C1) della lingua"
