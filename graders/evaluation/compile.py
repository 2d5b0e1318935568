"""Stage 2, evaluation without SymPy: a typed tree becomes a function of a point.

``compile_tree(node, shapes)`` returns ``(function, shape)``: the function maps a point (variable
name -> exact rational, or a matrix of them) to a value of :mod:`graders.evaluation.values`
(exact where it can be, a float with an error bound where not); the shape is None for a scalar or
(rows, columns). Shapes are known before any point is evaluated, so a product of matrices that do
not fit is a :class:`~graders.errors.ShapeError` at compile time, with the same code, caret and
hint as the SymPy builder gives. Trees the float layer does not model (sums, derivatives,
equations, indexed names) raise :class:`Undecided`, and the SymPy layers take over.

>>> from fractions import Fraction as F
>>> from graders.reading import parse
>>> f, shape = compile_tree(parse("σ(z)(1-σ(z))"))
>>> round(f({"z": F(0)})[0], 6), shape
(0.25, None)
>>> constant(parse("floor((224 + 2*3 - 7)/2) + 1"))
Fraction(112, 1)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from ..errors import ShapeError
from ..reading.functions import FUNCTIONS
from ..reading.tree import BinOp, Call, Name, Neg, Node, Num, Postfix, Vector, free_names
from .values import EPS, Scalar, Undecided, add, apply, div, extremum, factorial, mul, neg, power

__all__ = ["compile_tree", "constant", "variables", "transpose_hint", "Fn", "Shape", "CONSTANTS"]

Fn = Callable[[dict], object]
Shape = tuple[int, int] | None
#: Euler's number and π as floats with their rounding bound
CONSTANTS = {"e": (math.e, EPS * math.e), "pi": (math.pi, EPS * math.pi)}


def variables(trees: list[Node], scope: Mapping[str, Shape] = {}) -> list[str]:  # read only
    """The variables to sample, sorted (names are resolved when the tree is read); ``scope``
    maps the declared names to their shapes (a declared ``e`` is a variable, not Euler's number)."""
    names: set[str] = set()
    for t in trees:
        names |= free_names(t, declared=scope)
    return sorted(names)


def constant(node: Node):
    """The value of a tree without variables (a numeric answer); :class:`Undecided` if floats
    cannot evaluate it, :class:`~graders.evaluation.values.Undefined` if it has no real value."""
    fn, shape = compile_tree(node)
    if shape is not None:
        raise Undecided("a matrix where a number is expected")
    return fn({})


def compile_tree(node: Node, scope: Mapping[str, Shape] = {}) -> tuple[Fn, Shape]:  # read only
    """(function of a point, shape) for ``node``; ``scope`` maps declared names to their shapes.
    :class:`Undecided` for what floats do not model or for shapes that do not fit (the SymPy
    path explains those with a caret)."""
    shapes = scope
    if isinstance(node, Num):
        from fractions import Fraction

        c = Fraction(node.text)
        return (lambda p: c), None
    if isinstance(node, Name):
        if node.name in CONSTANTS and node.name not in scope:
            c = CONSTANTS[node.name]
            return (lambda p: c), None
        name = node.name
        return (lambda p: p[name]), scope.get(name)
    if isinstance(node, Neg):
        f, shape = compile_tree(node.operand, shapes)
        return (lambda p: _map(neg, f(p), shape)), shape
    if isinstance(node, BinOp):
        return _binop(node, shapes)
    if isinstance(node, Call):
        return _call(node, shapes)
    if isinstance(node, Postfix):
        f, shape = compile_tree(node.operand, shapes)
        if node.op == "T":
            return (lambda p: _transpose(f(p), shape)), None if shape is None else (shape[1], shape[0])
        if shape is None:
            return (lambda p: factorial(f(p))), None
    if isinstance(node, Vector):
        return _vector(node, shapes)
    raise Undecided(type(node).__name__)  # Sum, Deriv, Eq, a matrix factorial


# matrices: tuples of rows of scalars


def _map(f: Callable[[Scalar], Scalar], x, shape: Shape):
    return f(x) if shape is None else tuple(tuple(f(v) for v in row) for row in x)


def _zip(f: Callable[[Scalar, Scalar], Scalar], x, y, sx: Shape, sy: Shape):
    if sx is None and sy is None:
        return f(x, y)
    if sx is None:
        return tuple(tuple(f(x, v) for v in row) for row in y)
    if sy is None:
        return tuple(tuple(f(v, y) for v in row) for row in x)
    return tuple(tuple(f(u, v) for u, v in zip(ru, rv, strict=False)) for ru, rv in zip(x, y, strict=False))


def _dot(row, col) -> Scalar:
    """One entry of a matrix product: exact when every factor is; else in floats with the
    standard bound for a sum of n products, n·EPS·Σ|uᵢvᵢ| plus the propagated input errors."""
    if all(type(u) is tuple for u in row) and all(type(v) is tuple for v in col):
        total = bound = scale = 0.0
        for (a, ea), (b, eb) in zip(row, col, strict=False):
            p = a * b
            total += p
            scale += abs(p)
            bound += abs(a) * eb + abs(b) * ea + ea * eb
        if not math.isfinite(total):
            from .values import Undefined

            raise Undefined
        return total, bound + (len(row) + 1) * EPS * scale
    from fractions import Fraction

    acc: Scalar = Fraction(0)
    for u, v in zip(row, col, strict=False):
        acc = add(acc, mul(u, v))
    return acc


def _matmul(x, y):
    cols = list(zip(*y, strict=False))
    return tuple(tuple(_dot(row, col) for col in cols) for row in x)


def _transpose(x, shape: Shape):
    return x if shape is None else tuple(zip(*x, strict=False))


def _softmax(x):
    from fractions import Fraction

    exps = _map(lambda v: apply("exp", v), x, (1, 1))
    total: Scalar = Fraction(0)
    for row in exps:
        for v in row:
            total = add(total, v)
    return tuple(tuple(div(v, total) for v in row) for row in exps)


def _is_constant(node: Node) -> bool:
    return not free_names(node)


def _fmt(shape: Shape) -> str:
    return "1×1" if shape is None else f"{shape[0]}×{shape[1]}"


def _mismatch(node: Node, sf: Shape, sg: Shape, op: str, hint: str = "") -> ShapeError:
    return ShapeError("shape-mismatch", pos=node.pos, left=_fmt(sf), right=_fmt(sg), op=op, hint=hint)


def _times(node: Node, left: tuple[Fn, Shape], right: tuple[Fn, Shape]) -> tuple[Fn, Shape]:
    """``a * b``: the matrix product for two matrices, else entrywise scaling."""
    (f, sf), (g, sg) = left, right
    if sf is not None and sg is not None:
        if sf[1] != sg[0]:
            raise _mismatch(node, sf, sg, "·", transpose_hint(sf, sg, product=True))
        return (lambda p: _matmul(f(p), g(p))), (sf[0], sg[1])
    return (lambda p: _zip(mul, f(p), g(p), sf, sg)), sf or sg


def _binop(node: BinOp, shapes) -> tuple[Fn, Shape]:
    (f, sf), (g, sg) = compile_tree(node.left, shapes), compile_tree(node.right, shapes)
    op = node.op
    if op in "+-":
        if sf != sg and not (sf is None and _is_constant(node.left)) and not (sg is None and _is_constant(node.right)):
            raise _mismatch(node, sf, sg, op, transpose_hint(sf, sg) if sf and sg else "")
        pair = add if op == "+" else (lambda x, y: add(x, neg(y)))
        return (lambda p: _zip(pair, f(p), g(p), sf, sg)), sf or sg
    if op in ("*", "@"):
        return _times(node, (f, sf), (g, sg))
    if op == "⊙":
        if sf and sg and sf != sg:
            raise _mismatch(node, sf, sg, "⊙")
        return (lambda p: _zip(mul, f(p), g(p), sf, sg)), sf or sg
    if op == "/":
        if sg is not None:
            raise ShapeError("matrix-division", pos=node.pos)
        return (lambda p: _zip(div, f(p), g(p), sf, None)), sf
    if sf is not None or sg is not None:
        raise ShapeError("matrix-power", pos=node.pos)
    return (lambda p: power(f(p), g(p))), None


def _call(node: Call, shapes) -> tuple[Fn, Shape]:
    args = [compile_tree(a, shapes) for a in node.args]
    func = node.func
    entry = FUNCTIONS[func]
    if entry.value is not None and len(args) == 1:
        ((f, shape),) = args
        return (lambda p: _map(lambda v: apply(func, v), f(p), shape)), shape
    if func in ("max", "min"):
        return _extremum(node, func, args)
    if func == "softmax":
        ((f, shape),) = args
        if shape is None:
            raise ShapeError("softmax-needs-vector", pos=node.pos)
        return (lambda p: _softmax(f(p))), shape
    raise Undecided(func)


def _extremum(node: Call, func: str, args: list[tuple[Fn, Shape]]) -> tuple[Fn, Shape]:
    """max/min of scalars, or entry by entry when some arguments are matrices (``max(0, v)``)."""
    fns = [f for f, _ in args]
    shapes = {shape for _, shape in args if shape is not None}
    if not shapes:
        return (lambda p: extremum(func, [f(p) for f in fns])), None
    if len(shapes) > 1:
        a, b = sorted(shapes)[:2]
        raise _mismatch(node, a, b, func)
    ((rows, cols),) = shapes
    kinds = [shape is not None for _, shape in args]

    def entrywise(p):
        vals = [f(p) for f in fns]
        return tuple(
            tuple(extremum(func, [v[r][c] if m else v for v, m in zip(vals, kinds, strict=False)]) for c in range(cols))
            for r in range(rows)
        )

    return entrywise, (rows, cols)


def _vector(node: Vector, shapes) -> tuple[Fn, Shape]:
    if all(isinstance(i, Vector) for i in node.items):
        rows = [[compile_tree(x, shapes) for x in row.items] for row in node.items]
    else:
        rows = [[compile_tree(x, shapes)] for x in node.items]
    if len({len(r) for r in rows}) != 1 or any(shape for r in rows for _, shape in r):
        raise ShapeError("ragged-matrix", pos=node.pos)
    fns = [[f for f, _ in r] for r in rows]
    return (lambda p: tuple(tuple(f(p) for f in r) for r in fns)), (len(rows), len(rows[0]))


def transpose_hint(a: tuple[int, int], b: tuple[int, int], *, product: bool = False) -> str:
    """The shape-hint rule, in one place: ``"transpose"`` when transposing would make it fit.
    For an answer of shape ``a`` where ``b`` is expected (or a sum of the two): ``a`` is ``b``
    transposed. For a product ``a · b`` (``product``): transposing one factor makes the inner
    dimensions agree."""
    if product:
        return "transpose" if a[0] == b[0] or a[1] == b[1] else ""
    return "transpose" if a == b[::-1] and a != b else ""
