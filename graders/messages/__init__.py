"""Codes become text here, and only here: :func:`message`, :func:`describe` (with a caret), :func:`label`.

Errors (:mod:`graders.errors`) and results carry a code and parameters; an unknown code is a bug
and raises :class:`KeyError` (a test enumerates every code the engine can produce).

>>> message("unknown-name", name="q", allowed="θ").en
"Unknown name 'q'. This question uses: θ."
>>> label("read-as", "zh")
'读作'
"""

from __future__ import annotations

import unicodedata

from ..errors import GraderError
from ..result import Text
from .catalog import LABELS, MESSAGES

__all__ = ["MESSAGES", "LABELS", "message", "describe", "caret", "label", "EXTRAS"]

#: derived fields: a template's ``{expected_zh}`` is made from the parameter ``expected`` …
EXTRAS = {
    "expected": lambda v, lang: "" if not v else (f"（应为 '{v}'）" if lang == "zh" else f" (expected '{v}')"),
    "hint": lambda v, lang: "" if not v else LABELS["transpose-hint"][0 if lang == "zh" else 1],
    "suggestion": lambda v, lang: "" if not v else (f"是不是 '{v}'？" if lang == "zh" else f" Did you mean '{v}'?"),
}


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""


def message(code: str, **params: object) -> Text:
    """zh/en text for a code; :class:`KeyError` for a code without a message."""
    if code not in MESSAGES:
        raise KeyError(f"no message for the code {code!r}")
    zh, en = MESSAGES[code]
    fill: dict[str, dict[str, object]] = {"zh": dict(params), "en": dict(params)}
    for key, fn in EXTRAS.items():
        if key in params:
            for lang in ("zh", "en"):
                fill[lang][f"{key}_{lang}"] = fn(params[key], lang)
    return Text(zh.format_map(_Missing(fill["zh"])), en.format_map(_Missing(fill["en"])))


def label(key: str, lang: str) -> str:
    """A word of the output (``read-as``, a verdict name …) in ``lang`` (zh, en or both)."""
    zh, en = LABELS[key]
    return zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}"


def caret(text: str, pos: int | None) -> str:
    """The line of ``text`` containing ``pos`` and a ``^`` under it."""
    if pos is None:
        return ""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    col = pos - start
    if len(line) > 80:  # keep the caret on screen for long input
        lo = max(0, col - 40)
        line, col = ("…" if lo else "") + line[lo : lo + 80], col - lo + (1 if lo else 0)
    pad = "".join(
        "\t" if c == "\t" else ("  " if unicodedata.east_asian_width(c) in ("W", "F") else " ") for c in line[:col]
    )
    return f"{line}\n{pad}^"


def describe(error: GraderError, text: str = "") -> tuple[Text, str]:
    """Message and caret drawing for an error raised while reading ``text``."""
    return message(error.code, **error.params), caret(text, error.pos) if text else ""
