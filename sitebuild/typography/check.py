"""Check the Chinese pages of a built site, and fix the sources they are built from.

:data:`SOURCES` lists the files that hold the zh text of the pages (globs relative to the
project root); :func:`fix_sources` rewrites them, :func:`check_site` reads the built zh
pages (``<html lang="zh…">``) and reports every rule broken, page by page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild.typography.html_text import text_blocks
from sitebuild.typography.markdown import fix_markdown, unresolved
from sitebuild.typography.rules import Finding, check_text
from sitebuild.typography.yaml_text import fix_yaml

__all__ = ["SOURCES", "PageFinding", "check_site", "fix_file", "fix_sources", "source_files", "unresolved_in"]

SOURCES: tuple[str, ...] = (
    "docs/zh/**/*.md",
    "graders/bank/data/*.yaml",
    "graders/bank/templates/*.yaml",
    "graders/errata/errata.yaml",
)
_LANG = re.compile(r'<html[^>]*\blang="zh', re.I)


@dataclass(frozen=True)
class PageFinding:
    """A rule broken on a built page (its path in the site)."""

    page: str
    finding: Finding

    def __str__(self) -> str:
        return f"{self.page}: {self.finding.rule}: {self.finding.context}"


def fix_file(path: Path) -> list[Finding]:
    """Fix ``path`` in place (Markdown or YAML); what changed (nothing: the file is untouched)."""
    text = path.read_text(encoding="utf-8")
    fixer = fix_yaml if path.suffix in {".yaml", ".yml"} else fix_markdown
    fixed, found = fixer(text)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
    return found


def source_files(root: Path, patterns: tuple[str, ...] = SOURCES) -> list[Path]:
    """The files of ``patterns`` under ``root``."""
    return [path for pattern in patterns for path in sorted(root.glob(pattern))]


def fix_sources(root: Path, patterns: tuple[str, ...] = SOURCES) -> dict[Path, list[Finding]]:
    """Fix every file of ``patterns`` under ``root``; the changes, per file changed."""
    changed = {}
    for path in source_files(root, patterns):
        found = fix_file(path)
        if found:
            changed[path] = found
    return changed


def unresolved_in(path: Path) -> list[Finding]:
    """What the fixer left in a Markdown file for a human (nothing for other files: their
    leftovers show in ``check_site``)."""
    return unresolved(path.read_text(encoding="utf-8")) if path.suffix == ".md" else []


def check_site(site: Path) -> list[PageFinding]:
    """Every rule broken in the visible text of the built zh pages under ``site``."""
    out = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if not _LANG.search(html[:2000]):
            continue
        name = page.relative_to(site).as_posix()
        for block in text_blocks(html):
            out += [PageFinding(name, f) for f in check_text(block)]
    return out
