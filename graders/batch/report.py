"""``kb-grade report RESULTS``: what a class got wrong, per question, from a results file of ``grade``.

For each question (in order of first appearance): how many answers, the share correct, incorrect
(the wrong form included) and invalid (anything else not graded is ``other``); the mean score of the
graded answers (partial credit included; None if none was graded); the answer notes of the
incorrect answers ranked by frequency with their feedback text; and the most common wrong answers.

>>> r = build_report([{"question": "q", "verdict": "correct", "note": "correct", "answer": "1"},
...                   {"question": "q", "verdict": "incorrect", "note": "sign", "answer": "-1",
...                    "feedback": {"zh": "符号", "en": "sign"}}])
>>> q = r["questions"][0]
>>> q["answers"], q["share"]["correct"], q["notes"][0]["note"], q["wrong_answers"]
(2, 0.5, 'sign', [{'answer': '-1', 'count': 1}])
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from ..errors import UsageError
from .summary import SCORED
from .tables import decode

__all__ = ["read_results", "build_report", "TOP"]

#: how many notes and wrong answers a question lists
TOP = 5
_WRONG = ("incorrect", "wrong-form")


def _unneutral(cell: str) -> str:
    """A CSV cell as it was before :func:`graders.batch.submissions.neutral` quoted it."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def read_results(path: Path) -> list[dict]:
    """The records of a results file (JSONL or CSV, as ``grade`` writes them)."""
    try:
        text = decode(path.read_bytes())[0]
    except OSError as exc:
        raise UsageError("cannot-read", path=str(path), reason=exc.strerror or str(exc)) from None
    if path.suffix.lower() == ".csv":
        out = []
        for rec in csv.DictReader(io.StringIO(text, newline="")):
            rec = {k: _unneutral(v or "") for k, v in rec.items() if k is not None}
            rec["feedback"] = {"zh": rec.pop("feedback_zh", ""), "en": rec.pop("feedback_en", "")}
            out.append(rec)
        return out
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError):
            raise UsageError("results-line", path=str(path), line=i) from None
        if not isinstance(rec, dict):
            raise UsageError("results-line", path=str(path), line=i)
        out.append(rec)
    return out


def _score(record: dict) -> float:
    """A graded answer's score (a number in JSONL, text in CSV); 0 if the file holds none."""
    try:
        return float(record.get("score") or 0)
    except (TypeError, ValueError):
        return 0.0


def _question(qid: str, records: list[dict]) -> dict:
    verdicts = Counter(str(r.get("verdict", "")) for r in records)
    n = len(records)
    wrong = [r for r in records if r.get("verdict") in _WRONG]
    counts = {
        "correct": verdicts["correct"],
        "incorrect": sum(verdicts[v] for v in _WRONG),
        "invalid": verdicts["invalid"],
    }
    counts["other"] = n - sum(counts.values())
    notes = Counter(str(r.get("note") or "") for r in wrong)
    feedback = {}
    for r in wrong:
        fb = r.get("feedback") if isinstance(r.get("feedback"), dict) else {}
        feedback.setdefault(str(r.get("note") or ""), {"zh": str(fb.get("zh", "")), "en": str(fb.get("en", ""))})
    answers = Counter(str(r.get("answer", "")).strip() for r in wrong)
    scores = [_score(r) for r in records if r.get("verdict") in SCORED]
    return {
        "id": qid,
        "answers": n,
        "counts": counts,
        "share": {k: round(v / n, 4) if n else 0.0 for k, v in counts.items()},
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
        "notes": [{"note": k, "count": c, "feedback": feedback[k]} for k, c in notes.most_common(TOP)],
        "wrong_answers": [{"answer": a, "count": c} for a, c in answers.most_common(TOP)],
    }


def build_report(records: list[dict]) -> dict:
    """The report of a class: ``{"answers": n, "questions": [...]}`` (see the module's description)."""
    by_question: dict[str, list[dict]] = {}
    for r in records:
        if r.get("note") in ("bad-row", "unknown-question"):
            continue  # rows that were never an answer to a question
        by_question.setdefault(str(r.get("question", "")), []).append(r)
    return {
        "answers": sum(len(v) for v in by_question.values()),
        "questions": [_question(q, rs) for q, rs in by_question.items()],
    }
