"""Parse an answer (plain syntax or a LaTeX subset) into a typed tree.

A Pratt parser: nothing is evaluated, nothing reaches ``eval``/``sympify``. Length,
token count and nesting are limited here; sizes of numbers are limited by
:mod:`graders.limits` before SymPy builds anything.

>>> parse("2(theta - 1)")
BinOp(op='*', left=Num(text='2', pos=0), right=BinOp(op='-', left=Name(name='theta', pos=2), right=Num(text='1', pos=10), pos=8), pos=1)
>>> parse("⌈n/2⌉")
Call(func='ceil', args=(BinOp(op='/', left=Name(name='n', pos=1), right=Num(text='2', pos=3), pos=2),), pos=0)
"""

from __future__ import annotations

from typing import Iterable

from .errors import LimitError, ParseError
from .lexer import Token, canonical, tokenize
from .limits import DEFAULT, Limits
from .names import FUNCTIONS, PRIMED, function_name
from .tree import BinOp, Call, Deriv, Eq, Name, Neg, Node, Num, Postfix, Sum, Vector

__all__ = ["parse", "is_latex", "Parser"]

_INFIX = {"=": 1, "+": 10, "-": 10, "*": 20, "/": 20, "@": 20, "⊙": 20, "^": 30, "!": 40, "ᵀ": 40}
_IMPLICIT = 20
_PREFIX_BP = 25
#: opening bracket -> (its closing bracket, the function): ``⌊x⌋`` is floor(x), ``⌈x⌉`` is ceil(x)
BRACKETS = {"⌊": ("⌋", "floor"), "⌈": ("⌉", "ceil")}
_CLOSERS = {")", "]", "⌋", "⌉"}


def is_latex(text: str) -> bool:
    """LaTeX if the answer uses a backslash command or braces."""
    return "\\" in text or "{" in text


def parse(text: str, *, limits: Limits = DEFAULT, known: Iterable[str] = (), allow_eq: bool = True) -> Node:
    """Read ``text`` (plain or LaTeX) into a tree; raise a typed :class:`InputError`."""
    if len(text) > limits.max_chars:
        raise LimitError("too-long", pos=limits.max_chars, limit=limits.max_chars)
    if not text.strip():
        raise ParseError("empty", pos=0)
    if is_latex(text):
        from .latex import LatexParser

        parser: Parser = LatexParser(text, limits=limits, known=known)
    else:
        parser = Parser(tokenize(text), text, limits=limits, known=known)
    return parser.parse_all(allow_eq=allow_eq)


