"""Time until the explorer's country view of the busiest state is usable, in a real browser.

    .venv/bin/python benchmarks/explorer_country_view.py --store DIR [--runs 5]

Serves the embedded store in DIR (for example the 20,000-article store that
`benchmarks/api_latency.py --store DIR` builds) with `milgraph serve` on a free loopback port,
then opens /country/{busiest state} in Debian's Chromium through Playwright, `--runs` times
after one warm-up, and prints the milliseconds from navigation until the partners table, the
timeline and the first page of events are all drawn. Needs the built page (`make web`).
`--screenshot FILE` saves the last opening as a PNG.

Figures of the change that introduced it (2 shared cores under a load average of 12, the
20,000-article store of api_latency.py, 5 openings): the country view of Greece, the busiest
state, usable in 465 ms (median), 518 ms at most.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from http_vs_oxigraph import serving
from playwright.sync_api import sync_playwright
from store_ingest import free_port

MILGRAPH = str(Path(sys.executable).parent / "milgraph")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
USABLE = "table.sortable tbody tr, .timeline canvas, article.event"


def busiest_state(base: str) -> str:
    parties = httpx.get(f"{base}/countries", timeout=60).json()["parties"]
    states = [p for p in parties if p["kind"] == "state"]
    if not states:
        sys.exit("benchmark: the store holds no states")
    return states[0]["name"] or states[0]["code"]


def measure(base: str, state: str, runs: int, screenshot: str | None) -> list[float]:
    url = f"{base}/country/{quote(state)}"
    found = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for run in range(runs + 1):
            page.goto(f"{base}/")
            page.wait_for_selector("table.sortable tbody tr")
            started = time.perf_counter()
            page.goto(url)
            for selector in USABLE.split(", "):
                page.wait_for_selector(selector, timeout=30_000)
            if run:
                found.append((time.perf_counter() - started) * 1000)
        if screenshot:
            page.screenshot(path=screenshot, full_page=True)
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="an embedded store folder holding articles")
    parser.add_argument("--runs", type=int, default=5, help="timed openings (default 5)")
    parser.add_argument("--screenshot", metavar="FILE", help="save the view as a PNG")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [MILGRAPH, "serve", "--store", args.store, "--port", str(port)]
    with serving(argv, port, "/health", "milgraph serve"):
        state = busiest_state(base)
        ms = measure(base, state, args.runs, args.screenshot)
    median = statistics.median(ms)
    print(f"country view of {state}: median {median:.0f} ms, max {max(ms):.0f} ms over {len(ms)} openings")


if __name__ == "__main__":
    main()
