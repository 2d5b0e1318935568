"""Validate question data against ``schema/question.schema.json``.

The JSON Schema file is the single source of truth; this module interprets the
small subset of JSON Schema it uses (type, enum, required, properties,
additionalProperties, items, min/maxItems, minLength, minimum/maximum, pattern, $ref)
so the grader needs no extra dependency.

>>> validate({"id": "x"}, "q.yaml")
Traceback (most recent call last):
...
graders.errors.QuestionError: question-schema {'path': 'q.yaml', 'detail': "$: missing required key 'kind'"}
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..errors import QuestionError

__all__ = ["SCHEMA_PATH", "schema", "validate", "errors"]

SCHEMA_PATH = Path(__file__).with_name("question.schema.json")
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "null": type(None),
}


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def errors(data: object, sch: dict | None = None) -> list[str]:
    """All schema violations as ``"$.path: message"`` strings (empty if valid)."""
    root = schema() if sch is None else sch
    out: list[str] = []
    _check(data, root, root, "$", out)
    return out


def validate(data: object, path: str = "<memory>") -> None:
    """Raise :class:`QuestionError` with the first violation."""
    errs = errors(data)
    if errs:
        raise QuestionError("question-schema", path=path, detail=errs[0])


def _type_ok(value: object, types: str | list[str]) -> bool:
    names = [types] if isinstance(types, str) else types
    for name in names:
        if name in ("integer", "number") and isinstance(value, bool):
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


def _check(value: object, sch: dict, root: dict, where: str, out: list[str]) -> None:
    if "$ref" in sch:
        node = root
        for part in sch["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        sch = node
    if "type" in sch and not _type_ok(value, sch["type"]):
        out.append(f"{where}: expected {sch['type']}, got {type(value).__name__}")
        return
    if "enum" in sch and value not in sch["enum"]:
        out.append(f"{where}: {value!r} is not one of {sch['enum']}")
    if isinstance(value, str):
        if len(value) < sch.get("minLength", 0):
            out.append(f"{where}: empty string")
        if "pattern" in sch and not re.search(sch["pattern"], value):
            out.append(f"{where}: {value!r} does not match {sch['pattern']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in sch and value < sch["minimum"]:
            out.append(f"{where}: {value} < {sch['minimum']}")
        if "maximum" in sch and value > sch["maximum"]:
            out.append(f"{where}: {value} > {sch['maximum']}")
    if isinstance(value, list):
        if len(value) < sch.get("minItems", 0) or len(value) > sch.get("maxItems", 1 << 30):
            out.append(f"{where}: wrong number of items ({len(value)})")
        for i, item in enumerate(value):
            if "items" in sch:
                _check(item, sch["items"], root, f"{where}[{i}]", out)
    if isinstance(value, dict):
        for key in sch.get("required", ()):
            if key not in value:
                out.append(f"{where}: missing required key {key!r}")
        props = sch.get("properties", {})
        extra = sch.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                _check(item, props[key], root, f"{where}.{key}", out)
            elif extra is False:
                out.append(f"{where}: unknown key {key!r}")
            elif isinstance(extra, dict):
                _check(item, extra, root, f"{where}.{key}", out)