class Parser:
    """Pratt parser over tokens. Subclasses add prefix forms (see :mod:`graders.latex`)."""

    def __init__(self, tokens: list[Token], text: str, *, limits: Limits = DEFAULT, known: Iterable[str] = ()) -> None:
        if len(tokens) > limits.max_tokens:
            raise LimitError("too-many-tokens", pos=tokens[limits.max_tokens].pos, limit=limits.max_tokens)
        self.tokens, self.text, self.limits = tokens, text, limits
        self.known = frozenset(known)
        self.i = 0
        self.depth = 0

    # -- token helpers -------------------------------------------------
    def peek(self, k: int = 0) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def next(self) -> Token:
        tok = self.peek()
        self.i += 1
        return tok

    def at(self, text: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok.kind == "OP" and tok.text == text

    def expect(self, text: str, opened: Token | None = None) -> Token:
        tok = self.peek()
        if tok.kind == "OP" and tok.text == text:
            return self.next()
        if opened is not None:
            raise ParseError("unclosed", pos=opened.pos, open=opened.text, close=text, found_pos=tok.pos)
        raise self.unexpected(tok, expected=text)

    def unexpected(self, tok: Token, expected: str = "") -> ParseError:
        if tok.kind == "EOF":
            return ParseError("unexpected-end", pos=tok.pos, expected=expected)
        return ParseError("unexpected", pos=tok.pos, token=tok.text, expected=expected)

    # -- grammar -------------------------------------------------------
    def parse_all(self, allow_eq: bool = True) -> Node:
        node = self.expr(0)
        tok = self.peek()
        if tok.kind != "EOF":
            raise self.unexpected(tok)
        if isinstance(node, Eq) and not allow_eq:
            raise ParseError("equation-not-expected", pos=node.pos)
        return node

    def expr(self, rbp: int) -> Node:
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise LimitError("too-deep", pos=self.peek().pos, limit=self.limits.max_depth)
        left = self.prefix(self.next())
        while True:
            tok = self.peek()
            lbp = self.left_bp(tok)
            if lbp <= rbp:
                break
            left = self.infix(left, tok)
        self.depth -= 1
        return left

    def starts_operand(self, tok: Token) -> bool:
        return tok.kind == "NAME" or (tok.kind == "OP" and (tok.text == "(" or tok.text in BRACKETS))

    def left_bp(self, tok: Token) -> int:
        if tok.kind == "OP" and tok.text == "'":
            raise ParseError("prime-needs-function", pos=tok.pos)
        if tok.kind == "OP" and tok.text in _INFIX:
            return _INFIX[tok.text]
        if self.starts_operand(tok):
            return _IMPLICIT
        if tok.kind == "NUM":
            raise ParseError("missing-operator", pos=tok.pos)
        return 0

    def infix(self, left: Node, tok: Token) -> Node:
        if not (tok.kind == "OP" and tok.text in _INFIX):  # implicit multiplication
            return BinOp("*", left, self.expr(_IMPLICIT), tok.pos)
        self.next()
        op = tok.text
        if op in ("!", "ᵀ"):
            return Postfix("!" if op == "!" else "T", left, tok.pos)
        if op == "^":
            return BinOp("^", left, self.expr(_INFIX["^"] - 1), tok.pos)
        if op == "=":
            if isinstance(left, Eq):
                raise ParseError("chained-equals", pos=tok.pos)
            return Eq(left, self.expr(1), tok.pos)
        return BinOp(op, left, self.expr(_INFIX[op]), tok.pos)

    def prefix(self, tok: Token) -> Node:
        if tok.kind == "NUM":
            return Num(tok.text, tok.pos)
        if tok.kind == "NAME":
            return self.name(tok)
        if tok.kind == "OP":
            if tok.text == "(":
                if self.peek().kind == "EOF":
                    raise ParseError("unclosed", pos=tok.pos, open="(", close=")")
                inner = self.expr(0)
                self.expect(")", opened=tok)
                return inner
            if tok.text == "[":
                return self.vector(tok)
            if tok.text in BRACKETS:
                return self.bracketed(tok)
            if tok.text == "-":
                return Neg(self.expr(_PREFIX_BP), tok.pos)
            if tok.text == "+":
                return self.expr(_PREFIX_BP)
            if tok.text == "'":
                raise ParseError("prime-needs-function", pos=tok.pos)
        raise self.unexpected(tok)

    def bracketed(self, opened: Token) -> Node:
        """``⌊x⌋``/``⌈x⌉`` (LaTeX ``\\lfloor x \\rfloor``): a closing bracket of another kind
        is ``mismatched-bracket`` at that bracket, a missing one ``unclosed`` at the opening,
        anything else (``⌊a, b⌋``) ``unexpected`` where it stands."""
        close, func = BRACKETS[opened.text]
        shown, want = self.spelling(opened.text, opened), self.spelling(close, opened)
        inner = None if self.peek().kind == "EOF" else self.expr(0)
        tok = self.peek()
        if tok.kind == "EOF":
            raise ParseError("unclosed", pos=opened.pos, open=shown, close=want)
        if tok.kind == "OP" and tok.text == close:
            self.next()
            return Call(func, (inner,), opened.pos)
        if tok.kind == "OP" and tok.text in _CLOSERS:
            raise ParseError("mismatched-bracket", pos=tok.pos, open=shown, close=self.spelling(tok.text, tok),
                             want=want)
        raise self.unexpected(tok, expected=want)

    def spelling(self, bracket: str, tok: Token) -> str:
        """How a bracket is written in messages (LaTeX answers say ``\\rfloor``)."""
        return bracket

    def vector(self, opened: Token) -> Node:
        items = [self.expr(1)]
        while self.at(","):
            self.next()
            items.append(self.expr(1))
        self.expect("]", opened=opened)
        return Vector(tuple(items), opened.pos)

    def args(self, opened: Token) -> list[Node]:
        if self.at(")"):
            self.next()
            return []
        out = [self.expr(1)]
        while self.at(","):
            self.next()
            out.append(self.expr(1))
        self.expect(")", opened=opened)
        return out

    def name(self, tok: Token) -> Node:
        if tok.text == "d" and self.at("/"):
            deriv = self.derivative(tok)
            if deriv is not None:
                return deriv
        func = function_name(tok.text)
        if func in PRIMED and tok.text not in self.known and self.at("'") and self.at("(", 1):
            self.next()  # σ'(z): the derivative of σ
            return self.call(PRIMED[func], tok, self.args(self.next()))
        if func and tok.text not in self.known and (func != "sigma" or self.at("(")):
            if self.at("("):
                return self.call(func, tok, self.args(self.next()))
            if func in ("sum", "diff", "max", "min", "hadamard"):
                raise ParseError("call-needs-parens", pos=tok.pos, func=tok.text)
            return Call(func, (self.expr(_INFIX["^"] - 1),), tok.pos)
        return Name(tok.text, tok.pos)

    def call(self, func: str, tok: Token, args: list[Node]) -> Node:
        lo, hi = FUNCTIONS[func]
        if not lo <= len(args) <= hi:
            raise ParseError("arity", pos=tok.pos, func=func, expected=lo if lo == hi else f"{lo}-{hi}", got=len(args))
        if func == "sum":  # sum(body, i, lo, hi)
            body, index, start, stop = args
            if not isinstance(index, Name):
                raise ParseError("sum-index", pos=index.pos)
            return Sum(index.name, start, stop, body, tok.pos)
        if func == "diff":  # diff(body, var)
            body, var = args
            if not isinstance(var, Name):
                raise ParseError("diff-variable", pos=var.pos)
            return Deriv(var.name, body, tok.pos)
        return Call(func, tuple(args), tok.pos)

    def derivative(self, tok: Token) -> Node | None:
        """``d/dx body`` or ``d/d θ body``; None (not a derivative) otherwise."""
        den = self.peek(1)
        if den.kind != "NAME" or not den.text.startswith("d"):
            return None
        if den.text == "d" and self.peek(2).kind == "NAME":
            var, skip = self.peek(2).text, 3
        elif len(den.text) > 1:
            var, skip = canonical(den.text[1:]), 2
        else:
            return None
        self.i += skip
        return Deriv(var, self.expr(15), tok.pos)
