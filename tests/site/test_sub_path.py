"""The site works served under a sub-path (a project's Pages address, ``/foundation-kb/``):
no page, stylesheet or script of the site links an absolute ``/`` path, and in the browser
every request of a page stays under the sub-path and succeeds.

``404.html`` is the exception by design: it is served for a missing address at any depth,
so MkDocs writes its links from ``site_url`` (the Pages workflow sets ``SITE_URL``)."""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.site.test_browser import Network

PREFIX = "/foundation-kb"
ABSOLUTE_IN_HTML = re.compile(r'\s(?:href|src|action|srcset|data)="(/(?!/)[^"]*)"')
ABSOLUTE_IN_CSS = re.compile(r"url\(\s*[\"']?(/(?!/)[^)\"']*)")
# a URL built from a root-relative literal: fetch("/x"), new URL("/x", ...), new Worker("/x"), import("/x")
ABSOLUTE_IN_JS = re.compile(r"""(?:fetch|URL|Worker|import|importScripts)\(\s*["'`](/(?!/)[^"'`]*)""")


def _own_files(site: Path, suffix: str) -> list[Path]:
    """The site's files ending in ``suffix``, without vendored libraries and Material's bundle."""
    skip = ("assets/vendor/", "assets/javascripts/", "assets/stylesheets/")
    return [p for p in site.rglob(f"*{suffix}") if not p.relative_to(site).as_posix().startswith(skip)]


@pytest.mark.site
@pytest.mark.parametrize(
    ("suffix", "pattern"), [(".html", ABSOLUTE_IN_HTML), (".css", ABSOLUTE_IN_CSS), (".js", ABSOLUTE_IN_JS)]
)
def test_no_absolute_links_in_built_files(built_site: Path, suffix: str, pattern: re.Pattern[str]) -> None:
    files = [p for p in _own_files(built_site, suffix) if p.name != "404.html"]
    assert files
    found = {str(p.relative_to(built_site)): pattern.findall(p.read_text(errors="replace")) for p in files}
    assert {name: links for name, links in found.items() if links} == {}


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (ABSOLUTE_IN_HTML, '<a href="/en/" hreflang="en">', ["/en/"]),
        (ABSOLUTE_IN_HTML, '<script src="/assets/x.js">', ["/assets/x.js"]),
        (ABSOLUTE_IN_HTML, '<a href="../en/">', []),
        (ABSOLUTE_IN_HTML, '<a href="https://example.org/">', []),
        (ABSOLUTE_IN_HTML, '<img src="//cdn.example/x.png">', []),  # remote: test_site_build's business
        (ABSOLUTE_IN_CSS, "a { background: url(/assets/x.svg) }", ["/assets/x.svg"]),
        (ABSOLUTE_IN_CSS, 'a { background: url("../x.svg") }', []),
        (ABSOLUTE_IN_JS, 'new Worker(new URL("/assets/w.js", location.href))', ["/assets/w.js"]),
        (ABSOLUTE_IN_JS, "fetch(`/search/index.json`)", ["/search/index.json"]),
        (ABSOLUTE_IN_JS, 'url.pathname.endsWith("/search/search_index.json")', []),
    ],
)
def test_the_patterns_find_absolute_links(pattern: re.Pattern[str], text: str, found: list[str]) -> None:
    assert pattern.findall(text) == found


class _UnderPrefix(SimpleHTTPRequestHandler):
    """Serves the site only under ``PREFIX``; anything else is a 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path(path.removeprefix(PREFIX))


@pytest.fixture(scope="module")
def prefixed_url(built_site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_UnderPrefix, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_pages_work_under_a_sub_path(browser, prefixed_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    network = Network()
    context.route("**/*", network.route)
    page = context.new_page()
    page.on("response", network.response)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/en/", "/math/losses/", "/en/models/transformer/", "/en/exercises/"):
        page.goto(prefixed_url + path, wait_until="networkidle")
        menu = page.eval_on_selector_all("a.md-select__link[hreflang]", "as => as.map(a => a.href)")
        assert menu and all(link.startswith(prefixed_url + "/") for link in menu), menu
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("attention")
    box.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    context.close()
    assert network.failed == [] and network.blocked == []
    outside = [u for u in requested if not u.startswith(prefixed_url + "/") and not u.startswith("data:")]
    assert outside == []
