"""What SQLite and PostgreSQL do differently, in one module: each section names its writer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import ARRAY, Connection, Table, any_, literal, select

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
