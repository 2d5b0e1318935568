"""The kb-grade subcommands. Each takes the parsed arguments and returns an exit code;
imports are local so that a command loads only what it needs (no SymPy for
``list``/``show`` or numeric checks)."""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["COMMANDS"]


def _seed(args: argparse.Namespace, qid: str) -> int | None:
    if getattr(args, "student", None):
        from .variants import seed_for

        return seed_for(args.student, qid)
    return getattr(args, "seed", None)


def _emit_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=None) + "\n")


def _cmd_list(args: argparse.Namespace) -> int:
    from .questions import load_all

    qs = list(load_all().values())
    if args.json:
        _emit_json([q.summary() for q in qs])
    else:
        from .render import show_list

        show_list(qs, args.lang)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from .questions import load
    from .variants import pick

    q = load(args.id)
    index, values = pick(q.params, _seed(args, q.id))
    if args.json:
        from .variants import fill

        d = q.summary()
        d["prompt"] = {"zh": fill(q.prompt.zh, values), "en": fill(q.prompt.en, values)}
        d["variables"] = {v.name: {"shape": list(v.shape) if v.shape else None, "domain": v.domain} for v in q.variables}
        d["variant"] = index
        d["hints"] = {"zh": list(q.hints.zh), "en": list(q.hints.en)}
        _emit_json(d)
    else:
        from .render import show_question

        show_question(q, args.lang, index, values, hints=args.hints)
    return 0


def _report(result, args: argparse.Namespace) -> int:
    if args.json:
        _emit_json(result.to_dict())
    else:
        from .render import show_result

        show_result(result, args.lang)
    return result.exit_code


def _cmd_check(args: argparse.Namespace) -> int:
    from .questions import load

    q = load(args.id)
    seed = _seed(args, q.id)
    if args.no_sandbox:
        from .grade import check

        return _report(check(q, args.answer, seed=seed), args)
    from .sandbox import check_isolated

    return _report(check_isolated(q, args.answer, seed=seed, **_limits(args)), args)


def _limits(args: argparse.Namespace) -> dict:
    out = {}
    if args.timeout is not None:
        out["timeout"] = args.timeout
    if args.memory is not None:
        out["memory_mb"] = args.memory
    return out


def _cmd_preview(args: argparse.Namespace) -> int:
    from .preview import Preview, preview
    from .questions import load

    q = None if args.id == "-" else load(args.id)
    seed = _seed(args, q.id) if q else None
    if args.no_sandbox:
        p = preview(args.answer, q, seed=seed)
    else:
        from .sandbox import run_isolated

        p = run_isolated(lambda: preview(args.answer, q, seed=seed), decode=Preview.from_dict, **_limits(args))
        if not isinstance(p, Preview):  # a limit verdict
            return _report(p, args)
    if args.json:
        _emit_json(p.to_dict())
    else:
        from .render import show_preview

        show_preview(p, args.lang)
    return p.exit_code


def _cmd_equiv(args: argparse.Namespace) -> int:
    from .equiv import equiv_texts, parse_vars

    env = parse_vars(args.vars)
    if args.no_sandbox:
        return _report(equiv_texts(args.a, args.b, env), args)
    from .sandbox import run_isolated

    return _report(run_isolated(lambda: equiv_texts(args.a, args.b, env), **_limits(args)), args)


def _cmd_derive(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .errors import UsageError

    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError("usage", detail=f"cannot read {args.file}: {exc}") from None
    if args.question:
        from .questions import load

        q = load(args.question)
        seed = _seed(args, q.id)

        def run():
            from .grade import check

            return check(q, text, seed=seed)
    else:
        from .equiv import parse_vars

        env = parse_vars(args.vars)

        def run():
            from .derive import grade_derivation_text

            return grade_derivation_text(text, env)
    if args.no_sandbox:
        return _report(run(), args)
    from .sandbox import run_isolated

    return _report(run_isolated(run, **_limits(args)), args)


def _cmd_grade(args: argparse.Namespace) -> int:
    from collections import Counter

    from .batch import grade_file

    from .errors import UsageError

    try:
        pairs = grade_file(args.submissions, args.output, fmt=args.format, jobs=args.jobs, isolation=args.isolation,
                           **_limits(args))
    except OSError as exc:
        raise UsageError("usage", detail=f"cannot write {args.output}: {exc}") from None
    counts = Counter(res.verdict.value for _, res in pairs)
    bad = [row for row, _ in pairs if row.error]
    for row in bad:
        sys.stderr.write(f"kb-grade: {args.submissions}:{row.line}: {row.error}\n")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if args.output:
        sys.stderr.write(f"kb-grade: graded {len(pairs)} rows ({summary}) -> {args.output}\n")
    return 2 if bad else 0


def _cmd_errata(args: argparse.Namespace) -> int:
    """The machine-checked errata of the source articles; exit 1 if any check fails."""
    from .errata import report

    data = report()
    if args.document:
        keep = {d["file"] for d in data["documents"] if d["file"].startswith(args.document)}
        if not keep:
            from .errors import GraderError

            raise GraderError("unknown-document", document=args.document)
        data["documents"] = [d for d in data["documents"] if d["file"] in keep]
        data["errata"] = [e for e in data["errata"] if e["document"] in keep]
    if args.json:
        _emit_json(data)
    else:
        from .render import show_errata

        show_errata(data, args.lang)
    return 1 if any(e["check"].get("result") == "failed" for e in data["errata"]) else 0


COMMANDS = {"errata": _cmd_errata, "grade": _cmd_grade, "derive": _cmd_derive, "list": _cmd_list, "show": _cmd_show, "check": _cmd_check, "preview": _cmd_preview, "equiv": _cmd_equiv}
