"""The one place where errors become HTTP answers: ``{"error", "detail", "field"}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
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


class FieldErrorBody(BaseModel):
    field: str = Field(description="The field, dotted for nested ones (`languages.0.level`)")
    message: str


class ErrorBody(BaseModel):
    """Every error Tandem sends, 4xx and 5xx alike."""

    error: str = Field(description="A stable code: `validation_error`, `not_found`, `stale`...")
    detail: str = Field(description="What went wrong, in words a person can act on")
    field: str | None = Field(default=None, description="The field at fault, when one is")
    errors: list[FieldErrorBody] | None = Field(
        default=None, description="Every field at fault (validation errors)"
    )
    current_state: str | None = Field(
        default=None, description="The record's state, when a transition is not allowed"
    )
    current_version: int | None = Field(
        default=None, description="The record's version, when the one sent is stale"
    )


ERROR_RESPONSES = {
    "400": "The request cannot be handled",
    "401": "Not signed in, or the token has ended",
    "403": "Not allowed for this role",
    "404": "No such record, or not visible to you",
    "409": "Conflicts with the record's state or a newer version",
    "422": "Invalid input: `field` names the first field at fault",
}


def _error_responses(path: str, operation: dict[str, Any]) -> dict[str, str]:
    codes = dict(ERROR_RESPONSES)
    if "requestBody" in operation:
        codes["413"] = "The request body is too large"
    if path.endswith("/auth/token"):
        codes["429"] = "Too many failed sign-ins: wait `Retry-After` seconds"
    return codes


def document_errors(app: FastAPI) -> None:
    """The OpenAPI document shows the error bodies Tandem really sends (``ErrorBody``), in
    place of FastAPI's own validation error schema, on every operation."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        body = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(body.pop("$defs", {}))
        components["ErrorBody"] = body
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        reference = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code, description in _error_responses(path, operation).items():
                    responses[code] = {"description": description, "content": reference}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
