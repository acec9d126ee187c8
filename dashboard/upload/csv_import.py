"""Reading an uploaded file: encoding and dialect, which layout, typed values, every problem.

A file is bytes from Excel or another system. This module turns it into typed columns of one
layout (`csv_formats`), a chunk of rows at a time (`csv_text` decodes and splits them, or
`kolada_json` reads Kolada's JSON), without touching the database, and collects all problems
it can see on its own (`problems`). Problems that need the database (unknown codes, the goal
tree) are found by `checks`; `plan` compares with the database.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from typing import Any

from dashboard.upload.csv_formats import KOLADA, KOLADA_KPIS, LAYOUTS, MEASUREMENTS, Column, Layout
from dashboard.upload.csv_text import SEPARATORS, Chunk, Table, csv_table, encoded
from dashboard.upload.kolada_json import kolada_table
from dashboard.upload.kolada_metadata import settle_sources
from dashboard.upload.measured_values import pad_municipality_ids, settle_values
from dashboard.upload.parsed_file import INVALID, ParsedFile, UploadFile
from dashboard.upload.problems import (
    BadCell,
    ImportIssue,
    ImportProblem,
    Phrase,
    Unreadable,
    too_large,
)
from dashboard.upload.row_checks import check_duplicates, check_order
from dashboard.upload.value_types import normalise

MAX_FILE_BYTES = 100_000_000  # about two million outcome rows; refused before parsing
_JSON = re.compile(rb"[\s\xef\xbb\xbf]*[\[{]")  # a JSON document's start, after any BOM


def read_upload(upload: UploadFile, max_bytes: int = MAX_FILE_BYTES) -> ParsedFile:
    """Read one uploaded file into typed columns, collecting every problem it has on its own."""
    parsed = ParsedFile(upload.name, checksum="")
    if len(upload.content) > max_bytes:  # refused before anything else is done with it
        parsed.problems.append(too_large(upload.name, len(upload.content), max_bytes))
        return parsed
    try:
        parsed.checksum = hashlib.sha256(upload.content).hexdigest()
        file = encoded(upload.content)
        parsed.encoding = file.label
        if _JSON.match(file.data):
            table = kolada_table(file.data.decode(file.codec), parsed)
        else:
            parsed.separator, table = csv_table(file)
        _read_table(parsed, table)
    except Unreadable as error:  # perhaps found after some chunks: none of the file is used
        parsed.columns, parsed.rows = {}, array("l")
        parsed.problems.append(error.problem(upload.name))
    parsed.problems.sort(key=lambda problem: problem.row or 0)
    return parsed


# ---- cells → typed columns ------------------------------------------------------------------


def _read_table(parsed: ParsedFile, table: Table) -> None:
    layout, matched = _match_layout(parsed, table.header)
    parsed.layout = layout
    if parsed.problems:
        return
    for index, column in matched.items():
        parsed.headers[column.field] = table.header[index].strip()
        parsed.columns[column.field] = []
    read = 0
    for chunk in table.chunks:
        base = len(parsed.rows)
        cells = _columns(parsed, chunk, len(table.header))
        for index, column in matched.items():
            parsed.columns[column.field] += _parse_column(parsed, column, cells[index], base)
        read += len(chunk.rows)
        del chunk, cells  # before the next chunk is read
    if not read:
        raise Unreadable(ImportIssue.NO_ROWS)
    if "kolada_id" in parsed.columns:
        pad_municipality_ids(parsed)
    count = len(parsed.rows)
    for field_name in layout.key:  # a key column left out takes its default, e.g. kön T
        parsed.columns.setdefault(field_name, [layout.column(field_name).default] * count)
    if layout in (MEASUREMENTS, KOLADA):
        settle_values(parsed, count)
    if layout is KOLADA_KPIS:
        settle_sources(parsed)
    check_order(parsed)
    check_duplicates(parsed)


def _match_layout(parsed: ParsedFile, header: list[str]) -> tuple[Layout, dict[int, Column]]:
    """The layout the header fits best, and which column each header cell is."""
    candidates = [(layout, _matches(layout, header)) for layout in LAYOUTS]
    complete = [(layout, m) for layout, m in candidates if not _missing(layout, m)]
    if complete:
        layout, matched = max(complete, key=lambda pair: len(pair[1]))
    else:
        layout, matched = max(
            candidates, key=lambda pair: (len(_fields(pair[1]) & _required(pair[0])), len(pair[1]))
        )
        if not matched:
            raise Unreadable(ImportIssue.UNKNOWN_HEADER, header="; ".join(header)[:120])
        for issue, params in _missing(layout, matched):
            parsed.problems.append(ImportProblem(parsed.name, 1, None, None, issue, params))
    _note_unused(parsed, header, matched)
    return layout, matched


def _matches(layout: Layout, header: list[str]) -> dict[int, Column]:
    lookup = {normalise(h): column for column in layout.columns for h in column.headers}
    return {
        i: lookup[normalise(cell)] for i, cell in enumerate(header) if normalise(cell) in lookup
    }


def _fields(matched: dict[int, Column]) -> set[str]:
    return {column.field for column in matched.values()}


def _required(layout: Layout) -> set[str]:
    return {column.field for column in layout.columns if column.required}


def _missing(
    layout: Layout, matched: dict[int, Column]
) -> list[tuple[ImportIssue, dict[str, Any]]]:
    """The required columns (or the one of several) that the header lacks."""
    present = _fields(matched)
    label = layout.label.lower()
    missing: list[tuple[ImportIssue, dict[str, Any]]] = [
        (
            ImportIssue.MISSING_COLUMN,
            {
                "header": column.header,
                "layout": label,
                "aliases": ", ".join(column.aliases),
                "or_aliases": Phrase.OR_ALIASES if column.aliases else Phrase.NOTHING,
            },
        )
        for column in layout.columns
        if column.required and column.field not in present
    ]
    if layout.needs_one_of and not present & set(layout.needs_one_of):
        names = [layout.column(name).header for name in layout.needs_one_of]
        headers = ", ".join(f'"{name}"' for name in names)
        missing.append((ImportIssue.MISSING_VALUE_COLUMN, {"layout": label, "headers": headers}))
    return missing


def _note_unused(parsed: ParsedFile, header: list[str], matched: dict[int, Column]) -> None:
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        if index not in matched:
            if cell.strip():
                parsed.notes.append(f'Kolumnen "{cell.strip()}" används inte.')
            continue
        column = matched[index]
        if column.field in seen:
            parsed.problems.append(
                ImportProblem(
                    parsed.name,
                    1,
                    cell.strip(),
                    None,
                    ImportIssue.COLUMN_TWICE,
                    {"header": column.header, "first": seen[column.field] + 1, "second": index + 1},
                )
            )
        seen[column.field] = index


def _columns(parsed: ParsedFile, chunk: Chunk, width: int) -> list[list[str]]:
    """A chunk's cells column by column, of the rows that have the header's number of cells."""
    rows = chunk.rows
    if set(map(len, rows)) == {width}:  # the common case, checked at C speed
        parsed.rows.extend(chunk.numbers)
    else:
        rows = _rectangular(parsed, chunk, width)
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]


def _rectangular(parsed: ParsedFile, chunk: Chunk, width: int) -> list[list[str]]:
    """Rows with exactly the header's number of cells; extra empty cells are dropped."""
    rows = []
    for number, cells in zip(chunk.numbers, chunk.rows):
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            cells = cells[:width]
        if len(cells) == width:
            rows.append(cells)
            parsed.rows.append(number)
            continue
        hint = Phrase.DECIMAL_COMMA_HINT if len(cells) > width else Phrase.TRUNCATED_HINT
        params = {
            "count": len(cells),
            "width": width,
            "separator": SEPARATORS.get(parsed.separator, ";"),
            "hint": hint,
        }
        shown = (parsed.separator or ";").join(cells)
        parsed.problems.append(
            ImportProblem(parsed.name, number, None, shown, ImportIssue.FIELD_COUNT, params)
        )
    return rows


