"""The explorer page and the API docs pages, served from web/dist (or a stand-in build)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A stand-in build: the three pages and one asset."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log('explorer')")
    for name in ("index", "docs", "redoc"):
        (tmp_path / f"{name}.html").write_text(f"<!doctype html><title>{name}</title>")
    monkeypatch.setenv("MILGRAPH_WEB_DIST", str(tmp_path))
    return tmp_path


def app_client(store) -> TestClient:
    return TestClient(create_app(Settings(store=store.location), store=store))


def test_pages_and_assets_are_served(built, memory_store):
    with app_client(memory_store) as client:
        assert "<title>index</title>" in client.get("/").text
        assert "<title>docs</title>" in client.get("/docs").text
        assert "<title>redoc</title>" in client.get("/redoc").text
        assert client.get("/assets/app.js").text == "console.log('explorer')"
        assert client.get("/assets/missing.js").status_code == 404


def test_a_browser_gets_the_page_at_a_views_url_and_a_client_gets_json(built, memory_store):
    with app_client(memory_store) as client:
        views = ("/country/Latvia", "/person/Zakir%20Hasanov", "/pair/Latvia/AZE", "/network/state/LVA")
        for url in views:
            page = client.get(url, headers=BROWSER)
            assert page.status_code == 200 and "<title>index</title>" in page.text
        person = client.get("/person/Nobody%20Here", headers={"accept": "application/json"})
        assert person.status_code == 404
        assert person.headers["content-type"] == "application/json"
        assert client.get("/health", headers=BROWSER).json()["status"] == "ok"


def test_without_a_build_the_page_says_how_to_build_it(tmp_path, monkeypatch, memory_store):
    monkeypatch.setenv("MILGRAPH_WEB_DIST", str(tmp_path / "nothing"))
    with app_client(memory_store) as client:
        for url in ("/", "/docs", "/redoc"):
            response = client.get(url)
            assert response.status_code == 503
            assert "make web" in response.text
        assert client.get("/health").status_code == 200
