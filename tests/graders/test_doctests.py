"""Run the docstring examples of every graders module."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graders

# The grader's own modules; subpackages (e.g. graders.errata) are tested by their owners.
MODULES = sorted(m.name for m in pkgutil.iter_modules(graders.__path__) if m.name != "__main__" and not m.ispkg)


@pytest.mark.parametrize("name", ["__init__", *MODULES])
def test_doctests(name):
    module = graders if name == "__init__" else importlib.import_module(f"graders.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
