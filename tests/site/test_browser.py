"""Every page in both languages, in headless Chromium, with the network cut off:
no request leaves 127.0.0.1, every Mermaid block becomes a diagram, math is
typeset, executed output and figures show, the language switch and Chinese
search work."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.site.conftest import site_pages

pytestmark = pytest.mark.browser

# Material renders Mermaid into a *closed* shadow root; open it so the test can see the SVG.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };
"""


class Network:
    """Counts what the pages ask for: blocked remote requests and failed local ones."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.failed: list[str] = []

    def route(self, route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def response(self, response) -> None:
        # nothing may fail (kb-languages removes the head links that made Material probe
        # <page>/sitemap.xml for every page view)
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")


@pytest.fixture()
def page_and_network(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    network = Network()
    context.route("**/*", network.route)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.on("response", network.response)
    yield page, network
    context.close()


def _expected(site: Path, path: str) -> dict[str, int]:
    html = (site / path.lstrip("/") / "index.html").read_text()
    return {
        "mermaid": len(re.findall(r'<pre class="mermaid"', html)),
        "math": len(re.findall(r'class="arithmatex"', html)),
        "runs": html.count('class="kb-run"'),
        "figures": html.count('src="data:image/png;base64,'),
    }


def _check_page(page, network: Network, site_url: str, site: Path, path: str) -> list[str]:
    problems: list[str] = []
    expected = _expected(site, path)
    page.goto(site_url + path, wait_until="load")
    if expected["mermaid"]:
        try:
            page.wait_for_function(
                """n => [...document.querySelectorAll('div.mermaid')].filter(d => {
                       const svg = d.shadowRoot && d.shadowRoot.querySelector('svg');
                       return svg && svg.getBoundingClientRect().width > 10;
                   }).length >= n""",
                arg=expected["mermaid"],
                timeout=20_000,
            )
        except Exception:
            problems.append(f"{path}: not every Mermaid block ({expected['mermaid']}) rendered as an SVG diagram")
        errors = page.evaluate(
            "[...document.querySelectorAll('div.mermaid')].filter(d => d.shadowRoot && "
            "/Syntax error|Parse error/i.test(d.shadowRoot.textContent)).length"
        )
        if errors:
            problems.append(f"{path}: {errors} Mermaid block(s) show a syntax error")
    if expected["math"]:
        try:
            page.wait_for_function(
                "n => document.querySelectorAll('.arithmatex mjx-container').length >= n",
                arg=expected["math"],
                timeout=20_000,
            )
        except Exception:
            problems.append(f"{path}: math not typeset ({expected['math']} formulas expected)")
        if page.locator("mjx-merror").count():
            problems.append(f"{path}: MathJax reported a TeX error")
    if expected["runs"] and page.locator(".kb-run .kb-provenance").count() != expected["runs"]:
        problems.append(f"{path}: executed output or its provenance is missing")
    if expected["figures"]:
        widths = page.eval_on_selector_all(".kb-run img", "imgs => imgs.map(i => i.naturalWidth)")
        if len(widths) != expected["figures"] or not all(w > 100 for w in widths):
            problems.append(f"{path}: figures did not load ({widths})")
    page.wait_for_load_state("networkidle")
    return problems


def test_every_page_renders_offline(page_and_network, site_url: str, built_site: Path) -> None:
    page, network = page_and_network
    pages = site_pages(built_site)
    assert len(pages) >= 6
    problems: list[str] = []
    for path in pages:
        problems += _check_page(page, network, site_url, built_site, path)
    assert network.blocked == [], f"{len(network.blocked)} request(s) left 127.0.0.1: {network.blocked[:10]}"
    assert network.failed == [], f"failed local requests: {network.failed[:10]}"
    assert problems == []


def test_losses_chapter_in_the_browser(page_and_network, site_url: str) -> None:
    page, network = page_and_network
    for path in ("/math/losses/", "/en/math/losses/"):
        page.goto(site_url + path, wait_until="networkidle")
        assert "100.0" in page.locator(".kb-run").first.inner_text()
        assert page.locator(".kb-run img").count() >= 1
        assert page.locator("div.mermaid").count() >= 1
    assert network.blocked == []


def test_language_switch_keeps_the_page(page_and_network, site_url: str) -> None:
    page, network = page_and_network
    page.goto(site_url + "/math/losses/", wait_until="load")
    assert page.locator("h1").first.inner_text().startswith("损失函数")
    for lang, path, title in (("en", "/en/math/losses", "Loss functions"), ("zh", "/math/losses", "损失函数")):
        page.locator(".md-header .md-select").first.hover()
        page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').first.click()
        page.wait_for_url(f"**{path}/", timeout=15_000)
        assert page.locator("h1").first.inner_text().startswith(title)
    assert network.blocked == []


@pytest.mark.parametrize(("path", "face"), [("/", "Noto Sans CJK SC"), ("/math/losses/", "Noto Sans CJK SC")])
def test_chinese_text_is_set_in_a_simplified_chinese_face(
    page_and_network, site_url: str, path: str, face: str
) -> None:
    """The fonts Chromium actually used for the page title (CSS.getPlatformFontsForNode):
    Han characters in a Simplified Chinese face, not the Japanese one fallback can pick."""
    page, _ = page_and_network
    page.goto(site_url + path, wait_until="load")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    used = {f["familyName"]: f["glyphCount"] for f in fonts}
    assert face in used and not any("CJK JP" in name or "CJK TC" in name for name in used), used


@pytest.mark.parametrize(
    ("start", "lang", "expected"),
    [("/math/losses/", "en", "/en/math/losses/"), ("/en/math/losses/", "zh", "/math/losses/")],
)
def test_language_switch_keeps_the_anchor(
    page_and_network, site_url: str, start: str, lang: str, expected: str
) -> None:
    page, network = page_and_network
    page.goto(site_url + start + "#exercises", wait_until="load")
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').first.click()
    page.wait_for_url(f"**{expected}#exercises", timeout=15_000)
    assert network.blocked == [] and network.failed == []


@pytest.mark.parametrize(
    ("home", "query", "expected"),
    [
        ("/", "交叉熵", "/math/losses/"),
        ("/", "均方误差", "/math/losses/"),
        # whole English words (the index must not be stemmed where the query is not)
        ("/en/", "attention", "/en/models/transformer/"),
        ("/en/", "losses", "/en/math/losses/"),
        ("/en/", "backpropagation", "/en/math/backprop/"),
    ],
)
def test_search_finds_the_page(page_and_network, site_url: str, home: str, query: str, expected: str) -> None:
    page, network = page_and_network
    page.goto(site_url + home, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator('label[for="__search"]').first.click()
    box.click()
    box.fill(query)
    box.press("End")  # a key event makes Material run the query
    page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    assert any(link.startswith(site_url + expected) for link in links), links
    assert network.blocked == []


def test_pages_fit_a_phone_screen(browser, site_url: str, built_site: Path) -> None:
    """At 390 px wide nothing makes the page itself scroll sideways (wide tables, code and
    diagrams scroll inside their own boxes)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    network = Network()
    context.route("**/*", network.route)
    page = context.new_page()
    too_wide = []
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_timeout(200)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 392:
            too_wide.append(f"{path} ({width}px)")
    context.close()
    assert too_wide == []
    assert network.blocked == []
