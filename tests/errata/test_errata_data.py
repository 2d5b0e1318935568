"""The errata data: every entry is quoted exactly, linked to a chapter, and confirmed by its check.

One test id per erratum (``pytest -k e001``). The checks run on both the article's claim
(must be rejected) and the correction (must be accepted); an entry without a check, or
with a check that resolves to no function, fails.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import graders.errata as errata_api
from graders.errata import (
    CATEGORIES,
    KINDS,
    REGISTRY,
    SEVERITIES,
    TEST_ONLY_KINDS,
    ErrataError,
    from_dict,
    load,
    normalise,
    report,
    resolve,
    run,
    run_all,
)
from graders.errata.model import ERRATA_FILE
from tests.errata.registry import EXTRA, ROOT, article_text, articles_dir

ERRATA = load()
ENTRIES = list(ERRATA)
IDS = [e.id for e in ENTRIES]
DOCS = ROOT / "docs"


def by_id(eid: str):
    return ERRATA[eid]


# ---------------------------------------------------------------------------- the data


def test_there_are_errata_for_every_document() -> None:
    counts = {doc: len(es) for doc, es in ERRATA.by_document().items()}
    assert set(counts) == {f.name for f in articles_dir().glob("*.txt")}
    assert all(n >= 3 for n in counts.values()), counts


def test_documents_are_pinned_by_sha256() -> None:
    folder = articles_dir()
    for doc in ERRATA.documents.values():
        digest = hashlib.sha256((folder / doc.file).read_bytes()).hexdigest()
        assert digest == doc.sha256, f"{doc.file} changed since errata.yaml was written: re-check its quotes"


@pytest.mark.parametrize("eid", IDS)
def test_claim_is_an_exact_quote(eid: str) -> None:
    e = by_id(eid)
    text = normalise(article_text(e.document))
    claim = normalise(e.claim)
    n = text.count(claim)
    assert n >= 1, f"{eid}: the claim is not in {e.document}: {e.claim!r}"
    if e.occurrence is None:
        assert n == 1, f"{eid}: the claim occurs {n} times; say which with `occurrence`"
    else:
        assert n > 1 and e.occurrence <= n, f"{eid}: occurrence {e.occurrence} but the claim occurs {n} times"


RECURRENCES = [(e.id, i) for e in ENTRIES for i in range(len(e.also))]


@pytest.mark.parametrize(("eid", "i"), RECURRENCES, ids=[f"{eid}-{i}" for eid, i in RECURRENCES])
def test_every_recurrence_is_an_exact_quote(eid: str, i: int) -> None:
    place = by_id(eid).also[i]
    n = normalise(article_text(place.document)).count(normalise(place.claim))
    assert n >= 1, f"{eid}: also[{i}] is not in {place.document}: {place.claim!r}"
    if place.occurrence is None:
        assert n == 1, f"{eid}: also[{i}] occurs {n} times; say which with `occurrence`"
    else:
        assert n > 1 and place.occurrence <= n, f"{eid}: also[{i}]: occurrence {place.occurrence} of {n}"


@pytest.mark.parametrize("eid", [e.id for e in ENTRIES if e.excerpt])
def test_excerpt_is_an_exact_quote(eid: str) -> None:
    e = by_id(eid)
    assert normalise(e.excerpt) in normalise(article_text(e.document)), f"{eid}: excerpt not in {e.document}"


@pytest.mark.parametrize("eid", IDS)
def test_chapter_link_resolves(eid: str) -> None:
    page, _, anchor = by_id(eid).chapter.partition("#")
    en = DOCS / "en" / page
    assert en.is_file(), f"{eid}: no page docs/en/{page}"
    for lang_page in (en, DOCS / "zh" / page):
        if anchor and lang_page.is_file():
            assert f"{{#{anchor}}}" in lang_page.read_text(encoding="utf-8"), f"{eid}: no {{#{anchor}}} in {lang_page}"


@pytest.mark.parametrize("eid", [e.id for e in ENTRIES if e.status == "unverifiable"])
def test_unverifiable_entries_do_not_repeat_their_label(eid: str) -> None:
    """The page prints the severity label once; the texts say what is known instead."""
    e = by_id(eid)
    assert "could not be verified" not in " ".join([e.correction.en, e.explanation.en]).lower()
    assert "无法核实" not in e.correction.zh + e.explanation.zh


@pytest.mark.parametrize("eid", [e.id for e in ENTRIES if e.check.kind == "reference" and e.status == "unverifiable"])
def test_a_bibliography_search_says_what_was_searched_and_that_no_record_matches(eid: str) -> None:
    note = by_id(eid).check.note
    assert "searched" in note.en and "none matches" in note.en, note.en
    assert "查找" in note.zh and "没有匹配" in note.zh, note.zh


# how the automated check works goes into check_note (small print), not into "Why"
CHECK_TALK = re.compile(
    r"\bthe check\b|\bwith ast\b|\bautograd\b|\bgraded\b|检查(?:用|在|把|读|数|比较|确认)|被判为", re.I
)


@pytest.mark.parametrize("eid", IDS)
def test_why_explains_the_error_not_the_check(eid: str) -> None:
    e = by_id(eid)
    for text in (e.explanation.en, e.explanation.zh):
        assert not CHECK_TALK.search(text), f"{eid}: move the description of the check to check_note: {text}"


@pytest.mark.parametrize("eid", IDS)
def test_check_notes_are_bilingual_or_absent(eid: str) -> None:
    note = by_id(eid).check.note
    assert bool(note.en) == bool(note.zh), eid


def test_arithmetic_means_a_computation() -> None:
    """A claim about counting the article's own parts is not arithmetic (issue 17, item 4)."""
    bad = [e.id for e in ENTRIES if e.category == "arithmetic" and e.check.kind in ("listing", "article", "diagram")]
    assert not bad, bad


