"""The store side of an upload: compare it with the database, write it all or nothing, undo it.

`preview` reads the files and compares every row with the database by business key (new,
changed, unchanged) without writing. `commit` does the same inside one transaction and, when
nothing is wrong, upserts each file and records it as an upload together with the values it
replaced, which is what `undo` restores. Existing rows come with one query per table and are
compared in Python dicts; rows are written in batches straight to the driver, with
executemany (COPY on PostgreSQL), which keeps a million rows to seconds (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice, repeat
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import (
    ARRAY,
    Connection,
    Date,
    Row,
    Select,
    Table,
    any_,
    bindparam,
    delete,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from dashboard.store import (
    Store,
    activity_t,
    activity_update_t,
    add_reported_periods,
    assessment_t,
    goal_t,
    indicator_t,
    link_t,
    measurement_t,
    org_t,
    refresh_reported_periods,
    target_t,
    upload_t,
)
from dashboard.store.schema import Base, KoladaOrgRecord, UploadChangeRecord
from dashboard.upload.csv_formats import (
    BY_KIND,
    GOAL_LEVEL,
    KOLADA,
    LAYOUTS,
    MEASUREMENTS,
    ORG_LEVEL,
    Choice,
    Layout,
)
from dashboard.upload.csv_import import (
    ParsedFile,
    Problem,
    UploadFile,
    check_duplicates,
    describe_key,
    is_valid,
    read_upload,
)
from dashboard.upload.csv_text import SEPARATORS

kolada_org_t = KoladaOrgRecord.__table__
change_t = UploadChangeRecord.__table__

BATCH_SIZE = 20_000
LARGE_INSERT = 1_000  # rows from which PostgreSQL checks foreign keys once, not per row (_insert)
SAMPLE_SIZE = 20
ACTIVE, UNDONE = "active", "undone"
# Tables whose rows uploads write, parents before children.
DATA_TABLES = [t for t in Base.metadata.sorted_tables if "upload_id" in t.c and t is not change_t]


@dataclass(frozen=True)
class TableMap:
    """Where a layout's rows are stored; `refs` names the table whose code each code field holds."""

    table: Table
    refs: Mapping[str, Table] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # set on insert, e.g. a path to fill in

    def column(self, field_name: str) -> str:
        """The table column of a layout field: codes of other tables become ids."""
        return field_name.replace("_code", "_id") if field_name in self.refs else field_name


TABLES = {
    "org_units": TableMap(org_t, {"parent_code": org_t}, {"path": ""}),
    "kolada_orgs": TableMap(kolada_org_t, {"org_code": org_t}),
    "goals": TableMap(goal_t, {"org_code": org_t, "parent_code": goal_t}),
    "indicators": TableMap(indicator_t),
    "goal_indicators": TableMap(link_t, {"goal_code": goal_t, "indicator_code": indicator_t}),
    "targets": TableMap(target_t, {"indicator_code": indicator_t, "org_code": org_t}),
    "measurements": TableMap(measurement_t, {"indicator_code": indicator_t, "org_code": org_t}),
    "activities": TableMap(activity_t, {"goal_code": goal_t, "org_code": org_t}),
    "activity_updates": TableMap(activity_update_t, {"activity_code": activity_t}),
    "assessments": TableMap(assessment_t, {"goal_code": goal_t, "org_code": org_t}),
}
UNKNOWN = {
    "org_unit": "okänd organisation",
    "goal": "okänt mål",
    "indicator": "okänd indikator",
    "activity": "okänd aktivitet",
}
EDITED_IN_APP = (assessment_t, activity_t, activity_update_t)  # tables the web forms write too
KNOWN_CODE = "en kod som finns i databasen eller i en fil i samma uppladdning"


class Scope(Protocol):
    """What an uploader may write: adds a problem to a file for each row outside it."""

    def check(self, conn: Connection, files: Sequence[ParsedFile]) -> None: ...


# ---- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One changed cell: which row (business key), which column, and old → new value."""

    key: str
    column: str
    old: str
    new: str


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
    changes: list[Change]  # at most SAMPLE_SIZE changed rows, each changed column
    new_rows: list[str]  # the keys of at most SAMPLE_SIZE new rows
    notes: list[str]


@dataclass(frozen=True)
class Preview:
    """An upload checked against the database; only an upload without problems can be saved."""

    files: list[FilePreview]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SavedFile:
    """One committed file; `upload_id` is None when it changed nothing and so was not recorded."""

    file_name: str
    kind: str
    table: str
    upload_id: int | None
    inserted: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class UndoResult:
    upload_id: int
    file_name: str
    restored: int  # rows given back the values the upload replaced
    deleted: int  # rows the upload had added


@dataclass(frozen=True)
class Upload:
    """An entry of the upload log."""

    id: int
    created_at: dt.datetime
    user_name: str
    file_name: str
    kind: str
    kind_label: str
    checksum: str
    rows_inserted: int
    rows_updated: int
    rows_unchanged: int
    status: str  # "active" or "undone"
    undone_at: dt.datetime | None
    undone_by: str | None


