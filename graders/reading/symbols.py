"""A question's symbol table: the variables an answer may use, their domains and shapes.

One table serves every stage: the parsers resolve names against it, the float layer samples
its variables (positive ones get positive values, matrices random matrices), the SymPy builder
makes a ``Symbol`` or an explicit ``MatrixSymbol`` for each. ``strict`` (every question has it)
refuses any other name; without it (``kb-grade equiv``) new names are free variables.

A variant's parameters are not symbols: they are filled into the question's text and answers,
so an answer that names one is not a number.

>>> t = Symbols.parse_spec("W=3x4, x=4x1, theta=positive")
>>> [(v.name, v.shape, v.domain) for v in t.variables]
[('W', (3, 4), 'real'), ('x', (4, 1), 'real'), ('theta', None, 'positive')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError

__all__ = ["Variable", "Symbols", "NO_SYMBOLS"]


@dataclass(frozen=True)
class Variable:
    name: str
    shape: tuple[int, int] | None = None  # None: a scalar
    domain: str = "real"  # real | positive


@dataclass(frozen=True)
class Symbols:
    variables: tuple[Variable, ...] = ()
    strict: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables)

    def __contains__(self, name: object) -> bool:
        return any(v.name == name for v in self.variables)

    def get(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    @property
    def shapes(self) -> dict[str, tuple[int, int]]:
        return {v.name: v.shape for v in self.variables if v.shape}

    @classmethod
    def parse_spec(cls, spec: str, *, strict: bool = False) -> Symbols:
        """``"W=3x4, x=4x1, theta=positive"`` (the ``--vars`` option): shapes and domains."""
        out: list[Variable] = []
        for item in filter(None, (s.strip() for s in (spec or "").split(","))):
            name, _, kind = item.partition("=")
            name, kind = name.strip(), kind.strip().lower()
            if not name.isidentifier() or name.startswith("_"):
                raise UsageError("bad-vars-name", name=name)
            if kind in ("positive", "real", ""):
                out.append(Variable(name, None, kind or "real"))
            elif kind.count("x") == 1 and all(p.isdigit() and 0 < int(p) <= 8 for p in kind.split("x")):
                rows, cols = (int(p) for p in kind.split("x"))
                out.append(Variable(name, (rows, cols)))
            else:
                raise UsageError("bad-vars-kind", name=name, kind=kind)
        return cls(tuple(out), strict=strict)


NO_SYMBOLS = Symbols()
