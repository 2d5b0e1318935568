"""The rows of a submissions file: JSONL, YAML (a list of mappings) or CSV, each row a (student,
question, answer) with an optional ``seed``. A row that cannot be read carries the code of why and its
line, and every other row is still read: one bad row never sinks a batch, whatever it holds (a JSON
line nested 100,000 deep, a lone surrogate ``"\\ud800"``, a cell over the csv module's limit, a YAML
alias bomb or a list where the answer should be).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..messages import message
from ..result import Text
from .tables import columns, decode, delimiter

__all__ = ["Row", "read_submissions"]


@dataclass(frozen=True)
class Row:
    line: int
    student: str = ""
    question: str = ""
    answer: str = ""
    seed: int | None = None
    error: str = ""  # the code of why the row is malformed (then it is not graded)
    error_params: tuple = ()  # (name, value) pairs for the message
    extra: tuple = ()  # (column, text) pairs the grader does not read (name, email …), carried into the output

    def problem(self) -> Text:
        """What is wrong with the row, for people: "Line 3: missing answer"."""
        return message("on-line", line=self.line) + message(self.error, **dict(self.error_params))


def _bad(line: int, code: str, student="", question="", answer="", **params) -> Row:
    return Row(
        line, str(student or ""), str(question or ""), str(answer or ""), error=code, error_params=tuple(params.items())
    )


#: the fields a row is made of; any other field is carried into the output as it is
_READ = ("student", "student_id", "question", "question_id", "answer", "seed")


def _text(value: object) -> bool:
    """A field a row can carry: text or a number (a list or mapping is not an answer), valid Unicode."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if not isinstance(value, str):
        return value is None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800" cannot be written out
        return False
    return True


def _row(line: int, data: object) -> Row:
    if not isinstance(data, dict):
        return _bad(line, "row-not-mapping")
    student = data.get("student", data.get("student_id"))
    question = data.get("question", data.get("question_id"))
    answer = data.get("answer")
    fields = (("student", student), ("question", question), ("answer", answer), ("seed", data.get("seed")))
    bad = [k for k, v in fields if not _text(v)]
    if bad:
        ok = {k: (v if isinstance(v, (str, int, float)) and _text(v) else "") for k, v in fields}
        return _bad(line, "row-field", ok["student"], ok["question"], fields=", ".join(bad))
    missing = [k for k, v in fields[:3] if v in (None, "")]
    if missing:
        return _bad(line, "row-missing", student, question, fields=", ".join(missing))
    seed = data.get("seed")
    if seed not in (None, ""):
        try:
            seed = int(seed)
        except (TypeError, ValueError):
            return _bad(line, "row-seed", student, question, answer, seed=repr(seed))
    else:
        seed = None
    extra = tuple(
        (str(k), str(v))
        for k, v in data.items()
        if k not in _READ and isinstance(v, (str, int, float)) and _text(v) and _text(str(k))
    )
    return Row(line, str(student), str(question).strip(), str(answer), seed, extra=extra)  # the id trimmed


def read_submissions(path: Path, fmt: str | None = None) -> list[Row]:
    """Rows of a submissions file; malformed rows carry ``error`` and a line number."""
    fmt = fmt or {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}.get(
        path.suffix.lower()
    )
    if fmt is None:
        raise UsageError("submissions-format", name=path.name)
    try:
        data = path.read_bytes()
        text = decode(data)[0] if fmt == "csv" else data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("cannot-read", path=str(path), reason=getattr(exc, "strerror", None) or str(exc)) from None
    rows: list[Row] = []
    if fmt == "jsonl":
        for i, line in enumerate(text.split("\n"), 1):  # JSONL lines end with \n only
            line = line.rstrip("\r")
            if not line.strip():
                continue
            try:
                rows.append(_row(i, json.loads(line)))
            except ValueError as exc:
                rows.append(_bad(i, "row-json", detail=str(exc)))
            except RecursionError:
                rows.append(_bad(i, "row-nested"))
    elif fmt == "csv":
        rows.extend(_csv_rows(text))
    else:
        rows.extend(_yaml_rows(text))
    return rows


def _csv_rows(text: str) -> list[Row]:
    """Rows of a CSV table as spreadsheets export it (:mod:`graders.batch.tables`); a row the csv module
    cannot read (a cell over its size limit, a stray quote) is reported and the others are still read."""
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    names = columns(list(reader.fieldnames or []))
    rows = []
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            rows.append(_bad(reader.reader.line_num, "row-csv", detail=str(exc)))  # DictReader's lags on errors
            continue
        if None in rec:  # more cells than header fields
            rows.append(_bad(reader.line_num, "row-cells"))
        else:
            rows.append(_row(reader.line_num, {names.get(k, k.strip()): v for k, v in rec.items()}))


def _yaml_rows(text: str) -> list[Row]:
    """Rows of a YAML list, every field read as the text typed: YAML 1.1 typing would turn the answer
    ``0x64`` into 100 (graded correct), ``0.9640`` into 0.964 (its significant figures lost) and the
    student ``no`` into False, so nothing is typed (PyYAML's ``BaseLoader``: every scalar a string)."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [_bad(mark.line + 1 if mark else 1, "row-yaml", detail=str(getattr(exc, "problem", exc)))]
    except RecursionError:  # the whole document is unreadable: nesting this deep is no submission
        return [_bad(1, "row-nested")]
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return [_bad(node.start_mark.line + 1, "row-list")]
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        if _shares_nodes(item):
            rows.append(_bad(line, "row-alias"))
            continue
        try:
            data = yaml.BaseLoader(io.StringIO("")).construct_document(item)
        except yaml.YAMLError as exc:
            rows.append(_bad(line, "row-yaml", detail=str(exc)))
            continue
        rows.append(_row(line, data))
    return rows


def _shares_nodes(node) -> bool:
    """Whether a YAML item uses anchors and aliases (one node reached twice): a submission never needs
    them, and an alias bomb (a billion laughs) would expand exponentially once turned into text."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            return True
        seen.add(id(n))
        if isinstance(n.value, list):
            stack.extend(x for pair in n.value for x in (pair if isinstance(pair, tuple) else (pair,)))
    return False
