"""The registry of errata checks: ``kind`` + ``name`` resolve to a function, and :func:`run`.

A check function is called as ``fn(value, **args)`` and answers one question: *is ``value``
true?* An erratum's check passes when the function answers **False for the claim** and
**True for the correction**. Functions register themselves with :func:`register`; tests
pass further kinds (numpy, torch, article) as ``extra``.

>>> from .model import Check
>>> @register("sympy", registry=(demo := {}))
... def doubled(value, *, x): return value == 2 * x
>>> run(Check("sympy", "doubled", 5, 6, {"x": 3}), extra=demo).ok
True
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from .model import Check, Erratum

__all__ = ["REGISTRY", "CheckFn", "CheckOutcome", "register", "resolve", "run"]

CheckFn = Callable[..., bool]
REGISTRY: dict[str, dict[str, CheckFn]] = {
    k: {} for k in ("sympy", "question", "reference", "listing", "diagram", "reasoning")
}


def register(kind: str, name: str | None = None, registry: dict | None = None):
    """Decorator: ``@register("sympy")`` makes ``fn`` resolvable as ``sympy``/``fn.__name__``."""
    reg = REGISTRY if registry is None else registry

    def deco(fn: CheckFn) -> CheckFn:
        reg.setdefault(kind, {})[name or fn.__name__] = fn
        return fn

    return deco


def resolve(kind: str, name: str, extra: dict | None = None) -> CheckFn:
    """The function for ``kind``/``name``; KeyError names what is missing. The built-in checks
    are registered when :mod:`graders.errata` is imported (its ``__init__`` imports them)."""
    for reg in (extra or {}, REGISTRY):
        if name in reg.get(kind, {}):
            return reg[kind][name]
    raise KeyError(f"no check function {kind}/{name}")


@dataclass(frozen=True)
class CheckOutcome:
    claim_true: bool
    correction_true: bool | None  # None: no correction to test (an unverifiable claim)

    @property
    def ok(self) -> bool:
        """The check confirms the erratum: claim rejected, correction (if any) accepted."""
        return not self.claim_true and self.correction_true in (True, None)


def run(check: Check | Erratum, extra: dict | None = None) -> CheckOutcome:
    """Run one check on both its claimed and corrected values."""
    excerpt = ""
    if isinstance(check, Erratum):
        excerpt, check = check.excerpt, check.check
    fn = resolve(check.kind, check.name, extra)
    args = dict(check.args)
    if excerpt and "excerpt" not in args and _accepts(fn, "excerpt"):
        args["excerpt"] = excerpt
    correction = None if check.correction is None else bool(fn(check.correction, **args))
    return CheckOutcome(bool(fn(check.claim, **args)), correction)


def _accepts(fn: CheckFn, name: str) -> bool:
    params = inspect.signature(fn).parameters.values()
    return any(p.name == name or p.kind is p.VAR_KEYWORD for p in params)
