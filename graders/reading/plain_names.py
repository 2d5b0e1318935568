"""How the plain parser reads names: resolution against the symbols, products of glued names,
labels, the index of a sum and the variable of a derivative. Mixed into
:class:`graders.reading.plain.Parser` (and so into the LaTeX parser)."""

from __future__ import annotations

from ..errors import LimitError, ParseError, UnknownNameError
from .functions import lookup
from .lexer import Token, canonical
from .names import display_name, resolve
from .tree import Name, Node

__all__ = ["NameReading"]


class NameReading:
    """Methods that need the parser's tokens, symbols and limits."""

    def label(self) -> Name | None:
        """``θ_new = …``, ``J = …``: a name the symbols do not declare, then ``=``."""
        tok = self.peek()
        if tok.kind not in ("NAME", "LETTERS") or not self.at("=", 1):
            return None
        name = canonical(tok.text)
        if name in self.known or lookup(name) or resolve(name, self.known, strict=True) is not None:
            return None  # a declared name: "x = 2" is an equation
        self.i += 2
        return Name(name, tok.pos)

    def transpose_mark(self) -> bool:
        """After ``^``: a ``T`` that is not a declared name is the transpose (``W^T``); consumed."""
        tok = self.peek()
        if tok.kind not in ("NAME", "LETTERS") or not tok.text.startswith("T") or "T" in self.known:
            return False
        if tok.text == "T":
            self.next()
            return True
        rest = tok.text[1:]
        if tok.text in self.known or (tok.kind == "NAME" and not rest[0].isalpha()):
            return False
        self.tokens[self.i] = Token(tok.kind, rest, tok.pos + 1)  # W^Tx is Wᵀ·x
        return True

    def sum_index_ahead(self) -> str:
        """The index of ``sum(body, i, lo, hi)`` (the second argument), read ahead of the body so
        that names in the body can use it (``x_i``)."""
        depth, k = 0, self.i
        while k < len(self.tokens) - 1:
            tok = self.tokens[k]
            if tok.kind == "OP" and tok.text in "([⌊⌈":
                depth += 1
            elif tok.kind == "OP" and tok.text in ")]⌋⌉":
                depth -= 1
                if depth == 0:
                    break
            elif tok.kind == "OP" and tok.text == "," and depth == 1:
                index, after = self.tokens[k + 1], self.tokens[k + 2]
                return index.text if index.kind in ("NAME", "LETTERS") and after.text == "," else ""
            k += 1
        return ""

    def resolve(self, name: str, pos: int) -> list[str]:
        """:func:`graders.reading.names.resolve`, knowing the indices of the sums being read
        (``i`` and ``x_i`` in ``sum(x_i, i, 1, n)``); unknown names are an error here."""
        base, _, sub = name.partition("_")
        if name in self.bound or (sub in self.bound and (not self.symbols.strict or base in self.known)):
            return [name]
        parts = resolve(name, self.known, strict=self.symbols.strict)
        if parts is None:
            raise UnknownNameError(
                "unknown-name",
                pos=pos,
                name=display_name(name),
                allowed=", ".join(display_name(n) for n in self.symbols.names) or "-",
            )
        return parts

    def variable(self, tok: Token) -> Node:
        """A name as the symbols read it: itself, its digit alias, or a product (``xy`` is x·y,
        pushed back as separate tokens so that a power binds to the last one)."""
        parts = self.resolve(tok.text, tok.pos)
        if len(parts) > 1 and len(self.tokens) + len(parts) > self.limits.max_tokens:
            raise LimitError("too-many-tokens", pos=tok.pos, limit=self.limits.max_tokens)
        if len(parts) > 1:
            offsets = []
            at = tok.pos
            for part in parts:
                offsets.append(Token("NAME", part, at))
                at += len(part)
            self.tokens[self.i : self.i] = offsets[1:]
            return Name(parts[0], tok.pos)
        return Name(parts[0], tok.pos)

    def deriv_var(self, name: str, pos: int) -> str:
        """The variable of d/dx: one name of the symbols (``d/dW1`` is d/dW_1 when W_1 is declared)."""
        parts = self.resolve(name, pos)
        if len(parts) != 1 or parts[0] in ("e", "pi"):
            raise ParseError("diff-variable", pos=pos)
        return parts[0]
