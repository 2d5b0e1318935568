"""The glossary defines every term in both languages and links it to where it is taught.

Fast: reads the Markdown sources (``tests/site/test_links.py`` checks that the links resolve).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.typography.rules import has_cjk

ROOT = Path(__file__).resolve().parents[2]
_ROW = re.compile(r"^\| \[(?P<term>[^\]]+)\]\((?P<target>[^)\s]+)\) \| (?P<other>[^|]+?) \| (?P<definition>[^|]+?) \|$")


def rows(lang: str) -> list[tuple[str, re.Match[str] | None]]:
    """(section id, parsed row or None when a body row does not parse) of the term tables."""
    out, section = [], ""
    for line in (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## .*\{#([\w-]+)\}", line)
        if heading:
            section = heading.group(1)
        elif line.startswith("| ") and not re.match(r"^\| (术语|term) \|", line):
            out.append((section, _ROW.match(line)))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_is_defined_and_linked(lang: str) -> None:
    assert len(rows(lang)) >= 70
    for section, row in rows(lang):
        assert row, f"{lang} glossary, section {section}: a row without a linked term and a definition"
        definition = row["definition"]
        assert len(definition) >= 8 and definition.rstrip().endswith(("。", ".", "…", "）", ")")), definition
        assert has_cjk(definition) == (lang == "zh"), definition  # each edition defines in its language
        assert not row["target"].startswith(("http", "/")), row["target"]


def test_both_editions_list_the_same_terms_with_the_same_links() -> None:
    zh = [(s, r["term"], r["other"], r["target"]) for s, r in rows("zh")]
    en = [(s, r["other"], r["term"], r["target"]) for s, r in rows("en")]
    assert zh == en


def test_links_point_to_different_places() -> None:
    """Not "see" links to a handful of pages: most terms are taught in their own section."""
    targets = [r["target"] for _, r in rows("zh")]
    assert len(set(targets)) >= len(targets) // 2
