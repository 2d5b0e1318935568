"""A Gradescope autograder's ``results.json`` (Gradescope's "Autograder Specifications"): the file
``run_autograder`` leaves in ``/autograder/results/`` for one submission.

Top level: ``score`` (the sum of the graded questions' scores), ``output`` (a line for the whole
submission) and ``tests``, one per question: ``name`` (the question id), ``max_score`` 1, ``score``
and ``status`` (``passed`` when the score is 1, else ``failed``), ``output`` (the feedback, zh then en).
A question whose answer was not graded has no ``score`` and no ``status``: its ``output`` says why.
One file is one submission, so the class file must hold exactly one student.

>>> import json
>>> from graders.batch.summary import ClassTable, Student
>>> from graders.result import Result, Verdict
>>> st = Student("2024001", {}, {"q1": Result(Verdict.CORRECT, score=1.0), "q2": Result(Verdict.INVALID)})
>>> d = json.loads(results_json(ClassTable(["q1", "q2"], [st])))
>>> d["score"], [(t["name"], t.get("score"), t.get("status")) for t in d["tests"]]
(1.0, [('q1', 1.0, 'passed'), ('q2', None, None)])
"""

from __future__ import annotations

import json

from ...errors import UsageError
from ...messages import label, message
from ..summary import ClassTable, score_of

__all__ = ["results_json"]


def _output(res) -> str:
    return res.feedback.get("both").strip()


def results_json(table: ClassTable, identify: str = "student") -> str:
    if len(table.students) != 1:
        raise UsageError("gradebook-one-student", students=len(table.students))
    [st] = table.students
    tests = []
    for q in table.questions:
        res = st.answers.get(q)
        test: dict = {"name": q, "max_score": 1.0}
        score = score_of(res)
        if score is not None:
            test.update(score=float(score), status="passed" if score >= 1 else "failed", output=_output(res))
        elif res is None:
            test["output"] = message("gradebook-unanswered").get("both")
        else:
            why = label(res.verdict.value, "both")
            test["output"] = (message("gradebook-ungraded", verdict=why).get("both") + "\n" + _output(res)).strip()
        tests.append(test)
    scores = st.scores(table.questions)
    out = {
        "score": float(sum(scores)),
        "output": message("gradebook-summary", graded=len(scores), total=len(table.questions)).get("both"),
        "tests": tests,
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
