"""The typed tree that both parsers produce. Nothing here evaluates anything.

Every node records ``pos``, the offset in the typed string where it starts, so later
stages (limits, names, shapes) can point a caret at the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union

__all__ = ["Node", "Num", "Name", "Neg", "BinOp", "Call", "Postfix", "Sum", "Deriv", "Eq", "Vector", "walk"]


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
    operand: "Node"
    pos: int = 0


@dataclass(frozen=True)
class BinOp:
    """``op`` is one of ``+ - * / ^ @ ⊙`` (``*`` between matrices is a matrix product)."""

    op: str
    left: "Node"
    right: "Node"
    pos: int = 0


@dataclass(frozen=True)
class Call:
    """A whitelisted function applied to arguments (``exp``, ``log``, ``sigmoid`` ...)."""

    func: str
    args: tuple["Node", ...]
    pos: int = 0


@dataclass(frozen=True)
class Postfix:
    """``!`` (factorial) or ``T`` (transpose)."""

    op: str
    operand: "Node"
    pos: int = 0


@dataclass(frozen=True)
class Sum:
    """``sum_{index=lo}^{hi} body``."""

    index: str
    lo: "Node"
    hi: "Node"
    body: "Node"
    pos: int = 0


@dataclass(frozen=True)
class Deriv:
    """``d/d var (body)`` or ``\\frac{\\partial body}{\\partial var}``."""

    var: str
    body: "Node"
    pos: int = 0


@dataclass(frozen=True)
class Eq:
    left: "Node"
    right: "Node"
    pos: int = 0


@dataclass(frozen=True)
class Vector:
    """A literal column vector ``[a, b, c]``."""

    items: tuple["Node", ...]
    pos: int = 0


Node = Union[Num, Name, Neg, BinOp, Call, Postfix, Sum, Deriv, Eq, Vector]


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
