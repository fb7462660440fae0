"""Request dependencies: the session (committed by the request that owns it), the acting user,
the settings and pagination."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from accounts.actor import Actor
from accounts.tokens import user_id_from_token
from accounts.users import active_user, actor_for
from config.settings import Settings
from employers.offers import Review
from matching.engine import Matcher
from models.errors import NotAuthenticated
from models.fields import MAX_ID
from taxonomy.cache import SkillsCache
from taxonomy.normalise import Normaliser

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
    user_id = user_id_from_token(credentials.credentials, settings.secret_key)
    return actor_for(active_user(session, user_id))


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
    offset: Annotated[int, Query(ge=0, description="Rows to skip")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


PageDep = Annotated[PageParams, Depends(get_page_params)]

#: A record id in a path: out of the database's integer range it cannot exist.
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int
    limit: int
    offset: int
