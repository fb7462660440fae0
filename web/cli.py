"""The ``tandem`` command: the API's commands plus ``serve``, which serves the whole site
(the API and the pages), so that the composition of both lives above both."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli import app
from config.settings import Settings

__all__ = ["app"]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Serve the API and the pages with the current settings."""
    import uvicorn

    from web.app import create_app

    settings = Settings()
    typer.echo(f"Tandem is at http://{host}:{port}/sign-in (the API's documentation at /docs)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level.lower())
