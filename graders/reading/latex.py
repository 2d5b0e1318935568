r"""The LaTeX subset ML answers use, read into the same typed tree as plain syntax.

Covered: ``\frac`` (also ``\frac12``), ``^{}``, ``_{}``, ``\cdot``/``\times``, ``\left( \right)``, Greek
(``\theta``, ``\sigma`` ...), ``\hat{y}``, the functions of :mod:`graders.reading.functions` (``\exp``,
``\ln``, ``\log_{10}``, ``\tanh^2 x``, ``\operatorname{ReLU}`` …), ``e^{x}``, ``1e-8``, ``\sum_{i=1}^{n}``,
``^\top``/``^T`` (transpose), ``\odot``, ``\partial`` (``\frac{\partial J}{\partial \theta}``), ``|x|``,
``\lfloor x \rfloor``/``\lceil x \rceil``, matrices (``bmatrix``, ``pmatrix``), and the Unicode a reader
types (``θ``, ``·``, ``²``). Anything else (``\def``, ``\input`` ...) is an error; nothing is expanded.

>>> from graders.reading.printer import to_plain
>>> to_plain(LatexParser(r"\frac{1}{n}\sum_{i=1}^{n}(y_i-\hat{y}_i)^2").parse_all())
'1/n*sum((y_i - ŷ_i)^2, i, 1, n)'
>>> to_plain(LatexParser(r"\frac12 \tanh^2 x + 1e-8").parse_all())
'1/2*tanh(x)^2 + 1e-8'
"""

from __future__ import annotations

from ..errors import LimitError, ParseError
from .functions import FUNCTIONS, LATEX_COMMANDS, PRIMED, lookup
from .latex_forms import ACCENTS, FONTS, LatexForms
from .latex_lexer import tokenize_latex
from .lexer import Token
from .limits import DEFAULT, Limits
from .names import GREEK
from .plain import BRACKETS, INFIX, Parser
from .symbols import NO_SYMBOLS, Symbols
from .tree import BinOp, Call, Name, Neg, Node, Num, Postfix

__all__ = ["LatexParser"]

_BINARY = {"cdot": "*", "times": "*", "odot": "⊙", "circ": "⊙", "div": "/", "ast": "*"}
_FRAC = {"frac", "dfrac", "tfrac"}
_BRACKET_COMMANDS = {"⌊": r"\lfloor", "⌋": r"\rfloor", "⌈": r"\lceil", "⌉": r"\rceil"}
_LOG_BASES = {"10": "log10", "2": "log2", "e": "log"}


