"""The layout shows the pipeline: stage packages, no import cycles (function-local imports included),
modules of a readable size, and nothing of torch or Lightning anywhere in the grader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "graders"
STAGES = [
    "reading",
    "evaluation",
    "symbolic",
    "grading",
    "bank",
    "isolation",
    "cli",
    "batch",
    "web",
    "messages",
    "errata",
]


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every graders module a file imports, at the top or inside a function."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("graders"):
                out.add(target)
                out |= {f"{target}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("graders")}
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in ROOT.rglob("*.py")}
    return {m: {t for t in _imports(p) if t in modules and t != m} for m, p in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ re-exporting its modules is not a cycle when a module imports a sibling
    edges = {
        m: {t for t in ts if not (m.startswith(t + ".") and t in graph and _is_init(t))} for m, ts in graph.items()
    }
    assert _cycle(edges) is None, " -> ".join(_cycle(edges) or [])


def _is_init(module: str) -> bool:
    return (ROOT.parent / Path(*module.split(".")) / "__init__.py").exists()


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_stages_are_packages():
    assert [s for s in STAGES if not (ROOT / s / "__init__.py").exists()] == []
    flat = sorted(p.name for p in ROOT.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "capabilities.py", "errors.py", "result.py"], flat


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_are_of_a_readable_size(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_lower_stages_do_not_import_higher_ones():
    order = ["reading", "evaluation", "symbolic", "bank", "grading", "isolation", "batch", "cli", "web"]
    graph = _graph()
    for module, targets in graph.items():
        stage = module.split(".")[1] if module.count(".") else ""
        if stage not in order:
            continue
        for t in targets:
            other = t.split(".")[1] if t.count(".") else ""
            if other in order:
                assert order.index(other) <= order.index(stage), (module, t)
