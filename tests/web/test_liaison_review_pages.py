"""The liaison officer's review queue, an offer's review with its findings marked in the text,
the three decisions, and an offer's candidates, read as a person reads them."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models.offer import OfferScreening, OfferStatus
from tests.api.test_shortlists import LINZ, Skill, add_client, add_offer
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.web.test_list_pages import counting
from tests.world import World

LIAISON = "liaison@tandem.example"
FINDING = {
    "ground": "age",
    "rule": "en-age-young",
    "span": "young",
    "suggestion": "Describe the tasks instead of age.",
    "field": "requirements.0",
    "start": 0,
    "end": 5,
}


def _held_offer(world: World, title: str = "Waiter") -> int:
    """A held offer whose first requirement has an age finding."""
    offer = world.build.offer(world.ids["company_a"], status=OfferStatus.held, title=title)
    with world.build.db() as session:
        requirement = offer.requirements[0]
        session.merge(requirement).text = "young and dynamic"
        session.add(OfferScreening(offer_id=offer.id, trigger="submit", findings=[FINDING]))
        session.commit()
    return offer.id


def _api_offer(client: TestClient, world: World, offer_id: int) -> dict[str, Any]:
    response = client.get(f"/api/v1/offers/{offer_id}", headers=world.headers("liaison"))
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def _history(client: TestClient, world: World, offer_id: int) -> list[dict[str, Any]]:
    response = client.get(
        f"/api/v1/offers/{offer_id}/transitions", headers=world.headers("liaison")
    )
    result: list[dict[str, Any]] = response.json()
    return result


def test_the_queue_lists_a_held_offer_with_its_findings(client: TestClient, world: World) -> None:
    offer_id = _held_offer(world)
    sign_in(client, LIAISON)
    page = soup(client.get("/"))
    assert page.find("a", href="/liaison/review") is not None  # in the navigation
    queue = soup(client.get("/liaison/review"))
    link = queue.find("a", href=f"/liaison/review/{offer_id}")
    assert link is not None
    row = link.find_parent("tr")
    assert row is not None
    text = row.get_text(" ", strip=True)
    assert "Gasthaus Zur Linde" in text
    assert "Held" in text
    assert "1 finding" in text
    assert "age" in text
    # Published offers are not waiting for review.
    assert queue.find("a", href=f"/liaison/review/{world.ids['offer_a']}") is None


def test_the_queue_is_paged_and_says_when_empty(client: TestClient, world: World) -> None:
    sign_in(client, LIAISON)
    empty = soup(client.get("/liaison/review")).get_text(" ", strip=True)
    assert "Nothing to review" in empty
    for n in range(21):
        world.build.offer(world.ids["company_a"], status=OfferStatus.submitted, title=f"O{n:02d}")
    first = soup(client.get("/liaison/review"))
    assert len(first.select("#queue tbody tr")) == 20
    assert first.find("a", rel="next") is not None
    second = soup(client.get("/liaison/review?page=2"))
    assert len(second.select("#queue tbody tr")) == 1


def test_the_finding_is_marked_in_the_text_with_its_ground_and_rewording(
    client: TestClient, world: World
) -> None:
    offer_id = _held_offer(world)
    sign_in(client, LIAISON)
    page = soup(client.get(f"/liaison/review/{offer_id}"))
    marks = page.select(".offer-text mark")
    assert [m.get_text() for m in marks] == ["young"]
    requirement = marks[0].find_parent("li")
    assert requirement is not None
    assert requirement.get_text(" ", strip=True).startswith("young finding 1 and dynamic")
    note = page.find(id=marks[0]["aria-describedby"])
    assert note is not None
    words = note.get_text(" ", strip=True)
    assert "“young” may exclude people for their age" in words
    assert "Describe the tasks instead of age." in words


def test_the_marking_follows_the_words_when_the_text_moved() -> None:
    from web.routes.liaison_review import mark_findings

    pieces = mark_findings("Very young team", [(1, FINDING)])  # offsets 0-5 no longer fit
    assert [(p.text, p.note) for p in pieces] == [("Very ", None), ("young", 1), (" team", None)]
    gone = mark_findings("A friendly team", [(1, FINDING)])
    assert [(p.text, p.note) for p in gone] == [("A friendly team", None)]


def test_request_changes_needs_a_message_then_returns_the_offer_with_it(
    client: TestClient, world: World
) -> None:
    offer_id = _held_offer(world)
    sign_in(client, LIAISON)
    path = f"/liaison/review/{offer_id}"
    refused = post_form(client, f"{path}/request-changes", {"message": "  "}, path)
    assert refused.status_code == 422
    page = soup(refused)
    error = page.find(id="message-error")
    assert error is not None
    assert "Write the employer what to change" in error.get_text()
    assert page.select_one(".error-summary a[href='#message']") is not None
    assert _api_offer(client, world, offer_id)["status"] == "held"

    message = "Please describe the tasks instead of asking for young people."
    done = post_form(client, f"{path}/request-changes", {"message": message}, path)
    assert done.status_code == 200
    assert done.url.path == "/liaison/review"
    confirmation = soup(done).select_one(".confirmation")
    assert confirmation is not None
    assert "Changes requested for “Waiter”" in confirmation.get_text()
    assert _api_offer(client, world, offer_id)["status"] == "draft"
    last = _history(client, world, offer_id)[-1]
    assert (last["from_status"], last["to_status"], last["reason"]) == ("held", "draft", message)
    # The employer reads the message on the offer's page.
    client.cookies.clear()
    sign_in(client, "boss@linde.example")
    employer = soup(client.get(f"/company/offers/{offer_id}")).get_text(" ", strip=True)
    assert f"Changes requested: {message}" in employer


def test_publishing_over_findings_needs_a_written_reason(client: TestClient, world: World) -> None:
    offer_id = _held_offer(world)
    sign_in(client, LIAISON)
    path = f"/liaison/review/{offer_id}"
    before = len(_history(client, world, offer_id))
    refused = post_form(client, f"{path}/publish", {"publish_reason": ""}, path)
    assert refused.status_code == 422
    field = soup(refused).find("textarea", id="publish_reason")
    assert field is not None
    assert field.get("aria-invalid") == "true"
    error = soup(refused).find(id="publish_reason-error")
    assert error is not None
    assert "despite its screening findings" in error.get_text()
    assert _api_offer(client, world, offer_id)["status"] == "held"
    assert len(_history(client, world, offer_id)) == before

    reason = "“Young” here names the team's style; the tasks are described."
    done = post_form(client, f"{path}/publish", {"publish_reason": reason}, path)
    assert done.url.path == "/liaison/review"
    confirmation = soup(done).select_one(".confirmation")
    assert confirmation is not None
    assert "is published" in confirmation.get_text()
    assert confirmation.find("a", href=f"/liaison/offers/{offer_id}/candidates") is not None
    assert _api_offer(client, world, offer_id)["status"] == "published"
    assert _history(client, world, offer_id)[-1]["reason"] == reason
    # Published: no decisions left on its page, a way to its candidates instead.
    page = soup(client.get(path))
    assert not page.select("textarea")
    assert page.find("a", href=f"/liaison/offers/{offer_id}/candidates") is not None


def test_reject_needs_a_reason_and_records_it(client: TestClient, world: World) -> None:
    offer_id = _held_offer(world)
    sign_in(client, LIAISON)
    path = f"/liaison/review/{offer_id}"
    refused = post_form(client, f"{path}/reject", {"reject_reason": "", "x": ""}, path)
    assert refused.status_code == 422
    assert soup(refused).find(id="reject_reason-error") is not None
    done = post_form(client, f"{path}/reject", {"reject_reason": "Not a real vacancy."}, path)
    assert "is rejected" in soup(done).get_text()
    assert _api_offer(client, world, offer_id)["status"] == "rejected"
    assert _history(client, world, offer_id)[-1]["reason"] == "Not a real vacancy."
    # Decided already: deciding again is refused, saying why; nothing changes.
    again = post_form(client, f"{path}/publish", {"publish_reason": "Anyway"}, path)
    assert again.status_code == 409
    summary = soup(again).select_one(".error-summary a[href='#offer-state']")
    assert summary is not None
    assert "rejected" in summary.get_text()
    assert _api_offer(client, world, offer_id)["status"] == "rejected"


def test_an_employer_and_a_caseworker_get_404(client: TestClient, world: World) -> None:
    offer_id = _held_offer(world)
    for email in ("boss@linde.example", "cw@tandem.example"):
        client.cookies.clear()
        sign_in(client, email)
        for path in (
            "/liaison/review",
            f"/liaison/review/{offer_id}",
            f"/liaison/offers/{world.ids['offer_a']}/candidates",
        ):
            assert client.get(path).status_code == 404, (email, path)
        token = csrf_token(client, "/")
        answer = client.post(
            f"/liaison/review/{offer_id}/publish",
            data={"publish_reason": "Because", "csrf_token": token},
        )
        assert answer.status_code == 404
    assert _api_offer(client, world, offer_id)["status"] == "held"


def test_the_candidates_are_consenting_clients_without_contact_data(
    client: TestClient, world: World
) -> None:
    hygiene = world.ids["concept"]
    offer_id = add_offer(world, "Cook at the parish café", [("Food hygiene", True, hygiene)])
    skills: list[Skill] = [("Food safety", hygiene, "exact")]
    sharing = add_client(world, skills, "Samira")
    private = add_client(world, skills, "Jelena", consent_liaison=False)
    no_employers = add_client(world, skills, "Omar", consent_employers=False)
    sign_in(client, LIAISON)
    path = f"/liaison/offers/{offer_id}/candidates"
    first = soup(client.get(path)).get_text(" ", strip=True)
    assert "No list made yet" in first
    page = soup(post_form(client, path, {}, path))
    listed = {li["id"] for li in page.select("li[id^=client-]")}
    assert f"client-{sharing}" in listed
    assert f"client-{no_employers}" in listed
    assert f"client-{private}" not in listed
    text = page.get_text(" ", strip=True)
    assert "Jelena" not in text
    assert "+43" not in text  # no contact data
    assert "Debt" not in text  # nor barriers
    item = page.select_one(f"#client-{sharing}")
    assert item is not None
    assert "Met: 'Food hygiene' by 'Food safety'" in item.get_text(" ", strip=True)
    # Omar did not agree to share with employers: he cannot be proposed.
    blocked = page.select_one(f"#client-{no_employers} button[disabled]")
    assert blocked is not None

    shortlist_id = page.find("input", attrs={"name": "shortlist_id"})["value"]  # type: ignore[index]
    decision = {"shortlist_id": shortlist_id, "candidate_id": str(sharing), "decision": "proposed"}
    proposed = post_form(client, f"{path}/decisions", decision, path)
    assert proposed.status_code == 200
    assert "Proposed" in proposed.text
    response = client.get(
        "/api/v1/proposals", params={"offer_id": offer_id}, headers=world.headers("liaison")
    )
    assert [p["client_id"] for p in response.json()["items"]] == [sharing]
    rejected = {**decision, "candidate_id": str(no_employers), "decision": "rejected"}
    refused = post_form(client, f"{path}/decisions", rejected, path)
    assert refused.status_code == 422
    assert "Give a reason for rejecting this client" in refused.text


def test_candidates_of_an_offer_not_published_say_why(client: TestClient, world: World) -> None:
    sign_in(client, LIAISON)
    path = f"/liaison/offers/{world.ids['offer_a_draft']}/candidates"
    answer = post_form(client, path, {}, path)
    assert answer.status_code == 409
    error = soup(answer).find(id="make-list-error")
    assert error is not None
    assert "draft" in error.get_text()


def test_a_short_list_of_clients_says_why_and_its_suggestion_brings_them_back(
    client: TestClient, world: World
) -> None:
    hygiene = world.ids["concept"]
    offer_id = add_offer(world, "Cook at the parish café", [("Food hygiene", True, hygiene)])
    skills: list[Skill] = [("Food safety", hygiene, "exact")]
    far = add_client(world, skills, "Lena", latitude=LINZ[0], longitude=LINZ[1])
    sign_in(client, LIAISON)
    path = f"/liaison/offers/{offer_id}/candidates"
    page = soup(post_form(client, path, {}, path))
    assert page.select_one(f"#client-{far}") is None
    funnel = page.select_one(".funnel")
    assert funnel is not None
    assert "1 live beyond the distance they can travel" in funnel.get_text()
    form = funnel.find("form")
    assert form is not None
    button = form.find("button")
    assert button is not None
    assert "up to 1 more clients" in button.get_text()
    data: dict[str, object] = {
        str(i["name"]): str(i["value"])
        for i in form.find_all("input")
        if i.get("name") and i["name"] != "csrf_token"
    }
    relaxed = soup(post_form(client, path, data, path))
    assert relaxed.select_one(f"#client-{far}") is not None


def test_the_candidates_page_sends_as_many_queries_for_many_clients_as_for_few(
    client: TestClient, world: World, engine: Engine
) -> None:
    """Whether each client may be proposed to employers is read for the list at once, not
    client by client."""
    hygiene = world.ids["concept"]
    offer_id = add_offer(world, "Cook at the parish café", [("Food hygiene", True, hygiene)])
    skills: list[Skill] = [("Food safety", hygiene, "exact")]
    path = f"/liaison/offers/{offer_id}/candidates"
    sign_in(client, LIAISON)

    def queries(people: list[str]) -> tuple[int, int]:
        for name in people:
            add_client(world, skills, name, consent_employers=name.startswith("S"))
        page = soup(post_form(client, path, {}, path))
        listed = len(page.select("li[id^=client-]"))
        with counting(engine) as statements:
            assert client.get(path).status_code == 200
        return listed, len(statements)

    few, few_queries = queries(["Samira", "Omar"])
    many, many_queries = queries(["Sven", "Olga", "Sara", "Otto"])
    assert many > few
    assert many_queries == few_queries
