"""``listing`` checks: read a quoted code listing, training log, LaTeX formula or list with ``ast``/regexes.

>>> layer_counts({"Conv2D": 1}, excerpt="m = Sequential([Conv2D(8, 3), Flatten()])")
True
>>> balanced_delimiters("f(x}")
False
"""

from __future__ import annotations

import ast
import builtins
import re
import textwrap
from typing import Any

from .maths import printed_matches
from .registry import register

__all__ = [
    "layer_counts",
    "undefined_names",
    "compile_argument",
    "listing_facts",
    "log_metric",
    "balanced_delimiters",
    "count_items",
    "validation_held_out",
    "dense_activations",
    "formula_left_sides",
]


_LAYER_CALL = re.compile(r"\b(?:layers\.)?(Conv2D|MaxPooling2D|AveragePooling2D|Dense|Flatten|Dropout)\(")


@register("listing")
def layer_counts(value: dict, *, excerpt: str) -> bool:
    """Layer counts of a Keras listing (``ast``): does ``value`` (e.g. {Conv2D: 3, MaxPooling2D: 3}) hold?"""
    counts: dict[str, int] = {}
    for node in ast.walk(ast.parse(_dedent(excerpt))):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if _LAYER_CALL.match(name + "("):
                counts[name] = counts.get(name, 0) + 1
    return all(counts.get(k, 0) == int(v) for k, v in value.items())


def _dedent(code: str) -> str:
    return textwrap.dedent(code).strip("\n")


@register("listing")
def undefined_names(value: list, *, excerpt: str) -> bool:
    """Which names does the listing use without ever defining or importing them? (``ast``)"""
    tree = ast.parse(_dedent(excerpt))
    bound = set(dir(builtins))
    used: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in bound:
            used.append(node.id)
    return sorted(set(used)) == sorted(value)


_LOSS_ALIASES = {
    "mse": "mean_squared_error",
    "mean_squared_error": "mean_squared_error",
    "meansquarederror": "mean_squared_error",
}


@register("listing")
def compile_argument(value: str, *, excerpt: str, argument: str) -> bool:
    """The string given for ``argument`` (e.g. loss, optimizer) in ``model.compile(...)``."""
    for node in ast.walk(ast.parse(_dedent(excerpt))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile":
            for kw in node.keywords:
                if kw.arg == argument and isinstance(kw.value, ast.Constant):
                    got = str(kw.value.value).lower()
                    want = str(value).lower()
                    return _LOSS_ALIASES.get(got, got) == _LOSS_ALIASES.get(want, want)
    return False


@register("listing")
def listing_facts(value: dict, *, excerpt: str) -> bool:
    """Facts about a listing, read with ``ast``; ``value`` lists the ones claimed.

    - ``implements_model``: it defines a class/function or builds layers itself;
    - ``loads_pretrained``: it calls ``from_pretrained``;
    - ``placeholders``: names bound to ``...`` (the listing cannot run as printed);
    - ``compiles``: it calls ``compile`` before ``fit``.
    """
    tree = ast.parse(_dedent(excerpt))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    attrs = [getattr(c.func, "attr", getattr(c.func, "id", "")) for c in calls]
    facts = {
        "implements_model": any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree))
        or any(a in {"Dense", "Conv2D", "Embedding", "MultiHeadAttention", "add"} for a in attrs),
        "loads_pretrained": "from_pretrained" in attrs,
        "placeholders": sorted(
            t.id
            for n in ast.walk(tree)
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) and n.value.value is Ellipsis
            for t in n.targets
            if isinstance(t, ast.Name)
        ),
        "compiles": "compile" in attrs,
    }
    return all(facts.get(k) == (sorted(v) if isinstance(v, list) else v) for k, v in value.items())


_EPOCH = re.compile(r"Epoch (\d+)/(\d+)")


