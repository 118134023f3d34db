"""GET /health: whether the service can reach its store."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.models import Health

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    summary="The service is up and its store answers",
    responses={503: {"description": "the store cannot be reached; the body says why"}},
)
def health(store: StoreDep) -> Health:
    store.ask("ASK {}")
    return Health(status="ok", store=store.location)