# Uploads read at once per process: a 100 MB file takes some 500-850 MB while it is read
# (docs/performance.md), and a worker must keep memory for the pages of everyone else.
MAX_READING = 2
_READING = threading.BoundedSemaphore(MAX_READING)
BUSY = (
    "servern läser redan andra uppladdningar",
    "samma uppladdning igen: försök igen om en stund",
)


class UploadRejected(Exception):
    """The upload has problems and nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} fel; inget sparades")
        self.problems = problems


class UndoRefused(Exception):
    """The upload cannot be undone; the message says why, in Swedish."""


# ---- the public operations ------------------------------------------------------------------


def preview(store: Store, uploads: Sequence[UploadFile], scope: Scope | None = None) -> Preview:
    """Read the files and compare them with the database, writing nothing."""
    with _without_gc(), store.engine.connect() as conn:
        plans, problems = _plan(conn, uploads, scope)
    return Preview([plan.preview() for plan in plans], problems)


def commit(
    store: Store, uploads: Sequence[UploadFile], *, user_name: str, scope: Scope | None = None
) -> list[SavedFile]:
    """Write all files in one transaction, one upload record per file; UploadRejected if wrong.

    `scope` refuses rows the uploader may not write (dashboard.upload.upload_scope); None: everything."""
    # Under the write lock, so a concurrent upload is planned against what this one saves.
    with _without_gc(), store.writing(user_name) as w:
        conn = w.conn
        plans, problems = _plan(conn, uploads, scope)
        if problems:
            raise UploadRejected(problems)
        if any(plan.inserts or plan.updates for plan in plans):
            w.results_ended()  # every kept goal result may have changed
        else:
            w.results_untouched()
        context = _Context(conn, [])  # ids as the writes create them
        saved = [_apply(conn, plan, context, user_name) for plan in _in_write_order(plans)]
        add_reported_periods(conn, (period for plan in plans for period in _inserted_periods(plan)))
        w.audited()  # each file's upload record
        return saved


def _inserted_periods(plan: _FilePlan) -> Iterator[tuple[int, str]]:
    """The (year, period) of each measurement row the file inserts."""
    if plan.table_map.table is measurement_t and plan.inserts:
        years, periods = plan.parsed.columns["year"], plan.parsed.columns["period"]
        yield from {(years[i], periods[i]) for i in plan.inserts}


def undo(store: Store, upload_id: int, *, user_name: str) -> UndoResult:
    """Restore what an upload replaced and remove the rows it added; UndoRefused if impossible."""
    try:
        with store.writing(user_name) as w:
            w.results_ended()
            result = _undo(w.conn, upload_id, user_name)
            refresh_reported_periods(w.conn)
            w.audited()  # the upload record's undone_at and undone_by
            return result
    except IntegrityError as error:
        raise UndoRefused(
            f"Uppladdning {upload_id} kan inte ångras: senare uppladdningar använder rader som den "
            "lade till (t.ex. värden för en ny enhet eller indikator). Ångra dem först."
        ) from error


def list_uploads(store: Store, upload_id: int | None = None) -> list[Upload]:
    """Every recorded upload, newest first (or only the one with this id)."""
    stmt = select(upload_t).order_by(upload_t.c.id.desc())
    if upload_id is not None:
        stmt = stmt.where(upload_t.c.id == upload_id)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    return [
        Upload(
            **{name: row[name] for name in Upload.__dataclass_fields__ if name != "kind_label"},
            kind_label=kind_label(row["kind"]),
        )
        for row in rows
    ]


def find_upload(store: Store, upload_id: int) -> Upload | None:
    """One upload by id, or None."""
    found = list_uploads(store, upload_id)
    return found[0] if found else None


def stored_records(store: Store, kind: str) -> list[tuple]:
    """A table's rows as records of a layout (codes, not ids), sorted by business key."""
    with store.engine.connect() as conn:
        return records_in(conn, kind)


def records_in(conn: Connection, kind: str) -> list[tuple]:
    """`stored_records` on a given connection, e.g. one snapshot for every table of a dump."""
    layout = BY_KIND[kind]
    rows = conn.execute(_stored_rows(layout)).all()
    fields = len(layout.fields)
    key_at = itemgetter(*(layout.fields.index(name) for name in layout.key))
    return sorted((tuple(row[:fields]) for row in rows), key=key_at)


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


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cycle collector while an upload runs.

    A million rows are millions of new lists and tuples, none in a cycle; collecting them
    over and over took a fifth of an import's time (docs/benchmarks.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def kind_label(kind: str) -> str:
    """The Swedish name of an upload's kind."""
    return BY_KIND[kind].label if kind in BY_KIND else kind


# ---- planning: read, check, compare ---------------------------------------------------------