@register("listing")
def log_metric(value: float, *, excerpt: str, metric: str, epoch: str = "last", compare: str = "equal") -> bool:
    """A metric read from a printed Keras log: ``metric`` of the ``epoch`` ("last"/"first"), or a
    ``Name: number`` line such as ``Test accuracy: 0.9718``. ``compare``: equal | at-least."""
    if metric.startswith("line:"):
        m = re.search(re.escape(metric[5:]) + r"\s*:?\s*([0-9.]+)", excerpt)
        got = float(m.group(1)) if m else None
    else:
        rows = []
        lines = excerpt.splitlines()
        for i, line in enumerate(lines):
            if _EPOCH.search(line) and i + 1 < len(lines):
                m = re.search(r"(?<![a-z_])" + re.escape(metric) + r":\s*([0-9.]+)", lines[i + 1])
                if m:
                    rows.append(float(m.group(1)))
        got = (rows[-1] if epoch == "last" else rows[0]) if rows else None
    if got is None:
        return False
    if compare == "at-least":
        return got >= float(value)
    return printed_matches(got, value)


@register("listing")
def balanced_delimiters(value: str, **_: Any) -> bool:
    """Is the LaTeX ``value`` well formed: every ``{``/``(`` closed in the right order?"""
    pairs, stack = {"}": "{", ")": "("}, []
    s = re.sub(r"\\[{}]", "", str(value))  # escaped braces are text
    for ch in s:
        if ch in "{(":
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


@register("listing")
def count_items(value: int, *, excerpt: str) -> bool:
    """How many items does an enumeration in Chinese (、 and 以及 separated) have?"""
    items = [p for p in re.split(r"、|以及", excerpt) if p.strip()]
    return int(value) == len(items)


@register("listing")
def validation_held_out(value: bool, *, excerpt: str) -> bool:
    """Is it ``value`` that the data passed to ``fit(validation_data=…)`` is held out from the data
    the listing finally ``evaluate``s on? (Read with ``ast``: the variable names of both.)"""
    tree = ast.parse(_dedent(excerpt))
    validation, evaluated = set(), set()
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        if name == "fit":
            for kw in call.keywords:
                if kw.arg == "validation_data":
                    validation |= {n.id for n in ast.walk(kw.value) if isinstance(n, ast.Name)}
        elif name == "evaluate":
            evaluated |= {n.id for a in call.args for n in ast.walk(a) if isinstance(n, ast.Name)}
    if not validation or not evaluated:
        raise ValueError("the excerpt needs a fit(validation_data=...) and an evaluate(...) call")
    return (not validation & evaluated) is bool(value)


@register("listing")
def dense_activations(value: list, *, excerpt: str) -> bool:
    """The ``activation=`` of every Dense layer of a Keras listing, in order: is it ``value``?

    >>> dense_activations(["relu", "softmax"], excerpt="m([Flatten(), Dense(8, activation='relu'), "
    ...                   "layers.Dense(2, activation='softmax')])")
    True
    """
    found = []
    for node in ast.walk(ast.parse(_dedent(excerpt))):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name == "Dense":
                act = next((k.value for k in node.keywords if k.arg == "activation"), None)
                found.append((node.lineno, node.col_offset, act.value if isinstance(act, ast.Constant) else None))
    return [a for *_, a in sorted(found)] == list(value)


@register("listing")
def formula_left_sides(value: list, *, excerpt: str) -> bool:
    """What the displayed formulas (``$$ lhs = rhs $$``) of a worked example compute: are the left-hand
    sides, in order and with spaces removed, exactly ``value``?

    >>> formula_left_sides(["a", "b^{(2)}"], excerpt="$$ a = 1 $$ text $$ b^{(2)} = 2 $$")
    True
    """
    blocks = re.findall(r"\$\$(.*?)\$\$", excerpt, re.S)
    sides = [re.sub(r"\s+", "", b.split("=", 1)[0]) for b in blocks if "=" in b]
    return sides == [re.sub(r"\s+", "", v) for v in value]
