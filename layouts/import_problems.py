"""An import problem in Swedish, for the upload page and the command line alike.

dashboard.upload finds problems as codes with parameters (dashboard/upload/problems.py);
the wording is in texts.IMPORT_ISSUES. Only plain strings come out, so the CLI needs no Dash.
"""

from __future__ import annotations

from typing import Any

from dashboard.upload.problems import ImportProblem, Phrase
from layouts import texts

VALUE_SHOWN = 60  # characters of a value quoted in a message


def issue_and_expected(problem: ImportProblem) -> tuple[str, str]:
    """What is wrong and what was expected, each in Swedish; the expectation may be empty."""
    issue, expected = texts.IMPORT_ISSUES[problem.issue]
    fields: dict[str, Any] = {
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        **problem.params,
    }
    for name, value in problem.params.items():
        if isinstance(value, Phrase):
            fields[name] = texts.IMPORT_PHRASES[value].format(**fields)
    return issue.format(**fields), expected.format(**fields)


def issue_text(problem: ImportProblem) -> str:
    """What is wrong, without where or what was expected."""
    return issue_and_expected(problem)[0]


def problem_text(problem: ImportProblem) -> str:
    """The whole message: file, row, column, what is wrong, the value and what was expected."""
    issue, expected = issue_and_expected(problem)
    place = [problem.file]
    if problem.row is not None:
        place.append(texts.IMPORT_ROW.format(row=problem.row))
    if problem.column is not None:
        place.append(texts.IMPORT_COLUMN.format(column=problem.column))
    text = ", ".join(place) + ": " + issue
    if problem.value is not None:
        value = problem.value
        shown = value if len(value) <= VALUE_SHOWN else value[: VALUE_SHOWN - 3] + "…"
        text += texts.IMPORT_VALUE.format(value=shown)
    return text + (texts.IMPORT_EXPECTED.format(expected=expected) if expected else ".")
