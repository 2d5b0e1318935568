"""The kb-grade subcommands. Each takes the parsed arguments and returns an exit code; imports are
local so that a command loads only what it needs (no SymPy for ``list``/``show`` or most checks)."""

from __future__ import annotations

import argparse
import sys

__all__ = ["COMMANDS", "read_text_file"]


def _seed(args: argparse.Namespace, qid: str) -> int | None:
    if getattr(args, "student", None):
        from ..bank.variants import seed_for

        return seed_for(args.student, qid)
    return getattr(args, "seed", None)


def _emit(obj: object) -> None:
    from .render import emit_json

    emit_json(obj)


def _cmd_list(args: argparse.Namespace) -> int:
    from ..bank.folders import load_banks

    qs = list(load_banks(args.banks).values())
    if args.json:
        _emit([q.summary() for q in qs])
    else:
        from .render import show_list

        show_list(qs, args.lang)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from ..bank import fill, pick
    from ..bank.folders import find

    q = find(args.id, args.banks)
    index, values = pick(q.params, _seed(args, q.id))
    if args.json:
        d = q.summary()
        d["prompt"] = {"zh": fill(q.prompt.zh, values), "en": fill(q.prompt.en, values)}
        d["variables"] = {
            v.name: {"shape": list(v.shape) if v.shape else None, "domain": v.domain} for v in q.variables
        }
        d["variant"] = index
        d["hints"] = {"zh": list(q.hints.zh), "en": list(q.hints.en)}
        _emit(d)
    else:
        from .render import show_question

        show_question(q, args.lang, index, values, hints=args.hints)
    return 0


def _report(result, args: argparse.Namespace) -> int:
    if args.json:
        _emit(result.to_dict())
    else:
        from .render import show_result

        show_result(result, args.lang)
    return result.exit_code


def _limits(args: argparse.Namespace) -> dict:
    out = {}
    if args.timeout is not None:
        out["timeout"] = args.timeout
    if args.memory is not None:
        out["memory_mb"] = args.memory
    return out


def _isolated(fn, args: argparse.Namespace, **kwargs):
    """``fn()`` in this process (``--no-sandbox``) or under the hard limits."""
    if args.no_sandbox:
        return fn()
    from ..isolation import run_isolated

    return run_isolated(fn, **_limits(args), **kwargs)


def _cmd_check(args: argparse.Namespace) -> int:
    from ..bank.folders import find
    from ..grading.pipeline import check

    q = find(args.id, args.banks)
    seed = _seed(args, q.id)
    res = _isolated(lambda: check(q, args.answer, seed=seed), args)
    if not res.question:  # a limit verdict
        res = res.with_(question=q.id, answer=args.answer)
    return _report(res, args)


def _cmd_preview(args: argparse.Namespace) -> int:
    from ..bank.folders import find
    from ..grading.preview import Preview, preview

    q = None if args.id == "-" else find(args.id, args.banks)
    p = _isolated(lambda: preview(args.answer, q, pretty=True), args, decode=Preview.from_dict)
    if not isinstance(p, Preview):  # a limit verdict
        return _report(p, args)
    if args.json:
        _emit(p.to_dict())
    else:
        from .render import show_preview

        show_preview(p, args.lang)
    return p.exit_code


def _cmd_equiv(args: argparse.Namespace) -> int:
    from ..grading.equiv import equiv_texts
    from ..reading.symbols import Symbols

    symbols = Symbols.parse_spec(args.vars)
    return _report(_isolated(lambda: equiv_texts(args.a, args.b, symbols), args), args)


