"""All text shown to people, in zh and en, in one place.

Errors (:mod:`graders.errors`) and grading notes carry only a code and parameters;
:func:`message` looks the code up here, :func:`describe` also draws the caret.

>>> message("unknown-name", name="q", allowed="θ").en
"Unknown name 'q'. This question uses: θ."
"""

from __future__ import annotations

from .errors import GraderError
from .result import Text

__all__ = ["MESSAGES", "message", "describe", "caret"]

MESSAGES: dict[str, tuple[str, str]] = {
    # syntax
    "empty": ("答案为空。", "The answer is empty."),
    "unexpected": ("这里不应出现 '{token}'{expected_zh}。", "Unexpected '{token}'{expected_en}."),
    "unexpected-end": ("表达式不完整{expected_zh}。", "The expression ends too early{expected_en}."),
    "unclosed": ("'{open}' 没有对应的 '{close}'。", "'{open}' is never closed with '{close}'."),
    "missing-operator": ("两个数之间缺少运算符（例如 *）。", "Missing operator (such as *) before this number."),
    "bad-char": ("无法识别的字符 '{char}'。", "Character '{char}' is not allowed here."),
    "invisible-char": ("答案含不可见或双向控制字符 {char}，请重新输入。",
                       "The answer contains an invisible or bidirectional control character {char}; please retype it."),
    "confusable-char": ("字符 '{char}'（{name}）看起来像拉丁字母或数字但并不是，请重新输入。",
                        "Character '{char}' ({name}) looks like a Latin letter or digit but is not; please retype it."),
    "arity": ("{func} 需要 {expected} 个参数，给了 {got} 个。", "{func} takes {expected} argument(s), got {got}."),
    "call-needs-parens": ("{func} 需要括号：{func}(...)。", "{func} needs parentheses: {func}(...)."),
    "sum-index": ("sum(表达式, i, 下限, 上限) 的第二个参数必须是变量名。", "The second argument of sum(body, i, lo, hi) must be a name."),
    "diff-variable": ("求导变量必须是一个变量名。", "A derivative must be taken with respect to a variable name."),
    "chained-equals": ("一行只能有一个等号。", "Only one '=' per line."),
    "equation-not-expected": ("这里需要一个表达式，而不是等式。", "An expression is expected here, not an equation."),
    "unsupported": ("不支持这种写法。", "This construct is not supported."),
    "latex-unknown-command": ("不支持的 LaTeX 命令 {command}。", "Unsupported LaTeX command {command}."),
    "prime-needs-function": ("撇号 ' 只能用在 σ'(z)、tanh'(x)、relu'(x) 这样的导数记号里。", "A prime ' is only allowed in derivatives such as σ'(z), tanh'(x), relu'(x)."),
    "latex-subscript": ("下标只能跟在变量名后面。", "A subscript must follow a variable name."),
    # limits
    "too-long": ("答案太长（上限 {limit} 个字符）。", "The answer is too long (limit {limit} characters)."),
    "too-many-tokens": ("答案太长（上限 {limit} 个记号）。", "The answer is too long (limit {limit} tokens)."),
    "too-deep": ("嵌套太深（上限 {limit} 层）。", "Nesting is too deep (limit {limit} levels)."),
    "too-many-digits": ("数字位数太多（上限 {limit} 位）。", "Too many digits in one number (limit {limit})."),
    "too-large-number": ("数值太大（超过 {limit}）。", "A number here is too large (beyond {limit})."),
    "exponent-too-large": ("指数太大（对变量的幂上限 {limit}）。", "The exponent is too large (limit {limit} on powers of variables)."),
    "factorial-symbolic": ("只支持对具体整数求阶乘。", "Factorials are only supported of concrete integers."),
    "factorial-too-large": ("阶乘的参数必须是 0 到 {limit} 的整数。", "A factorial's argument must be an integer from 0 to {limit}."),
    "sum-too-long": ("求和项数太多（上限 {limit}）。", "The sum has too many terms (limit {limit})."),
    "too-many-lines": ("推导行数太多（上限 {limit}）。", "Too many lines in the derivation (limit {limit})."),
    # names and shapes
    "unknown-name": ("未知的名称 '{name}'。本题使用：{allowed}。", "Unknown name '{name}'. This question uses: {allowed}."),
    "shape-mismatch": ("形状不匹配：{left} {op} {right}。{hint_zh}", "Shapes do not fit: {left} {op} {right}.{hint_en}"),
    "softmax-needs-vector": ("softmax 需要向量参数。", "softmax needs a vector argument."),
    "ragged-matrix": ("矩阵的每一行必须有相同个数的数（元素不能是矩阵）。", "Every row of a matrix needs the same number of entries (and entries cannot be matrices)."),
    "matrix-division": ("不能除以矩阵。", "Cannot divide by a matrix."),
    "matrix-power": ("不支持矩阵的幂。", "Powers of matrices are not supported."),
    "expected-matrix": ("需要一个 {shape} 的矩阵，你的答案是 {got}。{hint_zh}", "Expected a {shape} matrix; your answer is {got}.{hint_en}"),
    # numeric
    "not-a-number": ("这里需要一个数值，但答案含变量 {names}。", "A number is expected here, but the answer contains {names}."),
    "not-real": ("答案不是一个有限实数。", "The answer is not a finite real number."),
    "expected-scalar": ("这里需要一个标量表达式。", "A scalar expression is expected here."),
    # verdicts
    "correct": ("正确。", "Correct."),
    "incorrect": ("不正确。", "Incorrect."),
    "incorrect-value": ("不正确：你的值是 {got}。", "Incorrect: your value is {got}."),
    "close": ("接近但超出容差（正确值约 {rounded}）。", "Close, but outside the tolerance (the answer rounds to {rounded})."),
    "sig-figs": ("请至少给出 {n} 位有效数字。", "Give at least {n} significant figures."),
    "counterexample": ("在 {point} 处两者不相等：{left} ≠ {right}。", "They differ at {point}: {left} ≠ {right}."),
    "equivalent": ("两个表达式等价。", "The expressions are equivalent."),
    "not-equivalent": ("两个表达式不等价。", "The expressions are not equivalent."),
    "undetermined": ("无法判定是否等价（数值检验与化简都没有结论）。", "Could not decide (numeric checks and bounded simplification were inconclusive)."),
    "timeout": ("检查超时（{limit} 秒），答案未被判定。", "The check timed out ({limit} s); the answer was not graded."),
    "too-large": ("检查超出内存上限（{limit} MB），答案未被判定。", "The check exceeded the memory limit ({limit} MB); the answer was not graded."),
    "crashed": ("检查进程意外退出，答案未被判定。", "The checking process died unexpectedly; the answer was not graded."),
    "negated": ("符号反了：你的答案是正确答案的相反数。", "Sign error: your answer is the negative of the correct one."),
    "scaled": ("差一个常数因子：你的答案是正确答案的 {factor} 倍。", "Off by a constant factor: your answer is {factor} × the correct one."),
    "step-ok": ("由上一行可得。", "Follows from the previous line."),
    "step-wrong": ("第 {line} 行与上一行不等价。", "Line {line} does not follow from the previous line."),
    "first-line-mismatch": ("第一行与题目给出的表达式不符。", "The first line does not match the question's expression."),
    "last-line-mismatch": ("最后一行不是所求的结果。", "The last line is not the required result."),
    "solution-sets": ("解集不同：{detail}。", "The solution sets differ: {detail}."),
    "step-one-way": ("这一步只能单向推出（⇒）：它引入了 {added}。若确实要这样做，请在行首写 ⇒，并在最后检验根。",
                     "This step only follows one way (⇒): it adds {added}. If that is intended, start the line with ⇒ and check the roots at the end."),
    "step-adds": ("这一步不是等价变形：它引入了 {added}。", "This step is not an equivalence: it adds {added}."),
    "step-loses": ("这一步丢失了解 {lost}（是否除以了可能为 0 的式子，或开平方时漏了 ±？）。",
                   "This step loses the solution {lost} (did you divide by an expression that can be 0, or take a square root without ±?)."),
    "step-neither": ("这一步两个方向都推不出：它丢失了 {lost}，又引入了 {added}。",
                     "This step does not follow either way: it loses {lost} and adds {added}."),
    "check-roots": ("第 {lines} 行只是单向推出（⇒），可能引入了增根：请把结果代回原方程检验。",
                    "Steps marked ⇒ (line {lines}) may add roots: check the result in the original equation."),
    "marker-needs-equations": ("行首的 {marker} 连接两个等式：这一行和上一行都必须是等式（化简表达式请用 =）。",
                               "A leading {marker} joins two equations: this line and the one before must both be equations (use = to continue an expression)."),
    "on-line": ("第 {line} 行：", "Line {line}:"),
    "derivation-ok": ("每一步都正确。", "Every step is correct."),
    "natural-log": ("log 与 ln 都是自然对数（底为 e）。", "log and ln are both the natural logarithm (base e)."),
    "euler-e": ("e 读作欧拉数 2.718…。", "e is read as Euler's number 2.718…."),
    "unknown-question": ("没有编号为 '{id}' 的题目。", "No question with id '{id}'."),
    "unknown-document": ("没有以 '{document}' 开头的文章。", "No article whose file name starts with '{document}'."),
    "usage": ("{detail}", "{detail}"),
    "question-yaml": ("题目文件 {path} 不是合法的 YAML：{detail}", "Question file {path} is not valid YAML: {detail}"),
    "question-schema": ("题目文件 {path} 不符合格式：{detail}", "Question file {path} does not match the schema: {detail}"),
    "question-id-file": ("题目文件 {path}：{detail}", "Question file {path}: {detail}"),
    "question-duplicate": ("题目文件 {path}：{detail}", "Question file {path}: {detail}"),
    "mismatched-bracket": ("'{open}' 与 '{close}' 不配对，应以 '{want}' 闭合（⌊x⌋ 向下取整，⌈x⌉ 向上取整）。",
                           "'{open}' does not match '{close}'; close it with '{want}' (⌊x⌋ rounds down, ⌈x⌉ rounds up)."),
}

