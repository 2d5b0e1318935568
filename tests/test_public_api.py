"""Public API: every exported name resolves, and importing the packages stays cheap."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import kb
import sitebuild


@pytest.mark.parametrize("name", sorted(set(kb.__all__) - {"__version__"}))
def test_kb_exports_resolve(name: str) -> None:
    assert getattr(kb, name) is not None


def test_unknown_kb_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kb.nope  # noqa: B018 - the access is the test


@pytest.mark.parametrize(
    ("statement", "forbidden"),
    [
        ("import kb", ("torch", "pytorch_lightning", "lightning")),
        ("import kb.cli; kb.cli.build_parser()", ("torch", "pytorch_lightning", "lightning", "nbclient")),
        ("import kb.profiles", ("torch",)),
    ],
)
def test_light_imports(statement: str, forbidden: tuple[str, ...]) -> None:
    code = f"import sys; {statement}; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{statement!r} imported {out}"


def _modules(package) -> list[str]:
    names = [package.__name__]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.slow
@pytest.mark.parametrize("module", _modules(kb) + _modules(sitebuild))
def test_docstring_examples(module: str) -> None:
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest example(s) failed in {module}"
