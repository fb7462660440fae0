"""Domain errors. Each carries the HTTP status it maps to; the API renders them in one place."""

from __future__ import annotations


class TandemError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(TandemError):
    status_code = 404
    code = "not_found"

    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__(f"{entity} {entity_id} not found")


class Forbidden(TandemError):
    status_code = 403
    code = "forbidden"


class NotAuthenticated(TandemError):
    status_code = 401
    code = "not_authenticated"


class Conflict(TandemError):
    status_code = 409
    code = "conflict"


class InvalidInput(TandemError):
    """Input that is well-formed but not acceptable (unknown postcode, end before start...)."""

    status_code = 422
    code = "invalid"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)


class TransitionNotAllowed(Conflict):
    code = "transition_not_allowed"

    def __init__(self, entity: str, current: str, action: str, reason: str | None = None) -> None:
        article = "an" if entity[:1] in "aeiou" else "a"
        message = f"cannot {action} {article} {entity} in state '{current}'"
        if reason:
            message = f"{message}: {reason}"
        super().__init__(message)
        self.current_state = current


class StaleVersion(Conflict):
    """A write made against a version of the record that is no longer the current one."""

    code = "stale"

    def __init__(self, entity: str, entity_id: object, sent: int | None, current: int | None):
        sent_text = f" (you sent version {sent}; it is now version {current})" if sent else ""
        super().__init__(
            f"{entity} {entity_id} was changed by someone else since you read it{sent_text}: "
            "read it again and reapply your change"
        )
        self.current_version = current


class TooManyAttempts(TandemError):
    """Too many failed sign-ins for an account or from an address: wait, then try again."""

    status_code = 429
    code = "too_many_attempts"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"too many failed sign-ins: try again in {retry_after} seconds", field=None
        )
        self.retry_after = retry_after
