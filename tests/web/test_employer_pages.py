"""The employer's pages, read as a person reads them: our offers, the offer form with the
screening's findings, and the candidates proposed to us with our answer."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models.audit import StatusChange
from models.offer import OfferScreening, OfferStatus, RequirementConcept
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.web.test_list_pages import counting
from tests.world import World

EMPLOYER = "boss@linde.example"


def _offer_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "kind": "vacancy",
        "title": "Dishwasher",
        "description": "Evening shifts in a busy kitchen.",
        "essential": "Food hygiene\nWorking in a team",
        "optional": "Forklift licence",
        "languages-0-language": "de",
        "languages-0-level": "A2",
        "hours_per_week": "25",
        "schedules": ["evening"],
        "contract_type": "permanent",
        "postcode": "1100",
        "places": "2",
        "action": "save",
    }
    form.update(changes)
    return form


def _api_offer(client: TestClient, world: World, offer_id: int) -> dict[str, Any]:
    response = client.get(f"/api/v1/offers/{offer_id}", headers=world.headers("employer"))
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def test_a_new_offer_is_saved_as_a_draft_through_the_api_service(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    page = soup(client.get("/company/offers/new"))
    assert page.find("form", id="offer-form") is not None
    response = post_form(client, "/company/offers/new", _offer_form(), "/company/offers/new")
    assert response.status_code == 200  # followed the 303 to the offer's page
    offer_id = int(str(response.url).rsplit("/", 1)[1])
    stored = _api_offer(client, world, offer_id)
    assert stored["status"] == "draft"
    assert stored["company_id"] == world.ids["company_a"]
    assert [(r["text"], r["essential"]) for r in stored["requirements"]] == [
        ("Food hygiene", True),
        ("Working in a team", True),
        ("Forklift licence", False),
    ]
    assert stored["languages"] == [{"language": "de", "min_level": "A2"}]
    assert stored["schedules"] == ["evening"]
    assert stored["places"] == 2
    listed = soup(client.get("/company/offers")).get_text(" ", strip=True)
    assert "Dishwasher" in listed
    assert "Draft" in listed


def test_refused_values_are_shown_beside_their_fields_and_nothing_is_stored(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    before = client.get("/api/v1/offers", headers=world.headers("employer")).json()["total"]
    form = _offer_form(title="", hours_per_week="90", **{"languages-0-level": "Z9"})
    response = post_form(client, "/company/offers/new", form, "/company/offers/new")
    assert response.status_code == 422
    page = soup(response)
    for field in ("title", "hours_per_week", "languages-0-level"):
        assert page.find(id=f"{field}-error") is not None, field
    # What was typed stays in the form.
    description = page.find("textarea", id="description")
    assert description is not None
    assert "busy kitchen" in description.get_text()
    after = client.get("/api/v1/offers", headers=world.headers("employer")).json()["total"]
    assert after == before


def test_a_work_trial_without_a_tutor_cannot_be_submitted(client: TestClient, world: World) -> None:
    sign_in(client, EMPLOYER)
    form = _offer_form(kind="work_trial", contract_type="none", action="submit")
    response = post_form(client, "/company/offers/new", form, "/company/offers/new")
    assert response.status_code == 422
    assert soup(response).find(id="tutor_id-error") is not None


def test_submitting_a_discriminatory_offer_holds_it_with_the_ground_and_a_rewording(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    form = _offer_form(
        kind="work_trial",
        contract_type="none",
        essential="Young and dynamic\nFood hygiene",
        tutor_id=str(world.ids["tutor_a"]),
        action="submit",
    )
    response = post_form(client, "/company/offers/new", form, "/company/offers/new")
    assert response.status_code == 200
    offer_id = int(str(response.url).rsplit("/", 1)[1])
    assert _api_offer(client, world, offer_id)["status"] == "held"
    findings = soup(response).find(class_="findings")
    assert findings is not None
    text = findings.get_text(" ", strip=True)
    assert "Young and dynamic" in text
    assert "age" in text.lower()
    assert "instead of age" in text  # the suggested rewording
    row = soup(client.get("/company/offers?status=held")).find("a", string="Dishwasher")
    assert row is not None
    line = row.find_parent("tr")
    assert line is not None
    assert "Held" in line.get_text()


def test_screening_while_typing_stores_nothing(client: TestClient, world: World) -> None:
    sign_in(client, EMPLOYER)
    token = csrf_token(client, "/company/offers/new")
    data = {"csrf_token": token, "essential": "Female staff only", "title": "Waiter"}
    response = client.post("/company/offers/screen", data=data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Female staff only" in response.text
    assert "<html" not in response.text
    clean = client.post(
        "/company/offers/screen",
        data={"csrf_token": token, "essential": "Food hygiene"},
        headers={"HX-Request": "true"},
    )
    assert "No screening finding" in clean.text


def test_a_draft_is_edited_against_its_version_and_changes_requested_are_shown(
    client: TestClient, world: World
) -> None:
    offer_id = world.ids["offer_a_draft"]
    sign_in(client, EMPLOYER)
    page = soup(client.get(f"/company/offers/{offer_id}"))
    version = page.find("input", attrs={"name": "version"})
    assert version is not None
    path = f"/company/offers/{offer_id}"
    form = _offer_form(title="Kitchen porter", version=str(version["value"]))
    assert post_form(client, path, form, path).status_code == 200
    assert _api_offer(client, world, offer_id)["title"] == "Kitchen porter"
    # The same stale version again: refused, nothing changed.
    stale = post_form(client, path, _offer_form(title="Other", version=str(version["value"])), path)
    assert stale.status_code == 422
    assert _api_offer(client, world, offer_id)["title"] == "Kitchen porter"
    # Submitted, then a liaison officer asks for changes: the list says what they asked.
    post_form(client, f"{path}/submit", {}, path)
    answer = client.post(
        f"/api/v1/offers/{offer_id}/request-changes",
        json={"reason": "Please name the shift times."},
        headers=world.headers("liaison"),
    )
    assert answer.status_code == 200
    listed = soup(client.get("/company/offers?status=draft")).get_text(" ", strip=True)
    assert "Changes requested: Please name the shift times." in listed


def test_our_offers_are_paged_and_show_only_our_company(client: TestClient, world: World) -> None:
    for n in range(25):
        world.build.offer(world.ids["company_a"], title=f"Offer {n:02d}")
    sign_in(client, EMPLOYER)
    first = soup(client.get("/company/offers"))
    titles = [a.get_text() for a in first.select("#offers tbody a")]
    assert len(titles) == 20
    second = soup(client.get("/company/offers?page=2"))
    more = [a.get_text() for a in second.select("#offers tbody a")]
    assert len(more) == 27 - 20
    assert not set(titles) & set(more)
    assert first.find("a", rel="next") is not None
    # Offer b belongs to another company: never listed.
    ids = {a["href"] for a in first.select("#offers tbody a")} | {
        a["href"] for a in second.select("#offers tbody a")
    }
    assert f"/company/offers/{world.ids['offer_b']}" not in ids


def test_a_proposed_candidate_shows_the_employer_view_only(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMPLOYER)
    listed = soup(client.get("/company/candidates"))
    link = listed.select_one("#candidates tbody a")
    assert link is not None
    page = client.get(str(link["href"]))
    text = soup(page).get_text(" ", strip=True)
    api = client.get(
        f"/api/v1/proposals/{world.ids['proposal_a']}", headers=world.headers("employer")
    ).json()["client"]
    assert api["given_name"] in text
    for skill in api["skills"]:
        assert skill in text
    # Nothing the API keeps from employers: family name, contact data.
    assert "Haddad" not in page.text
    assert "+43 660 1234567" not in page.text


def test_answers_interview_then_accept_with_a_start_date(client: TestClient, world: World) -> None:
    # An offer with places left (the world's offer a is held by a planned placement).
    offer = world.build.offer(world.ids["company_a"], places=3, tutor_id=world.ids["tutor_a"])
    proposal = world.build.proposal(
        world.ids["client_a"], offer.id, world.users["caseworker"].id
    ).id
    path = f"/company/candidates/{proposal}"
    sign_in(client, EMPLOYER)
    day = date.today() + timedelta(days=3)
    # An interview without its date: refused beside the field, nothing stored.
    refused = post_form(client, f"{path}/answer", {"answer": "interview_planned"}, path)
    assert refused.status_code == 422
    assert soup(refused).find(id="interview_on-error") is not None
    stored = client.get(f"/api/v1/proposals/{proposal}", headers=world.headers("employer"))
    assert stored.json()["status"] == "open"
    answer: dict[str, object] = {"answer": "interview_planned", "interview_on": day.isoformat()}
    assert post_form(client, f"{path}/answer", answer, path).status_code == 200
    start = date.today() + timedelta(days=14)
    accept: dict[str, object] = {"answer": "accepted", "planned_start": start.isoformat()}
    page = post_form(client, f"{path}/answer", accept, path)
    assert page.status_code == 200
    stored = client.get(f"/api/v1/proposals/{proposal}", headers=world.headers("employer"))
    assert stored.json()["status"] == "accepted"
    assert stored.json()["placement_id"] is not None
    assert "Accepted" in soup(page).get_text()


def test_a_decline_needs_a_reason_from_the_list(client: TestClient, world: World) -> None:
    path = f"/company/candidates/{world.ids['proposal_a']}"
    sign_in(client, EMPLOYER)
    refused = post_form(client, f"{path}/answer", {"answer": "declined"}, path)
    assert refused.status_code == 422
    declined: dict[str, object] = {
        "answer": "declined",
        "reason": "language_level",
        "text": "Needs B1 German.",
    }
    page = post_form(client, f"{path}/answer", declined, path)
    text = soup(page).get_text(" ", strip=True)
    assert "Language level: Needs B1 German." in text


def test_another_companys_offer_and_proposal_answer_404(client: TestClient, world: World) -> None:
    sign_in(client, "boss@ost.example")
    assert client.get(f"/company/offers/{world.ids['offer_a']}").status_code == 404
    assert client.get(f"/company/candidates/{world.ids['proposal_a']}").status_code == 404
    path = f"/company/candidates/{world.ids['proposal_a']}/answer"
    token = csrf_token(client, "/")
    response = client.post(path, data={"csrf_token": token, "answer": "declined"})
    assert response.status_code == 404
    stored = client.get(
        f"/api/v1/proposals/{world.ids['proposal_a']}", headers=world.headers("employer")
    )
    assert stored.json()["status"] == "open"


def _queries(client: TestClient, engine: Engine, path: str) -> int:
    client.get(path)  # warm
    with counting(engine) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_our_offers_sends_as_many_queries_for_few_offers_as_for_many(
    client: TestClient, world: World, engine: Engine
) -> None:
    sign_in(client, EMPLOYER)
    _held_offers(world, 1)
    few = _queries(client, engine, "/company/offers")
    _held_offers(world, 8)
    many = _queries(client, engine, "/company/offers")
    assert many == few
    page = soup(client.get("/company/offers?status=held")).get_text(" ", strip=True)
    assert "Held: 1 screening finding(s) · age (“young”)" in page


def _held_offers(world: World, count: int) -> None:
    for n in range(count):
        offer = world.build.offer(
            world.ids["company_a"], status=OfferStatus.held, title=f"Held {n}"
        )
        world.build.add(OfferScreening(offer_id=offer.id, trigger="submit", findings=[_FINDING]))
        change = StatusChange(
            entity="offer", entity_id=offer.id, from_status="submitted", to_status="held"
        )
        world.build.add(change)


_FINDING = {
    "ground": "age",
    "rule": "en-age-young",
    "span": "young",
    "suggestion": "Describe the tasks.",
    "field": "requirements.0",
    "start": 0,
    "end": 5,
}


def test_the_offer_form_in_german_screens_a_german_requirement(
    client: TestClient, world: World
) -> None:
    german = {"Accept-Language": "de-AT,de;q=0.9"}
    sign_in(client, EMPLOYER)
    page = soup(client.get("/company/offers/new", headers=german))
    assert page.find("h1").get_text() == "Neues Angebot"  # type: ignore[union-attr]
    token = csrf_token(client, "/company/offers/new")
    found = client.post(
        "/company/offers/screen",
        data={"csrf_token": token, "essential": "Junges dynamisches Team sucht Verstärkung"},
        headers={**german, "HX-Request": "true"},
    )
    text = soup(found).get_text(" ", strip=True)
    assert "Befunde der Prüfung" in text
    assert "Junges" in text
    assert "Alter" in text  # the ground, in German


def test_the_offer_page_shows_how_each_requirement_will_be_read(
    client: TestClient, world: World
) -> None:
    world.build.add(
        RequirementConcept(
            requirement_id=world.ids["requirement_a_draft"],
            concept_id=world.ids["concept"],
            score=0.9,
            how="exact",
        )
    )
    sign_in(client, EMPLOYER)
    page = soup(client.get(f"/company/offers/{world.ids['offer_a_draft']}"))
    listed = page.find(id="requirement-concepts")
    assert listed is not None
    line = " ".join(listed.get_text().split())
    assert line == "Food hygiene (essential): apply food hygiene"
