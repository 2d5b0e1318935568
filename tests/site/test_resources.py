"""The resources page links every entry to where it can be found, from one source of truth.

Each row of the books, courses, frameworks and papers tables (both languages) names a record
of ``graders/errata/bibliography.yaml`` (by title and year) and links its first cell to that
record's ``link`` (a DOI, an arXiv abstract or the official page); a record whose ``link`` is
``null`` has none we are sure of, and its row has no link. Fast: reads the Markdown sources.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graders.errata.references import _norm, bibliography

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("books", "courses", "frameworks", "papers")
_LINK = re.compile(r"^\[(?P<text>.+)\]\((?P<url>https?://[^)\s]+)\)$")


def rows(lang: str) -> list[tuple[str, list[str]]]:
    """(section id, cells) of every table row of the linked sections."""
    out, section = [], None
    for line in (ROOT / "docs" / lang / "resources.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## .*\{#([\w-]+)\}", line)
        if heading:
            section = heading.group(1)
        elif section in SECTIONS and line.startswith("|") and not re.match(r"^\|[-|: ]+\|$", line):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not re.search(r"\d{4}", cells[2] if len(cells) > 2 else ""):
                continue  # the header row (no year)
            out.append((section, cells))
    return out


def record_for(title: str, years: str) -> str:
    """The key of the bibliography record a row names: its title is in the row's first cell
    (or starts with it, ``Transformer-XL``) and its year is among the row's years."""
    text = _norm(re.sub(r"\*", "", title))
    found = [
        (_norm(rec["title"]) in text, len(rec["title"]), key)  # a whole title beats a prefix
        for key, rec in bibliography().items()
        if (_norm(rec["title"]) in text or _norm(rec["title"]).startswith(text))
        and str(rec["year"]) in re.findall(r"\d{4}", years)
    ]
    assert found, f"no bibliography record for {title!r} ({years})"
    return max(found)[2]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_entry_links_to_its_record(lang: str) -> None:
    records = bibliography()
    assert len(rows(lang)) >= 40
    for _, cells in rows(lang):
        link = _LINK.match(cells[0])
        key = record_for(link.group("text") if link else cells[0], cells[2])
        assert "link" in records[key], f"{key}: add its DOI, arXiv or official link (or link: null)"
        if records[key]["link"] is None:
            assert not link, f"{key} has no link we are sure of, yet its row links to one"
        else:
            assert link and link.group("url") == records[key]["link"], (cells[0], records[key]["link"])


def test_both_editions_link_the_same_entries() -> None:
    def urls(lang: str) -> list[str | None]:
        return [m.group("url") if (m := _LINK.match(cells[0])) else None for _, cells in rows(lang)]

    assert urls("zh") == urls("en")


def test_links_are_https() -> None:
    for key, rec in bibliography().items():
        if rec.get("link") is not None:
            assert rec["link"].startswith("https://"), key
