"""No lost update: reads carry a version (body field and ETag), a write made against an older
version is refused with 409 and the current version, and adding one item never conflicts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.world import World

RACERS = 20
LATER = (date.today() + timedelta(days=90)).isoformat()


def _together(count: int, call: Callable[[int], Any]) -> list[Any]:
    """``count`` requests sent from as many threads, released at once."""
    barrier = threading.Barrier(count)

    def run(i: int) -> Any:
        barrier.wait(timeout=30)
        return call(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_a_read_carries_its_version_and_a_stale_write_is_refused(
    client: TestClient, world: World
) -> None:
    url = f"/api/v1/clients/{world.ids['client_a']}"
    headers = world.headers("caseworker")
    first = client.get(url, headers=headers)
    version = first.json()["version"]
    assert first.headers["ETag"] == f'"{version}"'

    mine = client.patch(
        url, json={"aspirations": "Cook"}, headers={**headers, "If-Match": f'"{version}"'}
    )
    assert mine.status_code == 200
    assert mine.json()["version"] == version + 1
    assert mine.headers["ETag"] == f'"{version + 1}"'

    stale = client.patch(url, json={"aspirations": "Drive", "version": version}, headers=headers)
    assert stale.status_code == 409
    assert stale.json()["error"] == "stale"
    assert "changed by someone else since you read it" in stale.json()["detail"]
    assert stale.json()["current_version"] == version + 1
    assert client.get(url, headers=headers).json()["aspirations"] == "Cook"

    # A write that sends no version at all is accepted as before.
    blind = client.patch(url, json={"aspirations": "Drive"}, headers=headers)
    assert blind.status_code == 200
    assert blind.json()["version"] == version + 2

    bad = client.patch(url, json={"aspirations": "x"}, headers={**headers, "If-Match": "soon"})
    assert bad.status_code == 422
    assert bad.json()["field"] == "If-Match"


def test_every_editable_resource_refuses_a_stale_write(client: TestClient, world: World) -> None:
    cases: list[tuple[str, str, dict[str, Any]]] = [
        ("liaison", f"/api/v1/offers/{world.ids['offer_a_draft']}", {"title": "Dishwasher"}),
        ("liaison", f"/api/v1/companies/{world.ids['company_a']}", {"headcount": 12}),
        ("liaison", f"/api/v1/tutors/{world.ids['tutor_a']}", {"job_title": "Chef"}),
        ("liaison", f"/api/v1/placements/{world.ids['placement_a']}", {"planned_end": LATER}),
        ("caseworker", f"/api/v1/clients/{world.ids['client_a']}", {"aspirations": "Cook"}),
    ]
    for who, url, change in cases:
        headers = world.headers(who)
        read = client.get(url, headers=headers)
        version = read.json()["version"]
        assert read.headers["ETag"] == f'"{version}"', url
        ok = client.patch(url, json=change, headers={**headers, "If-Match": read.headers["ETag"]})
        assert ok.status_code == 200, (url, ok.json())
        again = client.patch(url, json=change, headers={**headers, "If-Match": f'"{version}"'})
        assert again.status_code == 409, url
        assert again.json()["current_version"] == ok.json()["version"], url


def test_twenty_simultaneous_stale_edits_one_wins(client: TestClient, world: World) -> None:
    url = f"/api/v1/offers/{world.ids['offer_a_draft']}"
    headers = world.headers("liaison")
    version = client.get(url, headers=headers).json()["version"]

    answers = _together(
        RACERS,
        lambda i: client.patch(
            url, json={"title": f"Title {i}"}, headers={**headers, "If-Match": f'"{version}"'}
        ),
    )

    codes = sorted(a.status_code for a in answers)
    assert codes == [200] + [409] * (RACERS - 1)
    winner = next(a for a in answers if a.status_code == 200).json()
    stored = client.get(url, headers=headers).json()
    assert stored["title"] == winner["title"]
    assert stored["version"] == version + 1


def test_twenty_simultaneous_skill_additions_are_all_kept(client: TestClient, world: World) -> None:
    url = f"/api/v1/clients/{world.ids['client_a']}"
    headers = world.headers("caseworker")
    before = client.get(url, headers=headers).json()

    answers = _together(
        RACERS,
        lambda i: client.post(
            f"{url}/skills",
            json={"text": f"Volunteered at the food bank, shift {i}"},
            headers=headers,
        ),
    )

    assert [a.status_code for a in answers] == [201] * RACERS
    after = client.get(url, headers=headers).json()
    texts = [s["text"] for s in after["skills"]]
    assert len(texts) == len(before["skills"]) + RACERS
    assert {f"Volunteered at the food bank, shift {i}" for i in range(RACERS)} <= set(texts)
    # Each addition moved the version on, so a PATCH of the whole list read before is refused.
    stale = client.patch(url, json={"skills": [], "version": before["version"]}, headers=headers)
    assert stale.status_code == 409
    assert len(client.get(url, headers=headers).json()["skills"]) == len(texts)


def test_twenty_simultaneous_requirement_and_language_additions_are_all_kept(
    client: TestClient, world: World
) -> None:
    url = f"/api/v1/offers/{world.ids['offer_a_draft']}"
    headers = world.headers("liaison")
    before = client.get(url, headers=headers).json()
    languages = ["de", "fr", "it", "es", "pl", "tr"]

    answers = _together(
        RACERS + len(languages),
        lambda i: (
            client.post(
                f"{url}/requirements", json={"text": f"Requirement line {i}"}, headers=headers
            )
            if i < RACERS
            else client.post(
                f"{url}/languages",
                json={"language": languages[i - RACERS], "min_level": "A2"},
                headers=headers,
            )
        ),
    )

    assert [a.status_code for a in answers] == [201] * (RACERS + len(languages))
    after = client.get(url, headers=headers).json()
    assert len(after["requirements"]) == len(before["requirements"]) + RACERS
    assert sorted(lang["language"] for lang in after["languages"]) == sorted(languages)
    positions = [r["text"] for r in after["requirements"]]
    assert len(set(positions)) == len(positions)
    again = client.post(
        f"{url}/languages", json={"language": "de", "min_level": "B2"}, headers=headers
    )
    assert again.status_code == 409
    assert again.json()["field"] == "language"
