"""Every executed snippet can be taken home: each page that shows one links its notebook,
which exists in the built site, is valid nbformat and carries the outputs the page shows."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.site.conftest import site_pages

pytestmark = pytest.mark.site

RUN = re.compile(r'<div class="kb-run" data-snippet="([^"]+)"')
LINK = re.compile(r'<a class="kb-notebook" href="([^"]+)" download>')


def test_every_page_with_a_snippet_links_a_valid_notebook_with_outputs(built_site: Path) -> None:
    import nbformat

    problems, checked = [], 0
    for path in site_pages(built_site):
        html = (built_site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        snippets, links = RUN.findall(html), LINK.findall(html)
        if len(links) != len(snippets):
            problems.append(f"{path}: {len(snippets)} snippets, {len(links)} notebook links")
            continue
        for snippet, href in zip(snippets, links, strict=True):
            target = built_site / urljoin(path, href).lstrip("/")
            if not target.is_file():
                problems.append(f"{path}: {href} does not exist")
                continue
            notebook = nbformat.read(target, as_version=4)
            nbformat.validate(notebook)
            outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
            if not outputs or notebook.metadata["foundation_kb"]["snippet"] != "docs/snippets/" + snippet:
                problems.append(f"{path}: {href} has no outputs or is not {snippet}")
            if path.startswith("/en/") != ("/en/" in "/" + target.relative_to(built_site).as_posix()):
                problems.append(f"{path}: {href} is not in the page language's notebooks")
            checked += 1
    assert problems == [] and checked >= 20, problems
