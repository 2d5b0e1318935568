"""The identity cells a gradebook format needs, taken from a student's id and carried columns, with
the one error when a needed column is not in the file."""

from __future__ import annotations

from ...errors import UsageError
from ..summary import ClassTable, Student

__all__ = ["cell", "require"]


def cell(st: Student, source: str) -> str:
    """``student`` → the student id; any other source → the carried identity column, or blank."""
    return st.id if source == "student" else st.identity.get(source, "")


def require(table: ClassTable, source: str, fmt: str) -> None:
    """Every student must have ``source`` (``email`` …) when ``fmt`` matches students by it."""
    if source == "student":
        return
    missing = [st.id for st in table.students if not st.identity.get(source)]
    if missing:
        found = sorted({k for st in table.students for k in st.identity})
        raise UsageError(
            "gradebook-column",
            format=fmt,
            column=source,
            students=", ".join(missing[:5]) + (" …" if len(missing) > 5 else ""),
            found=", ".join(found) or "-",
        )
