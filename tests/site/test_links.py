"""No broken internal links.

Fast check on the Markdown sources of both languages: every relative link points to an
existing page of the same language (or a file under docs/) and every ``#fragment`` to an
explicit ``{#id}`` or a heading slug of the target page. Slow check (marker ``site``) on the
built site: every internal ``href``/``src`` resolves to a file, and every fragment to an
element id in the target page.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pymdownx.slugs import slugify

from graders.errata import load
from tests.site.test_structure import DOCS, LANGUAGES, page_headings, pages, strip_fences

_LINK = re.compile(r"(?<!\!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_INLINE_CODE = re.compile(r"`[^`]*`")
_SLUG = slugify(case="lower")


def _anchors(path: Path) -> set[str]:
    anchors = set()
    if path.name == "errata.md":  # the errata plugin gives every entry an element id equal to its id
        anchors |= {e.id for e in load()}
    for heading in page_headings(path):
        anchors.add(heading.id or _SLUG(heading.text, "-"))
    return anchors


def markdown_links(path: Path) -> list[str]:
    links = []
    for line in strip_fences(path.read_text(encoding="utf-8")):
        links += _LINK.findall(_INLINE_CODE.sub("", line))
    return links


def _is_external(target: str) -> bool:
    return bool(urlparse(target).scheme) or target.startswith("//")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markdown_links_resolve(lang: str) -> None:
    base = DOCS / lang
    broken = []
    for page in sorted(pages(lang)):
        source = base / page
        for target in markdown_links(source):
            if _is_external(target):
                continue
            path_part, _, fragment = target.partition("#")
            if path_part:
                resolved = (source.parent / unquote(path_part)).resolve()
                if not resolved.exists():
                    broken.append(f"{lang}/{page}: {target} (no such file)")
                    continue
            else:
                resolved = source
            if fragment and resolved.suffix == ".md" and fragment not in _anchors(resolved):
                broken.append(f"{lang}/{page}: {target} (no anchor #{fragment})")
    assert not broken, "\n".join(broken)


def test_link_checker_catches_a_broken_anchor(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("# A {#a}\n\n## B\n\nSee [x](#b), [y](#a), [z](#nope) and `[no](#code)`.\n", encoding="utf-8")
    anchors = _anchors(page)
    assert [t.lstrip("#") in anchors for t in markdown_links(page)] == [True, True, False]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)
            if value and ((name == "href" and tag in {"a", "link"}) or (name == "src" and tag in {"img", "script"})):
                self.urls.append(value)


@functools.cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


@pytest.mark.site
def test_built_site_has_no_broken_internal_links(built_site: Path) -> None:
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        if page.relative_to(built_site).parts[0] in {"assets", "search"}:
            continue
        collector = _parse(page)
        for url in collector.urls:
            if _is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            parts = urlparse(url)
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # site-root relative (language switcher, 404 page)
                target = built_site / unquote(parts.path).lstrip("/")
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {url} (no id)")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])
