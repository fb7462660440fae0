"""Schemathesis over the OpenAPI document, as every role: valid and invalid requests for every
operation, no server error and every response as documented (status code and body schema).

Bounded for CI: ``TANDEM_FUZZ_EXAMPLES`` examples per operation and generation mode (default
6), each sent as all four roles; the seed is fixed, so a failure reproduces. A failure prints
the request that caused it (``curl`` form).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.result import Ok
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.orm import Session, sessionmaker

from accounts.tokens import issue_token
from config.settings import Settings
from models.db import unit_of_work
from models.user import User
from tests.world import World

ROLES = ("admin", "liaison", "caseworker", "employer")
EXAMPLES = int(os.environ.get("TANDEM_FUZZ_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
#: Signing out would end the role's token for every later request of the run.
SKIPPED = {("POST", "/api/v1/auth/logout")}


def _headers(db: sessionmaker[Session], settings: Settings, user_id: int) -> dict[str, str]:
    """A token for the user as the database has them now (a fuzzed request may have
    deactivated them or reset their password, which ends earlier tokens)."""
    with unit_of_work(db) as session:
        user = session.get(User, user_id)
        assert user is not None
        user.is_active = True
        user.must_change_password = False
        version = user.token_version
    token = issue_token(user_id, settings.secret_key, 60, version=version)
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.slow
def test_no_server_error_and_every_response_as_documented_for_every_role(
    client: TestClient,
    world: World,
    db: sessionmaker[Session],
    settings: Settings,
    db_url: str,
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("fuzzed once, on SQLite (the bounds that keep PostgreSQL safe are the same)")
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    users = {role: world.users[role].id for role in ROLES}
    tokens = {role: _headers(db, settings, users[role]) for role in ROLES}
    counts: Counter[str] = Counter()
    failures: list[str] = []

    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result.err()
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def run(case: schemathesis.Case[Any]) -> None:
                for role in ROLES:
                    headers = tokens[role]
                    response = case.call(headers=headers)
                    if response.status_code == 401 and "Authorization" not in (case.headers or {}):
                        # An earlier request ended this role's token: a fresh one, again.
                        headers = tokens[role] = _headers(db, settings, users[role])
                        response = case.call(headers=headers)
                    counts["requests"] += 1
                    counts[f"{response.status_code // 100}xx"] += 1
                    try:
                        case.validate_response(response, checks=CHECKS, headers=headers)
                    except (Failure, FailureGroup) as exc:
                        group = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
                        for failure in group:
                            counts[type(failure).__name__] += 1
                            failures.append(
                                f"{role}: {failure.title}: {case.as_curl_command()}\n"
                                f"  -> {response.status_code} {response.text[:300]}"
                            )

            run()

    print(f"\nfuzz: {dict(sorted(counts.items()))}")  # noqa: T201 - the run's figures
    assert counts["requests"] > 0
    assert failures == [], "\n".join(failures[:30])
