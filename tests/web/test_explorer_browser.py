"""The explorer page in a real browser: Debian's Chromium driven by Playwright, against a real
`milgraph serve` on loopback with the sample articles. Screenshots go to var/screenshots (or
$MILGRAPH_SCREENSHOTS); each test fails on a console error or a request that leaves 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from server_process import free_port, stop, wait_until_answering

from api.web import web_dist
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow

playwright_api = pytest.importorskip("playwright.sync_api")
MILGRAPH = str(Path(sys.executable).parent / "milgraph")
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium phones home at start, which the closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("MILGRAPH_SCREENSHOTS") or ROOT / "var" / "screenshots")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (web_dist() / "index.html").is_file():
        pytest.fail(f"the explorer is not built ({web_dist()}): run `make web`")
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    location = str(tmp_path_factory.mktemp("explorer-store"))
    subprocess.run([MILGRAPH, "ingest", str(SAMPLES), "--store", location], check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen(
        [MILGRAPH, "serve", "--store", location, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(proc, f"{url}/health", name="milgraph serve")
    try:
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class Watch:
    """What a page did wrong: console errors, uncaught exceptions, requests to other hosts."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch()

    def only_loopback(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.set_default_timeout(15_000)
    tab.watch = watch
    yield tab
    context.close()
    assert watch.outside == [], f"requests left 127.0.0.1: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


def shoot(page, name: str, *, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")


def test_search_opens_the_country_view_with_partners_and_timeline(page, server):
    page.goto(f"{server}/")
    page.get_by_role("link", name="Latvia").wait_for()
    page.get_by_role("combobox").press_sequentially("Latvia", delay=40)
    option = page.get_by_role("option", name=re.compile("Latvia"))
    option.wait_for()
    shoot(page, "search-suggestions")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/country/Latvia")
    partners = page.locator("table.sortable").first
    partners.get_by_role("link", name="Azerbaijan").wait_for()
    page.locator(".timeline canvas").first.wait_for()
    page.locator("article.event").first.wait_for()
    assert page.locator(".timeline .u-legend").inner_text().count("Azerbaijan") == 1
    shoot(page, "country-latvia")
    # Sorting by a column header reorders the table and says so.
    header = partners.get_by_role("button", name="Partner")
    header.click()
    assert partners.locator("th").first.get_attribute("aria-sort") == "ascending"


def test_country_events_filter_and_history(page, server):
    page.goto(f"{server}/country/Latvia")
    page.get_by_label("Kind").select_option("agreement")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"/country/Latvia\?kind=agreement"))
    page.locator("article.event.agreement").first.wait_for()
    assert page.locator("article.event.meeting").count() == 0
    page.go_back()
    page.wait_for_url(f"{server}/country/Latvia")
    page.locator("article.event.meeting").first.wait_for()
    page.go_forward()
    page.wait_for_url(re.compile("kind=agreement"))
    page.locator("article.event.agreement").first.wait_for()


def test_pair_view_shows_the_meeting_the_agreement_and_the_evidence(page, server):
    page.goto(f"{server}/country/Latvia")
    page.get_by_role("link", name="pair view").first.click()
    page.wait_for_url(f"{server}/pair/Latvia/Azerbaijan")
    meeting = page.locator("article.event.meeting", has_text="2022-04-26")
    meeting.first.wait_for()
    agreement = page.locator("article.event.agreement", has_text="Agreement on Defence Cooperation")
    agreement.first.wait_for()
    sentence = meeting.first.locator("blockquote").first
    assert sentence.is_visible()
    assert "Artis Pabriks" in sentence.locator("mark").all_inner_texts()
    assert "Article 004_23ce66ccd23087cf" in meeting.first.locator("figcaption").first.inner_text()
    shoot(page, "pair-latvia-azerbaijan")


def test_person_view(page, server):
    page.goto(f"{server}/person/Zakir%20Hasanov")
    page.get_by_role("heading", name="Zakir Hasanov", level=1).wait_for()
    page.get_by_role("cell", name="defence-minister").first.wait_for()
    page.get_by_role("link", name="Artis Pabriks").first.wait_for()
    shoot(page, "person-zakir-hasanov")


def click_node(page, kind: str) -> str:
    """Click the first drawn node of `kind` where it is on screen; its label."""
    page.wait_for_function("window.milgraph.cy && window.milgraph.cy.nodes().length > 0")
    found = page.evaluate(
        """kind => {
            const node = window.milgraph.cy.nodes().filter(n => n.data('type') === kind)[0];
            const box = window.milgraph.cy.container().getBoundingClientRect();
            const at = node.renderedPosition();
            return {x: box.left + at.x, y: box.top + at.y, label: node.data('label')};
        }""",
        kind,
    )
    page.mouse.click(found["x"], found["y"])
    return found["label"]


def test_network_view_draws_nodes_and_a_click_opens_the_view(page, server):
    page.goto(f"{server}/network/state/LVA?hops=2")
    page.locator(".network canvas").first.wait_for()
    assert page.evaluate("window.milgraph.cy.nodes().length") > 3
    page.get_by_role("list", name="Legend").wait_for()
    time.sleep(0.3)
    shoot(page, "network-latvia")
    label = click_node(page, "person")
    page.wait_for_url(re.compile("/person/"))
    page.get_by_role("heading", name=label, level=1).wait_for()


def test_party_network_links_parties(page, server):
    page.goto(f"{server}/network/parties")
    page.wait_for_function("window.milgraph.cy && window.milgraph.cy.edges().length > 0")
    time.sleep(0.3)
    shoot(page, "network-parties")
    label = click_node(page, "state")
    page.wait_for_url(re.compile("/country/"))
    page.get_by_role("heading", name=label, level=1).wait_for()


def test_yasgui_runs_an_example_query(page, server):
    page.goto(f"{server}/query")
    page.locator(".yasqe .CodeMirror").wait_for()
    page.get_by_role("button", name="Partners of a state").click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for()
    assert "Azerbaijan" in page.locator(".yasr table").inner_text()
    shoot(page, "sparql-editor")
    page.get_by_role("button", name="A state's graph (CONSTRUCT)").click()
    page.locator(".yasr .CodeMirror", has_text="skos:notation").wait_for()
    assert "@prefix" in page.locator(".yasr .CodeMirror").inner_text()
    shoot(page, "sparql-editor-construct")


def test_api_docs_are_served_locally(page, server):
    page.goto(f"{server}/docs")
    page.locator(".swagger-ui .info .title", has_text="milgraph").wait_for()
    page.locator(".opblock-summary-path", has_text="/pair/{a}/{b}").first.wait_for()
    shoot(page, "docs-swagger", full_page=False)
    page.goto(f"{server}/redoc")
    page.get_by_role("heading", name=re.compile("milgraph")).first.wait_for()
    shoot(page, "docs-redoc", full_page=False)


def test_narrow_screen(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/country/Latvia")
    page.locator("table.sortable").get_by_role("link", name="Azerbaijan").wait_for()
    shoot(page, "country-latvia-narrow")
