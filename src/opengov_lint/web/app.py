"""The ASGI application: the upload page, the result page and `POST /api/check`.

Every request is answered: a bad or hostile file is a finding (OG901/OG903) as on the command line;
a request that breaks the limits is a 4xx with a JSON (or Chinese HTML) message; nothing from the
client becomes a path on the server; uploads spooled to disk by the multipart parser are closed
(deleted) when the request ends, also on error."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from opengov_lint.web import page
from opengov_lint.web.pool import Pool
from opengov_lint.web.uploads import UploadError, UploadLimits, expand, safe_name

if TYPE_CHECKING:
    from starlette.requests import Request

    from opengov_lint.config.settings import Settings
    from opengov_lint.findings import Finding
    from opengov_lint.web.jobs import Checked

Receive = Callable[[], Awaitable[dict[str, Any]]]


@dataclass(slots=True)
class Server:
    settings: Settings
    pool: Pool
    limits: UploadLimits
    engine: Any  # run.session EngineConfig, for the cross-document rules of a batch upload


def create_app(settings: Settings, jobs: int = 2, limits: UploadLimits | None = None) -> Starlette:
    from opengov_lint.run.worker import build_engine

    settings.batch_rules = True  # summaries for the cross-document rules of a batch upload
    server = Server(settings, Pool(settings, jobs), limits or UploadLimits(), build_engine(settings))

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        server.pool.close()

    async def index(request: Request) -> Response:
        return HTMLResponse(page.upload_page(server.limits))

    async def check_html(request: Request) -> Response:
        try:
            checked, cross = await _check(request, server)
        except UploadError as exc:
            return HTMLResponse(page.error_page(exc.zh), status_code=exc.status)
        return HTMLResponse(page.result_page(checked, cross, _downloads(checked, cross, server)))

    async def check_api(request: Request) -> Response:
        try:
            checked, cross = await _check(request, server)
        except UploadError as exc:
            return JSONResponse({"error": exc.en, "message": exc.zh}, status_code=exc.status)
        return Response(findings_json(checked, cross), media_type="application/json")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes = [Route("/", index), Route("/check", check_html, methods=["POST"]),
              Route("/api/check", check_api, methods=["POST"]), Route("/healthz", health)]
    app = Starlette(routes=routes, lifespan=lifespan)
    return _limit_body(app, server.limits.max_request)  # type: ignore[return-value]


class _TooLarge(Exception):
    pass


def _limit_body(app: Any, limit: int) -> Callable[..., Awaitable[None]]:
    """Refuse a body over the limit, whether it declares its length or not, before it is parsed."""

    async def wrapped(scope: dict[str, Any], receive: Receive, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(scope, send, limit)
            return
        seen = 0

        async def counting() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        try:
            await app(scope, counting, send)
        except _TooLarge:
            await _too_large(scope, send, limit)

    return wrapped


async def _too_large(scope: dict[str, Any], send: Any, limit: int) -> None:
    error = UploadError(413, f"上传内容超过每次{limit // 1048576} MB的上限", f"the upload is over {limit // 1048576} MB")
    response = JSONResponse({"error": error.en, "message": error.zh}, status_code=413)
    await response(scope, _no_body, send)


async def _no_body() -> dict[str, Any]:
    return {"type": "http.disconnect"}


async def _check(request: Request, server: Server) -> tuple[list[Checked], list[Finding]]:
    files = await _files(request, server.limits)
    checked = list(await asyncio.gather(*(server.pool.check(name, data) for name, data in files)))
    return checked, _cross_document(checked, server)


async def _files(request: Request, limits: UploadLimits) -> list[tuple[str, bytes]]:
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadError(415, "请以表单（multipart/form-data）上传文件，字段名为 file",
                          "send the files as multipart/form-data in the field `file`")
    try:
        form = await request.form(max_files=limits.max_files, max_fields=20)
    except _TooLarge:
        raise
    except Exception as exc:
        raise UploadError(400, f"上传内容格式错误：{exc}", f"malformed upload: {exc}") from exc
    try:
        uploads = [u for u in form.getlist("file") if isinstance(u, UploadFile)]
        if not uploads:
            raise UploadError(400, "没有收到文件（表单字段名应为 file）", "no file received (form field `file`)")
        files: list[tuple[str, bytes]] = []
        for u in uploads:
            files += expand(safe_name(u.filename), await u.read(limits.max_file + 1), limits)
        if len(files) > limits.max_files:
            raise UploadError(413, f"一次最多检查{limits.max_files}个文件", f"at most {limits.max_files} files per request")
        return _unique(files)
    finally:
        await form.close()  # spooled uploads are deleted now, also on error


def _unique(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    seen: dict[str, int] = {}
    out = []
    for name, data in files:
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append((name if not n else f"{name} ({n + 1})", data))
    return out


def _cross_document(checked: list[Checked], server: Server) -> list[Finding]:
    summaries = [c.result.summary for c in checked if c.result.summary is not None]
    for c in checked:
        c.result.summary = None
    if len(summaries) < 2:
        return []
    from opengov_lint import engine
    from opengov_lint.crossdoc.summary import attach_keys
    from opengov_lint.model import Batch

    return engine.run_batch_rules(Batch([attach_keys(s) for s in summaries]), server.engine)


def findings_json(checked: list[Checked], cross: list[Finding]) -> str:
    """Exactly what `check --output-format json` writes for the same files."""
    return _render("json", checked, cross, server_lang="zh")


def _render(fmt: str, checked: list[Checked], cross: list[Finding], server_lang: str, output: str | None = None) -> str:
    from opengov_lint.reporters import get_reporter

    out = io.StringIO()
    reporter = get_reporter(fmt, out, lang=server_lang, color=False, quiet=False, statistics=False, output=output)
    reporter.start()
    for c in sorted(checked, key=lambda c: c.result.path):
        reporter.file(c.result)
    facts = {c.result.path: c.result.facts for c in checked if c.result.kind == "report"}
    reporter.extra(sorted(cross, key=lambda f: f.sort_key()), facts)
    reporter.finish()
    return out.getvalue()


def _downloads(checked: list[Checked], cross: list[Finding], server: Server) -> dict[str, tuple[str, bytes]]:
    """The audit workbook, dashboard and JSON of everything uploaded. A download that cannot be built
    (a reporter refusing some text) is left out; the page and the findings still come."""
    lang = server.settings.lang
    builders: dict[str, tuple[str, Callable[[], bytes]]] = {
        "dashboard": ("检查结果.html", lambda: _render("html", checked, cross, lang).encode("utf-8")),
        "xlsx": ("审核结果.xlsx", lambda: _xlsx(checked, cross, lang)),
        "json": ("检查结果.json", lambda: findings_json(checked, cross).encode("utf-8")),
        "notices": ("整改通知.zip", lambda: _notices(findings_json(checked, cross))),
    }
    out = {}
    for kind, (name, build) in builders.items():
        try:
            out[kind] = (name, build())
        except Exception:
            continue
    return out


def _notices(findings: str) -> bytes:
    """One 整改通知 (.docx) per unit with errors or warnings, zipped in memory."""
    import zipfile

    from opengov_lint.authoring.notice import file_name, group, render
    from opengov_lint.registry.rules import all_rules

    units = group(json.loads(findings))
    if not units:
        raise ValueError("no unit needs a notice")
    docs = {r.code: r.doc for r in all_rules()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n in units:
            z.writestr(file_name(n), render(n, docs))
    return buf.getvalue()


def _xlsx(checked: list[Checked], cross: list[Finding], lang: str) -> bytes:
    """Built in a private temporary folder, removed before the answer is sent."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory(prefix="opengov-lint-web-") as tmp:
        path = os.path.join(tmp, "audit.xlsx")
        _render("xlsx", checked, cross, lang, output=path)
        with open(path, "rb") as fh:
            return fh.read()


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
