"""The ASGI application: JSON endpoints under ``/api``, the web page at ``/``.

    create_app("events.sqlite")  # -> a Starlette app; serve it with uvicorn

Endpoints (all GET; the OpenAPI description at ``/openapi.json`` has the details):

* ``/api/info``: what the store holds
* ``/api/events``: events, filtered and paginated
* ``/api/events/{uid}``: one event with all its fields and mentions
* ``/api/documents/{id}``: one document with its text and every extracted span
* ``/api/stats?by=type,country,day``: counts under the same filters

Static assets are a fixed set read from the package at start-up: no URL names a file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from marsad import __version__
from marsad.api.errors import HANDLERS, BadParameter, NotFound, QueryTooLong, error_response
from marsad.api.openapi import openapi
from marsad.api.params import (
    check_length,
    no_params,
    parse_events_query,
    parse_stats_query,
)
from marsad.api.queries import ReadOnlyStore
from marsad.errors import ResourceMissing

_UID = re.compile(r"^[0-9a-f]{4,64}-\d{1,6}$")
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".json": "application/json", ".svg": "image/svg+xml", ".html": "text/html; charset=utf-8"}
ASSETS = ("app.js", "article.js", "charts.js", "i18n.js", "app.css", "world.json")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _load_assets() -> dict[str, tuple[bytes, str]]:
    """The page and its assets, read once from the installed package."""
    base = resources.files("marsad") / "web"
    out: dict[str, tuple[bytes, str]] = {}
    try:
        for name in ASSETS:
            data = (base / "static" / name).read_bytes()
            out[name] = (data, _TYPES[Path(name).suffix])
        out["index.html"] = ((base / "templates" / "index.html").read_bytes(), _TYPES[".html"])
    except OSError as exc:
        raise ResourceMissing(f"the web page's file {exc.filename} is missing.",
                              hint="Reinstall marsad (a broken install).") from None
    return out


def _ok(payload: dict[str, Any], cache: bool = False) -> JSONResponse:
    return JSONResponse({"ok": True, **payload},
                        headers={"Cache-Control": "max-age=60" if cache else "no-store"})


class Security(BaseHTTPMiddleware):
    """Bounds the query string and sets headers that keep untrusted text inert."""

    async def dispatch(self, request: Request,
                       call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            check_length(request.url.query)
        except QueryTooLong as exc:
            response: Response = error_response(exc.status, exc.code, "QueryTooLong",
                                                exc.message, exc.hint)
            self._headers(response, 0.0)
            return response
        started = time.perf_counter()
        response = await call_next(request)
        self._headers(response, started)
        return response

    @staticmethod
    def _headers(response: Response, started: float) -> None:
        h = response.headers
        h["X-Content-Type-Options"] = "nosniff"
        h["Referrer-Policy"] = "no-referrer"
        h["X-Frame-Options"] = "DENY"
        h["Content-Security-Policy"] = CSP
        if started:
            h["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"


def create_app(db: str | Path, refresh_s: float = 2.0) -> Starlette:
    """The API and web page over the store ``db``, opened read-only.

    ``refresh_s``: how often, at most, the server looks for new commits to the store (an
    ingest running beside it) and re-indexes.
    """
    store = ReadOnlyStore(db, refresh_s=refresh_s)
    assets = _load_assets()

    def params(request: Request) -> dict[str, str]:
        # One value per name; a repeated name is ambiguous, so refuse it.
        items = request.query_params.multi_items()
        names = [k for k, _ in items]
        dup = sorted({k for k in names if names.count(k) > 1})
        if dup:
            raise BadParameter(f"parameter(s) given more than once: {', '.join(dup)}.",
                               hint="Give lists as comma-separated values: type=A,B.")
        return dict(items)

    def page(request: Request) -> Response:
        no_params({k: v for k, v in params(request).items() if k not in ("lang",)})
        data, ctype = assets["index.html"]
        return Response(data, media_type=ctype, headers={"Cache-Control": "no-store"})

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets or name == "index.html":
            raise NotFound(f"no asset {name!r}.")
        data, ctype = assets[name]
        return Response(data, media_type=ctype, headers={"Cache-Control": "max-age=300"})

    def info(request: Request) -> JSONResponse:
        no_params(params(request))
        return _ok({"store": store.info(), "marsad_version": __version__})

    def events(request: Request) -> JSONResponse:
        q = parse_events_query(params(request))
        total, items = store.events(q.filters, q.page)
        pages = max(1, -(-total // q.page.per_page))
        return _ok({"total": total, "page": q.page.page, "per_page": q.page.per_page,
                    "pages": pages, "sort": q.page.sort, "filters": q.filters.as_query(),
                    "events": items})

    def event(request: Request) -> JSONResponse:
        no_params(params(request))
        uid = request.path_params["uid"]
        if not _UID.match(uid):
            raise NotFound(f"{uid[:80]!r} is not an event id.",
                           hint="Event ids look like 3f2a9c01d2b4e6f8-0.")
        return _ok({"event": store.event(uid)})

    def document(request: Request) -> JSONResponse:
        no_params(params(request))
        raw = request.path_params["doc"]
        if not raw.isdigit() or len(raw) > 18:
            raise NotFound(f"{raw[:80]!r} is not a document number.")
        return _ok({"document": store.document(int(raw))})

    def stats(request: Request) -> JSONResponse:
        q = parse_stats_query(params(request))
        total = store.count_events(q.filters)
        return _ok({"total": total, "filters": q.filters.as_query(),
                    "counts": {b: store.stats(q.filters, b) for b in q.by}})

    def spec(request: Request) -> JSONResponse:
        no_params(params(request))
        return JSONResponse(openapi(__version__), headers={"Cache-Control": "max-age=300"})

    routes = [
        Route("/", page),
        Route("/static/{name}", static),
        Route("/api/info", info),
        Route("/api/events", events),
        Route("/api/events/{uid}", event),
        Route("/api/documents/{doc}", document),
        Route("/api/stats", stats),
        Route("/openapi.json", spec),
    ]
    app = Starlette(routes=routes, exception_handlers=HANDLERS,
                    middleware=[Middleware(Security)])
    app.state.store = store
    return app