def read_text_file(path: str, limit: int) -> str:
    """A derivation file (``-`` = stdin): at most ``limit`` bytes, read before anything else; a UTF-8
    BOM is ignored; text that is not UTF-8 is invalid input (:class:`InputError` ``not-utf8``)."""
    from pathlib import Path

    from ..errors import InputError, LimitError, UsageError

    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with Path(path).open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise UsageError("cannot-read", path=path, reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise LimitError("file-too-large", limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("not-utf8", offset=exc.start + 1) from None  # bytes counted from 1


def _cmd_derive(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..grading.common import invalid
    from ..reading.limits import DEFAULT

    try:
        text = read_text_file(args.file, DEFAULT.max_file_bytes)
    except InputError as exc:
        return _report(invalid(exc, ""), args)
    if args.question:
        from ..bank.folders import find
        from ..grading.pipeline import check

        q = find(args.question, args.banks)
        seed = _seed(args, q.id)
        run = lambda: check(q, text, seed=seed)  # noqa: E731 - a task for the sandbox
    else:
        from ..grading.derivation import grade_derivation_text
        from ..reading.symbols import Symbols

        symbols = Symbols.parse_spec(args.vars)
        run = lambda: grade_derivation_text(text, symbols)  # noqa: E731
    return _report(_isolated(run, args), args)


def _cmd_grade(args: argparse.Namespace) -> int:
    from collections import Counter
    from pathlib import Path

    from ..batch.gradebook import FORMATS, export, format_for, precheck
    from ..batch.submissions import check_output, grade_file, write_atomic
    from ..batch.summary import class_table
    from ..errors import UsageError
    from ..messages import message
    from .render import progress_bar, safe

    target = args.summary
    if (args.summary_format or args.identify != "student") and not args.summary:
        raise UsageError("gradebook-no-summary")
    book = format_for(args.summary_format, args.summary or "")
    try:
        if args.summary:  # checked before any answer is graded, like the results file
            check_output(Path(args.summary))
        target = args.output
        pairs = grade_file(
            args.submissions,
            args.output,
            fmt=args.format,
            jobs=args.jobs,
            isolation=args.isolation,
            banks=args.banks,
            progress=progress_bar(sys.stderr, args.json),
            precheck=(lambda rows: precheck(rows, book, args.identify)) if args.summary else None,
            **_limits(args),
        )
        target = args.summary
        if args.summary:
            text = export(class_table(pairs), book, args.identify)
            bom = args.bom and FORMATS[book].suffix == ".csv"
            write_atomic(Path(args.summary), text, "utf-8-sig" if bom else "utf-8")
    except OSError as exc:
        raise UsageError("cannot-write", path=str(target), reason=exc.strerror or str(exc)) from None
    counts = Counter(res.verdict.value for _, res in pairs)
    # rows that could not be read, and rows naming no question (mis-cased, mistyped): never silent
    bad = [
        (row, row.problem() if row.error else res.feedback)
        for row, res in pairs
        if row.error or res.note == "unknown-question"
    ]
    lang = "en" if args.lang == "both" else args.lang
    for row, problem in bad:
        sys.stderr.write(f"kb-grade: {safe(args.submissions)}:{row.line}: {safe(problem.get(lang))}\n")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if args.output:
        sys.stderr.write(
            f"kb-grade: {message('graded', rows=len(pairs), summary=summary, path=args.output).get(lang)}\n"
        )
    return 2 if bad else 0  # the malformed rows were reported: invalid input, the rest graded


def _cmd_errata(args: argparse.Namespace) -> int:
    """The machine-checked errata of the source articles; exit 1 if any check fails."""
    from ..errata import report

    data = report()
    if args.document:
        keep = {d["file"] for d in data["documents"] if d["file"].startswith(args.document)}
        if not keep:
            from ..errors import GraderError

            raise GraderError("unknown-document", document=args.document)
        data["documents"] = [d for d in data["documents"] if d["file"] in keep]
        data["errata"] = [e for e in data["errata"] if e["document"] in keep]
    if args.json:
        _emit(data)
    else:
        from .render import show_errata

        show_errata(data, args.lang)
    return 1 if any(e["check"].get("result") == "failed" for e in data["errata"]) else 0


from .authoring import AUTHORING  # noqa: E402 - the commands for writing questions, kept apart for size
from .report import REPORT  # noqa: E402 - what a class got wrong

COMMANDS = {
    **AUTHORING,
    **REPORT,
    "errata": _cmd_errata,
    "grade": _cmd_grade,
    "derive": _cmd_derive,
    "list": _cmd_list,
    "show": _cmd_show,
    "check": _cmd_check,
    "preview": _cmd_preview,
    "equiv": _cmd_equiv,
}
