"""Who may do what: every endpoint, every role, own and someone else's object.

Columns: admin, liaison, caseworker (owns client_a), caseworker_b (another office),
employer (company A), employer_b (company B). Objects named "_a" belong to company A or to
the first caseworker; "fresh" objects are created anew for each column so that destructive
calls do not depend on each other.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.offer import OfferStatus
from models.placement import PlacementStatus
from tests.world import World

COLUMNS = ("admin", "liaison", "caseworker", "caseworker_b", "employer", "employer_b")
_counter = itertools.count()
#: A different language for each column, so that an addition is never a duplicate.
LANGUAGES = itertools.cycle(["de", "fr", "it", "es", "pl", "tr", "ar", "fa"])


def unique(prefix: str) -> str:
    return f"{prefix}{next(_counter)}"


@dataclass(frozen=True)
class Row:
    method: str
    template: str
    path: Callable[[World], str]
    expected: str
    body: Callable[[World], Any] | None = None

    def statuses(self) -> dict[str, int]:
        return dict(zip(COLUMNS, (int(code) for code in self.expected.split()), strict=True))


def fixed(template: str, **names: str) -> Callable[[World], str]:
    def path(w: World) -> str:
        return "/api/v1" + template.format(**{k: w.ids[v] for k, v in names.items()})

    return path


def fresh_company(w: World) -> str:
    return f"/api/v1/companies/{w.build.company(unique('Prospect ')).id}"


def fresh_contact(w: World) -> str:
    from models.company import ContactPerson

    contact = w.build.add(ContactPerson(company_id=w.ids["company_a"], name="Temp Contact"))
    return f"/api/v1/companies/{w.ids['company_a']}/contacts/{contact.id}"


def fresh_offer(status: OfferStatus, action: str) -> Callable[[World], str]:
    def path(w: World) -> str:
        offer = w.build.offer(w.ids["company_a"], status=status)
        return f"/api/v1/offers/{offer.id}/{action}"

    return path


def fresh_client(w: World) -> str:
    """A client of the first caseworker who consented to share with liaison officers."""
    return f"/api/v1/clients/{w.build.client(w.users['caseworker'].id).id}"


def fresh_tutor(w: World) -> str:
    return f"/api/v1/tutors/{w.build.tutor(w.ids['company_a']).id}"


def fresh_placement(status: PlacementStatus, action: str) -> Callable[[World], str]:
    """A work trial of client_a at company A, in ``status``, with a tutor who has room."""

    def path(w: World) -> str:
        offer = w.build.work_trial(w.ids["company_a"])
        placement = w.build.placement(w.ids["client_a"], offer, status=status)
        return f"/api/v1/placements/{placement.id}/{action}"

    return path


def fresh_proposal(action: str) -> Callable[[World], str]:
    def path(w: World) -> str:
        offer = w.build.offer(w.ids["company_a"])
        proposal = w.build.proposal(w.ids["client_a"], offer.id, w.users["caseworker"].id)
        return f"/api/v1/proposals/{proposal.id}/{action}"

    return path


def fresh_checkpoint(w: World) -> str:
    from models.placement import Checkpoint, CheckpointSide

    offer = w.build.work_trial(w.ids["company_a"])
    placement = w.build.placement(w.ids["client_a"], offer, status=PlacementStatus.started)
    checkpoint = w.build.add(
        Checkpoint(
            placement_id=placement.id,
            offset_days=7,
            side=CheckpointSide.employer,
            owner_id=w.users["liaison"].id,
            due_on=TODAY,
        )
    )
    return f"/api/v1/checkpoints/{checkpoint.id}/outcome"


def transfer(w: World) -> dict[str, Any]:
    client = w.build.client(w.users["caseworker"].id)
    return {"to_caseworker_id": w.users["colleague"].id, "client_ids": [client.id]}


def user_path(name: str) -> Callable[[World], str]:
    return lambda w: f"/api/v1/users/{w.users[name].id}"


TODAY = date.today()
NEW_OFFER = {
    "kind": "vacancy",
    "title": "Dishwasher",
    "hours_per_week": 20,
    "contract_type": "permanent",
    "postcode": "1100",
}

ROWS = [
    # companies, contacts, engagement events
    Row("GET", "/companies", fixed("/companies"), "200 200 403 403 200 200"),
    Row(
        "POST",
        "/companies",
        fixed("/companies"),
        "201 201 403 403 403 403",
        lambda w: {
            "name": unique("Bäckerei "),
            "nace_code": "10",
            "size_class": "micro",
            "postcode": "1010",
        },
    ),
    Row(
        "GET",
        "/companies/{company_id}",
        fixed("/companies/{c}", c="company_a"),
        "200 200 403 403 200 404",
    ),
    Row(
        "PATCH",
        "/companies/{company_id}",
        fixed("/companies/{c}", c="company_a"),
        "200 200 403 403 200 404",
        lambda w: {"headcount": 12},
    ),
    Row("DELETE", "/companies/{company_id}", fresh_company, "204 204 403 403 403 403"),
    Row(
        "GET",
        "/companies/{company_id}/contacts",
        fixed("/companies/{c}/contacts", c="company_a"),
        "200 200 403 403 200 404",
    ),
    Row(
        "POST",
        "/companies/{company_id}/contacts",
        fixed("/companies/{c}/contacts", c="company_a"),
        "201 201 403 403 201 404",
        lambda w: {"name": "Eva Novak", "job_title": "HR"},
    ),
    Row(
        "DELETE",
        "/companies/{company_id}/contacts/{contact_id}",
        fresh_contact,
        "204 204 403 403 204 404",
    ),
    Row(
        "GET",
        "/companies/{company_id}/events",
        fixed("/companies/{c}/events", c="company_a"),
        "200 200 403 403 403 403",
    ),
    Row(
        "POST",
        "/companies/{company_id}/events",
        fixed("/companies/{c}/events", c="company_a"),
        "201 201 403 403 403 403",
        lambda w: {"kind": "call", "occurred_on": TODAY.isoformat(), "summary": "Called HR."},
    ),
    # offers and their actions
    Row("GET", "/offers", fixed("/offers"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/offers",
        fixed("/offers"),
        "201 201 403 403 201 422",
        lambda w: {**NEW_OFFER, "company_id": w.ids["company_a"]},
    ),
    Row("GET", "/offers/{offer_id}", fixed("/offers/{o}", o="offer_a"), "200 200 200 200 200 404"),
    Row(
        "GET",
        "/offers/{offer_id}",
        fixed("/offers/{o}", o="offer_a_draft"),
        "200 200 404 404 200 404",
    ),
    Row(
        "PATCH",
        "/offers/{offer_id}",
        fixed("/offers/{o}", o="offer_a_draft"),
        "200 200 403 403 200 404",
        lambda w: {"title": "Dishwasher (part time)"},
    ),
    Row(
        "GET",
        "/offers/{offer_id}/transitions",
        fixed("/offers/{o}/transitions", o="offer_a"),
        "200 200 200 200 200 404",
    ),
    Row(
        "POST",
        "/offers/{offer_id}/submit",
        fresh_offer(OfferStatus.draft, "submit"),
        "200 200 404 404 200 404",
    ),
    Row(
        "POST",
        "/offers/{offer_id}/publish",
        fresh_offer(OfferStatus.submitted, "publish"),
        "200 200 404 404 403 404",
    ),
    Row(
        "POST",
        "/offers/{offer_id}/withdraw",
        fresh_offer(OfferStatus.published, "withdraw"),
        "200 200 403 403 200 404",
    ),
    # tutors
    Row("GET", "/tutors", fixed("/tutors"), "200 200 403 403 200 200"),
    Row(
        "POST",
        "/tutors",
        fixed("/tutors"),
        "201 201 403 403 201 422",
        lambda w: {"company_id": w.ids["company_a"], "name": "Stefan Wagner"},
    ),
    Row("GET", "/tutors/{tutor_id}", fixed("/tutors/{t}", t="tutor_a"), "200 200 403 403 200 404"),
    Row(
        "PATCH",
        "/tutors/{tutor_id}",
        fixed("/tutors/{t}", t="tutor_a"),
        "200 200 403 403 200 404",
        lambda w: {"max_mentees": 3},
    ),
    Row("DELETE", "/tutors/{tutor_id}", fresh_tutor, "204 204 403 403 204 404"),
    # clients and what surrounds them
    Row("GET", "/clients", fixed("/clients"), "403 200 200 200 403 403"),
    Row(
        "POST",
        "/clients",
        fixed("/clients"),
        "403 403 201 201 403 403",
        lambda w: {
            "given_name": "Olena",
            "family_name": "Koval",
            "home_postcode": "1210",
            "right_to_work": "yes",
        },
    ),
    Row(
        "GET",
        "/clients/{client_id}",
        fixed("/clients/{c}", c="client_a"),
        "404 200 200 404 404 404",
    ),
    Row(
        "GET",
        "/clients/{client_id}",
        fixed("/clients/{c}", c="client_private"),
        "404 404 200 404 404 404",
    ),
    Row(
        "PATCH",
        "/clients/{client_id}",
        fixed("/clients/{c}", c="client_a"),
        "404 403 200 404 404 404",
        lambda w: {"aspirations": "Work in a canteen"},
    ),
    Row(
        "GET",
        "/clients/{client_id}/personal",
        fixed("/clients/{c}/personal", c="client_a"),
        "404 403 200 404 404 404",
    ),
    Row(
        "PATCH",
        "/clients/{client_id}/personal",
        fixed("/clients/{c}/personal", c="client_a"),
        "404 403 200 404 404 404",
        lambda w: {"phone": "+43 1 234"},
    ),
    Row(
        "DELETE",
        "/clients/{client_id}",
        fresh_client,
        "200 403 200 404 404 404",
        lambda w: {"reason": "client_request"},
    ),
    Row(
        "GET",
        "/clients/{client_id}/export",
        fixed("/clients/{c}/export", c="client_a"),
        "200 403 200 404 404 404",
    ),
    Row(
        "GET",
        "/clients/{client_id}/consent",
        fixed("/clients/{c}/consent", c="client_a"),
        "404 403 200 404 404 404",
    ),
    Row(
        "PUT",
        "/clients/{client_id}/consent",
        fixed("/clients/{c}/consent", c="client_a"),
        "404 403 200 404 404 404",
        lambda w: {"employers": True},
    ),
    Row(
        "GET",
        "/clients/{client_id}/contacts",
        fixed("/clients/{c}/contacts", c="client_a"),
        "404 403 200 404 404 404",
    ),
    Row(
        "POST",
        "/clients/{client_id}/contacts",
        fixed("/clients/{c}/contacts", c="client_a"),
        "404 403 201 404 404 404",
        lambda w: {"contacted_on": TODAY.isoformat(), "channel": "phone", "note": "Check-in"},
    ),
    Row(
        "POST",
        "/clients/{client_id}/shares",
        fixed("/clients/{c}/shares", c="client_a"),
        "404 403 201 404 404 404",
        lambda w: {"caseworker_id": w.users["colleague"].id},
    ),
    Row(
        "DELETE",
        "/clients/{client_id}/shares/{caseworker_id}",
        lambda w: f"/api/v1/clients/{w.ids['client_a']}/shares/{w.users['colleague'].id}",
        "404 403 404 404 404 404",
    ),
    # placements
    Row("GET", "/placements", fixed("/placements"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/placements",
        fixed("/placements"),
        "403 201 201 404 403 403",
        lambda w: {
            "client_id": w.ids["client_a"],
            "offer_id": w.build.offer(w.ids["company_a"], places=5).id,
            "planned_start": (TODAY + timedelta(days=14)).isoformat(),
        },
    ),
    Row(
        "GET",
        "/placements/{placement_id}",
        fixed("/placements/{p}", p="placement_a"),
        "200 200 200 404 200 404",
    ),
    Row(
        "PATCH",
        "/placements/{placement_id}",
        fixed("/placements/{p}", p="placement_a"),
        "403 200 200 404 403 403",
        lambda w: {"planned_end": (TODAY + timedelta(days=40)).isoformat()},
    ),
    Row(
        "GET",
        "/placements/{placement_id}/history",
        fixed("/placements/{p}/history", p="placement_a"),
        "200 200 200 404 200 404",
    ),
    Row(
        "POST",
        "/placements/{placement_id}/start",
        fresh_placement(PlacementStatus.planned, "start"),
        "403 200 200 404 200 404",
        lambda w: {},
    ),
    Row(
        "POST",
        "/placements/{placement_id}/complete",
        fresh_placement(PlacementStatus.started, "complete"),
        "403 200 200 404 200 404",
        lambda w: {},
    ),
    Row(
        "POST",
        "/placements/{placement_id}/hire",
        fresh_placement(PlacementStatus.started, "hire"),
        "403 200 200 404 200 404",
        lambda w: {"contract_type": "permanent", "contract_hours": 30},
    ),
    Row(
        "POST",
        "/placements/{placement_id}/end-early",
        fresh_placement(PlacementStatus.started, "end-early"),
        "403 200 200 404 200 404",
        lambda w: {"reason": "health"},
    ),
    Row(
        "POST",
        "/placements/{placement_id}/cancel",
        fresh_placement(PlacementStatus.planned, "cancel"),
        "403 200 200 404 200 404",
        lambda w: {"text": "The client moved away"},
    ),
    Row(
        "POST",
        "/placements/{placement_id}/report",
        fresh_placement(PlacementStatus.started, "report"),
        "403 200 403 403 200 404",
        lambda w: {"attendance": "completed", "skills_observed": ["food hygiene"]},
    ),
    # proposals
    Row("GET", "/proposals", fixed("/proposals"), "403 200 200 200 200 200"),
    Row(
        "GET",
        "/proposals/{proposal_id}",
        fixed("/proposals/{p}", p="proposal_a"),
        "403 200 200 404 200 404",
    ),
    Row(
        "GET",
        "/proposals/{proposal_id}/history",
        fixed("/proposals/{p}/history", p="proposal_a"),
        "403 200 200 404 200 404",
    ),
    Row(
        "POST",
        "/proposals/{proposal_id}/answer",
        fresh_proposal("answer"),
        "403 200 403 403 200 404",
        lambda w: {"answer": "interview_planned", "interview_on": TODAY.isoformat()},
    ),
    Row(
        "POST",
        "/proposals/{proposal_id}/withdraw",
        fresh_proposal("withdraw"),
        "403 200 200 404 403 403",
        lambda w: {"text": "Found work elsewhere"},
    ),
    # follow-up, inbox, indicators
    Row("GET", "/checkpoints", fixed("/checkpoints"), "403 200 200 200 403 403"),
    Row(
        "POST",
        "/checkpoints/{checkpoint_id}/outcome",
        fresh_checkpoint,
        "403 200 200 404 403 403",
        lambda w: {"outcome": "in_work", "satisfaction_client": 4},
    ),
    Row("GET", "/inbox", fixed("/inbox"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/inbox/{alert_id}/read",
        fixed("/inbox/{a}/read", a="alert_a"),
        "404 404 200 404 404 404",
    ),
    Row("GET", "/indicators", fixed("/indicators"), "200 200 200 200 403 403"),
    Row(
        "GET",
        "/indicators/{table}.csv",
        fixed("/indicators/offers_by_state.csv"),
        "200 200 200 200 403 403",
    ),
    Row(
        "POST",
        "/tutors/{tutor_id}/trainings",
        fixed("/tutors/{t}/trainings", t="tutor_a"),
        "201 201 403 403 201 404",
        lambda w: {"title": "Mentoring newcomers", "attended_on": TODAY.isoformat()},
    ),
    Row(
        "GET",
        "/tutors/{tutor_id}/history",
        fixed("/tutors/{t}/history", t="tutor_a"),
        "200 200 403 403 200 404",
    ),
    # users, offices, audit
    Row("GET", "/users", fixed("/users"), "200 403 403 403 403 403"),
    Row(
        "POST",
        "/users",
        fixed("/users"),
        "201 403 403 403 403 403",
        lambda w: {
            "email": f"{unique('new')}@tandem.example",
            "display_name": "New",
            "password": "long enough to pass",
            "role": "caseworker",
        },
    ),
    Row("GET", "/users/me", fixed("/users/me"), "200 200 200 200 200 200"),
    # Signing out ends only the caller's own tokens: every role may.
    Row("POST", "/auth/logout", fixed("/auth/logout"), "204 204 204 204 204 204"),
    Row("GET", "/users/{user_id}", user_path("liaison"), "200 200 404 404 404 404"),
    Row(
        "PATCH",
        "/users/{user_id}",
        user_path("caseworker_b"),
        "200 403 403 403 403 403",
        lambda w: {"display_name": "Caseworker B"},
    ),
    # A user who is not one of the callers: a role change ends that user's tokens.
    Row(
        "PATCH",
        "/users/{user_id}",
        user_path("colleague"),
        "200 403 403 403 403 403",
        lambda w: {"role": "employer", "company_id": w.ids["company_a"], "office_id": None},
    ),
    Row(
        "POST",
        "/users/{user_id}/caseload-transfer",
        lambda w: f"/api/v1/users/{w.users['caseworker'].id}/caseload-transfer",
        "200 403 403 403 403 403",
        transfer,
    ),
    Row("GET", "/offices", fixed("/offices"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/offices",
        fixed("/offices"),
        "201 403 403 403 403 403",
        lambda w: {"name": unique("Office ")},
    ),
    Row("GET", "/audit", fixed("/audit"), "200 403 403 403 403 403"),
]

SKILL_ROWS = [
    Row("GET", "/skills", lambda w: "/api/v1/skills?q=food", "200 200 200 200 200 200"),
    Row(
        "POST",
        "/skills/normalise",
        fixed("/skills/normalise"),
        "200 200 200 200 200 200",
        lambda w: {"text": "HACCP"},
    ),
    Row(
        "POST",
        "/skills/extract",
        fixed("/skills/extract"),
        "200 200 200 200 200 200",
        lambda w: {"text": "You know HACCP. You speak some German."},
    ),
    Row("GET", "/skills/stats", fixed("/skills/stats"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/skills/occupations",
        fixed("/skills/occupations"),
        "200 200 200 200 200 200",
        lambda w: {"title": "Kitchen assistant", "requirements": ["food hygiene"]},
    ),
    Row(
        "GET", "/skills/{concept_id}", fixed("/skills/{c}", c="concept"), "200 200 200 200 200 200"
    ),
    Row(
        "PUT",
        "/clients/{client_id}/skills/{skill_id}/concepts",
        fixed("/clients/{c}/skills/{s}/concepts", c="client_a", s="skill_a"),
        "404 403 200 404 404 404",
        lambda w: {"concept_ids": [w.ids["concept"]]},
    ),
    Row(
        "PUT",
        "/offers/{offer_id}/requirements/{requirement_id}/concepts",
        fixed("/offers/{o}/requirements/{r}/concepts", o="offer_a_draft", r="requirement_a_draft"),
        "200 200 403 403 200 404",
        lambda w: {"concept_ids": [w.ids["concept"]]},
    ),
    Row(
        "POST",
        "/clients/{client_id}/skills",
        fixed("/clients/{c}/skills", c="client_a"),
        "404 403 201 404 404 404",
        lambda w: {"text": "Looked after my grandmother for three years"},
    ),
    Row(
        "POST",
        "/clients/{client_id}/languages",
        fixed("/clients/{c}/languages", c="client_a"),
        "404 403 201 404 404 404",
        lambda w: {"language": next(LANGUAGES), "level": "B1"},
    ),
    Row(
        "POST",
        "/offers/{offer_id}/requirements",
        fixed("/offers/{o}/requirements", o="offer_a_draft"),
        "201 201 403 403 201 404",
        lambda w: {"text": "Forklift licence", "essential": False},
    ),
    Row(
        "POST",
        "/offers/{offer_id}/languages",
        fixed("/offers/{o}/languages", o="offer_a_draft"),
        "201 201 403 403 201 404",
        lambda w: {"language": next(LANGUAGES), "min_level": "A2"},
    ),
    Row(
        "GET",
        "/offers/{offer_id}/occupations",
        fixed("/offers/{o}/occupations", o="offer_a"),
        "200 200 200 200 200 404",
    ),
]
ROWS += SKILL_ROWS

REVIEW_ROWS = [
    Row(
        "POST",
        "/offers/screen",
        fixed("/offers/screen"),
        "200 200 200 200 200 200",
        lambda w: {"text": "Waitress wanted, max 30 years"},
    ),
    Row("GET", "/offers/review-queue", fixed("/offers/review-queue"), "200 200 403 403 403 403"),
    Row("GET", "/offers/jobpostings", fixed("/offers/jobpostings"), "200 200 200 200 200 200"),
    Row(
        "POST",
        "/offers/import",
        fixed("/offers/import"),
        "200 200 403 403 403 403",
        lambda w: {
            "@type": "JobPosting",
            "title": "Porter",
            "workHours": "20 hours",
            "hiringOrganization": {"name": "Gasthaus Zur Linde"},
            "jobLocation": {"address": {"postalCode": "1100"}},
        },
    ),
    # No file sent: staff get 422 naming it, everyone else 403 before the upload is read.
    Row("POST", "/offers/import-file", fixed("/offers/import-file"), "422 422 403 403 403 403"),
    Row(
        "GET",
        "/offers/{offer_id}/jobposting",
        fixed("/offers/{o}/jobposting", o="offer_a"),
        "200 200 200 200 200 404",
    ),
    Row(
        "GET",
        "/offers/{offer_id}/screenings",
        fixed("/offers/{o}/screenings", o="offer_a"),
        "200 200 200 200 200 404",
    ),
    Row(
        "POST",
        "/offers/{offer_id}/hold",
        fresh_offer(OfferStatus.published, "hold"),
        "200 200 403 403 403 404",
    ),
    Row(
        "POST",
        "/offers/{offer_id}/reject",
        fresh_offer(OfferStatus.held, "reject"),
        "200 200 404 404 403 404",
        lambda w: {"reason": "Age limit in the requirements"},
    ),
    Row(
        "POST",
        "/offers/{offer_id}/request-changes",
        fresh_offer(OfferStatus.held, "request-changes"),
        "200 200 404 404 403 404",
        lambda w: {"reason": "Please remove the age limit"},
    ),
    Row(
        "GET",
        "/companies/without-contact",
        fixed("/companies/without-contact"),
        "200 200 403 403 403 403",
    ),
    Row(
        "GET",
        "/companies/{company_id}/history",
        fixed("/companies/{c}/history", c="company_a"),
        "200 200 403 403 403 403",
    ),
]
ROWS += REVIEW_ROWS

SHORTLIST_ROWS = [
    Row(
        "POST",
        "/clients/{client_id}/shortlists",
        fixed("/clients/{c}/shortlists", c="client_a"),
        "403 201 201 404 403 403",
        lambda w: {"limit": 5},
    ),
    Row(
        "POST",
        "/offers/{offer_id}/shortlists",
        fresh_offer(OfferStatus.published, "shortlists"),
        "403 201 201 201 403 403",
    ),
    Row(
        "GET",
        "/shortlists/{shortlist_id}",
        fixed("/shortlists/{s}", s="shortlist_a"),
        "403 200 200 404 403 403",
    ),
    Row(
        "POST",
        "/shortlists/{shortlist_id}/decisions",
        fixed("/shortlists/{s}/decisions", s="shortlist_a"),
        "403 201 201 404 403 403",
        lambda w: {"candidate_id": w.ids["offer_a"], "decision": "contacted"},
    ),
    Row(
        "GET",
        "/shortlists/{shortlist_id}/why-not/{candidate_id}",
        fixed("/shortlists/{s}/why-not/{o}", s="shortlist_a", o="offer_b"),
        "403 200 200 404 403 403",
    ),
]
ROWS += SHORTLIST_ROWS

PUBLIC = {("POST", "/api/v1/auth/token")}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.method} {r.template}")
def test_each_role_gets_what_it_may(client: TestClient, world: World, row: Row) -> None:
    got = {}
    for who in COLUMNS:
        body = row.body(world) if row.body else None
        response = client.request(
            row.method, row.path(world), json=body, headers=world.headers(who)
        )
        got[who] = response.status_code
    assert got == row.statuses()


def test_the_matrix_covers_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    routes = {(method.upper(), path) for path, methods in paths.items() for method in methods}
    assert len(routes) > 40
    covered = {(row.method, "/api/v1" + row.template) for row in ROWS} | PUBLIC
    assert routes - covered == set()
    assert covered - routes == set()


def test_without_a_token_every_endpoint_is_401(client: TestClient, world: World) -> None:
    for row in ROWS:
        response = client.request(row.method, row.path(world))
        assert response.status_code == 401, (row.method, row.template)
