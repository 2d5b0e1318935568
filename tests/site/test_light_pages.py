"""Light pages and per-edition search, in headless Chromium, offline: a page loads Mermaid and
MathJax only when it uses them and the search index only when the reader searches, pages
with diagrams and maths still render them, and each edition's search finds its own pages."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from tests.site.conftest import site_pages
from tests.site.test_browser import OPEN_SHADOW_ROOTS, Network

pytestmark = pytest.mark.browser

MERMAID = "mermaid.min.js"
MATHJAX = "tex-mml-chtml.js"
INDEX = "/search/search_index"
# What a page with neither maths nor diagrams may load, gzip-compressed as a static host (GitHub
# Pages) sends it; uncompressed, Material's own stylesheets and bundle alone are 264 KB.
PLAIN_PAGE_BUDGET = 300_000


class Watch(Network):
    """:class:`Network` plus what each request was, how many bytes came back, and console errors."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.responses: list = []
        self.errors: list[str] = []

    def response(self, response) -> None:
        super().response(response)
        self.urls.append(response.url)
        self.responses.append(response)

    def compressed_bytes(self) -> int:
        return sum(len(gzip.compress(r.body())) for r in self.responses if r.status == 200)

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture()
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch()
    context.route("**/*", watch.route)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.on("response", watch.response)
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    yield page, watch
    context.close()


def _kind(site: Path, path: str) -> tuple[bool, bool]:
    html = (site / path.lstrip("/") / "index.html").read_text()
    return '<pre class="mermaid"' in html, 'class="arithmatex"' in html


def _pages(site: Path, diagrams: bool, maths: bool) -> list[str]:
    return [p for p in site_pages(site) if _kind(site, p) == (diagrams, maths)]


@pytest.mark.parametrize("edition", ["/", "/en/"])
def test_a_page_without_maths_or_diagrams_loads_neither_library(watched, site_url: str, built_site: Path, edition):
    page, watch = watched
    plain = [p for p in _pages(built_site, False, False) if p.startswith("/en/") == (edition == "/en/")]
    assert plain, "no page without maths or diagrams to try"
    for path in plain:
        watch.urls.clear()
        watch.responses.clear()
        page.goto(site_url + path, wait_until="networkidle")
        loaded = [u for u in watch.urls if MERMAID in u or MATHJAX in u or INDEX in u or "/workers/search." in u]
        assert loaded == [], f"{path} loaded {loaded}"
        assert watch.compressed_bytes() < PLAIN_PAGE_BUDGET, path
    assert watch.errors == [] and watch.blocked == [] and watch.failed == []


@pytest.mark.parametrize(("diagrams", "maths"), [(True, False), (False, True), (True, True)])
def test_pages_with_diagrams_or_maths_still_render_them(
    watched, site_url: str, built_site: Path, diagrams: bool, maths: bool
) -> None:
    page, watch = watched
    pages = _pages(built_site, diagrams, maths)
    assert pages
    for path in (pages[0], pages[-1]):
        watch.urls.clear()
        page.goto(site_url + path, wait_until="load")
        if diagrams:
            page.wait_for_function(
                "() => [...document.querySelectorAll('div.mermaid')].some(d => "
                "(d.shadowRoot?.querySelector('svg')?.getBoundingClientRect().width || 0) > 10)",
                timeout=20_000,
            )
        if maths:
            page.wait_for_selector(".arithmatex mjx-container", timeout=20_000)
            assert page.locator("mjx-merror").count() == 0, path
        assert any(MERMAID in u for u in watch.urls) == diagrams, path
        assert any(MATHJAX in u for u in watch.urls) == maths, path
        page.wait_for_load_state("networkidle")
    assert watch.errors == [] and watch.blocked == [] and watch.failed == []


def _search(page, query: str) -> list[tuple[str, str]]:
    """(link, text) of each search result for ``query``."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # a key event makes Material run the query
    page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    return page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => [a.href, a.innerText])")


@pytest.mark.parametrize(
    ("home", "query", "expected"),
    [
        ("/", "交叉熵", "/math/losses/"),
        ("/", "attention", "/models/transformer/"),  # English words in the Chinese edition find Chinese pages
        ("/", "make_trainer", "/reference/kb/"),
        ("/en/", "attention", "/en/models/transformer/"),
        ("/en/", "losses", "/en/math/losses/"),
        ("/en/", "make_trainer", "/en/reference/kb/"),  # the English API reference is in the English index
    ],
)
def test_each_edition_searches_its_own_pages(watched, site_url: str, home: str, query: str, expected: str) -> None:
    page, watch = watched
    page.goto(site_url + home, wait_until="networkidle")
    assert not [u for u in watch.urls if INDEX in u]  # nothing fetched before the reader searches
    links = [link for link, _ in _search(page, query)]
    assert any(link.startswith(site_url + expected) for link in links), links
    english = [link for link in links if link.startswith(site_url + "/en/")]
    assert english == (links if home == "/en/" else []), links
    edition = "en" if home == "/en/" else "zh"
    assert [u.rsplit("/", 1)[1] for u in watch.urls if INDEX in u] == [f"search_index.{edition}.json"]
    assert watch.errors == [] and watch.blocked == [] and watch.failed == []


@pytest.mark.site
@pytest.mark.parametrize("edition", ["zh", "en"])
def test_no_diagram_source_in_the_search_index(built_site: Path, edition: str) -> None:
    """Search results quote the index's text; no entry holds a page's Mermaid source (checked in
    the index files, as a result shows only the start of an entry)."""
    docs = json.loads((built_site / f"search/search_index.{edition}.json").read_text())["docs"]
    prefix = "en/" if edition == "en" else ""
    diagrams = 0
    for page in built_site.glob(f"{prefix}**/index.html"):
        location = page.parent.relative_to(built_site).as_posix() + "/"
        sources = re.findall(r'<pre class="mermaid"><code>([^<]+)</code>', page.read_text())
        diagrams += len(sources)
        texts = [d["text"] for d in docs if d["location"].split("#")[0] == location]
        for source in sources:
            first_lines = " ".join(source.split("\n")[:2])  # e.g. flowchart LR  A["x"] --&gt; B
            assert not [t for t in texts if first_lines.split()[-1] in t and first_lines.split()[0] in t], location
    assert diagrams > 10
