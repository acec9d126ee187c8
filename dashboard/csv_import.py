"""Reading uploaded files: encoding and dialect, which layout, typed values, and every problem.

A file is bytes from Excel or another system. This module turns it into typed columns of one
layout (`dashboard.csv_formats`) without touching the database, and collects all problems it
can see on its own: each names the file, row, column, value and what was expected, in
Swedish. Problems that need the database (unknown codes, the goal tree) are found by
`dashboard.change_sets`, which also writes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple

from dashboard.csv_formats import KOLADA, LAYOUTS, MEASUREMENTS, Column, Layout, normalise
from dashboard.model import ValueStatus

MAX_FILE_BYTES = 100_000_000  # about two million outcome rows; refused before parsing
MAX_COLUMNS = 200  # the widest layout has 9; more is a wrong separator or a broken export
SEPARATORS = {";": "semikolon", ",": "komma", "\t": "tabb"}
KNOWN_HEADERS = {normalise(h) for layout in LAYOUTS for c in layout.columns for h in c.headers}
EMPTY_FILE = "en rubrikrad och minst en rad med värden"


class Invalid:
    """The value of a cell that could not be read; it is skipped by later checks."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


class UploadFile(NamedTuple):
    """A file as the user gave it: its name and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True)
class Problem:
    """Something wrong with an upload, precise enough for the user to find and fix it."""

    file: str
    row: int | None  # as Excel numbers rows: the header is row 1
    column: str | None  # the header as written in the file
    value: str | None
    issue: str
    expected: str = ""

    def __str__(self) -> str:
        place = [self.file]
        if self.row is not None:
            place.append(f"rad {self.row}")
        if self.column is not None:
            place.append(f'kolumn "{self.column}"')
        text = ", ".join(place) + ": " + self.issue
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
            text += f': "{shown}"'
        return text + (f". Förväntat: {self.expected}." if self.expected else ".")


@dataclass
class ParsedFile:
    """One file read into typed columns of its layout, with what was found wrong."""

    name: str
    checksum: str
    layout: Layout | None = None
    columns: dict[str, list] = field(default_factory=dict)  # field → one value per row
    headers: dict[str, str] = field(default_factory=dict)  # field → header as in the file
    rows: list[int] = field(default_factory=list)  # each row's number in the file
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encoding: str = ""  # e.g. "Windows-1252"
    separator: str = ""  # ";", "," or a tab; empty for JSON

    @property
    def fields(self) -> tuple[str, ...]:
        """The layout's fields this file gives, in record order."""
        return tuple(self.columns)

    def header(self, field_name: str) -> str:
        """The column's header as the user wrote it (or the layout's, if the file has none)."""
        return self.headers.get(field_name) or self.layout.column(field_name).header

    def problem(
        self, index: int, field_name: str, value: Any, issue: str, expected: str = ""
    ) -> Problem:
        """A problem in one cell, given by row index and field."""
        shown = None if value is None else str(value)
        return Problem(self.name, self.rows[index], self.header(field_name), shown, issue, expected)


class _Unreadable(Exception):
    """The whole file is refused, for an issue found on one row or none."""

    def __init__(self, issue: str, expected: str, row: int | None = None) -> None:
        super().__init__(issue)
        self.problem = (row, None, None, issue, expected)


def read_upload(upload: UploadFile, max_bytes: int = MAX_FILE_BYTES) -> ParsedFile:
    """Read one uploaded file into typed columns, collecting every problem it has on its own."""
    parsed = ParsedFile(upload.name, checksum="")
    try:
        if len(upload.content) > max_bytes:  # refused before anything else is done with it
            raise _Unreadable(*too_large(len(upload.content), max_bytes))
        parsed.checksum = hashlib.sha256(upload.content).hexdigest()
        text = _decode(upload.content, parsed)
        table = _kolada_json(text, parsed) if text.lstrip()[:1] in ("{", "[") else _csv(text, parsed)
        _read_table(parsed, table)
    except _Unreadable as error:
        parsed.problems.append(Problem(upload.name, *error.problem))
    parsed.problems.sort(key=lambda problem: problem.row or 0)
    return parsed