def _parse_column(parsed: ParsedFile, column: Column, cells: list[str], base: int) -> list[Any]:
    """A chunk's cells of one column as values; `base` is the index of its first row."""
    try:  # the fast path: a whole clean column at once
        if all(cells):
            return _shared(column.type.parse_many(cells))
        if not column.required:
            values = iter(_shared(column.type.parse_many([cell for cell in cells if cell])))
            return [next(values) if cell else column.default for cell in cells]
    except ValueError:
        pass
    result = []
    for index, text in enumerate(cell.strip() for cell in cells):  # names every bad cell
        try:
            if not text:
                if column.required:
                    raise BadCell(Phrase.VALUE_MISSING)
                result.append(column.default)
            else:
                result.append(column.type.parse(text))
        except BadCell as error:
            result.append(INVALID)
            parsed.problems.append(
                parsed.problem(
                    base + index,
                    column.field,
                    cells[index],
                    ImportIssue.BAD_VALUE,
                    reason=error.reason,
                    expected=column.type.expected,
                    **error.params,
                )
            )
    return result


def _shared(values: list[Any]) -> list[Any]:
    """The values with one object for each distinct value.

    A column repeats a few codes, years and numbers over millions of rows; an object of its
    own for each (50 bytes a code) kept most of a 100 MB file's memory (issue 16, finding 3).
    A column holds values of one type, so equal values are interchangeable."""
    first: dict[Any, Any] = {}
    return list(map(first.setdefault, values, values))
