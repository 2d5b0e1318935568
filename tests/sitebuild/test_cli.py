"""``kb docs run|status`` (sitebuild.cli) against a tiny project: same snippets and cache as the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild.project import build, kb_docs, make_project

pytestmark = pytest.mark.slow


def test_status_then_run_then_fresh(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\nprint(1)\n", "# T\n")
    status = kb_docs(project, "status")
    assert status.returncode == 0 and "stale  demo.py  not executed yet" in status.stdout
    run = kb_docs(project, "run")
    assert run.returncode == 0 and "1 executed, 0 fresh" in run.stdout
    assert (project / ".cache" / "kb-run" / "quick" / "demo.py.json").is_file()
    assert '"fresh": true' in kb_docs(project, "status", "--json").stdout


def test_kb_cache_dir_moves_the_cache_for_kb_docs_and_the_build_alike(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "# %%\nprint(6 * 7)\n", "# T\n\n<!-- kb-run demo.py -->\n")
    elsewhere = tmp_path / "elsewhere"
    run = kb_docs(project, "run", KB_CACHE_DIR=str(elsewhere))
    assert run.returncode == 0 and "1 executed" in run.stdout, run.stderr
    assert (elsewhere / "quick" / "demo.py.json").is_file() and not (project / ".cache").exists()
    assert "stale  demo.py  not executed yet" in kb_docs(project, "status").stdout  # the default folder is empty
    site = build(project, KB_CACHE_DIR=str(elsewhere))
    assert site.returncode == 0 and "0 snippet(s) executed, 1 reused" in site.stderr, site.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [(("run", "--profile", "huge"), "unknown profile 'huge'"), (("status",), "no mkdocs.yml in")],
    ids=["unknown-profile", "no-mkdocs-yml"],
)
def test_errors_are_one_line_messages(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    project = make_project(tmp_path / "p", "# %%\nprint(1)\n", "# T\n") if args[0] == "run" else tmp_path
    result = kb_docs(project, *args)
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
