"""The "Writing questions" page: its workflow script runs as written, from a template to
a class report, with the grader the project installs."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs" / "snippets" / "teaching" / "workflow.sh"
GRADEBOOKS = WORKFLOW.with_name("gradebooks.sh")


def test_both_pages_include_the_tested_workflow() -> None:
    for lang in ("zh", "en"):
        page = (ROOT / "docs" / lang / "writing-questions.md").read_text("utf-8")
        assert '--8<-- "teaching/workflow.sh"' in page and '--8<-- "teaching/gradebooks.sh"' in page


def test_the_workflow_runs_as_written(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("KB_GRADE_BANKS", None)
    run = subprocess.run(["bash", str(WORKFLOW)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "0 problems" in out and "forgot-to-divide" in out  # validate passed; the misconception was named
    with (tmp_path / "students.csv").open(encoding="utf-8") as f:
        students = {row["student"]: row for row in csv.DictReader(f)}
    assert (students["li"]["mean-of-three"], students["wang"]["mean-of-three"]) == ("1", "0")
    assert students["zhao"]["mean-of-three"] == "invalid"  # ungraded, never counted as 0
    assert "forgot-to-divide" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_gradebook_exports_run_as_written(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("KB_GRADE_BANKS", None)
    for argv in (["bash", str(WORKFLOW)], ["bash", "-e", str(GRADEBOOKS)]):  # the workflow's check exits 1
        run = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
    canvas = list(csv.reader((tmp_path / "canvas.csv").open(encoding="utf-8")))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "mean-of-three"]
    assert canvas[1][0] == "Points Possible"
    assert canvas[2] == ["李明", "", "2024001", "li@example.edu", "", "1"]
    moodle = list(csv.reader((tmp_path / "moodle.csv").open(encoding="utf-8")))
    assert moodle == [["Email address", "ID number", "mean-of-three"], ["li@example.edu", "2024001", "1"],
                      ["wang@example.edu", "2024002", "0"]]  # fmt: skip
    results = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert (results["score"], results["tests"][0]["name"], results["tests"][0]["status"]) == (
        1.0,
        "mean-of-three",
        "passed",
    )


def test_the_gradebook_table_names_what_the_code_writes() -> None:
    """The page's table of formats is checked against the table of formats and the headers each writes."""
    from graders.batch.gradebook import FORMATS, IDENTIFY, canvas, moodle

    names = [*FORMATS, *(f"--identify {i}" for i in IDENTIFY if i != "student")]
    headers = [h for h, _ in canvas.IDENTITY_COLUMNS] + list(moodle.IDENTITY_COLUMNS.values()) + ["Points Possible"]
    for lang in ("zh", "en"):
        page = (ROOT / "docs" / lang / "writing-questions.md").read_text("utf-8")
        section = page.split("{#gradebooks}", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")][1:]  # under the header
        assert [r.split("`")[1] for r in rows] == list(FORMATS), lang
        missing = [x for x in names + headers if f"`{x}`" not in section and x not in section]
        assert not missing, (lang, missing)
