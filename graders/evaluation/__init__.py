"""Stage 2, evaluation without SymPy: trees as functions of a point, and equivalence in floats.

``values`` (exact rationals, or floats with a rigorous error bound) → ``compile`` (a tree becomes a
function of a point, with its shape) → ``sampling`` (the one protocol of points, shared with the
SymPy layers) → ``equivalence`` (three-valued: equal, not equal, or :class:`Undecided` for the SymPy
layers). ``numbers`` holds tolerances and significant figures, ``show`` the one formatter of
values and counterexamples. Most answers are graded here without importing SymPy.
"""

from __future__ import annotations

from .equivalence import Equivalence, equivalent, scale_factor, shape_of
from .values import Undecided, Undefined

__all__ = ["Equivalence", "equivalent", "scale_factor", "shape_of", "Undecided", "Undefined"]
