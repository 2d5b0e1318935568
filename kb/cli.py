"""The ``kb`` command: build and training tools.

Sub-commands are registered by small modules so that each imports its heavy
dependencies (torch, Lightning, nbclient) only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kb import __version__

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="foundation-kb: executable knowledge base tools")
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from kb.build import cli as docs_cli

    docs_cli.register(sub)
    try:
        from kb import train_cli
    except ImportError:  # pragma: no cover - only while the module is absent
        train_cli = None
    if train_cli is not None:
        train_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    return int(args.handler(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
