"""``kb-grade grade SUBMISSIONS``: grade a file of (student, question, answer) rows.

Input: JSONL, YAML (a list of mappings) or CSV with columns ``student``, ``question``,
``answer`` (optional ``seed``), read by :mod:`graders.batch.rows`. Each answer is checked in a separate process under
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
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import GraderError, QuestionError, UsageError
from ..messages import message
from ..reading.limits import DEFAULT
from ..result import Result, Verdict
from .rows import Row, read_submissions

__all__ = [
    "Row",
    "read_submissions",
    "grade_rows",
    "grade_file",
    "write_results",
    "write_atomic",
    "check_output",
    "neutral",
    "records",
    "CSV_FIELDS",
]

CSV_FIELDS = [
    "line",
    "student",
    "question",
    "variant",
    "verdict",
    "score",
    "note",
    "answer",
    "feedback_en",
    "feedback_zh",
    "counterexample",
    "elapsed_ms",
]


def _bad_row(row: Row) -> Result:
    return Result(Verdict.INVALID, feedback=row.problem(), note="bad-row", question=row.question, answer=row.answer)


def grade_rows(
    rows: list[Row],
    *,
    jobs: int | None = None,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
    isolation: str = "pool",
    banks: tuple[str, ...] = (),
    progress=None,
) -> list[tuple[Row, Result]]:
    """Grade every valid row; keep input order. ``banks``: teachers' question folders next to the built-in bank;
    ``progress(done, total)`` is called after each graded answer (a progress bar). An answer given in the
    same words to the same variant of a question by several students is graded once (grading depends on
    nothing else), and each of them gets that result.

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
    first: dict[tuple, int] = {}  # (question, answer, seed) -> the row that is graded for all of them
    same: dict[int, int] = {}  # row -> the row with the same answer to the same variant
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
            results[k] = Result(
                Verdict.INVALID,
                feedback=message(q.code, **q.params),
                note=q.code,
                question=row.question,
                answer=row.answer,
            )
            continue
        seed = row.seed if row.seed is not None else (seed_for(row.student, q.id) if q.params else None)
        key = (q.id, row.answer, seed if q.params else None)  # grading depends on nothing else
        if key in first:
            same[k] = first[key]
            continue
        first[key] = k
        tasks.append((k, (lambda q=q, a=row.answer, s=seed: check(q, a, seed=s))))
    from ..isolation import max_jobs

    jobs = min(jobs or max_jobs(), max_jobs())
    if isolation in ("pool", "process"):
        finished = run_many(tasks, jobs=jobs, timeout=timeout, memory_mb=memory_mb, fresh=isolation == "process")
    elif isolation == "none":
        finished = ((k, fn()) for k, fn in tasks)
    else:
        raise UsageError("unknown-isolation", isolation=isolation)
    done, total = 0, len(tasks) + len(same)  # counted in answers, each graded once for all who gave it
    alike = Counter(same.values())
    try:
        for k, res in finished:
            row = rows[k]
            results[k] = res if res.question else res.with_(question=row.question, answer=row.answer)
            done += 1 + alike[k]
            if progress is not None:
                progress(done, total)
    except KeyboardInterrupt:  # Ctrl-C: say how far it got; nothing has been written yet
        raise GraderError("interrupted-grading", done=done, total=total) from None
    for k, src in same.items():  # the same answer to the same variant gets the same result, graded once
        results[k] = results[src]
    return [(row, results[k]) for k, row in enumerate(rows)]


#: what a spreadsheet reads as the start of a formula (OWASP, "CSV Injection")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: object) -> object:
    """A text cell a spreadsheet would execute (``=HYPERLINK(…)``, ``-1+cmd|…``, ``@SUM(…)``) with a ``'``
    in front, as OWASP recommends: shown as typed, never run. Numbers are left as they are."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(_FORMULA) else cell


def records(pairs: Iterable[tuple[Row, Result]]) -> Iterable[dict]:
    """One record per row, as the results file holds it: the line, the student, the result and the
    carried columns (``extra``). Rows that share a result (the same answer, graded once) share its
    dictionary, made once."""
    made: dict[int, dict] = {}
    for row, res in pairs:
        d = made.get(id(res))
        if d is None:
            d = made[id(res)] = res.to_dict()
        yield {"line": row.line, "student": row.student, **d, **({"extra": dict(row.extra)} if row.extra else {})}


def write_results(pairs: Iterable[tuple[Row, Result]], out: Path | None, fmt: str = "jsonl") -> None:
    """Write JSONL or CSV to ``out`` atomically (or to stdout if ``out`` is None)."""
    buf = io.StringIO()
    if fmt == "csv":
        pairs = list(pairs)
        extra = list(dict.fromkeys(k for row, _ in pairs for k, _ in row.extra if k not in CSV_FIELDS))
        w = csv.DictWriter(buf, fieldnames=CSV_FIELDS + extra, lineterminator="\n")
        w.writeheader()
        for (row, res), rec in zip(pairs, records(pairs), strict=True):
            d = {**dict(row.extra), **rec}
            cells = {
                **{k: d.get(k, "") for k in CSV_FIELDS + extra},
                "feedback_en": res.feedback.en,
                "feedback_zh": res.feedback.zh,
                "counterexample": json.dumps(res.counterexample, ensure_ascii=False) if res.counterexample else "",
            }
            w.writerow({k: neutral(v) for k, v in cells.items()})
    else:
        for rec in records(pairs):
            buf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is None:
        import sys

        sys.stdout.write(buf.getvalue())
        return
    write_atomic(out, buf.getvalue())


def write_atomic(out: Path, text: str, encoding: str = "utf-8") -> None:
    """``text`` into ``out`` through a temporary file and a rename: ``out`` is the old file or the new
    one, never half of either (``encoding="utf-8-sig"`` starts it with a BOM, for Excel)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        os.chmod(tmp, _mode(out))
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode(out: Path) -> int:
    """The permissions the results get: those of the file replaced (not of a symlink's target), else
    those a new file gets under the umask (a temporary file's own 0600 would hide it from the class's TAs)."""
    if out.exists() and not out.is_symlink():
        return out.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_output(out: Path) -> None:
    """Raise :class:`OSError` now if the results could not be written to ``out`` later: before any
    answer is graded, not after (a folder, a missing or read-only parent). The results replace ``out``
    itself, never write through a symlink."""
    if out.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, probe = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    os.unlink(probe)


def grade_file(
    path: str | Path,
    out: str | Path | None = None,
    *,
    fmt: str | None = None,
    jobs: int | None = None,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
    isolation: str = "pool",
    banks: tuple[str, ...] = (),
    progress=None,
    precheck=None,
) -> list[tuple[Row, Result]]:
    """Read, grade and write; returns the (row, result) pairs. ``precheck(rows)`` runs before any
    answer is graded (a gradebook export's needs)."""
    path = Path(path)
    out_path = Path(out) if out else None
    out_fmt = fmt or ("csv" if out_path and out_path.suffix.lower() == ".csv" else "jsonl")
    if out_path is not None:
        check_output(out_path)
    rows = read_submissions(path)
    if precheck is not None:
        precheck(rows)
    pairs = grade_rows(
        rows,
        jobs=jobs,
        timeout=timeout,
        memory_mb=memory_mb,
        isolation=isolation,
        banks=banks,
        progress=progress,
    )
    write_results(pairs, out_path, out_fmt)
    return pairs
