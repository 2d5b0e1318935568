"""``kb-search``: one index per edition, diagram source kept out of it."""

from __future__ import annotations

import pytest

from sitebuild.plugins.search import edition_index, exclude_diagrams


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<pre class="mermaid"><code>flowchart LR</code></pre>', '<pre class="mermaid" data-search-exclude="diagram">'),
        ('<pre class="highlight"><code>x</code></pre>', '<pre class="highlight">'),  # code stays searchable
        ("<p>mermaid</p>", "<p>mermaid</p>"),
    ],
)
def test_exclude_diagrams(html: str, expected: str) -> None:
    assert exclude_diagrams(html).startswith(expected)


CONFIG = {"lang": ["en", "zh"], "separator": "x", "pipeline": [], "fields": {}}


@pytest.mark.parametrize(
    ("language", "langs"),
    [("zh", ["en", "zh"]), ("en", ["en"]), ("fr", ["en"])],
)
def test_edition_index_keeps_english_and_its_own_language(language: str, langs: list[str]) -> None:
    docs = [{"location": "a/", "title": "A", "text": ""}]
    index = edition_index(CONFIG, docs, language)
    assert index == {"config": {**CONFIG, "lang": langs}, "docs": docs}
