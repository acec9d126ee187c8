"""Every difference between SQLite and PostgreSQL that the store handles, in one module.

Everything else in the store writes one query for both. Each section below is one concern;
the upload's bulk writes add theirs as a section of their own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ARRAY,
    URL,
    BindParameter,
    Boolean,
    ColumnElement,
    Connection,
    Dialect,
    Engine,
    String,
    Table,
    TypeDecorator,
    any_,
    bindparam,
    create_engine,
    event,
    literal,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.sql.visitors import InternalTraversal, _TraverseInternalsType

# PostgreSQL advisory lock keys: any constants, unique to Kontrollrummet within a database.
WRITE_LOCK = 7_301_001
MIGRATION_LOCK = 7_301_002
CONNECT_TIMEOUT_S = 10  # connecting to a database host that does not answer gives up, not hangs
SQLITE_BUSY_TIMEOUT_MS = 10_000  # several workers may write at once; a writer waits this long


# ---- engines ----------------------------------------------------------------------------------


def engine_for(url: URL) -> Engine:
    """An engine for a URL: a server gets pre-ping and a connect timeout, SQLite its pragmas."""
    if url.drivername == "postgresql":  # the driver we ship is psycopg 3
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        # pre-ping: after a database restart, dead pooled connections are replaced unseen
        engine = create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
        if engine.dialect.name == "postgresql":
            event.listen(engine, "do_connect", _name_connection)
        return engine
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _name_connection(
    _dialect: object, _record: object, _args: object, params: dict[str, Any]
) -> None:
    """Name each connection after its process, so pg_stat_activity shows which worker holds it."""
    params.setdefault("application_name", f"kontrollrummet[{os.getpid()}]")


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


# ---- locks ------------------------------------------------------------------------------------


def lock_writes(conn: Connection) -> None:
    """Make this transaction the only one writing until it ends; others wait here.

    Two uploads that read the database before either wrote would both insert the same new
    rows (a unique violation) or record stale values for undo. Taken before the writer
    reads anything, the second one plans against what the first saved.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif conn.dialect.name == "sqlite":  # SQLite's write lock, waited for up to busy_timeout
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """On PostgreSQL, one migration at a time across machines; SQLite's file lock suffices."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:  # held on its own connection while Alembic uses another
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})


# ---- snapshots --------------------------------------------------------------------------------


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see the database as of the first one, writes going on or not."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with conn.begin():
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN")  # the driver would run each SELECT on its own
            yield conn


# ---- lists of values ---------------------------------------------------------------------------


class _ValueList(TypeDecorator[Sequence[Any]]):
    """A list of `item` values bound as one parameter: a JSON array on SQLite, an array of the
    column's type on PostgreSQL (bound with a cast to it)."""

    impl = String
    cache_ok = True

    def __init__(self, item: TypeEngine[Any]) -> None:
        super().__init__()
        self.item = item

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        listed = String() if dialect.name == "sqlite" else ARRAY(self.item)
        return dialect.type_descriptor(listed)

    def process_bind_param(self, value: Sequence[Any] | None, dialect: Dialect) -> Any:
        values = list(value or ())
        return json.dumps(values) if dialect.name == "sqlite" else values


class OneOf(ColumnElement[bool]):
    """`column IN (the values)` with the values bound as one parameter (`one_of`)."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition: SQLite needs no `= 1` after it
    _traverse_internals: _TraverseInternalsType = [  # noqa: RUF012 (SQLAlchemy's own form)
        ("column", InternalTraversal.dp_clauseelement),
        ("values", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: ColumnElement[Any], values: BindParameter[Any]) -> None:
        self.column = column
        self.values = values


def one_of(column: ColumnElement[Any], name: str) -> OneOf:
    """SQL: `column` is one of the list bound to :name (a sequence; empty: none).

    An expanding `IN` (`column.in_(bindparam(name, expanding=True))`) is rewritten for each
    call's number of values after the statement is compiled: SQLAlchemy's post-compile step,
    about 80 µs a statement, a millisecond on a Målsida (issue 20, docs/performance.md). One
    parameter keeps the compiled statement as it is: `IN (SELECT value FROM json_each(…))` on
    SQLite, `= ANY(…)` on PostgreSQL; both use the column's index."""
    return OneOf(column, bindparam(name, type_=_ValueList(column.type)))


