"""Every text the grader shows to people, in zh and en: one table, read by every stage.

Keys are the stable codes that errors and results carry (also the answer-note codes). A template's
``{name}`` fields come from the error's parameters; ``{expected_zh}``/``{hint_en}`` … are filled by
:data:`graders.messages.EXTRAS`. ``LABELS`` are the words of the command line's and the page's
output (verdict names, "read as", "variables" …).
"""

from __future__ import annotations

from .tools import LABELS, TOOLS  # the bank's and the command line's texts, kept apart for size

__all__ = ["MESSAGES", "LABELS"]

_READING = {
    "empty": ("答案为空。", "The answer is empty."),
    "unexpected": ("这里不应出现 '{token}'{expected_zh}。", "Unexpected '{token}'{expected_en}."),
    "unexpected-end": ("表达式不完整{expected_zh}。", "The expression ends too early{expected_en}."),
    "unclosed": ("'{open}' 没有对应的 '{close}'。", "'{open}' is never closed with '{close}'."),
    "missing-operator": ("两个数之间缺少运算符（例如 *）。", "Missing operator (such as *) before this number."),
    "bad-char": ("无法识别的字符 '{char}'。", "Character '{char}' is not allowed here."),
    "invisible-char": (
        "答案含不可见或双向控制字符 {char}，请重新输入。",
        "The answer contains an invisible or bidirectional control character {char}; please retype it.",
    ),
    "confusable-char": (
        "字符 '{char}'（{name}）看起来像拉丁字母或数字但并不是，请重新输入。",
        "Character '{char}' ({name}) looks like a Latin letter or digit but is not; please retype it.",
    ),
    "mixed-number": (
        "带分数有歧义：请写成 3 + 1/2 或 3.5，而不是 3{char}。",
        "A mixed number is ambiguous: write 3 + 1/2 or 3.5 rather than 3{char}.",
    ),
    "incomplete-exponent": (
        "'{number}' 不是完整的数：科学记数法要写指数（如 1e-3）；e 乘以数请写 2*e。",
        "'{number}' is not a complete number: scientific notation needs an exponent (1e-3); "
        "for a multiple of Euler's number write 2*e.",
    ),
    "hex-number": (
        "不支持十六进制等写法 '{number}'，请写十进制数。",
        "Numbers like '{number}' (hexadecimal, binary) are not read; write the decimal value.",
    ),
    "arity": ("{func} 需要 {expected} 个参数，给了 {got} 个。", "{func} takes {expected} argument(s), got {got}."),
    "call-needs-parens": ("{func} 需要括号：{func}(...)。", "{func} needs parentheses: {func}(...)."),
    "inverse-function-power": (
        "{func}^-1 有歧义（反函数还是倒数？）：倒数请写 1/{func}(x)。",
        "{func}^-1 is ambiguous (inverse or reciprocal?): write 1/{func}(x) for the reciprocal.",
    ),
    "sum-index": (
        "sum(表达式, i, 下限, 上限) 的第二个参数必须是变量名。",
        "The second argument of sum(body, i, lo, hi) must be a name.",
    ),
    "diff-variable": (
        "求导变量必须是本题的一个变量名。",
        "A derivative must be taken with respect to one of the question's variables.",
    ),
    "chained-equals": ("一行只能有一个等号。", "Only one '=' per line."),
    "equation-not-expected": ("这里需要一个表达式，而不是等式。", "An expression is expected here, not an equation."),
    "unsupported": ("不支持这种写法。", "This construct is not supported."),
    "latex-unknown-command": ("不支持的 LaTeX 命令 {command}。", "Unsupported LaTeX command {command}."),
    "log-base": ("对数的底 '{base}' 必须是一个数。", "The base '{base}' of a logarithm must be a number."),
    "prime-needs-function": (
        "撇号 ' 只能用在 σ'(z)、tanh'(x)、relu'(x) 这样的导数记号里。",
        "A prime ' is only allowed in derivatives such as σ'(z), tanh'(x), relu'(x).",
    ),
    "latex-subscript": ("下标只能跟在变量名后面。", "A subscript must follow a variable name."),
    "mismatched-bracket": (
        "'{open}' 与 '{close}' 不配对，应以 '{want}' 闭合（⌊x⌋ 向下取整，⌈x⌉ 向上取整）。",
        "'{open}' does not match '{close}'; close it with '{want}' (⌊x⌋ rounds down, ⌈x⌉ rounds up).",
    ),
    "marker-needs-equations": (
        "行首的 {marker} 连接两个等式：这一行和上一行都必须是等式（化简表达式请用 =）。",
        "A leading {marker} joins two equations: this line and the one before must both be "
        "equations (use = to continue an expression).",
    ),
}

