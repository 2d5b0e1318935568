"""The words of the exercise interface, in zh and en (the verdicts and "read as" come from the
grader's own table, :data:`graders.messages.LABELS`, so a page and ``kb-grade`` say the same)."""

from __future__ import annotations

__all__ = ["UI", "ui_for"]

UI = {
    "answer": ("你的答案", "Your answer"),
    "answer-derivation": (
        "你的推导（每行一步，第二行起以 = 开头；Ctrl+Enter 检查）",
        "Your derivation (one step per line, lines after the first start with =; Ctrl+Enter checks)",
    ),
    "check": ("检查", "Check"),
    "hint": ("提示", "Hint"),
    "solution": ("看答案", "Show the answer"),
    "new-variant": ("换一个变体", "New variant"),
    "variant": ("变体 {i} / {n}", "Variant {i} of {n}"),
    "checking": ("正在检查……", "Checking…"),
    "timeout": (
        "超时：检查没有在时限内完成，答案未被判定。评分器已重新启动。",
        "Timed out: the check did not finish in time and the answer was not graded. The grader was restarted.",
    ),
    "crashed": (
        "评分器意外退出，答案未被判定；已重新启动，请再试一次。",
        "The grader stopped unexpectedly and the answer was not graded; it was restarted, please try again.",
    ),
    "failed": ("评分器无法加载。", "The grader could not be loaded."),
    "command": ("在命令行得到同样结果：", "The same verdict on the command line:"),
    "variables": ("变量", "variables"),
    "solved": ("已做对", "solved"),
    "answer-is": ("答案：", "Answer:"),
    "from-article": ("出自文章 {doc}：{section}", "From article {doc}: {section}"),
    "article-printed": ("原文给出的（错误）结果：{claim}", "The article printed (wrongly): {claim}"),
    "declared": ("可用的变量：{names}", "Variables you can use: {names}"),
    "intro": (
        "在下面的框里输入答案（普通写法如 2*(x-1)、σ(z)，或 LaTeX），按 Enter 检查；答案在你的浏览器里判定，"
        "什么都不会上传。也可以在命令行用 kb-grade 检查。",
        "Type an answer in a box below (plain syntax such as 2*(x-1), σ(z), or LaTeX) and press Enter to check; "
        "it is graded in your browser and nothing is sent anywhere. kb-grade checks the same answers on the "
        "command line.",
    ),
    "loading": ("正在加载评分器", "Loading the grader"),
}
STAGES = {
    "runtime": ("正在加载 Python（Pyodide）……", "Loading Python (Pyodide)…"),
    "graders": ("正在加载评分器……", "Loading the grader…"),
    "sympy": ("正在加载 SymPy（这个答案需要它）……", "Loading SymPy (this answer needs it)…"),
}


def ui_for(lang: str) -> dict:
    """The JSON the page's script reads: labels, verdict names, loading stages, the deadline."""
    from graders.messages import LABELS

    i = 0 if lang == "zh" else 1
    return {
        "lang": "zh" if lang == "zh" else "en",
        "labels": {
            **{k: v[i] for k, v in UI.items()},
            **{k: LABELS[k][i] for k in ("read-as", "variables", "shape", "counterexample")},
        },
        "verdicts": {
            k: LABELS[k][i]
            for k in ("correct", "incorrect", "wrong-form", "invalid", "undetermined", "timeout", "too-large", "error")
        },
        "stages": {k: v[i] for k, v in STAGES.items()},
        "deadline_ms": 10_000,
    }
