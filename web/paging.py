"""Lists on pages: how many pages a list has, and each pager's link keeping the page's other
choices (one page may show several lists, each paged on its own)."""

from __future__ import annotations

from math import ceil
from urllib.parse import urlencode


def pages_total(total: int, size: int) -> int:
    return max(1, ceil(total / size))


def pager_urls(path: str, params: dict[str, str | int]) -> dict[str, str]:
    """For each pager of a page, its link with the page's other choices kept (``...&`` then
    ``name=N``)."""
    urls = {}
    for name in params:
        kept = {k: v for k, v in params.items() if k != name and v not in ("", 1)}
        urls[name] = f"{path}?{urlencode(kept)}&" if kept else f"{path}?"
    return urls
