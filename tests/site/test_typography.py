"""The built zh pages read like a typeset Chinese book: no rule of
:mod:`sitebuild.typography.rules` is broken in their visible text (no browser needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.typography import check_site

pytestmark = pytest.mark.site


def test_zh_pages_typography(built_site: Path) -> None:
    findings = check_site(built_site)
    assert not findings, (
        f"{len(findings)} typography finding(s) on the zh pages; fix the sources with "
        "`python -m sitebuild.typography --fix`, by hand what it reports it cannot:\n"
        + "\n".join(map(str, findings[:80]))
    )


def test_the_checker_reads_the_zh_pages(built_site: Path) -> None:
    zh = [p for p in built_site.rglob("index.html") if '<html lang="zh' in p.read_text(encoding="utf-8")[:2000]]
    assert len(zh) >= 20  # the check above is not vacuous
