"""Executable checks for errata: one import that registers them all.

Kinds that run inside the grader (no torch): ``sympy`` and ``question``
(:mod:`~graders.errata.maths`), ``reference`` (:mod:`~graders.errata.references`, against the
curated ``bibliography.yaml``), ``listing`` (:mod:`~graders.errata.listings`) and ``diagram``
(:mod:`~graders.errata.diagrams`), ``reasoning`` (:mod:`~graders.errata.reasoning`, an explicit
argument where nothing can be computed). ``numpy``, ``torch`` and ``article`` functions live in
``tests/errata`` and are passed in as ``extra``.

>>> run(Check("sympy", "printed_values", ["0.118", "0.5", "0.881"], ["0.119", "0.5", "0.881"],
...           {"function": "sigmoid", "inputs": [-2, 0, 2]})).ok
True
"""

from __future__ import annotations

from .diagrams import graph_center, graph_properties, mermaid_edges
from .listings import (
    balanced_delimiters,
    compile_argument,
    count_items,
    dense_activations,
    formula_left_sides,
    layer_counts,
    listing_facts,
    log_metric,
    undefined_names,
)
from .maths import chain_rule, gd_iterates, grade, is_linear, printed_matches, printed_values, squared_error_loss
from .model import Check
from .reasoning import argument, premise_quotes
from .references import BIBLIOGRAPHY_FILE, _authors_match, bibliography, field, match, years
from .registry import REGISTRY, CheckOutcome, register, resolve, run

__all__ = [
    "REGISTRY",
    "CheckOutcome",
    "register",
    "resolve",
    "run",
    "Check",
    "BIBLIOGRAPHY_FILE",
    "bibliography",
    "printed_matches",
    "printed_values",
    "is_linear",
    "gd_iterates",
    "squared_error_loss",
    "chain_rule",
    "grade",
    "match",
    "field",
    "years",
    "layer_counts",
    "undefined_names",
    "compile_argument",
    "listing_facts",
    "log_metric",
    "balanced_delimiters",
    "count_items",
    "dense_activations",
    "formula_left_sides",
    "mermaid_edges",
    "graph_properties",
    "graph_center",
    "_authors_match",
    "argument",
    "premise_quotes",
]
