"""Every text the grader shows to people, in zh and en: one table, read by every stage.

Keys are the stable codes that errors and results carry (also the answer-note codes). A template's
``{name}`` fields come from the error's parameters; ``{expected_zh}``/``{hint_en}`` … are filled by
:data:`graders.messages.EXTRAS`. ``LABELS`` are the words of the command line's and the page's
output (verdict names, "read as", "variables" …).
"""

from __future__ import annotations

__all__ = ["MESSAGES", "LABELS"]

_READING = {
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
    "mixed-number": ("带分数有歧义：请写成 3 + 1/2 或 3.5，而不是 3{char}。",
                     "A mixed number is ambiguous: write 3 + 1/2 or 3.5 rather than 3{char}."),
    "incomplete-exponent": ("'{number}' 不是完整的数：科学记数法要写指数（如 1e-3）；e 乘以数请写 2*e。",
                            "'{number}' is not a complete number: scientific notation needs an exponent (1e-3); "
                            "for a multiple of Euler's number write 2*e."),
    "hex-number": ("不支持十六进制等写法 '{number}'，请写十进制数。",
                   "Numbers like '{number}' (hexadecimal, binary) are not read; write the decimal value."),
    "arity": ("{func} 需要 {expected} 个参数，给了 {got} 个。", "{func} takes {expected} argument(s), got {got}."),
    "call-needs-parens": ("{func} 需要括号：{func}(...)。", "{func} needs parentheses: {func}(...)."),
    "inverse-function-power": ("{func}^-1 有歧义（反函数还是倒数？）：倒数请写 1/{func}(x)。",
                               "{func}^-1 is ambiguous (inverse or reciprocal?): write 1/{func}(x) for the reciprocal."),
    "sum-index": ("sum(表达式, i, 下限, 上限) 的第二个参数必须是变量名。", "The second argument of sum(body, i, lo, hi) must be a name."),
    "diff-variable": ("求导变量必须是本题的一个变量名。", "A derivative must be taken with respect to one of the question's variables."),
    "chained-equals": ("一行只能有一个等号。", "Only one '=' per line."),
    "equation-not-expected": ("这里需要一个表达式，而不是等式。", "An expression is expected here, not an equation."),
    "unsupported": ("不支持这种写法。", "This construct is not supported."),
    "latex-unknown-command": ("不支持的 LaTeX 命令 {command}。", "Unsupported LaTeX command {command}."),
    "log-base": ("对数的底 '{base}' 必须是一个数。", "The base '{base}' of a logarithm must be a number."),
    "prime-needs-function": ("撇号 ' 只能用在 σ'(z)、tanh'(x)、relu'(x) 这样的导数记号里。",
                             "A prime ' is only allowed in derivatives such as σ'(z), tanh'(x), relu'(x)."),
    "latex-subscript": ("下标只能跟在变量名后面。", "A subscript must follow a variable name."),
    "mismatched-bracket": ("'{open}' 与 '{close}' 不配对，应以 '{want}' 闭合（⌊x⌋ 向下取整，⌈x⌉ 向上取整）。",
                           "'{open}' does not match '{close}'; close it with '{want}' (⌊x⌋ rounds down, ⌈x⌉ rounds up)."),
    "marker-needs-equations": ("行首的 {marker} 连接两个等式：这一行和上一行都必须是等式（化简表达式请用 =）。",
                               "A leading {marker} joins two equations: this line and the one before must both be "
                               "equations (use = to continue an expression)."),
}

_LIMITS = {
    "too-long": ("答案太长（上限 {limit} 个字符）。", "The answer is too long (limit {limit} characters)."),
    "too-many-tokens": ("答案太长（上限 {limit} 个记号）。", "The answer is too long (limit {limit} tokens)."),
    "too-deep": ("嵌套太深（上限 {limit} 层）。", "Nesting is too deep (limit {limit} levels)."),
    "too-many-digits": ("数字位数太多（上限 {limit} 位）。", "Too many digits in one number (limit {limit})."),
    "too-large-number": ("数值太大（超过 {limit}）。", "A number here is too large (beyond {limit})."),
    "too-small-number": ("数值太小（非零数的绝对值至少为 {limit}）。", "A number here is too small (a nonzero number must be at least {limit})."),
    "exponent-too-large": ("指数太大（上限 {limit}）。", "The exponent is too large (limit {limit})."),
    "factorial-symbolic": ("只支持对具体整数求阶乘。", "Factorials are only supported of concrete integers."),
    "factorial-too-large": ("阶乘的参数必须是 0 到 {limit} 的整数。", "A factorial's argument must be an integer from 0 to {limit}."),
    "sum-too-long": ("求和项数太多（上限 {limit}）。", "The sum has too many terms (limit {limit})."),
    "too-many-lines": ("推导行数太多（上限 {limit}）。", "Too many lines in the derivation (limit {limit})."),
    "file-too-large": ("文件太大（上限 {limit} 字节）。", "The file is too large (limit {limit} bytes)."),
    "not-utf8": ("文件不是 UTF-8 文本（第 {offset} 个字节处）。", "The file is not UTF-8 text (at byte {offset})."),
}

