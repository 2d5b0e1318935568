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

from ..result import Text
from .places import Place, places, quote_en, translated
from .vocabulary import CATEGORIES, KINDS, METHODS, SEVERITIES, STATUSES, TEST_ONLY_KINDS, ErrataError, normalise

# fmt: off
__all__ = [
    "ErrataError", "Check", "Erratum", "Place", "Document", "Errata",
    "CATEGORIES", "SEVERITIES", "STATUSES", "KINDS", "METHODS", "TEST_ONLY_KINDS", "ERRATA_FILE",
    "load", "load_file", "from_dict", "normalise",
]
# fmt: on

ERRATA_FILE = Path(__file__).with_name("errata.yaml")

_ID = re.compile(r"^e00[0-4]-[a-z0-9]+(-[a-z0-9]+)*$")
_CHAPTER = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?$")


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
        out = {
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
                 "occurrence": p.occurrence, "quote_en": p.quote_en}
                for p in self.also
            ],
            "check": {"kind": self.check.kind, "name": self.check.name,
                      "note": {"zh": self.check.note.zh, "en": self.check.note.en}},
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
    also = places(d.get("also"), eid, document, documents)
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
        quote_en=quote_en(d, eid),
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
        names = data.get("sections_en") or {}
        if not isinstance(names, dict) or not all(isinstance(v, str) and v.strip() for v in names.values()):
            raise ErrataError("must map Chinese heading names to English ones", entry="-", field="sections_en")
        entries = tuple(translated(entry_from_dict(d, documents, i), names) for i, d in enumerate(raw))
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
