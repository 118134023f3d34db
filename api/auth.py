"""The write token: the server is read-only unless started with one and a request carries it."""

from __future__ import annotations

from secrets import compare_digest
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.deps import SettingsDep
from api.settings import Settings

bearer = HTTPBearer(auto_error=False, description="the server's write token")


def require_write_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse a write with 403 unless it carries `Authorization: Bearer <the server's write token>`."""
    if settings.write_token is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "this server is read-only: start it with --write-token "
            "(or MILGRAPH_WRITE_TOKEN) to accept writes",
        )
    expected = settings.write_token.get_secret_value().encode()
    if credentials is None or not compare_digest(credentials.credentials.encode(), expected):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "writes need the header 'Authorization: Bearer <write token>'"
        )


WriteAccess = Depends(require_write_token)


async def check_write_access(request: Request, settings: Settings) -> None:
    """`require_write_token` for routes that only sometimes write (POST /sparql with an update)."""
    require_write_token(settings, await bearer(request))
