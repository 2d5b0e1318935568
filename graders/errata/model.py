"""Errata as typed, validated data: ``graders/errata/errata.yaml``.

Every entry quotes a claim from one of the five source articles, gives the correction and a
short explanation in both languages, and names an executable *check* that rejects the claim
and accepts the correction (see :mod:`graders.errata.checks`).

>>> e = load()["e000-mse-example"]
>>> e.document, e.category, e.check.kind
('000_4320f6162912e08a.txt', 'arithmetic', 'question')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import GraderError
from ..result import Text

# fmt: off
__all__ = [
    "ErrataError", "Check", "Erratum", "Place", "Document", "Errata",
    "CATEGORIES", "SEVERITIES", "STATUSES", "KINDS", "METHODS", "TEST_ONLY_KINDS", "ERRATA_FILE",
    "load", "load_file", "from_dict", "normalise",
]
# fmt: on

ERRATA_FILE = Path(__file__).with_name("errata.yaml")

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
# reference / listing / diagram run inside graders (no torch); numpy / torch / article are
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
}
# fmt: on
KINDS = tuple(METHODS)
TEST_ONLY_KINDS = ("numpy", "torch", "article")

_ID = re.compile(r"^e00[0-4]-[a-z0-9]+(-[a-z0-9]+)*$")
_CHAPTER = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?$")


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


@dataclass(frozen=True)
class Check:
    """How an erratum is verified: ``kind`` + ``name`` resolve to a registered function.

    The function is called as ``fn(value, **args)`` and answers "is ``value`` true?";
    it must answer False for ``claim`` and True for ``correction``. ``correction`` is None only
    for unverifiable entries that name no verified alternative.
    """

    kind: str
    name: str
    claim: Any
    correction: Any
    args: dict = field(default_factory=dict)
    note: Text = Text()  # noqa: RUF009 - how the check decides, for the small print (zh, en)


@dataclass(frozen=True)
class Place:
    """Another place where the same error recurs (issue 17, item 5): an exact quote, like ``claim``."""

    document: str
    section: str
    claim: str
    quote_en: str = ""  # English translation of the quote, shown beside it on the English page
    section_en: str = ""  # ``section`` with English heading names (from ``sections_en``)


@dataclass(frozen=True)
class Erratum:
    id: str
    document: str
    section: str
    claim: str
    category: str
    severity: str
    explanation: Text
    chapter: str
    check: Check
    correction: Text = Text()  # noqa: RUF009 - frozen, so one shared default is safe
    occurrence: int | None = None  # which occurrence of a repeated quote (1-based)
    excerpt: str = ""  # verbatim code or diagram the check analyses (also quoted from the article)
    also: tuple[Place, ...] = ()  # every other place where the same error recurs
    quote_en: str = ""  # English translation of ``claim``, shown beside it on the English page
    section_en: str = ""  # ``section`` with English heading names (from ``sections_en``)

    @property
    def status(self) -> str:
        """``unverifiable`` or ``error`` (every other severity comes with a correction)."""
        return "unverifiable" if self.severity == "unverifiable" else "error"

    def to_dict(self) -> dict:
        """Plain JSON-able mapping (what ``kb-grade errata --json`` prints for one entry)."""
        page, _, anchor = self.chapter.partition("#")
        # fmt: off
        return {
            "id": self.id, "document": self.document, "section": self.section, "section_en": self.section_en,
            "claim": self.claim,
            "occurrence": self.occurrence, "severity": self.severity, "status": self.status,
            "category": self.category,
            "correction": {"zh": self.correction.zh, "en": self.correction.en},
            "explanation": {"zh": self.explanation.zh, "en": self.explanation.en},
            "chapter": {"page": page, "anchor": anchor or None},
            "quote_en": self.quote_en,
            "also": [
                {"document": p.document, "section": p.section, "section_en": p.section_en, "claim": p.claim,
                 "quote_en": p.quote_en}
                for p in self.also
            ],
            "check": {"kind": self.check.kind, "name": self.check.name,
                      "note": {"zh": self.check.note.zh, "en": self.check.note.en}},
        }
        # fmt: on


@dataclass(frozen=True)
class Document:
    file: str
    sha256: str
    title: str = ""


@dataclass(frozen=True)
class Errata:
    documents: dict[str, Document]
    entries: tuple[Erratum, ...]

    def __getitem__(self, eid: str) -> Erratum:
        for e in self.entries:
            if e.id == eid:
                return e
        raise KeyError(eid)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def by_document(self) -> dict[str, list[Erratum]]:
        out: dict[str, list[Erratum]] = {name: [] for name in self.documents}
        for e in self.entries:
            out[e.document].append(e)
        return out


def _text(d: Any, eid: str, name: str, *, required: bool = True) -> Text:
    if d is None and not required:
        return Text()
    if not isinstance(d, dict) or set(d) != {"zh", "en"}:
        raise ErrataError("must be a mapping with exactly the keys zh and en", entry=eid, field=name)
    for lang in ("zh", "en"):
        if not isinstance(d[lang], str) or not d[lang].strip():
            raise ErrataError(f"{lang} must be a non-empty string", entry=eid, field=f"{name}.{lang}")
    return Text(zh=d["zh"].strip(), en=d["en"].strip())


def _str(d: dict, key: str, eid: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v.strip():
        raise ErrataError("missing or empty (a non-empty string is required)", entry=eid, field=key)
    return v


# fmt: off
_ENTRY_KEYS = {"id", "document", "section", "claim", "occurrence", "correction", "explanation", "category",
               "severity", "chapter", "check", "check_note", "excerpt", "also", "quote_en"}
# fmt: on
_CHECK_KEYS = {"kind", "name", "args", "claim", "correction"}


def _check(d: Any, eid: str, status: str = "error") -> Check:
    if not isinstance(d, dict):
        raise ErrataError(
            "every erratum needs a check (a mapping with kind, name, claim, correction)", entry=eid, field="check"
        )
    unknown = set(d) - _CHECK_KEYS
    if unknown:
        raise ErrataError(f"unknown keys {sorted(unknown)}", entry=eid, field="check")
    for key in ("kind", "name"):
        if not isinstance(d.get(key), str) or not d[key]:
            raise ErrataError("missing", entry=eid, field=f"check.{key}")
    if d["kind"] not in KINDS:
        raise ErrataError(f"unknown kind {d['kind']!r}; one of {', '.join(KINDS)}", entry=eid, field="check.kind")
    for key in ("claim", "correction"):
        if key == "correction" and status == "unverifiable" and d.get(key) is None:
            continue  # nothing is claimed to be right: the check only shows the claim is not verified
        if key not in d or d[key] is None:
            raise ErrataError(
                "missing: the check must state the claimed and the corrected value", entry=eid, field=f"check.{key}"
            )
    if d["claim"] == d.get("correction"):
        raise ErrataError("claim and correction are equal", entry=eid, field="check.correction")
    args = d.get("args") or {}
    if not isinstance(args, dict):
        raise ErrataError("must be a mapping", entry=eid, field="check.args")
    return Check(kind=d["kind"], name=d["name"], claim=d["claim"], correction=d.get("correction"), args=args)


def entry_from_dict(d: Any, documents: dict[str, Document], index: int = 0) -> Erratum:
    """Validate one entry; :class:`ErrataError` names the entry id and the field."""
    if not isinstance(d, dict):
        raise ErrataError("an entry must be a mapping", entry=f"#{index}", field="-")
    eid = d.get("id")
    if not isinstance(eid, str) or not _ID.match(eid):
        raise ErrataError(
            "id must look like e000-some-words (document number, then lowercase words)",
            entry=str(eid) if eid else f"#{index}",
            field="id",
        )
    unknown = set(d) - _ENTRY_KEYS
    if unknown:
        raise ErrataError(f"unknown keys {sorted(unknown)}", entry=eid, field="-")
    document = _str(d, "document", eid)
    if document not in documents:
        raise ErrataError(f"unknown document {document!r}", entry=eid, field="document")
    if documents[document].file[:3] != eid[1:4]:
        raise ErrataError(f"id must start with e{document[:3]}", entry=eid, field="id")
    category = _str(d, "category", eid)
    if category not in CATEGORIES:
        raise ErrataError(f"unknown category {category!r}; one of {', '.join(CATEGORIES)}", entry=eid, field="category")
    severity = _str(d, "severity", eid)
    if severity not in SEVERITIES:
        raise ErrataError(f"unknown severity {severity!r}; one of {', '.join(SEVERITIES)}", entry=eid, field="severity")
    status = "unverifiable" if severity == "unverifiable" else "error"
    chapter = _str(d, "chapter", eid)
    if not _CHAPTER.match(chapter):
        raise ErrataError(
            "must be a page path relative to the language folder, optionally #anchor (e.g. math/losses.md#mse-example)",
            entry=eid,
            field="chapter",
        )
    correction = _text(d.get("correction"), eid, "correction", required=status == "error")
    occurrence = d.get("occurrence")
    if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
        raise ErrataError("must be a positive integer", entry=eid, field="occurrence")
    note = _text(d.get("check_note"), eid, "check_note", required=False)
    also = _places(d.get("also"), eid, document, documents)
    excerpt = d.get("excerpt", "")
    if not isinstance(excerpt, str):
        raise ErrataError("must be a string", entry=eid, field="excerpt")
    return Erratum(
        id=eid,
        document=document,
        section=_str(d, "section", eid),
        claim=_str(d, "claim", eid),
        category=category,
        severity=severity,
        explanation=_text(d.get("explanation"), eid, "explanation"),
        chapter=chapter,
        check=replace(_check(d.get("check"), eid, status), note=note),
        correction=correction,
        occurrence=occurrence,
        excerpt=excerpt,
        also=also,
        quote_en=_en(d, eid),
    )


def _en(d: dict, eid: str) -> str:
    v = d.get("quote_en", "")
    if not isinstance(v, str):
        raise ErrataError("must be a string (the English translation of the quote)", entry=eid, field="quote_en")
    return v.strip()


def _places(raw: Any, eid: str, document: str, documents: dict[str, Document]) -> tuple[Place, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise ErrataError("must be a non-empty list of {document, section, claim}", entry=eid, field="also")
    out = []
    for i, p in enumerate(raw):
        where = f"also[{i}]"
        if not isinstance(p, dict) or set(p) - {"document", "section", "claim", "quote_en"}:
            raise ErrataError(
                "must be a mapping with section, claim, quote_en and optionally document", entry=eid, field=where
            )
        doc = p.get("document", document)
        if doc not in documents:
            raise ErrataError(f"unknown document {doc!r}", entry=eid, field=f"{where}.document")
        out.append(
            Place(document=doc, section=_str(p, "section", eid), claim=_str(p, "claim", eid), quote_en=_en(p, eid))
        )
    return tuple(out)


def from_dict(data: Any, path: str = "<memory>") -> Errata:
    """Validate the whole file (documents, entries, unique ids)."""
    try:
        if not isinstance(data, dict) or data.get("schema") != 1:
            raise ErrataError("the file must be a mapping with schema: 1", entry="-", field="schema")
        docs_raw = data.get("documents")
        if not isinstance(docs_raw, dict) or not docs_raw:
            raise ErrataError("must map article file names to {sha256, title}", entry="-", field="documents")
        documents = {}
        for name, spec in docs_raw.items():
            if not isinstance(spec, dict) or not re.fullmatch(r"[0-9a-f]{64}", str(spec.get("sha256", ""))):
                raise ErrataError("needs a sha256 (64 hex digits)", entry="-", field=f"documents.{name}")
            documents[name] = Document(file=name, sha256=spec["sha256"], title=str(spec.get("title", "")))
        raw = data.get("errata")
        if not isinstance(raw, list) or not raw:
            raise ErrataError("must be a non-empty list", entry="-", field="errata")
        names = data.get("sections_en") or {}
        if not isinstance(names, dict) or not all(isinstance(v, str) and v.strip() for v in names.values()):
            raise ErrataError("must map Chinese heading names to English ones", entry="-", field="sections_en")
        entries = tuple(_translated(entry_from_dict(d, documents, i), names) for i, d in enumerate(raw))
        seen: set[str] = set()
        for e in entries:
            if e.id in seen:
                raise ErrataError("duplicate id", entry=e.id, field="id")
            seen.add(e.id)
        return Errata(documents=documents, entries=entries)
    except ErrataError as exc:
        if not exc.path:
            exc.params["path"] = path
        raise


_CJK = re.compile(r"[\u3400-\u9fff]")


def section_in_english(section: str, names: dict[str, str], eid: str = "?") -> str:
    """``a / b / c`` with every heading that contains Chinese replaced by its name in ``names``.

    >>> names = {"(第二篇)": "(second article)", "1. 背景介绍": "1. Background"}
    >>> section_in_english("(第二篇) 1. 背景介绍 / Adam", names)
    '(second article) 1. Background / Adam'
    """
    out = []
    for seg in (s.strip() for s in section.split(" / ")):
        prefix, _, rest = seg.partition(") ") if seg.startswith("(") else ("", "", seg)
        prefix = prefix + ")" if prefix else ""
        parts = [p for p in (prefix, rest) if p]
        missing = [p for p in parts if _CJK.search(p) and p not in names]
        if missing:
            raise ErrataError(f"no English name for heading {missing[0]!r} in sections_en", entry=eid, field="section")
        out.append(" ".join(names.get(p, p) for p in parts))
    return " / ".join(out)


def _translated(e: Erratum, names: dict[str, str]) -> Erratum:
    also = tuple(replace(p, section_en=section_in_english(p.section, names, e.id)) for p in e.also)
    return replace(e, section_en=section_in_english(e.section, names, e.id), also=also)


def load_file(path: Path | str) -> Errata:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ErrataError(f"not valid YAML: {exc}", entry="-", field="-", path=str(path)) from None
    return from_dict(data, str(path))


@cache
def load(path: str | None = None) -> Errata:
    """The packaged errata (or those in ``path``), validated."""
    return load_file(path or ERRATA_FILE)
