"""Page weight and time to rendered, per page type: bytes the server sends for one page view
and the time from navigation start until the page is fully rendered (every Mermaid block an
SVG, every formula typeset, ``load`` fired), on a cold cache (a fresh browser context) and a
warm one (the same page opened again in that context). Headless Chromium
(:mod:`sitebuild.chromium`), offline; medians over up to ``--per-type`` pages of each type.

Page types come from the built HTML: ``plain`` (no maths, no diagrams), ``maths``,
``diagrams``, ``both``. Give several sites to compare them (e.g. one built from ``main``):

    .venv/bin/python benchmarks/site_pages.py [--site DIR ...] [--per-type 3] [--repeat 3]

Without ``--site`` it builds the working tree (snippets from the cache) into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild.chromium import CHROMIUM, OFFLINE_ARGS
from sitebuild.static_server import Counting, serve

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("plain", "maths", "diagrams", "both")

# Material renders Mermaid into a closed shadow root: open it so the page can be checked.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };
"""
# ms since navigation start at the first frame where the page is fully rendered
RENDERED = """([diagrams, formulas]) => {
  if (document.readyState !== "complete") return false;
  const svgs = [...document.querySelectorAll("div.mermaid")]
    .filter(d => d.shadowRoot && d.shadowRoot.querySelector("svg"));
  const typeset = document.querySelectorAll(".arithmatex mjx-container").length;
  return svgs.length >= diagrams && typeset >= formulas && performance.now();
}"""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def needs(html: str) -> tuple[int, int]:
    """(Mermaid blocks, formulas) the browser still has to render in a built page."""
    return len(re.findall(r'<pre class="mermaid"', html)), len(re.findall(r'class="arithmatex"', html))


def page_types(site: Path) -> dict[str, list[tuple[str, int, int]]]:
    """Page type -> [(URL path, diagrams, formulas)] of every content page."""
    found: dict[str, list[tuple[str, int, int]]] = {t: [] for t in TYPES}
    for index in sorted(site.rglob("index.html")):
        rel = index.relative_to(site).parent.as_posix()
        if rel.split("/")[0] in {"assets", "search"}:
            continue
        diagrams, formulas = needs(index.read_text())
        kind = TYPES[(formulas > 0) + 2 * (diagrams > 0)]
        found[kind].append(("/" if rel == "." else f"/{rel}/", diagrams, formulas))
    return found


def view(page, url: str, diagrams: int, formulas: int) -> tuple[int, float]:
    """(bytes sent, ms to rendered) for one page view."""
    Counting.sent = 0
    page.goto(url, wait_until="commit")
    rendered = page.wait_for_function(RENDERED, arg=[diagrams, formulas], polling="raf", timeout=60_000).json_value()
    page.wait_for_load_state("networkidle")
    return Counting.sent, rendered


def measure(browser, base: str, pages: list[tuple[str, int, int]], repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"cold_kb": [], "cold_ms": [], "warm_kb": [], "warm_ms": []}
    for path, diagrams, formulas in pages:
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(OPEN_SHADOW_ROOTS)
            page = context.new_page()
            sent, ms = view(page, base + path, diagrams, formulas)
            out["cold_kb"].append(sent / 1024)
            out["cold_ms"].append(ms)
            page.goto("about:blank")
            sent, ms = view(page, base + path, diagrams, formulas)
            out["warm_kb"].append(sent / 1024)
            out["warm_ms"].append(ms)
            context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, action="append", help="a built site (repeat to compare)")
    parser.add_argument("--per-type", type=int, default=3, help="pages measured per type")
    parser.add_argument("--repeat", type=int, default=2, help="views per page")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        sites = args.site
        if not sites:
            sites = [Path(tmp) / "site"]
            build(sites[0])
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        print(f"load gauge: python -c pass {1000 * (time.perf_counter() - t0):.0f} ms")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=OFFLINE_ARGS, headless=True)
            for site in sites:
                server, base = serve(site)
                print(f"\n{site}")
                head = f"{'cold KB':>8} {'cold ms':>8}  {'warm KB':>8} {'warm ms':>8}"
                print(f"{'type':9} {'pages':>5}  {head}  measured")
                for kind, pages in page_types(site).items():
                    chosen = pages[:: max(1, len(pages) // args.per_type)][: args.per_type]
                    if not chosen:
                        print(f"{kind:9} {0:>5}")
                        continue
                    m = {k: statistics.median(v) for k, v in measure(browser, base, chosen, args.repeat).items()}
                    names = " ".join(path for path, _, _ in chosen)
                    print(
                        f"{kind:9} {len(pages):>5}  {m['cold_kb']:>8.0f} {m['cold_ms']:>8.0f}"
                        f"  {m['warm_kb']:>8.0f} {m['warm_ms']:>8.0f}  {names}"
                    )
                server.shutdown()
                server.server_close()
            browser.close()


if __name__ == "__main__":
    main()
