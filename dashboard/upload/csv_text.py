"""An uploaded file's bytes: their encoding, their separator, and their rows a chunk at a time.

Only one chunk's cells exist at once. As Python strings and lists a cell takes some 25
times its bytes: a whole 100 MB file of them took 3 GB (issue 16, finding 3). The file is
decoded once to check its encoding and then again a piece at a time, never kept as text.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, compress
from operator import itemgetter
from typing import NamedTuple

from dashboard.upload.csv_formats import LAYOUTS
from dashboard.upload.problems import ImportIssue, Unreadable
from dashboard.upload.value_types import normalise

SEPARATORS = {";": "semikolon", ",": "komma", "\t": "tabb"}
KNOWN_HEADERS = {normalise(h) for layout in LAYOUTS for c in layout.columns for h in c.headers}
MAX_COLUMNS = 200  # the widest layout has 9; more is a wrong separator or a broken export
PIECE_BYTES = 1_000_000  # about 28,000 outcome rows split and typed at a time
CHUNK_ROWS = 25_000  # the same for files with quoted fields, read by the csv module


class Encoded(NamedTuple):
    """A file's bytes in an encoding that writes ASCII as ASCII, so b"\\n" ends its lines."""

    data: bytes
    codec: str
    label: str  # for people, e.g. "Windows-1252"


class Chunk(NamedTuple):
    """Consecutive non-blank rows of a file, and their numbers as Excel numbers them."""

    rows: list[list[str]]
    numbers: Sequence[int]


class Table(NamedTuple):
    """A file's cells: the header, then the other non-blank rows a chunk at a time."""

    header: list[str]
    chunks: Iterator[Chunk]


def spaced(count: int) -> str:
    """A count as Swedish writes it, e.g. "131 072"."""
    return f"{count:,}".replace(",", " ")


# ---- the encoding ---------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 med BOM"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip) and the older .xls
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # how UTF-8 writes å, ä, ö and the rest


def encoded(data: bytes) -> Encoded:
    """The file's encoding, checked over the whole file; Unreadable if it is no text file."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise Unreadable(ImportIssue.EMPTY)
    if data.startswith(_WORKBOOKS):
        raise Unreadable(ImportIssue.WORKBOOK)
    file = _detected(data)
    nul = file.data.find(b"\x00")  # after decoding: UTF-16 has NUL bytes, a BOM hides none
    if nul >= 0:
        row = file.data.count(b"\n", 0, nul) + 1
        raise Unreadable(ImportIssue.BINARY, row)
    return file


def _detected(data: bytes) -> Encoded:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _decoded(data, codec, label)
            if codec == "utf-16":  # the only one whose lines do not end in b"\n"
                return Encoded(text.encode(), "utf-8", label)
            return Encoded(data, codec, label)
    try:
        _decoded(data, "utf-8", "UTF-8")
        return Encoded(data, "utf-8", "UTF-8")
    except Unreadable:
        _decoded(data, "cp1252", "Windows-1252")
    _check_one_encoding(data)
    return Encoded(data, "cp1252", "Windows-1252")


def _decoded(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(
            ImportIssue.UNKNOWN_ENCODING, byte=f"{data[error.start]:02X}", line=line, encoding=label
        ) from None


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
        raise Unreadable(ImportIssue.MIXED_ENCODINGS, first[odd], odd=odd, usual=usual)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---- the rows -------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # as open(newline="") gives lines


def csv_table(file: Encoded) -> tuple[str, Table]:
    """The file's separator and its rows; Unreadable if it has no header."""
    data = file.data if b"\n" in file.data else file.data.replace(b"\r", b"\n")  # old Mac Excel
    head = data[:100_000].decode(file.codec, "ignore")
    separator = _separator(head)
    start = data.find(b"\n") + 1 if head.startswith("sep=") else 0  # Excel's hint, unnumbered
    chunks = _row_chunks(_pieces(data, start, file.codec), separator, quoted=b'"' in data)
    for chunk in chunks:  # the header is the first non-blank row
        if chunk.rows:
            rest = Chunk(chunk.rows[1:], chunk.numbers[1:])
            return separator, Table(_header(chunk), chain([rest], chunks))
    raise Unreadable(ImportIssue.EMPTY)


def _separator(head: str) -> str:
    first = next((line for line in _lines(head) if line.strip()), "")
    if not first:
        raise Unreadable(ImportIssue.EMPTY)
    if first.startswith("sep=") and first[4:5] in SEPARATORS:
        return first[4]

    def score(separator: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=separator))
        return sum(normalise(cell) in KNOWN_HEADERS for cell in cells), len(cells)

    best = max(SEPARATORS, key=score)
    if score(best)[1] < 2:
        raise Unreadable(ImportIssue.HEADER_NOT_SPLIT, first_line=first[:80])
    return best


def _header(chunk: Chunk) -> list[str]:
    header = chunk.rows[0]
    while not header[-1].strip():  # Excel's ";;;" after the last heading
        header.pop()
    if len(header) > MAX_COLUMNS:  # before matching millions of headings to the layouts
        raise Unreadable(
            ImportIssue.TOO_MANY_COLUMNS,
            chunk.numbers[0],
            count=spaced(len(header)),
            max_columns=MAX_COLUMNS,
        )
    return header


def _pieces(data: bytes, start: int, codec: str) -> Iterator[str]:
    """The text from byte `start` in pieces of whole lines."""
    while start < len(data):
        end = data.find(b"\n", start + PIECE_BYTES) + 1 or len(data)
        yield data[start:end].decode(codec)
        start = end


def _row_chunks(pieces: Iterator[str], separator: str, quoted: bool) -> Iterator[Chunk]:
    if quoted:
        batches = _quoted_rows(pieces, separator)
    else:  # nothing quoted: splitting is what csv would do, many times faster
        batches = ([line.split(separator) for line in _lines(piece)] for piece in pieces)
    number = 1
    for rows in batches:
        chunk = _filled(rows, range(number, number + len(rows)))
        number += len(rows)
        del rows  # so that only one chunk's cells exist while the next is split
        yield chunk
        del chunk


def _filled(rows: list[list[str]], numbers: range) -> Chunk:
    """The rows that are not blank (empty, or only spaces and separators), with their numbers."""
    if all(map(any, rows)) and all(map(str.strip, map(itemgetter(0), rows))):  # a blank row
        return Chunk(rows, numbers)  # starts blank; this is the common case, at C speed
    filled = [any(map(str.strip, cells)) for cells in rows]
    return Chunk(list(compress(rows, filled)), list(compress(numbers, filled)))


def _quoted_rows(pieces: Iterator[str], separator: str) -> Iterator[list[list[str]]]:
    lines = chain.from_iterable(map(_LINE.findall, pieces))
    reader = csv.reader(lines, delimiter=separator, strict=True)
    rows: list[list[str]] = []
    done = 0
    try:
        for row in reader:
            rows.append(row)
            if len(rows) == CHUNK_ROWS:
                yield rows
                done, rows = done + len(rows), []
    except csv.Error as error:
        number = done + len(rows) + 1
        if str(error).startswith("field larger than field limit"):  # csv's bound, 131 072
            limit = spaced(csv.field_size_limit())
            raise Unreadable(ImportIssue.FIELD_TOO_LONG, number, limit=limit) from None
        raise Unreadable(ImportIssue.OPEN_QUOTE, line=number) from None
    yield rows


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines
