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
    """Refuse a write unless it carries `Authorization: Bearer <the server's write token>`: 401 when it
    carries no token, 403 when the token is not the server's or the server takes no writes."""
    if settings.write_token is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "this server is read-only: start it with --write-token "
            "(or MILGRAPH_WRITE_TOKEN) to accept writes",
        )
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "writes need the header 'Authorization: Bearer <write token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    expected = settings.write_token.get_secret_value().encode()
    if not compare_digest(credentials.credentials.encode(), expected):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "the token in 'Authorization: Bearer ...' is not the write token"
        )


WriteAccess = Depends(require_write_token)
WRITE_REFUSALS: dict[int | str, dict] = {
    401: {"description": "no write token sent"},
    403: {"description": "the token is not the server's, or the server is read-only"},
}


async def check_write_access(request: Request, settings: Settings) -> None:
    """`require_write_token` for routes that only sometimes write (POST /sparql with an update)."""
    require_write_token(settings, await bearer(request))
