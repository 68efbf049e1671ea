"""ASGI middleware that protects the server and the page: a request body limit and security headers.

Both are plain ASGI (not BaseHTTPMiddleware) so the limit is enforced while the body streams in, before
any handler reads it, whether or not the client sent a Content-Length.
"""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from eventwire.web.errors import BodyTooLarge, error_body

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The page loads only its own scripts, styles, data and API: no inline script, no other origin, no
# plugins, no framing. Article text is never parsed as HTML, and this is the second line of defence.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _send_json(send: Send, status: int, body: dict) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": data})


class BodyLimit:
    """Answer 413 when a request body exceeds `max_bytes` (declared or actually sent)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = BodyTooLarge(self.max_bytes)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send_json(send, 413, error_body(too_large.code, too_large.message))
            return
        seen = 0
        started = answered = False

        async def limited_receive() -> Message:
            # Past the limit we answer 413 ourselves and tell the app the client went away, so the
            # handler stops reading; whatever it then tries to send is dropped.
            nonlocal seen, answered
            if answered:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes and not started:
                    answered = True
                    await _send_json(send, 413, error_body(too_large.code, too_large.message))
                    return {"type": "http.disconnect"}
            return msg

        async def guarded_send(msg: Message) -> None:
            nonlocal started
            if answered:
                return
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        await self.app(scope, limited_receive, guarded_send)


class HostCheck:
    """Refuse requests whose Host header names another machine (400, our error shape).

    A server on 127.0.0.1 is reachable from any web page the user opens through DNS rebinding (a hostile
    name that resolves to 127.0.0.1); such requests carry the hostile name in Host, so checking it closes
    that door. `allowed` holds host names without ports; None allows every host (a public --host)."""

    def __init__(self, app: ASGIApp, allowed: set[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.allowed is None:
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.strip("[]").lower() not in self.allowed:
            await _send_json(send, 400, error_body("bad_host", f"this server answers to {', '.join(sorted(self.allowed))}, "
                                                               f"not to host {host!r}"))
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Add the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                names = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(msg)

        await self.app(scope, receive, with_headers)
