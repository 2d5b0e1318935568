"""The grader bundle: what goes in, what is left out, and that a warm build reuses the compiled files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from sitebuild.exercises import bundle

ROOT = Path(__file__).resolve().parents[3]


def test_graders_go_in_without_the_errata_and_with_the_bank_as_json():
    inputs = bundle._inputs(ROOT, ROOT / "node_modules" / "pyodide")
    names = {n for n, _ in inputs["graders"]}
    assert "graders/web/handler.py" in names and not any(n.startswith("graders/errata/") for n in names)
    z = zipfile.ZipFile(io.BytesIO(bundle._zip("graders", inputs["graders"])))
    listed = z.namelist()
    assert "graders/bank/data/mse-house-prices.json" in listed and not any(n.endswith(".yaml") for n in listed)


def test_sympy_and_mpmath_without_their_tests():
    inputs = bundle._inputs(ROOT, ROOT / "node_modules" / "pyodide")
    names = [n for n, _ in inputs["sympy"]]
    assert any(n.startswith("sympy/") for n in names) and any(n.startswith("mpmath/") for n in names)
    assert not any("/tests/" in n for n in names)


def test_the_key_changes_with_any_input(tmp_path):
    pyodide = tmp_path / "pyodide"
    pyodide.mkdir()
    (pyodide / "package.json").write_text('{"version": "314.0.8"}')
    a = tmp_path / "a.py"
    a.write_text("x = 1\n")
    inputs = {"stdlib": [], "graders": [("graders/a.py", a)], "sympy": []}
    first = bundle._key(pyodide, inputs)
    a.write_text("x = 2\n")
    assert bundle._key(pyodide, inputs) != first


@pytest.mark.slow
def test_a_warm_build_reuses_the_compiled_bundle(tmp_path):
    """The first build compiles (Node, ~20 s); the second finds every part in the cache."""
    cache = tmp_path / "cache"
    built = bundle.build(ROOT, ROOT / "node_modules", cache)
    assert set(built.manifest["files"]) == {"runtime", "stdlib", "graders", "sympy"}
    stamp = {p: p.stat().st_mtime_ns for p in cache.rglob("*.zip")}
    again = bundle.build(ROOT, ROOT / "node_modules", cache)
    assert again.manifest["key"] == built.manifest["key"]
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.zip")} == stamp
    z = zipfile.ZipFile(built.files["graders.zip"])
    assert "graders/web/handler.pyc" in z.namelist() and not [n for n in z.namelist() if n.endswith(".py")]


def test_a_missing_pyodide_says_what_to_do(tmp_path):
    with pytest.raises(bundle.BundleError, match="make assets"):
        bundle.build(ROOT, tmp_path, tmp_path / "cache")


def _fake_pyodide(node_modules: Path) -> None:
    pyodide = node_modules / "pyodide"
    pyodide.mkdir(parents=True)
    for name in bundle.RUNTIME:
        (pyodide / name).write_bytes(b"")
    (pyodide / "package.json").write_text('{"version": "0.0.0"}')
    (pyodide / "pyodide-lock.json").write_text('{"info": {}, "packages": {}}')
    with zipfile.ZipFile(pyodide / "python_stdlib.zip", "w") as z:
        z.writestr("os.py", "")


def test_builds_that_run_at_once_do_not_break_each_other(tmp_path, monkeypatch):
    """A second build starts while the first is compiling (two test workers, two terminals): both
    finish and the cache holds one complete bundle, with no half-made files left behind."""
    _fake_pyodide(tmp_path / "node_modules")
    cache = tmp_path / "cache"
    calls = []

    def compile_then_let_another_build_run(pyodide, work, names):
        calls.append(work)
        for name in names:
            (work / f"{name}.zip").write_bytes((work / f"{name}.src.zip").read_bytes())
        if len(calls) == 1:
            bundle.build(ROOT, tmp_path / "node_modules", cache)

    monkeypatch.setattr(bundle, "_compile", compile_then_let_another_build_run)
    built = bundle.build(ROOT, tmp_path / "node_modules", cache)
    assert len(calls) == 2 and calls[0] != calls[1]
    work = cache / built.manifest["key"]
    assert sorted(p.name for p in work.iterdir()) == ["graders.zip", "manifest.json", "stdlib.zip", "sympy.zip"]
