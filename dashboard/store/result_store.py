"""Reads and writes the kept goal results (schema_results.py) at the level of rows.

Writers call `invalidate` inside their own transaction, so new data and the end of the old
results commit together; a writer that knows exactly which results it changes (an
assessment, an activity's follow-up) judges those again in its transaction and `replace`s
them instead. Readers tag what they judge with the generation they read before judging:
results judged while a write committed carry the older generation and are never read, so
no stale result outlives the write that made it stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from dashboard.store.database import SQLITE_BUSY_TIMEOUT_MS
from dashboard.store.schema_results import GoalResultRecord, ResultGenerationRecord

result_t = GoalResultRecord.__table__
generation_t = ResultGenerationRecord.__table__


def invalidate(conn: Connection) -> None:
    """End every kept result, in the writer's transaction (which holds the write lock).

    The results of the generation ending now stay until the next write: readers may be
    keeping some of them at this moment, and on PostgreSQL an insert whose key a running
    transaction deletes waits for that transaction, so deleting them made every page that
    judged during an upload wait for the upload to end."""
    older = select(generation_t.c.generation).scalar_subquery()  # read before the raise
    conn.execute(result_t.delete().where(result_t.c.generation < older))
    conn.execute(update(generation_t).values(generation=generation_t.c.generation + 1))


def generation(engine: Engine) -> int:
    """The current generation: read before judging, and kept with what is judged."""
    with engine.connect() as conn:
        return conn.execute(select(generation_t.c.generation)).scalar_one()


BRIEF_COLUMNS = (
    "goal_id",
    "org_id",
    "status",
    "reason",
    "score",
    "disagreement",
    "assessment_status",
    "assessment_forecast",
    "deviations",
)


def kept(engine: Engine, year: int, period: str, rules: str) -> list[tuple]:
    """The period's results of the current generation judged by these rules: tuples of `BRIEF_COLUMNS`."""
    stmt = (
        select(*(result_t.c[name] for name in BRIEF_COLUMNS))
        .join(generation_t, generation_t.c.generation == result_t.c.generation)
        .where(result_t.c.year == year, result_t.c.period == period, result_t.c.rules == rules)
    )
    with engine.connect() as conn:
        return list(conn.execute(stmt).tuples())


def replace(conn: Connection, rows: Sequence[dict]) -> None:
    """Insert or overwrite results in a writer's transaction, judged there on its own changes.

    Overwriting waits for, then wins over, a reader keeping the same result judged before
    the write; a reader keeping one after the write leaves the writer's (see `keep`).
    """
    if rows:
        insert = _insert(conn)
        values = {name: insert.excluded[name] for name in rows[0] if name not in _KEY}
        conn.execute(insert.on_conflict_do_update(index_elements=_KEY, set_=values), list(rows))


def keep(engine: Engine, rows: Sequence[dict]) -> bool:
    """Store judged results unless that would wait; whether they were stored.

    A page must not wait for an upload's write lock (SQLite): then the results are simply
    not kept. A result another worker or a writer kept first stays as it is.
    """
    if not rows:
        return True
    with engine.connect() as conn:
        sqlite_file = conn.dialect.name == "sqlite"
        if sqlite_file:  # on the driver's connection, outside any transaction SQLAlchemy tracks
            conn.connection.driver_connection.execute("PRAGMA busy_timeout=0")
        try:
            with conn.begin():
                conn.execute(_insert(conn).on_conflict_do_nothing(index_elements=_KEY), list(rows))
        except OperationalError:  # SQLite: "database is locked"
            return False
        finally:
            if sqlite_file:
                conn.connection.driver_connection.execute(
                    f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}"
                )
    return True


_KEY = [column.name for column in result_t.primary_key.columns]


def _insert(conn: Connection):
    """The dialect's INSERT, which has ON CONFLICT on both backends."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(result_t)