def too_large(size: int, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """The issue and expectation for a file over the size limit."""
    megabytes = f"{size / 1e6:.1f}".replace(".", ",")
    return (
        f"filen är för stor ({megabytes} MB, högst {max_bytes / 1e6:g} MB tas emot)",
        "en mindre fil; dela upp den, t.ex. per år eller nämnd",
    )


# ---- bytes → text → cells -------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 med BOM"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip) and the older .xls


def _decode(data: bytes, parsed: ParsedFile) -> str:
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise _Unreadable("filen är tom", EMPTY_FILE)
    if data.startswith(_WORKBOOKS):
        raise _Unreadable(
            "filen är en Excel-arbetsbok, inte en CSV-fil",
            'en CSV-fil: välj "Spara som" i Excel och filformatet "CSV UTF-8" eller "CSV"',
        )
    text = _text(data, parsed)
    nul = text.find("\x00")  # checked on the text: UTF-16 has NUL bytes, a BOM hides none
    if nul >= 0:
        row = text.count("\n", 0, nul) + 1
        raise _Unreadable(
            f"filen innehåller binära tecken (NUL) på rad {row} och är ingen textfil",
            "en CSV-fil i UTF-8 eller Windows-1252",
            row,
        )
    return text


def _text(data: bytes, parsed: ParsedFile) -> str:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decoded(data, codec, label, parsed)
    try:
        return _decoded(data, "utf-8", "UTF-8", parsed)
    except _Unreadable:
        text = _decoded(data, "cp1252", "Windows-1252", parsed)
    _check_one_encoding(data)
    return text


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # how UTF-8 writes å, ä, ö and the rest


def _check_one_encoding(data: bytes) -> None:
    """Refuse a Windows-1252 file with UTF-8 rows pasted in, or the reverse.

    Read as one encoding, the other's "Målet" becomes "MÃ¥let", saved with no warning. Such
    a file is not UTF-8 as a whole; a row that is (and has letters beyond ASCII) is not
    Windows-1252. Whichever kind most rows are is taken as the file's."""
    if not _UTF8_SEQUENCE.search(data):  # plain Windows-1252: the common case, at C speed
        return
    first: dict[str, int] = {}  # encoding → its first row
    rows: Counter[str] = Counter()
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.isascii():
            label = "UTF-8" if _is_utf8(line) else "Windows-1252"
            rows[label] += 1
            first.setdefault(label, number)
    if len(rows) == 2:
        usual, odd = sorted(rows, key=lambda label: (-rows[label], first[label]))
        raise _Unreadable(
            f"rad {first[odd]} är sparad som {odd} men filen som {usual}: filen blandar "
            "teckenkodningar",
            'samma teckenkodning i hela filen: klistra in raden igen i Excel och spara som "CSV UTF-8"',
            first[odd],
        )


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decoded(data: bytes, codec: str, label: str, parsed: ParsedFile) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Unreadable(
            f"okänd teckenkodning: byten 0x{data[error.start]:02X} på rad {line} "
            f"finns inte i {label}",
            "UTF-8 (med eller utan BOM) eller Windows-1252",
        ) from None
    parsed.encoding = label
    return text.removeprefix("\ufeff")


class _Table(NamedTuple):
    """A file's cells: the header, then the other non-blank rows and their row numbers."""

    header: list[str]
    rows: list[list[str]]
    numbers: list[int]


def _csv(text: str, parsed: ParsedFile) -> _Table:
    lines = io.StringIO(text, newline="")
    parsed.separator = _separator(text)
    if text.startswith("sep="):  # Excel's hint line, e.g. "sep=;"; Excel gives it no row number
        lines.readline()
    if '"' in text:
        rows = _quoted_rows(lines, parsed.separator)
    else:  # nothing quoted: splitting is what csv would do, many times faster
        rows = [line.split(parsed.separator) for line in _lines(lines.read())]
    numbers = list(range(1, len(rows) + 1))
    if not (all(map(any, rows)) and all(map(str.strip, map(itemgetter(0), rows)))):
        # a blank row (empty, or only spaces and separators) starts blank; leave those out,
        # keeping the others' numbers
        filled = [any(map(str.strip, cells)) for cells in rows]
        numbers = list(compress(numbers, filled))
        rows = list(compress(rows, filled))
    if not rows:
        raise _Unreadable("filen är tom", EMPTY_FILE)
    header = rows[0]
    while not header[-1].strip():  # Excel's ";;;" after the last heading
        header.pop()
    if len(header) > MAX_COLUMNS:  # before matching millions of headings to the layouts
        raise _Unreadable(
            f"rubrikraden har {_number(len(header))} kolumner (högst {MAX_COLUMNS})",
            "en rubrikrad med filformatets kolumner, åtskilda med semikolon (;), komma (,) eller tabb",
            numbers[0],
        )
    return _Table(header, rows[1:], numbers[1:])


def _quoted_rows(lines: io.StringIO, separator: str) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(lines, delimiter=separator, strict=True))
    except csv.Error as error:
        if str(error).startswith("field larger than field limit"):  # csv's bound, 131 072
            limit = _number(csv.field_size_limit())
            raise _Unreadable(
                f"ett fält på rad {len(rows) + 1} är längre än {limit} tecken",
                f"fält på högst {limit} tecken",
                len(rows) + 1,
            ) from None
        raise _Unreadable(
            f"rad {len(rows) + 1} tar slut inne i ett citerat fält; filen verkar vara avkortad "
            "eller ha ett citattecken för mycket",
            'hela filen, med citattecken (") parvis',
        ) from None
    return rows


