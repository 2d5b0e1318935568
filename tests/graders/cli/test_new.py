"""``kb-grade new ID --kind K [-o FILE]``: writes a template that validates, never over a file."""

from __future__ import annotations

import json

import pytest

from graders.bank import KINDS
from graders.cli.main import main
from graders.result import EXIT_USAGE

NEW = [
    (["new", "q", "--kind", "numeric"], 0, "q.yaml"),
    (["new", "q", "--kind=matrix", "-o", "sub/q.yaml"], 0, "sub/q.yaml"),
    (["new", "q", "--kind", "derivation", "--output", "q.yml"], 0, "q.yml"),
    (["new", "old", "--kind", "numeric"], 2, None),  # exists: refused, left as it was
    (["new", "Q", "--kind", "numeric"], 2, None),  # the schema's id pattern
    (["new", "q", "--kind", "essay"], 2, None),
    (["new", "q", "--kind", "numeric", "-o", "other.yaml"], 2, None),  # validate would refuse the name
    (["new", "q", "--kind", "numeric", "-o", "nowhere/q.yaml"], 2, None),
    (["new", "q"], EXIT_USAGE, None),  # --kind is required
    (["new"], EXIT_USAGE, None),
]


@pytest.mark.parametrize("argv, code, written", NEW, ids=[" ".join(a) for a, _, _ in NEW])
def test_new(argv, code, written, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "old.yaml").write_text("mine\n", encoding="utf-8")
    assert main(argv) == code
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.y*ml"))
    assert files == sorted(["old.yaml", *([written] if written else [])])
    assert (tmp_path / "old.yaml").read_text(encoding="utf-8") == "mine\n"
    if written:
        assert main(["validate", written]) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_new_json_then_validate(kind, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KB_GRADE_BANKS", raising=False)
    assert main(["new", f"my-{kind}", "--kind", kind, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == f"my-{kind}.yaml"
    assert main(["validate", ".", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []


def test_the_message_says_what_to_do_next(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "q", "--kind", "symbolic", "--lang", "zh"]) == 0
    assert "kb-grade validate q.yaml" in capsys.readouterr().err


def test_in_a_fresh_interpreter_with_the_environment_setting(tmp_path):
    """The installed command: ``new``, then ``check`` through KB_GRADE_BANKS, in a new process."""
    import os
    import subprocess
    import sys

    from tests.graders.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "KB_GRADE_BANKS": str(tmp_path)}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "graders", *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
        )

    assert run("new", "t-q", "--kind", "symbolic").returncode == 0
    done = run("check", "t-q", "x^2 + 2", "--json")
    assert (done.returncode, json.loads(done.stdout)["note"]) == (1, "forgot-power-factor")
    assert run("--bank", str(tmp_path / "missing"), "list").returncode == 2
