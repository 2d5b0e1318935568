"""``kb-grade new``: a commented question file for each kind, ready to validate as it is.

The templates live in ``templates/<kind>.yaml``; each is a complete example question whose self-tests
pass, with ``__ID__`` where the new question's id goes (its file name must be that id). Between them
they show every field a teacher needs:

* ``numeric``: a tolerance, ``params`` (variants and the ``seed`` of a self-test), a misconception;
* ``symbolic``: declared ``variables``, equivalent forms, an unevaluated derivative (``wrong-form``);
* ``matrix``: ``shape``s, the grader's own ``missing-transpose`` and ``wrong-shape`` notes;
* ``derivation``: ``start`` and the note naming the first wrong line.

>>> "id: my-q" in template("numeric", "my-q")
True
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import QuestionError
from .model import KINDS

__all__ = ["TEMPLATES_DIR", "template", "write_template"]

TEMPLATES_DIR = Path(__file__).with_name("templates")


def template(kind: str, qid: str) -> str:
    """The template of ``kind`` for the question ``qid`` (``bad-id`` if the schema would refuse it)."""
    from .schema import schema

    spec = schema()["properties"]["id"]
    if not re.search(spec["pattern"], qid) or len(qid) > spec["maxLength"]:
        raise QuestionError("bad-id", id=qid)
    if kind not in KINDS:
        raise QuestionError("bad-kind", kind=kind, kinds=", ".join(KINDS))
    return (TEMPLATES_DIR / f"{kind}.yaml").read_text(encoding="utf-8").replace("__ID__", qid)


def write_template(kind: str, qid: str, out: str | None = None) -> Path:
    """Write the template to ``out`` (default ``ID.yaml`` here); never over an existing file."""
    path = Path(out) if out else Path(f"{qid}.yaml")
    if path.stem != qid or path.suffix not in (".yaml", ".yml"):
        raise QuestionError("new-file-name", path=str(path), id=qid)
    text = template(kind, qid)
    try:
        with path.open("x", encoding="utf-8") as fh:  # "x": fails if the file exists, even if it appears meanwhile
            fh.write(text)
    except FileExistsError:
        raise QuestionError("new-exists", path=str(path)) from None
    except OSError as exc:
        raise QuestionError("cannot-write", path=str(path), reason=exc.strerror or str(exc)) from None
    return path
