"""``kb-grade report``: per question the shares, the notes ranked with their feedback, the most common
wrong answers; as text, JSON and a self-contained HTML page. The round trip from a teacher's bank."""

from __future__ import annotations

import json
import re

import pytest

from graders.bank.template import write_template
from graders.batch.report import TOP, build_report, read_results
from graders.batch.report_html import report_html
from graders.cli.main import main


def _rec(q, verdict, note="", answer="a", zh="", en=""):
    return {
        "question": q,
        "verdict": verdict,
        "note": note or verdict,
        "answer": answer,
        "feedback": {"zh": zh, "en": en},
    }


SHARES = [
    # (records, counts of correct, incorrect, invalid, other)
    ([_rec("q", "correct")], (1, 0, 0, 0)),
    ([_rec("q", "correct"), _rec("q", "incorrect", "x")], (1, 1, 0, 0)),
    ([_rec("q", "wrong-form", "unevaluated-derivative")], (0, 1, 0, 0)),  # the wrong form is not correct
    ([_rec("q", "invalid", "unclosed"), _rec("q", "timeout"), _rec("q", "undetermined")], (0, 0, 1, 2)),
    ([_rec("q", "correct"), _rec("q", "invalid", "bad-row"), _rec("q", "invalid", "unknown-question")], (1, 0, 0, 0)),
]


@pytest.mark.parametrize("records, counts", SHARES)
def test_shares(records, counts):
    (q,) = build_report(records)["questions"]
    assert tuple(q["counts"][k] for k in ("correct", "incorrect", "invalid", "other")) == counts
    assert sum(q["share"].values()) == pytest.approx(1.0)


def test_notes_and_wrong_answers_are_ranked_by_frequency():
    records = (
        [_rec("q", "incorrect", "sign", " -1", en="the sign")] * 3
        + [_rec("q", "incorrect", "half", "0.5", zh="一半")] * 2
        + [_rec("q", "correct", answer="1")] * 9
    )
    (q,) = build_report(records)["questions"]
    assert [(n["note"], n["count"], n["feedback"]["en"]) for n in q["notes"]] == [
        ("sign", 3, "the sign"),
        ("half", 2, ""),
    ]
    assert q["wrong_answers"] == [{"answer": "-1", "count": 3}, {"answer": "0.5", "count": 2}]  # trimmed


def test_only_the_top_notes_are_listed():
    records = [_rec("q", "incorrect", f"n{i}", str(i)) for i in range(TOP + 3)]
    (q,) = build_report(records)["questions"]
    assert len(q["notes"]) == len(q["wrong_answers"]) == TOP


def test_results_read_back_from_both_formats(tmp_path, capsys):
    subs = tmp_path / "subs.jsonl"
    subs.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"student": "a", "question": "mse-house-prices", "answer": "70"},
                {"student": "b", "question": "mse-house-prices", "answer": "-100"},
                {"student": "c", "question": "mse-house-prices", "answer": "100"},
            ]
        ),
        encoding="utf-8",
    )
    reports = []
    for name in ("res.jsonl", "res.csv"):
        assert main(["grade", str(subs), "-o", str(tmp_path / name), "--isolation", "process"]) == 0
        reports.append(build_report(read_results(tmp_path / name)))
    assert reports[0] == reports[1]  # CSV's neutralised "-100" is read back as typed
    assert [a["answer"] for a in reports[0]["questions"][0]["wrong_answers"]] == ["70", "-100"]


def test_the_html_page_is_self_contained_and_escaped():
    records = [_rec("<script>", "incorrect", "x", "<img src=x onerror=alert(1)>", zh="<b>", en="&")]
    page = report_html(build_report(records))
    assert "<script>" not in page.split("</style>", 1)[1] and "&lt;img" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


@pytest.mark.parametrize(
    "argv, code",
    [
        (["report", "{t}/res.jsonl"], 0),
        (["report", "{t}/res.jsonl", "--json"], 0),
        (["report", "{t}/res.jsonl", "--html", "{t}/r.html"], 0),
        (["report", "{t}/missing.jsonl"], None),
        (["report", "{t}/bad.jsonl"], None),
        (["report", "{t}/res.jsonl", "--html", "{t}"], None),  # a folder: refused before anything is read
    ],
)
def test_report_command(argv, code, tmp_path, capsys):
    from graders.result import EXIT_USAGE

    (tmp_path / "res.jsonl").write_text(json.dumps(_rec("q", "incorrect", "sign", "-1")) + "\n", "utf-8")
    (tmp_path / "bad.jsonl").write_text("[1]\n", "utf-8")
    assert main([a.format(t=tmp_path) for a in argv]) == (EXIT_USAGE if code is None else code)