@dataclass
class _FilePlan:
    """One file's rows and what each would do to the database."""

    parsed: ParsedFile
    kind: str | None  # as uploaded: "kolada" stays "kolada" though its rows are measurements
    inserts: list[int] | range = field(default_factory=list)  # row indexes
    updates: list[tuple[int, Row]] = field(default_factory=list)  # row index, the stored row
    unchanged: int = 0

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
        readable = self.kind is not None
        return FilePreview(
            file_name=parsed.name,
            kind=self.kind,
            kind_label=kind_label(self.kind) if readable else "okänt format",
            encoding=parsed.encoding,
            separator=SEPARATORS.get(parsed.separator, ""),
            rows=len(parsed.rows),
            new=len(self.inserts),
            changed=len(self.updates),
            unchanged=self.unchanged,
            changes=self._sample_changes(),
            new_rows=[describe_key(self.layout, self._key(i)) for i in self.inserts[:SAMPLE_SIZE]],
            notes=parsed.notes,
        )

    def _key(self, index: int) -> tuple:
        return tuple(self.parsed.columns[name][index] for name in self.layout.key)

    def _sample_changes(self) -> list[Change]:
        changes = []
        for index, old in self.updates[:SAMPLE_SIZE]:
            fields = self.layout.fields
            key = describe_key(self.layout, self._key(index))
            for name in self.value_fields():
                before, after = old[fields.index(name)], self.parsed.columns[name][index]
                if before != after:
                    value_type = self.layout.column(name).type
                    changes.append(
                        Change(
                            key,
                            self.parsed.header(name),
                            value_type.format(before),
                            value_type.format(after),
                        )
                    )
        return changes


def _plan(
    conn: Connection, uploads: Sequence[UploadFile], scope: Scope | None
) -> tuple[list[_FilePlan], list[Problem]]:
    try:
        with reading_slot():
            return _checked_plans(conn, uploads, scope)
    except Busy:
        return [], [Problem(upload.name, None, None, None, *BUSY) for upload in uploads]


def _checked_plans(
    conn: Connection, uploads: Sequence[UploadFile], scope: Scope | None
) -> tuple[list[_FilePlan], list[Problem]]:
    parsed = [read_upload(upload) for upload in uploads]
    context = _Context(conn, [p for p in parsed if p.columns])
    plans = [
        _FilePlan(
            context.kolada_as_measurements(p) if p.layout is KOLADA and p.columns else p,
            p.layout.kind if p.layout else None,
        )
        for p in parsed
    ]
    readable = [plan for plan in plans if plan.parsed.columns]  # not refused as a whole
    _check_across_files(readable)
    for plan in readable:
        _check_references(plan.parsed, context)
        _check_tree(conn, plan.parsed)
    if scope is not None:
        scope.check(conn, [plan.parsed for plan in readable])
    problems = [problem for plan in plans for problem in sorted(plan.parsed.problems, key=_row)]
    if not problems:
        for plan in plans:
            _compare(conn, plan)
    return plans, problems


def _row(problem: Problem) -> int:
    return problem.row or 0


def _in_write_order(plans: list[_FilePlan]) -> list[_FilePlan]:
    return sorted(plans, key=lambda plan: LAYOUTS.index(plan.layout))


