"""An upload planned against the database: each row new, changed or unchanged, nothing written.

The files are read, checked on their own, across files, against the codes and trees in the
database and against the uploader's scope; only an upload without problems is compared.
Existing rows come with one query per table and are compared in Python dicts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Connection, Row

from dashboard.store import upload_rows
from dashboard.store.upload_rows import TABLES, TableMap
from dashboard.upload.checks import check_across_files, check_references, check_tree
from dashboard.upload.csv_formats import KOLADA, LAYOUTS, Layout, kind_label
from dashboard.upload.csv_import import read_upload
from dashboard.upload.csv_text import SEPARATORS
from dashboard.upload.known_codes import KnownCodes
from dashboard.upload.kolada import kolada_as_measurements
from dashboard.upload.parsed_file import ParsedFile, UploadFile, describe_key
from dashboard.upload.problems import ImportIssue, ImportProblem

SAMPLE_SIZE = 20  # changed and new rows shown per file
MAX_AMONG = 1_000  # codes a file's stored rows are looked up by; more: the year's rows are read
# New or changed outcome rows whose effect on the goals is judged (dashboard/upload/effects.py);
# a bulk file beyond this is saved as ever, but its preview judges no goals.
MAX_JUDGED_ROWS = 500
UNKNOWN_FORMAT = "okänt format"
# Uploads read at once per process: a 100 MB file takes some 500-850 MB while it is read
# (docs/performance.md), and a worker must keep memory for the pages of everyone else.
MAX_READING = 2
_READING = threading.BoundedSemaphore(MAX_READING)


class Scope(Protocol):
    """What an uploader may write: adds a problem to a file for each row outside it."""

    def check(self, conn: Connection, files: Sequence[ParsedFile]) -> None: ...


@dataclass(frozen=True)
class CellChange:
    """One changed cell: which row (business key), which column, and old → new value."""

    key: str
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    """One new or changed row as values: its business key, the stored row (None: new) and what
    the file gives, field by field. What dashboard/upload/effects.py judges."""

    key: Mapping[str, Any]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any]


@dataclass(frozen=True)
class FilePreview:
    """What one file would do: its kind and dialect, the row counts and a sample of changes."""

    file_name: str
    kind: str | None  # a layout kind, None when the file could not be read
    kind_label: str
    encoding: str
    separator: str
    rows: int
    new: int
    changed: int
    unchanged: int
    changes: list[CellChange]  # at most SAMPLE_SIZE changed rows, each changed column
    new_rows: list[str]  # the keys of at most SAMPLE_SIZE new rows
    notes: list[str]
    # every new or changed outcome row, when there are at most MAX_JUDGED_ROWS of them
    row_changes: tuple[RowChange, ...] = ()
    too_many_to_judge: bool = False
    reference: FilePreview | None = None  # a Kolada file's rows kept as comparison values


@dataclass(frozen=True)
class Preview:
    """An upload checked against the database; only an upload without problems can be saved."""

    files: list[FilePreview]
    problems: list[ImportProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class FilePlan:
    """One file's rows and what each would do to the database."""

    parsed: ParsedFile
    kind: str | None  # as uploaded: "kolada" stays "kolada" though its rows are measurements
    inserts: list[int] | range = field(default_factory=list)  # row indexes
    updates: list[tuple[int, Row[Any]]] = field(default_factory=list)  # row index, stored row
    unchanged: int = 0
    # A Kolada file's every row, kept as a comparison value (issue 19) beside its outcomes.
    reference: FilePlan | None = None

    @property
    def changes(self) -> bool:
        """Whether the file (or its comparison values) would write anything."""
        return bool(self.inserts or self.updates or (self.reference and self.reference.changes))

    @property
    def layout(self) -> Layout:
        return self.parsed.layout

    @property
    def table_map(self) -> TableMap:
        return TABLES[self.layout.kind]

    def value_fields(self) -> list[str]:
        """The fields this file gives beyond the key: only these are compared and updated."""
        return [name for name in self.parsed.fields if name not in self.layout.key]

    def preview(self) -> FilePreview:
        """What the file would do, for people."""
        parsed = self.parsed
        return FilePreview(
            file_name=parsed.name,
            kind=self.kind,
            kind_label=kind_label(self.kind) if self.kind is not None else UNKNOWN_FORMAT,
            encoding=parsed.encoding,
            separator=SEPARATORS.get(parsed.separator, ""),
            rows=len(parsed.rows),
            new=len(self.inserts),
            changed=len(self.updates),
            unchanged=self.unchanged,
            changes=self._sample_changes(),
            new_rows=[describe_key(self.layout, self._key(i)) for i in self.inserts[:SAMPLE_SIZE]],
            notes=parsed.notes,
            row_changes=tuple(self.row_changes()),
            too_many_to_judge=self._judged() and self._count() > MAX_JUDGED_ROWS,
            reference=self.reference.preview() if self.reference else None,
        )

    def row_changes(self) -> list[RowChange]:
        """Every new or changed outcome row as values; none for other kinds or a bulk file."""
        if not self._judged() or self._count() > MAX_JUDGED_ROWS:
            return []
        fields, values = self.layout.fields, self.value_fields()

        def given(index: int) -> dict[str, Any]:
            return {name: self.parsed.columns[name][index] for name in values}

        changes = [
            RowChange(dict(zip(self.layout.key, self._key(i))), None, given(i))
            for i in self.inserts
        ]
        changes += [
            RowChange(
                dict(zip(self.layout.key, self._key(i))),
                {name: old[fields.index(name)] for name in values},
                given(i),
            )
            for i, old in self.updates
        ]
        return changes

    def _judged(self) -> bool:
        return self.parsed.layout is not None and self.layout.kind == "measurements"

    def _count(self) -> int:
        return len(self.inserts) + len(self.updates)

    def _key(self, index: int) -> tuple[Any, ...]:
        return tuple(self.parsed.columns[name][index] for name in self.layout.key)

    def _sample_changes(self) -> list[CellChange]:
        changes = []
        for index, old in self.updates[:SAMPLE_SIZE]:
            fields = self.layout.fields
            key = describe_key(self.layout, self._key(index))
            for name in self.value_fields():
                before, after = old[fields.index(name)], self.parsed.columns[name][index]
                if before != after:
                    value_type = self.layout.column(name).type
                    header = self.parsed.header(name)
                    changes.append(
                        CellChange(key, header, value_type.format(before), value_type.format(after))
                    )
        return changes


