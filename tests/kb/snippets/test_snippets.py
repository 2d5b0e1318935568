"""Every docs snippet checks its own results: a hidden cell of assertions that fails the
build when a number or a figure is wrong, and figures that pass kb.plotting's checks."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[3]
SNIPPETS = sorted((ROOT / "docs" / "snippets").rglob("*.py"))
FIGURE_CALLS = re.compile(
    r"\b(subplots|image_grid|plot_gan_samples|plot_attention|plot_reconstructions|"
    r"plot_vae_samples|draw_backprop|plt\.)"
)
NAMES = [p.relative_to(ROOT / "docs" / "snippets").as_posix() for p in SNIPPETS]


def _cells(path: Path):
    return [
        c for c in jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent").cells if c.cell_type == "code"
    ]


def test_there_are_snippets():
    assert len(SNIPPETS) >= 20


@pytest.mark.parametrize("path", SNIPPETS, ids=NAMES)
def test_snippet_ends_with_hidden_assertions(path):
    last = _cells(path)[-1]
    assert "hide-input" in last.metadata.get("tags", []), "the last cell should be the hidden check"
    assert re.search(r"^\s*assert\b|assert_readable\(", last.source, re.M), "the hidden cell asserts nothing"


@pytest.mark.parametrize("path", SNIPPETS, ids=NAMES)
def test_every_figure_is_checked(path):
    source = "\n".join(c.source for c in _cells(path))
    if FIGURE_CALLS.search(source):
        assert "assert_readable(" in source, "a snippet that draws must call kb.plotting.assert_readable"
        assert "import matplotlib.pyplot" not in source, "draw through kb.plotting, in the book's style"


@pytest.mark.parametrize("path", SNIPPETS, ids=NAMES)
def test_every_snippet_is_on_a_page_in_both_languages(path):
    name = path.relative_to(ROOT / "docs" / "snippets").as_posix()
    for lang in ("zh", "en"):
        pages = [
            p for p in (ROOT / "docs" / lang).rglob("*.md") if f"<!-- kb-run {name}" in p.read_text(encoding="utf-8")
        ]
        assert pages, f"{name} is not shown on any {lang} page"
