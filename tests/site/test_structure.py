"""The zh and en trees are the same book: the same pages, the same heading structure
(levels and explicit ``{#id}`` anchors in the same order), the same executed snippets,
diagrams and display formulas, and every page is in the navigation.

The Markdown helpers here are shared with ``test_coverage.py`` and ``test_links.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGUAGES = ("zh", "en")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_KB_RUN = re.compile(r"^[ \t]*<!--[ \t]*kb-run[ \t]+(\S+)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None  # explicit {#id}, if any


def strip_fences(markdown: str) -> list[str]:
    """The lines of a Markdown page outside fenced code blocks (fence lines removed)."""
    lines, fence = [], None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence is None:
            lines.append(line)
    return lines


def page_headings(path: Path) -> list[Heading]:
    """ATX headings of a page (outside code fences), with their explicit ids."""
    headings = []
    for line in strip_fences(path.read_text(encoding="utf-8")):
        match = _HEADING.match(line)
        if not match:
            continue
        text, attr = match.group(2), _ATTR_ID.search(match.group(2))
        if attr:
            text = text[: attr.start()]
        headings.append(Heading(len(match.group(1)), text.strip(), attr.group(1) if attr else None))
    return headings


def pages(lang: str) -> set[str]:
    """Pages of one language, as paths relative to its folder (``math/losses.md``)."""
    base = DOCS / lang
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")}


def _fence_languages(path: Path) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^\s*```(\w+)", path.read_text(encoding="utf-8"), re.M)]


def _display_math_blocks(path: Path) -> int:
    return sum(1 for line in strip_fences(path.read_text(encoding="utf-8")) if line.strip() == "$$") // 2


def _kb_runs(path: Path) -> list[str]:
    return [m.group(1) for line in path.read_text(encoding="utf-8").splitlines() if (m := _KB_RUN.match(line))]


ALL_PAGES = sorted(pages("zh") | pages("en"))


def test_both_languages_have_the_same_pages() -> None:
    zh, en = pages("zh"), pages("en")
    assert zh == en, f"only in zh: {sorted(zh - en)}; only in en: {sorted(en - zh)}"


@pytest.mark.parametrize("page", ALL_PAGES)
def test_same_heading_structure(page: str) -> None:
    zh, en = (page_headings(DOCS / lang / page) for lang in LANGUAGES)
    assert [(h.level, h.id) for h in zh] == [(h.level, h.id) for h in en], page
    assert zh and zh[0].level == 1, f"{page}: the first heading must be the H1 title"
    assert sum(h.level == 1 for h in zh) == 1, f"{page}: exactly one H1"


@pytest.mark.parametrize("page", ALL_PAGES)
def test_same_snippets_diagrams_and_formulas(page: str) -> None:
    zh, en = (DOCS / lang / page for lang in LANGUAGES)
    assert _kb_runs(zh) == _kb_runs(en), f"{page}: different kb-run snippets"
    assert _fence_languages(zh).count("mermaid") == _fence_languages(en).count("mermaid"), f"{page}: Mermaid diagrams"
    assert _display_math_blocks(zh) == _display_math_blocks(en), f"{page}: display formulas"


@pytest.mark.parametrize("page", ALL_PAGES)
def test_explicit_ids_are_unique_within_a_page(page: str) -> None:
    ids = [h.id for h in page_headings(DOCS / "zh" / page) if h.id]
    assert len(ids) == len(set(ids)), f"{page}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}"


def test_every_kb_run_snippet_exists() -> None:
    for lang in LANGUAGES:
        for page in pages(lang):
            for name in _kb_runs(DOCS / lang / page):
                assert (DOCS / "snippets" / name).is_file(), f"{lang}/{page}: missing snippet {name}"


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    listed = set(re.findall(r"([\w./-]+\.md)\s*$", nav, re.M))
    missing = pages("zh") - listed
    assert not missing, f"pages not in nav: {sorted(missing)}"


def test_nav_sections_have_english_titles() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    block = config[config.index("nav_translations:") : config.index("\nnav:")]
    translated = set(re.findall(r"^\s+(\S[^:\n]*):\s*\S", block, re.M))
    titled = set(re.findall(r"^\s*-\s+([^:\n]+):", nav, re.M))
    chinese = {t for t in titled if re.search(r"[\u4e00-\u9fff]", t)}
    assert chinese <= translated, f"nav titles without an English translation: {sorted(chinese - translated)}"
