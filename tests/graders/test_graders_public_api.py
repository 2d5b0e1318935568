"""The public API is what graders/__init__.py exports, httpx-style: pinned here, lazily importable."""

from __future__ import annotations

import subprocess
import sys

import graders

PUBLIC = {
    "__version__",
    "Result",
    "Verdict",
    "Text",
    "Step",
    "EXIT_CODES",
    "GraderError",
    "InputError",
    "ParseError",
    "LimitError",
    "ShapeError",
    "QuestionError",
    "UsageError",
    "Limits",
    "Symbols",
    "Variable",
    "parse",
    "read",
    "to_latex",
    "to_plain",
    "preview",
    "Preview",
    "Question",
    "load",
    "load_all",
    "check",
    "equiv_texts",
    "grade_derivation_text",
    "run_isolated",
    "check_isolated",
    "run_many",
    "grade_file",
    "read_submissions",
    "grade_rows",
}


def test_the_public_api_is_pinned():
    assert set(graders.__all__) == PUBLIC


def test_all_names_resolve_and_are_documented():
    for name in graders.__all__:
        value = getattr(graders, name)
        assert value is not None, name
        if callable(value):
            assert (value.__doc__ or "").strip(), name


def test_all_and_lazy_table_agree():
    assert set(graders.__all__) - {"__version__"} == set(graders._EXPORTS)


def test_importing_graders_imports_no_sympy():
    code = "import sys, graders; graders.Verdict; print('sympy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_version():
    assert graders.__version__.count(".") == 2
