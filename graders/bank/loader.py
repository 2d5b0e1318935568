"""Question files: one per question (file name = id), YAML or JSON, validated on load.

The built-in bank is ``graders/bank/data/``. JSON reads without any YAML library (the browser
bundle ships the bank as JSON, see :func:`to_json`); ``yaml`` is imported only to read YAML.

>>> q = load("mse-house-prices")
>>> q.kind, q.path.endswith("mse-house-prices.yaml")
('numeric', True)
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ..errors import QuestionError
from ..evaluation.numbers import Tolerance
from ..reading.symbols import Variable
from ..result import Text
from .model import Hints, Misconception, Question, SelfTest, Source
from .schema import validate

__all__ = [
    "QUESTIONS_DIR",
    "SUFFIXES",
    "from_dict",
    "to_dict",
    "read",
    "files",
    "load_file",
    "load_all",
    "load",
    "to_json",
]

QUESTIONS_DIR = Path(__file__).with_name("data")
SUFFIXES = (".yaml", ".yml", ".json")
#: self-tests with these verdicts must name the note they expect
_NOTED = ("incorrect", "wrong-form", "invalid")


def _text(d: dict) -> Text:
    return Text(zh=str(d.get("zh", "")), en=str(d.get("en", "")))


def from_dict(d: dict, path: str = "<memory>") -> Question:
    """Validate a mapping (as read from YAML or JSON) and build a :class:`Question`."""
    validate(d, path)
    for i, t in enumerate(d.get("tests") or ()):
        if t["verdict"] in _NOTED and not t.get("note"):
            raise QuestionError(
                "question-schema",
                path=path,
                detail=f"$.tests[{i}]: a self-test expecting {t['verdict']!r} must name its note",
            )
    if d.get("partial_credit") and d["kind"] != "derivation":
        raise QuestionError(
            "question-schema", path=path, detail="$.partial_credit: only a derivation's steps can give partial credit"
        )
    tol = d.get("tolerance") or {}
    hints = d.get("hints") or {}
    return Question(
        id=d["id"],
        kind=d["kind"],
        topic=d["topic"],
        title=_text(d["title"]),
        prompt=_text(d["prompt"]),
        answer=str(d["answer"]),
        source=Source(**d["source"]) if d.get("source") else None,
        hints=Hints(zh=tuple(str(h) for h in hints.get("zh", ())), en=tuple(str(h) for h in hints.get("en", ()))),
        tolerance=Tolerance(
            rel=float(tol.get("rel", 1e-9)), abs=float(tol.get("abs", 1e-12)), sig_figs=tol.get("sig_figs")
        ),
        variables=tuple(
            Variable(
                name, tuple(spec["shape"]) if spec and spec.get("shape") else None, (spec or {}).get("domain", "real")
            )
            for name, spec in (d.get("variables") or {}).items()
        ),
        params={k: list(v) for k, v in (d.get("params") or {}).items()},
        start=str(d.get("start", "")),
        form=tuple(d.get("form") or ()),
        partial_credit=d.get("partial_credit"),
        misconceptions=tuple(
            Misconception(str(m["answer"]), m["note"], _text(m["feedback"])) for m in d.get("misconceptions") or ()
        ),
        tests=tuple(
            SelfTest(str(t["answer"]), t["verdict"], t.get("note"), t.get("seed")) for t in d.get("tests") or ()
        ),
        path=path,
    )


def to_dict(q: Question) -> dict:
    """The mapping :func:`from_dict` reads back (what the JSON bundle holds)."""
    out: dict = {
        "id": q.id,
        "kind": q.kind,
        "topic": q.topic,
        "title": {"zh": q.title.zh, "en": q.title.en},
        "prompt": {"zh": q.prompt.zh, "en": q.prompt.en},
        "answer": q.answer,
    }
    if q.source:
        out["source"] = q.source.summary()
    if q.hints.zh or q.hints.en:
        out["hints"] = {"zh": list(q.hints.zh), "en": list(q.hints.en)}
    t = q.tolerance
    out["tolerance"] = {"rel": t.rel, "abs": t.abs, **({"sig_figs": t.sig_figs} if t.sig_figs else {})}
    if q.variables:
        out["variables"] = {
            v.name: {**({"shape": list(v.shape)} if v.shape else {}), "domain": v.domain} for v in q.variables
        }
    if q.params:
        out["params"] = q.params
    if q.start:
        out["start"] = q.start
    if q.form:
        out["form"] = list(q.form)
    if q.partial_credit:
        out["partial_credit"] = q.partial_credit
    if q.misconceptions:
        out["misconceptions"] = [
            {"answer": m.answer, "note": m.note, "feedback": {"zh": m.feedback.zh, "en": m.feedback.en}}
            for m in q.misconceptions
        ]
    out["tests"] = [
        {
            "answer": s.answer,
            "verdict": s.verdict,
            **({"note": s.note} if s.note else {}),
            **({"seed": s.seed} if s.seed is not None else {}),
        }
        for s in q.tests
    ]
    return out


def read(path: Path) -> object:
    """A question file's data, not yet validated (``question-unreadable``, ``-json``, ``-yaml``
    if it cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise QuestionError("question-unreadable", path=str(path), reason=reason) from None
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except ValueError as exc:
            raise QuestionError(
                "question-json", path=str(path), detail=str(exc), line=getattr(exc, "lineno", None)
            ) from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same result, faster
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)  # one line: the problem and where (not PyYAML's excerpt)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise QuestionError(
            "question-yaml", path=str(path), detail=problem + where, line=mark.line + 1 if mark else None
        ) from None


def load_file(path: Path, data: object = None) -> Question:
    """The question of ``path`` (``data``: its contents if already :func:`read`); its id must be the file name."""
    q = from_dict(read(path) if data is None else data, str(path))
    if q.id != path.stem:
        raise QuestionError("question-id-file", path=str(path), id=q.id, stem=path.stem)
    return q


def files(root: Path) -> list[Path]:
    """The question files under ``root``, sub-folders included; hidden files and folders (``.git``,
    ``.github/workflows/*.yml`` in a course repository) are not questions."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


@cache
def load_all(directory: str | None = None) -> dict[str, Question]:
    """Every question under ``directory`` (default: the built-in bank), by id."""
    root = Path(directory) if directory else QUESTIONS_DIR
    out: dict[str, Question] = {}
    for path in files(root):
        q = load_file(path)
        if q.id in out:
            raise QuestionError("question-duplicate", path=str(path), id=q.id, other=out[q.id].path)
        out[q.id] = q
    return out


def load(qid: str, directory: str | None = None) -> Question:
    """One question by id; :class:`QuestionError` ``unknown-question`` if absent."""
    root = Path(directory) if directory else QUESTIONS_DIR
    if qid.replace("-", "").isalnum():
        for suffix in SUFFIXES:
            path = next(iter(sorted(root.rglob(f"{qid}{suffix}"))), None)
            if path is not None:
                return load_file(path)
    raise QuestionError("unknown-question", id=qid)


def to_json(questions: dict[str, Question]) -> str:
    """The bank as one JSON document (``{"questions": [...]}``), as the browser bundle ships it."""
    return json.dumps({"questions": [to_dict(q) for q in questions.values()]}, ensure_ascii=False)
