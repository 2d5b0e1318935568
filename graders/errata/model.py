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
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import GraderError
from ..result import Text
from .places import Place, parse_places

# fmt: off
__all__ = [
    "ErrataError", "Check", "Erratum", "Document", "Errata", "Place",
    "CATEGORIES", "SEVERITIES", "STATUSES", "KINDS", "TEST_ONLY_KINDS", "ERRATA_FILE",
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
# sympy / question / reference / listing / diagram / reasoning run inside graders (no torch);
# numpy / torch / article are registered by tests/errata (graders never imports torch;
# ``article`` checks read the article files, which are not package data).
KINDS = ("sympy", "question", "reference", "listing", "diagram", "numpy", "torch", "article", "reasoning")
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
    places: tuple[Place, ...] = ()  # further places of the same error (the claim is the first)

    @property
    def status(self) -> str:
        """``unverifiable`` or ``error`` (every other severity comes with a correction)."""
        return "unverifiable" if self.severity == "unverifiable" else "error"

    def to_dict(self) -> dict:
        """Plain JSON-able mapping (what ``kb-grade errata --json`` prints for one entry)."""
        page, _, anchor = self.chapter.partition("#")
        # fmt: off
        out = {
            "id": self.id, "document": self.document, "section": self.section, "claim": self.claim,
            "occurrence": self.occurrence, "severity": self.severity, "status": self.status,
            "category": self.category,
            "correction": {"zh": self.correction.zh, "en": self.correction.en},
            "explanation": {"zh": self.explanation.zh, "en": self.explanation.en},
            "chapter": {"page": page, "anchor": anchor or None},
            "check": {"kind": self.check.kind, "name": self.check.name},
            "places": [{"claim": p.claim, "occurrence": p.occurrence, "section": p.section or self.section}
                       for p in self.places],
        }
        # fmt: on
        if self.check.kind == "reasoning":  # the argument is the check: the page prints it
            out["check"]["reasoning"] = {k: self.check.args.get(k) for k in ("premises", "argument")}
        return out


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
               "severity", "chapter", "check", "excerpt", "places"}
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
    excerpt = d.get("excerpt", "")
    if not isinstance(excerpt, str):
        raise ErrataError("must be a string", entry=eid, field="excerpt")
    places = parse_places(d.get("places"), eid, ErrataError)
    return Erratum(
        id=eid,
        document=document,
        section=_str(d, "section", eid),
        claim=_str(d, "claim", eid),
        category=category,
        severity=severity,
        explanation=_text(d.get("explanation"), eid, "explanation"),
        chapter=chapter,
        check=_check(d.get("check"), eid, status),
        correction=correction,
        occurrence=occurrence,
        excerpt=excerpt,
        places=places,
    )


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
        entries = tuple(entry_from_dict(d, documents, i) for i, d in enumerate(raw))
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
