"""The kb-grade command: in-process (main(argv) -> exit code) and as a subprocess."""

from __future__ import annotations

import json

import pytest

from graders.cli.main import EXIT_PIPE, main, protect_answers
from graders.result import EXIT_USAGE

CHECKS = [
    (["check", "mse-house-prices", "100"], 0),
    (["check", "mse-house-prices", "100.0"], 0),
    (["check", "mse-house-prices", "300/3"], 0),
    (["check", "mse-house-prices", "1e2"], 0),
    (["check", "mse-house-prices", "70"], 1),
    (["check", "mse-house-prices", "abc("], 2),
    (["check", "mse-house-prices", "-100"], 1),
    (["check", "cross-entropy-binary-example", "-ln(0.6)-ln(0.7)"], 0),
    (["check", "cross-entropy-binary-example", "--lang", "en", "-ln(0.6)-ln(0.7)"], 0),
    (["check", "gd-step-quadratic", "1.9"], 1),
    (["check", "no-such-question", "1"], EXIT_USAGE),
    (["check", "mse-house-prices"], EXIT_USAGE),
    (["frobnicate"], EXIT_USAGE),
    ([], EXIT_USAGE),
    (["--version"], 0),
    (["list"], 0),
    (["show", "mse-house-prices"], 0),
    (["show", "nope"], EXIT_USAGE),
    # help is not a verdict: where an answer was expected it never exits 0 ("correct")
    (["check", "mse-house-prices", "--help"], EXIT_USAGE),
    (["check", "--help"], EXIT_USAGE),
    (["equiv", "-h"], EXIT_USAGE),
    (["derive", "--help"], EXIT_USAGE),
    (["--help"], 0),
    (["list", "--help"], 0),
]


@pytest.mark.parametrize("argv, code", CHECKS, ids=[" ".join(a) or "<none>" for a, _ in CHECKS])
def test_exit_codes_in_process(argv, code, capsys):
    assert main(argv) == code
    assert main([*argv, "--json"]) == code if argv and argv[0] not in ("--version", "frobnicate") else True


