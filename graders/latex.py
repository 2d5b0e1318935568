r"""The LaTeX subset ML answers use, read into the same typed tree as plain syntax.

Covered: ``\frac``, ``^{}``, ``_{}``, ``\cdot``/``\times``, ``\left( \right)``, Greek
(``\theta``, ``\sigma`` ...), ``\hat{y}``, ``\exp``, ``\log``/``\ln`` (natural),
``\sqrt``, ``\tanh``, ``e^{x}``, ``\sum_{i=1}^{n}``, ``^\top``/``^T`` (transpose),
``\odot``, ``\partial`` (``\frac{\partial J}{\partial \theta}``), ``\operatorname{...}``,
``\lfloor x \rfloor``/``\lceil x \rceil`` (also with ``\left``/``\right``, and ``\operatorname{floor}``).
Anything else (``\def``, ``\input`` ...) is an error; nothing is expanded.

>>> from graders.printer import to_plain
>>> to_plain(LatexParser(r"\frac{1}{n}\sum_{i=1}^{n}(y_i-\hat{y}_i)^2").parse_all())
'1/n*sum((y_i - ŷ_i)^2, i, 1, n)'
>>> to_plain(LatexParser(r"\left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1").parse_all())
'⌊(W - K + 2*P)/S⌋ + 1'
"""

from __future__ import annotations


from .errors import ParseError
from .latex_forms import _ACCENTS, _FONTS, LatexForms
from .latex_tokens import tokenize_latex
from .lexer import Token
from .limits import DEFAULT, Limits
from .names import FUNCTIONS, GREEK, PRIMED, function_name
from .parse import _INFIX, BRACKETS, Parser
from .tree import BinOp, Call, Name, Node, Num, Postfix

__all__ = ["LatexParser"]

_BINARY = {"cdot": "*", "times": "*", "odot": "⊙", "circ": "⊙", "div": "/", "ast": "*"}
_FUNCS = {"exp", "log", "ln", "sqrt", "tanh", "sinh", "cosh", "sin", "cos", "tan", "max", "min", "floor", "ceil"}
_FRAC = {"frac", "dfrac", "tfrac"}
_BRACKET_COMMANDS = {"⌊": r"\lfloor", "⌋": r"\rfloor", "⌈": r"\lceil", "⌉": r"\rceil"}


