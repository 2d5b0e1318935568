"""``kb docs``: execute the docs snippets outside a site build, or list which are stale.

``kb docs run`` fills the same cache the site build reads (a GPU CI job runs it with
``KB_PROFILE=full`` before ``mkdocs build``); ``kb docs status`` explains, per
snippet, why it would re-execute. Both take the snippet folder, the cache folder, the
profile and the cell timeout from the ``kb-run`` entry of the nearest ``mkdocs.yml``
(:mod:`sitebuild.config`), so ``KB_CACHE_DIR`` and friends move them for the build and for
these commands alike; ``--profile`` and ``--cell-timeout`` override.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitebuild.snippets.runner import Runner

__all__ = ["register"]


def _runner(args: argparse.Namespace) -> Runner:
    from mkdocs.exceptions import ConfigurationError

    from kb.profiles import ProfileError, get_profile
    from sitebuild.config import find_config_file, load_run_settings
    from sitebuild.snippets.runner import Runner

    try:
        settings = load_run_settings(find_config_file(Path.cwd()))
        overrides = {"profile": args.profile, "cell_timeout": args.cell_timeout}
        settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
        get_profile(settings.profile)
    except (ConfigurationError, ProfileError) as exc:
        raise SystemExit(f"kb docs: {exc}") from None
    return Runner.from_settings(settings, force=getattr(args, "force", False), log=lambda m: print(m, file=sys.stderr))


def _names(runner, requested: list[str]) -> list[str]:
    if requested:
        return requested
    return sorted(p.relative_to(runner.snippets_dir).as_posix() for p in runner.snippets_dir.rglob("*.py"))


def _run(args: argparse.Namespace) -> int:
    from sitebuild.snippets.errors import SnippetError, SnippetNotFound

    runner = _runner(args)
    try:
        for name in _names(runner, args.snippets):
            try:
                runner.get(name, "kb docs run")
            except (SnippetError, SnippetNotFound) as exc:
                print(f"kb docs: {exc}", file=sys.stderr)
                return 1
    finally:
        runner.close()
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
    common.add_argument("snippets", nargs="*", help="snippet paths relative to the snippet folder (default: all)")
    common.add_argument(
        "--profile", help="quick or full (default: kb-run's profile in mkdocs.yml, i.e. $KB_PROFILE or quick)"
    )
    common.add_argument(
        "--cell-timeout", type=float, help="seconds per cell (default: kb-run's cell_timeout in mkdocs.yml)"
    )
    run = docs_sub.add_parser("run", parents=[common], help="execute stale snippets into the cache")
    run.add_argument("--force", action="store_true", help="execute even when the cache is fresh")
    run.set_defaults(handler=_run)
    status = docs_sub.add_parser("status", parents=[common], help="show which snippets are stale and why")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
