"""The question model: what a question file holds, as frozen data.

>>> from graders.bank import load
>>> q = load("mse-house-prices")
>>> q.kind, q.title.en, q.symbols.strict
('numeric', 'MSE of three house-price predictions', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..evaluation.numbers import Tolerance
from ..reading.symbols import Symbols, Variable
from ..result import Text

__all__ = [
    "Question",
    "Variable",
    "Misconception",
    "SelfTest",
    "Source",
    "Hints",
    "Tolerance",
    "KINDS",
    "FORMS",
    "variant_count",
]

KINDS = ("numeric", "symbolic", "matrix", "derivation")
#: answer-form rules a question may declare (``form:``); see :mod:`graders.grading.form`
FORMS = ("no-derivative", "no-sum", "literal", "expanded", "factored", "single-fraction")


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
    source: Source | None = None
    tolerance: Tolerance = Tolerance()  # noqa: RUF009 - frozen, so one shared default is safe
    variables: tuple[Variable, ...] = ()
    params: dict = field(default_factory=dict)
    start: str = ""
    form: tuple[str, ...] = ()
    partial_credit: str | None = None  # derivations: "steps" scores a wrong one by its share of correct steps
    misconceptions: tuple[Misconception, ...] = ()
    tests: tuple[SelfTest, ...] = ()
    path: str = ""
    hints: Hints = Hints()

    @property
    def symbols(self) -> Symbols:
        """What an answer may name: the declared variables (strict), none for a numeric question."""
        return Symbols(self.variables, strict=self.kind != "numeric")

    def summary(self) -> dict:
        """What ``kb-grade list --json`` prints for this question."""
        out = {
            "id": self.id,
            "title": {"zh": self.title.zh, "en": self.title.en},
            "topic": self.topic,
            "kind": self.kind,
        }
        if self.source:
            out["source"] = self.source.summary()
        out["variants"] = variant_count(self)
        return out


def variant_count(q: Question) -> int:
    n = 1
    for values in q.params.values():
        n *= len(values)
    return n
