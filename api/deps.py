"""Request dependencies: the session (committed by the request that owns it), the acting user,
the settings and pagination."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Header, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from accounts.actor import Actor
from accounts.tokens import read_token
from accounts.users import active_user, actor_for
from api.errors import etag
from config.settings import Settings
from employers.offers import Review
from matching.engine import Matcher
from models.db import unit_of_work
from models.errors import InvalidInput, NotAuthenticated
from models.fields import MAX_ID, CodeText, SaneDate, SearchText
from taxonomy.cache import SkillsCache
from taxonomy.normalise import Normaliser

log = logging.getLogger(__name__)

_bearer = HTTPBearer(auto_error=False)
MAX_PAGE_SIZE = 200


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: committed when the endpoint returns, rolled back if it raises."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_actor(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if credentials is None:
        raise NotAuthenticated("sign in first: send 'Authorization: Bearer <token>'")
    claims = read_token(credentials.credentials, settings.secret_key)
    user = active_user(session, claims.user_id)
    if user.token_version != claims.version:
        raise NotAuthenticated("the access token has ended (signed out or password changed)")
    return actor_for(user)


CurrentActor = Annotated[Actor, Depends(get_actor)]


def get_skills(request: Request) -> SkillsCache:
    skills: SkillsCache = request.app.state.skills
    return skills


def get_normaliser(
    session: SessionDep, skills: Annotated[SkillsCache, Depends(get_skills)]
) -> Normaliser:
    """The normaliser over the current taxonomy (rebuilt when the taxonomy changed)."""
    return skills.normaliser(session)


def get_review(request: Request) -> Review:
    review: Review = request.app.state.review
    return review


def get_matcher(request: Request) -> Matcher:
    matcher: Matcher = request.app.state.matcher
    return matcher


def get_today(request: Request) -> date:
    """Today as the app's clock has it (tests move it forward)."""
    today: date = request.app.state.clock()
    return today


SkillsDep = Annotated[SkillsCache, Depends(get_skills)]
TodayDep = Annotated[date, Depends(get_today)]
MatcherDep = Annotated[Matcher, Depends(get_matcher)]
ReviewDep = Annotated[Review, Depends(get_review)]
NormaliserDep = Annotated[Normaliser, Depends(get_normaliser)]


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


def get_page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Rows per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID, description="Rows to skip")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


PageDep = Annotated[PageParams, Depends(get_page_params)]

#: A record id in a path: out of the database's integer range it cannot exist.
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
#: Query filters, bounded so that no value reaches the database that it cannot hold.
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID, description="A record id")]
SearchQuery = Annotated[
    SearchText | None,
    Query(description="Words to look for (`%` and `_` match themselves)"),
]
CodeFilter = Annotated[CodeText | None, Query()]
DateFilter = Annotated[SaneDate | None, Query(description="A date (1900-01-01 to 2199-12-31)")]

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int
    limit: int
    offset: int


def get_if_match(
    if_match: Annotated[
        str | None,
        Header(
            max_length=40,
            description='The version you read, as its ETag (`"3"`); a stale one is a 409',
        ),
    ] = None,
) -> int | None:
    """The version a write was made against, from ``If-Match`` (``"3"``, ``W/"3"`` or ``3``)."""
    if if_match is None:
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    if not text.isdigit() or not 1 <= int(text) <= MAX_ID:
        raise InvalidInput("If-Match", f"'{if_match}' is not a version this API sent as an ETag")
    return int(text)


IfMatchDep = Annotated[int | None, Depends(get_if_match)]

Versioned = TypeVar("Versioned", bound=BaseModel)


def with_version(body: Versioned, if_match: int | None) -> Versioned:
    """The write's body with the version from ``If-Match``, which wins over the body's field."""
    return body if if_match is None else body.model_copy(update={"version": if_match})


def tagged(response: Response, read: Item) -> Item:
    """A record's read, its version also sent as the ``ETag`` header."""
    response.headers["ETag"] = etag(getattr(read, "version"))  # noqa: B009
    return read


def rebuild_indexes(app: Any) -> None:
    """Rebuild and save the matching indexes in a session of their own (after an erasure is
    committed, so no saved index keeps the erased client's vectors)."""
    try:
        with unit_of_work(app.state.session_factory) as session:
            app.state.matcher.rebuild(session)
    except Exception:  # the erasure stands; the nightly re-index tries again
        log.exception("rebuilding the indexes after an erasure failed")
