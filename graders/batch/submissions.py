"""``kb-grade grade SUBMISSIONS``: grade a file of (student, question, answer) rows.

Input: JSONL, YAML (a list of mappings) or CSV with columns ``student``, ``question``,
``answer`` (optional ``seed``). Each answer is checked in a separate process under
hard limits (a pool of rlimited workers, or a fresh process per answer), ``jobs``
at a time; a malformed row is reported with its line
number and the valid rows are still graded. Output (JSONL or CSV) is written
atomically: to a temporary file, then renamed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import QuestionError, UsageError
from ..messages import message
from ..reading.limits import DEFAULT
from ..result import Result, Text, Verdict
from .tables import columns, decode, delimiter

__all__ = ["Row", "read_submissions", "grade_rows", "grade_file", "write_results", "CSV_FIELDS"]

CSV_FIELDS = ["line", "student", "question", "variant", "verdict", "score", "note", "answer",
              "feedback_en", "feedback_zh", "counterexample", "elapsed_ms"]


@dataclass(frozen=True)
class Row:
    line: int
    student: str = ""
    question: str = ""
    answer: str = ""
    seed: int | None = None
    error: str = ""  # the code of why the row is malformed (then it is not graded)
    error_params: tuple = ()  # (name, value) pairs for the message

    def problem(self) -> Text:
        """What is wrong with the row, for people: "Line 3: missing answer"."""
        return message("on-line", line=self.line) + message(self.error, **dict(self.error_params))


def _bad(line: int, code: str, student="", question="", answer="", **params) -> Row:
    return Row(line, str(student or ""), str(question or ""), str(answer or ""), error=code,
               error_params=tuple(params.items()))


def _row(line: int, data: object) -> Row:
    if not isinstance(data, dict):
        return _bad(line, "row-not-mapping")
    student = data.get("student", data.get("student_id"))
    question = data.get("question", data.get("question_id"))
    answer = data.get("answer")
    missing = [k for k, v in (("student", student), ("question", question), ("answer", answer)) if v in (None, "")]
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
    return Row(line, str(student), str(question), str(answer), seed)


def read_submissions(path: Path, fmt: str | None = None) -> list[Row]:
    """Rows of a submissions file; malformed rows carry ``error`` and a line number."""
    fmt = fmt or {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}.get(path.suffix.lower())
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
            rows.append(_row(reader.line_num, {names[k]: v for k, v in rec.items() if k in names}))


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
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return [_bad(node.start_mark.line + 1, "row-list")]
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        try:
            data = yaml.BaseLoader(io.StringIO("")).construct_document(item)
        except yaml.YAMLError as exc:
            rows.append(_bad(line, "row-yaml", detail=str(exc)))
            continue
        rows.append(_row(line, data))
    return rows


def _bad_row(row: Row) -> Result:
    return Result(Verdict.INVALID, feedback=row.problem(), note="bad-row", question=row.question, answer=row.answer)


def grade_rows(rows: list[Row], *, jobs: int | None = None, timeout: float = DEFAULT.timeout_s,
               memory_mb: int = DEFAULT.memory_mb, isolation: str = "pool",
               banks: tuple[str, ...] = ()) -> list[tuple[Row, Result]]:
    """Grade every valid row; keep input order. ``banks``: teachers' question folders next to the built-in bank.

    ``isolation``: ``pool`` (rlimited worker processes, one answer at a time, killed and
    replaced on a limit hit), ``process`` (a fresh forked process per answer) or
    ``none`` (in-process; tests only).
    """
    from ..bank import seed_for
    from ..bank.folders import find
    from ..grading.pipeline import check
    from ..isolation import run_many

    results: dict[int, Result] = {}
    questions: dict[str, object] = {}
    tasks = []
    for k, row in enumerate(rows):
        if row.error:
            results[k] = _bad_row(row)
            continue
        if row.question not in questions:
            try:
                questions[row.question] = find(row.question, banks)
                check(questions[row.question], "0")  # warm caches before forking
            except QuestionError as exc:
                questions[row.question] = exc
        q = questions[row.question]
        if isinstance(q, QuestionError):
            results[k] = Result(Verdict.INVALID, feedback=message(q.code, **q.params), note=q.code,
                                question=row.question, answer=row.answer)
            continue
        seed = row.seed if row.seed is not None else (seed_for(row.student, q.id) if q.params else None)
        tasks.append((k, (lambda q=q, a=row.answer, s=seed: check(q, a, seed=s))))
    from ..isolation import max_jobs

    jobs = min(jobs or max_jobs(), max_jobs())
    if isolation in ("pool", "process"):
        finished = run_many(tasks, jobs=jobs, timeout=timeout, memory_mb=memory_mb, fresh=isolation == "process")
    elif isolation == "none":
        finished = ((k, fn()) for k, fn in tasks)
    else:
        raise UsageError("unknown-isolation", isolation=isolation)
    for k, res in finished:
        row = rows[k]
        results[k] = res if res.question else res.with_(question=row.question, answer=row.answer)
    return [(row, results[k]) for k, row in enumerate(rows)]


def _record(row: Row, res: Result) -> dict:
    return {"line": row.line, "student": row.student, **res.to_dict()}


def write_results(pairs: Iterable[tuple[Row, Result]], out: Path | None, fmt: str = "jsonl") -> None:
    """Write JSONL or CSV to ``out`` atomically (or to stdout if ``out`` is None)."""
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
        w.writeheader()
        for row, res in pairs:
            d = _record(row, res)
            w.writerow({**{k: d.get(k, "") for k in CSV_FIELDS}, "feedback_en": res.feedback.en,
                        "feedback_zh": res.feedback.zh,
                        "counterexample": json.dumps(res.counterexample, ensure_ascii=False) if res.counterexample else ""})
    else:
        for row, res in pairs:
            buf.write(json.dumps(_record(row, res), ensure_ascii=False) + "\n")
    if out is None:
        import sys

        sys.stdout.write(buf.getvalue())
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def grade_file(path: str | Path, out: str | Path | None = None, *, fmt: str | None = None, jobs: int | None = None,
               timeout: float = DEFAULT.timeout_s, memory_mb: int = DEFAULT.memory_mb,
               isolation: str = "pool", banks: tuple[str, ...] = ()) -> list[tuple[Row, Result]]:
    """Read, grade and write; returns the (row, result) pairs."""
    path = Path(path)
    out_path = Path(out) if out else None
    out_fmt = fmt or ("csv" if out_path and out_path.suffix.lower() == ".csv" else "jsonl")
    pairs = grade_rows(read_submissions(path), jobs=jobs, timeout=timeout, memory_mb=memory_mb, isolation=isolation,
                       banks=banks)
    write_results(pairs, out_path, out_fmt)
    return pairs
