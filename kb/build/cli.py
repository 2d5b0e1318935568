"""``kb docs``: execute the docs snippets outside a site build, or list which are stale.

``kb docs run`` fills the same cache the site build reads (a GPU CI job runs it with
``KB_PROFILE=full`` before ``mkdocs build``); ``kb docs status`` explains, per
snippet, why it would re-execute.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

__all__ = ["register"]


def _project_root() -> Path:
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit("kb docs: no mkdocs.yml here or in a parent folder")


def _runner(args: argparse.Namespace):
    from kb.build.runner import Runner
    from kb.profiles import ProfileError, get_profile

    try:
        get_profile(args.profile)
    except ProfileError as exc:
        raise SystemExit(f"kb docs: {exc}") from None
    root = _project_root()
    return Runner(
        root / "docs" / "snippets",
        root / ".cache" / "kb-run",
        root,
        profile=args.profile,
        cell_timeout=args.cell_timeout,
        force=getattr(args, "force", False),
        log=lambda m: print(m, file=sys.stderr),
    )


def _names(runner, requested: list[str]) -> list[str]:
    if requested:
        return requested
    return sorted(p.relative_to(runner.snippets_dir).as_posix() for p in runner.snippets_dir.rglob("*.py"))


def _run(args: argparse.Namespace) -> int:
    from kb.build.errors import SnippetError, SnippetNotFound

    runner = _runner(args)
    for name in _names(runner, args.snippets):
        try:
            runner.get(name, "kb docs run")
        except (SnippetError, SnippetNotFound) as exc:
            print(f"kb docs: {exc}", file=sys.stderr)
            return 1
    print(f"{len(runner.executed)} executed, {len(runner.reused)} fresh in cache")
    return 0


def _status(args: argparse.Namespace) -> int:
    runner = _runner(args)
    rows = []
    for name in _names(runner, args.snippets):
        reason = runner.status(name)
        rows.append({"snippet": name, "fresh": reason is None, "reason": reason or ""})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{'fresh' if row['fresh'] else 'stale':5}  {row['snippet']}  {row['reason']}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    docs = sub.add_parser("docs", help="execute and inspect the docs snippets")
    docs_sub = docs.add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("snippets", nargs="*", help="snippet paths relative to docs/snippets (default: all)")
    common.add_argument("--profile", default=os.environ.get("KB_PROFILE", "quick"), help="quick or full")
    common.add_argument("--cell-timeout", type=float, default=300.0, help="seconds per cell")
    run = docs_sub.add_parser("run", parents=[common], help="execute stale snippets into the cache")
    run.add_argument("--force", action="store_true", help="execute even when the cache is fresh")
    run.set_defaults(handler=_run)
    status = docs_sub.add_parser("status", parents=[common], help="show which snippets are stale and why")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
