"""Each part of a client's profile edited from the page: through the API's schema and
service, refused input beside its field with what was typed kept, nothing stored when refused,
a stale form refused; a statement's stage changed; another concept chosen for a statement."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.world import World
from web.labels import ISCED


def _form(client: TestClient, client_id: int, action: str) -> dict[str, Any]:
    """The values a form on the client page would send as it is."""
    page = soup(client.get(f"/clients/{client_id}"))
    form = page.find("form", attrs={"action": f"/clients/{client_id}/{action}"})
    assert form is not None, action
    values: dict[str, Any] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = str(field.get("name"))
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            values[name] = str(chosen.get("value", "")) if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                values.setdefault(name, []).append(str(field["value"]))
        else:
            values[name] = str(field.get("value", ""))
    return values


def _read(client: TestClient, world: World, client_id: int) -> dict[str, Any]:
    answer = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker"))
    result: dict[str, Any] = answer.json()
    return result


def test_languages_are_added_changed_and_removed_with_their_cefr_level(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, "languages")
    values.update({"languages-0-language": "de", "languages-0-level": "B1"})
    values.update({"languages-1-language": "ar", "languages-1-level": "C2"})
    saved = client.post(f"/clients/{client_id}/languages", data=values)
    assert saved.status_code == 200
    assert {(x["language"], x["level"]) for x in _read(client, world, client_id)["languages"]} == {
        ("de", "B1"),
        ("ar", "C2"),
    }
    values = _form(client, client_id, "languages")
    assert values["languages-0-language"] == "de"
    values.update({"languages-0-level": "B2", "languages-1-language": "", "languages-1-level": ""})
    client.post(f"/clients/{client_id}/languages", data=values)
    assert [(x["language"], x["level"]) for x in _read(client, world, client_id)["languages"]] == [
        ("de", "B2")
    ]


def test_a_language_refused_beside_its_row_keeps_what_was_typed_and_stores_nothing(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, "languages")
    # The first row left empty: the error names the second row, as the page numbers it.
    values.update({"languages-1-language": "klingon", "languages-1-level": "B1"})
    refused = client.post(f"/clients/{client_id}/languages", data=values)
    assert refused.status_code == 422
    page = soup(refused)
    assert page.select_one(".error-summary a[href='#languages-1-language']") is not None
    assert page.select_one("#languages-1-language-error") is not None
    typed = page.find("input", attrs={"name": "languages-1-language"})
    assert typed is not None
    assert typed["value"] == "klingon"
    assert _read(client, world, client_id)["languages"] == []
    values.update({"languages-0-language": "de", "languages-0-level": "B1"})
    values.update({"languages-1-language": "DE", "languages-1-level": "A2"})
    twice = client.post(f"/clients/{client_id}/languages", data=values)
    assert twice.status_code == 422
    assert soup(twice).select_one("#languages-error") is not None
    assert _read(client, world, client_id)["languages"] == []


def test_education_and_a_foreign_qualification_with_its_recognition(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, "education")
    values.update(
        {
            "isced_level": "3",
            "qualifications-0-title": "Baccalaureate",
            "qualifications-0-country": "sy",
            "qualifications-0-isced_level": "3",
            "qualifications-0-recognition": "pending",
        }
    )
    saved = client.post(f"/clients/{client_id}/education", data=values)
    assert saved.status_code == 200
    read = _read(client, world, client_id)
    assert read["isced_level"] == 3
    [qualification] = read["qualifications"]
    assert qualification["country"] == "SY"
    assert qualification["recognition"] == "pending"
    facts = soup(saved).select_one(".facts")
    assert facts is not None
    assert "Baccalaureate, SY (Pending)" in facts.get_text(" ", strip=True)

    values = _form(client, client_id, "education")
    values.update({"qualifications-1-title": "Cook", "qualifications-1-country": "Syria"})
    refused = client.post(f"/clients/{client_id}/education", data=values)
    assert refused.status_code == 422
    page = soup(refused)
    assert page.select_one("#qualifications-1-country-error") is not None
    typed = page.find("input", attrs={"name": "qualifications-1-title"})
    assert typed is not None
    assert typed["value"] == "Cook"
    assert len(_read(client, world, client_id)["qualifications"]) == 1


def test_right_to_work_licences_limits_and_time_windows(client: TestClient, world: World) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, "conditions")
    values.update(
        {
            "right_to_work": "pending",
            "driving_licences": ["B", "C1"],
            "own_vehicle": "true",
            "functional_limits": ["no_heavy_lifting"],
            "unavailable_schedules": ["night", "weekend"],
        }
    )
    saved = client.post(f"/clients/{client_id}/conditions", data=values)
    assert saved.status_code == 200
    read = _read(client, world, client_id)
    assert read["right_to_work"] == "pending"
    assert read["driving_licences"] == ["B", "C1"]
    assert read["own_vehicle"] is True
    assert read["functional_limits"] == ["no_heavy_lifting"]
    assert read["unavailable_schedules"] == ["night", "weekend"]
    again = _form(client, client_id, "conditions")
    assert again["unavailable_schedules"] == ["night", "weekend"]

    again["driving_licences"] = ["B", "Z9"]
    refused = client.post(f"/clients/{client_id}/conditions", data=again)
    assert refused.status_code == 422
    page = soup(refused)
    assert page.select_one(".error-summary") is not None
    ticked = page.find("input", attrs={"id": "unavailable_schedules-night"})
    assert ticked is not None
    assert ticked.has_attr("checked")
    assert _read(client, world, client_id)["driving_licences"] == ["B", "C1"]


def test_a_form_opened_before_someone_else_changed_the_profile_is_refused(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, "conditions")
    answer = client.patch(
        f"/api/v1/clients/{client_id}",
        json={"right_to_work": "no"},
        headers=world.headers("caseworker"),
    )
    assert answer.status_code == 200
    stale = client.post(f"/clients/{client_id}/conditions", data={**values, "right_to_work": "yes"})
    assert stale.status_code == 422
    assert "Someone changed this profile" in stale.text
    assert _read(client, world, client_id)["right_to_work"] == "no"


def test_a_statements_stage_changes_and_keeps_its_words_and_concepts(
    client: TestClient, world: World
) -> None:
    client_id, skill_id = world.ids["client_a"], world.ids["skill_a"]
    sign_in(client, "cw@tandem.example")
    values = _form(client, client_id, f"skills/{skill_id}/stage")
    assert values["stage"] == "self_identified"
    saved = client.post(
        f"/clients/{client_id}/skills/{skill_id}/stage", data={**values, "stage": "recognised"}
    )
    assert saved.status_code == 200
    [skill] = _read(client, world, client_id)["skills"]
    assert skill["id"] == skill_id
    assert skill["stage"] == "recognised"
    assert skill["text"] == "Cooked for 40 at the parish fete"
    refused = client.post(
        f"/clients/{client_id}/skills/{skill_id}/stage", data={**values, "stage": "expert"}
    )
    assert refused.status_code == 422
    assert soup(refused).select_one(f"#stage-{skill_id}-error") is not None


def test_another_concept_is_found_with_other_words_and_confirmed(
    client: TestClient, world: World
) -> None:
    client_id, skill_id = world.ids["client_a"], world.ids["skill_a"]
    concept_id = world.ids["concept"]
    sign_in(client, "cw@tandem.example")
    page = client.get(f"/clients/{client_id}")
    link = soup(page).find("a", href=f"/clients/{client_id}/skills/{skill_id}/concepts")
    assert link is not None
    choose = client.get(f"/clients/{client_id}/skills/{skill_id}/concepts?q=food+safety")
    choice = soup(choose).find("input", attrs={"name": "concept", "value": str(concept_id)})
    assert choice is not None
    more = soup(choose).find("a", string="More suggestions")
    assert more is not None
    assert "more=true" in str(more["href"])
    saved = post_form(
        client,
        f"/clients/{client_id}/skills/{skill_id}/concepts",
        {"concept": str(concept_id)},
        page=f"/clients/{client_id}",
    )
    assert saved.status_code == 200
    [skill] = _read(client, world, client_id)["skills"]
    assert [c["concept_id"] for c in skill["concepts"]] == [concept_id]
    assert skill["concepts"][0]["confirmed_by_id"] == world.users["caseworker"].id


def test_the_page_names_every_isced_level_the_reference_data_has() -> None:
    from models.reference import isced_levels

    assert ISCED == isced_levels()


def test_a_liaison_officer_sees_no_edit_forms(client: TestClient, world: World) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "liaison@tandem.example")
    page = soup(client.get(f"/clients/{client_id}"))
    assert page.find("form", attrs={"action": f"/clients/{client_id}/languages"}) is None
    token = csrf_token(client, "/")
    refused = client.post(
        f"/clients/{client_id}/languages",
        data={"csrf_token": token, "languages-0-language": "de", "languages-0-level": "B1"},
    )
    assert refused.status_code == 404