class LatexParser(LatexForms, Parser):
    def __init__(self, text: str, *, limits: Limits = DEFAULT, known=()) -> None:
        if len(text) > limits.max_chars:
            from .errors import LimitError

            raise LimitError("too-long", pos=limits.max_chars, limit=limits.max_chars)
        super().__init__(tokenize_latex(text), text, limits=limits, known=known)

    # -- helpers -------------------------------------------------------
    def split_first(self) -> Token:
        """Take one character of a NUM/LETTERS token (``x^23`` is x² · 3)."""
        tok = self.peek()
        if tok.kind in ("NUM", "LETTERS") and len(tok.text) > 1:
            self.tokens[self.i : self.i + 1] = [Token(tok.kind, tok.text[0], tok.pos),
                                                Token(tok.kind, tok.text[1:], tok.pos + 1)]
        return self.next()

    def group(self) -> Node:
        opened = self.expect("{")
        node = self.expr(0)
        self.expect("}", opened=opened)
        return node

    def raw_group(self) -> str:
        """Letters/digits inside ``{...}`` as a name (``\\text{new}`` -> ``new``)."""
        if not self.at("{"):
            tok = self.split_first()
            return self.raw_token(tok)
        opened = self.next()
        parts = []
        while not self.at("}"):
            tok = self.next()
            if tok.kind == "EOF":
                raise ParseError("unclosed", pos=opened.pos, open="{", close="}")
            if tok.kind == "CMD" and tok.text in _FONTS | set(_ACCENTS):
                parts.append(self.raw_group() + (_ACCENTS.get(tok.text, "") if tok.text in _ACCENTS else ""))
                continue
            parts.append(self.raw_token(tok))
        self.next()
        return "".join(parts)

    def raw_token(self, tok: Token) -> str:
        if tok.kind in ("LETTERS", "NUM") or (tok.kind == "CMD" and tok.text in GREEK):
            return tok.text
        if tok.kind == "OP" and tok.text == ",":
            return ""
        if tok.kind == "OP" and tok.text == "_":
            return "_"
        raise ParseError("latex-subscript", pos=tok.pos)

    def subscript(self, name: str) -> str:
        if self.at("_"):
            self.next()
            sub = self.raw_group()
            if not sub or not sub.replace("_", "").isalnum():
                raise ParseError("latex-subscript", pos=self.peek().pos)
            return f"{name}_{sub}"
        return name

    def spelling(self, bracket: str, tok: Token) -> str:
        """``\\rfloor`` when the answer wrote the bracket as a command (``\\lfloor``, ``\\right\\rfloor``)."""
        if self.text.startswith("\\", tok.pos):
            return _BRACKET_COMMANDS.get(bracket, bracket)
        return bracket

    # -- grammar -------------------------------------------------------
    def starts_operand(self, tok: Token) -> bool:
        if tok.kind in ("NAME", "LETTERS", "NUM"):
            return True
        if tok.kind == "CMD":
            return tok.text not in _BINARY and tok.text not in ("top", "intercal", "partial", "\\", "end")
        return tok.kind == "OP" and (tok.text in ("(", "{", "[") or tok.text in BRACKETS)

    def left_bp(self, tok: Token) -> int:
        if tok.kind == "CMD" and tok.text in _BINARY:
            return _INFIX[_BINARY[tok.text]]
        if tok.kind == "OP" and tok.text == "_":
            raise ParseError("latex-subscript", pos=tok.pos)
        if tok.kind == "OP" and tok.text == "'":
            raise ParseError("prime-needs-function", pos=tok.pos)
        if self.starts_operand(tok):
            return 20
        return super().left_bp(tok)

    def infix(self, left: Node, tok: Token) -> Node:
        if tok.kind == "CMD" and tok.text in _BINARY:
            self.next()
            op = _BINARY[tok.text]
            return BinOp(op, left, self.expr(_INFIX[op]), tok.pos)
        if tok.kind == "OP" and tok.text == "^":
            self.next()
            return self.power(left, tok)
        return super().infix(left, tok)

    def power(self, base: Node, tok: Token) -> Node:
        nxt = self.peek()
        if nxt.kind == "CMD" and nxt.text in ("top", "intercal"):
            self.next()
            return Postfix("T", base, tok.pos)
        if nxt.kind == "OP" and nxt.text == "{":
            if self.peek(1).kind == "CMD" and self.peek(1).text in ("top", "intercal") and self.at("}", 2):
                self.i += 3
                return Postfix("T", base, tok.pos)
            return BinOp("^", base, self.group(), tok.pos)
        if nxt.kind in ("NUM", "LETTERS"):
            return BinOp("^", base, self.prefix(self.split_first()), tok.pos)
        return BinOp("^", base, self.expr(_INFIX["^"] - 1), tok.pos)

    def prefix(self, tok: Token) -> Node:
        if tok.kind == "OP" and tok.text == "{":
            node = self.expr(0)
            self.expect("}", opened=tok)
            return node
        if tok.kind == "OP" and tok.text == "[":
            node = self.expr(0)
            self.expect("]", opened=tok)
            return node
        if tok.kind == "OP" and tok.text == "|":
            node = self.expr(0)
            self.expect("|", opened=tok)
            return Call("abs", (node,), tok.pos)
        if tok.kind == "LETTERS":
            return self.letters(tok)
        if tok.kind == "CMD":
            return self.command(tok)
        return super().prefix(tok)

    def letters(self, tok: Token) -> Node:
        run = tok.text
        func = function_name(run)
        if func and func != "sigma" and run not in self.known:
            return self.apply(func, tok)
        if run in self.known or run in GREEK or len(run) == 1 or run in ("pi",):
            return Name(self.subscript(run), tok.pos)
        # "xy" in LaTeX is x·y: split the run, the last letter takes any subscript
        self.tokens[self.i - 1 : self.i] = [Token("LETTERS", c, tok.pos + k) for k, c in enumerate(run)]
        self.i -= 1
        return self.prefix(self.next())

    def apply(self, func: str, tok: Token) -> Node:
        if self.at("("):
            return self.call(func, tok, self.args(self.next()))
        if FUNCTIONS[func] != (1, 1):
            raise ParseError("call-needs-parens", pos=tok.pos, func=func)
        if self.at("{"):
            return Call(func, (self.group(),), tok.pos)
        return Call(func, (self.expr(_INFIX["^"] - 1),), tok.pos)

    def command(self, tok: Token) -> Node:  # noqa: C901 - one branch per command family
        name = tok.text
        if name in PRIMED and self.at("'") and name not in self.known:
            self.next()  # \sigma'(z), \tanh'(x)
            return self.apply(PRIMED[name], tok)
        if name in _FRAC:
            return self.frac(tok)
        if name == "sqrt":
            if self.at("["):
                opened = self.next()
                index = self.expr(0)
                self.expect("]", opened=opened)
                return BinOp("^", self.group(), BinOp("/", Num("1", tok.pos), index, tok.pos), tok.pos)
            return Call("sqrt", (self.group() if self.at("{") else self.expr(_INFIX["^"] - 1),), tok.pos)
        if name in _FUNCS:
            return self.apply(name, tok)
        if name == "sigma" and (self.at("(") or self.at("{")) and "sigma" not in self.known:
            return self.apply("sigmoid", tok)
        if name in GREEK:
            return Name(self.subscript(name), tok.pos)
        if name in _ACCENTS:
            inner = self.raw_group()
            base, _, sub = inner.partition("_")
            return Name(self.subscript(base + _ACCENTS[name] + (f"_{sub}" if sub else "")), tok.pos)
        if name in _FONTS:
            word = self.raw_group()
            func = function_name(word) or function_name(word.lower())
            if func and name in ("operatorname", "mathrm", "text", "textrm"):
                return self.apply(func, tok)
            return Name(self.subscript(word), tok.pos)
        if name == "sum":
            return self.sum(tok)
        if name == "begin":
            return self.matrix(tok)
        raise ParseError("latex-unknown-command", pos=tok.pos, command="\\" + name)
