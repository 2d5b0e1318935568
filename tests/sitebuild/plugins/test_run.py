"""The kb-run MkDocs plugin inside a real (tiny) MkDocs build."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.plugins.run import DIRECTIVE
from tests.sitebuild.project import build, make_project

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("line", "name", "options"),
    [
        ("<!-- kb-run losses/mse.py -->", "losses/mse.py", ""),
        ("  <!--kb-run a.py hide-code-->", "a.py", " hide-code"),
        ("<!-- kb-run    x/y.py   -->", "x/y.py", ""),
    ],
)
def test_directive_syntax(line: str, name: str, options: str) -> None:
    match = DIRECTIVE.search(line)
    assert match and match["name"] == name and match["options"].strip() == options.strip()


@pytest.mark.parametrize("line", ["<!-- kb-runx a.py -->", "text <!-- kb-run a.py -->", "<!-- kb-run -->"])
def test_not_a_directive(line: str) -> None:
    assert DIRECTIVE.search(line) is None


def test_failing_snippet_fails_the_build_naming_snippet_cell_and_error(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\na = 1\n# %%\n1 / 0\n", "# T\n\n<!-- kb-run demo.py -->\n")
    result = build(project)
    assert result.returncode != 0
    assert (
        "snippet demo.py, cell 2 (line 4) raised ZeroDivisionError: division by zero" in result.stderr + result.stdout
    )


def test_missing_snippet_fails_thebuild(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\nprint(1)\n", "# T\n\n<!-- kb-run nope.py -->\n")
    result = build(project)
    assert result.returncode != 0
    assert "refers to snippet 'nope.py', which does not exist" in result.stderr + result.stdout


def test_build_embeds_output_then_reuses_the_cache(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\nprint(6 * 7)\n", "# T\n\n<!-- kb-run demo.py -->\n")
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert "1 snippet(s) executed, 0 reused" in first.stderr
    html = (project / "site" / "en" / "index.html").read_text()
    assert "<code>42</code>" in html and 'class="kb-provenance"' in html
    second = build(project)
    assert "0 snippet(s) executed, 1 reused" in second.stderr
    assert (project / "site" / "en" / "index.html").read_text() == html


def test_execution_switched_off_shows_a_placeholder(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\nraise SystemExit('never run')\n", "# T\n\n<!-- kb-run demo.py -->\n")
    result = build(project, KB_EXECUTE="false")
    assert result.returncode == 0, result.stderr
    assert "kb-not-executed" in (project / "site" / "en" / "index.html").read_text()


def test_unknown_profile_is_a_clear_error(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# %%\nprint(1)\n", "# T\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("cell_timeout: 60", "cell_timeout: 60\n      profile: huge"))
    result = build(project)
    assert result.returncode != 0
    assert "unknown profile 'huge'" in result.stderr + result.stdout


def test_each_executed_snippet_is_a_notebook_linked_from_its_page(tmp_path: Path) -> None:
    import re

    import nbformat

    snippet = (
        "# %% [markdown]\n# Six times seven.\n\n# %%\nprint(6 * 7)\n# %%\nimport sys\nprint('e', file=sys.stderr)\n"
    )
    project = make_project(tmp_path, snippet, "# T\n\n<!-- kb-run demo.py -->\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = project / "site" / "en" / "index.html"
    html = page.read_text()
    links = re.findall(r'<a class="kb-notebook" href="([^"]+)" download>', html)
    assert links == ["notebooks/demo.ipynb"]
    assert "KB_PROFILE=quick jupyter execute --inplace demo.ipynb" in html
    notebook = nbformat.read(page.parent / links[0], as_version=4)
    nbformat.validate(notebook)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["markdown", "code", "code"]
    assert [o.text for c in notebook.cells[1:] for o in c.outputs] == ["42\n", "e\n"]
    assert notebook.metadata.foundation_kb["snippet"] == "docs/snippets/demo.py"
    # made from the cache: a rebuild executes nothing and writes the same notebook
    second = build(project)
    assert "0 snippet(s) executed, 1 reused" in second.stderr
    assert nbformat.read(page.parent / links[0], as_version=4) == notebook
