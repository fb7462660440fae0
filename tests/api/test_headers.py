"""Security headers on every response, no-store on personal data, the docs served from the
installed package, the request body limit, and framework errors in Tandem's error shape."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.security import CONTENT_SECURITY_POLICY, headers_for
from config.settings import Environment, Settings
from matching.embedding import Embedder
from tests.web.pages import sign_in
from tests.world import World
from web.app import create_app

ALWAYS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


def _check(response: object, *, no_store: bool) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in ALWAYS.items():
        assert headers[name] == value, name
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["strict-transport-security"].startswith("max-age=")  # env=test
    assert (headers.get("cache-control") == "no-store") is no_store


def test_every_kind_of_answer_has_the_security_headers(client: TestClient, world: World) -> None:
    _check(client.get("/api/v1/users/me", headers=world.headers("caseworker")), no_store=True)
    _check(
        client.get(f"/api/v1/clients/{world.ids['client_a']}", headers=world.headers("caseworker")),
        no_store=True,
    )  # noqa: E501
    _check(client.get("/api/v1/users/me"), no_store=True)  # 401
    _check(client.get("/api/v1/nothing-here"), no_store=True)  # 404
    _check(client.get("/sign-in"), no_store=True)
    sign_in(client, "cw@tandem.example")
    page = client.get("/clients")
    assert page.status_code == 200
    _check(page, no_store=True)
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    _check(client.get("/static/htmx-2.0.11.min.js"), no_store=False)
    _check(client.get("/docs"), no_store=False)


def test_hsts_only_outside_development(settings: Settings) -> None:
    assert "Strict-Transport-Security" in headers_for("/", settings)
    development = settings.model_copy(update={"env": Environment.development})
    assert "Strict-Transport-Security" not in headers_for("/", development)


def test_the_docs_page_loads_only_assets_of_its_own_origin(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    html = BeautifulSoup(page.text, "html.parser")
    urls = [s["src"] for s in html.find_all("script")] + [
        link["href"] for link in html.find_all("link")
    ]
    assert [s for s in html.find_all("script") if not s.get("src")] == []  # nothing inline
    assert len(urls) >= 4
    for url in urls:
        assert str(url).startswith("/"), url
        assert not str(url).startswith("//"), url
        asset = client.get(str(url))  # served by this app: no network needed
        assert asset.status_code == 200, url
        assert len(asset.content) > 100, url
    assert "SwaggerUIBundle" in client.get("/docs/assets/swagger-ui-bundle.js").text[:200000]
    assert "/openapi.json" in client.get("/docs/init.js").text


@pytest.fixture
def small_bodies(settings: Settings, engine: Engine, embedder: Embedder) -> Iterator[TestClient]:
    app = create_app(
        settings.model_copy(update={"max_body_bytes": 2048}), engine=engine, embedder=embedder
    )  # noqa: E501
    with TestClient(app, base_url="https://testserver") as client:
        yield client


def test_a_body_over_the_limit_is_413_in_the_error_shape(
    small_bodies: TestClient, world: World
) -> None:
    body = {"text": "x" * 5000}
    declared = small_bodies.post(
        "/api/v1/offers/screen", json=body, headers=world.headers("liaison")
    )
    assert declared.status_code == 413
    assert declared.json()["error"] == "too_large"
    assert declared.headers["x-content-type-options"] == "nosniff"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    streamed = small_bodies.post(
        "/api/v1/offers/screen",
        content=chunks(),
        headers={**world.headers("liaison"), "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413, (streamed.status_code, streamed.text)
    assert streamed.json()["error"] == "too_large"
    fits = small_bodies.post(
        "/api/v1/offers/screen", json={"text": "Kitchen help"}, headers=world.headers("liaison")
    )
    assert fits.status_code == 200


def test_framework_errors_have_the_error_shape(client: TestClient, world: World) -> None:
    missing = client.get("/api/v1/nothing-here", headers=world.headers("admin"))
    assert missing.status_code == 404
    assert set(missing.json()) == {"error", "detail"}
    wrong_method = client.put("/api/v1/users/me", headers=world.headers("admin"))
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"] == "method_not_allowed"
    malformed = client.post(
        "/api/v1/offers/screen",
        content=b'{"text": ',
        headers={**world.headers("liaison"), "Content-Type": "application/json"},
    )
    assert malformed.status_code == 422
    assert malformed.json()["error"] == "validation_error"
    assert malformed.json()["field"]
