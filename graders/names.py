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
    "PRIMED",
    "GREEK",
    "UNICODE_GREEK",
    "FUNCTIONS",
    "CONSTANTS",
    "latex_name",
    "display_name",
    "digit_alias",
    "splittable",
    "split_name",
]

_LOWER = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho "
    "sigma tau upsilon phi chi psi omega"
).split()
_UPPER = "Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split()
GREEK = frozenset(_LOWER + _UPPER + ["varepsilon", "varphi", "vartheta"])

UNICODE_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi",
    "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
_GREEK_CHAR = {v: k for k, v in reversed(list(UNICODE_GREEK.items()))}
_GREEK_CHAR.update(varepsilon="ε", varphi="φ", vartheta="θ")

#: function name -> (min args, max args). ``log`` and ``ln`` are both the natural log;
#: ``floor``/``ceil`` are also written ``⌊x⌋``/``⌈x⌉`` (see :mod:`graders.parse`).
FUNCTIONS: dict[str, tuple[int, int]] = {
    "exp": (1, 1), "log": (1, 1), "ln": (1, 1), "sqrt": (1, 1),
    "tanh": (1, 1), "sinh": (1, 1), "cosh": (1, 1),
    "sin": (1, 1), "cos": (1, 1), "tan": (1, 1), "abs": (1, 1),
    "sigmoid": (1, 1), "sigma": (1, 1), "relu": (1, 1), "softmax": (1, 1),
    "max": (2, 8), "min": (2, 8), "diff": (2, 2), "sum": (4, 4), "hadamard": (2, 2),
    "transpose": (1, 1), "floor": (1, 1), "ceil": (1, 1),
    # derivatives written with a prime: σ'(z), tanh'(x), relu'(x)
    "sigmoid'": (1, 1), "tanh'": (1, 1), "relu'": (1, 1),
}
PRIMED = {"sigmoid": "sigmoid'", "sigma": "sigmoid'", "tanh": "tanh'", "relu": "relu'"}
_FUNC_ALIASES = {"ReLU": "relu", "Relu": "relu", "Softmax": "softmax", "logistic": "sigmoid", "σ": "sigma",
                 "ceiling": "ceil"}

CONSTANTS = frozenset({"e", "pi"})


def function_name(name: str) -> str | None:
    """The canonical function for a spelling, or None."""
    name = _FUNC_ALIASES.get(name, name)
    return name if name in FUNCTIONS else None


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
    elif len(base) > 1 and base.rstrip("0123456789") and base[len(base.rstrip("0123456789")):] and not sub:
        head = base.rstrip("0123456789")
        return f"{latex_name(head)}_{{{base[len(head):]}}}"
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
    return f"{head}_{base[len(head):]}" if head and head != base and not sub else name


def splittable(name: str) -> bool:
    """True if an undeclared ``ab`` may be read as ``a·b`` (not Greek, a constant, a function or ``…hat``)."""
    return (len(name) > 1 and name.isascii() and name.isalpha() and name not in GREEK and name not in CONSTANTS
            and not function_name(name) and not name.endswith("hat"))


def split_name(name: str, declared) -> list[str] | None:
    """Split ``xy`` into names ``in declared`` (``x``, ``y``; longest match first), or None."""
    out, i = [], 0
    while i < len(name):
        for j in range(len(name), i, -1):
            if name[i:j] in declared:
                out.append(name[i:j])
                i = j
                break
        else:
            return None
    return out