class _Context:
    """The codes the database and the files of this upload define, loaded on first use."""

    def __init__(self, conn: Connection, files: list[ParsedFile]) -> None:
        self.conn = conn
        self.files = files
        self._ids: dict[str, dict[str, int]] = {}

    def ids(self, table: Table) -> dict[str, int]:
        """Code → id of a coded table (org_unit, goal, indicator, activity) in the database."""
        if table.name not in self._ids:
            self._ids[table.name] = dict(self.conn.execute(select(table.c.code, table.c.id)).all())
        return self._ids[table.name]

    def refresh(self, table: Table) -> None:
        """Forget a table's codes after writing to it."""
        self._ids.pop(table.name, None)

    def known(self, table: Table) -> set[str]:
        """Codes of a table in the database or given by a file of this upload."""
        known = set(self.ids(table))
        for parsed in self.files:
            kind = parsed.layout.kind
            if kind in TABLES and TABLES[kind].table is table:
                known.update(code for code in parsed.columns["code"] if is_valid(code))
        return known

    def kolada_orgs(self) -> dict[str, str]:
        """Kolada id → organisation code, from the database and this upload's Kolada mapping."""
        query = select(kolada_org_t.c.kolada_id, org_t.c.code).join(
            org_t, org_t.c.id == kolada_org_t.c.org_id
        )
        mapping = dict(self.conn.execute(query).all())
        for parsed in self._files_of("kolada_orgs"):
            mapping |= dict(zip(parsed.columns["kolada_id"], parsed.columns["org_code"]))
        return mapping

    def kolada_kpis(self) -> dict[str, list[str]]:
        """Kolada KPI id → the codes of the indicators that carry it."""
        query = select(indicator_t.c.code, indicator_t.c.kolada_kpi).where(
            indicator_t.c.kolada_kpi.is_not(None)
        )
        kpi_of = dict(self.conn.execute(query).all())
        for parsed in self._files_of("indicators"):
            if "kolada_kpi" in parsed.columns:
                kpi_of |= dict(zip(parsed.columns["code"], parsed.columns["kolada_kpi"]))
        indicators: dict[str, list[str]] = defaultdict(list)
        for code, kpi in sorted(kpi_of.items()):
            if is_valid(code, kpi):
                indicators[kpi].append(code)
        return indicators

    def _files_of(self, kind: str) -> Iterator[ParsedFile]:
        return (parsed for parsed in self.files if parsed.layout.kind == kind)

    def kolada_as_measurements(self, kolada: ParsedFile) -> ParsedFile:
        """A Kolada file's values as outcome rows (period FY) of the mapped indicators and units."""
        fields = (
            "indicator_code",
            "org_code",
            "year",
            "period",
            "gender",
            "outcome",
            "value_status",
        )
        headers = {"indicator_code": kolada.header("kpi"), "org_code": kolada.header("kolada_id")}
        headers |= {name: kolada.header(name) for name in ("year", "gender", "outcome")}
        result = replace(
            kolada,
            layout=MEASUREMENTS,
            rows=[],
            headers=headers,
            columns={name: [] for name in fields},
            problems=list(kolada.problems),
        )
        orgs, kpis = self.kolada_orgs(), self.kolada_kpis()
        known_orgs, known_indicators = self.known(org_t), self.known(indicator_t)
        source = [
            kolada.columns[name]
            for name in ("kpi", "kolada_id", "year", "gender", "outcome", "value_status")
        ]
        for index, (kpi, place, year, gender, outcome, status) in enumerate(zip(*source)):
            indicators = kpis.get(kpi) or ([kpi] if kpi in known_indicators else [])
            org = orgs.get(place) or (place if place in known_orgs else None)
            if is_valid(kpi) and not indicators:
                result.problems.append(
                    kolada.problem(
                        index,
                        "kpi",
                        kpi,
                        "ingen indikator har detta Kolada-kpi",
                        f"en indikator med {kpi} i kolumnen kolada-kpi, eller med koden {kpi}",
                    )
                )
            if is_valid(place) and org is None:
                result.problems.append(
                    kolada.problem(
                        index,
                        "kolada_id",
                        place,
                        "okänt Kolada-id",
                        f"en rad för {place} i Kolada-kopplingen, eller en organisation "
                        f"med koden {place}",
                    )
                )
            for indicator in indicators if org else ():
                result.rows.append(kolada.rows[index])
                row = (indicator, org, year, "FY", gender, outcome, status)
                for column, value in zip(result.columns.values(), row):
                    column.append(value)
        check_duplicates(result)
        return result


def _check_across_files(plans: list[_FilePlan]) -> None:
    """Two files of one upload may not both give the same row."""
    by_table: dict[str, list[_FilePlan]] = defaultdict(list)
    for plan in plans:
        by_table[plan.table_map.table.name].append(plan)
    for same_table in by_table.values():
        first: dict[tuple, tuple[str, int]] = {}
        for plan in same_table if len(same_table) > 1 else ():
            parsed = plan.parsed
            keys = list(zip(*(parsed.columns[name] for name in plan.layout.key)))
            for index, key in enumerate(keys):
                if key in first:
                    headers = ", ".join(parsed.header(name) for name in plan.layout.key)
                    parsed.problems.append(
                        Problem(
                            parsed.name,
                            parsed.rows[index],
                            headers,
                            describe_key(plan.layout, key),
                            "samma nyckel som i {} rad {}".format(*first[key]),
                            "varje rad i bara en av filerna",
                        )
                    )
            first.update((key, (parsed.name, row)) for key, row in zip(keys, parsed.rows))


def _check_references(parsed: ParsedFile, context: _Context) -> None:
    """Every code must exist in the database or in a file of the same upload."""
    for name, table in TABLES[parsed.layout.kind].refs.items():
        values = parsed.columns.get(name, ())
        unknown = {value for value in set(values) if is_valid(value)} - context.known(table)
        for index, value in enumerate(values):
            if value in unknown:
                parsed.problems.append(
                    parsed.problem(index, name, value, UNKNOWN[table.name], KNOWN_CODE)
                )


@dataclass(frozen=True)
class _TreeRule:
    """Which level a parent must have, for organisation units and for goals."""

    levels: Choice
    fits: Callable[[int, int], bool]  # (parent level, own level)
    needs_parent: Callable[[int], bool]
    expected: Callable[[int], str]  # what the parent of a level should be


TREE_RULES = {
    "org_units": _TreeRule(
        ORG_LEVEL,
        lambda parent, own: parent < own,
        lambda own: own > 1,
        lambda own: (
            f"en organisation på högre nivå än {ORG_LEVEL.format(own)}"
            if own > 1
            else "ingen överordnad: en stad är högst upp"
        ),
    ),
    "goals": _TreeRule(
        GOAL_LEVEL,
        lambda parent, own: parent == own - 1,
        lambda own: False,
        lambda own: (
            f"ett {GOAL_LEVEL.format(own - 1)}"
            if own > 1
            else "inget överordnat mål: inriktningsmål är högst upp"
        ),
    ),
}


