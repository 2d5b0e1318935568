"""Every page links to the source repository, its issue tracker and its own source file
("edit this page"), in the page's language, and no link makes the browser call the host's API.

The session's build sets ``KB_REPO_URL`` to :data:`tests.site.conftest.REPO_URL`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.conftest import REPO_URL, ROOT, site_pages

EDIT = re.compile(rf'<a href="{re.escape(REPO_URL)}/edit/main/(docs/[^"]+\.md)" title="([^"]+)"[^>]*rel="edit">')
# page language -> (footer: source link, issues link; the edit button's title)
WORDS = {
    "zh": ("源代码", "问题反馈与勘误建议", "编辑此页"),
    "en": ("Source code", "Report a problem or an error", "Edit this page"),
}


def _lang(path: str) -> str:
    return "en" if path.startswith("/en/") else "zh"


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, str]:
    return {
        path: (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        for path in site_pages(built_site)
    }


def test_every_page_edits_its_own_source_file_in_its_language(pages: dict[str, str]) -> None:
    problems = []
    for path, html in pages.items():
        lang = _lang(path)
        found = EDIT.findall(html)
        if len(found) != 1:
            problems.append(f"{path}: {len(found)} edit links")
            continue
        source, title = found[0]
        if not source.startswith(f"docs/{lang}/") or not (ROOT / source).is_file() or title != WORDS[lang][2]:
            problems.append(f"{path}: {source} ({title})")
    assert not problems, problems


def test_every_page_links_the_repository_and_its_issues_in_its_language(pages: dict[str, str]) -> None:
    problems = []
    for path, html in pages.items():
        source, issues, _ = WORDS[_lang(path)]
        if f'<a href="{REPO_URL}" class="kb-repository-source">{source}</a>' not in html:
            problems.append(f"{path}: no source link")
        if f'<a href="{REPO_URL}/issues" class="kb-repository-issues">{issues}</a>' not in html:
            problems.append(f"{path}: no issues link")
        if f'<a href="{REPO_URL}" title=' not in html:
            problems.append(f"{path}: no repository link in the header")
    assert not problems, problems


def test_no_link_asks_the_host_for_repository_facts(pages: dict[str, str]) -> None:
    # Material fetches stars and forks from the host's API for a link marked as its "source" component
    assert not [path for path, html in pages.items() if 'data-md-component="source"' in html]
