"""`opengov-lint serve`: the local web page (optional extra `web`)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from opengov_lint.cli.common import settings_or_exit, usage


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this computer only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes shared by all users.")] = None,
    config: Annotated[str | None, typer.Option(help="Configuration file (rules, severities, limits).")] = None,
    max_upload_mb: Annotated[int, typer.Option("--max-upload-mb", help="Largest upload per request (MB).")] = 100,
) -> None:
    """A web page to check reports without a terminal (网页版检查), and POST /api/check."""
    try:
        import uvicorn

        from opengov_lint.web.app import create_app
    except ImportError as exc:
        usage(f"serve needs the web extra ({exc.name} is missing): pip install 'opengov-lint[web]'")
    from opengov_lint.web.uploads import UploadLimits

    if not 0 < port < 65536 or max_upload_mb < 1:
        usage("--port must be 1-65535 and --max-upload-mb at least 1")
    settings = settings_or_exit(config)
    n = max(1, min(jobs or settings.jobs or os.cpu_count() or 1, os.cpu_count() or 1))
    limits = UploadLimits(max_request=max_upload_mb * 1024 * 1024)
    typer.echo(f"opengov-lint：请在浏览器中打开 http://{host}:{port}/ （按 Ctrl-C 停止）", err=True)
    uvicorn.run(create_app(settings, n, limits), host=host, port=port, log_level="warning", workers=1)
