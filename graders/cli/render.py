"""Human output with rich (JSON output is ``Result.to_dict``). ``lang`` is zh, en or both.

Everything echoed to a terminal goes through :func:`safe`: control and escape sequences in an
answer (``\\x1b[2J``, a right-to-left override) are shown escaped, never interpreted. The words come
from :mod:`graders.messages`.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING

from ..messages import label

if TYPE_CHECKING:
    from ..bank.model import Question
    from ..result import Result

__all__ = [
    "console",
    "safe",
    "emit_json",
    "progress_bar",
    "show_result",
    "show_question",
    "show_list",
    "show_preview",
    "show_errata",
]

_STYLE = {
    "correct": "bold green",
    "incorrect": "bold red",
    "wrong-form": "bold red",
    "invalid": "bold yellow",
    "undetermined": "bold magenta",
    "timeout": "bold magenta",
    "too-large": "bold magenta",
    "error": "bold red",
}
#: C0 controls but tab and newline, DEL, C1 controls, and bidirectional/invisible formatting characters
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def safe(text: str) -> str:
    """``text`` with every control or formatting character shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


def emit_json(obj: object) -> None:
    """One line of JSON on stdout; characters a terminal would interpret are escaped."""
    sys.stdout.write(safe(json.dumps(obj, ensure_ascii=False)) + "\n")


def progress_bar(stream, quiet: bool = False, every: float = 0.2):
    """``progress(done, total)`` drawing ``[#####-----] 50/100`` on ``stream`` if it is a terminal (at
    most every ``every`` seconds, and at the end); None in ``--json`` mode or when not a terminal."""
    import time

    if quiet or not getattr(stream, "isatty", lambda: False)():
        return None
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < every:
            return
        last[0] = now
        filled = 30 * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'-' * (30 - filled)}] {done}/{total}" + ("\n" if done >= total else ""))
        stream.flush()

    return progress


def console():
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich would exit 1 ("incorrect"): let main() say 141
            raise BrokenPipeError

    return _Console(highlight=False, soft_wrap=True)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(safe(text))


def show_result(r: Result, lang: str = "both") -> None:
    c = console()
    v = r.verdict.value
    head = f"[{_STYLE[v]}]{_esc(label(v, lang))}[/]"
    if r.note and r.note not in (v, "correct"):
        head += f"  [dim]({_esc(r.note)})[/]"
    c.print(head)
    if r.caret:
        c.print(_esc(r.caret), style="yellow")
    if r.feedback.zh or r.feedback.en:
        c.print(_esc(r.feedback.get(lang)))
    if r.parsed:
        c.print(f"[dim]{label('read-as', lang)}:[/] {_esc(r.parsed)}")
        c.print(f"[dim]LaTeX:[/] {_esc(r.latex)}")
    if r.variables:
        c.print(f"[dim]{label('variables', lang)}:[/] {_esc(', '.join(r.variables))}")
    if r.counterexample:
        point = ", ".join(f"{k} = {val}" for k, val in r.counterexample.items())
        c.print(f"[dim]{label('counterexample', lang)}:[/] {_esc(point)}")
    for s in r.steps:
        mark = {"correct": "[green]✓[/]", "incorrect": "[red]✗[/]", "invalid": "[yellow]![/]"}.get(
            s.verdict.value, "[magenta]?[/]"
        )
        c.print(f"{mark} {s.line:>2}  {_esc(s.text)}" + (f"  [dim]{_esc(s.note)}[/]" if s.note else ""))


def show_question(
    q: Question, lang: str = "both", variant: int | None = None, values: dict | None = None, hints: bool = False
) -> None:
    from ..bank.variants import fill

    c = console()
    title = q.title.get(lang).replace("\n", " / ")
    c.print(f"[bold]{_esc(q.id)}[/]  {_esc(title)}")
    c.print(f"[dim]{q.kind} · {q.topic}" + (f" · {label('variant', lang)} {variant}" if q.params else "") + "[/]")
    c.print(_esc(fill(q.prompt.get(lang), values or {})).rstrip())
    if q.variables:
        c.print(
            f"[dim]{label('variables', lang)}:[/] "
            + _esc(", ".join(v.name + (f" ({v.shape[0]}×{v.shape[1]})" if v.shape else "") for v in q.variables))
        )
    if q.source:
        c.print(f"[dim]{label('source', lang)}: {_esc(q.source.document)} — {_esc(q.source.section)}[/]")
    if not hints:
        if q.hints.en:
            c.print(f"[dim]{label('hints-option', lang)}[/]")
        return
    for number, hint in enumerate(q.hints.get(lang) if lang in ("zh", "en") else q.hints.get("en"), 1):
        c.print(f"[dim]{label('hint', lang)} {number}:[/] {_esc(hint)}")


def show_list(questions: list[Question], lang: str = "both") -> None:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("kind", no_wrap=True)
    table.add_column("topic", no_wrap=True, style="dim")
    table.add_column("title", ratio=1)
    for q in questions:
        table.add_row(q.id, q.kind, q.topic, q.title.get(lang).replace("\n", " / "))
    console().print(table)


def show_errata(data: dict, lang: str = "both") -> None:
    """One row per erratum: id, category, status and what its check found."""
    from rich.table import Table

    text_lang = "zh" if lang == "zh" else "en"
    table = Table(show_header=True, header_style="bold")
    for column, style in (("id", "bold"), ("category", ""), ("check", "dim"), ("correction", "")):
        table.add_column(
            column,
            style=style or None,
            overflow="fold",
            min_width=30 if column == "correction" else None,
            ratio=1 if column == "correction" else None,
        )
    for e in data["errata"]:
        correction = e["correction"][text_lang] if e["status"] == "error" else label("could-not-verify", text_lang)
        table.add_row(e["id"], e["category"], f"{e['check']['kind']}: {e['check'].get('result', '')}", correction)
    console().print(table)
    counts = data["counts"]
    console().print(f"{len(data['errata'])} / {counts['total']} errata; by category: {counts['by_category']}")


def show_preview(p, lang: str = "both") -> None:
    c = console()
    if not p.valid:
        c.print(f"[bold yellow]{_esc(label('invalid', lang))}[/]  [dim]({_esc(p.note)})[/]")
        c.print(_esc(p.caret), style="yellow")
        c.print(_esc(p.feedback.get(lang)))
        return
    c.print(f"[dim]{label('read-as', lang)}:[/] {_esc(p.parsed)}")
    c.print(f"[dim]LaTeX:[/] {_esc(p.latex)}")
    if p.pretty:
        c.print(_esc(p.pretty))
    if p.variables:
        c.print(f"[dim]{label('variables', lang)}:[/] {_esc(', '.join(p.variables))}")
    if p.shape:
        c.print(f"[dim]{label('shape', lang)}:[/] {p.shape}")
    if p.feedback.zh or p.feedback.en:
        c.print(f"[dim]{_esc(p.feedback.get(lang))}[/]")
