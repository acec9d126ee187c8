"""Every difference between SQLite and PostgreSQL that the store handles, in one module.

Everything else in the store writes one query for both. Each section below is one concern;
the upload's bulk writes add theirs as a section of their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite

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


# ---- kept results -----------------------------------------------------------------------------


def insert_or_else(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ON CONFLICT on both backends."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


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
