"""The errata's vocabulary: one table each of categories, severities (with zh/en labels and
meanings) and check kinds (with the method a reader is told), and the typed error for bad data.

>>> SEVERITIES["outdated"][0].en, METHODS["reference"].zh
('outdated', '文献记录')
"""

from __future__ import annotations

import re

from ..errors import GraderError
from ..result import Text

# fmt: off
__all__ = ["CATEGORIES", "SEVERITIES", "STATUSES", "METHODS", "KINDS", "TEST_ONLY_KINDS", "ErrataError", "normalise"]
# fmt: on

CATEGORIES = ("arithmetic", "formula", "code-result", "fact-citation", "diagram", "other")
# The one table of severities, most serious first: name -> (label, what it means), zh and en.
# fmt: off
SEVERITIES: dict[str, tuple[Text, Text]] = {
    "error": (Text(zh="错误", en="error"),
              Text(zh="说法是错的", en="the claim is wrong")),
    "imprecise": (Text(zh="不准确", en="imprecise"),
                  Text(zh="字面上不对，但属于措辞松散，读者容易误解",
                       en="literally wrong, a loose wording a reader could misread")),
    "outdated": (Text(zh="过时", en="outdated"),
                 Text(zh="曾经正确，现在已不成立", en="was true once, no longer")),
    "unverifiable": (Text(zh="无法核实", en="could not be verified"),
                     Text(zh="我们找不到任何来源支持这一说法", en="we found no source that supports the claim")),
}
# fmt: on
# status is derived from severity: does the entry give a correction ("error") or not ("unverifiable")?
STATUSES = ("error", "unverifiable")
# The one table of check kinds: kind -> the method a reader is told (zh, en). sympy / question /
# reference / listing / diagram / reasoning run inside graders (no torch); numpy / torch / article are
# registered by tests/errata (graders never imports torch; ``article`` checks read the article
# files, which are not package data).
# fmt: off
METHODS: dict[str, Text] = {
    "sympy": Text(zh="计算（SymPy）", en="computation (SymPy)"),
    "question": Text(zh="评分器题目", en="grader question"),
    "reference": Text(zh="文献记录", en="bibliography record"),
    "listing": Text(zh="代码清单分析", en="listing analysis"),
    "diagram": Text(zh="图示分析", en="diagram analysis"),
    "numpy": Text(zh="计算（NumPy）", en="computation (NumPy)"),
    "torch": Text(zh="计算（PyTorch）", en="computation (PyTorch)"),
    "article": Text(zh="原文文本分析", en="analysis of the article's text"),
    "reasoning": Text(zh="推理检查（不做计算）", en="reasoning check (nothing is computed)"),
}
# fmt: on
KINDS = tuple(METHODS)
TEST_ONLY_KINDS = ("numpy", "torch", "article")


class ErrataError(GraderError):
    """A malformed errata file or entry; names the entry id and the field."""

    code = "errata"

    def __init__(self, detail: str, *, entry: str = "?", field: str = "?", path: str = "") -> None:
        super().__init__("errata", entry=entry, field=field, detail=detail, path=path)
        self.entry, self.field, self.detail = entry, field, detail

    def __str__(self) -> str:
        where = f"{self.path}: " if getattr(self, "path", "") else ""
        return f"{where}erratum {self.entry!r}, field {self.field!r}: {self.detail}"

    @property
    def path(self) -> str:
        return str(self.params.get("path", ""))


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space (quotes are compared this way)."""
    return re.sub(r"\s+", " ", text).strip()
