"""The texts of the question bank, the command line and batch grading (codes and labels), in zh and en.
Part of the one catalog: :mod:`graders.messages.catalog` merges them."""

from __future__ import annotations

__all__ = ["TOOLS", "LABELS"]

_BANK = {
    "unknown-question": ("没有编号为 '{id}' 的题目。{suggestion_zh}", "No question with id '{id}'.{suggestion_en}"),
    "unknown-document": ("没有以 '{document}' 开头的文章。", "No article whose file name starts with '{document}'."),
    "question-yaml": ("题目文件 {path} 不是合法的 YAML：{detail}", "Question file {path} is not valid YAML: {detail}"),
    "question-json": ("题目文件 {path} 不是合法的 JSON：{detail}", "Question file {path} is not valid JSON: {detail}"),
    "question-schema": (
        "题目文件 {path} 不符合格式：{detail}",
        "Question file {path} does not match the schema: {detail}",
    ),
    "question-id-file": (
        "题目文件 {path}：id '{id}' 必须与文件名 '{stem}' 一致。",
        "Question file {path}: its id '{id}' must match the file name '{stem}'.",
    ),
    "question-duplicate": (
        "题目 '{id}' 出现在两个文件里：{path} 和 {other}。",
        "Question '{id}' is defined twice: in {path} and in {other}.",
    ),
    "bank-missing": (
        "题库文件夹 {path} 不存在或不是文件夹（来自 --bank 或 KB_GRADE_BANKS）。",
        "The question folder {path} does not exist or is not a folder (from --bank or KB_GRADE_BANKS).",
    ),
    "question-unreadable": ("无法读取题目文件 {path}：{reason}", "Cannot read the question file {path}: {reason}"),
    "self-test-failed": (
        "题目 '{id}' 的自测 {index}（答案 {answer!r}）应为 {expected}，实际为 {got}。",
        "Question '{id}', self-test {index} (answer {answer!r}): expected {expected}, got {got}.",
    ),
    "question-expression": (
        "题目 '{id}' 自己的 {field}（变体 {variant}）无法读取：{expression}：{reason_zh}",
        "Question '{id}': its own {field} (variant {variant}) cannot be read: {expression}: {reason_en}",
    ),
    "validated": (
        "已检查 {files} 个文件、{questions} 道题、{tests} 个自测：{problems} 个问题。",
        "Checked {files} files, {questions} questions, {tests} self-tests: {problems} problems.",
    ),
    "bad-id": (
        "'{id}' 不能作题目 id：只能用小写字母、数字和 -，并以字母或数字开头。",
        "'{id}' cannot be a question id: use lower-case letters, digits and -, starting with a letter or digit.",
    ),
    "bad-kind": ("未知的题型 '{kind}'（可用 {kinds}）。", "Unknown kind '{kind}' (use {kinds})."),
    "new-file-name": (
        "题目文件 {path} 的名字必须是 id 加 .yaml：{id}.yaml。",
        "The question file {path} must be named after its id: {id}.yaml.",
    ),
    "new-exists": ("{path} 已存在，未覆盖。", "{path} already exists; it was not overwritten."),
    "new-written": (
        "已写入 {path}：修改后运行 kb-grade validate {path} 检查。",
        "Wrote {path}: edit it, then check it with kb-grade validate {path}.",
    ),
    "errata": (
        "勘误文件 {path}：条目 {entry} 的 {field}：{detail}",
        "Errata file {path}: entry {entry}, field {field}: {detail}",
    ),
}

