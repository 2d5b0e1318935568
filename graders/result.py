"""The frozen result of grading one answer, and its verdicts.

>>> r = Result(Verdict.CORRECT, score=1.0, note="correct")
>>> r.exit_code, r.to_dict()["verdict"]
(0, 'correct')
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, replace

__all__ = ["Verdict", "Text", "Step", "Result", "EXIT_CODES", "EXIT_USAGE"]


class Verdict(enum.StrEnum):
    """What grading found, and the ways an answer can fail to be graded."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    WRONG_FORM = "wrong-form"  # equal in value, but not in the form the question asks for (d/dx left in)
    INVALID = "invalid"  # could not be read: never marked wrong
    UNDETERMINED = "undetermined"  # the checks could not decide
    TIMEOUT = "timeout"  # the hard time limit was hit
    TOO_LARGE = "too-large"  # the memory limit was hit while checking
    ERROR = "error"  # the grader failed (a bug or a crashed worker): the answer was not graded

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self]

    @property
    def graded(self) -> bool:
        """True when the answer got a mark (correct, incorrect or wrong form)."""
        return self in (Verdict.CORRECT, Verdict.INCORRECT, Verdict.WRONG_FORM)


#: the command line's exit codes (README "Exit codes"): a crash or a usage error is never a verdict
EXIT_CODES = {
    Verdict.CORRECT: 0,
    Verdict.INCORRECT: 1,
    Verdict.WRONG_FORM: 1,
    Verdict.INVALID: 2,
    Verdict.UNDETERMINED: 3,
    Verdict.TIMEOUT: 3,
    Verdict.TOO_LARGE: 3,
    Verdict.ERROR: 4,
}
EXIT_USAGE = 64  # sysexits.h EX_USAGE: a wrong command line, never a verdict


@dataclass(frozen=True)
class Text:
    """A message in both languages."""

    zh: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        if lang == "zh":
            return self.zh
        if lang == "en":
            return self.en
        return f"{self.zh}\n{self.en}" if self.zh and self.en else self.zh or self.en

    def __add__(self, other: Text) -> Text:
        join = lambda a, b: f"{a} {b}".strip()  # noqa: E731
        return Text(join(self.zh, other.zh), join(self.en, other.en))


@dataclass(frozen=True)
class Step:
    """One line of a derivation and its mark."""

    line: int
    text: str
    verdict: Verdict
    latex: str = ""
    note: str = ""
    counterexample: dict | None = None


@dataclass(frozen=True)
class Result:
    """Everything known about one graded answer. ``score`` is in [0, 1]."""

    verdict: Verdict
    score: float = 0.0
    feedback: Text = field(default_factory=Text)
    note: str = ""
    parsed: str = ""
    latex: str = ""
    variables: tuple[str, ...] = ()
    counterexample: dict | None = None
    caret: str = ""
    steps: tuple[Step, ...] = ()
    question: str = ""
    answer: str = ""
    variant: int | None = None
    elapsed_ms: float = 0.0
    detail: str = ""  # for maintainers (an exception's text); never shown to a student

    @property
    def exit_code(self) -> int:
        return self.verdict.exit_code

    def with_(self, **changes: object) -> Result:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["verdict"] = self.verdict.value
        d["valid"] = self.verdict is not Verdict.INVALID
        d["variables"] = list(self.variables)
        d["steps"] = [{**asdict(s), "verdict": s.verdict.value} for s in self.steps]
        d["elapsed_ms"] = round(self.elapsed_ms, 3)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Result:
        d = dict(d)
        d.pop("valid", None)
        d["verdict"] = Verdict(d["verdict"])
        d["feedback"] = Text(**d.get("feedback") or {})
        d["variables"] = tuple(d.get("variables") or ())
        d["steps"] = tuple(Step(**{**s, "verdict": Verdict(s["verdict"])}) for s in d.get("steps") or ())
        return cls(**d)
