"""The ``kb`` command: train the models, and run the docs snippets.

``kb train`` and ``kb list`` live in :mod:`kb.train_cli`; ``kb docs`` belongs to the site
machinery and is dispatched to :mod:`sitebuild.cli`. Each sub-command imports its heavy
dependencies (torch, Lightning, nbclient) only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kb import __version__, train_cli

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="foundation-kb: executable knowledge base tools")
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from sitebuild import cli as docs_cli  # the site machinery; kb itself never needs it

    docs_cli.register(sub)
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
