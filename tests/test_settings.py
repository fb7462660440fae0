from __future__ import annotations

import pytest
from pydantic import ValidationError

from config.settings import DEFAULT_SECRET_KEY, Settings


def test_settings_are_read_from_tandem_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TANDEM_DATABASE_URL", "sqlite:///elsewhere.db")
    monkeypatch.setenv("TANDEM_SCHEDULER_ENABLED", "true")
    settings = Settings()
    assert settings.database_url == "sqlite:///elsewhere.db"
    assert settings.scheduler_enabled is True


def test_the_default_database_is_a_sqlite_file_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TANDEM_DATABASE_URL", raising=False)
    assert Settings(_env_file=None).database_url == "sqlite:///./var/tandem.db"


@pytest.mark.parametrize("env", ["production", "test"])
def test_the_default_secret_is_refused_outside_development(env: str) -> None:
    with pytest.raises(ValidationError, match="TANDEM_SECRET_KEY"):
        Settings(env=env, secret_key=DEFAULT_SECRET_KEY)


def test_development_accepts_the_default_secret() -> None:
    assert Settings(env="development").secret_key == DEFAULT_SECRET_KEY


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(env="production", secret_key="short")
