"""Who may open which page: every page route, every role. An employer gets 404 on every
caseworker page; a liaison officer reads only consenting clients, read-only. A page route
without a row here fails the suite, as the API's role matrix does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.web.pages import csrf_token, sign_in, soup
from tests.world import World
from web.routes import PAGE_ROUTERS

COLUMNS = ("admin", "liaison", "caseworker", "caseworker_b", "employer")
EMAILS = {
    "admin": "admin@tandem.example",
    "liaison": "liaison@tandem.example",
    "caseworker": "cw@tandem.example",
    "caseworker_b": "cw.b@tandem.example",
    "employer": "boss@linde.example",
}


@dataclass(frozen=True)
class Row:
    method: str
    template: str
    path: Callable[[World], str]
    expected: str
    data: dict[str, str] | None = None

    def statuses(self) -> dict[str, int]:
        return dict(zip(COLUMNS, (int(c) for c in self.expected.split()), strict=True))


def at(template: str, **names: str) -> Callable[[World], str]:
    return lambda w: template.format(**{k: w.ids[v] for k, v in names.items()})


C = "/clients/{client_id}"
ROWS = [
    Row("GET", "/sign-in", at("/sign-in"), "200 200 200 200 200"),
    # The API's documentation, served from the installed swagger-ui-bundle-v2: open to all.
    Row("GET", "/docs", at("/docs"), "200 200 200 200 200"),
    Row("GET", "/docs/init.js", at("/docs/init.js"), "200 200 200 200 200"),
    Row("GET", "/", at("/"), "200 200 200 200 200"),
    Row("GET", "/account/password", at("/account/password"), "200 200 200 200 200"),
    Row("GET", "/account/language", at("/account/language"), "200 200 200 200 200"),
    Row("GET", "/clients", at("/clients"), "404 200 200 200 404"),
    Row("GET", C, at(C, client_id="client_a"), "404 200 200 404 404"),
    Row("GET", C + " (no consent)", at(C, client_id="client_private"), "404 404 200 404 404"),
    Row(
        "POST",
        C + "/profile",
        at(C + "/profile", client_id="client_a"),
        "404 404 422 404 404",
        {"home_postcode": "1100", "max_travel_km": "25", "hours_per_week": "30"},
    ),
    # Sent without the version the form carries: refused for the caseworker, changing nothing.
    Row(
        "POST",
        C + "/languages",
        at(C + "/languages", client_id="client_a"),
        "404 404 422 404 404",
        {"languages-0-language": "de", "languages-0-level": "B1"},
    ),
    Row(
        "POST",
        C + "/education",
        at(C + "/education", client_id="client_a"),
        "404 404 422 404 404",
        {"isced_level": "3"},
    ),
    Row(
        "POST",
        C + "/conditions",
        at(C + "/conditions", client_id="client_a"),
        "404 404 422 404 404",
        {"right_to_work": "yes"},
    ),
    Row(
        "POST",
        C + "/skills/{skill_id}/stage",
        at(C + "/skills/{skill_id}/stage", client_id="client_a", skill_id="skill_a"),
        "404 404 422 404 404",
        {"stage": "recognised"},
    ),
    Row(
        "GET",
        C + "/skills/{skill_id}/concepts",
        at(C + "/skills/{skill_id}/concepts?q=food", client_id="client_a", skill_id="skill_a"),
        "404 404 200 404 404",
    ),
    Row("GET", C + "/personal", at(C + "/personal", client_id="client_a"), "404 404 200 404 404"),
    Row(
        "POST",
        C + "/consent",
        at(C + "/consent", client_id="client_a"),
        "404 404 303 404 404",
        {"kind": "liaison", "granted": "true"},
    ),
    Row(
        "POST",
        C + "/contacts",
        at(C + "/contacts", client_id="client_a"),
        "404 404 303 404 404",
        {"channel": "phone", "contacted_on": "2026-01-05", "note": ""},
    ),
    Row(
        "POST",
        C + "/experience",
        at(C + "/experience", client_id="client_a"),
        "404 404 200 404 404",
        {"story": "I cooked for forty people at the parish fete"},
    ),
    Row(
        "POST",
        C + "/experience/save",
        at(C + "/experience/save", client_id="client_a"),
        "404 404 303 404 404",
        {"phrase": "ran the parish food bank"},
    ),
    Row(
        "POST",
        C + "/skills/{skill_id}/concepts",
        at(C + "/skills/{skill_id}/concepts", client_id="client_a", skill_id="skill_a"),
        "404 404 303 404 404",
        {},
    ),
    Row(
        "POST",
        C + "/shortlists",
        at(C + "/shortlists", client_id="client_a"),
        "404 404 303 404 404",
        {},
    ),
    Row(
        "GET",
        "/shortlists/{shortlist_id}",
        at("/shortlists/{id}", id="shortlist_a"),
        "404 404 200 404 404",
    ),
    Row(
        "POST",
        "/shortlists/{shortlist_id}/decisions",
        at("/shortlists/{id}/decisions", id="shortlist_a"),
        "404 404 303 404 404",
        {"candidate_id": "", "decision": "contacted"},
    ),
    Row(
        "GET",
        "/shortlists/{shortlist_id}/why-not",
        at("/shortlists/{id}/why-not?q=Kitchen", id="shortlist_a"),
        "404 404 200 404 404",
    ),
    Row("GET", "/proposals", at("/proposals"), "404 404 200 200 404"),
    Row("GET", "/admin/users", at("/admin/users"), "200 404 404 404 404"),
    Row(
        "POST",
        "/admin/users",
        at("/admin/users"),
        "303 404 404 404 404",
        {
            "email": "",
            "display_name": "New Caseworker",
            "role": "caseworker",
            "password": "a fresh walnut orchard",
        },
    ),
    Row(
        "POST",
        "/admin/users/{user_id}",
        lambda w: f"/admin/users/{w.users['colleague'].id}",
        "303 404 404 404 404",
        {"action": "office", "office_id": ""},
    ),
    Row(
        "POST",
        "/checkpoints/{checkpoint_id}",
        at("/checkpoints/{id}", id="checkpoint_a"),
        "404 404 303 404 404",
        {"outcome": "in_work", "satisfaction_client": "4"},
    ),
    Row("GET", "/company/offers", at("/company/offers"), "404 404 404 404 200"),
    Row("GET", "/company/offers/new", at("/company/offers/new"), "404 404 404 404 200"),
    Row(
        "POST",
        "/company/offers/new",
        at("/company/offers/new"),
        "404 404 404 404 303",
        {
            "kind": "vacancy",
            "title": "Porter",
            "hours_per_week": "20",
            "contract_type": "permanent",
            "postcode": "1100",
        },
    ),
    Row(
        "GET",
        "/company/offers/{offer_id}",
        at("/company/offers/{id}", id="offer_a"),
        "404 404 404 404 200",
    ),
    # A published offer is no longer the employer's to edit: refused on the form, unchanged.
    Row(
        "POST",
        "/company/offers/{offer_id}",
        at("/company/offers/{id}", id="offer_a"),
        "404 404 404 404 422",
        {"kind": "vacancy", "title": "Changed", "hours_per_week": "20"},
    ),
    Row(
        "POST",
        "/company/offers/{offer_id}/submit",
        at("/company/offers/{id}/submit", id="offer_a_draft"),
        "404 404 404 404 303",
        {},
    ),
    Row(
        "POST",
        "/company/offers/screen",
        at("/company/offers/screen"),
        "404 404 404 404 200",
        {"essential": "Young and dynamic"},
    ),
    Row("GET", "/company/candidates", at("/company/candidates"), "404 404 404 404 200"),
    Row(
        "GET",
        "/company/candidates/{proposal_id}",
        at("/company/candidates/{id}", id="proposal_a"),
        "404 404 404 404 200",
    ),
    # Declined without a reason from the list: refused beside the field, nothing stored.
    Row(
        "POST",
        "/company/candidates/{proposal_id}/answer",
        at("/company/candidates/{id}/answer", id="proposal_a"),
        "404 404 404 404 422",
        {"answer": "declined"},
    ),
    # Indicators and the admin's offices, caseload and audit trail (issue 15, part d): the
    # indicators for whoever the API's GET /api/v1/indicators allows.
    Row("GET", "/indicators", at("/indicators"), "200 200 200 200 404"),
    Row("GET", "/indicators/{chart}.svg", at("/indicators/offers.svg"), "200 200 200 200 404"),
    Row("GET", "/indicators/{chart}.csv", at("/indicators/offers.csv"), "200 200 200 200 404"),
    Row("GET", "/admin/offices", at("/admin/offices"), "200 404 404 404 404"),
    Row("POST", "/admin/offices", at("/admin/offices"), "303 404 404 404 404", {"name": "Liesing"}),
    Row("GET", "/admin/caseload", at("/admin/caseload"), "200 404 404 404 404"),
    # From user 1 (the admin, not a caseworker) to itself: refused beside the field.
    Row(
        "POST",
        "/admin/caseload",
        at("/admin/caseload"),
        "422 404 404 404 404",
        {"from_id": "1", "to_id": "1"},
    ),
    Row("GET", "/admin/audit", at("/admin/audit"), "200 404 404 404 404"),
    Row("GET", "/admin/audit.csv", at("/admin/audit.csv"), "200 404 404 404 404"),
]
#: Routes that need no row: the same for everyone signed in or not, tested elsewhere.
UNLISTED = {
    ("POST", "/sign-in"),
    ("POST", "/sign-out"),
    ("POST", "/account/password"),
    ("POST", "/account/language"),  # tests/web/test_languages.py
}


def test_every_page_route_has_a_row() -> None:
    listed = {(r.method, r.template.split(" ")[0]) for r in ROWS} | UNLISTED
    # The page routers themselves: the app keeps an included router as one entry.
    routes = [route for router in PAGE_ROUTERS for route in router.routes]
    assert len(routes) > 20
    for route in routes:
        assert isinstance(route, APIRoute)
        for method in (route.methods or set()) - {"HEAD"}:
            assert (method, route.path) in listed, f"no role row for {method} {route.path}"


@pytest.mark.parametrize("who", COLUMNS)
def test_pages_by_role(client: TestClient, world: World, who: str) -> None:
    assert sign_in(client, EMAILS[who]).status_code == 200
    for row in ROWS:
        path = row.path(world)
        if row.method == "GET":
            response = client.get(path, follow_redirects=False)
        else:
            data = dict(row.data or {})
            if data.get("candidate_id") == "":
                data["candidate_id"] = str(world.ids["offer_a"])
            if data.get("email") == "":
                data["email"] = f"new.{who}@tandem.example"
            data["csrf_token"] = csrf_token(client, "/")
            response = client.post(path, data=data, follow_redirects=False)
        expected = row.statuses()[who]
        assert response.status_code == expected, f"{who} {row.method} {row.template}"
        if response.status_code == 404:
            assert "Page not found" in response.text


def test_a_liaison_officer_reads_a_client_without_forms_or_contact_data(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMAILS["liaison"])
    page = soup(client.get(f"/clients/{world.ids['client_a']}"))
    assert "Read-only" in page.get_text()
    assert not page.select("main form")
    text = page.get_text()
    assert "+43 660 1234567" not in text
    assert "Debt counselling" not in text
    listed = soup(client.get("/clients")).get_text()
    assert "Haddad" in listed
    assert "Ilić" not in listed  # no consent to share with liaison officers


def test_personal_data_is_for_the_owning_caseworker_and_each_read_is_audited(
    client: TestClient, world: World
) -> None:
    sign_in(client, EMAILS["caseworker"])
    page = client.get(f"/clients/{world.ids['client_a']}/personal")
    assert "+43 660 1234567" in page.text
    assert "Debt counselling on Tuesdays" in page.text
    events = client.get(
        "/api/v1/audit", params={"action": "read_personal"}, headers=world.headers("admin")
    ).json()["items"]
    assert [e["entity_id"] for e in events] == [str(world.ids["client_a"])]
    client.cookies.clear()
    sign_in(client, "cw.2@tandem.example")  # same office, not the owner, not shared
    assert client.get(f"/clients/{world.ids['client_a']}/personal").status_code == 404