class LatexParser(LatexForms, Parser):
    def __init__(self, text: str, *, limits: Limits = DEFAULT, symbols: Symbols = NO_SYMBOLS) -> None:
        if len(text) > limits.max_chars:
            raise LimitError("too-long", pos=limits.max_chars, limit=limits.max_chars)
        super().__init__(tokenize_latex(text), text, limits=limits, symbols=symbols)

    # -- helpers -------------------------------------------------------
    def split_first(self) -> Token:
        """Take one character of a NUM/LETTERS token (``x^23`` is x² · 3)."""
        tok = self.peek()
        if tok.kind in ("NUM", "LETTERS") and len(tok.text) > 1:
            self.tokens[self.i : self.i + 1] = [
                Token(tok.kind, tok.text[0], tok.pos),
                Token(tok.kind, tok.text[1:], tok.pos + 1),
            ]
        return self.next()

    def group(self) -> Node:
        opened = self.expect("{")
        node = self.expr(0)
        self.expect("}", opened=opened)
        return node

    def argument(self) -> Node:
        """A command's argument: ``{…}`` or a single character (``\\frac12``, ``\\sqrt2``)."""
        if self.at("{"):
            return self.group()
        tok = self.split_first()
        if tok.kind in ("NUM", "LETTERS", "CMD"):
            return self.prefix(tok)
        raise self.unexpected(tok)

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
            if tok.kind == "CMD" and tok.text in FONTS | set(ACCENTS):
                parts.append(self.raw_group() + (ACCENTS.get(tok.text, "") if tok.text in ACCENTS else ""))
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

    def named(self, name: str, pos: int) -> Node:
        """A complete name (after its subscript) as the symbols read it."""
        parts = self.resolve(name, pos)
        node: Node = Name(parts[0], pos)
        for part in parts[1:]:
            node = BinOp("*", node, Name(part, pos), pos)
        return node

    # -- grammar -------------------------------------------------------
    def starts_operand(self, tok: Token) -> bool:
        if tok.kind in ("NAME", "LETTERS", "NUM"):
            return True
        if tok.kind == "CMD":
            return tok.text not in _BINARY and tok.text not in ("top", "intercal", "partial", "\\", "end")
        if tok.kind == "OP" and tok.text == "|":
            return self.bars == 0
        return tok.kind == "OP" and (tok.text in ("(", "{", "[") or tok.text in BRACKETS)

    def left_bp(self, tok: Token) -> int:
        if tok.kind == "CMD" and tok.text in _BINARY:
            return INFIX[_BINARY[tok.text]]
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
            return BinOp(op, left, self.expr(INFIX[op]), tok.pos)
        if tok.kind == "OP" and tok.text == "^":
            self.next()
            return self.power(left, tok)
        return super().infix(left, tok)

    def power(self, base: Node, tok: Token) -> Node:
        nxt = self.peek()
        if nxt.kind == "CMD" and nxt.text in ("top", "intercal"):
            self.next()
            return Postfix("T", base, tok.pos)
        if self.transpose_mark():
            return Postfix("T", base, tok.pos)
        if nxt.kind == "OP" and nxt.text == "{":
            inner = self.peek(1)
            if self.at("}", 2) and (
                (inner.kind == "CMD" and inner.text in ("top", "intercal"))
                or (inner.kind == "LETTERS" and inner.text == "T" and "T" not in self.known)
            ):
                self.i += 3
                return Postfix("T", base, tok.pos)
            return BinOp("^", base, self.group(), tok.pos)
        if nxt.kind in ("NUM", "LETTERS"):
            return BinOp("^", base, self.prefix(self.split_first()), tok.pos)
        return BinOp("^", base, self.expr(INFIX["^"] - 1), tok.pos)

    def prefix(self, tok: Token) -> Node:
        if tok.kind == "OP" and tok.text == "{":
            node = self.expr(0)
            self.expect("}", opened=tok)
            return node
        if tok.kind == "OP" and tok.text == "[":
            node = self.expr(0)
            self.expect("]", opened=tok)
            return node
        if tok.kind == "LETTERS":
            return self.letters(tok)
        if tok.kind == "CMD":
            return self.command(tok)
        return super().prefix(tok)

    def letters(self, tok: Token) -> Node:
        run = tok.text
        func = lookup(run) if run not in self.known else None
        if func is not None and not func.call_only:
            return self.apply(func.name, tok)
        if run in self.known or run in GREEK or len(run) == 1 or run == "pi":
            return self.named(self.subscript(run), tok.pos)
        # "xy" in LaTeX is x·y: split the run, the last letter takes any subscript
        self.tokens[self.i - 1 : self.i] = [Token("LETTERS", c, tok.pos + k) for k, c in enumerate(run)]
        self.i -= 1
        return self.prefix(self.next())

    def apply(self, func: str, tok: Token) -> Node:
        power = None
        if self.at("^") and FUNCTIONS[func].value is not None:  # \tanh^2 x is (tanh x)²
            self.next()
            power = self.argument()
            if isinstance(power, Neg):
                raise ParseError("inverse-function-power", pos=power.pos, func=func)
        if self.at("("):
            node = self.call(func, tok, self.args(self.next()))
        elif FUNCTIONS[func].arity != (1, 1):
            raise ParseError("call-needs-parens", pos=tok.pos, func=func)
        elif self.at("{"):
            node = Call(func, (self.group(),), tok.pos)
        else:
            node = Call(func, (self.expr(INFIX["^"] - 1),), tok.pos)
        return node if power is None else BinOp("^", node, power, tok.pos)

    def command(self, tok: Token) -> Node:  # one branch per command family
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
                return BinOp("^", self.argument(), BinOp("/", Num("1", tok.pos), index, tok.pos), tok.pos)
            return Call("sqrt", (self.argument(),), tok.pos)
        if name == "log" and self.at("_"):
            return self.log_base(tok)
        if name in LATEX_COMMANDS:
            return self.apply(LATEX_COMMANDS[name], tok)
        if name == "sigma" and (self.at("(") or self.at("{")) and "sigma" not in self.known:
            return self.apply("sigmoid", tok)
        if name in GREEK:
            return self.named(self.subscript(name), tok.pos)
        if name in ACCENTS:
            inner = self.raw_group()
            base, _, sub = inner.partition("_")
            return self.named(self.subscript(base + ACCENTS[name] + (f"_{sub}" if sub else "")), tok.pos)
        if name in FONTS:
            word = self.raw_group()
            func = lookup(word) or lookup(word.lower()) or FUNCTIONS.get(LATEX_COMMANDS.get(word, ""))
            if func and name in ("operatorname", "mathrm", "text", "textrm"):
                return self.apply(func.name, tok)
            return self.named(self.subscript(word), tok.pos)
        if name == "sum":
            return self.sum(tok)
        if name == "begin":
            return self.matrix(tok)
        raise ParseError("latex-unknown-command", pos=tok.pos, command="\\" + name)

    def log_base(self, tok: Token) -> Node:
        """``\\log_{10} x``, ``\\log_2 x``; another base b is ln(x)/ln(b)."""
        self.next()
        base = self.raw_group()
        func = _LOG_BASES.get(base)
        if func is not None:
            return self.apply(func, tok)
        if not base.isdigit():
            raise ParseError("log-base", pos=tok.pos, base=base)
        arg = self.apply("log", tok)
        return BinOp("/", arg, Call("log", (Num(base, tok.pos),), tok.pos), tok.pos)