def _number(count: int) -> str:
    return f"{count:,}".replace(",", " ")


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _separator(text: str) -> str:
    first = next((line for line in _lines(text[:100_000]) if line.strip()), "")
    if not first:
        raise _Unreadable("filen är tom", EMPTY_FILE)
    if first.startswith("sep=") and first[4:5] in SEPARATORS:
        return first[4]

    def score(separator: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=separator))
        return sum(normalise(cell) in KNOWN_HEADERS for cell in cells), len(cells)

    best = max(SEPARATORS, key=score)
    if score(best)[1] < 2:
        raise _Unreadable(
            f'rubrikraden kunde inte delas upp i kolumner: "{first[:80]}"',
            "kolumner åtskilda med semikolon (;), komma (,) eller tabb",
        )
    return best


def _kolada_json(text: str, parsed: ParsedFile) -> _Table:
    """Kolada's API answer as the rows of a Kolada CSV; a row's number is its place in "values".

    An entry of another shape is a problem of its row, so the whole file is still checked."""
    expected = 'ett svar från Koladas API: {"values": [{"kpi", "municipality" eller "ou", ...}]}'
    try:
        document = json.loads(text)
    except ValueError as error:
        raise _Unreadable(
            f"ogiltig JSON på rad {getattr(error, 'lineno', '?')}", expected
        ) from None
    except RecursionError:  # json's C decoder stops at Python's recursion limit
        raise _Unreadable("JSON:en är för djupt nästlad", expected) from None
    entries = document.get("values") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise _Unreadable('JSON utan listan "values"', expected)
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
    return _Table([column.header for column in KOLADA.columns], rows, numbers)


def _json_values(entry: Any, number: int, parsed: ParsedFile) -> list[dict]:
    """An entry's values (one empty value if it has none); [] and a problem if misshapen."""
    values = entry.get("values") or [] if isinstance(entry, dict) else None
    shape = '[{"gender": "T", "value": 81.2}]'
    if not isinstance(entry, dict):
        column, issue, expected = None, "posten är inte ett objekt", '{"kpi": …, "values": […]}'
    elif not isinstance(values, list):
        column, issue, expected = "values", "inte en lista", shape
    elif not all(isinstance(value, dict) for value in values):
        column, issue, expected = "values", "inte en lista med objekt", shape
    else:
        return values or [{}]
    shown = json.dumps(entry if column is None else values, ensure_ascii=False)
    parsed.problems.append(Problem(parsed.name, number, column, shown, issue, expected))
    return []


def _json_text(value: Any) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


# ---- cells → typed columns ------------------------------------------------------------------


