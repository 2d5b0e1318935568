"""The "Writing questions" page: its workflow script runs as written, from a template to
a class report, with the grader the project installs."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs" / "snippets" / "teaching" / "workflow.sh"


def test_both_pages_include_the_tested_workflow() -> None:
    for lang in ("zh", "en"):
        assert '--8<-- "teaching/workflow.sh"' in (ROOT / "docs" / lang / "writing-questions.md").read_text("utf-8")


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
