"""Machine-checked errata of the five source articles.

The data (``errata.yaml``, with the curated ``bibliography.yaml``) is validated by
:mod:`graders.errata.model`; every entry names a check that :mod:`graders.errata.checks`
runs against both the article's claim (must be rejected) and the correction (must be
accepted). ``numpy``/``torch``/``article`` checks are registered by ``tests/errata`` (the
grader never imports torch); :func:`run_all` reports them as ``needs-tests`` unless passed in.

>>> errata = load()
>>> run(errata["e000-mse-example"]).ok
True
"""

from __future__ import annotations

from .checks import REGISTRY, CheckOutcome, bibliography, register, resolve, run
from .model import (
    CATEGORIES,
    KINDS,
    METHODS,
    SEVERITIES,
    STATUSES,
    TEST_ONLY_KINDS,
    Check,
    Document,
    Errata,
    ErrataError,
    Erratum,
    from_dict,
    load,
    load_file,
    normalise,
)

__all__ = [
    "CATEGORIES",
    "KINDS",
    "METHODS",
    "SEVERITIES",
    "STATUSES",
    "TEST_ONLY_KINDS",
    "Check",
    "CheckOutcome",
    "Document",
    "Errata",
    "ErrataError",
    "Erratum",
    "REGISTRY",
    "bibliography",
    "from_dict",
    "load",
    "load_file",
    "normalise",
    "register",
    "resolve",
    "run",
    "run_all",
    "report",
]


def run_all(errata: Errata | None = None, extra: dict | None = None) -> list[dict]:
    """Run every check; one row per erratum: id, kind/name and ``result``.

    ``result`` is ``confirmed`` (claim rejected, correction accepted), ``failed``, or
    ``needs-tests`` for numpy/torch/article checks when ``extra`` does not provide them.
    """
    rows = []
    for e in errata or load():
        row = {"id": e.id, "kind": e.check.kind, "name": e.check.name}
        if e.check.kind in TEST_ONLY_KINDS and e.check.name not in (extra or {}).get(e.check.kind, {}):
            row["result"] = "needs-tests"
        else:
            try:
                out = run(e, extra)
                row.update(
                    result="confirmed" if out.ok else "failed",
                    claim_true=out.claim_true,
                    correction_true=out.correction_true,
                )
            except Exception as exc:
                row.update(result="failed", error=f"{type(exc).__name__}: {exc}")
        rows.append(row)
    return rows


def report(errata: Errata | None = None, extra: dict | None = None) -> dict:
    """What ``kb-grade errata --json`` can print: documents, entries (with check results), counts."""
    errata = errata or load()
    results = {r["id"]: r for r in run_all(errata, extra)}
    entries = [
        {
            **e.to_dict(),
            "check": {
                **e.to_dict()["check"],
                **{k: v for k, v in results[e.id].items() if k not in ("id", "kind", "name")},
            },
        }
        for e in errata
    ]
    return {
        "documents": [
            {"file": d.file, "title": d.title, "errata": [e.id for e in errata if e.document == d.file]}
            for d in errata.documents.values()
        ],
        "errata": entries,
        "counts": {
            "total": len(entries),
            "failed": sum(r["result"] == "failed" for r in results.values()),
            "by_document": _count(e.document for e in errata),
            "by_category": _count(e.category for e in errata),
            "by_status": _count(e.status for e in errata),
            "by_severity": _count(e.severity for e in errata),
            "by_check_kind": _count(e.check.kind for e in errata),
        },
    }


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))