def _check_tree(conn: Connection, parsed: ParsedFile) -> None:
    """A parent must sit at the right level above its children, after this file is applied."""
    rule = TREE_RULES.get(parsed.layout.kind)
    if rule is None:
        return
    table = TABLES[parsed.layout.kind].table
    parent = table.alias("parent")
    stored = select(table.c.code, table.c.level, parent.c.code).outerjoin(
        parent, parent.c.id == table.c.parent_id
    )
    tree = {code: [level, parent_code] for code, level, parent_code in conn.execute(stored)}
    row_of: dict[str, int] = {}
    parents = parsed.columns.get("parent_code")
    for index, (code, level) in enumerate(zip(parsed.columns["code"], parsed.columns["level"])):
        if not is_valid(code):
            continue
        entry = tree.setdefault(code, [None, None])
        entry[0] = level
        if parents is not None:
            entry[1] = parents[index]
        row_of[code] = index
    for code, (level, parent_code) in tree.items():
        if code in row_of:
            _check_parent(parsed, rule, tree, row_of[code], level, parent_code)
        elif parent_code in row_of:
            _check_child(parsed, rule, row_of[parent_code], tree[parent_code][0], code, level)


def _check_child(
    parsed: ParsedFile, rule: _TreeRule, index: int, parent_level: Any, code: str, level: int
) -> None:
    """A row below one in the file, itself not in it, must still fit that row's new level."""
    if is_valid(parent_level) and not rule.fits(parent_level, level):
        parsed.problems.append(
            parsed.problem(
                index,
                "level",
                rule.levels.format(parent_level),
                f'underordnade "{code}" har nivån {rule.levels.format(level)}',
                "en nivå som passar de underordnade",
            )
        )


def _check_parent(
    parsed: ParsedFile, rule: _TreeRule, tree: dict, index: int, level: Any, parent_code: Any
) -> None:
    if not is_valid(level):
        return
    if parent_code is None:
        if rule.needs_parent(level):
            parsed.problems.append(
                parsed.problem(index, "parent_code", "", "överordnad saknas", rule.expected(level))
            )
        return
    parent_level = tree.get(parent_code, [None])[0]
    if is_valid(parent_level) and not rule.fits(parent_level, level):
        parsed.problems.append(
            parsed.problem(
                index,
                "parent_code",
                parent_code,
                f"den överordnade har nivån {rule.levels.format(parent_level)}",
                rule.expected(level),
            )
        )


def _compare(conn: Connection, plan: _FilePlan) -> None:
    """Sort the file's rows into new, changed and unchanged against the stored rows."""
    layout, columns = plan.layout, plan.parsed.columns
    query = _stored_rows(layout)
    if "year" in layout.key:  # a year's outcomes need not load the other years'
        query = query.where(plan.table_map.table.c.year.in_(sorted(set(columns["year"]))))
    stored_key = _getter([layout.fields.index(name) for name in layout.key])
    stored_values = _getter([layout.fields.index(name) for name in plan.value_fields()])
    stored = {stored_key(row): row for row in conn.execute(query)}
    if not stored:
        plan.inserts = range(len(plan.parsed.rows))  # not a list: eight bytes a row less
        return
    count = len(plan.parsed.rows)
    keys = _tuples([columns[name] for name in layout.key], count)
    values = _tuples([columns[name] for name in plan.value_fields()], count)
    for index, (key, value) in enumerate(zip(keys, values)):
        old = stored.get(key)
        if old is None:
            plan.inserts.append(index)
        elif stored_values(old) != value:
            plan.updates.append((index, old))
        else:
            plan.unchanged += 1


def _stored_rows(layout: Layout) -> Select:
    """The table's rows as layout fields (codes, not ids), then primary key, upload and ids."""
    table_map = TABLES[layout.kind]
    table = table_map.table
    joined, selected = table, []
    for name in layout.fields:
        if name in table_map.refs:
            other = table_map.refs[name].alias(name)
            joined = joined.outerjoin(other, other.c.id == table.c[table_map.column(name)])
            selected.append(other.c.code.label(name))
        else:
            selected.append(table.c[name].label(name))
    selected.append(table.c.upload_id.label("old_upload_id"))
    selected += [table.c[table_map.column(name)].label(f"id_{name}") for name in table_map.refs]
    selected += [
        table.c[name].label(label)
        for name, label in _key_labels(layout).items()
        if label.startswith("key_")
    ]
    return select(*selected).select_from(joined)


def _key_labels(layout: Layout) -> dict[str, str]:
    """Primary key column → its label in `_stored_rows`, which selects each column only once."""
    table_map = TABLES[layout.kind]
    columns = {table_map.column(name): name for name in layout.fields}
    return {
        column.name: (
            f"id_{columns[column.name]}"
            if columns.get(column.name) in table_map.refs
            else columns.get(column.name, f"key_{column.name}")
        )
        for column in table_map.table.primary_key.columns
    }


def _getter(indexes: list[int]) -> Callable[[Sequence], Any]:
    """Picks the values at indexes: a scalar for one, a tuple for several (as `_tuples` gives)."""
    return itemgetter(*indexes) if indexes else (lambda row: ())