def _read_table(parsed: ParsedFile, table: _Table) -> None:
    layout, matched = _match_layout(parsed, table.header)
    parsed.layout = layout
    if parsed.problems:
        return
    if not table.rows:
        raise _Unreadable("filen har en rubrikrad men inga rader med värden", EMPTY_FILE)
    cells = _columns(parsed, table)
    for index, column in matched.items():
        parsed.headers[column.field] = table.header[index].strip()
        parsed.columns[column.field] = _parse_column(parsed, column, cells[index])
    if "kolada_id" in parsed.columns:
        _pad_municipality_ids(parsed)
    count = len(parsed.rows)
    for field_name in layout.key:  # a key column left out takes its default, e.g. kön T
        parsed.columns.setdefault(field_name, [layout.column(field_name).default] * count)
    if layout in (MEASUREMENTS, KOLADA):
        _settle_readings(parsed.columns, count)
    _check_order(parsed)
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
            raise _Unreadable(
                "rubrikraden känns inte igen: " + "; ".join(header)[:120],
                "rubrikerna i ett av filformaten i docs/import.md, "
                "t.ex. indikator; organisation; år",
            )
        for issue, expected in _missing(layout, matched):
            parsed.problems.append(Problem(parsed.name, 1, None, None, issue, expected))
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


def _missing(layout: Layout, matched: dict[int, Column]) -> list[tuple[str, str]]:
    present = _fields(matched)
    missing = [
        (
            f'obligatorisk kolumn "{column.header}" saknas ({layout.label.lower()})',
            f'en kolumn med rubriken "{column.header}"'
            + (f" (eller {', '.join(column.aliases)})" if column.aliases else ""),
        )
        for column in layout.columns
        if column.required and column.field not in present
    ]
    if layout.needs_one_of and not present & set(layout.needs_one_of):
        names = [layout.column(name).header for name in layout.needs_one_of]
        missing.append(
            (
                f"kolumn med värden saknas ({layout.label.lower()})",
                "minst en av kolumnerna " + ", ".join(f'"{name}"' for name in names),
            )
        )
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
                Problem(
                    parsed.name,
                    1,
                    cell.strip(),
                    None,
                    f'kolumnen "{column.header}" finns två gånger (kolumn {seen[column.field] + 1} '
                    f"och {index + 1})",
                    "varje kolumn en gång",
                )
            )
        seen[column.field] = index


def _columns(parsed: ParsedFile, table: _Table) -> list[Sequence[str]]:
    """The cells column by column, of the rows that have exactly the header's number of cells."""
    width = len(table.header)
    rows = table.rows
    if set(map(len, rows)) == {width}:  # the common case, checked at C speed
        parsed.rows = table.numbers
    else:
        rows = _rectangular(parsed, table, width)
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]


def _rectangular(parsed: ParsedFile, table: _Table, width: int) -> list[list[str]]:
    """Rows with exactly the header's number of cells; extra empty cells are dropped."""
    rows = []
    for number, cells in zip(table.numbers, table.rows):
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            cells = cells[:width]
        if len(cells) == width:
            rows.append(cells)
            parsed.rows.append(number)
            continue
        expected = f"{width} fält per rad, åtskilda med {SEPARATORS.get(parsed.separator, ';')}"
        hint = (
            " (har talen decimalkomma när kommatecken skiljer kolumnerna åt?)"
            if len(cells) > width
            else " (är filen avkortad?)"
        )
        parsed.problems.append(
            Problem(
                parsed.name,
                number,
                None,
                (parsed.separator or ";").join(cells),
                f"raden har {len(cells)} fält men rubrikraden har {width}",
                expected + hint,
            )
        )
    return rows


def _parse_column(parsed: ParsedFile, column: Column, cells: list[str]) -> list:
    try:  # the fast path: a whole clean column at once
        if all(cells):
            return column.type.parse_many(cells)
        if not column.required:
            values = iter(column.type.parse_many([cell for cell in cells if cell]))
            return [next(values) if cell else column.default for cell in cells]
    except ValueError:
        pass
    result = []
    for index, text in enumerate(cell.strip() for cell in cells):  # names every bad cell
        try:
            if not text:
                if column.required:
                    raise ValueError("värde saknas")
                result.append(column.default)
            else:
                result.append(column.type.parse(text))
        except ValueError as error:
            result.append(INVALID)
            parsed.problems.append(
                parsed.problem(index, column.field, cells[index], str(error), column.type.expected)
            )
    return result


