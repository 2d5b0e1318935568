"""Naive method vs kb-grade's layered equivalence: agreement and speed.

Naive: ``sympy.simplify(sympify(a) - sympify(b)) == 0`` on the raw strings (with
``convert_xor`` and implicit multiplication), each pair in a sandboxed child process
(it evaluates strings, so it must never run in the grader's process). kb-grade:
``graders.equiv.equiv_texts`` three ways: in-process (floats first, SymPy when floats
cannot decide), in-process with ``floats=False`` (SymPy layers only), and in the same
kind of sandboxed child as the naive method (the like-for-like ratio). SymPy and its
parser are imported and both methods warmed up before timing, so forked children
inherit them and no import is timed.

Run: .venv/bin/python benchmarks/grader_naive.py
"""

from __future__ import annotations

import time

from graders.grading.equiv import equiv_texts
from graders.isolation import run_isolated
from graders.result import Result, Text, Verdict

# (a, b, truly equivalent?) in ASCII so the naive parser can read them too. None marks pairs that
# agree exactly where both sides are defined: kb-grade calls them equal (it compares on the common
# domain, like WeBWorK/PrairieLearn); SymPy's simplify may or may not.
PAIRS = [
    ("2*(theta-1)", "2*theta-2", True),
    ("x^2", "x**2", True),
    ("1/(1+exp(-z))*(1-1/(1+exp(-z)))", "exp(-z)/(1+exp(-z))^2", True),
    ("tanh(x)", "(exp(x)-exp(-x))/(exp(x)+exp(-x))", True),
    ("exp(x)/(1+exp(x))", "1/(1+exp(-x))", True),
    ("log(x*y)", "log(x)+log(y)", None),  # equal where both are defined (x, y > 0): a domain question
    ("(a+b)^2", "a^2+2*a*b+b^2", True),
    ("(a+b)^2", "a^2+b^2", False),
    ("sqrt(x^2)", "x", False),
    ("2*(yhat-y)/n", "-2*(y-yhat)/n", True),
    ("2*(yhat-y)/n", "2*(y-yhat)/n", False),
    ("theta-2*eta*(theta-1)", "(1-2*eta)*theta+2*eta", True),
    ("theta+2*eta*(theta-1)", "theta-2*eta*(theta-1)", False),
    ("sin(x)^2+cos(x)^2", "1", True),
    ("x*y", "y*x+1/10000000", False),
    ("exp(log(x))", "x", None),  # x real: equal where log(x) is defined (x > 0): a domain question
    ("(x^3-1)/(x-1)", "x^2+x+1", True),
    ("cosh(x)^2-sinh(x)^2", "1", True),
    ("max(0,x)", "(x+abs(x))/2", True),
    ("exp(2*log(x))", "x^2", True),
]


def naive(a: str, b: str) -> Result:
    import sympy
    from sympy.parsing.sympy_parser import (
        convert_xor,
        implicit_multiplication_application,
        parse_expr,
        standard_transformations,
    )

    tr = (*standard_transformations, implicit_multiplication_application, convert_xor)
    ea, eb = parse_expr(a, transformations=tr), parse_expr(b, transformations=tr)
    same = sympy.simplify(ea - eb) == 0
    return Result(Verdict.CORRECT if same else Verdict.INCORRECT, feedback=Text())


def _timed(fn) -> tuple[float, Result]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    import sympy.parsing.sympy_parser  # noqa: F401 - imported before timing: children inherit it, no import is timed

    naive("x", "x"), equiv_texts("x", "x", floats=False)  # warm both
    rows = []
    t_naive = t_ours = t_sympy = t_boxed = 0.0
    for a, b, truth in PAIRS:
        dt, rn = _timed(lambda a=a, b=b: run_isolated(lambda: naive(a, b), timeout=10))
        t_naive += dt
        dt, ro = _timed(lambda a=a, b=b: equiv_texts(a, b))
        t_ours += dt
        dt, rs = _timed(lambda a=a, b=b: equiv_texts(a, b, floats=False))
        t_sympy += dt
        dt, rb = _timed(lambda a=a, b=b: run_isolated(lambda: equiv_texts(a, b), timeout=10))
        t_boxed += dt
        assert rs.verdict == ro.verdict == rb.verdict, (a, b, ro.verdict, rs.verdict, rb.verdict)
        rows.append((a, b, truth, rn.verdict.value, ro.verdict.value))
    agree = sum(r[3] == r[4] for r in rows)
    judged = [r for r in rows if r[2] is not None]
    right_naive = sum((r[3] == "correct") == r[2] and r[3] in ("correct", "incorrect") for r in judged)
    right_ours = sum((r[4] == "correct") == r[2] and r[4] in ("correct", "incorrect") for r in judged)
    print(f"{'A':<36}{'B':<36}{'truth':<7}{'naive':<13}{'kb-grade'}")
    for a, b, truth, vn, vo in rows:
        label = "domain" if truth is None else "eq" if truth else "neq"
        print(f"{a:<36}{b:<36}{label:<7}{vn:<13}{vo}")
    n = len(rows)
    print(f"\nagreement naive vs kb-grade: {agree}/{n}")
    print(
        f"matches the intended answer (pairs without a domain question): naive {right_naive}/{len(judged)}, "
        f"kb-grade {right_ours}/{len(judged)}"
    )
    print(
        f"time for {n} pairs: naive (sandboxed) {t_naive:.2f} s; kb-grade in-process {t_ours:.3f} s "
        f"(SymPy layers only {t_sympy:.2f} s), kb-grade sandboxed {t_boxed:.2f} s"
    )
    print(
        f"speed ratio naive / kb-grade: in-process {t_naive / t_ours:.1f}x, "
        f"in-process SymPy layers only {t_naive / t_sympy:.1f}x, both sandboxed {t_naive / t_boxed:.1f}x"
    )


if __name__ == "__main__":
    main()
