"""The whole site: the API app with the pages, their static files, cookies and error pages
added (the security headers of every response are the API app's: ``api.security``).
``tandem serve`` serves this."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.app import API_PREFIX
from api.app import create_app as create_api_app
from matching.ann import serve_single_threaded
from models.errors import TandemError
from web import sessions
from web.deps import PasswordChangeRequired, SignInRequired, build_pages, get_pages, render
from web.routes import PAGE_ROUTERS
from web.security import CSRF_COOKIE, DOCS_PATHS

STATIC_DIR = Path(__file__).parent / "static"


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith(API_PREFIX) or path.startswith(DOCS_PATHS) or path == "/openapi.json"


def _redirect(request: Request, url: str) -> Response:
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def install_pages(app: FastAPI) -> None:
    """Add the pages to an app built by ``api.app.create_app``."""
    app.state.pages = build_pages()
    api_handlers: dict[Any, Callable[..., Any]] = dict(app.exception_handlers)

    async def page_error(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            handler = api_handlers[type(exc) if type(exc) in api_handlers else TandemError]
            response: Response = await handler(request, exc)
            return response
        if isinstance(exc, SignInRequired):
            return _redirect(request, "/sign-in?next=" + quote(request.url.path))
        if isinstance(exc, PasswordChangeRequired):
            return _redirect(request, "/account/password")
        assert isinstance(exc, TandemError)
        return render(
            request,
            get_pages(request),
            "error.html",
            {"status": exc.status_code, "message": exc.message},
            status_code=exc.status_code,
        )

    async def page_validation_error(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            response: Response = await api_handlers[RequestValidationError](request, exc)
            return response
        return render(
            request,
            get_pages(request),
            "error.html",
            {"status": 422, "message": None},
            status_code=422,
        )

    app.add_exception_handler(TandemError, page_error)
    app.add_exception_handler(RequestValidationError, page_validation_error)

    @app.middleware("http")
    async def page_cookies(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """The renewed session and the CSRF cookie (security headers: ``api.security``)."""
        response = await call_next(request)
        settings = request.app.state.settings
        renewed = getattr(request.state, "session_cookie", None)
        if renewed and "set-cookie" not in response.headers:
            sessions.set_cookie(response, sessions.SESSION_COOKIE, renewed, settings)
        token = getattr(request.state, "csrf_token", None)
        if token and request.cookies.get(CSRF_COOKIE) != token:
            sessions.set_cookie(response, CSRF_COOKIE, token, settings)
        return response

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in PAGE_ROUTERS:
        app.include_router(router)


def create_app(settings: Any = None, **kwargs: Any) -> FastAPI:
    """The API and the pages in one app (the same arguments as ``api.app.create_app``)."""
    serve_single_threaded()
    app = create_api_app(settings, **kwargs)
    install_pages(app)
    return app
