"""Security headers on every response (API, pages and docs alike) and the request body limit,
each in one place.

Every answer carries ``X-Content-Type-Options``, ``Referrer-Policy``, ``X-Frame-Options``,
``Cross-Origin-Opener-Policy`` and a Content-Security-Policy that allows only Tandem's own
scripts and styles, never inline ones, and no framing; HSTS outside development. Every answer
but the static assets and the API documentation carries ``Cache-Control: no-store``: most
hold personal data or depend on who asks, and a browser or proxy must not keep them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config.settings import Environment, Settings

#: No inline script or style anywhere; nothing from elsewhere; never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: Swagger UI sets style attributes from its scripts: the docs page alone allows those.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
#: Answers that hold nothing personal and may be cached: shipped files and the API's docs.
CACHEABLE_PREFIXES = ("/static/", "/docs", "/openapi.json")


def headers_for(path: str, settings: Settings) -> dict[str, str]:
    headers = dict(SECURITY_HEADERS)
    docs = path == "/docs" or path.startswith("/docs/")
    headers["Content-Security-Policy"] = (
        DOCS_CONTENT_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY
    )
    if settings.env is not Environment.development:
        headers["Strict-Transport-Security"] = HSTS
    if not path.startswith(CACHEABLE_PREFIXES):
        headers["Cache-Control"] = "no-store"
    return headers


def install_security_headers(app: FastAPI, settings: Settings) -> None:
    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in headers_for(request.url.path, settings).items():
            response.headers[name] = value
        return response


class BodyLimit:
    """Refuse (413, in the API's error shape) a request body larger than ``max_bytes``: at
    once when its ``Content-Length`` says so; a body sent without one is read here first, up
    to the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        if declared is not None or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # No Content-Length (a chunked body): read it here, at most max_bytes, then hand it on.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    def _detail(self) -> str:
        return f"the request body is larger than {self.max_bytes} bytes"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {
                "error": "too_large",
                "detail": self._detail(),
            },
            status_code=413,
        )
        await response(scope, receive, send)
