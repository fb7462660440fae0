"""The page routers; every one refuses a changing request without its CSRF token
(``web.deps.page_router``)."""

from __future__ import annotations

from web.routes import account, admin, caseworker, employer, indicators, start

PAGE_ROUTERS = (
    account.router,
    start.router,
    caseworker.router,
    employer.router,
    admin.router,
    indicators.router,
)
