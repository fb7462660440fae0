"""What every browser test needs: Debian's Chromium or a clear skip (a failure in CI), a
checker that collects console problems and runs axe-core at both widths with screenshots, and
Tab-only navigation. The ``server`` fixture (a live server on a free port) is in
``tests/web/conftest.py``."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
WIDTHS = (1280, 768)
ARTEFACTS = Path(os.environ.get("TANDEM_ARTEFACTS_DIR", "var/artefacts/pages"))


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing (apt-get install chromium): browser tests skipped"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}, but CI must run them")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Checker:
    """Collects console problems and runs axe on each page at both widths."""

    def __init__(self, page: Any) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.axe = Axe()
        self.problems: list[str] = []
        self.findings: dict[str, list[str]] = {}
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        ARTEFACTS.mkdir(parents=True, exist_ok=True)

    def _console(self, message: Any) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            self.problems.append(text)

    def check(self, name: str) -> None:
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            # caret="initial": hiding the caret would inject an inline style the CSP refuses.
            path = str(ARTEFACTS / f"{name}-{width}.png")
            self.page.screenshot(path=path, full_page=True, caret="initial")
            results = self.axe.run(self.page)
            serious = [
                f"{v['id']} ({v['impact']}): {v['help']}"
                for v in results.response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            self.findings[f"{name}@{width}"] = serious
        self.page.set_viewport_size({"width": 1280, "height": 900})


#: The most Tab presses a control may be away: a page is usable from the keyboard only when
#: each control is reached in a few dozen presses.
MOST_TABS = 120


def tab_to(page: Any, target: Any) -> None:
    """Move the focus as a keyboard user does, with Tab, until ``target`` has it (the order
    the page gives, wrapping round at its end); fail if it is never reached."""
    for _ in range(MOST_TABS):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} was not reached with {MOST_TABS} presses of Tab")