def _tuples(columns: list[list], count: int) -> Iterable:
    """The rows' values of these columns, one at a time: a list of tuples took 100 bytes a row."""
    if not columns:
        return repeat((), count)
    return columns[0] if len(columns) == 1 else zip(*columns)


# ---- writing --------------------------------------------------------------------------------


def _apply(conn: Connection, plan: _FilePlan, context: _Context, user_name: str) -> SavedFile:
    table = plan.table_map.table
    saved = SavedFile(
        plan.parsed.name,
        plan.kind,
        table.name,
        None,
        len(plan.inserts),
        len(plan.updates),
        plan.unchanged,
    )
    if not plan.inserts and not plan.updates:
        return saved  # nothing changes, so nothing is recorded
    upload_id = conn.execute(
        insert(upload_t).values(
            created_at=dt.datetime.now(dt.UTC),
            user_name=user_name,
            file_name=plan.parsed.name,
            kind=plan.kind,
            checksum=plan.parsed.checksum,
            rows_inserted=saved.inserted,
            rows_updated=saved.updated,
            rows_unchanged=saved.unchanged,
            status=ACTIVE,
        )
    ).inserted_primary_key[0]
    _insert_rows(conn, plan, context, upload_id)
    _update_rows(conn, plan, context, upload_id)
    if table is org_t:
        _refresh_paths(conn)
    if "code" in table.c:
        context.refresh(table)
    return replace(saved, upload_id=upload_id)


def _insert_rows(conn: Connection, plan: _FilePlan, context: _Context, upload_id: int) -> None:
    table = plan.table_map.table
    groups = [plan.inserts]
    if "parent_id" in table.c:  # parents first: a level at a time, ids known before children
        levels = plan.parsed.columns["level"]
        groups = [
            [i for i in plan.inserts if levels[i] == level]
            for level in sorted({levels[i] for i in plan.inserts})
        ]
    fields = [
        column.field
        for column in plan.layout.columns
        if column.field in plan.parsed.columns or column.default is not None
    ]
    extra = {"upload_id": upload_id, **plan.table_map.extra}
    for group in groups:
        _insert(conn, table, *_table_columns(plan, group, fields, context, extra))
        context.refresh(table)


def _update_rows(conn: Connection, plan: _FilePlan, context: _Context, upload_id: int) -> None:
    if not plan.updates:
        return
    table, table_map = plan.table_map.table, plan.table_map
    fields = plan.value_fields()
    names, columns = _table_columns(
        plan, [index for index, _ in plan.updates], fields, context, {"upload_id": upload_id}
    )
    stored = [old._mapping for _, old in plan.updates]
    keys = _key_labels(plan.layout)
    key_columns = [[row[label] for row in stored] for label in keys.values()]
    _update(conn, table, names, list(keys), columns + key_columns)
    old_columns = [table_map.column(name) for name in fields] + ["upload_id"]
    old_labels = [f"id_{name}" if name in table_map.refs else name for name in fields]
    old_labels.append("old_upload_id")
    changes = [
        (
            upload_id,
            table.name,
            _json(dict(zip(keys, key))),
            _json(dict(zip(old_columns, (row[label] for label in old_labels)))),
            row["old_upload_id"],
        )
        for row, key in zip(stored, zip(*key_columns))
    ]
    names = ["upload_id", "table_name", "row_key", "old_values", "previous_upload_id"]
    _insert(conn, change_t, names, list(zip(*changes)))


def _table_columns(
    plan: _FilePlan,
    indexes: list[int],
    fields: list[str],
    context: _Context,
    extra: Mapping[str, Any],
) -> tuple[list[str], list[Sequence]]:
    """The rows' columns as the table stores them: codes become ids, absent fields defaults."""
    table_map, columns = plan.table_map, plan.parsed.columns
    whole = len(indexes) == len(plan.parsed.rows)
    names, values = [], []
    for name in fields:
        if name not in columns:
            cells = [plan.layout.column(name).default] * len(indexes)
        else:
            cells = columns[name] if whole else [columns[name][i] for i in indexes]
            if name in table_map.refs:
                ids = context.ids(table_map.refs[name])
                cells = [None if code is None else ids[code] for code in cells]
        names.append(table_map.column(name))
        values.append(cells)
    names += list(extra)
    values += [[value] * len(indexes) for value in extra.values()]
    return names, values


def _insert(conn: Connection, table: Table, names: list[str], columns: list[Sequence]) -> None:
    """Insert rows given column by column: COPY on PostgreSQL, executemany elsewhere."""
    rows = _rows(conn, table, names, columns)
    quote = conn.dialect.identifier_preparer.quote
    into = f"{quote(table.name)} ({', '.join(map(quote, names))})"
    if conn.dialect.name == "postgresql":  # a third faster than executemany (docs/benchmarks.md)
        if len(columns[0]) >= LARGE_INSERT and _may_skip_triggers(conn):
            _copy_then_check_references(conn, table, into, dict(zip(names, columns)), rows)
        else:
            _copy(conn, into, rows)
        return
    sql = f"INSERT INTO {into} VALUES ({', '.join([_mark(conn)] * len(names))})"
    while batch := list(islice(rows, BATCH_SIZE)):
        conn.exec_driver_sql(sql, batch)


