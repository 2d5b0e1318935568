"""Executing snippets in a real kernel: outputs, failures, timeouts, dependencies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kb
from sitebuild.snippets.errors import SnippetError, SnippetTimeout
from sitebuild.snippets.execute import cell_start_lines, execute_snippet, kernel_env, process_env, setup_source
from sitebuild.snippets.forked import Zygote
from sitebuild.snippets.runner import Runner

pytestmark = pytest.mark.slow
KB_ROOT = Path(kb.__file__).resolve().parent


@pytest.fixture(scope="module", params=["kernel", "fork"])
def executor(request):
    """``execute_snippet`` in a fresh kernel, or in a child of a pre-imported parent (quick profile)."""
    zygote = None
    if request.param == "fork":
        env = kernel_env("quick")
        zygote = Zygote(process_env(env), setup_source(env))

    def run(path: Path, name: str, **options):
        return execute_snippet(path, name, profile="quick", package_root=KB_ROOT, zygote=zygote, **options)

    yield run
    if zygote is not None:
        zygote.close()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "n_cells", "expected"),
    [
        ("# %%\na = 1\n# %%\nb = 2\n", 2, [2, 4]),
        ("import x\n# %%\nb = 2\n", 2, [1, 3]),
        ("# %% [markdown]\n# hi\n\n# %%\nb = 2\n", 2, [2, 5]),
    ],
)
def test_cell_start_lines(text: str, n_cells: int, expected: list[int]) -> None:
    assert cell_start_lines(text, n_cells) == expected


def test_outputs_profile_and_dependencies(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "demo.py",
        "# %%\nimport os\nfrom kb.profiles import current_profile\n"
        "print(current_profile().name, os.environ['KB_QUIET'])\n"
        '# %% tags=["hide-input"]\nimport matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\n'
        "# %%\n6 * 7\n",
    )
    run = execute_snippet(path, "demo.py", profile="full", package_root=KB_ROOT, cell_timeout=60)
    first, figure, value = run.cells
    assert first.outputs == [{"kind": "stream", "name": "stdout", "text": "full 1\n"}]
    assert figure.hide_input and figure.outputs[0]["kind"] == "image/png"
    assert value.outputs[0]["text"] == "42"
    loaded = {Path(f).relative_to(KB_ROOT).as_posix() for f in run.loaded_files}
    assert "profiles.py" in loaded and "__init__.py" in loaded
    # import kb is lazy: the packages' export lists load, no model or dataset implementation does
    assert not {n for n in loaded if n.startswith(("models/", "datasets/"))} - {
        "models/__init__.py",
        "datasets/__init__.py",
    }
    assert run.device == "cpu"


def test_failure_names_snippet_cell_line_and_error(tmp_path: Path, executor) -> None:
    path = _write(tmp_path, "bad.py", "# %%\nx = 1\n\n# %%\ny = x + 1\nraise ValueError(f'boom {y}')\n")
    with pytest.raises(SnippetError) as info:
        executor(path, "chapter/bad.py", cell_timeout=60)
    error = info.value
    assert (error.snippet, error.cell, error.line, error.error, error.detail) == (
        "chapter/bad.py",
        2,
        5,
        "ValueError",
        "boom 2",
    )
    assert "chapter/bad.py, cell 2 (line 5) raised ValueError: boom 2" in error.message()
    assert "boom" in error.traceback and "\x1b[" not in error.traceback


def test_syntax_error_is_reported_like_a_raise(tmp_path: Path, executor) -> None:
    path = _write(tmp_path, "syntax.py", "# %%\nx = 1\n# %%\nx = (\n")
    with pytest.raises(SnippetError) as info:
        executor(path, "syntax.py", cell_timeout=60)
    assert (info.value.cell, info.value.line, info.value.error) == (2, 4, "SyntaxError")


def test_per_cell_timeout(tmp_path: Path, executor) -> None:
    path = _write(tmp_path, "slow.py", "# %%\nx = 1\n# %%\nimport time\ntime.sleep(30)\n")
    with pytest.raises(SnippetTimeout) as info:
        executor(path, "slow.py", cell_timeout=2)
    assert (info.value.cell, info.value.line) == (2, 4)
    assert "timed out" in info.value.message()


def test_editing_a_kb_module_reexecutes_exactly_the_snippets_that_use_it(tmp_path: Path) -> None:
    """A copy of kb in a scratch project: edit one module, only its users re-run."""
    project = tmp_path / "project"
    shutil.copytree(KB_ROOT, project / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    snippets = project / "docs" / "snippets"
    _write(snippets, "uses_profiles.py", "# %%\nfrom kb.profiles import epochs\nprint(epochs(quick=1, full=2))\n")
    _write(snippets, "plain.py", "# %%\nprint('no kb here')\n")

    def runner() -> Runner:
        return Runner(
            snippets,
            project / ".cache",
            project,
            package_root=project / "kb",
            extra_env={},
            cell_timeout=60,
        )

    env = {"PYTHONPATH": str(project)}
    first = runner()
    first.extra_env = env
    for name in ("uses_profiles.py", "plain.py"):
        first.get(name)
    assert sorted(first.executed) == ["plain.py", "uses_profiles.py"]

    warm = runner()
    assert warm.status("uses_profiles.py") is None and warm.status("plain.py") is None
    warm.get("uses_profiles.py"), warm.get("plain.py")
    assert warm.executed == []

    profiles = project / "kb" / "profiles.py"
    profiles.write_text(profiles.read_text() + "\n# edited\n")
    after = runner()
    after.extra_env = env
    assert after.status("uses_profiles.py") == "kb/profiles.py changed"
    assert after.status("plain.py") is None
    after.get("uses_profiles.py"), after.get("plain.py")
    assert after.executed == ["uses_profiles.py"]


def test_prepare_executes_stale_snippets_in_parallel_and_raises_the_first_error(tmp_path: Path) -> None:
    snippets = tmp_path / "snippets"
    for name in ("a.py", "b.py"):
        _write(snippets, name, f"# %%\nprint({name!r})\n")
    runner = Runner(snippets, tmp_path / "cache", tmp_path, cell_timeout=60)
    runner.prepare(["a.py", "b.py", "a.py"], workers=2)
    assert sorted(runner.executed) == ["a.py", "b.py"]
    assert runner.get("a.py").cells[0]["outputs"][0]["text"] == "a.py\n"
    _write(snippets, "bad.py", "# %%\nraise KeyError('k')\n")
    with pytest.raises(SnippetError, match=r"bad\.py, cell 1"):
        Runner(snippets, tmp_path / "cache", tmp_path, cell_timeout=60).prepare(["a.py", "bad.py"], workers=2)
