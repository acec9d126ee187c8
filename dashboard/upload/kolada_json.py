"""Kolada's API answer (JSON) read as the rows of a Kolada CSV file (or of a KPI file)."""

from __future__ import annotations

import json
from typing import Any

from dashboard.upload.csv_formats import KOLADA
from dashboard.upload.csv_text import Chunk, Table
from dashboard.upload.kolada_metadata import is_kpi_metadata, kpi_table
from dashboard.upload.parsed_file import ParsedFile
from dashboard.upload.problems import ImportIssue, ImportProblem, Unreadable

JSON_FIELDS = ("kpi", "kolada_id", "year", "gender", "outcome")  # the cells each value gives


def kolada_table(text: str, parsed: ParsedFile) -> Table:
    """Kolada's API answer as the rows of a Kolada CSV; a row's number is its place in "values".

    An entry of another shape is a problem of its row, so the whole file is still checked."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise Unreadable(ImportIssue.JSON_INVALID, line=getattr(error, "lineno", "?")) from None
    except RecursionError:  # json's C decoder stops at Python's recursion limit
        raise Unreadable(ImportIssue.JSON_TOO_DEEP) from None
    entries = document.get("values") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise Unreadable(ImportIssue.JSON_NO_VALUES)
    if is_kpi_metadata(entries):
        return kpi_table(entries, _json_text)
    rows, numbers = [], []
    for number, entry in enumerate(entries, start=1):
        values = _json_values(entry, number, parsed)
        for value in values:
            cells = [
                entry.get("kpi"),
                entry.get("municipality", entry.get("ou")),
                entry.get("period"),
                value.get("gender"),
                value.get("value"),
            ]
            rows.append([_json_text(cell) for cell in cells])
            numbers.append(number)
    header = [KOLADA.column(name).header for name in JSON_FIELDS]
    return Table(header, iter([Chunk(rows, numbers)]))


def _json_values(entry: Any, number: int, parsed: ParsedFile) -> list[dict[str, Any]]:
    """An entry's values (one empty value if it has none); [] and a problem if misshapen."""
    values = entry.get("values") or [] if isinstance(entry, dict) else None
    if not isinstance(entry, dict):
        column, issue = None, ImportIssue.JSON_ENTRY_NOT_OBJECT
    elif not isinstance(values, list):
        column, issue = "values", ImportIssue.JSON_VALUES_NOT_LIST
    elif not all(isinstance(value, dict) for value in values):
        column, issue = "values", ImportIssue.JSON_VALUES_NOT_OBJECTS
    else:
        return values or [{}]
    shown = json.dumps(entry if column is None else values, ensure_ascii=False)
    parsed.problems.append(ImportProblem(parsed.name, number, column, shown, issue))
    return []


def _json_text(value: Any) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)
