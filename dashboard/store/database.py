"""Engines, migrations and databases on a server; what differs per backend is in dialect.py."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from dashboard.store import dialect
from dashboard.store.dialect import (  # noqa: F401 (where callers have always found them)
    SQLITE_BUSY_TIMEOUT_MS,
    WRITE_LOCK,
    snapshot,
)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be reached or used; the message is for people."""


def make_engine(url: str) -> Engine:
    """Create the app's engine (dialect.py sets each backend up); a bad URL is a DatabaseError."""
    try:
        return dialect.engine_for(make_url(url))
    except ArgumentError as error:
        raise DatabaseError(f"ogiltig databasadress {url!r}: {error}") from error
    except NoSuchModuleError as error:
        raise DatabaseError(f"okänd databastyp i {url!r}") from error


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
        with dialect.migration_lock(engine):
            command.upgrade(alembic_config(engine), "head")
    except Exception as error:  # driver errors differ per backend; report them plainly
        raise DatabaseError(describe_failure(engine, error)) from error


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
    from dashboard.store.schemas import METADATA  # only needed here and in migrations

    with engine.begin() as conn:
        METADATA.drop_all(conn)
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
