"""The commands for writing questions: ``kb-grade new`` (a commented template) and ``kb-grade validate``
(schema and self-tests of question files, each problem with its file and line).

``validate`` exits 0 when every file is valid and every self-test passes, 1 on any problem, and 2 when
a folder is missing (through :func:`graders.cli.main`'s error report, like every bank error).
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["AUTHORING", "problem_record"]


def _lang(args: argparse.Namespace) -> str:
    return "en" if args.lang == "both" else args.lang


def problem_record(problem) -> dict:
    """One problem as ``validate --json`` prints it: file, line, code, message and the parameters."""
    from ..messages import message

    text = message(problem.code, **problem.params)
    return {
        "path": problem.path,
        "line": problem.line,
        "code": problem.code,
        "message": {"zh": text.zh, "en": text.en},
        **{k: v for k, v in problem.params.items() if k not in ("path", "line")},
    }


def _cmd_validate(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..messages import message
    from .render import emit_json, safe
    from .validate import validate_paths

    targets = [*args.paths, *args.banks]  # the folders named and the teacher's --bank folders
    if not targets:
        raise UsageError("validate-nothing")
    report = validate_paths(targets)
    summary = message(
        "validated", files=report.files, questions=report.questions, tests=report.tests, problems=len(report.problems)
    )
    if args.json:
        emit_json(
            {
                "files": report.files,
                "questions": report.questions,
                "tests": report.tests,
                "problems": [problem_record(p) for p in report.problems],
                "message": {"zh": summary.zh, "en": summary.en},
            }
        )
    else:
        for p in report.problems:
            where = f"{p.path}:{p.line}" if p.line else p.path
            text = message(p.code, **p.params).get(args.lang).replace("\n", f"\n{where}: ")
            sys.stdout.write(safe(f"{where}: {text}") + "\n")
        sys.stdout.write(safe(summary.get(args.lang)) + "\n")
    return 1 if report.problems else 0


def _cmd_new(args: argparse.Namespace) -> int:
    from ..bank.template import write_template
    from ..messages import message
    from .render import emit_json, safe

    path = write_template(args.kind, args.id, args.output)
    text = message("new-written", path=str(path))
    if args.json:
        emit_json({"path": str(path), "id": args.id, "kind": args.kind, "message": {"zh": text.zh, "en": text.en}})
    else:
        sys.stderr.write(f"kb-grade: {safe(text.get(_lang(args)))}\n")
    return 0


AUTHORING = {"new": _cmd_new, "validate": _cmd_validate}