def _may_skip_triggers(conn: Connection) -> bool:
    """Whether this role may set session_replication_role: a superuser, or granted SET on it.

    Asked before every large insert, so a GRANT or REVOKE (docs/deployment.md) counts at once."""
    if conn.dialect.server_version_info < (15,):  # parameters have had privileges since 15
        return conn.exec_driver_sql("SHOW is_superuser").scalar() == "on"
    return conn.exec_driver_sql(
        "SELECT has_parameter_privilege('session_replication_role', 'SET')"
    ).scalar()


def _copy_then_check_references(
    conn: Connection,
    table: Table,
    into: str,
    columns: Mapping[str, Sequence],
    rows: Iterable[tuple],
) -> None:
    """COPY without the per-row foreign-key triggers, then check each foreign key in one query.

    PostgreSQL checks a foreign key with a trigger per row (a SELECT … FOR KEY SHARE of the
    parent row): 80 % of the server's time in a large COPY into `measurement`.
    `session_replication_role = replica` skips triggers (the schema has no others) for this
    COPY only, and unlike dropping the keys it takes no lock, so readers go on
    (docs/performance.md). Then, as the triggers would, every distinct id of each key is
    looked up and its parent row locked FOR KEY SHARE; one missing rejects the upload, and
    the transaction rolls back with everything it wrote.
    """
    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
    _copy(conn, into, rows)
    conn.exec_driver_sql("SET LOCAL session_replication_role = origin")
    problems = []
    for key in table.foreign_keys:
        used = set(columns.get(key.parent.name, ())) - {None}
        parent = key.column
        found = select(parent).where(parent == any_(literal(sorted(used), ARRAY(parent.type))))
        missing = used - set(
            conn.execute(found.with_for_update(read=True, key_share=True)).scalars()
        )
        if missing:
            shown = ", ".join(map(str, sorted(missing)[:SAMPLE_SIZE]))
            what = UNKNOWN.get(parent.table.name, f"id som saknas i {parent.table.name}")
            problems.append(Problem(table.name, None, key.parent.name, shown, what, KNOWN_CODE))
    if problems:
        raise UploadRejected(problems)


def _copy(conn: Connection, into: str, rows: Iterable[tuple]) -> None:
    """COPY rows into `table (columns)` on PostgreSQL."""
    cursor = conn.connection.driver_connection.cursor()
    with cursor, cursor.copy(f"COPY {into} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _update(
    conn: Connection, table: Table, names: list[str], keys: list[str], columns: list[Iterable]
) -> None:
    """Set `names` in the rows found by `keys`; columns hold the new values, then the keys."""
    quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
    rows = _rows(conn, table, names + keys, columns)
    if conn.dialect.name == "postgresql":
        _update_from_copy(conn, table, names, keys, rows)
        return
    assignments = ", ".join(f"{quote(name)} = {mark}" for name in names)
    condition = " AND ".join(f"{quote(name)} = {mark}" for name in keys)
    sql = f"UPDATE {quote(table.name)} SET {assignments} WHERE {condition}"
    while batch := list(islice(rows, BATCH_SIZE)):
        conn.exec_driver_sql(sql, batch)


def _update_from_copy(
    conn: Connection, table: Table, names: list[str], keys: list[str], rows: Iterable[tuple]
) -> None:
    """COPY the new values into a temporary table, then one UPDATE … FROM it.

    An executemany of UPDATEs by key, though pipelined, took 1.5-2 times as long (100 000
    rows: 3.9-4.5 s against 2.1-2.9 s, on a loaded machine; docs/performance.md).
    """
    quote = conn.dialect.identifier_preparer.quote
    target, staged = quote(table.name), quote(f"staged_{table.name}")
    columns = ", ".join(map(quote, names + keys))
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {staged} AS SELECT {columns} FROM {target} WITH NO DATA"
    )
    _copy(conn, f"{staged} ({columns})", rows)
    conn.exec_driver_sql(f"ANALYZE {staged}")  # how many rows, so the planner joins them sensibly
    assignments = ", ".join(f"{quote(name)} = staged.{quote(name)}" for name in names)
    condition = " AND ".join(f"{target}.{quote(name)} = staged.{quote(name)}" for name in keys)
    conn.exec_driver_sql(
        f"UPDATE {target} SET {assignments} FROM {staged} AS staged WHERE {condition}"
    )
    conn.exec_driver_sql(f"DROP TABLE {staged}")


