"""The griffe extension fences doctests in every docstring of the API reference, the package's own included."""

from __future__ import annotations

from pathlib import Path

import griffe
import pytest

from sitebuild.griffe_doctest import DoctestFences, fence_doctests

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro.\n\n>>> 1 + 1\n2\n", "Intro.\n\n```pycon\n>>> 1 + 1\n2\n```"),
        ("```pycon\n>>> 1\n1\n```", "```pycon\n>>> 1\n1\n```"),  # already fenced: kept (the extension may run twice)
        ("No examples.", "No examples."),
    ],
)
def test_fence_doctests(text: str, expected: str) -> None:
    assert fence_doctests(text) == expected


@pytest.mark.parametrize("package", ["kb", "graders"])
def test_every_docstring_of_the_package_is_fenced(package: str) -> None:
    module = griffe.load(package, extensions=griffe.load_extensions(DoctestFences), search_paths=[str(ROOT)])
    objects = [module, *(m for m in module.members.values() if not m.is_alias)]
    docstrings = [o.docstring.value for o in objects if o.docstring and ">>>" in o.docstring.value]
    assert docstrings and module.docstring.value in docstrings  # the package's own docstring has examples
    for text in docstrings:
        assert "```pycon\n>>>" in text and fence_doctests(text) == text, text[:200]
