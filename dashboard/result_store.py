"""Reads and writes the kept goal results (schema_results.py) at the level of rows.

Writers call `invalidate` inside their own transaction, so new data and the end of the old
results commit together. Readers tag what they judge with the generation they read before
judging: results judged while a write committed carry the older generation and are never
read, so no stale result outlives the write that made it stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from dashboard.database import SQLITE_BUSY_TIMEOUT_MS
from dashboard.schema_results import GoalResultRecord, ResultGenerationRecord

result_t = GoalResultRecord.__table__
generation_t = ResultGenerationRecord.__table__


def invalidate(conn: Connection) -> None:
    """End every kept result, in the writer's transaction (which holds the write lock)."""
    conn.execute(update(generation_t).values(generation=generation_t.c.generation + 1))
    current = select(generation_t.c.generation).scalar_subquery()
    conn.execute(result_t.delete().where(result_t.c.generation < current))


def generation(engine: Engine) -> int:
    """The current generation: read before judging, and kept with what is judged."""
    with engine.connect() as conn:
        return conn.execute(select(generation_t.c.generation)).scalar_one()


def kept(engine: Engine, year: int, period: str, rules: str) -> list:
    """The period's results of the current generation judged by these rules, as rows."""
    stmt = (
        select(result_t)
        .join(generation_t, generation_t.c.generation == result_t.c.generation)
        .where(result_t.c.year == year, result_t.c.period == period, result_t.c.rules == rules)
    )
    with engine.connect() as conn:
        return list(conn.execute(stmt))


def keep(engine: Engine, rows: Sequence[dict]) -> bool:
    """Store judged results unless that would wait; whether they were stored.

    A page must not wait for an upload's write lock (SQLite) nor fail because another
    worker stored the same results first: either way the results are simply not kept.
    """
    if not rows:
        return True
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # on the driver's connection, outside any transaction SQLAlchemy tracks
            conn.connection.driver_connection.execute("PRAGMA busy_timeout=0")
        try:
            with conn.begin():
                conn.execute(insert(result_t), list(rows))
        except (IntegrityError, OperationalError):
            return False
        finally:
            if sqlite:
                conn.connection.driver_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    return True