_EXTRA = {
    "expected": lambda v, lang: ("" if not v else (f"（应为 '{v}'）" if lang == "zh" else f" (expected '{v}')")),
    "hint": lambda v, lang: (
        "" if not v else ("是不是忘了转置？" if lang == "zh" else " Did you forget a transpose?")
    ),
}


def message(code: str, **params: object) -> Text:
    """zh/en text for a code; unknown codes fall back to the code itself."""
    zh, en = MESSAGES.get(code, (code, code))
    fill: dict[str, dict[str, object]] = {"zh": dict(params), "en": dict(params)}
    for key, fn in _EXTRA.items():
        for lang in ("zh", "en"):
            fill[lang][f"{key}_{lang}"] = fn(params.get(key, ""), lang)
    return Text(_format(zh, fill["zh"]), _format(en, fill["en"]))


def _format(template: str, params: dict) -> str:
    class _Missing(dict):
        def __missing__(self, key: str) -> str:
            return ""

    return template.format_map(_Missing(params))


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
    pad = "".join("\t" if c == "\t" else (" " if not _wide(c) else "  ") for c in line[:col])
    return f"{line}\n{pad}^"


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")


def describe(error: GraderError, text: str = "") -> tuple[Text, str]:
    """Message and caret drawing for an error raised while reading ``text``."""
    return message(error.code, **error.params), caret(text, error.pos) if text else ""
