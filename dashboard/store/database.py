"""Engines and migrations: the one place that knows SQLite from PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# PostgreSQL advisory lock keys: any constants, unique to Kontrollrummet within a database.
WRITE_LOCK = 7_301_001
MIGRATION_LOCK = 7_301_002
CONNECT_TIMEOUT_S = 10  # connecting to a database host that does not answer gives up, not hangs
SQLITE_BUSY_TIMEOUT_MS = (
    10_000  # several workers may write at once; a writer waits this long for the lock
)


class DatabaseError(Exception):
    """The database cannot be reached or used; the message is for people."""


def make_engine(url: str) -> Engine:
    """Create the app's engine; SQLite gets foreign keys, WAL and a created parent folder."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseError(f"ogiltig databasadress {url!r}: {error}") from error
    if parsed.drivername == "postgresql":  # the driver we ship is psycopg 3
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        try:
            # pre-ping: after a database restart, dead pooled connections are replaced unseen
            engine = create_engine(
                parsed, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
            )
        except NoSuchModuleError as error:
            raise DatabaseError(f"okänd databastyp i {url!r}") from error
        if engine.dialect.name == "postgresql":
            event.listen(engine, "do_connect", _name_connection)
        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _name_connection(_dialect, _record, _args, params: dict) -> None:
    """Name each connection after its process, so pg_stat_activity shows which worker holds it."""
    params.setdefault("application_name", f"kontrollrummet[{os.getpid()}]")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs the project's migrations on this engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Apply all migrations (creates the schema on an empty database).

    On PostgreSQL, upgrades started at once (say, by several machines) run one after the
    other; the later ones find the schema current and do nothing.
    """
    try:
        with _migration_lock(engine):
            command.upgrade(alembic_config(engine), "head")
    except Exception as error:  # driver errors differ per backend; report them plainly
        raise DatabaseError(describe_failure(engine, error)) from error


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:  # held on its own connection while Alembic uses another
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})


def lock_writes(conn: Connection) -> None:
    """Make this transaction the only one writing uploads until it ends; others wait here.

    Two uploads that read the database before either wrote would both insert the same new
    rows (a unique violation) or record stale values for undo. Taken before the upload
    reads anything, the second one plans against what the first saved.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "BEGIN IMMEDIATE"
        )  # SQLite's write lock, waited for up to busy_timeout


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


def reachable(engine: Engine) -> bool:
    """Whether the database answers a trivial query now."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def is_current(engine: Engine) -> bool:
    """Whether the database has the newest schema (an older one needs `db upgrade`)."""
    if not inspect(engine).has_table("alembic_version"):
        return False
    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == heads


def describe_failure(engine: Engine, error: Exception) -> str:
    """A one-line message naming the database (password hidden) and the driver's reason."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return f"{engine.url.render_as_string(hide_password=True)}: {reason}"


def drop_everything(engine: Engine) -> None:
    """Remove all of Kontrollrummet's tables, the migrations' version table included."""
    from dashboard.store import schema_access, schema_followup, schema_results  # noqa: F401 (their tables must be dropped too)
    from dashboard.store.schema import Base  # the schema is only needed here and in migrations

    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def create_database(server_url: str, prefix: str) -> str:
    """Create a fresh, uniquely named PostgreSQL database on the server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, database_url: str) -> None:
    """Remove a database made by `create_database` (its engines must be disposed)."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(database_url).database}"'))
    admin.dispose()
