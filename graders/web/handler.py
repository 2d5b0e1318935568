"""JSON requests in, JSON responses out: what the exercise pages ask the grader.

``{"op": "question", "id": …, "seed": …}`` — a question as a reader sees it for one variant;
``{"op": "preview", "id": …, "answer": …}`` — how an answer is read (as the reader types);
``{"op": "check", "id": …, "answer": …, "seed": …}`` — the verdict, exactly as ``kb-grade check``;
``{"op": "selftests"}`` — every question's self-tests (the browser tests compare them with the CLI).
A failure becomes ``{"error": code, "message": {zh, en}}``; nothing raises out of :func:`handle`.

>>> handle({"op": "check", "id": "mse-house-prices", "answer": "300/3"})["verdict"]
'correct'
>>> handle({"op": "nope"})["error"]
'unknown-op'
"""

from __future__ import annotations

import shlex

from ..bank import fill, load, load_all, pick, variant_count
from ..errors import GraderError
from ..messages import message
from ..reading import read
from ..reading.printer import to_latex

__all__ = ["handle", "OPS"]


def _question(req: dict) -> dict:
    q = load(req["id"])
    seed = req.get("seed")
    index, values = pick(q.params, seed)
    answer = fill(q.answer, values)
    try:
        answer_latex = "" if q.kind == "derivation" else to_latex(read(answer, q.symbols))
    except GraderError:
        answer_latex = ""
    return {
        "id": q.id,
        "kind": q.kind,
        "topic": q.topic,
        "title": {"zh": q.title.zh, "en": q.title.en},
        "prompt": {"zh": fill(q.prompt.zh, values), "en": fill(q.prompt.en, values)},
        "hints": {"zh": [fill(h, values) for h in q.hints.zh], "en": [fill(h, values) for h in q.hints.en]},
        "variables": [
            {"name": v.name, "shape": list(v.shape) if v.shape else None, "domain": v.domain} for v in q.variables
        ],
        "params": values,
        "variant": index if q.params else None,
        "variants": variant_count(q),
        "start": fill(q.start, values),
        "form": list(q.form),
        "source": q.source.summary() if q.source else None,
        "solution": {"answer": answer, "latex": answer_latex},
    }


def _preview(req: dict) -> dict:
    from ..grading.preview import preview

    q = load(req["id"]) if req.get("id") else None
    return preview(str(req.get("answer", "")), q).to_dict()


def command(qid: str, answer: str, seed) -> str:
    """The ``kb-grade`` command that gives the same verdict on the command line."""
    parts = ["kb-grade", "check", qid, answer] + (["--seed", str(seed)] if seed is not None else [])
    return " ".join(shlex.quote(p) for p in parts)


def _check(req: dict) -> dict:
    from ..grading.pipeline import check

    q = load(req["id"])
    seed = req.get("seed") if q.params else None
    answer = str(req.get("answer", ""))
    out = check(q, answer, seed=seed).to_dict()
    out["command"] = command(q.id, answer, seed)
    return out


def _selftests(req: dict) -> dict:
    from ..grading.pipeline import check

    rows = []
    for q in load_all().values():
        for t in q.tests:
            r = check(q, t.answer, seed=t.seed)
            rows.append(
                {
                    "id": q.id,
                    "answer": t.answer,
                    "seed": t.seed,
                    "verdict": r.verdict.value,
                    "note": r.note,
                    "feedback": {"zh": r.feedback.zh, "en": r.feedback.en},
                }
            )
    return {"results": rows}


def _topics(req: dict) -> dict:
    topic = req.get("topic")
    return {"questions": [q.summary() for q in load_all().values() if topic in (None, q.topic)]}


OPS = {"question": _question, "preview": _preview, "check": _check, "selftests": _selftests, "questions": _topics}


def handle(request: dict) -> dict:
    """Answer one request; errors are answers too."""
    op = request.get("op") if isinstance(request, dict) else None
    if op not in OPS:
        text = message("unknown-op", op=str(op))
        return {"error": "unknown-op", "message": {"zh": text.zh, "en": text.en}}
    try:
        return OPS[op](request)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("sympy", "mpmath"):
            return {"needs": "sympy"}  # the page loads SymPy after the grader; it asks again once it has
        raise
    except GraderError as exc:
        text = message(exc.code, **exc.params)
        return {"error": exc.code, "message": {"zh": text.zh, "en": text.en}}
    except (KeyError, TypeError, ValueError) as exc:
        text = message("bad-request", op=op)
        return {"error": "bad-request", "message": {"zh": text.zh, "en": text.en}, "detail": repr(exc)[:300]}