def _rows(
    conn: Connection, table: Table, names: list[str], columns: list[Iterable]
) -> Iterator[tuple]:
    """Rows for the driver, each value converted by its column's SQLAlchemy type.

    Core's own executemany spends more time per row than the database does, so the bulk of
    an upload bypasses it; the statements stay plain INSERT, UPDATE and COPY.
    """
    dialect = conn.dialect
    converted = []
    for name, cells in zip(names, columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        converted.append(map(process, cells) if process else cells)
    return zip(*converted)


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"  # SQLite; psycopg


def _json(values: dict) -> str:
    return json.dumps(values, default=_json_value)


def _refresh_paths(conn: Connection) -> None:
    """Recompute every organisation's materialised path ("/1/4/17/") after the tree changed."""
    rows = conn.execute(select(org_t.c.id, org_t.c.parent_id, org_t.c.path)).all()
    parent_of = {row.id: row.parent_id for row in rows}
    paths: dict[int, str] = {}

    def path(org_id: int) -> str:
        if org_id not in paths:
            parent = parent_of[org_id]
            paths[org_id] = (path(parent) if parent else "/") + f"{org_id}/"
        return paths[org_id]

    changed = [{"key_id": row.id, "path": path(row.id)} for row in rows if path(row.id) != row.path]
    if changed:
        conn.execute(update(org_t).where(org_t.c.id == bindparam("key_id")), changed)


def _json_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {value!r} as JSON")


# ---- undo -----------------------------------------------------------------------------------


def _undo(conn: Connection, upload_id: int, user_name: str) -> UndoResult:
    upload = conn.execute(select(upload_t).where(upload_t.c.id == upload_id)).first()
    if upload is None:
        raise UndoRefused(f"Uppladdning {upload_id} finns inte.")
    name = f"Uppladdning {upload_id} ({upload.file_name})"
    if upload.status == UNDONE:
        raise UndoRefused(f"{name} är redan ångrad.")
    later = (
        conn.execute(
            select(upload_t.c.id)
            .distinct()
            .join(change_t, change_t.c.upload_id == upload_t.c.id)
            .where(change_t.c.previous_upload_id == upload_id, upload_t.c.status == ACTIVE)
            .order_by(upload_t.c.id)
        )
        .scalars()
        .all()
    )
    if later:
        numbers = ", ".join(map(str, later))
        raise UndoRefused(
            f"{name} kan inte ångras: senare uppladdning {numbers} har ändrat samma "
            "rader. Ångra den eller dem först."
        )
    edited = _edited_in_app(conn, upload_id)
    if edited:
        raise UndoRefused(
            f"{name} kan inte ångras: {edited} av de målbedömningar eller aktiviteter den ändrade har sedan "
            "dess sparats i Kontrollrummet, och en ångring skulle skriva över dem."
        )
    restored = _restore(conn, upload_id)
    deleted = sum(
        conn.execute(delete(table).where(table.c.upload_id == upload_id)).rowcount
        for table in reversed(DATA_TABLES)
    )
    _refresh_paths(conn)
    conn.execute(
        update(upload_t)
        .where(upload_t.c.id == upload_id)
        .values(
            status=UNDONE,
            undone_at=dt.datetime.now(dt.UTC),
            undone_by=user_name,
        )
    )
    return UndoResult(upload_id, upload.file_name, restored, deleted)


def _edited_in_app(conn: Connection, upload_id: int) -> int:
    """How many assessments and activities the upload updated have since been saved from a web form.

    A form save clears the row's upload_id (dashboard/followup/assessments.py, activity_followups.py),
    so such a row no longer carries this upload's id.
    """
    edited = 0
    for table in EDITED_IN_APP:
        keys = conn.execute(
            select(change_t.c.row_key).where(
                change_t.c.upload_id == upload_id, change_t.c.table_name == table.name
            )
        ).scalars()
        for row_key in keys:
            key = json.loads(row_key)
            current = conn.execute(
                select(table.c.upload_id).where(
                    *(table.c[name] == value for name, value in key.items())
                )
            ).scalar()
            edited += current != upload_id
    return edited


def _restore(conn: Connection, upload_id: int) -> int:
    """Put back the values the upload replaced, upload_id included; returns the row count."""
    rows = conn.execute(
        select(change_t.c.table_name, change_t.c.row_key, change_t.c.old_values)
        .where(change_t.c.upload_id == upload_id)
        .order_by(change_t.c.id)
    ).all()
    by_table: dict[str, list[dict]] = defaultdict(list)
    for table_name, row_key, old_values in rows:
        table = Base.metadata.tables[table_name]
        values = {
            name: _from_json(table, name, value) for name, value in json.loads(old_values).items()
        }
        keys = {
            f"key_{name}": _from_json(table, name, value)
            for name, value in json.loads(row_key).items()
        }
        by_table[table_name].append(values | keys)
    for table_name, params in by_table.items():
        table = Base.metadata.tables[table_name]
        keys = [column.name for column in table.primary_key.columns]
        by_key = update(table).where(*(table.c[name] == bindparam(f"key_{name}") for name in keys))
        conn.execute(by_key, params)
    return len(rows)


def _from_json(table: Table, name: str, value: Any) -> Any:
    if value is not None and isinstance(table.c[name].type, Date):
        return dt.date.fromisoformat(value)
    return value
