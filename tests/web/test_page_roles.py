"""Who may open which page: every page route, every role. An employer gets 404 on every
caseworker page; a liaison officer reads only consenting clients, read-only. A page route
without a row here fails the suite, as the API's role matrix does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from models.company import ContactPerson
from models.inbox import Alert, AlertKind
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


def _contact(world: World, company: str = "company_a") -> int:
    """A contact person of a company, added for the row (each row removes its own)."""
    contact = world.build.add(ContactPerson(company_id=world.ids[company], name="Row Contact"))
    return contact.id


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
    # -- Our company and our placements (employer; issue 15e). Everyone else: 404, as the
    # company's records are the employer's own here (the API's role rules; liaison officers
    # and caseworkers act on placements through their own pages).
    Row("GET", "/company", at("/company"), "404 404 404 404 200"),
    # Sent without the version the form carries and with a refused headcount: nothing stored.
    Row(
        "POST",
        "/company/profile",
        at("/company/profile"),
        "404 404 404 404 422",
        {"name": "Gasthaus", "headcount": "-1", "postcode": "1100"},
    ),
    Row(
        "POST",
        "/company/contacts",
        at("/company/contacts"),
        "404 404 404 404 303",
        {"name": "Eva Koller"},
    ),
    Row(
        "POST",
        "/company/contacts/{contact_id}/remove",
        lambda w: f"/company/contacts/{_contact(w)}/remove",
        "404 404 404 404 303",
        {},
    ),
    # Another company's contact person: 404 for the employer too.
    Row(
        "POST",
        "/company/contacts/{contact_id}/remove (another company's)",
        lambda w: f"/company/contacts/{_contact(w, 'company_b')}/remove",
        "404 404 404 404 404",
        {},
    ),
    Row("POST", "/company/tutors", at("/company/tutors"), "404 404 404 404 303", {"name": "Ida"}),
    Row(
        "GET",
        "/company/placements/{placement_id}",
        at("/company/placements/{id}", id="placement_a"),
        "404 404 404 404 200",
    ),
    Row(
        "GET",
        "/company/placements/{placement_id} (another company's)",
        at("/company/placements/{id}", id="placement_b"),
        "404 404 404 404 404",
    ),
    # Each action refused on a value the schema refuses: beside the field, nothing stored.
    Row(
        "POST",
        "/company/placements/{placement_id}/start",
        at("/company/placements/{id}/start", id="placement_a"),
        "404 404 404 404 422",
        {"actual_start": "not a date"},
    ),
    Row(
        "POST",
        "/company/placements/{placement_id}/start (another company's)",
        at("/company/placements/{id}/start", id="placement_b"),
        "404 404 404 404 404",
        {},
    ),
    Row(
        "POST",
        "/company/placements/{placement_id}/end-early",
        at("/company/placements/{id}/end-early", id="placement_a"),
        "404 404 404 404 422",
        {"text": "no reason from the list"},
    ),
    Row(
        "POST",
        "/company/placements/{placement_id}/hire",
        at("/company/placements/{id}/hire", id="placement_a"),
        "404 404 404 404 422",
        {"contract_hours": "30"},
    ),
    Row(
        "POST",
        "/company/placements/{placement_id}/report",
        at("/company/placements/{id}/report", id="placement_a"),
        "404 404 404 404 422",
        {"attendance": "completed"},
    ),
    # The liaison officer's companies and tutors (the API's rules: admin and liaison officers).
    Row("GET", "/liaison/companies", at("/liaison/companies"), "200 200 404 404 404"),
    Row(
        "GET",
        "/liaison/companies/{company_id}",
        at("/liaison/companies/{id}", id="company_a"),
        "200 200 404 404 404",
    ),
    Row(
        "POST",
        "/liaison/companies/{company_id}/events",
        at("/liaison/companies/{id}/events", id="company_a"),
        "303 303 404 404 404",
        {"kind": "call", "channel": "direct", "occurred_on": "2026-01-05", "summary": "Rang"},
    ),
    Row(
        "POST",
        "/liaison/companies/{company_id}/profile",
        at("/liaison/companies/{id}/profile", id="company_a"),
        "303 303 404 404 404",
        {"engagement_status": "active", "liaison_officer_id": ""},
    ),
    Row("GET", "/liaison/tutors", at("/liaison/tutors"), "200 200 404 404 404"),
    Row(
        "POST",
        "/liaison/tutors/{tutor_id}/stage",
        at("/liaison/tutors/{id}/stage", id="tutor_a"),
        "303 303 404 404 404",
        {"stage": "agreed"},
    ),
    Row(
        "POST",
        "/liaison/tutors/{tutor_id}/trainings",
        at("/liaison/tutors/{id}/trainings", id="tutor_a"),
        "303 303 404 404 404",
        {"title": "Tutoring newcomers", "attended_on": "2026-01-05"},
    ),
    # -- Liaison follow-up, placements, import and export (issue 15, part c) --
    Row("GET", "/liaison/follow-up", at("/liaison/follow-up"), "404 200 404 404 404"),
    Row(
        "POST",
        "/liaison/follow-up/inbox/{alert_id}/read",
        lambda w: f"/liaison/follow-up/inbox/{_liaison_alert(w)}/read",
        "404 303 404 404 404",
        {},
    ),
    Row(
        "GET",
        "/liaison/placements/{placement_id}",
        at("/liaison/placements/{id}", id="placement_a"),
        "404 200 404 404 404",
    ),
    # Placement B (a tutor with room, no checkpoint yet): started for the liaison officer.
    Row(
        "POST",
        "/liaison/placements/{placement_id}/start",
        at("/liaison/placements/{id}/start", id="placement_b"),
        "404 303 404 404 404",
        {"tutor_id": ""},
    ),
    Row(
        "POST",
        "/liaison/placements/{placement_id}/checkpoints/{checkpoint_id}",
        at("/liaison/placements/{p}/checkpoints/{c}", p="placement_a", c="checkpoint_a"),
        "404 303 404 404 404",
        {"outcome": "in_work", "satisfaction_employer": "4"},
    ),
    Row("GET", "/liaison/import", at("/liaison/import"), "404 200 404 404 404"),
    # Sent without a file: refused beside the file field, nothing imported.
    Row("POST", "/liaison/import", at("/liaison/import"), "404 422 404 404 404", {}),
    # An import is its importer's only: no one else's (nor a made-up one) is found.
    Row(
        "GET",
        "/liaison/import/{job_id}",
        at("/liaison/import/not-an-import"),
        "404 404 404 404 404",
    ),
    Row(
        "POST",
        "/liaison/import/{job_id}/next",
        at("/liaison/import/not-an-import/next"),
        "404 404 404 404 404",
        {},
    ),
    Row(
        "GET",
        "/liaison/import/{job_id}/report.csv",
        at("/liaison/import/not-an-import/report.csv"),
        "404 404 404 404 404",
    ),
    Row(
        "GET", "/liaison/export/offers.csv", at("/liaison/export/offers.csv"), "404 200 404 404 404"
    ),
    Row(
        "GET",
        "/liaison/export/offers.jsonld",
        at("/liaison/export/offers.jsonld"),
        "404 200 404 404 404",
    ),
    # Liaison: the review queue and an offer's candidates (issue 15a). offer_a is published,
    # so every decision on it is refused (409) for those who may review; nothing changes.
    Row("GET", "/liaison/review", at("/liaison/review"), "200 200 404 404 404"),
    Row(
        "GET",
        "/liaison/review/{offer_id}",
        at("/liaison/review/{id}", id="offer_a"),
        "200 200 404 404 404",
    ),
    Row(
        "POST",
        "/liaison/review/{offer_id}/request-changes",
        at("/liaison/review/{id}/request-changes", id="offer_a"),
        "409 409 404 404 404",
        {"message": "Please name the shift times."},
    ),
    Row(
        "POST",
        "/liaison/review/{offer_id}/publish",
        at("/liaison/review/{id}/publish", id="offer_a"),
        "409 409 404 404 404",
        {"publish_reason": "Fine as it is."},
    ),
    Row(
        "POST",
        "/liaison/review/{offer_id}/reject",
        at("/liaison/review/{id}/reject", id="offer_a"),
        "409 409 404 404 404",
        {"reject_reason": "Not a real vacancy."},
    ),
    Row(
        "GET",
        "/liaison/offers/{offer_id}/candidates",
        at("/liaison/offers/{id}/candidates", id="offer_a"),
        "404 200 404 404 404",
    ),
    # The draft cannot be shortlisted: refused on the page (409), nothing stored.
    Row(
        "POST",
        "/liaison/offers/{offer_id}/candidates",
        at("/liaison/offers/{id}/candidates", id="offer_a_draft"),
        "404 409 404 404 404",
        {},
    ),
    # A shortlist that is not this offer's: 404 for the liaison officer too.
    Row(
        "POST",
        "/liaison/offers/{offer_id}/candidates/decisions",
        at("/liaison/offers/{id}/candidates/decisions", id="offer_a"),
        "404 404 404 404 404",
        {"shortlist_id": "", "candidate_id": "1", "decision": "contacted"},
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


def _liaison_alert(w: World) -> int:
    """An unread alert of the liaison officer's own."""
    alert = w.build.add(
        Alert(
            user_id=w.users["liaison"].id,
            kind=AlertKind.proposal_unanswered,
            key=f"proposal_unanswered:{w.ids['proposal_a']}",
            entity="proposal",
            entity_id=w.ids["proposal_a"],
            message="Proposal waiting",
        )
    )
    return alert.id


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
            if data.get("shortlist_id") == "":
                data["shortlist_id"] = str(world.ids["shortlist_a"])
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
