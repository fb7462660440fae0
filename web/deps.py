"""What every page handler needs: the signed-in person (from the session cookie), the
templates and the translations. The request session, settings, clock and matcher are the
API's own dependencies (``api.deps``), so pages and API share one wiring."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from accounts.users import actor_for
from api.deps import SessionDep, SettingsDep
from models.errors import TandemError
from models.inbox import Alert
from models.user import Role, User
from web import sessions
from web.i18n import (
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    available_languages,
    html_lang,
    load_catalogue,
    negotiate,
)
from web.labels import labeller
from web.security import check_csrf, csrf_token_for


class SignInRequired(TandemError):
    """No valid page session: the handler sends the person to the sign-in page."""

    status_code = 401
    code = "sign_in_required"


class PasswordChangeRequired(TandemError):
    """An admin reset the password: nothing but choosing a new one until it is done."""

    status_code = 403
    code = "password_change_required"


class PageNotFound(TandemError):
    """A page this person may not see answers as if it did not exist."""

    status_code = 404
    code = "not_found"


@dataclass(frozen=True)
class Viewer:
    """The signed-in person as the layout shows them (plain data: error pages are drawn
    after the request's database session has closed)."""

    id: int
    display_name: str
    role: Role
    must_change_password: bool
    inbox_count: int
    #: Their own choice of language; None: the browser's (``Accept-Language``).
    language: str | None = None


#: How dates read in each language: a Babel pattern or width. English, the source language,
#: keeps the ISO dates the pages have always shown; every other language gets its own
#: medium width from Babel ("30.11.2026").
DATE_FORMATS = {SOURCE_LANGUAGE: "yyyy-MM-dd"}


@dataclass(frozen=True)
class Language:
    """One language of the site: its templates (filters and ``label`` in that language) and
    its translations."""

    code: str
    templates: Environment
    translations: gettext.NullTranslations


def _environment(code: str, translations: gettext.NullTranslations) -> Environment:
    templates = Environment(
        loader=PackageLoader("web", "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    templates.globals["label"] = labeller(translations.gettext)
    date_format = DATE_FORMATS.get(code, "medium")

    def as_date(value: date | datetime | None) -> str:
        if value is None:
            return ""
        day = value.date() if isinstance(value, datetime) else value
        return format_date(day, date_format, locale=code)

    def as_datetime(value: datetime | None) -> str:
        if value is None:
            return ""
        return f"{as_date(value)} {format_time(value, 'HH:mm', locale=code)}"

    def as_decimal(value: float | int | None, digits: int | None = None) -> str:
        if value is None:
            return ""
        pattern = None
        if digits is not None:
            pattern = "#,##0." + "0" * digits if digits else "#,##0"
        return format_decimal(value, pattern, locale=code)

    templates.filters["format_date"] = as_date
    templates.filters["format_datetime"] = as_datetime
    templates.filters["format_decimal"] = as_decimal
    return templates


class Site:
    """The pages in every language offered (``app.state.pages``); a request reads them in
    its reader's language through ``Pages``."""

    def __init__(self, languages: dict[str, Language]) -> None:
        self.languages = languages

    @property
    def codes(self) -> list[str]:
        return list(self.languages)

    def language_for(self, request: Request) -> Language:
        """The signed-in person's own choice, else the browser's best fit, else English."""
        user: Viewer | None = getattr(request.state, "user", None)
        if user is not None and user.language in self.languages:
            return self.languages[user.language]
        found = negotiate(request.headers.get("accept-language"), self.codes)
        return self.languages[found or SOURCE_LANGUAGE]


def build_pages(
    translations: gettext.NullTranslations | None = None, locale_dir: Path = LOCALE_DIR
) -> Site:
    """Every language with a catalogue in ``locale_dir`` (tests pass one set of translations,
    a pseudo-locale, to read every page through)."""
    if translations is not None:
        templates = _environment(SOURCE_LANGUAGE, translations)
        return Site({SOURCE_LANGUAGE: Language(SOURCE_LANGUAGE, templates, translations)})
    languages: dict[str, Language] = {}
    for code in available_languages(locale_dir):
        found = (
            gettext.NullTranslations()
            if code == SOURCE_LANGUAGE
            else load_catalogue(code, locale_dir)
        )
        languages[code] = Language(code, _environment(code, found), found)
    return Site(languages)


class Pages:
    """What a page handler gets: the site in the reader's language. The language is chosen
    when first used, after the signed-in person is known (their setting wins over the
    browser's ``Accept-Language``)."""

    def __init__(self, site: Site, request: Request) -> None:
        self.site = site
        self.request = request

    @property
    def language(self) -> Language:
        return self.site.language_for(self.request)

    @property
    def templates(self) -> Environment:
        return self.language.templates

    @property
    def translations(self) -> gettext.NullTranslations:
        return self.language.translations


def get_pages(request: Request) -> Pages:
    site: Site = request.app.state.pages
    return Pages(site, request)


PagesDep = Annotated[Pages, Depends(get_pages)]


def page_user(request: Request, session: SessionDep, settings: SettingsDep) -> User:
    """The signed-in user, from a cookie the database still agrees with."""
    cookie = request.cookies.get(sessions.SESSION_COOKIE)
    now = sessions.now()
    found = sessions.read(cookie, settings, now) if cookie else None
    user = session.get(User, found.user_id) if found else None
    if found is None or not sessions.is_current(found, user):
        raise SignInRequired("sign in to continue")
    assert user is not None
    # Renewed on each use: idleness counts from the last request (set by the middleware).
    request.state.session_cookie = sessions.issue(
        user.id, user.token_version, settings.secret_key, found.started, now
    )
    request.state.user = Viewer(
        id=user.id,
        display_name=user.display_name,
        role=user.role,
        must_change_password=user.must_change_password,
        inbox_count=0 if user.must_change_password else _inbox_count(session, user.id),
        language=user.language,
    )
    return user


PageUser = Annotated[User, Depends(page_user)]


def page_actor(request: Request, user: PageUser) -> Actor:
    if user.must_change_password:
        raise PasswordChangeRequired("choose a new password first")
    return actor_for(user)


PageActor = Annotated[Actor, Depends(page_actor)]


def page_for(*roles: Role) -> Any:
    """A dependency for pages of some roles only: anyone else gets 404, as if it did not exist."""

    def actor_with_role(actor: PageActor) -> Actor:
        if actor.role not in roles:
            raise PageNotFound("this page does not exist")
        return actor

    return Depends(actor_with_role)


async def csrf_protect(request: Request, settings: SettingsDep) -> None:
    await check_csrf(request, settings.secret_key)


def page_router() -> APIRouter:
    """A router for pages: HTML answers, out of the API schema, CSRF-checked."""
    return APIRouter(
        include_in_schema=False,
        dependencies=[Depends(csrf_protect)],
        default_response_class=HTMLResponse,
    )


def render(
    request: Request,
    pages: Pages,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """A full page, or only its ``content`` block for an htmx request (one view, one template:
    the base is chosen by the ``HX-Request`` header)."""
    settings = request.app.state.settings
    user: Viewer | None = getattr(request.state, "user", None)
    htmx = request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")
    language = pages.language
    values: dict[str, Any] = {
        "request": request,
        "lang": html_lang(language.code),
        "user": user,
        "base": "layout/htmx.html" if htmx else "layout/base.html",
        "csrf_token": csrf_token_for(request, settings.secret_key),
        "inbox_count": user.inbox_count if user else 0,
        "show_esco": False,
        "errors": {},
        "values": {},
    }
    values.update(context or {})
    html = language.templates.get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code)


def _inbox_count(session: Session, user_id: int) -> int:
    count = session.scalar(
        select(func.count(Alert.id)).where(Alert.user_id == user_id, Alert.read_at.is_(None))
    )
    return int(count or 0)