_LIMITS = {
    "too-long": ("答案太长（上限 {limit} 个字符）。", "The answer is too long (limit {limit} characters)."),
    "too-many-tokens": ("答案太长（上限 {limit} 个记号）。", "The answer is too long (limit {limit} tokens)."),
    "too-deep": ("嵌套太深（上限 {limit} 层）。", "Nesting is too deep (limit {limit} levels)."),
    "too-many-digits": ("数字位数太多（上限 {limit} 位）。", "Too many digits in one number (limit {limit})."),
    "too-large-number": ("数值太大（超过 {limit}）。", "A number here is too large (beyond {limit})."),
    "too-small-number": (
        "数值太小（非零数的绝对值至少为 {limit}）。",
        "A number here is too small (a nonzero number must be at least {limit}).",
    ),
    "exponent-too-large": ("指数太大（上限 {limit}）。", "The exponent is too large (limit {limit})."),
    "factorial-symbolic": ("只支持对具体整数求阶乘。", "Factorials are only supported of concrete integers."),
    "factorial-too-large": (
        "阶乘的参数必须是 0 到 {limit} 的整数。",
        "A factorial's argument must be an integer from 0 to {limit}.",
    ),
    "sum-too-long": ("求和项数太多（上限 {limit}）。", "The sum has too many terms (limit {limit})."),
    "too-many-lines": ("推导行数太多（上限 {limit}）。", "Too many lines in the derivation (limit {limit})."),
    "file-too-large": ("文件太大（上限 {limit} 字节）。", "The file is too large (limit {limit} bytes)."),
    "not-utf8": ("文件不是 UTF-8 文本（第 {offset} 个字节处）。", "The file is not UTF-8 text (at byte {offset})."),
}

_NAMES_SHAPES = {
    "unknown-name": (
        "未知的名称 '{name}'。本题使用：{allowed}。",
        "Unknown name '{name}'. This question uses: {allowed}.",
    ),
    "shape-mismatch": (
        "形状不匹配：{left} {op} {right}。{hint_zh}",
        "Shapes do not fit: {left} {op} {right}.{hint_en}",
    ),
    "softmax-needs-vector": ("softmax 需要向量参数。", "softmax needs a vector argument."),
    "ragged-matrix": (
        "矩阵的每一行必须有相同个数的数（元素不能是矩阵）。",
        "Every row of a matrix needs the same number of entries (and entries cannot be matrices).",
    ),
    "matrix-division": ("不能除以矩阵。", "Cannot divide by a matrix."),
    "matrix-power": ("不支持矩阵的幂。", "Powers of matrices are not supported."),
    "expected-matrix": (
        "需要一个 {shape} 的矩阵，你的答案是 {got}。{hint_zh}",
        "Expected a {shape} matrix; your answer is {got}.{hint_en}",
    ),
    "not-a-number": (
        "这里需要一个数值（由数字组成的算式），但答案含变量 {names}。",
        "A number (an arithmetic expression of numbers) is expected here, but the answer contains {names}.",
    ),
    "not-real": ("答案不是一个有限实数。", "The answer is not a finite real number."),
    "expected-scalar": ("这里需要一个标量表达式。", "A scalar expression is expected here."),
}

