"""CSV submissions as teachers' programs export them: byte-order marks, UTF-16, GBK, ``;`` and tabs,
headers in any case and under their usual names; what was found when a file still cannot be read."""

from __future__ import annotations

import codecs

import pytest

from graders.batch import read_submissions
from graders.batch.tables import columns, decode, delimiter
from graders.errors import UsageError

TABLE = "Student ID,Question,Answer,Email\n张三,mse-house-prices,100,z@example.org\n"

ENCODED = [
    ("utf-8", TABLE.encode("utf-8")),
    ("Excel's CSV UTF-8 (a BOM)", codecs.BOM_UTF8 + TABLE.encode("utf-8")),
    ("UTF-16 LE with a BOM", codecs.BOM_UTF16_LE + TABLE.encode("utf-16-le")),
    ("UTF-16 BE with a BOM", codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be")),
    ("GBK", TABLE.encode("gbk")),
    ("semicolons", TABLE.replace(",", ";").encode("utf-8")),
    ("tabs", TABLE.replace(",", "\t").encode("utf-8")),
    ("CRLF line ends", TABLE.replace("\n", "\r\n").encode("utf-8")),
]


@pytest.mark.parametrize("what, data", ENCODED, ids=[e[0] for e in ENCODED])
def test_every_export_reads_the_same_rows(what, data, tmp_path):
    p = tmp_path / "subs.csv"
    p.write_bytes(data)
    (row,) = read_submissions(p)
    assert (row.error, row.student, row.question, row.answer) == ("", "张三", "mse-house-prices", "100")


@pytest.mark.parametrize(
    "data, encoding",
    [
        (b"abc", "utf-8"),
        (codecs.BOM_UTF8 + b"abc", "utf-8"),
        (codecs.BOM_UTF16_LE + "abc".encode("utf-16-le"), "utf-16"),
        ("学号".encode("gbk"), "gbk"),
    ],
)
def test_decode(data, encoding):
    assert decode(data) == ("学号" if encoding == "gbk" else "abc", encoding)


@pytest.mark.parametrize(
    "text, sep",
    [
        ("a,b,c\n", ","),
        ("a;b;c\n", ";"),
        ("a\tb\tc\n", "\t"),
        ("a\n", ","),
        ("", ","),
        ('"a;b",c\n', ","),
    ],
)
def test_delimiter(text, sep):
    assert delimiter(text) == sep


HEADERS = [
    (["student", "question", "answer"], {"student": "student", "question": "question", "answer": "answer"}),
    (["Student", "QUESTION", " Answer "], {"Student": "student", "QUESTION": "question", " Answer ": "answer"}),
    (
        ["student_id", "question_id", "response", "seed"],
        {"student_id": "student", "question_id": "question", "response": "answer", "seed": "seed"},
    ),
    (
        ["Student-ID", "QuestionID", "answer", "name", "email"],
        {"Student-ID": "student", "QuestionID": "question", "answer": "answer"},
    ),
    (["学号", "题目", "答案"], {"学号": "student", "题目": "question", "答案": "answer"}),
]


@pytest.mark.parametrize("headers, expected", HEADERS)
def test_columns(headers, expected):
    assert columns(headers) == expected


@pytest.mark.parametrize(
    "headers",
    [
        ["student", "answer"],  # no question
        ["name", "email"],
        [],
        ["student", "question", "answer", "Answer"],  # the same column twice: which one?
    ],
)
def test_a_table_without_its_columns_lists_what_it_found(headers):
    with pytest.raises(UsageError) as info:
        columns(headers)
    assert info.value.code == "csv-header"
    for h in headers:
        assert repr(h) in info.value.params["found"]


def test_one_unreadable_row_does_not_sink_the_file(tmp_path):
    p = tmp_path / "subs.csv"
    huge = "1" * 200_000  # over the csv module's field limit
    p.write_text(
        f"student,question,answer\ns1,mse-house-prices,100\ns2,mse-house-prices,{huge}\ns3,mse-house-prices,70\n",
        encoding="utf-8",
    )
    rows = read_submissions(p)
    assert [(r.line, r.student, r.error) for r in rows] == [(2, "s1", ""), (3, "", "row-csv"), (4, "s3", "")]


def test_extra_columns_are_carried_into_both_outputs(tmp_path):
    import csv as csvmod
    import json

    from graders.batch import grade_file

    p = tmp_path / "subs.csv"
    p.write_text(
        "Name,Student ID,Question,Answer,Email\n张三,s1,mse-house-prices,100,z@example.org\n"
        "李四,s2,mse-house-prices,70,=cmd\n",
        encoding="utf-8",
    )
    grade_file(p, tmp_path / "out.csv", isolation="none")
    rows = list(csvmod.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert [(r["student"], r["Name"], r["Email"], r["verdict"]) for r in rows] == [
        ("s1", "张三", "z@example.org", "correct"),
        ("s2", "李四", "'=cmd", "incorrect"),
    ]
    grade_file(p, tmp_path / "out.jsonl", isolation="none")
    first = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["extra"] == {"Name": "张三", "Email": "z@example.org"}


def test_jsonl_extra_fields_are_carried_too(tmp_path):
    import json

    p = tmp_path / "subs.jsonl"
    p.write_text(
        json.dumps(
            {"student": "s", "question": "mse-house-prices", "answer": "100", "email": "e@x", "nested": {"a": 1}}
        )
        + "\n",
        encoding="utf-8",
    )
    (row,) = read_submissions(p)
    assert row.extra == (("email", "e@x"),)  # text and numbers only