_USAGE = {
    "bad-vars-name": ("--vars 里的变量名 '{name}' 不合法。", "Bad variable name in --vars: '{name}'."),
    "bad-vars-kind": (
        "--vars 里 {name} 的类型 '{kind}' 不合法（可用 positive、real 或 行x列，如 3x4）。",
        "Bad kind for {name} in --vars: '{kind}' (use positive, real or RxC such as 3x4).",
    ),
    "cannot-read": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
    "cannot-write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "submissions-format": (
        "无法识别提交文件 {name} 的格式（请用 .jsonl、.csv 或 .yaml）。",
        "Unknown submissions format for {name} (use .jsonl, .csv or .yaml).",
    ),
    "csv-header": (
        "CSV 文件需要 student、question、answer 列（也认 Student ID、question_id、学号、题目、答案 等，"
        "不分大小写），且每列只能出现一次；找到的列：{found}。",
        "A CSV file needs the columns student, question, answer (also known as Student ID, question_id, "
        "response …, in any case), each once; found the columns: {found}.",
    ),
    "validate-nothing": (
        "没有要检查的题目：请给出文件夹（kb-grade validate DIR）或 --bank。",
        "Nothing to validate: name a folder (kb-grade validate DIR) or --bank.",
    ),
    "table-encoding": (
        "无法识别文件的编码（可读 UTF-8、UTF-16 和 GBK）。",
        "Cannot tell the file's encoding (UTF-8, UTF-16 and GBK can be read).",
    ),
    "row-nested": ("嵌套过深，无法读取", "nested too deeply to read"),
    "row-alias": ("不能使用 YAML 锚点和别名（& 与 *）", "YAML anchors and aliases (& and *) are not allowed"),
    "row-field": ("{fields} 应为文本或数字（且是合法的 Unicode）", "{fields} must be text or a number (valid Unicode)"),
    "row-csv": ("CSV 无法读取：{detail}", "unreadable CSV: {detail}"),
    "unknown-isolation": ("未知的隔离方式 '{isolation}'。", "Unknown isolation '{isolation}'."),
    "row-not-mapping": (
        "应为包含 student、question、answer 的映射",
        "expected a mapping with student, question, answer",
    ),
    "row-missing": ("缺少 {fields}", "missing {fields}"),
    "row-seed": ("seed 必须是整数，而不是 {seed}", "seed must be an integer, got {seed}"),
    "row-json": ("不是合法的 JSON：{detail}", "invalid JSON: {detail}"),
    "row-yaml": ("不是合法的 YAML：{detail}", "invalid YAML: {detail}"),
    "row-cells": ("单元格比表头多", "more cells than header fields"),
    "row-list": ("应为提交的列表", "expected a list of submissions"),
    "side": ("{side} 侧：", "{side}:"),
    "graded": ("已评 {rows} 行（{summary}）→ {path}", "graded {rows} rows ({summary}) -> {path}"),
    "unknown-op": ("未知的请求 '{op}'。", "Unknown request '{op}'."),
    "bad-request": ("请求 '{op}' 缺少或含有错误的字段。", "The request '{op}' has a missing or wrong field."),
    "interrupted": ("已中断。", "Interrupted."),
    "interrupted-grading": (
        "已中断：评完 {done}/{total} 个答案；没有写入结果，原有的结果文件保持不变。",
        "Interrupted after grading {done} of {total} answers; no results were written (a previous results "
        "file is unchanged).",
    ),
    "results-line": (
        "结果文件 {path} 第 {line} 行不是 JSON 对象。",
        "Results file {path}, line {line}: not a JSON object.",
    ),
    "broken-pipe": ("输出管道已关闭。", "The output pipe was closed."),
    "gradebook-format": (
        "未知的成绩册格式 '{format}'（可用：{formats}）。",
        "Unknown gradebook format '{format}' (use one of: {formats}).",
    ),
    "gradebook-identify": (
        "未知的学生识别列 '{identify}'（可用：{choices}）。",
        "Unknown --identify '{identify}' (use one of: {choices}).",
    ),
    "gradebook-column": (
        "{format} 成绩册要按 {column} 识别学生，但这些学生没有 {column} 列：{students}。"
        "提交文件中找到的身份列：{found}（如 name/姓名、email/邮箱、section/班级）。",
        "The {format} gradebook identifies students by {column}, but these students have no {column} "
        "column: {students}. Identity columns found in the submissions: {found} (such as name, email, section).",
    ),
    "gradebook-one-student": (
        "Gradescope 的 results.json 只对应一份提交（一个学生），而文件中有 {students} 个学生。",
        "A Gradescope results.json is one submission (one student); the file has {students} students.",
    ),
    "gradebook-no-summary": (
        "--summary-format 和 --identify 说明的是 --summary 文件的格式：请同时给出 --summary 文件。",
        "--summary-format and --identify describe the --summary file: give --summary FILE as well.",
    ),
    "gradebook-unanswered": ("未作答。", "Not answered."),
    "gradebook-ungraded": ("未评分（{verdict}），不计为 0 分。", "Not graded ({verdict}); not counted as 0."),
    "gradebook-summary": (
        "kb-grade：{total} 道题中评分了 {graded} 道。",
        "kb-grade: {graded} of {total} questions graded.",
    ),
}

TOOLS = {**_BANK, **_USAGE}

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
    "report-answers": ("份答案", "answers"),
    "report-score": ("已评分答案的平均得分", "mean score of the graded answers"),
    "report-notes": ("误区（按次数）", "misconceptions, most frequent first"),
    "report-wrong": ("最常见的错误答案", "most common wrong answers"),
    "transpose-hint": ("是不是忘了转置？", " Did you forget a transpose?"),
}
