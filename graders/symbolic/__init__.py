"""Stage 3, the SymPy layers: for what floats cannot decide.

``build`` makes SymPy objects from a checked tree (whitelisted constructors only), ``equivalence``
compares them on the shared sampling protocol (exactly or to 25 digits) and then by a bounded
``simplify``, ``implication`` compares the solution sets of two equations (derivation steps), and
``timeout`` bounds one computation where the platform allows. Importing this package imports SymPy.
"""

from __future__ import annotations
