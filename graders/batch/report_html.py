"""The class report as one self-contained HTML page: inline CSS bar charts, no script, no external
request, so it opens from disk anywhere. Every text from the results is escaped.

>>> page = report_html({"answers": 1, "questions": [{"id": "q<1>", "answers": 1,
...     "counts": {"correct": 1, "incorrect": 0, "invalid": 0, "other": 0},
...     "share": {"correct": 1.0, "incorrect": 0.0, "invalid": 0.0, "other": 0.0},
...     "notes": [], "wrong_answers": []}]})
>>> "q&lt;1&gt;" in page and "http" not in page.replace("http-equiv", "")
True
"""

from __future__ import annotations

from html import escape

from ..messages import label

__all__ = ["report_html"]

_COLOURS = {"correct": "#2e7d32", "incorrect": "#c62828", "invalid": "#f9a825", "other": "#6a1b9a"}
_STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;font-size:1.1rem}.bar{display:flex;height:1.4rem;border-radius:3px;overflow:hidden;
background:#eee}.bar span{display:block;height:100%}.legend span{margin-right:1rem}.rank{display:flex;
align-items:center;gap:.5rem;margin:.2rem 0}.rank .fill{background:#c62828;height:.8rem}.rank code{
min-width:10rem}small{color:#555}"""


def _bar(q: dict) -> str:
    parts = "".join(
        f'<span style="width:{100 * q["share"][k]:.2f}%;background:{c}" title="{k}"></span>'
        for k, c in _COLOURS.items()
        if q["counts"][k]
    )
    legend = " ".join(
        f'<span style="color:{c}">■ {escape(label(k, "both"))}: {q["counts"][k]} ({100 * q["share"][k]:.0f}%)</span>'
        for k, c in _COLOURS.items()
        if k != "other" or q["counts"][k]
    )
    return f'<div class="bar">{parts}</div><p class="legend">{legend}</p>'


def _ranked(items: list[dict], key: str, total: int, detail=None) -> str:
    rows = []
    for it in items:
        width = 100 * it["count"] / total if total else 0
        extra = f" <small>{escape(detail(it))}</small>" if detail else ""
        rows.append(
            f'<div class="rank"><code>{escape(str(it[key]))}</code><div class="fill" '
            f'style="width:{width:.1f}%"></div><b>{it["count"]}</b>{extra}</div>'
        )
    return "".join(rows)


def report_html(report: dict) -> str:
    """The page: per question, the shares as a bar, the notes and the wrong answers ranked."""
    body = [f"<h1>kb-grade report</h1><p>{report['answers']} {escape(label('report-answers', 'both'))}</p>"]
    for q in report["questions"]:
        wrong = q["counts"]["incorrect"]
        body.append(f"<h2>{escape(q['id'])} <small>({q['answers']})</small></h2>{_bar(q)}")
        if q.get("mean_score") is not None:
            body.append(f"<p>{escape(label('report-score', 'both'))}: {q['mean_score']:g}</p>")
        if q["notes"]:
            body.append(
                f"<h3>{escape(label('report-notes', 'both'))}</h3>"
                + _ranked(q["notes"], "note", wrong, lambda n: n["feedback"]["zh"] + " / " + n["feedback"]["en"])
            )
        if q["wrong_answers"]:
            body.append(
                f"<h3>{escape(label('report-wrong', 'both'))}</h3>" + _ranked(q["wrong_answers"], "answer", wrong)
            )
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>kb-grade report</title><style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )
