"""The Pratt parser of the plain answer syntax; :class:`graders.reading.latex.LatexParser` extends it.

Nothing is evaluated. Names are resolved here, against the question's symbols
(:func:`graders.reading.names.resolve`), so a product of glued names is a product of tokens and a
power binds to the last factor as a reader means it: ``ab^2`` is a·b². Also read as people write:
``|x|`` (absolute value), ``tanh^2(x)`` (the square of tanh x), ``⌊x⌋``/``⌈x⌉``, ``σ'(z)``,
``d/dx (…)`` and, where the caller allows it, a leading label ``θ_new = …``.

>>> from graders.reading import parse
>>> parse("2θ")
BinOp(op='*', left=Num(text='2', pos=0), right=Name(name='theta', pos=1), pos=1)
>>> from graders.reading.printer import to_plain
>>> to_plain(parse("ab^2 + |x| + tanh^2(x)"))
'a*b^2 + |x| + tanh(x)^2'
"""

from __future__ import annotations

from ..errors import LimitError, ParseError
from .functions import FUNCTIONS, PRIMED, lookup
from .lexer import Token, canonical
from .limits import DEFAULT, Limits
from .plain_names import NameReading
from .symbols import NO_SYMBOLS, Symbols
from .tree import BinOp, Call, Deriv, Eq, Name, Neg, Node, Num, Postfix, Sum, Vector

__all__ = ["Parser", "INFIX", "BRACKETS"]

INFIX = {"=": 1, "+": 10, "-": 10, "*": 20, "/": 20, "@": 20, "⊙": 20, "^": 30, "!": 40, "ᵀ": 40}
IMPLICIT = 20
_PREFIX_BP = 25
#: opening bracket -> (its closing bracket, the function): ``⌊x⌋`` is floor(x), ``⌈x⌉`` is ceil(x)
BRACKETS = {"⌊": ("⌋", "floor"), "⌈": ("⌉", "ceil")}
_CLOSERS = {")", "]", "⌋", "⌉"}
_FORMS = ("sum", "diff", "max", "min", "hadamard")


class Parser(NameReading):
    """Pratt parser over tokens. Subclasses add prefix forms (see :mod:`graders.reading.latex`)."""

    def __init__(
        self, tokens: list[Token], text: str, *, limits: Limits = DEFAULT, symbols: Symbols = NO_SYMBOLS
    ) -> None:
        if len(tokens) > limits.max_tokens:
            raise LimitError("too-many-tokens", pos=tokens[limits.max_tokens].pos, limit=limits.max_tokens)
        self.tokens, self.text, self.limits, self.symbols = tokens, text, limits, symbols
        self.known = frozenset(symbols.names)
        self.i = 0
        self.depth = 0
        self.bars = 0  # open |…| pairs: inside one, a "|" closes it
        self.bound: list[str] = []  # indices of the sums being read

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
    def parse_all(self, *, allow_eq: bool = True, allow_label: bool = False) -> Node:
        label = self.label() if allow_label else None
        node = self.expr(0)
        tok = self.peek()
        if tok.kind != "EOF":
            raise self.unexpected(tok)
        if label is not None:
            if isinstance(node, Eq):
                raise ParseError("chained-equals", pos=node.pos)
            node = Eq(label, node, label.pos, label=True)
        elif isinstance(node, Eq) and not allow_eq:
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
        if tok.kind == "OP" and tok.text == "|":
            return self.bars == 0
        return tok.kind == "NAME" or (tok.kind == "OP" and (tok.text == "(" or tok.text in BRACKETS))

    def left_bp(self, tok: Token) -> int:
        if tok.kind == "OP" and tok.text == "'":
            raise ParseError("prime-needs-function", pos=tok.pos)
        if tok.kind == "OP" and tok.text in INFIX:
            return INFIX[tok.text]
        if self.starts_operand(tok):
            return IMPLICIT
        if tok.kind == "NUM":
            raise ParseError("missing-operator", pos=tok.pos)
        return 0

    def infix(self, left: Node, tok: Token) -> Node:
        if not (tok.kind == "OP" and tok.text in INFIX):  # implicit multiplication
            return BinOp("*", left, self.expr(IMPLICIT), tok.pos)
        self.next()
        op = tok.text
        if op in ("!", "ᵀ"):
            return Postfix("!" if op == "!" else "T", left, tok.pos)
        if op == "^":
            if self.transpose_mark():
                return Postfix("T", left, tok.pos)
            return BinOp("^", left, self.expr(INFIX["^"] - 1), tok.pos)
        if op == "=":
            if isinstance(left, Eq):
                raise ParseError("chained-equals", pos=tok.pos)
            return Eq(left, self.expr(1), tok.pos)
        return BinOp(op, left, self.expr(INFIX[op]), tok.pos)

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
            if tok.text == "|":
                return self.bars_abs(tok)
            if tok.text == "-":
                return Neg(self.expr(_PREFIX_BP), tok.pos)
            if tok.text == "+":
                return self.expr(_PREFIX_BP)
            if tok.text == "'":
                raise ParseError("prime-needs-function", pos=tok.pos)
        raise self.unexpected(tok)

    def bars_abs(self, opened: Token) -> Node:
        """``|x|``: the absolute value (a ``|`` inside the bars closes them)."""
        self.bars += 1
        try:
            if self.peek().kind == "EOF":
                raise self.unexpected(self.peek())
            inner = self.expr(0)
            if not self.at("|"):
                raise ParseError("unclosed", pos=opened.pos, open="|", close="|")
            self.next()
        finally:
            self.bars -= 1
        return Call("abs", (inner,), opened.pos)

    def bracketed(self, opened: Token) -> Node:
        """``⌊x⌋``/``⌈x⌉`` (LaTeX ``\\lfloor x \\rfloor``): a closing bracket of another kind
        is ``mismatched-bracket`` at that bracket, a missing one ``unclosed`` at the opening,
        anything else (``⌊a, b⌋``) ``unexpected`` where it stands."""
        close, func = BRACKETS[opened.text]
        shown, want = self.spelling(opened.text, opened), self.spelling(close, opened)
        saved, self.bars = self.bars, 0
        inner = None if self.peek().kind == "EOF" else self.expr(0)
        self.bars = saved
        tok = self.peek()
        if tok.kind == "EOF":
            raise ParseError("unclosed", pos=opened.pos, open=shown, close=want)
        if tok.kind == "OP" and tok.text == close:
            self.next()
            return Call(func, (inner,), opened.pos)
        if tok.kind == "OP" and tok.text in _CLOSERS:
            raise ParseError(
                "mismatched-bracket", pos=tok.pos, open=shown, close=self.spelling(tok.text, tok), want=want
            )
        raise self.unexpected(tok, expected=want)

    def spelling(self, bracket: str, tok: Token) -> str:
        """How a bracket is written in messages (LaTeX answers say ``\\rfloor``)."""
        return bracket

    def vector(self, opened: Token) -> Node:
        saved, self.bars = self.bars, 0
        items = [self.expr(1)]
        while self.at(","):
            self.next()
            items.append(self.expr(1))
        self.bars = saved
        self.expect("]", opened=opened)
        return Vector(tuple(items), opened.pos)

    def args(self, opened: Token) -> list[Node]:
        if self.at(")"):
            self.next()
            return []
        saved, self.bars = self.bars, 0
        out = [self.expr(1)]
        while self.at(","):
            self.next()
            out.append(self.expr(1))
        self.bars = saved
        self.expect(")", opened=opened)
        return out

    def name(self, tok: Token) -> Node:
        if tok.text == "d" and self.at("/") and "d" not in self.known:
            deriv = self.derivative(tok)
            if deriv is not None:
                return deriv
        func = lookup(tok.text) if tok.text not in self.known else None
        if func is not None and func.name in PRIMED and self.at("'") and self.at("(", 1):
            self.next()  # σ'(z): the derivative of σ
            return self.call(PRIMED[func.name], tok, self.args(self.next()))
        if func is not None and (not func.call_only or self.at("(")):
            return self.apply(func.name, tok)
        return self.variable(tok)

    def apply(self, func: str, tok: Token) -> Node:
        """A function applied: ``f(a, b)``, ``f x`` (one argument) or ``f^2(x)`` (a power of f(x))."""
        power = None
        if self.at("^") and FUNCTIONS[func].value is not None:
            self.next()  # tanh^2(x) is tanh(x)^2
            power = self.prefix(self.next())
            if isinstance(power, Neg):
                raise ParseError("inverse-function-power", pos=power.pos, func=func)
        if self.at("(") and func == "sum":
            index = self.sum_index_ahead()
            self.bound.append(index)
            try:
                node = self.call(func, tok, self.args(self.next()))
            finally:
                self.bound.pop()
        elif self.at("("):
            node = self.call(func, tok, self.args(self.next()))
        elif func in _FORMS:
            raise ParseError("call-needs-parens", pos=tok.pos, func=tok.text)
        else:
            node = Call(func, (self.expr(INFIX["^"] - 1),), tok.pos)
        return node if power is None else BinOp("^", node, power, tok.pos)

    def call(self, func: str, tok: Token, args: list[Node]) -> Node:
        lo, hi = FUNCTIONS[func].arity
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
            return Deriv(self.deriv_var(var.name, var.pos), body, tok.pos)
        if func == "hadamard":
            return BinOp("⊙", args[0], args[1], tok.pos)
        if func == "transpose":
            return Postfix("T", args[0], tok.pos)
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
        var = self.deriv_var(var, self.peek(skip - 1).pos)
        self.i += skip
        return Deriv(var, self.expr(15), tok.pos)
