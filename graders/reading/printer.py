"""Show how an answer was read: the tree printed back as plain text and as LaTeX.

Printing the tree (not a simplified SymPy object) echoes exactly what the student
typed, with explicit multiplication and brackets where precedence needs them.

>>> from graders.reading import parse
>>> t = parse("2θ(1-θ) + σ(z)^2")
>>> to_plain(t)
'2*θ*(1 - θ) + σ(z)^2'
>>> to_latex(t)
'2 \\\\cdot \\\\theta \\\\cdot \\\\left(1 - \\\\theta\\\\right) + \\\\sigma\\\\left(z\\\\right)^{2}'
>>> t = parse("floor((W - K + 2P)/S) + 1")
>>> to_plain(t)
'⌊(W - K + 2*P)/S⌋ + 1'
>>> print(to_latex(t))
\\left\\lfloor \\frac{W - K + 2 \\cdot P}{S} \\right\\rfloor + 1
"""

from __future__ import annotations

from .functions import FUNCTIONS
from .names import display_name, latex_name
from .tree import BinOp, Call, Deriv, Eq, Name, Neg, Node, Num, Postfix, Sum, Vector

__all__ = ["to_plain", "to_latex"]

_PREC = {"=": 1, "+": 10, "-": 10, "*": 20, "/": 20, "@": 20, "⊙": 20, "^": 30}
_PLAIN_BRACKETS = {"floor": ("⌊", "⌋"), "ceil": ("⌈", "⌉")}
_LATEX_BRACKETS = {"floor": (r"\left\lfloor ", r" \right\rfloor"), "ceil": (r"\left\lceil ", r" \right\rceil")}


def _prec(node: Node, plain: bool = False) -> int:
    if plain and isinstance(node, Sum):
        return 100
    if isinstance(node, (BinOp, Eq)):
        return _PREC["=" if isinstance(node, Eq) else node.op]
    if isinstance(node, Neg):
        return 15
    if isinstance(node, (Sum, Deriv)):
        return 12
    if isinstance(node, Num) and node.text.startswith("-"):
        return 15
    return 100


def to_plain(node: Node) -> str:
    """A tree as plain text, with every multiplication and needed bracket explicit."""

    def wrap(child: Node, min_prec: int) -> str:
        s = to_plain(child)
        return f"({s})" if _prec(child, plain=True) < min_prec else s

    if isinstance(node, Num):
        return node.text
    if isinstance(node, Name):
        return display_name(node.name)
    if isinstance(node, Neg):
        return "-" + wrap(node.operand, 20)
    if isinstance(node, Eq):
        return f"{to_plain(node.left)} = {to_plain(node.right)}"
    if isinstance(node, BinOp):
        p = _PREC[node.op]
        if node.op == "^":
            return f"{wrap(node.left, 31)}^{wrap(node.right, 31)}"
        right_min = p + 1 if node.op in "-/" or p == 20 else p
        sep = {"*": "*", "@": " @ ", "⊙": " ⊙ ", "/": "/"}.get(node.op, f" {node.op} ")
        return f"{wrap(node.left, p)}{sep}{wrap(node.right, right_min)}"
    if isinstance(node, Call):
        if node.func in _PLAIN_BRACKETS:
            opening, closing = _PLAIN_BRACKETS[node.func]
            return f"{opening}{to_plain(node.args[0])}{closing}"
        if node.func == "abs":
            return f"|{to_plain(node.args[0])}|"
        return f"{FUNCTIONS[node.func].printed}({', '.join(to_plain(a) for a in node.args)})"
    if isinstance(node, Postfix):
        return wrap(node.operand, 100) + ("!" if node.op == "!" else "ᵀ")
    if isinstance(node, Vector):
        return "[" + ", ".join(to_plain(i) for i in node.items) + "]"
    if isinstance(node, Sum):
        return f"sum({to_plain(node.body)}, {display_name(node.index)}, {to_plain(node.lo)}, {to_plain(node.hi)})"
    if isinstance(node, Deriv):
        return f"d/d{display_name(node.var)} ({to_plain(node.body)})"
    raise TypeError(node)


def to_latex(node: Node) -> str:
    """A tree as LaTeX (for MathJax), with the same grouping as :func:`to_plain`."""

    def wrap(child: Node, min_prec: int) -> str:
        s = to_latex(child)
        return rf"\left({s}\right)" if _prec(child) < min_prec else s

    if isinstance(node, Num):
        mant, _, exp = node.text.lower().partition("e")
        return rf"{mant} \times 10^{{{int(exp)}}}" if exp else node.text
    if isinstance(node, Name):
        return latex_name(node.name)
    if isinstance(node, Neg):
        return "-" + wrap(node.operand, 20)
    if isinstance(node, Eq):
        return f"{to_latex(node.left)} = {to_latex(node.right)}"
    if isinstance(node, BinOp):
        if node.op == "^":
            return f"{wrap(node.left, 31)}^{{{to_latex(node.right)}}}"
        if node.op == "/":
            return rf"\frac{{{to_latex(node.left)}}}{{{to_latex(node.right)}}}"
        p = _PREC[node.op]
        sep = {"*": r" \cdot ", "@": r" \cdot ", "⊙": r" \odot ", "+": " + ", "-": " - "}[node.op]
        return f"{wrap(node.left, p)}{sep}{wrap(node.right, p + 1 if node.op == '-' else p)}"
    if isinstance(node, Call):
        args = ", ".join(to_latex(a) for a in node.args)
        if node.func == "sqrt":
            return rf"\sqrt{{{args}}}"
        if node.func == "abs":
            return rf"\left|{args}\right|"
        if node.func in _LATEX_BRACKETS:
            opening, closing = _LATEX_BRACKETS[node.func]
            return f"{opening}{args}{closing}"
        return rf"{FUNCTIONS[node.func].latex_name}\left({args}\right)"
    if isinstance(node, Postfix):
        return wrap(node.operand, 100) + ("!" if node.op == "!" else r"^{\top}")
    if isinstance(node, Vector):
        if all(isinstance(i, Vector) for i in node.items):
            rows = (" & ".join(to_latex(x) for x in row.items) for row in node.items)
            return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"
        return r"\begin{bmatrix}" + r" \\ ".join(to_latex(i) for i in node.items) + r"\end{bmatrix}"
    if isinstance(node, Sum):
        return rf"\sum_{{{latex_name(node.index)}={to_latex(node.lo)}}}^{{{to_latex(node.hi)}}} {wrap(node.body, 20)}"
    if isinstance(node, Deriv):
        return rf"\frac{{\partial}}{{\partial {latex_name(node.var)}}} {wrap(node.body, 100)}"
    raise TypeError(node)
