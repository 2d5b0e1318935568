"""``kb-grade``: the command line. Exit codes: 0 correct/equivalent, 1 incorrect/not
equivalent, 2 invalid input or usage, 3 undetermined, timed out or too large.

``main(argv)`` returns the exit code (tests call it in-process). SymPy is imported
only by commands that grade, so ``--version``, ``list`` and ``show`` start fast.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .errors import GraderError

__all__ = ["main", "build_parser"]

_OPTIONS_WITH_VALUE = {"--document", "--lang", "--seed", "--student", "--question", "-o", "--output", "--format", "--jobs",
                       "--timeout", "--memory", "--vars", "--isolation"}
_FLAGS = {"--hints", "--json", "--no-sandbox", "-h", "--help", "--version"}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--lang", choices=["zh", "en", "both"], default=argparse.SUPPRESS, help="feedback language")

    p = argparse.ArgumentParser(prog="kb-grade", description="Grade deep-learning maths answers safely (SymPy, no eval).")
    p.add_argument("--version", action="version", version=f"kb-grade {__version__}")
    p.add_argument("--json", action="store_true", default=False, help="machine-readable output")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both", help="feedback language")
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
    _variant_args(v)
    _limit_args(v)

    e = sub.add_parser("equiv", parents=[common], help="are two expressions equivalent?")
    e.add_argument("a")
    e.add_argument("b")
    e.add_argument("--vars", default="", help="e.g. 'W=3x4,x=4x1,theta=positive'")
    _limit_args(e)

    d = sub.add_parser("derive", parents=[common], help="check a derivation, one step per line ('-' = stdin)")
    d.add_argument("file")
    d.add_argument("--question", help="check the first line against the question's start and the last against its answer")
    d.add_argument("--vars", default="", help="e.g. 'theta=positive' (without --question)")
    _variant_args(d)
    _limit_args(d)

    g = sub.add_parser("grade", parents=[common], help="grade a submissions file (JSONL, YAML or CSV)")
    g.add_argument("submissions")
    g.add_argument("-o", "--output", help="results file (.jsonl or .csv); default: JSONL on stdout")
    g.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from --output)")
    g.add_argument("--jobs", type=int, default=None, help="parallel checks (default: all cores)")
    g.add_argument("--timeout", type=float, default=None, help="hard wall-clock limit per answer (s)")
    g.add_argument("--memory", type=int, default=None, help="memory limit per answer (MB)")
    g.add_argument("--isolation", choices=["pool", "process"], default="pool",
                   help="pool: rlimited workers replaced on any limit hit (fast); process: a fresh process per answer")
    r = sub.add_parser("errata", parents=[common], help="the machine-checked errata of the source articles")
    r.add_argument("--document", help="only this article (file name or its prefix, e.g. 000)")
    return p


def _variant_args(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--seed", type=int, help="pick a variant deterministically")
    g.add_argument("--student", help="student id: picks that student's variant")


def _limit_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=None, help="hard wall-clock limit per check (s)")
    p.add_argument("--memory", type=int, default=None, help="memory limit per check (MB)")
    p.add_argument("--no-sandbox", action="store_true", help="check in this process (no hard limits)")


def protect_answers(argv: list[str]) -> list[str]:
    """Let answers start with '-' (``check q -ln(0.6)``): move options before them and add ``--``."""
    if "--" in argv:
        return argv
    for i, tok in enumerate(argv):
        if tok.startswith("-") and tok not in _FLAGS and tok.split("=")[0] not in _OPTIONS_WITH_VALUE and i > 0:
            prev = argv[i - 1]
            if prev in _OPTIONS_WITH_VALUE:
                continue
            head, rest = argv[:i], argv[i:]
            opts, positional, j = [], [], 0
            while j < len(rest):
                if rest[j] in _FLAGS:
                    opts.append(rest[j])
                elif rest[j] in _OPTIONS_WITH_VALUE and j + 1 < len(rest):
                    opts += rest[j : j + 2]
                    j += 1
                else:
                    positional.append(rest[j])
                j += 1
            return head + opts + ["--"] + positional
    return argv


def main(argv: list[str] | None = None) -> int:
    """Run kb-grade with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = protect_answers(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors exit 2, --help/--version exit 0
        return int(exc.code or 0)
    try:
        from .commands import COMMANDS

        return COMMANDS[args.command](args)
    except GraderError as exc:
        from .messages import message

        text = message(exc.code, **exc.params)
        if args.json:
            error = {"error": exc.code, "message": {"zh": text.zh, "en": text.en}}
            error.update({k: str(v) for k, v in exc.params.items()})
            sys.stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
        else:
            sys.stderr.write(f"kb-grade: {text.get(args.lang)}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