_NAMES_SHAPES = {
    "unknown-name": ("未知的名称 '{name}'。本题使用：{allowed}。", "Unknown name '{name}'. This question uses: {allowed}."),
    "shape-mismatch": ("形状不匹配：{left} {op} {right}。{hint_zh}", "Shapes do not fit: {left} {op} {right}.{hint_en}"),
    "softmax-needs-vector": ("softmax 需要向量参数。", "softmax needs a vector argument."),
    "ragged-matrix": ("矩阵的每一行必须有相同个数的数（元素不能是矩阵）。",
                      "Every row of a matrix needs the same number of entries (and entries cannot be matrices)."),
    "matrix-division": ("不能除以矩阵。", "Cannot divide by a matrix."),
    "matrix-power": ("不支持矩阵的幂。", "Powers of matrices are not supported."),
    "expected-matrix": ("需要一个 {shape} 的矩阵，你的答案是 {got}。{hint_zh}", "Expected a {shape} matrix; your answer is {got}.{hint_en}"),
    "not-a-number": ("这里需要一个数值（由数字组成的算式），但答案含变量 {names}。",
                     "A number (an arithmetic expression of numbers) is expected here, but the answer contains {names}."),
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
    "undetermined": ("无法判定是否等价（数值检验与化简都没有结论）。",
                     "Could not decide (numeric checks and bounded simplification were inconclusive)."),
    "timeout": ("检查超时（{limit} 秒），答案未被判定。", "The check timed out ({limit} s); the answer was not graded."),
    "too-large": ("检查超出内存上限（{limit} MB），答案未被判定。",
                  "The check exceeded the memory limit ({limit} MB); the answer was not graded."),
    "crashed": ("检查进程意外退出，答案未被判定。", "The checking process died unexpectedly; the answer was not graded."),
    "internal-error": ("评分器内部出错，答案未被判定（这不是你的错，请报告）。",
                       "The grader failed internally; the answer was not graded (not your mistake: please report it)."),
    "negated": ("符号反了：你的答案是正确答案的相反数。", "Sign error: your answer is the negative of the correct one."),
    "scaled": ("差一个常数因子：你的答案是正确答案的 {factor} 倍。", "Off by a constant factor: your answer is {factor} × the correct one."),
    "natural-log": ("log 与 ln 都是自然对数（底为 e）。", "log and ln are both the natural logarithm (base e)."),
    "euler-e": ("e 读作欧拉数 2.718…。", "e is read as Euler's number 2.718…."),
}

_FORMS = {
    "unevaluated-derivative": ("请把导数算出来：你的答案里还有 d/d{var}。", "Compute the derivative: your answer still contains d/d{var}."),
    "unexpanded-sum": ("请把求和展开算出来：你的答案里还有 Σ。", "Work the sum out: your answer still contains Σ."),
    "not-literal": ("请直接给出数值（数、向量或矩阵），而不是计算它的式子。",
                    "Give the value itself (numbers, a vector or a matrix), not an expression that computes it."),
    "not-expanded": ("请写成展开的形式（乘开所有括号）。", "Write it in expanded form (multiply out every bracket)."),
    "not-factored": ("请写成因式分解的形式。", "Write it in factored form."),
    "not-single-fraction": ("请写成一个分式（通分）。", "Write it as a single fraction (over one common denominator)."),
    "derivation-at-start": ("推导停在了题目给出的第一行：请继续推导，直到得出所求结果。",
                            "The derivation stops at the question's first line: continue until you reach the result."),
}

_DERIVATION = {
    "step-ok": ("由上一行可得。", "Follows from the previous line."),
    "step-wrong": ("第 {line} 行与上一行不等价。", "Line {line} does not follow from the previous line."),
    "first-line-mismatch": ("第一行与题目给出的表达式不符。", "The first line does not match the question's expression."),
    "last-line-mismatch": ("最后一行不是所求的结果。", "The last line is not the required result."),
    "solution-sets": ("解集不同：{detail}。", "The solution sets differ: {detail}."),
    "step-one-way": ("这一步只能单向推出（⇒）：它引入了 {added}。若确实要这样做，请在行首写 ⇒，并在最后检验根。",
                     "This step only follows one way (⇒): it adds {added}. If that is intended, start the line with ⇒ "
                     "and check the roots at the end."),
    "step-adds": ("这一步不是等价变形：它引入了 {added}。", "This step is not an equivalence: it adds {added}."),
    "step-loses": ("这一步丢失了解 {lost}（是否除以了可能为 0 的式子，或开平方时漏了 ±？）。",
                   "This step loses the solution {lost} (did you divide by an expression that can be 0, or take a "
                   "square root without ±?)."),
    "step-neither": ("这一步两个方向都推不出：它丢失了 {lost}，又引入了 {added}。",
                     "This step does not follow either way: it loses {lost} and adds {added}."),
    "check-roots": ("第 {lines} 行只是单向推出（⇒），可能引入了增根：请把结果代回原方程检验。",
                    "Steps marked ⇒ (line {lines}) may add roots: check the result in the original equation."),
    "on-line": ("第 {line} 行：", "Line {line}:"),
    "derivation-ok": ("每一步都正确。", "Every step is correct."),
}