_VERDICTS = {
    "correct": ("正确。", "Correct."),
    "incorrect": ("不正确。", "Incorrect."),
    "incorrect-value": ("不正确：你的值是 {got}。", "Incorrect: your value is {got}."),
    "sig-figs": ("请至少给出 {n} 位有效数字。", "Give at least {n} significant figures."),
    "counterexample": ("在 {point} 处两者不相等：{left} ≠ {right}。", "They differ at {point}: {left} ≠ {right}."),
    "values-differ": ("两者的值不相等：{left} ≠ {right}。", "Their values differ: {left} ≠ {right}."),
    "equivalent": ("两个表达式等价。", "The expressions are equivalent."),
    "not-equivalent": ("两个表达式不等价。", "The expressions are not equivalent."),
    "undetermined": (
        "无法判定是否等价（数值检验与化简都没有结论）。",
        "Could not decide (numeric checks and bounded simplification were inconclusive).",
    ),
    "timeout": (
        "检查超时（{limit} 秒），答案未被判定。",
        "The check timed out ({limit} s); the answer was not graded.",
    ),
    "too-large": (
        "检查超出内存上限（{limit} MB），答案未被判定。",
        "The check exceeded the memory limit ({limit} MB); the answer was not graded.",
    ),
    "crashed": (
        "检查进程意外退出，答案未被判定。",
        "The checking process died unexpectedly; the answer was not graded.",
    ),
    "internal-error": (
        "评分器内部出错，答案未被判定（这不是你的错，请报告）。",
        "The grader failed internally; the answer was not graded (not your mistake: please report it).",
    ),
    "negated": (
        "符号反了：你的答案是正确答案的相反数。",
        "Sign error: your answer is the negative of the correct one.",
    ),
    "scaled": (
        "差一个常数因子：你的答案是正确答案的 {factor} 倍。",
        "Off by a constant factor: your answer is {factor} × the correct one.",
    ),
    "natural-log": ("log 与 ln 都是自然对数（底为 e）。", "log and ln are both the natural logarithm (base e)."),
    "euler-e": ("e 读作欧拉数 2.718…。", "e is read as Euler's number 2.718…."),
}

_FORMS = {
    "unevaluated-derivative": (
        "请把导数算出来：你的答案里还有 d/d{var}。",
        "Compute the derivative: your answer still contains d/d{var}.",
    ),
    "unexpanded-sum": ("请把求和展开算出来：你的答案里还有 Σ。", "Work the sum out: your answer still contains Σ."),
    "not-literal": (
        "请直接给出数值（数、向量或矩阵），而不是计算它的式子。",
        "Give the value itself (numbers, a vector or a matrix), not an expression that computes it.",
    ),
    "not-expanded": ("请写成展开的形式（乘开所有括号）。", "Write it in expanded form (multiply out every bracket)."),
    "not-factored": ("请写成因式分解的形式。", "Write it in factored form."),
    "not-single-fraction": ("请写成一个分式（通分）。", "Write it as a single fraction (over one common denominator)."),
    "derivation-at-start": (
        "推导停在了题目给出的第一行：请继续推导，直到得出所求结果。",
        "The derivation stops at the question's first line: continue until you reach the result.",
    ),
}

_DERIVATION = {
    "step-ok": ("由上一行可得。", "Follows from the previous line."),
    "step-wrong": ("第 {line} 行与上一行不等价。", "Line {line} does not follow from the previous line."),
    "first-line-mismatch": (
        "第一行与题目给出的表达式不符。",
        "The first line does not match the question's expression.",
    ),
    "last-line-mismatch": ("最后一行不是所求的结果。", "The last line is not the required result."),
    "solution-sets": ("解集不同：{detail}。", "The solution sets differ: {detail}."),
    "step-one-way": (
        "这一步只能单向推出（⇒）：它引入了 {added}。若确实要这样做，请在行首写 ⇒，并在最后检验根。",
        "This step only follows one way (⇒): it adds {added}. If that is intended, start the line with ⇒ "
        "and check the roots at the end.",
    ),
    "step-adds": ("这一步不是等价变形：它引入了 {added}。", "This step is not an equivalence: it adds {added}."),
    "step-loses": (
        "这一步丢失了解 {lost}（是否除以了可能为 0 的式子，或开平方时漏了 ±？）。",
        "This step loses the solution {lost} (did you divide by an expression that can be 0, or take a "
        "square root without ±?).",
    ),
    "step-neither": (
        "这一步两个方向都推不出：它丢失了 {lost}，又引入了 {added}。",
        "This step does not follow either way: it loses {lost} and adds {added}.",
    ),
    "check-roots": (
        "第 {lines} 行只是单向推出（⇒），可能引入了增根：请把结果代回原方程检验。",
        "Steps marked ⇒ (line {lines}) may add roots: check the result in the original equation.",
    ),
    "on-line": ("第 {line} 行：", "Line {line}:"),
    "derivation-ok": ("每一步都正确。", "Every step is correct."),
}

MESSAGES: dict[str, tuple[str, str]] = {
    **_READING,
    **_LIMITS,
    **_NAMES_SHAPES,
    **_VERDICTS,
    **_FORMS,
    **_DERIVATION,
    **TOOLS,
}
