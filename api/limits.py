"""A cap on request bodies, so one request cannot make the service hold gigabytes in memory.

Routes read whole bodies (a SPARQL text, a form, an article's JSON) before looking at them,
and do so before the write token is checked; without a cap any client could send them.
"""

from __future__ import annotations

from fastapi import HTTPException, status
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# An article of spaCy's longest text (1,000,000 characters) is at most 4 MB of UTF-8,
# 6 MB as JSON escapes: twice that leaves room and still bounds memory.
MAX_BODY_BYTES = 12 * 1024 * 1024


def too_large(max_bytes: int) -> str:
    return f"the request body is over the limit of {max_bytes:,} bytes"


class BodyLimit:
    """ASGI middleware answering 413 to a body over `max_bytes`: at once when Content-Length says
    so, else as soon as the chunks received add up to more."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            response = JSONResponse(
                {"detail": too_large(self.max_bytes)}, status_code=status.HTTP_413_CONTENT_TOO_LARGE
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # Raised inside the route's read of the body, so the app's handlers answer it.
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, too_large(self.max_bytes))
            return message

        await self.app(scope, counted, send)