# Severity (issue 17, item 3)


def test_every_severity_has_labels_and_a_meaning_in_both_languages() -> None:
    assert list(SEVERITIES) == ["error", "imprecise", "outdated", "unverifiable"]  # most serious first
    for label, meaning in SEVERITIES.values():
        assert label.zh and label.en and meaning.zh and meaning.en
    assert {e.severity for e in ENTRIES} == set(SEVERITIES), "every severity is used"


@pytest.mark.parametrize("eid", [e.id for e in ENTRIES if e.severity == "outdated"])
def test_outdated_entries_say_when_it_stopped_being_true(eid: str) -> None:
    e = by_id(eid)
    for text in (e.correction.en, e.correction.zh):
        assert re.search(r"\b(19|20)\d\d\b", text), f"{eid}: name the year the claim stopped being true"


def test_severity_decides_the_status() -> None:
    for e in ENTRIES:
        assert e.status == ("unverifiable" if e.severity == "unverifiable" else "error"), e.id
        assert (e.check.correction is None) <= (e.severity == "unverifiable"), e.id


# --------------------------------------------------------------------------- the checks


@pytest.mark.parametrize("eid", IDS)
def test_check_resolves_to_a_function(eid: str) -> None:
    e = by_id(eid)
    assert e.check.kind in KINDS
    assert callable(resolve(e.check.kind, e.check.name, EXTRA))


@pytest.mark.parametrize("eid", IDS)
def test_check_rejects_the_claim_and_accepts_the_correction(eid: str) -> None:
    out = run(by_id(eid), EXTRA)
    assert out.claim_true is False, f"{eid}: the check accepts the article's claim"
    if by_id(eid).check.correction is None:
        assert by_id(eid).status == "unverifiable"
    else:
        assert out.correction_true is True, f"{eid}: the check rejects the correction"


def test_every_registered_kind_is_known() -> None:
    assert set(REGISTRY) | set(EXTRA) <= set(KINDS)
    assert set(EXTRA) == set(TEST_ONLY_KINDS)


def test_check_kinds_used() -> None:
    used = {e.check.kind for e in ENTRIES}
    assert {"sympy", "question", "reference", "listing", "diagram", "numpy", "torch"} <= used


@pytest.mark.parametrize(("kind", "name"), [("sympy", "nope"), ("nope", "grade"), ("torch", "printed_values")])
def test_unknown_kind_or_name_is_an_error(kind: str, name: str) -> None:
    with pytest.raises(KeyError, match=f"{kind}/{name}"):
        resolve(kind, name, EXTRA)


def test_a_check_that_accepts_the_claim_is_reported_as_failed() -> None:
    e = by_id("e000-mse-example")
    swapped = from_dict(
        {
            **_raw(),
            "errata": [
                {
                    **_raw_entry("e000-mse-example"),
                    "check": {**_raw_entry("e000-mse-example")["check"], "claim": "100", "correction": "70"},
                }
            ],
        }
    )
    assert run(e).ok
    assert not run(swapped["e000-mse-example"]).ok
    assert run_all(swapped)[0]["result"] == "failed"


