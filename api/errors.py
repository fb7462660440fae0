"""The one place where errors become HTTP answers: ``{"error", "detail", "field"}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException

from models.errors import NotAuthenticated, StaleVersion, TandemError, TooManyAttempts


def _field(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


async def _tandem_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TandemError)
    body: dict[str, object] = {"error": exc.code, "detail": exc.message}
    if exc.field:
        body["field"] = exc.field
    state = getattr(exc, "current_state", None)
    if state is not None:
        body["current_state"] = state
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, StaleVersion) and exc.current_version is not None:
        body["current_version"] = exc.current_version
        headers = {"ETag": etag(exc.current_version)}
    return JSONResponse(body, status_code=exc.status_code, headers=headers)


def etag(version: int) -> str:
    """A record's version as an entity tag (``"3"``), sent back in ``If-Match``."""
    return f'"{version}"'


async def _stale_data(_request: Request, _exc: Exception) -> JSONResponse:
    """A row changed between this request's read and its write (no version was sent, or the
    write raced past the check): refused rather than overwriting."""
    return JSONResponse(
        {
            "error": "stale",
            "detail": "the record was changed by someone else since you read it: read it again "
            "and reapply your change; nothing was saved",
        },
        status_code=409,
    )


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _field(tuple(e["loc"])), "message": str(e["msg"]).removeprefix("Value error, ")}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"field": "body", "message": "invalid input"}
    return JSONResponse(
        {
            "error": "validation_error",
            "detail": f"{first['field']}: {first['message']}",
            "field": first["field"],
            "errors": errors,
        },
        status_code=422,
    )


async def _integrity_error(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"error": "conflict", "detail": "the change conflicts with stored data; nothing was saved"},
        status_code=409,
    )


async def _data_error(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"error": "invalid", "detail": "a value is out of range or cannot be stored"},
        status_code=422,
    )


#: The ``error`` code of an HTTP error raised by the framework rather than by Tandem's code.
HTTP_ERROR_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    """Errors of the framework itself (no such route, wrong method, a body that cannot be
    read, too large a body) in the same shape as Tandem's own."""
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "the request cannot be handled"
    body = {"error": HTTP_ERROR_CODES.get(exc.status_code, "http_error"), "detail": detail}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(TandemError, _tandem_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(StaleDataError, _stale_data)
