"""Helpers for page tests: sign in through the form, read pages as a person would."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from tests.world import PASSWORD


def soup(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def csrf_token(client: TestClient, path: str = "/sign-in") -> str:
    page = soup(client.get(path))
    field = page.find("input", attrs={"name": "csrf_token"})
    assert field is not None, f"no CSRF field on {path}"
    return str(field["value"])


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> Any:
    token = csrf_token(client)
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})


def post_form(client: TestClient, path: str, data: dict[str, object], page: str = "/") -> Any:
    """Submit a form as the page would: with the CSRF token the page carries."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client, page)})
