"""Which top-level package may import which, read statically from every module (``ast``).

``kb`` is the knowledge base: it never needs the grader, and of the site machinery only
``kb docs`` (``kb/cli.py``) dispatches to :mod:`sitebuild.cli`. The parts of ``sitebuild``
that ``kb docs`` uses (snippets, config, cli) do not need the grader either; only the
``kb-errata`` and ``kb-exercises`` plugins do. The grader needs neither ``kb``,
``sitebuild`` nor torch.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (files, forbidden top-level packages, {file: allowed dotted modules despite that})
RULES = [
    pytest.param("kb/**/*.py", {"graders", "sitebuild"}, {"kb/cli.py": {"sitebuild.cli"}}, id="kb"),
    pytest.param("sitebuild/snippets/**/*.py", {"graders"}, {}, id="sitebuild-snippets"),
    pytest.param("sitebuild/config.py", {"graders"}, {}, id="sitebuild-config"),
    pytest.param("sitebuild/cli.py", {"graders"}, {}, id="sitebuild-cli"),
    pytest.param("graders/**/*.py", {"kb", "sitebuild", "torch", "pytorch_lightning", "lightning"}, {}, id="graders"),
]


def imported_modules(source: str) -> set[str]:
    """Dotted names a module imports, anywhere in it (also inside functions): ``import a.b``
    gives ``a.b``; ``from a import b`` gives ``a.b`` (``b`` may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import graders", {"graders"}),
        ("def f():\n    from graders.errata import report\n", {"graders.errata.report"}),
        ("from sitebuild import cli as c", {"sitebuild.cli"}),
        ("from . import x\nimport os.path", {"os.path"}),
    ],
)
def test_imported_modules(source: str, expected: set[str]) -> None:
    assert imported_modules(source) == expected


@pytest.mark.parametrize(("pattern", "forbidden", "allowed"), RULES)
def test_no_forbidden_imports(pattern: str, forbidden: set[str], allowed: dict[str, set[str]]) -> None:
    files = sorted(ROOT.glob(pattern))
    assert files, pattern
    found = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        for name in sorted(imported_modules(path.read_text(encoding="utf-8"))):
            if name.split(".")[0] in forbidden and name not in allowed.get(rel, set()):
                found.append(f"{rel} imports {name}")
    assert not found, "\n".join(found)
