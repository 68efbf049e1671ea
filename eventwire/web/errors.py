"""One JSON error shape for the whole API: `{"error": {"code": "...", "message": "..."}}`.

Every failure a client can cause (a bad parameter, an unknown id, a body too large) answers 4xx in this
shape with a message that says what to send instead; anything else is a 500 in the same shape, with no
traceback in the body (it goes to the server log).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import EventwireError, InputError, StoreError, UsageError

log = logging.getLogger(__name__)

# Short machine-readable codes for the HTTP statuses we answer with.
STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
                415: "unsupported_media_type", 422: "unprocessable", 500: "internal", 503: "unavailable"}


class ApiError(Exception):
    """An error the API answers with `status` and the standard shape."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message


class BodyTooLarge(ApiError):
    """A request body past the limit (see guard.BodyLimit, which answers it in this shape)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body is larger than {max_bytes} bytes; send a shorter article",
                         "body_too_large")


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, message: str, code: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code or STATUS_CODES.get(status, "error"), message), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """'limit: Input should be less than or equal to 500' — the first problem, named by its parameter."""
    parts = []
    for err in exc.errors()[:3]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            parts.append(f"the request body is not valid JSON (near character {loc[-1] if loc else '?'})")
            continue
        if not loc and err.get("type") in ("model_attributes_type", "dict_type", "json_invalid", "missing"):
            msg = f"the request body must be a JSON object (Content-Type: application/json); {msg}"
        parts.append(f"{'.'.join(loc) or 'request'}: {msg}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, _validation_message(exc), "invalid_parameter")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else STATUS_CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(exc.status_code, message)

    @app.exception_handler(UsageError)       # includes the store's FilterError
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return error_response(400, str(exc), "invalid_parameter")

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, str(exc), "cannot_code")

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(503, f"the store cannot be read: {exc}")

    @app.exception_handler(EventwireError)
    async def _other(request: Request, exc: EventwireError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return error_response(500, "internal error; see the server log")
