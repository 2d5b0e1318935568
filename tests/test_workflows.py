"""The GitHub Actions workflows cannot run here; check them statically instead."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(found).exists():
        pytest.fail("actionlint is not installed: run `make venv` (dev extra)")
    return found


def test_actionlint_accepts_every_workflow() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert files
    config = ROOT / ".github" / "actionlint.yaml"  # named: a copy without .git would not find it
    result = subprocess.run(
        [_actionlint(), "-config-file", str(config), *map(str, files)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n"
    )
    result = subprocess.run([_actionlint(), str(broken)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0


def _load(name: str) -> dict:
    return yaml.load((WORKFLOWS / name).read_text(), Loader=yaml.BaseLoader)  # keeps `on:` a string key


def test_docs_workflow_builds_on_gpu_runners_and_publishes() -> None:
    docs = _load("docs.yml")
    build = docs["jobs"]["build"]
    assert build["runs-on"] == ["self-hosted", "linux", "gpu"]
    steps = build["steps"]
    text = (WORKFLOWS / "docs.yml").read_text()
    assert any(s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == ".cache/kb-run" for s in steps)
    assert 'echo "profile=full"' in text and "nvidia-smi" in text
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in steps)
    names = [s.get("name", "") for s in steps]
    gpu = next(s for s in steps if s.get("run", "").strip() == "make test-gpu")
    assert gpu["if"] == "steps.profile.outputs.profile == 'full'"  # only where nvidia-smi saw a device
    assert names.index(gpu["name"]) < names.index("Build the site")
    assert "pytest -m gpu" in (ROOT / "Makefile").read_text()
    deploy = docs["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_ci_workflow_runs_the_readme_test_command() -> None:
    ci = _load("ci.yml")
    runs = [s.get("run", "") for s in ci["jobs"]["test"]["steps"]]
    assert any(r.startswith("make test") for r in runs)
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make serve" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
