"""The typed tree that both parsers produce. Nothing here evaluates anything.

Every node records ``pos``, the offset in the typed string where it starts, so later
stages (limits, names, shapes) can point a caret at the problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "Node",
    "Num",
    "Name",
    "Neg",
    "BinOp",
    "Call",
    "Postfix",
    "Sum",
    "Deriv",
    "Eq",
    "Vector",
    "walk",
    "children",
    "free_names",
]


@dataclass(frozen=True)
class Num:
    """A decimal literal exactly as typed (``"0.60"``, ``"1e2"``)."""

    text: str
    pos: int = 0


@dataclass(frozen=True)
class Name:
    """A canonical name: ``theta``, ``yhat``, ``y_i``, ``W_1``, ``e``."""

    name: str
    pos: int = 0


@dataclass(frozen=True)
class Neg:
    operand: Node
    pos: int = 0


@dataclass(frozen=True)
class BinOp:
    """``op`` is one of ``+ - * / ^ @ ⊙`` (``*`` between matrices is a matrix product)."""

    op: str
    left: Node
    right: Node
    pos: int = 0


@dataclass(frozen=True)
class Call:
    """A whitelisted function applied to arguments (``exp``, ``log``, ``sigmoid`` ...)."""

    func: str
    args: tuple[Node, ...]
    pos: int = 0


@dataclass(frozen=True)
class Postfix:
    """``!`` (factorial) or ``T`` (transpose)."""

    op: str
    operand: Node
    pos: int = 0


@dataclass(frozen=True)
class Sum:
    """``sum_{index=lo}^{hi} body``."""

    index: str
    lo: Node
    hi: Node
    body: Node
    pos: int = 0


@dataclass(frozen=True)
class Deriv:
    """``d/d var (body)`` or ``\\frac{\\partial body}{\\partial var}``."""

    var: str
    body: Node
    pos: int = 0


@dataclass(frozen=True)
class Eq:
    """``left = right``; ``label`` when ``left`` is a name the symbols do not declare
    (``θ_new = …``, ``J = …``): a label for the right side, not a claim."""

    left: Node
    right: Node
    pos: int = 0
    label: bool = False


@dataclass(frozen=True)
class Vector:
    """A literal column vector ``[a, b, c]``."""

    items: tuple[Node, ...]
    pos: int = 0


Node = Num | Name | Neg | BinOp | Call | Postfix | Sum | Deriv | Eq | Vector


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (Neg, Postfix)):
        return (node.operand,)
    if isinstance(node, (BinOp, Eq)):
        return (node.left, node.right)
    if isinstance(node, (Call,)):
        return node.args
    if isinstance(node, Vector):
        return node.items
    if isinstance(node, Sum):
        return (node.lo, node.hi, node.body)
    if isinstance(node, Deriv):
        return (node.body,)
    return ()


def walk(node: Node) -> Iterator[Node]:
    """All nodes, parents before children (iterative: trees are depth-limited anyway)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(children(n)))


def free_names(node: Node, declared=()) -> set[str]:
    """Names a tree uses, without the indices its sums bind and without the constants ``e`` and
    ``pi`` (unless ``declared`` makes them variables)."""
    out: set[str] = set()
    stack: list[tuple[Node, frozenset[str]]] = [(node, frozenset())]
    while stack:
        n, bound = stack.pop()
        if isinstance(n, Name):
            _base, _, sub = n.name.partition("_")
            if sub in bound:
                out.add(n.name)  # x_i under a sum over i: the entries of x
            elif n.name not in bound and (n.name not in ("e", "pi") or n.name in declared):
                out.add(n.name)
        elif isinstance(n, Sum):
            stack += [(n.lo, bound), (n.hi, bound), (n.body, bound | {n.index})]
        elif isinstance(n, Deriv):
            out.add(n.var)
            stack.append((n.body, bound))
        else:
            stack += [(c, bound) for c in children(n)]
    return out
