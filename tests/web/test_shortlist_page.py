"""The shortlist page: explanations, relaxations in place (htmx), the funnel, decisions and
why-not, read from the HTML."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_shortlists import LINZ, Requirement, add_offer
from tests.web.pages import csrf_token, post_form, sign_in, soup
from tests.world import World


def _offers(world: World) -> tuple[int, int]:
    need: list[Requirement] = [("Food hygiene", True, world.ids["concept"])]
    near = add_offer(world, "Cook at the parish café", need)
    far = add_offer(world, "Cook in Linz", need, latitude=LINZ[0], longitude=LINZ[1])
    return near, far


def _with_hygiene(client: TestClient, world: World) -> None:
    post_form(
        client,
        f"/clients/{world.ids['client_a']}/experience/save",
        {"phrase": "Food safety", "concept": f"0:{world.ids['concept']}"},
    )


def test_a_shortlist_explains_each_offer_and_its_funnel_offers_a_relaxation(
    client: TestClient, world: World
) -> None:
    near, far = _offers(world)
    sign_in(client, "cw@tandem.example")
    _with_hygiene(client, world)
    made = post_form(client, f"/clients/{world.ids['client_a']}/shortlists", {})
    assert made.url.path.startswith("/shortlists/")
    page = soup(made)
    item = page.select_one(f"#offer-{near}")
    assert item is not None
    text = item.get_text(" ", strip=True)
    assert "Met: 'Food hygiene' by 'Food safety'" in text
    assert "km of 20 km allowed" in text
    assert page.select_one(f"#offer-{far}") is None
    funnel = page.select_one(".funnel")
    assert funnel is not None
    assert "1 beyond the distance allowed" in funnel.get_text()
    button = funnel.find("button")
    assert button is not None
    assert "km more travel" in button.get_text()
    relax = funnel.find("input", attrs={"name": "relax_distance_km"})
    assert relax is not None
    # Following the suggestion, as htmx does: only the fragment comes back, and its address.
    data = {
        str(i["name"]): str(i["value"])
        for i in funnel.find_all("input")
        if i.get("name") and i.get("value") is not None
    }
    fragment = client.post(
        f"/clients/{world.ids['client_a']}/shortlists",
        data=data,
        headers={"HX-Request": "true", "X-CSRF-Token": csrf_token(client, "/")},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert fragment.headers["HX-Push-Url"].startswith("/shortlists/")
    assert soup(fragment).select_one(f"#offer-{far}") is not None
    # The stored list reopens as it was made.
    again = soup(client.get(made.url.path))
    assert again.select_one(f"#offer-{far}") is None
    assert again.select_one(".funnel") is not None


def test_decisions_reject_needs_a_reason_and_propose_needs_consent(
    client: TestClient, world: World
) -> None:
    near, _far = _offers(world)
    sign_in(client, "cw@tandem.example")
    _with_hygiene(client, world)
    made = post_form(client, f"/clients/{world.ids['client_a']}/shortlists", {})
    path = made.url.path
    refused = post_form(
        client, path + "/decisions", {"candidate_id": near, "decision": "rejected"}, page=path
    )
    assert refused.status_code == 422
    error = soup(refused).select_one(f"#decision-{near}-error")
    assert error is not None
    assert "Give a reason" in error.get_text()
    rejected = post_form(
        client,
        path + "/decisions",
        {"candidate_id": near, "decision": "rejected", "reason": "too far from the school"},
        page=path,
    )
    decisions = soup(rejected).select_one(f"#offer-{near} .decisions")
    assert decisions is not None
    assert "Rejected: too far from the school" in decisions.get_text()
    post_form(
        client,
        f"/clients/{world.ids['client_a']}/consent",
        {"kind": "employers", "granted": "false"},
    )
    off = soup(client.get(path)).select_one(f"#offer-{near}")
    assert off is not None
    propose = off.find("button", string=lambda s: s is not None and "Propose" in s)
    assert propose is not None
    assert propose.has_attr("disabled")
    assert "no consent to share the profile with employers" in off.get_text()


def test_why_not_names_the_constraint(client: TestClient, world: World) -> None:
    _offers(world)
    sign_in(client, "cw@tandem.example")
    _with_hygiene(client, world)
    made = post_form(client, f"/clients/{world.ids['client_a']}/shortlists", {})
    page = soup(client.get(made.url.path + "/why-not?q=Linz"))
    answers = page.select_one(".cards")
    assert answers is not None
    assert "distance" in answers.get_text()
    assert "Cook in Linz" in answers.get_text()
    nothing = soup(client.get(made.url.path + "/why-not?q=zzzz")).get_text()
    assert "No published offer has these words" in nothing
