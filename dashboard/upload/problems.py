"""What can be wrong with an upload, as codes with parameters; layouts/texts/ words them.

A problem names the file, row (as Excel numbers rows: the header is row 1), column (the
header as written in the file) and value, so the user can find and fix it. Callers compare
codes, never text; `layouts.import_problems.problem_text` turns a problem into Swedish for
the page and the command line alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ImportIssue(StrEnum):
    """Each kind of problem; the parameters each takes are listed in layouts/texts/."""

    # the file as a whole
    TOO_LARGE = "too-large"
    GARBLED = "garbled"
    EMPTY = "empty"
    WORKBOOK = "workbook"
    BINARY = "binary"
    UNKNOWN_ENCODING = "unknown-encoding"
    MIXED_ENCODINGS = "mixed-encodings"
    HEADER_NOT_SPLIT = "header-not-split"
    TOO_MANY_COLUMNS = "too-many-columns"
    FIELD_TOO_LONG = "field-too-long"
    OPEN_QUOTE = "open-quote"
    NO_ROWS = "no-rows"
    BUSY = "busy"
    # Kolada's JSON
    JSON_INVALID = "json-invalid"
    JSON_TOO_DEEP = "json-too-deep"
    JSON_NO_VALUES = "json-no-values"
    JSON_ENTRY_NOT_OBJECT = "json-entry-not-object"
    JSON_VALUES_NOT_LIST = "json-values-not-list"
    JSON_VALUES_NOT_OBJECTS = "json-values-not-objects"
    # the header
    UNKNOWN_HEADER = "unknown-header"
    MISSING_COLUMN = "missing-column"
    MISSING_VALUE_COLUMN = "missing-value-column"
    COLUMN_TWICE = "column-twice"
    # a row or a cell
    FIELD_COUNT = "field-count"
    BAD_VALUE = "bad-value"
    END_BEFORE_START = "end-before-start"
    DUPLICATE_KEY = "duplicate-key"
    DUPLICATE_ACROSS_FILES = "duplicate-across-files"
    # against the database
    UNKNOWN_CODE = "unknown-code"
    CHILD_LEVEL = "child-level"
    PARENT_MISSING = "parent-missing"
    PARENT_LEVEL = "parent-level"
    # permission
    OUT_OF_SCOPE = "out-of-scope"
    STRUCTURE_ONLY_ADMIN = "structure-only-admin"


class Phrase(StrEnum):
    """A part of a problem's wording that differs from case to case: the value of a parameter."""

    NOTHING = "nothing"
    OR_ALIASES = "or-aliases"  # (aliases)
    DECIMAL_COMMA_HINT = "decimal-comma-hint"
    TRUNCATED_HINT = "truncated-hint"
    UNKNOWN_ORG_UNIT = "unknown-org-unit"
    UNKNOWN_GOAL = "unknown-goal"
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_ACTIVITY = "unknown-activity"
    MISSING_ID = "missing-id"  # (table)
    ORG_ABOVE = "org-above"  # (own_level)
    CITY_ON_TOP = "city-on-top"
    GOAL_ABOVE = "goal-above"  # (level_above)
    DIRECTION_ON_TOP = "direction-on-top"
    YOUR_SCOPE = "your-scope"
    # why a cell is no value of its column's type (BadCell)
    VALUE_MISSING = "value-missing"
    TOO_LONG = "too-long"  # (length, max_length)
    NOT_INTEGER = "not-integer"
    OUT_OF_RANGE = "out-of-range"  # (low, high)
    NOT_FINITE = "not-finite"
    NOT_NUMBER = "not-number"
    NOT_GREATER = "not-greater"  # (minimum)
    UNKNOWN_VALUE = "unknown-value"
    NOT_DATE = "not-date"
    NO_SUCH_DATE = "no-such-date"


PERMISSION = frozenset({ImportIssue.OUT_OF_SCOPE, ImportIssue.STRUCTURE_ONLY_ADMIN})


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong with an upload: where, which value, which issue and its parameters."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    issue: ImportIssue
    params: Mapping[str, Any] = field(default_factory=dict)


class BadCell(ValueError):
    """A cell's text that is no value of its column's type: why, and the reason's parameters."""

    def __init__(self, reason: Phrase, **params: Any) -> None:
        super().__init__(reason)
        self.reason, self.params = reason, params


class Unreadable(Exception):
    """The whole file is refused, for an issue found on one row or none."""

    def __init__(self, issue: ImportIssue, row: int | None = None, **params: Any) -> None:
        super().__init__(issue)
        self.issue, self.row, self.params = issue, row, params

    def problem(self, file: str) -> ImportProblem:
        return ImportProblem(file, self.row, None, None, self.issue, self.params)


class UploadRejected(Exception):
    """The upload has problems and nothing was written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(f"{len(problems)} fel; inget sparades")
        self.problems = problems


def too_large(file: str, size: int, max_bytes: int) -> ImportProblem:
    """A file over the size limit, refused before it is read."""
    megabytes = f"{size / 1e6:.1f}".replace(".", ",")  # as Swedish writes 12,5
    params = {"megabytes": megabytes, "max_megabytes": f"{max_bytes / 1e6:g}"}
    return ImportProblem(file, None, None, None, ImportIssue.TOO_LARGE, params)


def beyond_scope(problems: list[ImportProblem]) -> list[ImportProblem]:
    """The problems that are a matter of permission (rows outside the scope, admin-only files)."""
    return [problem for problem in problems if problem.issue in PERMISSION]
