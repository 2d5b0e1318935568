"""The larger LaTeX forms: ``\\frac`` (including ``\\frac{\\partial J}{\\partial \\theta}``),
``\\sum_{i=1}^{n}`` and ``\\begin{bmatrix} ... \\end{bmatrix}``. Mixed into
:class:`graders.latex.LatexParser`."""

from __future__ import annotations

from ..errors import ParseError
from .lexer import Token
from .names import GREEK
from .tree import BinOp, Deriv, Node, Sum, Vector

__all__ = ["LatexForms", "ACCENTS", "FONTS"]

ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde"}
FONTS = {"mathbf", "boldsymbol", "mathit", "bm", "mathrm", "text", "textrm", "operatorname", "mathsf", "vec"}


class LatexForms:
    """Methods that need the parser's ``expr``, ``group``, ``raw_group`` ... helpers."""

    def matrix(self, tok: Token) -> Node:
        """``\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}`` (also pmatrix, matrix)."""
        env = self.raw_group()
        if env not in ("bmatrix", "pmatrix", "matrix", "Bmatrix"):
            raise ParseError("latex-unknown-command", pos=tok.pos, command=f"\\begin{{{env}}}")
        rows, row = [], [self.expr(1)]
        while True:
            nxt = self.next()
            if nxt.kind == "OP" and nxt.text == "&":
                row.append(self.expr(1))
            elif nxt.kind == "CMD" and nxt.text == "\\":
                rows.append(Vector(tuple(row), tok.pos))
                row = []
                if not (self.peek().kind == "CMD" and self.peek().text == "end"):  # a trailing \\ is allowed
                    row = [self.expr(1)]
            elif nxt.kind == "CMD" and nxt.text == "end":
                if self.raw_group() != env:
                    raise ParseError("unclosed", pos=tok.pos, open=f"\\begin{{{env}}}", close=f"\\end{{{env}}}")
                if row:
                    rows.append(Vector(tuple(row), tok.pos))
                return Vector(tuple(rows), tok.pos)
            elif nxt.kind == "EOF":
                raise ParseError("unclosed", pos=tok.pos, open=f"\\begin{{{env}}}", close=f"\\end{{{env}}}")
            else:
                raise self.unexpected(nxt)

    def sum(self, tok: Token) -> Node:
        index = lo = hi = None
        for _ in range(2):
            if self.at("_") and index is None:
                self.next()
                if not self.at("{"):
                    raise ParseError("sum-index", pos=self.peek().pos)
                opened = self.next()
                var = self.next()
                if var.kind not in ("LETTERS", "CMD") or not self.at("="):
                    raise ParseError("sum-index", pos=var.pos)
                self.next()
                index, lo = var.text, self.expr(0)
                self.expect("}", opened=opened)
            elif self.at("^") and hi is None:
                self.next()
                hi = self.group() if self.at("{") else self.prefix(self.split_first())
        if index is None or hi is None:
            raise ParseError("sum-index", pos=tok.pos)
        self.bound.append(index)
        try:
            body = self.expr(15)
        finally:
            self.bound.pop()
        return Sum(index, lo, hi, body, tok.pos)

    def frac(self, tok: Token) -> Node:
        first = self.peek(1)
        is_d = (first.kind == "CMD" and first.text == "partial") or (first.kind == "LETTERS" and first.text == "d")
        if self.at("{") and is_d:
            opened = self.next()
            self.next()
            body = None if self.at("}") else self.expr(0)
            self.expect("}", opened=opened)
            var = self.denominator_variable()
            if body is None:  # \frac{d}{dx} f
                body = self.expr(15)
            return Deriv(var, body, tok.pos)
        num = self.argument()
        den = self.argument()
        return BinOp("/", num, den, tok.pos)

    def denominator_variable(self) -> str:
        opened = self.expect("{")
        d = self.next()
        if (d.kind == "CMD" and d.text == "partial") or (d.kind == "LETTERS" and d.text == "d"):
            var = self.next()
            if var.kind == "CMD" and (var.text in ACCENTS or var.text in FONTS):
                base = self.raw_group()
                name = base + ACCENTS.get(var.text, "")
            elif var.kind == "LETTERS" or (var.kind == "CMD" and var.text in GREEK):
                name = var.text
            else:
                raise ParseError("diff-variable", pos=var.pos)
        elif d.kind == "LETTERS" and d.text.startswith("d") and len(d.text) > 1:
            name = d.text[1:]
        else:
            raise ParseError("diff-variable", pos=d.pos)
        name = self.subscript(name)
        self.expect("}", opened=opened)
        return self.deriv_var(name, d.pos)
