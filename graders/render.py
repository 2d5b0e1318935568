"""Human output with rich (JSON output is ``Result.to_dict``). ``lang`` is zh, en or both."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .questions import Question
    from .result import Result

__all__ = ["console", "show_result", "show_question", "show_list", "show_preview"]

_STYLE = {"correct": "bold green", "incorrect": "bold red", "invalid": "bold yellow",
          "undetermined": "bold magenta", "timeout": "bold magenta", "too-large": "bold magenta"}
_LABEL = {"correct": ("正确", "correct"), "incorrect": ("不正确", "incorrect"), "invalid": ("无法读取", "invalid input"),
          "undetermined": ("无法判定", "undetermined"), "timeout": ("超时", "timed out"), "too-large": ("过大", "too large")}


def console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _label(verdict: str, lang: str) -> str:
    zh, en = _LABEL[verdict]
    return zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}"


def show_result(r: "Result", lang: str = "both") -> None:
    from rich.markup import escape

    c = console()
    v = r.verdict.value
    head = f"[{_STYLE[v]}]{escape(_label(v, lang))}[/]"
    if r.note and r.note not in (v, "correct"):
        head += f"  [dim]({escape(r.note)})[/]"
    c.print(head)
    if r.caret:
        c.print(escape(r.caret), style="yellow")
    if r.feedback.zh or r.feedback.en:
        c.print(escape(r.feedback.get(lang)))
    if r.parsed:
        c.print(f"[dim]{'读作' if lang == 'zh' else 'read as'}:[/] {escape(r.parsed)}")
        c.print(f"[dim]LaTeX:[/] {escape(r.latex)}")
    if r.variables:
        c.print(f"[dim]{'变量' if lang == 'zh' else 'variables'}:[/] {escape(', '.join(r.variables))}")
    if r.counterexample:
        point = ", ".join(f"{k} = {val}" for k, val in r.counterexample.items())
        c.print(f"[dim]{'反例' if lang == 'zh' else 'counterexample'}:[/] {escape(point)}")
    for s in r.steps:
        mark = {"correct": "[green]✓[/]", "incorrect": "[red]✗[/]", "invalid": "[yellow]![/]"}.get(s.verdict.value, "[magenta]?[/]")
        c.print(f"{mark} {s.line:>2}  {escape(s.text)}" + (f"  [dim]{escape(s.note)}[/]" if s.note else ""))


def show_question(q: "Question", lang: str = "both", variant: int | None = None, values: dict | None = None,
                  hints: bool = False) -> None:
    from rich.markup import escape

    from .variants import fill

    c = console()
    title = q.title.get(lang).replace("\n", " / ")
    c.print(f"[bold]{escape(q.id)}[/]  {escape(title)}")
    c.print(f"[dim]{q.kind} · {q.topic}" + (f" · variant {variant}" if q.params else "") + "[/]")
    c.print(escape(fill(q.prompt.get(lang), values or {})).rstrip())
    if q.variables:
        c.print("[dim]variables:[/] " + escape(", ".join(v.name + (f" ({v.shape[0]}×{v.shape[1]})" if v.shape else "") for v in q.variables)))
    if q.source:
        c.print(f"[dim]{'来源' if lang == 'zh' else 'source'}: {escape(q.source.document)} — {escape(q.source.section)}[/]")
    if not hints:
        if q.hints.en:
            c.print(f"[dim]{'提示：加 --hints 显示' if lang == 'zh' else 'hints: add --hints'}[/]")
        return
    for number, hint in enumerate(q.hints.get(lang) if lang in ("zh", "en") else q.hints.get("en"), 1):
        c.print(f"[dim]{'提示' if lang == 'zh' else 'hint'} {number}:[/] {escape(hint)}")


def show_list(questions: list["Question"], lang: str = "both") -> None:
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
        table.add_column(column, style=style or None, overflow="fold", min_width=30 if column == "correction" else None,
                         ratio=1 if column == "correction" else None)
    for e in data["errata"]:
        correction = e["correction"][text_lang] if e["status"] == "error" else ("无法核实" if text_lang == "zh" else "could not be verified")
        table.add_row(e["id"], e["category"], f"{e['check']['kind']}: {e['check'].get('result', '')}", correction)
    console().print(table)
    counts = data["counts"]
    console().print(f"{len(data['errata'])} / {counts['total']} errata; by category: {counts['by_category']}")


def show_preview(p, lang: str = "both") -> None:
    from rich.markup import escape

    c = console()
    if not p.valid:
        c.print(f"[bold yellow]{escape(_label('invalid', lang))}[/]  [dim]({escape(p.note)})[/]")
        c.print(escape(p.caret), style="yellow")
        c.print(escape(p.feedback.get(lang)))
        return
    c.print(f"[dim]{'读作' if lang == 'zh' else 'read as'}:[/] {escape(p.parsed)}")
    c.print(f"[dim]LaTeX:[/] {escape(p.latex)}")
    if p.pretty:
        c.print(escape(p.pretty))
    if p.variables:
        c.print(f"[dim]{'变量' if lang == 'zh' else 'variables'}:[/] {escape(', '.join(p.variables))}")
    if p.shape:
        c.print(f"[dim]{'形状' if lang == 'zh' else 'shape'}:[/] {p.shape}")
    if p.feedback.zh or p.feedback.en:
        c.print(f"[dim]{escape(p.feedback.get(lang))}[/]")
