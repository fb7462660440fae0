"""The API's documentation page: Swagger UI 5 from the ``swagger-ui-bundle-v2`` package (its
``dist`` files, installed with Tandem), never from a CDN, so it works with the network cut and
pulls no third-party code into a page that holds a bearer token."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
INIT_SCRIPT = Path(__file__).parent / "static" / "docs-init.js"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}: API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{assets}/swagger-ui-standalone-preset.js"></script>
<script src="{docs}/init.js"></script>
</body>
</html>
"""


def install_docs(app: FastAPI) -> None:
    """Serve ``/docs`` (build the app with ``docs_url=None, redoc_url=None``)."""
    page = _PAGE.format(title=app.title, assets=ASSETS_PATH, docs=DOCS_PATH)

    @app.get(DOCS_PATH, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{DOCS_PATH}/init.js", include_in_schema=False)
    def docs_init() -> FileResponse:
        return FileResponse(INIT_SCRIPT, media_type="text/javascript")

    app.mount(ASSETS_PATH, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
