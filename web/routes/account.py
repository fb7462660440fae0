"""Sign in, sign out, change my password, choose my language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request, Response
from fastapi.responses import RedirectResponse

from accounts.users import actor_for, change_own_password, set_own_language, sign_out
from api.deps import SessionDep, SettingsDep
from api.signin import throttled_sign_in
from models.errors import InvalidInput, NotAuthenticated, TooManyAttempts
from web import sessions
from web.deps import PageActor, PagesDep, PageUser, page_router, render
from web.i18n import autonym

router = page_router()


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _signed_in(response: Response, user_id: int, version: int, settings: SettingsDep) -> None:
    now = sessions.now()
    token = sessions.issue(user_id, version, settings.secret_key, now, now)
    sessions.set_cookie(response, sessions.SESSION_COOKIE, token, settings)


@router.get("/sign-in")
def sign_in_page(request: Request, pages: PagesDep, next: str = "/") -> Response:
    return render(request, pages, "account/sign_in.html", {"next": _safe_next(next)})


@router.post("/sign-in")
def sign_in(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    _ = pages.translations.gettext
    try:
        user = throttled_sign_in(request, session, email.strip(), password)
    except TooManyAttempts as exc:
        errors = {
            "email": _("Too many failed sign-ins: wait %(seconds)s seconds, then try again.")
            % {"seconds": exc.retry_after}
        }
        context = {"next": _safe_next(next), "errors": errors, "values": {"email": email}}
        refused = render(request, pages, "account/sign_in.html", context, status_code=429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    except NotAuthenticated:
        errors = {"email": _("The email or password is wrong, or the account is inactive.")}
        context = {"next": _safe_next(next), "errors": errors, "values": {"email": email}}
        return render(request, pages, "account/sign_in.html", context, status_code=400)
    target = "/account/password" if user.must_change_password else _safe_next(next)
    response = RedirectResponse(target, status_code=303)
    _signed_in(response, user.id, user.token_version, settings)
    return response


@router.post("/sign-out")
def sign_out_page(user: PageUser, session: SessionDep, settings: SettingsDep) -> Response:
    """Sign out everywhere: this and every other page session and bearer token end."""
    sign_out(session, actor_for(user))
    response = RedirectResponse("/sign-in", status_code=303)
    sessions.delete_cookie(response, sessions.SESSION_COOKIE, settings)
    return response


@router.get("/account/password")
def password_page(request: Request, pages: PagesDep, user: PageUser) -> Response:
    return render(request, pages, "account/password.html")


@router.post("/account/password")
def change_password(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    user: PageUser,
    current_password: Annotated[str, Form(max_length=200)] = "",
    new_password: Annotated[str, Form(max_length=200)] = "",
    confirm_password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    _ = pages.translations.gettext
    errors: dict[str, str] = {}
    if new_password != confirm_password:
        errors["confirm_password"] = _("The two new passwords differ.")
    else:
        try:
            change_own_password(session, actor_for(user), current_password, new_password)
        except InvalidInput as exc:
            messages = {
                "current_password": _("The current password is not right."),
                "new_password": _(
                    "Choose a new password of at least 8 characters, different from the "
                    "current one and hard to guess: not a common password (a few unrelated "
                    "words work well)."
                ),
            }
            errors[exc.field or "new_password"] = messages.get(exc.field or "", exc.message)
    if errors:
        session.rollback()
        return render(request, pages, "account/password.html", {"errors": errors}, status_code=400)
    # Every other session of this user ended with the version; this one carries on.
    response = RedirectResponse("/?changed=password", status_code=303)
    _signed_in(response, user.id, user.token_version, settings)
    return response


def _language_page(
    request: Request,
    pages: PagesDep,
    chosen: str | None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    languages = [(code, autonym(code)) for code in pages.site.codes]
    context = {"languages": languages, "chosen": chosen, "errors": errors or {}}
    return render(request, pages, "account/language.html", context, status_code=status_code)


@router.get("/account/language")
def language_page(request: Request, pages: PagesDep, actor: PageActor) -> Response:
    return _language_page(request, pages, request.state.user.language)


@router.post("/account/language")
def choose_language(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    actor: PageActor,
    language: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    _ = pages.translations.gettext
    try:
        set_own_language(session, actor, language or None, pages.site.codes)
    except InvalidInput:
        session.rollback()
        errors = {"language": _("Choose one of the languages listed.")}
        return _language_page(request, pages, language, errors, status_code=400)
    return RedirectResponse("/account/language?changed=language", status_code=303)