def _pad_municipality_ids(parsed: ParsedFile) -> None:
    """Give back the leading zeros Excel drops from municipality ids ("0860" → 860), and say so.

    Every municipality id has four digits (SCB's kommunkod); a unit's id has letters."""
    ids = parsed.columns["kolada_id"]
    short = [
        i for i, id_ in enumerate(ids) if type(id_) is str and len(id_) < 4 and id_.isascii()
        and id_.isdigit()
    ]
    if not short:
        return
    first = ids[short[0]]
    for index in short:
        ids[index] = ids[index].zfill(4)
    parsed.notes.append(
        f"Excel tar bort inledande nollor: {_number(len(short))} Kolada-id med färre än fyra "
        f'siffror har fått dem tillbaka, t.ex. rad {parsed.rows[short[0]]}: "{first}" blev '
        f'"{ids[short[0]]}".'
    )


def _settle_readings(columns: dict[str, list], count: int) -> None:
    """Turn markers ("..", ".", "x") into empty values and derive each row's value status.

    An explicit värdestatus wins; without one, a marker or the lack of any value decides. A
    file with only prognoses leaves the stored value status alone.
    """
    outcomes, forecasts = columns.get("outcome"), columns.get("forecast")
    given = columns.get("value_status")
    if outcomes is not None or given is not None:
        columns["value_status"] = [
            _value_status(outcome, forecast, status)
            for outcome, forecast, status in zip(
                outcomes or [None] * count, forecasts or [None] * count, given or [None] * count
            )
        ]
    for name in ("outcome", "forecast"):
        if name in columns:
            columns[name] = [None if type(v) is ValueStatus else v for v in columns[name]]


def _value_status(outcome: Any, forecast: Any, given: Any) -> Any:
    if given is not None:
        return given
    for value in (outcome, forecast):
        if type(value) is ValueStatus:
            return value.value
    if outcome is None and forecast is None:
        return ValueStatus.MISSING.value
    return ValueStatus.OK.value


def _check_order(parsed: ParsedFile) -> None:
    """An end (slutdatum, giltigt till) must not come before its start."""
    for first, last in (("start_date", "end_date"), ("valid_from", "valid_to")):
        if first not in parsed.columns or last not in parsed.columns:
            continue
        column = parsed.layout.column(last)
        for index, (start, end) in enumerate(zip(parsed.columns[first], parsed.columns[last])):
            if is_valid(start, end) and end < start:
                parsed.problems.append(
                    parsed.problem(
                        index,
                        last,
                        column.type.format(end),
                        f'före "{parsed.header(first)}"',
                        f"{parsed.header(first)} ({column.type.format(start)}) eller senare",
                    )
                )


def check_duplicates(parsed: ParsedFile) -> None:
    """Each business key may appear once in a file."""
    keys = list(zip(*(parsed.columns[name] for name in parsed.layout.key)))
    if len(set(keys)) == len(keys):
        return
    first_row: dict[tuple, int] = {}
    headers = ", ".join(parsed.header(name) for name in parsed.layout.key)
    for index, key in enumerate(keys):
        if not is_valid(*key):
            continue
        if key in first_row:
            parsed.problems.append(
                Problem(
                    parsed.name,
                    parsed.rows[index],
                    headers,
                    describe_key(parsed.layout, key),
                    f"samma nyckel som rad {first_row[key]}",
                    f"en rad per {headers}",
                )
            )
        else:
            first_row[key] = parsed.rows[index]


def describe_key(layout: Layout, key: Sequence[Any]) -> str:
    """A business key as people read it, e.g. "KF11 · SKA · 2026 · T1 · T"."""
    return " · ".join(
        layout.column(name).type.format(value) for name, value in zip(layout.key, key)
    )


def is_valid(*values: Any) -> bool:
    """Whether every value was read (neither invalid nor empty)."""
    return all(value is not INVALID and value is not None for value in values)