def test_report_is_json_and_all_confirmed() -> None:
    rep = report(extra=EXTRA)
    json.dumps(rep, ensure_ascii=False)
    assert rep["counts"]["total"] == len(ENTRIES) and rep["counts"]["failed"] == 0
    assert sum(rep["counts"]["by_document"].values()) == len(ENTRIES)
    assert set(rep["counts"]["by_category"]) <= set(CATEGORIES)
    assert {d["file"] for d in rep["documents"]} == set(ERRATA.documents)
    entry = next(x for x in rep["errata"] if x["id"] == "e000-mse-example")
    assert entry["chapter"] == {"page": "math/losses.md", "anchor": "mse-example"}
    assert entry["check"]["result"] == "confirmed"


def test_report_without_tests_marks_torch_checks() -> None:
    rows = {r["id"]: r for r in run_all()}
    assert rows["e004-adam-formula"]["result"] == "needs-tests"
    assert rows["e000-mse-example"]["result"] == "confirmed"
    assert not [r for r in rows.values() if r["result"] == "failed"]


def test_the_grader_side_never_imports_torch() -> None:
    code = (
        "import sys, graders.errata as E; rows = E.run_all(); "
        "assert not [r for r in rows if r['result'] == 'failed'], rows; "
        "assert not {'torch', 'pytorch_lightning', 'lightning'} & set(sys.modules), 'torch imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_public_api() -> None:
    for name in errata_api.__all__:
        assert getattr(errata_api, name) is not None


# ------------------------------------------------------------------ validation messages


def _raw() -> dict:
    return yaml.safe_load(ERRATA_FILE.read_text(encoding="utf-8"))


def _raw_entry(eid: str) -> dict:
    return copy.deepcopy(next(d for d in _raw()["errata"] if d["id"] == eid))


def _drop(key):
    return lambda d: d.pop(key)


def _set(key, value):
    return lambda d: d.__setitem__(key, value)


def _check_set(key, value):
    return lambda d: d["check"].__setitem__(key, value)


MALFORMED = [
    # (what is wrong, mutation, field named in the error)
    ("no check", _drop("check"), "check"),
    ("check without kind", lambda d: d["check"].pop("kind"), "check.kind"),
    ("unknown kind", _check_set("kind", "magic"), "check.kind"),
    ("check without a correction", lambda d: d["check"].pop("correction"), "check.correction"),
    ("claim equals correction", _check_set("correction", "70"), "check.correction"),
    ("unknown category", _set("category", "typo"), "category"),
    ("unknown severity", _set("severity", "maybe"), "severity"),
    ("no severity", _drop("severity"), "severity"),
    ("status instead of severity", _set("status", "error"), "-"),
    ("bad chapter link", _set("chapter", "/abs/path.md#x"), "chapter"),
    ("missing correction text", _drop("correction"), "correction"),
    ("correction in one language", _set("correction", {"zh": "一百"}), "correction"),
    ("empty explanation", _set("explanation", {"zh": "", "en": "x"}), "explanation.zh"),
    ("unknown document", _set("document", "999.txt"), "document"),
    ("id of another document", _set("id", "e001-mse-example"), "id"),
    ("malformed id", _set("id", "MSE example"), "id"),
    ("empty claim", _set("claim", "  "), "claim"),
    ("occurrence zero", _set("occurrence", 0), "occurrence"),
    ("unknown key", _set("priority", "high"), "-"),
    ("check note in one language", _set("check_note", {"en": "counts"}), "check_note"),
]


@pytest.mark.parametrize(("what", "mutate", "field"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_entry_names_id_and_field(what: str, mutate, field: str) -> None:
    entry = _raw_entry("e000-mse-example")
    mutate(entry)
    with pytest.raises(ErrataError) as info:
        from_dict({**_raw(), "errata": [entry]})
    assert info.value.field == field
    assert info.value.entry in {"e000-mse-example", entry.get("id"), "#0"}
    assert re.search(r"erratum '.*', field '.*'", str(info.value))


def test_duplicate_ids_are_rejected() -> None:
    entry = _raw_entry("e000-mse-example")
    with pytest.raises(ErrataError, match="duplicate id"):
        from_dict({**_raw(), "errata": [entry, entry]})


def test_unverifiable_entry_may_omit_the_correction() -> None:
    entry = _raw_entry("e000-mse-example")
    entry["severity"] = "unverifiable"
    entry.pop("correction")
    entry["check"].pop("correction")
    assert from_dict({**_raw(), "errata": [entry]})["e000-mse-example"].check.correction is None


def test_bad_yaml_is_an_errata_error(tmp_path: Path) -> None:
    bad = tmp_path / "errata.yaml"
    bad.write_text("schema: 1\nerrata: [\n", encoding="utf-8")
    with pytest.raises(ErrataError, match="not valid YAML"):
        errata_api.load_file(bad)


# English beside every quoted Chinese claim (issue 19)
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("eid", IDS)
def test_every_chinese_quote_has_an_english_translation(eid: str) -> None:
    e = by_id(eid)
    for place in (e, *e.also):
        if CJK.search(place.claim):
            assert place.quote_en, f"{eid}: quote_en missing for {place.claim!r}"
        if place.quote_en:
            assert not CJK.search(place.quote_en), f"{eid}: quote_en must be English: {place.quote_en!r}"
            assert place.quote_en != place.claim, eid


@pytest.mark.parametrize("eid", IDS)
def test_every_section_has_an_english_name(eid: str) -> None:
    for place in (by_id(eid), *by_id(eid).also):
        assert place.section_en and not CJK.search(place.section_en), (eid, place.section_en)


def test_a_heading_without_an_english_name_is_an_error() -> None:
    raw = _raw()
    entry = _raw_entry("e000-mse-example")
    entry["section"] = "没有译名的标题"
    with pytest.raises(ErrataError, match="no English name") as info:
        from_dict({**raw, "errata": [entry]})
    assert info.value.field == "section"


# ------------------------------- recurrences (also) and reasoning checks (issue 17, items 2 and 5)


def test_recurrences_are_distinct_from_the_claim() -> None:
    for e in ENTRIES:
        spots = [(e.document, normalise(e.claim), e.occurrence or 1)]
        spots += [(p.document, normalise(p.claim), p.occurrence or 1) for p in e.also]
        assert len(spots) == len(set(spots)), f"{e.id}: a recurrence repeats the claim or another recurrence"


REASONING = [e.id for e in ENTRIES if e.check.kind == "reasoning"]


@pytest.mark.parametrize("eid", REASONING)
def test_reasoning_premises_that_quote_an_article_are_exact(eid: str) -> None:
    from graders.errata.checks import premise_quotes

    e = by_id(eid)
    for document, quote in premise_quotes(e.check.args, e.document):
        assert normalise(quote) in normalise(article_text(document)), f"{eid}: premise not in {document}: {quote!r}"


@pytest.mark.parametrize("eid", REASONING)
def test_reasoning_checks_conclude_the_correction(eid: str) -> None:
    check = by_id(eid).check
    assert normalise(check.args["conclusion"]) == normalise(check.correction)
    assert len(check.args["premises"]) >= 2, f"{eid}: name the premises the argument rests on"


MALFORMED_ALSO = [
    ("also not a list", "one place", "also"),
    ("empty also", [], "also"),
    ("recurrence without claim", [{"section": "s", "occurrence": 2}], "also[0].claim"),
    ("recurrence without section", [{"claim": "x"}], "also[0].section"),
    ("recurrence with unknown key", [{"section": "s", "claim": "x", "line": 3}], "also[0]"),
    ("recurrence occurrence zero", [{"section": "s", "claim": "x", "occurrence": 0}], "also[0].occurrence"),
    ("recurrence in an unknown document", [{"document": "x.txt", "section": "s", "claim": "x"}], "also[0].document"),
]


@pytest.mark.parametrize(("what", "also", "field"), MALFORMED_ALSO, ids=[m[0] for m in MALFORMED_ALSO])
def test_malformed_recurrences_name_the_field(what: str, also, field: str) -> None:
    entry = _raw_entry("e000-mse-example")
    entry["also"] = also
    with pytest.raises(ErrataError) as info:
        from_dict({**_raw(), "errata": [entry]})
    assert info.value.field == field and info.value.entry == "e000-mse-example"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"premises": [], "argument": {"zh": "甲", "en": "a"}, "conclusion": "c"}, "check.args.premises"),
        (
            {"premises": [{"en": "only English"}], "argument": {"zh": "甲", "en": "a"}, "conclusion": "c"},
            "check.args.premises[0]",
        ),
        ({"premises": [{"zh": "甲", "en": "a"}], "argument": {"en": "a"}, "conclusion": "c"}, "check.args.argument"),
    ],
)
def test_malformed_reasoning_is_an_error(args: dict, field: str) -> None:
    with pytest.raises(ErrataError) as info:
        resolve("reasoning", "argument")("c", **args)
    assert info.value.field == field
