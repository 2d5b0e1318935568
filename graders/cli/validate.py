"""``kb-grade validate DIR...``: every question file of a teacher's folders, checked as the bank reads
it, with every self-test run; each problem is reported with its file and line.

A problem is a code of :mod:`graders.messages` with parameters (never text), a file and, where the
file could be composed, the line of the question part it concerns (:mod:`graders.bank.lines`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bank.folders import check_folder
from ..bank.lines import line_of, path_in
from ..bank.loader import files, load_all, load_file, read
from ..bank.model import Question
from ..bank.schema import errors
from ..bank.variants import fill, pick
from ..errors import InputError, QuestionError
from ..grading.common import read_given
from ..grading.numeric import require_number
from ..grading.pipeline import check
from ..messages import message
from ..reading import DEFAULT
from ..reading.symbols import NO_SYMBOLS

__all__ = ["Problem", "Report", "files_of", "validate_file", "validate_paths"]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    code: str
    params: dict = field(default_factory=dict)


@dataclass
class Report:
    files: int = 0
    questions: int = 0
    tests: int = 0
    problems: list[Problem] = field(default_factory=list)


def files_of(target: str) -> list[Path]:
    """A question file as named, or every question file under a folder (``bank-missing`` if neither)."""
    path = Path(target)
    if path.is_file():
        return [path]
    return files(check_folder(target))


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _own_expressions(q: Question) -> list[tuple[str, str]]:
    """(schema path, text) of every expression the question itself gives: its answer, its start, its
    misconceptions' answers."""
    out = [("$.answer", q.answer)] + ([("$.start", q.start)] if q.start else [])
    return out + [(f"$.misconceptions[{i}].answer", m.answer) for i, m in enumerate(q.misconceptions)]


def _read_own(q: Question, text: str, report: Report) -> bool:
    """Read the question's own expressions in every variant its self-tests use; False if one cannot be
    read (its self-tests would all fail for that one reason, so they are not run)."""
    symbols = NO_SYMBOLS if q.kind == "numeric" else q.symbols
    variants = dict(pick(q.params, seed) for seed in {None, *(t.seed for t in q.tests)})
    ok = True
    for where, expression in _own_expressions(q):
        for index, values in sorted(variants.items()):
            try:
                tree = read_given(fill(expression, values), symbols, DEFAULT)
                if q.kind == "numeric":
                    require_number(tree)
            except InputError as exc:
                reason = message(exc.code, **exc.params)
                report.problems.append(
                    Problem(
                        q.path,
                        line_of(text, where),
                        "question-expression",
                        {
                            "id": q.id,
                            "field": where.removeprefix("$."),
                            "expression": fill(expression, values),
                            "variant": index,
                            "reason_zh": reason.zh,
                            "reason_en": reason.en,
                        },
                    )
                )
                ok = False
                break
    return ok


def _self_tests(q: Question, text: str, report: Report) -> None:
    for i, t in enumerate(q.tests):
        report.tests += 1
        r = check(q, t.answer, seed=t.seed)
        if r.verdict.value != t.verdict or (t.note and r.note != t.note):
            report.problems.append(
                Problem(
                    q.path,
                    line_of(text, f"$.tests[{i}]"),
                    "self-test-failed",
                    {
                        "id": q.id,
                        "index": i,
                        "answer": t.answer,
                        "expected": t.verdict + (f" ({t.note})" if t.note else ""),
                        "got": r.verdict.value + (f" ({r.note})" if r.note else ""),
                    },
                )
            )


def validate_file(path: Path, report: Report) -> Question | None:
    """Add ``path``'s problems to ``report``; the question if it loads."""
    report.files += 1
    text = _text(path)
    try:
        data = read(path)
    except QuestionError as exc:
        report.problems.append(Problem(str(path), exc.params.get("line"), exc.code, dict(exc.params)))
        return None
    found = errors(data)
    for detail in found:
        report.problems.append(
            Problem(str(path), line_of(text, detail), "question-schema", {"path": str(path), "detail": detail})
        )
    if found:
        return None
    try:
        q = load_file(path, data)
    except QuestionError as exc:
        where = line_of(text, path_in(str(exc.params.get("detail", "$.id"))))
        report.problems.append(Problem(str(path), where, exc.code, dict(exc.params)))
        return None
    report.questions += 1
    if _read_own(q, text, report):
        _self_tests(q, text, report)
    return q


def validate_paths(targets: list[str]) -> Report:
    """Validate every file of ``targets``; an id already in the built-in bank or an earlier file is a problem."""
    report = Report()
    seen = {q.id: q.path for q in load_all().values()}
    paths = {p.resolve(): p for t in targets for p in files_of(t)}  # a file named twice is read once
    for real, path in paths.items():
        q = validate_file(path, report)
        if q is None:
            continue
        other = seen.get(q.id)
        if other is not None and Path(other).resolve() != real:
            report.problems.append(
                Problem(
                    q.path,
                    line_of(_text(path), "$.id"),
                    "question-duplicate",
                    {"path": q.path, "id": q.id, "other": other},
                )
            )
        seen.setdefault(q.id, q.path)
    return report