class Busy(Exception):
    """The process already reads MAX_READING uploads."""


@contextmanager
def reading_slot() -> Iterator[None]:
    """Hold one of the process's MAX_READING slots for reading an upload; Busy if none is free."""
    if not _READING.acquire(blocking=False):
        raise Busy
    try:
        yield
    finally:
        _READING.release()


def plan_upload(
    conn: Connection, uploads: Sequence[UploadFile], scope: Scope | None
) -> tuple[list[FilePlan], list[ImportProblem]]:
    """Every file's plan, or the problems that keep the upload from being saved."""
    try:
        with reading_slot():
            return _checked_plans(conn, uploads, scope)
    except Busy:
        problems = [ImportProblem(u.name, None, None, None, ImportIssue.BUSY) for u in uploads]
        return [], problems


def in_write_order(plans: list[FilePlan]) -> list[FilePlan]:
    """Parents before children: the order of LAYOUTS."""
    return sorted(plans, key=lambda plan: LAYOUTS.index(plan.layout))


def _checked_plans(
    conn: Connection, uploads: Sequence[UploadFile], scope: Scope | None
) -> tuple[list[FilePlan], list[ImportProblem]]:
    parsed = [read_upload(upload) for upload in uploads]
    codes = KnownCodes(conn, [p for p in parsed if p.columns])
    plans = [_file_plan(p, codes) for p in parsed]
    readable = [plan.parsed for plan in plans if plan.parsed.columns]  # not refused as a whole
    check_across_files(readable)
    for file in readable:
        check_references(file, codes)
        check_tree(conn, file)
    if scope is not None:
        scope.check(conn, readable)
    problems = [problem for plan in plans for problem in sorted(plan.parsed.problems, key=_row)]
    if not problems:
        for plan in plans:
            _compare(conn, plan)
            if plan.reference:
                _compare(conn, plan.reference)
    return plans, problems


def _file_plan(parsed: ParsedFile, codes: KnownCodes) -> FilePlan:
    """A file's plan; a Kolada file's rows are outcomes where mapped, and comparison values."""
    if parsed.layout is KOLADA and parsed.columns:
        measurements = kolada_as_measurements(parsed, codes)
        return FilePlan(measurements, KOLADA.kind, reference=FilePlan(parsed, KOLADA.kind))
    return FilePlan(parsed, parsed.layout.kind if parsed.layout else None)


def _row(problem: ImportProblem) -> int:
    return problem.row or 0


def _compare(conn: Connection, plan: FilePlan) -> None:
    """Sort the file's rows into new, changed and unchanged against the stored rows."""
    layout, columns = plan.layout, plan.parsed.columns
    # A year's outcomes need not load the other years', nor a unit's report the city's.
    among: dict[str, list[Any]] = {
        name: sorted(set(columns[name]))
        for name in ("year", "org_code")
        if name in layout.key and len(set(columns[name])) <= MAX_AMONG
    }
    query = upload_rows.stored_rows(layout.kind, layout.fields, among)
    stored_key = _getter([layout.fields.index(name) for name in layout.key])
    stored_values = _getter([layout.fields.index(name) for name in plan.value_fields()])
    stored = {stored_key(row): row for row in conn.execute(query)}
    if not stored:
        plan.inserts = range(len(plan.parsed.rows))  # not a list: eight bytes a row less
        return
    inserts: list[int] = []
    count = len(plan.parsed.rows)
    keys = _tuples([columns[name] for name in layout.key], count)
    values = _tuples([columns[name] for name in plan.value_fields()], count)
    for index, (key, value) in enumerate(zip(keys, values)):
        old = stored.get(key)
        if old is None:
            inserts.append(index)
        elif stored_values(old) != value:
            plan.updates.append((index, old))
        else:
            plan.unchanged += 1
    plan.inserts = inserts


def _getter(indexes: list[int]) -> Callable[[Sequence[Any]], Any]:
    """Picks the values at indexes: a scalar for one, a tuple for several (as `_tuples` gives)."""
    return itemgetter(*indexes) if indexes else (lambda row: ())


def _tuples(columns: list[list[Any]], count: int) -> Iterable[Any]:
    """The rows' values of these columns, one at a time: a list of tuples took 100 bytes a row."""
    if not columns:
        return repeat((), count)
    return columns[0] if len(columns) == 1 else zip(*columns)
