"""The API's errors and the one JSON shape every error response takes.

Every failure, whether raised on purpose (a bad parameter, an unknown event) or not (a
missing route, a wrong method, a bug), reaches the client as::

    {"ok": false, "status": 400,
     "error": {"code": "E402", "type": "BadParameter", "message": "...", "hint": "..."}}

Codes are in marsad's ``E4xx`` (server) range; see :mod:`marsad.errors`.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from marsad.errors import MarsadError, StoreError

log = logging.getLogger("marsad.api")


class ApiError(MarsadError):
    """An error the API reports to its client with an HTTP status."""

    code = "E400"
    status = 400


class NotFound(ApiError):
    """No route, event or document by that name."""

    code = "E401"
    status = 404


class BadParameter(ApiError):
    """A query parameter is unknown, malformed, out of range or too long."""

    code = "E402"
    status = 400


class MethodNotAllowed(ApiError):
    code = "E403"
    status = 405


class QueryTooLong(ApiError):
    """The whole query string is longer than the server accepts."""

    code = "E404"
    status = 414


class StoreUnavailable(StoreError):
    """The store file is missing, not a marsad store, or cannot be opened read-only."""

    code = "E405"


_HTTP: dict[int, tuple[str, str, str]] = {
    400: ("E400", "BadRequest", "The request is malformed."),
    404: ("E401", "NotFound", "No such page or endpoint."),
    405: ("E403", "MethodNotAllowed", "This endpoint only answers GET."),
    414: ("E404", "QueryTooLong", "The query string is too long."),
}


def error_body(status: int, code: str, type_: str, message: str,
               hint: str | None = None) -> dict[str, Any]:
    """The error shape shared by every endpoint (also documented in the OpenAPI schema)."""
    err: dict[str, Any] = {"code": code, "type": type_, "message": message}
    if hint:
        err["hint"] = hint
    return {"ok": False, "status": status, "error": err}


def error_response(status: int, code: str, type_: str, message: str,
                   hint: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, type_, message, hint), status_code=status,
                        headers={"Cache-Control": "no-store"})


async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, type(exc).__name__, exc.message, exc.hint)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code, type_, message = _HTTP.get(exc.status_code, ("E400", "HTTPError", str(exc.detail)))
    return error_response(exc.status_code, code, type_, message)


async def on_store_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    return error_response(503, exc.code, type(exc).__name__, exc.message, exc.hint)


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return error_response(500, "E499", "InternalError",
                          "The server failed on this request.",
                          "Please report it with the URL you asked for.")


HANDLERS: dict[Any, Any] = {
    ApiError: on_api_error,
    StoreError: on_store_error,
    HTTPException: on_http_error,
    Exception: on_unexpected,
}
