"""The page routers; every one refuses a changing request without its CSRF token
(``web.deps.page_router``)."""

from __future__ import annotations

from web.routes import (
    account,
    admin,
    caseworker,
    employer,
    employer_company,
    indicators,
    liaison_companies,
    liaison_followup,
    liaison_import,
    liaison_review,
    start,
)

PAGE_ROUTERS = (
    account.router,
    start.router,
    caseworker.router,
    employer.router,
    employer_company.router,
    liaison_review.router,
    liaison_companies.router,
    liaison_followup.router,
    liaison_import.router,
    indicators.router,
    admin.router,
)
