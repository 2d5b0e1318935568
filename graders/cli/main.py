"""``kb-grade``: the command line.

Exit codes (README "Exit codes"): 0 correct/equivalent, 1 incorrect or wrong form, 2 invalid input,
3 undetermined, timed out or too large, 4 the grader failed, 64 usage (also ``--help`` on a command
that expected an answer), 141 the output pipe was closed. ``main(argv)`` returns the code (tests call
it in-process). SymPy is imported only by commands that need it, so ``--version``, ``list``,
``show`` and most checks start fast.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import __version__
from ..errors import GraderError, QuestionError
from ..result import EXIT_CODES, EXIT_USAGE, Verdict

__all__ = ["main", "build_parser", "protect_answers", "EXIT_PIPE"]

EXIT_PIPE = 141
EXIT_INVALID = EXIT_CODES[Verdict.INVALID]
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
#: commands that expect an answer: ``--help`` there is not a verdict, so it does not exit 0
_ANSWERING = ("check", "preview", "equiv", "derive")
_BANK_HELP = "also read questions from this folder (repeatable; also KB_GRADE_BANKS, separated by os.pathsep)"
#: commands that read questions: the teacher's folders are loaded first, so a bad file stops them before any work
_READING_QUESTIONS = ("list", "show", "check", "preview", "derive", "grade")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--lang", choices=["zh", "en", "both"], default=argparse.SUPPRESS, help="feedback language")
    common.add_argument("--bank", action="append", default=argparse.SUPPRESS, metavar="DIR", help=_BANK_HELP)

    p = argparse.ArgumentParser(
        prog="kb-grade", description="Grade deep-learning maths answers safely (SymPy, no eval)."
    )
    p.add_argument("--version", action="version", version=f"kb-grade {__version__}")
    p.add_argument("--json", action="store_true", default=False, help="machine-readable output")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both", help="feedback language")
    p.add_argument("--bank", action="append", default=[], dest="bank_top", metavar="DIR", help=_BANK_HELP)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    sub.add_parser("list", parents=[common], help="list questions")
    s = sub.add_parser("show", parents=[common], help="show a question")
    s.add_argument("id")
    s.add_argument("--hints", action="store_true", help="also print the question's hints")
    _variant_args(s)

    c = sub.add_parser("check", parents=[common], help="grade an answer to a question")
    c.add_argument("id")
    c.add_argument("answer")
    _variant_args(c)
    _limit_args(c)

    v = sub.add_parser("preview", parents=[common], help="show how an answer is read (no grading)")
    v.add_argument("id", help="question id, or '-' for no question")
    v.add_argument("answer")
    _limit_args(v)

    e = sub.add_parser("equiv", parents=[common], help="are two expressions equivalent?")
    e.add_argument("a")
    e.add_argument("b")
    e.add_argument("--vars", default="", help="e.g. 'W=3x4,x=4x1,theta=positive'")
    _limit_args(e)

    d = sub.add_parser("derive", parents=[common], help="check a derivation, one step per line ('-' = stdin)")
    d.add_argument("file")
    d.add_argument(
        "--question", help="check the first line against the question's start and the last against its answer"
    )
    d.add_argument("--vars", default="", help="e.g. 'theta=positive' (without --question)")
    _variant_args(d)
    _limit_args(d)

    g = sub.add_parser("grade", parents=[common], help="grade a submissions file (JSONL, YAML or CSV)")
    g.add_argument("submissions")
    g.add_argument("-o", "--output", help="results file (.jsonl or .csv); default: JSONL on stdout")
    g.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from --output)")
    g.add_argument("--jobs", type=int, default=None, help="parallel checks (default and maximum: the cores)")
    g.add_argument("--timeout", type=float, default=None, help="CPU-time limit per answer (s)")
    g.add_argument("--memory", type=int, default=None, help="memory limit per answer (MB)")
    g.add_argument(
        "--isolation",
        choices=["pool", "process"],
        default="pool",
        help="pool: rlimited workers replaced on any limit hit (fast); process: a fresh process per answer",
    )
    g.add_argument(
        "--summary", metavar="FILE.csv", help="also write one row per student: a score per question, total, percent"
    )
    g.add_argument(
        "--bom", action="store_true", help="start the summary with a UTF-8 BOM (Excel then reads Chinese names)"
    )
    g.add_argument(
        "--summary-format",
        choices=["csv", "canvas", "moodle", "gradescope"],
        default=None,
        help="the summary for a gradebook: csv (kb-grade's own), canvas, moodle, gradescope (results.json, "
        "one student); default: gradescope for a .json file, else csv",
    )
    g.add_argument(
        "--identify",
        choices=["student", "email"],
        default="student",
        help="what the gradebook matches students by: the student id, or the email column (canvas, moodle)",
    )
    n = sub.add_parser("new", parents=[common], help="write a commented question template (ID.yaml)")
    n.add_argument("id")
    n.add_argument("--kind", required=True, help="numeric | symbolic | matrix | derivation")
    n.add_argument("-o", "--output", help="the file to write (default: ID.yaml here); never overwritten")
    t = sub.add_parser("validate", parents=[common], help="check question files and run their self-tests")
    t.add_argument("paths", nargs="*", metavar="DIR", help="folders or files (and the --bank folders)")
    rp = sub.add_parser("report", parents=[common], help="what a class got wrong, from a results file of grade")
    rp.add_argument("results", help="results.jsonl or results.csv, as grade writes them")
    rp.add_argument("--html", metavar="FILE.html", help="also write a self-contained page with bar charts")
    r = sub.add_parser("errata", parents=[common], help="the machine-checked errata of the source articles")
    r.add_argument("--document", help="only this article (file name or its prefix, e.g. 000)")
    return p


def _variant_args(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--seed", type=int, help="pick a variant deterministically")
    g.add_argument("--student", help="student id: picks that student's variant")


def _limit_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=None, help="CPU-time limit per check (s)")
    p.add_argument("--memory", type=int, default=None, help="memory limit per check (MB)")
    p.add_argument("--no-sandbox", action="store_true", help="check in this process (no hard limits)")


def _options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """(options that take a value, flags) of one parser, read from its own actions."""
    valued, flags = set(), set()
    for action in parser._actions:  # argparse has no public accessor for a parser's options
        for opt in action.option_strings:
            (flags if action.nargs == 0 else valued).add(opt)
    return valued, flags


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def protect_answers(argv: list[str], parser: argparse.ArgumentParser | None = None) -> list[str]:
    """Let answers start with ``-`` (``check q -ln(0.6)``): options (``--opt value``, ``--opt=value``,
    flags) move before the positionals, which follow a ``--``. The option sets come from the parser."""
    parser = parser or build_parser()
    top_valued, _ = _options(parser)
    commands = _subparsers(parser)
    head, i = [], 0
    while i < len(argv) and argv[i] not in commands:
        tok = argv[i]
        head.append(tok)
        i += 1
        if tok in top_valued and i < len(argv):  # "--lang zh" before the command
            head.append(argv[i])
            i += 1
    if i >= len(argv):
        return argv
    command, rest = argv[i], argv[i + 1 :]
    valued, flags = _options(commands[command])
    opts, positional, j = [], [], 0
    while j < len(rest):
        tok = rest[j]
        if tok == "--":
            positional += rest[j + 1 :]
            break
        name = tok.split("=", 1)[0]
        if name in valued and "=" in tok:
            opts.append(tok)
        elif name in valued and j + 1 < len(rest):
            opts += rest[j : j + 2]
            j += 1
        elif tok in flags:
            opts.append(tok)
        else:
            positional.append(tok)
        j += 1
    return [*head, command, *opts, *(["--", *positional] if positional else [])]


def main(argv: list[str] | None = None) -> int:
    """Run kb-grade with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    raw = list(sys.argv[1:] if argv is None else argv)
    argv = protect_answers(raw, parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors, --help, --version
        code = int(exc.code or 0)
        answering = any(c in raw for c in _ANSWERING)
        return EXIT_USAGE if code != 0 or answering else 0
    try:
        from .commands import COMMANDS

        _banks(args)
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        return _closed_pipe()
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback
        _report_error(GraderError("interrupted"), args)
        return EXIT_INTERRUPTED
    except GraderError as exc:
        code = _report_error(exc, args)
        return EXIT_INTERRUPTED if exc.code == "interrupted-grading" else code


def _banks(args: argparse.Namespace) -> None:
    """``args.banks``: the teacher's folders (``KB_GRADE_BANKS``, then ``--bank``), loaded once if any."""
    from ..bank.folders import folders_from, load_banks

    args.banks = folders_from([*args.bank_top, *getattr(args, "bank", [])])
    if args.banks and args.command in _READING_QUESTIONS:
        load_banks(args.banks)


def _report_error(exc: GraderError, args) -> int:
    from ..messages import message
    from .render import safe

    text = message(exc.code, **exc.params)
    if args.json:
        error = {"error": exc.code, "message": {"zh": text.zh, "en": text.en}}
        error.update({k: str(v) for k, v in exc.params.items()})
        sys.stdout.write(safe(json.dumps(error, ensure_ascii=False)) + "\n")
    else:
        sys.stderr.write(f"kb-grade: {safe(text.get(args.lang))}\n")
    # a question file or folder that cannot be used is invalid input; an unknown id is a usage error
    return EXIT_INVALID if isinstance(exc, QuestionError) and exc.code != "unknown-question" else EXIT_USAGE


def _closed_pipe() -> int:
    """The reader went away: say nothing more (later flushes would fail again) and exit 141."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE


if __name__ == "__main__":
    sys.exit(main())
