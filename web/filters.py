"""A list page's filter form, checked: what was typed, and either the service's filters or the
errors by field (shown beside the fields, what was typed kept)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

F = TypeVar("F")


@dataclass(frozen=True)
class FilterChoice(Generic[F]):
    filters: F | None
    values: dict[str, str]
    errors: dict[str, str]

    def query(self) -> str:
        """The filters as a query string, for paging, charts and downloads."""
        return urlencode({k: v for k, v in self.values.items() if v})
