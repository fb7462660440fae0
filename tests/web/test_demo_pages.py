"""The demo through the pages: a demo caseworker signs in and works without the API docs, and
no client's short or empty shortlist is a dead end (each says what kept offers off)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from demo.seed import DEMO_PASSWORD, load_demo
from matching.embedding import Embedder
from models.db import unit_of_work
from tests.web.pages import csrf_token, sign_in, soup
from web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture
def demo_site(
    settings: Settings, engine: Engine, db: sessionmaker[Session], embedder: Embedder
) -> Iterator[tuple[TestClient, str]]:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the demo through the pages once is enough")
    with unit_of_work(db) as session:
        summary = load_demo(session, seed=7, progress=lambda _m: None)
    caseworker = next(email for role, email in summary.sign_ins if role == "caseworker")
    app = create_app(settings, engine=engine, embedder=embedder)
    with TestClient(app, base_url="https://testserver") as client:
        yield client, caseworker


def test_a_demo_caseworker_gets_a_reason_for_every_short_list(
    demo_site: tuple[TestClient, str],
) -> None:
    client, email = demo_site
    assert sign_in(client, email, DEMO_PASSWORD).url.path == "/"
    page = soup(client.get("/clients"))
    links = [str(a["href"]) for a in page.select("#client-list tbody a")]
    assert links, "the demo caseworker has clients"
    short = 0
    for link in links:
        made = client.post(
            link + "/shortlists",
            data={"csrf_token": csrf_token(client, "/")},
        )
        assert made.status_code == 200, made.text[:500]
        shown = soup(made)
        if len(shown.select(".offer")) < 20:
            short += 1
            funnel = shown.select_one(".funnel")
            assert funnel is not None, link
            assert "considered" in funnel.get_text()
    assert short  # the demo's caseloads do have short lists: the funnel is exercised
