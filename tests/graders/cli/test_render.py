"""Human output renders every kind of result without errors, in each language."""

from __future__ import annotations

import pytest

from graders.cli.main import main


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
@pytest.mark.parametrize(
    "argv",
    [
        ["check", "mse-house-prices", "70"],
        ["check", "mse-house-prices", "abc("],
        ["check", "sigmoid-derivative", "σ(z)^2"],
        ["check", "sq-error-derivative-steps", "d/dŷ (y-ŷ)^2\n= 2(y-ŷ)"],
        ["preview", "-", "2θ(1-θ)"],
        ["preview", "-", "2θ(1-"],
        ["show", "backprop-two-layer-dw1"],
        ["list"],
    ],
)
def test_human_output(argv, lang, capsys):
    main([*argv, "--lang", lang, "--no-sandbox"] if argv[0] in ("check", "preview") else [*argv, "--lang", lang])
    out = capsys.readouterr().out
    assert out.strip()
    if lang == "en" and argv[0] == "check":
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in out.replace("读作", ""))


class _Terminal:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass


import pytest  # noqa: E402


@pytest.mark.parametrize("tty, quiet, drawn", [(True, False, True), (False, False, False), (True, True, False)])
def test_a_progress_bar_only_on_a_terminal_and_never_with_json(tty, quiet, drawn):
    from graders.cli.render import progress_bar

    term = _Terminal(tty)
    progress = progress_bar(term, quiet, every=0)
    assert (progress is not None) == drawn
    if progress:
        for i in range(1, 5):
            progress(i, 4)
        assert term.text.endswith(f"\r[{'#' * 30}] 4/4\n") and "1/4" in term.text


@pytest.mark.parametrize(
    ("answers", "calls"),
    [
        (["100", "300/3", "70"], [(1, 3), (2, 3), (3, 3)]),
        (["100", "100", "100"], [(3, 3)]),  # typed alike: graded once, counted for the three answers
    ],
)
def test_grade_rows_reports_progress(answers, calls, tmp_path):
    import json

    from graders.batch import grade_rows, read_submissions

    p = tmp_path / "subs.jsonl"
    p.write_text(
        "".join(
            json.dumps({"student": f"s{i}", "question": "mse-house-prices", "answer": a}) + "\n"
            for i, a in enumerate(answers)
        ),
        encoding="utf-8",
    )
    seen = []
    grade_rows(read_submissions(p), isolation="none", progress=lambda d, t: seen.append((d, t)))
    assert seen == calls
