"""At phone width, nothing that hides content sideways does so without a cue: every box whose
content is wider than the box scrolls (not clips) and shows the scroll shadow of
``docs/assets/kb.css`` (its background scrolls with the content: attachment ``local``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import site_pages
from tests.site.test_browser import Network

pytestmark = pytest.mark.browser

# boxes in the article that hide overflow: (element, why) for each one without a visible cue
# (inside a formula MathJax clips on purpose: its copy for screen readers, stretched delimiters;
# the formula's own box is the .arithmatex element around it)
HIDDEN_WITHOUT_CUE = """() => [...document.querySelectorAll("article *")].flatMap(e => {
  if (e.scrollWidth <= e.clientWidth + 1 || e.closest("mjx-container")) return [];
  const s = getComputedStyle(e);
  if (s.overflowX === "visible") return [];
  const what = `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`;
  if (s.overflowX === "hidden" || s.overflowX === "clip") return [`${what} clips its content`];
  return s.backgroundAttachment.includes("local") ? [] : [`${what} scrolls without a cue`];
})"""


def test_wide_content_at_phone_width_scrolls_with_a_cue(browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    network = Network()
    context.route("**/*", network.route)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    scrollers = 0
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        if page.locator(".arithmatex").count():
            page.wait_for_function(
                "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('mjx-container'))",
                timeout=20_000,
            )
        found = page.evaluate(HIDDEN_WITHOUT_CUE)
        scrollers += page.evaluate(
            "() => [...document.querySelectorAll('article *')].filter(e => e.scrollWidth > e.clientWidth + 1 && "
            "getComputedStyle(e).backgroundAttachment.includes('local')).length"
        )
        if found:
            problems[path] = sorted(set(found))
    context.close()
    assert scrollers > 10  # there is wide content, and it has the cue
    assert problems == {}
    assert network.blocked == []
