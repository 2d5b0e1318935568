"""Gradebook exports of a graded class: one table of formats, one module per format.

=========== ============================ ===========================================================
format      file                         what it is
=========== ============================ ===========================================================
csv         summary.csv                  kb-grade's own summary: a score per question, total, percent
canvas      canvas.csv                   Canvas "Import" of the Gradebook: Student, ID, SIS User ID,
                                         SIS Login ID, Section, one column per question, Points Possible
moodle      moodle.csv                   Moodle "Import → CSV file": an identifier column to map to a
                                         user field, one column per question to map to a grade item
gradescope  results.json                 Gradescope autograder ``results.json`` of one submission
=========== ============================ ===========================================================

Every format writes a student's graded answers only: an answer that was not graded (invalid input,
undetermined, a timeout …) is left blank for the gradebook, never sent as 0. ``identify`` says which
column a gradebook matches students by: ``student`` (the submissions' student id, the default) or
``email`` (a carried column such as ``email``/``邮箱``); a column a format needs and the file does not
carry is a ``gradebook-column`` error naming it and listing the columns found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...errors import UsageError
from ...result import Result, Verdict
from ..rows import Row
from ..summary import ClassTable, class_table, summary_csv
from . import canvas, gradescope, moodle

__all__ = ["FORMATS", "IDENTIFY", "Format", "export", "format_for", "precheck"]

#: what a gradebook may match students by (``--identify``)
IDENTIFY = ("student", "email")


@dataclass(frozen=True)
class Format:
    write: Callable[[ClassTable, str], str]  # (table, identify) → the file's text
    suffix: str  # the usual file name ending; a ``.csv`` one may start with a BOM (``--bom``)


FORMATS: dict[str, Format] = {
    "csv": Format(lambda table, identify: summary_csv(table), ".csv"),
    "canvas": Format(canvas.canvas_csv, ".csv"),
    "moodle": Format(moodle.moodle_csv, ".csv"),
    "gradescope": Format(gradescope.results_json, ".json"),
}


def format_for(name: str | None, path: str) -> str:
    """The format asked for, else ``gradescope`` for a ``.json`` file, else ``csv``."""
    if name:
        if name not in FORMATS:
            raise UsageError("gradebook-format", format=name, formats=", ".join(FORMATS))
        return name
    return "gradescope" if path.lower().endswith(".json") else "csv"


def export(table: ClassTable, fmt: str, identify: str = "student") -> str:
    """The text of ``fmt``'s file for ``table``."""
    if identify not in IDENTIFY:
        raise UsageError("gradebook-identify", identify=identify, choices=", ".join(IDENTIFY))
    return FORMATS[fmt].write(table, identify)


def precheck(rows: list[Row], fmt: str, identify: str = "student") -> None:
    """Raise the error ``export`` would raise for these rows (a missing column, several students for
    Gradescope) before any answer is graded: it depends on who the students are, not on their results."""
    export(class_table((row, Result(Verdict.UNDETERMINED)) for row in rows), fmt, identify)
