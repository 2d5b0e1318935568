"""Batch grading: formats, malformed rows with line numbers, isolation, atomic output."""

from __future__ import annotations

import csv
import json

import pytest

from graders.batch import grade_file, grade_rows, read_submissions
from graders.cli.main import main
from graders.result import EXIT_USAGE

GOOD = [
    {"student": "s1", "question": "mse-house-prices", "answer": "100"},
    {"student": "s2", "question": "mse-house-prices", "answer": "70"},
    {"student": "s3", "question": "gd-step-quadratic", "answer": "1.9"},
    {"student": "s4", "question": "mse-house-prices", "answer": "9^9^9"},
]


def _jsonl(tmp_path, rows, extra_lines=()):
    p = tmp_path / "subs.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_jsonl_with_malformed_rows(tmp_path):
    p = _jsonl(
        tmp_path,
        GOOD,
        [
            "not json",
            json.dumps({"student": "s5", "question": "mse-house-prices"}),
            json.dumps({"student": "s6", "question": "nope", "answer": "1"}),
            "[1, 2]",
        ],
    )
    out = tmp_path / "out.jsonl"
    pairs = grade_file(p, out, jobs=2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [r["verdict"] for r in records] == [
        "correct",
        "incorrect",
        "incorrect",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
    ]
    assert [r["note"] for r in records][4:] == ["bad-row", "bad-row", "unknown-question", "bad-row"]
    assert (
        records[4]["feedback"]["en"].startswith("Line 5: invalid JSON")
        and "missing answer" in records[5]["feedback"]["en"]
    )
    assert records[4]["feedback"]["zh"].startswith("第 5 行：")
    assert records[1]["note"] == "article-arithmetic" and records[0]["student"] == "s1"
    assert len(pairs) == 8


def test_csv_in_and_out(tmp_path):
    p = tmp_path / "subs.csv"
    p.write_text(
        'student,question,answer\ns1,mse-house-prices,300/3\ns2,mse-house-prices,"1e2"\n'
        's3,mse-house-prices,1,extra\ns4,gd-step-quadratic,"2 - 0.1*2"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    grade_file(p, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["line"], r["verdict"]) for r in rows] == [
        ("2", "correct"),
        ("3", "correct"),
        ("4", "invalid"),
        ("5", "correct"),
    ]
    assert rows[2]["note"] == "bad-row"


def test_yaml_line_numbers(tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text(
        "- {student: a, question: mse-house-prices, answer: '100'}\n"
        "- just a string\n"
        "- student: b\n  question: gd-step-quadratic\n  answer: '1.8'\n",
        encoding="utf-8",
    )
    rows = read_submissions(p)
    assert [(r.line, bool(r.error)) for r in rows] == [(1, False), (2, True), (3, False)]


def test_broken_yaml_reports_line(tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text("- {student: a, question: q, answer: '1'}\n- [unclosed\n", encoding="utf-8")
    rows = read_submissions(p)
    assert rows[-1].error == "row-yaml" and rows[-1].line >= 2
    assert "invalid YAML" in rows[-1].problem().en


def test_a_timeout_does_not_stop_the_batch(tmp_path):
    slow = {"student": "s9", "question": "mse-house-prices", "answer": "sum(sin(i) + i^2, i, 1, 5000)"}
    rows = read_submissions(_jsonl(tmp_path, [*GOOD, slow]))
    pairs = grade_rows(rows, jobs=2, timeout=0.5)
    assert all(res.verdict.value in ("timeout", "correct", "incorrect", "invalid") for _, res in pairs)
    assert any(res.verdict.value == "timeout" for _, res in pairs)
    assert [res.question for _, res in pairs] == [r["question"] for r in [*GOOD, slow]]
    assert [res.verdict.value for _, res in pairs][-1] == "timeout"


def test_output_is_atomic(tmp_path, monkeypatch):
    p = _jsonl(tmp_path, GOOD[:1])
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    import graders.batch.submissions as batch

    def explode(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(batch.os, "replace", explode)
    with pytest.raises(OSError):
        grade_file(p, out)
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".out")] == []


def test_cli_grade(tmp_path, capsys):
    p = _jsonl(tmp_path, GOOD)
    assert main(["grade", str(p), "-o", str(tmp_path / "r.jsonl")]) == 0
    bad = _jsonl(tmp_path, GOOD, ["{oops"])
    assert main(["grade", str(bad)]) == 2
    captured = capsys.readouterr()
    assert ":5:" in captured.err and len(captured.out.splitlines()) == 5
    assert main(["grade", str(tmp_path / "missing.jsonl")]) == EXIT_USAGE
    assert main(["grade", str(tmp_path / "subs.txt")]) == EXIT_USAGE


@pytest.mark.parametrize(("asked", "cores", "used"), [(64, 2, 2), (None, 2, 2), (1, 2, 1), (3, 4, 3), (8, 1, 1)])
def test_jobs_are_capped_by_the_cores(asked, cores, used, monkeypatch):
    """More parallel checks than cores would turn correct answers into timeouts on a loaded machine."""
    import graders.isolation as isolation
    from graders.batch.rows import Row
    from graders.result import Result, Verdict

    seen = []

    def run_many(tasks, *, jobs, **kwargs):
        seen.append(jobs)
        return [(k, Result(Verdict.CORRECT)) for k, _ in tasks]

    monkeypatch.setattr(isolation, "max_jobs", lambda: cores)
    monkeypatch.setattr(isolation, "run_many", run_many)
    grade_rows([Row(1, "s", "mse-house-prices", "100")], jobs=asked)
    assert seen == [used]


SAME_ANSWERS = [
    # (rows as (student, question, answer, seed), how many answers are graded)
    ([("a", "mse-house-prices", "100", None), ("b", "mse-house-prices", "100", None)], 1),
    ([("a", "mse-house-prices", "100", None), ("b", "mse-house-prices", "100 ", None)], 2),  # typed differently
    ([("a", "mse-house-prices", "100", None), ("b", "gd-step-quadratic", "100", None)], 2),
    ([("a", "mse-house-prices", "100", 1), ("b", "mse-house-prices", "100", 2)], 1),  # no variants: seeds alike
    ([("a", "{varied}", "1", 0), ("b", "{varied}", "1", 0)], 1),
    ([("a", "{varied}", "1", 0), ("b", "{varied}", "1", 1)], 2),  # two variants
]


@pytest.mark.parametrize(("rows", "graded"), SAME_ANSWERS)
def test_the_same_answer_to_the_same_variant_is_graded_once(rows, graded, monkeypatch):
    import graders.isolation as isolation
    from graders.bank import load_all
    from graders.batch.rows import Row
    from graders.result import Result, Verdict

    varied = next(q.id for q in load_all().values() if q.params)
    sent = []

    def run_many(tasks, **kwargs):
        sent.extend(tasks)
        return [(k, Result(Verdict.CORRECT, note=f"task-{k}")) for k, _ in tasks]

    monkeypatch.setattr(isolation, "run_many", run_many)
    rows = [Row(i + 1, s, q.format(varied=varied), a, seed) for i, (s, q, a, seed) in enumerate(rows)]
    pairs = grade_rows(rows)
    assert len(sent) == graded
    assert [res.question for _, res in pairs] == [row.question for row in rows]  # every row has its result
    assert len({res.note for _, res in pairs}) == graded
