"""Every section heading of the five source articles is covered by a section of the
book, in both languages.

The test reads the articles itself: a heading is a line starting with ``#`` (outside
``` code fences); a ``<|user|>`` marker starts a new article (file 004 holds a second
article pasted after one), which also resets the fence state. ``docs/coverage.yaml``
maps each (file, exact heading line) to a page and an explicit ``{#id}`` anchor that
must exist on that page in docs/zh and in docs/en.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest
import yaml

from tests.articles import articles_dir
from tests.site.test_structure import DOCS, LANGUAGES, page_headings

COVERAGE = DOCS / "coverage.yaml"
ARTICLE_MARKER = "<|user|>"


def article_headings(text: str) -> list[str]:
    """Heading lines of an article file, in order (see the module docstring)."""
    headings = []
    for part in text.split(ARTICLE_MARKER):
        fence = False
        for line in part.splitlines():
            if line.strip().startswith("```"):
                fence = not fence
                continue
            if not fence and re.match(r"^#{1,6}\s", line):
                headings.append(line.rstrip())
    return headings


@pytest.fixture(scope="module")
def coverage() -> dict:
    return yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles(coverage: dict) -> dict[str, list[str]]:
    folder = articles_dir()
    pinned = {a["file"]: a["sha256"] for a in coverage["articles"]}
    found = {p.name: p for p in sorted(folder.glob("*.txt"))}
    assert set(found) == set(pinned), f"articles in {folder}: {sorted(found)}; in coverage.yaml: {sorted(pinned)}"
    for name, path in found.items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == pinned[name], f"{name} changed since coverage.yaml was written: re-check its headings"
    return {name: article_headings(path.read_text(encoding="utf-8")) for name, path in found.items()}


def test_the_parser_sees_the_pasted_second_article() -> None:
    text = "# A\n```\n# not a heading\n" + ARTICLE_MARKER + "### 1. B\n```python\n# comment\n```\n#### 1.1 C\n"
    assert article_headings(text) == ["# A", "### 1. B", "#### 1.1 C"]


@pytest.mark.articles
def test_every_heading_is_mapped_exactly_once(coverage: dict, articles: dict[str, list[str]]) -> None:
    mapped = Counter((e["doc"], e["heading"]) for e in coverage["entries"])
    duplicates = [key for key, n in mapped.items() if n > 1]
    assert not duplicates, f"mapped more than once: {duplicates}"
    wanted = {(doc, h) for doc, headings in articles.items() for h in headings}
    unmapped = sorted(wanted - set(mapped))
    stale = sorted(set(mapped) - wanted)
    assert not unmapped, f"{len(unmapped)} article headings are not mapped in docs/coverage.yaml: {unmapped}"
    assert not stale, f"coverage.yaml entries whose heading is not in the article: {stale}"


@pytest.mark.articles
def test_every_article_has_headings(articles: dict[str, list[str]]) -> None:
    assert len(articles) == 5
    assert all(articles.values())
    assert any("Background Introduction" in h for h in articles["004_d9777f14845c3e5a.txt"])


def test_every_entry_points_to_an_existing_anchor_in_both_languages(coverage: dict) -> None:
    ids: dict[tuple[str, str], set[str]] = {}
    missing = []
    for entry in coverage["entries"]:
        for lang in LANGUAGES:
            path = DOCS / lang / entry["page"]
            if not path.is_file():
                missing.append(f"{entry['doc']} {entry['heading']!r}: no page {lang}/{entry['page']}")
                continue
            key = (lang, entry["page"])
            if key not in ids:
                ids[key] = {h.id for h in page_headings(path) if h.id}
            if entry["anchor"] not in ids[key]:
                missing.append(
                    f"{entry['doc']} {entry['heading']!r}: no {{#{entry['anchor']}}} in {lang}/{entry['page']}"
                )
    assert not missing, "\n".join(missing)


def test_every_chapter_covers_something(coverage: dict) -> None:
    covered = {e["page"] for e in coverage["entries"]}
    chapters = [
        "history.md",
        "concepts.md",
        "models/cnn.md",
        "models/rnn.md",
        "models/gan.md",
        "models/transformer.md",
        "math/index.md",
        "math/losses.md",
        "practice/digits.md",
        "applications.md",
        "collaboration.md",
        "resources.md",
        "trends.md",
        "faq.md",
    ]
    assert not [c for c in chapters if c not in covered]
