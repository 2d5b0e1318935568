"""Names an ML reader uses: Greek letters, whitelisted functions, constants.

Canonical names are plain ASCII (``theta``, ``yhat``, ``W_1``); Unicode and LaTeX
spellings are mapped onto them by the parsers. Names that clash with SymPy
(``N``, ``S``, ``beta``, ``gamma``, ``lambda``, ``sigma``, ``e``) are never looked up
in SymPy: they are symbols here, except ``e`` (Euler's number unless a question
declares a variable ``e``) and ``sigma(...)`` (the logistic sigmoid when called).

>>> display_name("theta_1"), latex_name("yhat_i")
('θ_1', '\\\\hat{y}_{i}')
"""

from __future__ import annotations

__all__ = [
    "GREEK",
    "UNICODE_GREEK",
    "CONSTANTS",
    "latex_name",
    "display_name",
    "digit_alias",
    "splittable",
    "split_name",
    "resolve",
]

_LOWER = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
]
_UPPER = ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"]
GREEK = frozenset(_LOWER + _UPPER + ["varepsilon", "varphi", "vartheta"])

UNICODE_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ϵ": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ϑ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "ϕ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
    "Γ": "Gamma",
    "Δ": "Delta",
    "Θ": "Theta",
    "Λ": "Lambda",
    "Ξ": "Xi",
    "Π": "Pi",
    "Σ": "Sigma",
    "Φ": "Phi",
    "Ψ": "Psi",
    "Ω": "Omega",
}
_GREEK_CHAR = {v: k for k, v in reversed(list(UNICODE_GREEK.items()))}
_GREEK_CHAR.update(varepsilon="ε", varphi="φ", vartheta="θ")

CONSTANTS = frozenset({"e", "pi"})


def _split(name: str) -> tuple[str, str]:
    base, _, sub = name.partition("_")
    return base, sub


def display_name(name: str) -> str:
    """Unicode spelling for people: ``theta`` -> ``θ``, ``yhat`` -> ``ŷ``."""
    base, sub = _split(name)
    if base.endswith("hat") and len(base) > 3:
        base = display_name(base[:-3]) + "\u0302"
    elif base in _GREEK_CHAR:
        base = _GREEK_CHAR[base]
    import unicodedata

    return unicodedata.normalize("NFC", f"{base}_{display_name(sub)}" if sub else base)


def latex_name(name: str) -> str:
    """LaTeX spelling: ``theta_new`` -> ``\\theta_{new}``, ``yhat`` -> ``\\hat{y}``."""
    base, sub = _split(name)
    if base.endswith("hat") and len(base) > 3:
        out = rf"\hat{{{latex_name(base[:-3])}}}"
    elif base in GREEK:
        out = "\\" + base
    elif len(base) > 1 and base.rstrip("0123456789") and base[len(base.rstrip("0123456789")) :] and not sub:
        head = base.rstrip("0123456789")
        return f"{latex_name(head)}_{{{base[len(head) :]}}}"
    elif len(base) > 1 and not base.isdigit():
        out = rf"\mathrm{{{base}}}"
    else:
        out = base
    return f"{out}_{{{latex_name(sub)}}}" if sub else out


def digit_alias(name: str) -> str:
    """The other spelling of a numbered name: ``W_1`` <-> ``W1`` (the same variable)."""
    base, _, sub = name.partition("_")
    if sub.isdigit():
        return base + sub
    head = base.rstrip("0123456789")
    return f"{head}_{base[len(head) :]}" if head and head != base and not sub else name


def splittable(name: str) -> bool:
    """True if an undeclared ``ab`` may be read as ``a·b`` (not Greek, a constant, a function or ``…hat``)."""
    from .functions import lookup

    return (
        len(name) > 1
        and name.isascii()
        and name.isalpha()
        and name not in GREEK
        and name not in CONSTANTS
        and not lookup(name)
        and not name.endswith("hat")
    )


def split_name(name: str, declared) -> list[str] | None:
    """Split ``xy`` into names ``in declared`` (``x``, ``y``; longest match first; ``W1x`` is
    ``W_1``·``x`` when ``W_1`` is declared), or None."""
    out, i = [], 0
    while i < len(name):
        for j in range(len(name), i, -1):
            part = name[i:j]
            found = part if part in declared else digit_alias(part) if digit_alias(part) in declared else None
            if found is not None:
                out.append(found)
                i = j
                break
        else:
            return None
    return out


def resolve(name: str, declared, *, strict: bool) -> list[str] | None:
    """The one name resolver: the names a typed name stands for (several when it is a product).

    A declared name, or its digit alias (``W1`` for ``W_1``), stands for itself; so do ``e`` and
    ``pi``. Otherwise, with a symbol table (``strict``), the name must split into declared names
    (``xy`` is ``x·y``) or it is unknown (None). Without one, ``W1`` is ``W_1``, a run of plain
    letters is a product of single letters and any other name is a new variable.

    >>> resolve("xy", {"x", "y"}, strict=True), resolve("W1", {"W_1"}, strict=True), resolve("q", {"x"}, strict=True)
    (['x', 'y'], ['W_1'], None)
    >>> resolve("ab", (), strict=False), resolve("theta", (), strict=False), resolve("W1", (), strict=False)
    (['a', 'b'], ['theta'], ['W_1'])
    """
    for candidate in (name, digit_alias(name)):
        if candidate in declared:
            return [candidate]
    if name in CONSTANTS:
        return [name]
    if strict:
        return split_name(name, declared)
    if "_" not in name:
        name = digit_alias(name)
    return list(name) if splittable(name) else [name]
