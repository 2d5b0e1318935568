"""Questions are YAML data files under ``graders/questions/``, validated on load.

>>> q = load("mse-house-prices")
>>> q.kind, q.title.en
('numeric', 'MSE of three house-price predictions')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import QuestionError
from .result import Text
from .schema import validate

__all__ = ["Question", "Variable", "Misconception", "SelfTest", "Source", "Hints", "Tolerance", "load", "load_all", "QUESTIONS_DIR"]

QUESTIONS_DIR = Path(__file__).with_name("questions")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same result, faster


@dataclass(frozen=True)
class Source:
    document: str
    section: str
    source_claim: str | None = None  # the article's printed (wrong) answer, when it got it wrong

    def summary(self) -> dict:
        out = {"document": self.document, "section": self.section}
        if self.source_claim is not None:
            out["source_claim"] = self.source_claim
        return out


@dataclass(frozen=True)
class Hints:
    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Tolerance:
    rel: float = 1e-9
    abs: float = 1e-12
    sig_figs: int | None = None


@dataclass(frozen=True)
class Variable:
    name: str
    shape: tuple[int, int] | None = None  # None: scalar
    domain: str = "real"  # real | positive


@dataclass(frozen=True)
class Misconception:
    answer: str
    note: str
    feedback: Text


@dataclass(frozen=True)
class SelfTest:
    answer: str
    verdict: str
    note: str | None = None
    seed: int | None = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # numeric | symbolic | matrix | derivation
    topic: str
    title: Text
    prompt: Text
    answer: str
    display_answer: str = ""
    source: Source | None = None
    tolerance: Tolerance = Tolerance()
    variables: tuple[Variable, ...] = ()
    params: dict = field(default_factory=dict)
    start: str = ""
    misconceptions: tuple[Misconception, ...] = ()
    tests: tuple[SelfTest, ...] = ()
    path: str = ""
    hints: Hints = Hints()

    def summary(self) -> dict:
        """What ``kb-grade list --json`` prints for this question."""
        out = {"id": self.id, "title": {"zh": self.title.zh, "en": self.title.en}, "topic": self.topic, "kind": self.kind}
        if self.source:
            out["source"] = self.source.summary()
        out["variants"] = variant_count(self)
        return out


def variant_count(q: Question) -> int:
    n = 1
    for values in q.params.values():
        n *= len(values)
    return n


def _text(d: dict) -> Text:
    return Text(zh=str(d.get("zh", "")), en=str(d.get("en", "")))


def from_dict(d: dict, path: str = "<memory>") -> Question:
    """Validate a mapping (as read from YAML) and build a :class:`Question`."""
    validate(d, path)
    tol = d.get("tolerance") or {}
    return Question(
        id=d["id"],
        kind=d["kind"],
        topic=d["topic"],
        title=_text(d["title"]),
        prompt=_text(d["prompt"]),
        answer=str(d["answer"]),
        display_answer=str(d.get("display_answer", d["answer"])),
        source=Source(**d["source"]) if d.get("source") else None,
        hints=Hints(zh=tuple(str(h) for h in (d.get("hints") or {}).get("zh", ())),
                    en=tuple(str(h) for h in (d.get("hints") or {}).get("en", ()))),
        tolerance=Tolerance(rel=float(tol.get("rel", 1e-9)), abs=float(tol.get("abs", 1e-12)), sig_figs=tol.get("sig_figs")),
        variables=tuple(
            Variable(name, tuple(spec["shape"]) if spec and spec.get("shape") else None, (spec or {}).get("domain", "real"))
            for name, spec in (d.get("variables") or {}).items()
        ),
        params={k: list(v) for k, v in (d.get("params") or {}).items()},
        start=str(d.get("start", "")),
        misconceptions=tuple(
            Misconception(str(m["answer"]), m["note"], _text(m["feedback"])) for m in d.get("misconceptions") or ()
        ),
        tests=tuple(
            SelfTest(str(t["answer"]), t["verdict"], t.get("note"), t.get("seed")) for t in d.get("tests") or ()
        ),
        path=path,
    )


def load_file(path: Path) -> Question:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise QuestionError("question-yaml", path=str(path), detail=str(exc)) from None
    q = from_dict(data, str(path))
    if q.id != path.stem:
        raise QuestionError("question-id-file", path=str(path), detail=f"id {q.id!r} must match file name {path.stem!r}")
    return q


@lru_cache(maxsize=None)
def load_all(directory: str | None = None) -> dict[str, Question]:
    """Every question under ``directory`` (default: the packaged ones), by id."""
    root = Path(directory) if directory else QUESTIONS_DIR
    out: dict[str, Question] = {}
    for path in sorted(root.rglob("*.yaml")):
        q = load_file(path)
        if q.id in out:
            raise QuestionError("question-duplicate", path=str(path), detail=f"duplicate id {q.id!r}")
        out[q.id] = q
    return out


def load(qid: str, directory: str | None = None) -> Question:
    """One question by id; :class:`QuestionError` ``unknown-question`` if absent."""
    root = Path(directory) if directory else QUESTIONS_DIR
    path = next(iter(sorted(root.rglob(f"{qid}.yaml"))), None) if qid.replace("-", "").isalnum() else None
    if path is None:
        raise QuestionError("unknown-question", id=qid)
    return load_file(path)
