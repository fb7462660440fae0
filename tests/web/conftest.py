"""Fixtures of the page tests: a live server for the browser journeys."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from config.settings import Settings
from matching.embedding import Embedder
from tests.web.browser import free_port, need_chromium
from tests.world import World
from web.app import create_app


@pytest.fixture
def live_app(settings: Settings, engine: Engine, embedder: Embedder, world: World) -> FastAPI:
    """The app the ``server`` fixture serves (a test moves its clock: ``app.state.clock``)."""
    need_chromium()
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("one database is enough for the browser journey")
    # Plain HTTP on 127.0.0.1: the development setting leaves the cookie without Secure.
    local = settings.model_copy(update={"env": "development"})
    return create_app(local, engine=engine, embedder=embedder)


@pytest.fixture
def server(live_app: FastAPI) -> Iterator[str]:
    app = live_app
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
