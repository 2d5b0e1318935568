"""``python -m sitebuild.typography``: fix the zh sources, or check a built site.

    python -m sitebuild.typography --fix            # rewrite docs/zh, bank and errata zh texts
    python -m sitebuild.typography --fix FILE ...   # only these files
    python -m sitebuild.typography --check site/    # report the zh pages' typography (exit 1)

Run ``--fix`` again after merging anything that adds zh text: it is idempotent. What it
cannot decide (an unpaired quote, a missing space next to markup) goes to stderr as "left
for a human".
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sitebuild.typography.check import check_site, fix_file, fix_sources, source_files, unresolved_in


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.typography", description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--fix", nargs="*", metavar="FILE", help="fix these files (default: all zh sources)")
    mode.add_argument("--check", metavar="SITE", help="check the zh pages of a built site")
    args = parser.parse_args(argv)
    if args.check is not None:
        findings = check_site(Path(args.check))
        for f in findings:
            print(f)
        counts = Counter(f.finding.rule for f in findings)
        print(f"{len(findings)} finding(s) {dict(counts)}", file=sys.stderr)
        return 1 if findings else 0
    if args.fix:
        paths = [Path(p) for p in args.fix]
        changed = {p: found for p in paths if (found := fix_file(p))}
    else:
        paths = source_files(Path.cwd())
        changed = fix_sources(Path.cwd())
    for path, found in changed.items():
        print(f"{path}: {len(found)} fix(es) {dict(Counter(f.rule for f in found))}")
    for path in paths:
        for f in unresolved_in(path):
            print(f"{path}: left for a human: {f.rule}: {f.context}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
