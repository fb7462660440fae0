"""The caseworker's pages, read as a person reads them (BeautifulSoup on the HTML)."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from models.client import ClientContact, ContactChannel
from models.placement import Checkpoint, CheckpointSide
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.world import World


def _row(response: object, name: str) -> str:
    """The text of the list's row for this client."""
    link = soup(response).find("a", string=name)
    assert link is not None
    row = link.find_parent("tr")
    assert row is not None
    return str(row.get_text(" ", strip=True))


def _names(response: object) -> list[str]:
    page = soup(response)
    return [a.get_text(strip=True) for a in page.select("#client-list tbody td:first-child a")]


def test_my_clients_search_and_filters(client: TestClient, world: World) -> None:
    b = world.build
    cw = world.users["caseworker"].id
    b.client(cw, given_name="Pavel", family_name="Novak", consent_employers=False)
    b.add(
        ClientContact(
            client_id=world.ids["client_a"],
            contacted_on=date.today(),
            channel=ContactChannel.phone,
        )
    )
    b.add(
        Checkpoint(
            placement_id=world.ids["placement_a"],
            offset_days=30,
            side=CheckpointSide.client,
            owner_id=cw,
            due_on=date.today() - timedelta(days=2),
        )
    )
    sign_in(client, "cw@tandem.example")
    everyone = client.get("/clients")
    assert _names(everyone) == ["Haddad, Amina", "Ilić, Jovana", "Novak, Pavel"]
    row = _row(everyone, "Haddad, Amina")
    assert date.today().isoformat() in row  # last contact
    assert "Mine" in row
    assert _names(client.get("/clients?q=nov")) == ["Novak, Pavel"]
    assert "Haddad, Amina" not in _names(client.get("/clients?parked=true"))
    assert set(_names(client.get("/clients?consent_missing=true"))) == {
        "Ilić, Jovana",
        "Novak, Pavel",
    }
    assert _names(client.get("/clients?checkpoint_overdue=true")) == ["Haddad, Amina"]
    empty = soup(client.get("/clients?q=nobody-has-this-name"))
    assert "Clear the search" in empty.get_text()


def test_a_shared_client_is_marked(client: TestClient, world: World) -> None:
    answer = client.post(
        f"/api/v1/clients/{world.ids['client_a']}/shares",
        json={"caseworker_id": world.users["colleague"].id},
        headers=world.headers("caseworker"),
    )
    assert answer.status_code == 201
    sign_in(client, "cw.2@tandem.example")
    assert "Shared with me" in _row(client.get("/clients"), "Haddad, Amina")


def test_add_what_a_person_has_done_keeps_their_words_and_the_ticked_skill(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    found = client.post(
        f"/clients/{client_id}/experience",
        data={
            "story": "Food safety; cooking for the parish",
            "csrf_token": csrf_token(client, "/"),
        },
    )
    page = soup(found)
    phrase = page.find("input", attrs={"name": "phrase", "value": "Food safety"})
    assert phrase is not None
    concept = page.find("input", attrs={"name": "concept", "value": f"0:{world.ids['concept']}"})
    assert concept is not None
    saved = post_form(
        client,
        f"/clients/{client_id}/experience/save",
        {"phrase": "Food safety", "concept": f"0:{world.ids['concept']}"},
    )
    skills = soup(saved).select_one("#skills")
    assert skills is not None
    text = skills.get_text(" ", strip=True)
    assert "“Food safety”" in text or "Food safety" in text
    assert "apply food hygiene (confirmed)" in text
    read = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker")).json()
    skill = next(s for s in read["skills"] if s["text"] == "Food safety")
    assert skill["source"] == "informal"
    assert skill["concepts"][0]["confirmed_by_id"] == world.users["caseworker"].id


def test_nothing_ticked_is_refused_beside_the_list_and_nothing_is_saved(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    refused = post_form(client, f"/clients/{client_id}/experience/save", {})
    assert refused.status_code == 422
    assert soup(refused).select_one(".error-summary") is not None
    read = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker")).json()
    assert len(read["skills"]) == 1


def test_consent_is_granted_and_withdrawn_from_the_page_with_its_history(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    page = post_form(
        client, f"/clients/{client_id}/consent", {"kind": "employers", "granted": "false"}
    )
    consent = soup(page).select_one("#consent")
    assert consent is not None
    assert "Grant consent: Employers" in str(consent)
    assert "withdrawn" in consent.get_text()
    page = post_form(
        client, f"/clients/{client_id}/consent", {"kind": "employers", "granted": "true"}
    )
    assert "Withdraw consent: Employers" in str(soup(page).select_one("#consent"))


def test_a_contact_in_two_clicks_and_a_bad_date_refused_beside_the_field(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    page = post_form(client, f"/clients/{client_id}/contacts", {"channel": "phone"})
    contacts = soup(page).select_one("#contacts")
    assert contacts is not None
    assert f"{date.today().isoformat()} · Phone" in contacts.get_text()
    refused = post_form(
        client,
        f"/clients/{client_id}/contacts",
        {"channel": "phone", "contacted_on": "not a date", "note": "kept"},
    )
    assert refused.status_code == 422
    refused_page = soup(refused)
    assert refused_page.select_one("#contacted_on-error") is not None
    note = refused_page.find("input", attrs={"name": "note"})
    assert note is not None
    assert note["value"] == "kept"


def _profile_form(client: TestClient, client_id: int) -> dict[str, str]:
    form = soup(client.get(f"/clients/{client_id}")).select_one("#profile")
    assert form is not None
    values = {str(i["name"]): str(i.get("value", "")) for i in form.find_all("input")}
    values["readiness"] = "job_ready"
    values["aspirations"] = "work in a kitchen"
    return values


def test_the_profile_is_edited_and_bad_input_is_refused_beside_its_field(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _profile_form(client, client_id)
    refused = client.post(f"/clients/{client_id}/profile", data={**values, "max_travel_km": "9000"})
    assert refused.status_code == 422
    page = soup(refused)
    assert page.select_one("#max_travel_km-error") is not None
    typed = page.find("input", attrs={"name": "max_travel_km"})
    assert typed is not None
    assert typed["value"] == "9000"
    read = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker")).json()
    assert read["readiness"] != "job_ready"

    saved = client.post(f"/clients/{client_id}/profile", data={**values, "max_travel_km": "35"})
    assert saved.status_code == 200
    read = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker")).json()
    assert read["max_travel_km"] == 35
    assert read["readiness"] == "job_ready"
    assert read["aspirations"] == "work in a kitchen"


def test_an_edit_of_a_profile_changed_meanwhile_says_so_and_overwrites_nothing(
    client: TestClient, world: World
) -> None:
    client_id = world.ids["client_a"]
    sign_in(client, "cw@tandem.example")
    values = _profile_form(client, client_id)
    answer = client.patch(
        f"/api/v1/clients/{client_id}",
        json={"hours_per_week": 12},
        headers=world.headers("caseworker"),
    )
    assert answer.status_code == 200
    stale = client.post(f"/clients/{client_id}/profile", data={**values, "hours_per_week": "30"})
    assert stale.status_code == 422
    assert "Someone changed this profile" in stale.text
    read = client.get(f"/api/v1/clients/{client_id}", headers=world.headers("caseworker")).json()
    assert read["hours_per_week"] == 12
