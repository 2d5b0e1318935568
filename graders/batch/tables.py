"""Submissions tables as teachers' programs export them: the encoding, the delimiter and the headers.

Spreadsheets write CSV in many ways: Excel's "CSV UTF-8" starts with a byte-order mark, "Unicode text"
is UTF-16, a Chinese Windows writes GBK, European locales separate cells with ``;``, and headers come as
``Student ID`` or ``question_id``. :func:`decode` and :func:`columns` accept all of these and say
exactly what was found when a file still cannot be read.

>>> decode("\\ufeffstudent,answer".encode("utf-8"))
('student,answer', 'utf-8')
>>> columns(["Student ID", " Question ", "Answer", "email"])
{'Student ID': 'student', ' Question ': 'question', 'Answer': 'answer'}
"""

from __future__ import annotations

import codecs
import csv
import re

from ..errors import UsageError

__all__ = ["ALIASES", "IDENTITY", "decode", "delimiter", "columns", "identity"]

#: the headers each column is known by, compared after lower-casing and turning ``_``/``-`` into spaces
ALIASES = {
    "student": ("student", "student id", "studentid", "student number", "sid", "学号", "学生"),
    "question": ("question", "question id", "questionid", "qid", "题目", "题号"),
    "answer": ("answer", "response", "答案"),
    "seed": ("seed",),
}
_BY_ALIAS = {alias: column for column, aliases in ALIASES.items() for alias in aliases}
#: the carried columns a gradebook export uses to identify a student, known by the same rule of headers
IDENTITY = {
    "name": ("name", "full name", "student name", "姓名", "名字"),
    "email": ("email", "e mail", "email address", "mail", "邮箱", "电子邮件", "电子邮箱"),
    "section": ("section", "class", "group", "班级", "班", "分组"),
    "login": ("login", "login id", "sis login id", "username", "user name", "用户名"),
    "canvas id": ("canvas id", "canvas user id"),
}
_BY_IDENTITY = {alias: column for column, aliases in IDENTITY.items() for alias in aliases}
#: tried in this order; a byte-order mark decides first
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_FALLBACKS = (("utf-8", "utf-8"), ("gb18030", "gbk"))


def decode(data: bytes) -> tuple[str, str]:
    """(the text, the encoding found): UTF-8 with or without a BOM, UTF-16 with a BOM, else GBK."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff"), name
            except UnicodeDecodeError:
                break
    else:
        for codec, name in _FALLBACKS:
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                continue
    raise UsageError("table-encoding")


def delimiter(text: str) -> str:
    """The cell separator of the header line: ``,``, ``;`` or a tab (``,`` when it cannot tell)."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().lower())


def columns(headers: list[str]) -> dict[str, str]:
    """Which header is which column (``student``, ``question``, ``answer``, ``seed``); other headers
    (name, email …) are not among them. A ``csv-header`` error lists every header found if ``question``
    or ``answer`` has none, or if one column is named twice."""
    found: dict[str, str] = {}
    taken: dict[str, str] = {}
    for header in headers:
        column = _BY_ALIAS.get(_key(header)) or _BY_ALIAS.get(_key(header).replace(" ", ""))
        if column is None:
            continue
        if column in taken:
            raise UsageError("csv-header", found=", ".join(repr(h) for h in headers))
        taken[column] = header
        found[header] = column
    if not {"question", "answer"} <= set(taken):
        raise UsageError("csv-header", found=", ".join(repr(h) for h in headers) or "-")
    return found


def identity(extra: tuple) -> dict[str, str]:
    """The identity columns (:data:`IDENTITY`) among a row's carried ``(column, text)`` pairs, e.g.
    ``{"name": "张三", "email": "zs@example.edu"}``; the first of two columns with one meaning wins."""
    out: dict[str, str] = {}
    for header, text in extra:
        column = _BY_IDENTITY.get(_key(header)) or _BY_IDENTITY.get(_key(header).replace(" ", ""))
        if column and column not in out and str(text).strip():
            out[column] = str(text).strip()
    return out
