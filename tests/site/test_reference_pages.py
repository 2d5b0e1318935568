"""The API reference (mkdocstrings, ``sitebuild/griffe_doctest.py``) shows docstring examples as
code: no ``>>>`` prompts turned into nested blockquotes, no ``__version__`` turned into bold
"version", in either edition."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

PAGES = [f"{prefix}reference/{name}/index.html" for prefix in ("", "en/") for name in ("kb", "graders")]


def _code_blocks(page: str) -> list[str]:
    """The text of every highlighted code block of ``page``."""
    blocks = re.findall(r'<div class="[^"]*highlight"><pre>(.*?)</pre>', page, re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


@pytest.mark.parametrize("path", PAGES)
def test_doctest_examples_render_as_code(built_site: Path, path: str) -> None:
    page = (built_site / path).read_text()
    assert "<blockquote>\n<blockquote>" not in page
    assert "<strong>version</strong>" not in page
    package = path.split("/")[-2]
    assert any(f">>> import {package}" in block for block in _code_blocks(page))  # the package's own example
