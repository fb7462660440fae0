"""The start page after sign-in: the inbox, and for a caseworker parked clients and recent
shortlists."""

from __future__ import annotations

from datetime import timedelta

from fastapi import Request, Response

from accounts.inbox import list_inbox
from api.deps import SessionDep, SettingsDep, TodayDep
from clients.profiles import client_names, list_clients
from models.user import Role
from shortlists.service import recent_shortlists
from web.deps import PageActor, PagesDep, page_router, render

router = page_router()
START_ROWS = 5


@router.get("/")
def start(
    request: Request,
    pages: PagesDep,
    session: SessionDep,
    settings: SettingsDep,
    actor: PageActor,
    today: TodayDep,
) -> Response:
    alerts, unread = list_inbox(session, actor, unread=True, kind=None, limit=START_ROWS, offset=0)
    context: dict[str, object] = {"alerts": alerts, "unread": unread, "parked": [], "recent": []}
    if actor.role is Role.caseworker:
        since = today - timedelta(days=settings.contact_standard_days)
        parked, parked_total = list_clients(
            session,
            actor,
            q=None,
            readiness=None,
            caseworker_id=actor.user_id,
            not_contacted_since=since,
            limit=START_ROWS,
            offset=0,
            with_lists=False,
        )
        recent = recent_shortlists(session, actor, START_ROWS)
        names = client_names(session, actor, {s.client_id for s, _n in recent if s.client_id})
        context.update(
            parked=parked, parked_total=parked_total, recent=recent, names=names, since=since
        )
    return render(request, pages, "start.html", context)