def test_json_check_in_process(capsys):
    assert main(["check", "mse-house-prices", "70", "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "incorrect" and d["note"] == "article-arithmetic"
    assert "100 + 100 + 100" in d["feedback"]["en"] and "100 + 10 + 100" in d["feedback"]["en"]
    assert d["feedback"]["zh"]


def test_json_invalid_has_caret(capsys):
    assert main(["--json", "check", "mse-house-prices", "abc("]) == 2
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "invalid" and d["valid"] is False
    assert d["caret"].endswith("^")


def test_list_json(capsys):
    assert main(["list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    mse = rows["mse-house-prices"]
    assert mse["title"]["zh"] and mse["title"]["en"] and mse["topic"] and mse["kind"] == "numeric"
    assert mse["source"] == {
        "document": "000_4320f6162912e08a.txt",
        "section": "数学模型和公式 & 详细讲解 & 举例说明 / 损失函数 / 均方误差",
        "source_claim": "70",
    }
    assert "source_claim" not in rows["relu-example"]["source"]  # the article got ReLU right


def test_show_json(capsys):
    assert main(["show", "mse-house-prices", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert "[200, 300, 400]" in d["prompt"]["en"] and "[190, 310, 410]" in d["prompt"]["zh"]


def test_usage_error_json(capsys):
    assert main(["check", "nope", "1", "--json"]) == EXIT_USAGE
    assert json.loads(capsys.readouterr().out)["error"] == "unknown-question"


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["check", "q", "-ln(2)"], ["check", "--", "q", "-ln(2)"]),
        (["check", "q", "-ln(2)", "--json"], ["check", "--json", "--", "q", "-ln(2)"]),
        (["check", "q", "--lang", "en", "-x"], ["check", "--lang", "en", "--", "q", "-x"]),
        (["check", "q", "--timeout=5", "-x"], ["check", "--timeout=5", "--", "q", "-x"]),
        (["--lang", "zh", "check", "q", "-x"], ["--lang", "zh", "check", "--", "q", "-x"]),
        (["check", "q", "1"], ["check", "--", "q", "1"]),
        (["check", "q", "--", "-x"], ["check", "--", "q", "-x"]),
        (["list", "--json"], ["list", "--json"]),
    ],
)
def test_protect_answers(argv, expected):
    assert protect_answers(argv) == expected


NEG = "-ln(0.6)-ln(0.7)"  # an answer that starts with "-"
DASHED = [  # every subcommand, options before and after the answer, --opt value and --opt=value
    (["check", "cross-entropy-binary-example", NEG], 0),
    (["check", "cross-entropy-binary-example", NEG, "--timeout=5"], 0),
    (["check", "cross-entropy-binary-example", NEG, "--timeout", "5"], 0),
    (["check", "--timeout=5", "cross-entropy-binary-example", NEG], 0),
    (["check", "cross-entropy-binary-example", "--lang=en", NEG, "--json"], 0),
    (["check", "cross-entropy-binary-example", "--", NEG], 0),
    (["check", "gd-step-variant", "--seed=3", "3 - 0.05*2*(3 - 1)"], 0),
    (["check", "gd-step-variant", "3 - 0.05*2*(3 - 1)", "--seed", "3"], 0),
    (["preview", "-", NEG], 0),
    (["preview", "-", NEG, "--timeout=5"], 0),
    (["preview", "--memory=512", "-", "-x"], 0),
    (["equiv", "-x", "-(x)"], 0),
    (["equiv", "-x", "-(x)", "--vars=x=positive"], 0),
    (["equiv", "--vars", "x=positive", "-x", "-(x)", "--timeout=5"], 0),
    (["show", "gd-step-variant", "--seed=3"], 0),
    (["errata", "--document=000", "--json"], 0),
]


@pytest.mark.parametrize("argv, code", DASHED, ids=[" ".join(a) for a, _ in DASHED])
def test_answers_and_options_in_any_order(argv, code, capsys):
    assert main(argv) == code


def test_derive_with_options_after_the_file(tmp_path, capsys):
    f = tmp_path / "-steps.txt"  # a file name that starts with "-" too
    f.write_text("d/dx x^2\n= 2x\n", encoding="utf-8")
    assert main(["derive", str(f), "--vars=x=positive", "--timeout", "5"]) == 0
    assert main(["derive", "--json", str(f)]) == 0


def test_a_crash_is_not_a_verdict(monkeypatch, capsys):
    import graders.grading.pipeline as pipeline

    monkeypatch.setitem(pipeline.PIPELINES, "numeric", lambda *a, **k: 1 / 0)
    assert main(["check", "mse-house-prices", "100", "--no-sandbox", "--json"]) == 4
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "error" and "ZeroDivision" not in d["feedback"]["en"] and d["detail"]


def test_a_closed_pipe_is_not_a_verdict(cli):
    import subprocess
    import sys

    from ..conftest import ROOT

    p = subprocess.Popen(
        [sys.executable, "-m", "graders", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    p.stdout.close()  # the reader goes away before kb-grade writes
    _, err = p.communicate(timeout=60)
    assert p.returncode == EXIT_PIPE and b"Traceback" not in err


@pytest.mark.parametrize("answer", ["\x1b[2J\x1b[31mpwned", "1\u202e0", "\x9b31m"])
def test_terminal_output_is_sanitised(answer, capsys):
    main(["check", "mse-house-prices", answer, "--lang", "en"])
    main(["check", "mse-house-prices", answer, "--json"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out


# -- subprocess: the real entry point, exactly as the docs show it ------------------


def test_docs_commands_subprocess(cli):
    r = cli("check", "mse-house-prices", "100")
    assert r.returncode == 0, r.stderr
    assert "correct" in r.stdout
    r = cli("show", "mse-house-prices")
    assert r.returncode == 0 and "[200, 300, 400]" in r.stdout


@pytest.mark.parametrize(
    "answer, code, fragment",
    [
        ("70", 1, "100 + 100 + 100"),
        ("abc(", 2, "^"),
        ("1e2", 0, "correct"),
    ],
)
def test_check_subprocess(cli, answer, code, fragment):
    r = cli("check", "mse-house-prices", answer, "--lang", "en")
    assert r.returncode == code, r.stderr
    assert fragment in r.stdout


def test_version_subprocess(cli):
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("kb-grade ")


def test_no_torch_or_lightning(cli):
    """kb-grade never imports torch or Lightning, not even while grading."""
    import subprocess
    import sys
    from pathlib import Path

    ROOT = Path(__file__).resolve().parents[3]
    code = (
        "import sys; from graders.cli.main import main; "
        "main(['check', 'mse-house-prices', '100', '--json', '--no-sandbox']); "
        "main(['list', '--json']); "
        "heavy = {'torch', 'pytorch_lightning', 'lightning', 'lightning_fabric', 'numpy'}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy); "
        "print('IMPORTED', bad)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "IMPORTED []" in r.stdout, r.stdout + r.stderr
    t = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "graders", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert t.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in t.stderr.splitlines() if "|" in line}
    assert not imported & {"torch", "pytorch_lightning", "lightning", "sympy"}, imported & {"torch", "sympy"}


SLOW = "sum(sin(i) + i^2, i, 1, 5000)"  # within every size limit, and seconds of SymPy work


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "mse-house-prices", SLOW, "--timeout", "0.3"],
        ["equiv", SLOW, "0", "--timeout", "0.3"],
    ],
)
def test_hard_timeout_gives_exit_3(argv, capsys):
    assert main([*argv, "--json"]) == 3
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "timeout" and d["feedback"]["en"].startswith("The check timed out")


@pytest.mark.parametrize(
    "argv, code",
    [
        (["preview", "-", "2θ(1-θ)"], 0),
        (["preview", "mse-house-prices", "300/(3"], 2),
        (["equiv", "2(θ-1)", "2θ-2"], 0),
        (["equiv", "x^2", "x"], 1),
        (["equiv", "log(-1-x^2)", "log(-1-x^2)+1"], 3),
        (["equiv", "W x", "x W", "--vars", "W=3x4,x=4x1"], 2),
        (["equiv", "x", "y", "--vars", "W=banana"], EXIT_USAGE),
    ],
)
def test_preview_and_equiv_exit_codes(argv, code, capsys):
    assert main(argv) == code
    assert main([*argv, "--json"]) == code


def test_preview_is_isolated_too(capsys):
    assert main(["preview", "-", SLOW, "--timeout", "0.3", "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["verdict"] == "timeout"
    assert main(["preview", "-", "2θ", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["parsed"] == "2*θ"


DOCS_COMMANDS = [  # the command forms the textbook shows readers
    (["show", "mse-house-prices"], 0),
    (["check", "mse-house-prices", "100"], 0),
    (["check", "cross-entropy-binary-example", "-(ln(0.6)+ln(0.7))"], 0),
    (["check", "gd-step-quadratic", "1.8"], 0),
    (["show", "gd-update-rule"], 0),
    (["check", "gd-update-rule", "θ - 2η(θ-1)"], 0),
    (["show", "gd-step-variant", "--seed", "3"], 0),
    (["check", "gd-step-variant", "3 - 0.05*2*(3 - 1)", "--seed", "3"], 0),
    (["check", "sigmoid-derivative", "σ(z)(1-σ(z))"], 0),
    (["check", "mse-gradient-prediction", "2/n*(yhat_i - y_i)"], 0),
    (["check", "backprop-two-layer-dw2", "g σ(W1 x)ᵀ"], 0),
    (["check", "backprop-two-layer-dw1", "(W2ᵀ g ⊙ σ'(W1 x)) xᵀ"], 0),
    (["check", "bce-logit-gradient", "σ(z) - y"], 0),
    (["list"], 0),
]


@pytest.mark.parametrize("argv, code", DOCS_COMMANDS, ids=[" ".join(a) for a, _ in DOCS_COMMANDS])
def test_docs_command_forms(argv, code, capsys):
    assert main(argv) == code


def test_docs_derive_command(tmp_path, capsys):
    steps = tmp_path / "steps.txt"
    steps.write_text("d/dŷ (y - ŷ)^2\n= 2(y - ŷ)·(-1)\n= 2(ŷ - y)\n", encoding="utf-8")
    assert main(["derive", "--question", "sq-error-derivative-steps", str(steps)]) == 0


def test_the_usage_code_is_the_one_the_readmes_give():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    assert EXIT_USAGE == 64  # sysexits.h EX_USAGE
    assert "64 usage" in (root / "README.md").read_text(encoding="utf-8")
    assert "| 64 | usage" in (root / "graders" / "README.md").read_text(encoding="utf-8")
