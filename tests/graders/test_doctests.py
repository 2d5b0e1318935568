"""Run the docstring examples of every graders module (subpackages included)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graders

MODULES = sorted(m.name for m in pkgutil.walk_packages(graders.__path__, "graders.") if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", ["graders", *MODULES])
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
