"""Batch grading: a class's submissions file in, one result per answer out (``kb-grade grade``)."""

from __future__ import annotations

from .submissions import CSV_FIELDS, Row, grade_file, grade_rows, read_submissions, write_results

__all__ = ["CSV_FIELDS", "Row", "grade_file", "grade_rows", "read_submissions", "write_results"]