def test_round_trip_teachers_bank_to_report(tmp_path, monkeypatch, capsys):
    """A teacher's bank → a class file → grade → summary → report."""
    monkeypatch.delenv("KB_GRADE_BANKS", raising=False)
    bank = tmp_path / "course"
    bank.mkdir()
    write_template("numeric", "t-mean", str(bank / "t-mean.yaml"))
    subs = tmp_path / "class.csv"
    subs.write_bytes(
        "\ufeffStudent ID;Question;Answer;Seed\n张三;t-mean;5;0\n李四;t-mean;15;0\n王五;t-mean;15;0\n".replace(
            "\n", "\r\n"
        ).encode("utf-8")
    )
    argv = [
        "--bank",
        str(bank),
        "grade",
        str(subs),
        "-o",
        str(tmp_path / "res.jsonl"),
        "--summary",
        str(tmp_path / "sum.csv"),
        "--isolation",
        "process",
    ]
    assert main(argv) == 0
    assert "张三,1,1,1,100.0,0,0" in (tmp_path / "sum.csv").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(tmp_path / "res.jsonl"), "--json", "--html", str(tmp_path / "r.html")]) == 0
    (q,) = json.loads(capsys.readouterr().out)["questions"]
    assert (q["id"], q["counts"]["correct"], q["notes"][0]["note"], q["notes"][0]["count"]) == (
        "t-mean",
        1,
        "forgot-to-divide",
        2,
    )
    assert "forgot-to-divide" in (tmp_path / "r.html").read_text(encoding="utf-8")


GRADEBOOKS = [
    # (format, the class file's students, what the export holds for 张三 (identified by email where the
    # format can): the mean and the derivation's half of the steps)
    ("csv", 3, lambda text: "2024001,张三,zs@example.edu,1,0.5,1.5,2,75.0,0,0" in text),
    ("canvas", 3, lambda text: "张三,,2024001,zs@example.edu,,1,0.5" in text),
    ("moodle", 3, lambda text: "zs@example.edu,2024001,1,0.5" in text),
    (
        "gradescope",
        1,
        lambda text: [(t["name"], t["score"]) for t in json.loads(text)["tests"]] == [("t-mean", 1), ("t-deriv", 0.5)],
    ),
]


@pytest.mark.parametrize(("fmt", "students", "holds"), GRADEBOOKS)
def test_round_trip_teachers_bank_to_each_gradebook(fmt, students, holds, tmp_path, monkeypatch, capsys):
    """A teacher's bank (with a derivation giving partial credit) → a class file with names and emails →
    grade → each gradebook export → report."""
    monkeypatch.delenv("KB_GRADE_BANKS", raising=False)
    bank = tmp_path / "course"
    bank.mkdir()
    write_template("numeric", "t-mean", str(bank / "t-mean.yaml"))
    deriv = write_template("derivation", "t-deriv", str(bank / "t-deriv.yaml"))
    deriv.write_text(deriv.read_text("utf-8").replace("# partial_credit: steps", "partial_credit: steps"), "utf-8")
    assert main(["validate", str(bank)]) == 0
    lines = ["学号,姓名,邮箱,题目,答案,seed"]
    for sid, name, mean in [("2024001", "张三", 5), ("2024002", "李四", 15), ("2024003", "王五", 15)][:students]:
        lines += [f"{sid},{name},{name}@example.edu,t-mean,{mean},0", f'{sid},{name},,t-deriv,"{DERIVATION}",']
    subs = tmp_path / "class.csv"
    subs.write_text("\n".join(lines).replace("张三@", "zs@") + "\n", encoding="utf-8")
    book = tmp_path / ("results.json" if fmt == "gradescope" else f"{fmt}.csv")
    argv = ["--bank", str(bank), "grade", str(subs), "-o", str(tmp_path / "res.jsonl"), "--summary", str(book)]
    assert main([*argv, "--summary-format", fmt, "--identify", "email", "--isolation", "process"]) == 0
    assert holds(book.read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["report", str(tmp_path / "res.jsonl"), "--json"]) == 0
    report = {q["id"]: q for q in json.loads(capsys.readouterr().out)["questions"]}
    assert (report["t-deriv"]["counts"]["incorrect"], report["t-deriv"]["mean_score"]) == (students, 0.5)


#: right at the first step, wrong at the second: half the steps
DERIVATION = "d/dx (x + 1)^2\n= d/dx (x^2 + 2x + 1)\n= 2x + 1"


MEAN_SCORES = [
    # (records as (verdict, score), the mean score: of the graded answers only, partial credit included)
    ([("correct", 1.0), ("incorrect", 0.0)], 0.5),
    ([("correct", 1.0), ("incorrect", 0.5), ("wrong-form", 0.25)], 0.5833),
    ([("correct", "1"), ("incorrect", "0.5")], 0.75),  # as read back from a CSV results file
    ([("correct", 1.0), ("invalid", 0.0), ("timeout", 0.0)], 1.0),  # never graded: not a 0
    ([("invalid", 0.0)], None),
]


@pytest.mark.parametrize(("records", "mean"), MEAN_SCORES)
def test_mean_score(records, mean):
    recs = [{**_rec("q", v), "score": s} for v, s in records]
    assert build_report(recs)["questions"][0]["mean_score"] == mean