_BANK = {
    "unknown-question": ("没有编号为 '{id}' 的题目。", "No question with id '{id}'."),
    "unknown-document": ("没有以 '{document}' 开头的文章。", "No article whose file name starts with '{document}'."),
    "question-yaml": ("题目文件 {path} 不是合法的 YAML：{detail}", "Question file {path} is not valid YAML: {detail}"),
    "question-json": ("题目文件 {path} 不是合法的 JSON：{detail}", "Question file {path} is not valid JSON: {detail}"),
    "question-schema": ("题目文件 {path} 不符合格式：{detail}", "Question file {path} does not match the schema: {detail}"),
    "question-id-file": ("题目文件 {path}：id '{id}' 必须与文件名 '{stem}' 一致。",
                         "Question file {path}: its id '{id}' must match the file name '{stem}'."),
    "question-duplicate": ("题目 '{id}' 出现在两个文件里：{path} 和 {other}。", "Question '{id}' is defined twice: in {path} and in {other}."),
    "errata": ("勘误文件 {path}：条目 {entry} 的 {field}：{detail}", "Errata file {path}: entry {entry}, field {field}: {detail}"),
}

_USAGE = {
    "bad-vars-name": ("--vars 里的变量名 '{name}' 不合法。", "Bad variable name in --vars: '{name}'."),
    "bad-vars-kind": ("--vars 里 {name} 的类型 '{kind}' 不合法（可用 positive、real 或 行x列，如 3x4）。",
                      "Bad kind for {name} in --vars: '{kind}' (use positive, real or RxC such as 3x4)."),
    "cannot-read": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
    "cannot-write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "submissions-format": ("无法识别提交文件 {name} 的格式（请用 .jsonl、.csv 或 .yaml）。",
                           "Unknown submissions format for {name} (use .jsonl, .csv or .yaml)."),
    "csv-header": ("CSV 文件需要表头 student, question, answer；找到的列：{found}。",
                   "A CSV file needs a header with student, question, answer; found the columns: {found}."),
    "unknown-isolation": ("未知的隔离方式 '{isolation}'。", "Unknown isolation '{isolation}'."),
    "row-not-mapping": ("应为包含 student、question、answer 的映射", "expected a mapping with student, question, answer"),
    "row-missing": ("缺少 {fields}", "missing {fields}"),
    "row-seed": ("seed 必须是整数，而不是 {seed}", "seed must be an integer, got {seed}"),
    "row-json": ("不是合法的 JSON：{detail}", "invalid JSON: {detail}"),
    "row-yaml": ("不是合法的 YAML：{detail}", "invalid YAML: {detail}"),
    "row-cells": ("单元格比表头多", "more cells than header fields"),
    "row-list": ("应为提交的列表", "expected a list of submissions"),
    "side": ("{side} 侧：", "{side}:"),
    "graded": ("已评 {rows} 行（{summary}）→ {path}", "graded {rows} rows ({summary}) -> {path}"),
    "broken-pipe": ("输出管道已关闭。", "The output pipe was closed."),
}

MESSAGES: dict[str, tuple[str, str]] = {
    **_READING, **_LIMITS, **_NAMES_SHAPES, **_VERDICTS, **_FORMS, **_DERIVATION, **_BANK, **_USAGE,
}

LABELS: dict[str, tuple[str, str]] = {
    "correct": ("正确", "correct"),
    "incorrect": ("不正确", "incorrect"),
    "wrong-form": ("形式不对", "wrong form"),
    "invalid": ("无法读取", "invalid input"),
    "undetermined": ("无法判定", "undetermined"),
    "timeout": ("超时", "timed out"),
    "too-large": ("过大", "too large"),
    "error": ("内部错误", "grader error"),
    "read-as": ("读作", "read as"),
    "variables": ("变量", "variables"),
    "counterexample": ("反例", "counterexample"),
    "shape": ("形状", "shape"),
    "source": ("来源", "source"),
    "hint": ("提示", "hint"),
    "hints-option": ("提示：加 --hints 显示", "hints: add --hints"),
    "variant": ("变体", "variant"),
    "could-not-verify": ("无法核实", "could not be verified"),
    "transpose-hint": ("是不是忘了转置？", " Did you forget a transpose?"),
}
