"""Shared by the benchmarks that start a server process: wait until it answers."""

from __future__ import annotations

import subprocess
import time

import httpx


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float = 300) -> None:
    """Return once ``url`` answers; fail if the process exits or ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with {process.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError(f"the server for {url} did not start")
