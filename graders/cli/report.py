"""``kb-grade report RESULTS [--json] [--html FILE]``: what a class got wrong, from a results file of
``kb-grade grade`` (:mod:`graders.batch.report`). Text on a terminal, the same as JSON with ``--json``,
and ``--html`` also writes a self-contained page with bar charts (written atomically)."""

from __future__ import annotations

import argparse
import sys

__all__ = ["REPORT", "report_text"]


def report_text(report: dict, lang: str) -> str:
    """The report for a terminal, in ``lang`` (zh, en or both)."""
    from ..messages import label
    from ..result import Text

    lines = [f"{report['answers']} {label('report-answers', lang)}"]
    for q in report["questions"]:
        shares = ", ".join(
            f"{label(k, lang)} {q['counts'][k]} ({100 * q['share'][k]:.0f}%)"
            for k in ("correct", "incorrect", "invalid", "other")
            if k != "other" or q["counts"][k]
        )
        lines += ["", f"{q['id']} ({q['answers']}): {shares}"]
        if q.get("mean_score") is not None:
            lines.append(f"  {label('report-score', lang)}: {q['mean_score']:g}")
        if q["notes"]:
            lines.append(f"  {label('report-notes', lang)}:")
            for n in q["notes"]:
                text = Text(n["feedback"]["zh"], n["feedback"]["en"]).get(lang).replace("\n", " / ")
                lines.append(f"    {n['count']:>4}  {n['note']}  {text}".rstrip())
        if q["wrong_answers"]:
            lines.append(f"  {label('report-wrong', lang)}:")
            lines += [f"    {a['count']:>4}  {a['answer']}" for a in q["wrong_answers"]]
    return "\n".join(lines) + "\n"


def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..batch.report import build_report, read_results
    from ..batch.report_html import report_html
    from ..batch.submissions import check_output, write_atomic
    from ..errors import UsageError
    from .render import emit_json, safe

    try:
        if args.html:
            check_output(Path(args.html))
        report = build_report(read_results(Path(args.results)))
        if args.html:
            write_atomic(Path(args.html), report_html(report))
    except OSError as exc:
        raise UsageError("cannot-write", path=str(args.html), reason=exc.strerror or str(exc)) from None
    if args.json:
        emit_json(report)
    else:
        sys.stdout.write(safe(report_text(report, args.lang)))
    return 0


REPORT = {"report": _cmd_report}