@compiles(OneOf, "postgresql")
def _one_of_array(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    values = compiler.process(element.values, **kw)
    return f"{compiler.process(element.column, **kw)} = ANY({values})"


@compiles(OneOf)
def _one_of_json(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    values = compiler.process(element.values, **kw)
    return f"{compiler.process(element.column, **kw)} IN (SELECT value FROM json_each({values}))"


# ---- kept results -----------------------------------------------------------------------------


def insert_or_else(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ON CONFLICT on both backends."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def keep_rows(
    engine: Engine, table: Table, rows: Sequence[Mapping[str, Any]], key: Sequence[str]
) -> bool:
    """Insert derived rows unless a row with the same `key` is there; whether they were stored.

    On a writer's connection (`Store.within`, already in its transaction) they are written in
    that transaction, seen with the write when it commits. Elsewhere in a transaction of their
    own that fails at once rather than wait for an upload's lock (SQLite): then they are not
    stored, and a page never waits for an upload."""
    with engine.connect() as conn:
        insert = insert_or_else(conn, table).on_conflict_do_nothing(index_elements=key)
        if conn.in_transaction():
            conn.execute(insert, list(rows))
            return True
        with without_waiting(conn):
            try:
                with conn.begin():
                    conn.execute(insert, list(rows))
            except OperationalError:  # SQLite: "database is locked"
                return False
    return True


@contextmanager
def without_waiting(conn: Connection) -> Iterator[None]:
    """On SQLite, this connection's writes fail at once rather than wait for the write lock.

    Set on the driver's connection, outside any transaction SQLAlchemy tracks; PostgreSQL's
    row locks are short, so there nothing changes."""
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute("PRAGMA busy_timeout=0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


# ---------------------------------------------------------------- Upload bulk writes
# An upload writes its rows straight to the driver, column by column: COPY on PostgreSQL,
# executemany elsewhere, which keeps a million rows to seconds (docs/benchmarks.md).

BATCH_SIZE = 20_000
LARGE_INSERT = 1_000  # rows from which PostgreSQL checks foreign keys once, not per row
SAMPLE_SIZE = 20  # missing ids named per foreign key


@dataclass(frozen=True)
class MissingParent:
    """Ids a large insert gave in a foreign-key column that its parent table does not hold."""

    table: str
    column: str
    parent_table: str
    ids: tuple[Any, ...]  # at most SAMPLE_SIZE, sorted


class MissingReferences(Exception):
    """A large PostgreSQL insert referred to rows that do not exist; the caller rolls back."""

    def __init__(self, missing: list[MissingParent]) -> None:
        super().__init__(", ".join(f"{m.table}.{m.column}" for m in missing))
        self.missing = missing


def insert_columns(
    conn: Connection, table: Table, names: list[str], columns: Sequence[Sequence[Any]]
) -> None:
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


def update_columns(
    conn: Connection,
    table: Table,
    names: list[str],
    keys: list[str],
    columns: Sequence[Iterable[Any]],
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


def _may_skip_triggers(conn: Connection) -> bool:
    """Whether this role may set session_replication_role: a superuser, or granted SET on it.

    Asked before every large insert, so a GRANT or REVOKE (docs/deployment.md) counts at once."""
    version = conn.dialect.server_version_info or ()
    if version < (15,):  # parameters have had privileges since 15
        return conn.exec_driver_sql("SHOW is_superuser").scalar() == "on"
    return bool(
        conn.exec_driver_sql(
            "SELECT has_parameter_privilege('session_replication_role', 'SET')"
        ).scalar()
    )


def _copy_then_check_references(
    conn: Connection,
    table: Table,
    into: str,
    columns: Mapping[str, Sequence[Any]],
    rows: Iterable[tuple[Any, ...]],
) -> None:
    """COPY without the per-row foreign-key triggers, then check each foreign key in one query.

    PostgreSQL checks a foreign key with a trigger per row (a SELECT … FOR KEY SHARE of the
    parent row): 80 % of the server's time in a large COPY into `measurement`.
    `session_replication_role = replica` skips triggers (the schema has no others) for this
    COPY only, and unlike dropping the keys it takes no lock, so readers go on
    (docs/performance.md). Then, as the triggers would, every distinct id of each key is
    looked up and its parent row locked FOR KEY SHARE; one missing raises MissingReferences,
    and the caller's transaction rolls back with everything it wrote.
    """
    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
    _copy(conn, into, rows)
    conn.exec_driver_sql("SET LOCAL session_replication_role = origin")
    missing = []
    for key in table.foreign_keys:
        used = set(columns.get(key.parent.name, ())) - {None}
        parent = key.column
        found = select(parent).where(parent == any_(literal(sorted(used), ARRAY(parent.type))))
        absent = used - set(
            conn.execute(found.with_for_update(read=True, key_share=True)).scalars()
        )
        if absent:
            parent_table = getattr(parent.table, "name", "")
            shown = tuple(sorted(absent)[:SAMPLE_SIZE])
            missing.append(MissingParent(table.name, key.parent.name, parent_table, shown))
    if missing:
        raise MissingReferences(missing)


def _copy(conn: Connection, into: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """COPY rows into `table (columns)` on PostgreSQL."""
    driver = conn.connection.driver_connection
    assert driver is not None  # an open Connection has its DBAPI connection
    cursor = driver.cursor()
    with cursor, cursor.copy(f"COPY {into} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _update_from_copy(
    conn: Connection,
    table: Table,
    names: list[str],
    keys: list[str],
    rows: Iterable[tuple[Any, ...]],
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
    conn: Connection, table: Table, names: list[str], columns: Sequence[Iterable[Any]]
) -> Iterator[tuple[Any, ...]]:
    """Rows for the driver, each value converted by its column's SQLAlchemy type.

    Core's own executemany spends more time per row than the database does, so the bulk of
    an upload bypasses it; the statements stay plain INSERT, UPDATE and COPY.
    """
    dialect = conn.dialect
    converted: list[Iterable[Any]] = []
    for name, cells in zip(names, columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        converted.append(map(process, cells) if process else cells)
    return zip(*converted)


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"  # SQLite; psycopg
