"""Server-rendered pages for people (the API is under /api/v1)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from taxonomy.schemas import ESCO_ATTRIBUTION

router = APIRouter(include_in_schema=False)

HOME = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1d2a33; }
code { background: #eef2f5; padding: 0 .25rem; border-radius: 3px; }
h1 { margin-bottom: .2rem; }
.muted { color: #5b6b76; }
</style>
</head>
<body>
<h1>Tandem</h1>
<p class="muted">Employer engagement and explained job matching for public employment services.</p>
<p>Caseworkers hold client profiles, informal skills included; business liaison officers keep
employer records, screen offers and recruit company-side tutors. Tandem is the system between
them. People decide; the engine recommends.</p>
<h2>Use it</h2>
<ul>
<li>The API and its documentation: <a href="/docs">/docs</a> (OpenAPI at
<a href="/openapi.json">/openapi.json</a>).</li>
<li>Sign in with <code>POST /api/v1/auth/token</code> and
<code>{"email": ..., "password": ...}</code>; the demo printed its users when it loaded.</li>
</ul>
<p class="muted">Skills are described with Tandem's own starter taxonomy and, where it is
imported, ESCO. {attribution}</p>
</body>
</html>
"""


@router.get("/", response_class=HTMLResponse)
def home() -> str:
    return HOME.replace("{attribution}", ESCO_ATTRIBUTION)
