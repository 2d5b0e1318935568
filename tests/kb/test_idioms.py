"""kb reads like Lightning's own examples: read statically from every kb module (``ast``).

kb touches no other library's private attributes (Lightning's ``_trainer``,
``_current_fx_name``, ...) and overrides no attribute machinery: what a reader learns
here works the same in any Lightning project. The one exception is argparse, whose
sub-parser type has no public name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KB = Path(__file__).resolve().parents[2] / "kb"
ALLOWED = {"_SubParsersAction", "_actions"}  # argparse: the sub-parser type; a parser's option strings


def _trees() -> dict[str, ast.AST]:
    return {
        p.relative_to(KB.parent).as_posix(): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(KB.rglob("*.py"))
    }


def _defined(trees) -> set[str]:
    """Private names kb itself defines: functions, classes, assigned attributes and names."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return names


def private_attributes_used(trees) -> dict[str, set[str]]:
    """``.name`` accesses with a single leading underscore that kb does not define, by file."""
    defined = _defined(trees)
    found: dict[str, set[str]] = {}
    for rel, tree in trees.items():
        for node in ast.walk(tree):
            private = isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
            if private and node.attr not in defined:
                found.setdefault(rel, set()).add(node.attr)
    return found


def test_the_check_sees_a_private_attribute() -> None:
    trees = {
        "x.py": ast.parse(
            "class M:\n    def f(self):\n        self._own = 1\n        return self._trainer, self._own\n"
        )
    }
    assert private_attributes_used(trees) == {"x.py": {"_trainer"}}


def test_kb_uses_no_private_attribute_of_another_library() -> None:
    used = {rel: names - ALLOWED for rel, names in private_attributes_used(_trees()).items()}
    assert not {rel: names for rel, names in used.items() if names}


@pytest.mark.parametrize("method", ["__setattr__", "__getattribute__", "__delattr__"])
def test_no_kb_class_overrides_attribute_access(method: str) -> None:
    overriding = [
        f"{rel}: {node.name}"
        for rel, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(isinstance(f, ast.FunctionDef) and f.name == method for f in node.body)
    ]
    assert not overriding
