"""Everything kept between requests, and how it is never stale: one scheme, two places.

What is derived from the data is kept against the version of the data it was derived from,
and the write path (writing.py) is what moves that version on:
- goal results, in the database (schema_results.py), shared by every worker: kept per
  generation, which `Writing.results_ended` raises (`invalidate`; an upload of outcomes
  carries the results of the years it does not touch over) or whose changed results a
  writer judges again (`replace`), in the write's own transaction;
- summaries over all years (summaries.py), in the database and in each process: kept per
  generation and upload log, which every upload, undo and dataset write moves on in its
  transaction; `invalidate` deletes the older generations' summaries with their results;
  a summary of one year's data alone is kept per generation and carried over like the goal
  results of its year.

Reads and writes of the kept goal results at the level of rows:

Writers call `invalidate` inside their own transaction, so new data and the end of the old
results commit together; a writer that knows exactly which results it changes (an
assessment, an activity's follow-up) judges those again in its transaction and `replace`s
them instead. Readers tag what they judge with the generation they read before judging:
results judged while a write committed carry the older generation and are never read, so
no stale result outlives the write that made it stale.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    bindparam,
    select,
    update,
)

from dashboard.domain.model import Goal
from dashboard.store import dialect
from dashboard.store.dialect import one_of
from dashboard.store.schema_results import GoalResultRecord, ResultGenerationRecord
from dashboard.store.summaries import summary_t
from dashboard.store.tables import (
    GOAL_COLUMNS,
    among,
    assessment_t,
    goal_from_row,
    goal_t,
    org_t,
    path_ids,
    table_of,
    valid_in,
)

result_t = table_of(GoalResultRecord)
generation_t = table_of(ResultGenerationRecord)


def invalidate(
    conn: Connection,
    years: Collection[int] | None = None,
    org_codes: Collection[str] | None = None,
) -> None:
    """End the kept results, in the writer's transaction (which holds the write lock): every
    one, or only those of `years` when the write changes nothing another year's goals are
    judged from (outcomes of those years); of those, only the ones at `org_codes` and the
    organisations above them when the outcomes are theirs (a goal is judged from its
    organisation's outcomes and those below it, docs/rules.md §3a). The other results, and the
    summaries of one other year's data alone (`Store.year_summary`), are carried over to the
    new generation, so a backfill of 2019 does not make every page of 2026 judge or count
    again, nor a unit's report the other units' pages.

    The results of the generation ending now stay until the next write: readers may be
    keeping some of them at this moment, and on PostgreSQL an insert whose key a running
    transaction deletes waits for that transaction, so deleting them made every page that
    judged during an upload wait for the upload to end."""
    older = select(generation_t.c.generation).scalar_subquery()  # read before the raise
    conn.execute(result_t.delete().where(result_t.c.generation < older))
    conn.execute(summary_t.delete().where(summary_t.c.generation < older))
    if years is not None:
        ended: ColumnElement[bool] = result_t.c.year.in_(sorted(years))
        if org_codes is not None:
            ended &= result_t.c.org_id.in_(_with_those_above(conn, org_codes))
        carried = (result_t.c.generation == older) & ~ended
        conn.execute(update(result_t).where(carried).values(generation=older + 1))
        of_years = (
            (summary_t.c.generation == older)
            & summary_t.c.year.is_not(None)
            & summary_t.c.year.not_in(sorted(years))
        )
        conn.execute(update(summary_t).where(of_years).values(generation=older + 1))
    conn.execute(update(generation_t).values(generation=generation_t.c.generation + 1))


def _with_those_above(conn: Connection, org_codes: Collection[str]) -> list[int]:
    """The organisations' ids and those of every organisation above them, from their paths
    ("/1/4/17/")."""
    paths = conn.execute(select(org_t.c.path).where(org_t.c.code.in_(sorted(org_codes))))
    return sorted({org_id for path in paths.scalars() for org_id in path_ids(path)})


def generation(engine: Engine) -> int:
    """The current generation: read before judging, and kept with what is judged."""
    with engine.connect() as conn:
        current: int = conn.execute(_generation_select()).scalar_one()
        return current


@cache
def _generation_select() -> Select[tuple[int]]:
    """Built once: every page reads the generation (docs/performance.md, issue 20)."""
    return select(generation_t.c.generation)


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
    "basis",
)


def kept(
    engine: Engine, year: int, period: str, rules: str, goal_ids: Collection[int] | None = None
) -> list[tuple[Any, ...]]:
    """The period's results of the current generation judged by these rules (of these goals
    only, if given: a page's few cards need not read the whole city's): tuples of
    `BRIEF_COLUMNS`."""
    values: dict[str, Any] = {"year": year, "period": period, "rules": rules}
    if goal_ids is not None:
        values["goal_ids"] = sorted(goal_ids)
    with engine.connect() as conn:
        return list(conn.execute(_kept_in_period(goal_ids is not None), values).tuples())


def kept_over(
    engine: Engine,
    periods: Collection[tuple[int, str]],
    rules: str,
    goal_ids: Collection[int],
    org_ids: Collection[int],
) -> list[tuple[Any, ...]]:
    """`kept` of a few goals at a few organisations over several periods in one read (a goal's
    trend: one statement, not one per period): tuples of (year, period, *`BRIEF_COLUMNS`).
    Only the organisations asked for: every organisation's were three times as many rows on the
    demo's Översikt, and grow with the city."""
    wanted = set(periods)
    values = {
        "years": sorted({year for year, _ in wanted}),
        "periods": sorted({period for _, period in wanted}),
        "rules": rules,
        "goal_ids": sorted(goal_ids),
        "org_ids": sorted(org_ids),
    }
    with engine.connect() as conn:  # the years × the periods, of which the pairs asked for
        rows = conn.execute(_kept_over_select(), values).tuples()
        return [row for row in rows if (row[0], row[1]) in wanted]


# The reads of kept results are built once and run with bound values (:year, :period, :rules,
# :goal_ids, :periods): building one took SQLAlchemy longer than running it (issue 20).


@cache
def _kept_in_period(of_goals: bool) -> Select[Any]:
    """`kept`, of the :goal_ids only if `of_goals`."""
    stmt = _kept_select(()).where(
        result_t.c.year == bindparam("year"), result_t.c.period == bindparam("period")
    )
    if of_goals:
        stmt = stmt.where(one_of(result_t.c.goal_id, "goal_ids"))
    return stmt


@cache
def _kept_over_select() -> Select[Any]:
    """`kept_over`."""
    columns = (result_t.c.year, result_t.c.period)
    return _kept_select(columns).where(
        one_of(result_t.c.year, "years"),
        one_of(result_t.c.period, "periods"),
        one_of(result_t.c.goal_id, "goal_ids"),
        one_of(result_t.c.org_id, "org_ids"),
    )


def _kept_select(first: Sequence[ColumnElement[Any]]) -> Select[Any]:
    """Kept results of the current generation by :rules. The generation compared, not joined:
    SQLite then finds the rows by the whole primary key (year, period, generation, rules, goal,
    organisation) instead of scanning every kept result (320 → 25 µs for a trend on the demo)."""
    current = _generation_select().scalar_subquery()
    return select(*first, *(result_t.c[name] for name in BRIEF_COLUMNS)).where(
        result_t.c.generation == current, result_t.c.rules == bindparam("rules")
    )


def assessed(
    engine: Engine,
    org_ids: Sequence[int] | None,
    year: int,
    period: str,
    generation: int,
    rules: str,
) -> list[tuple[Goal, int, tuple[Any, ...] | None]]:
    """Every goal valid in the year assessed by the organisations (None: all) for the period:
    (goal, organisation id, its kept result as `BRIEF_COLUMNS` or None), by level and code.

    One query reads the assessed goals with their kept results: at the whole city's 2,250
    assessments, a second read of every kept result cost 10 ms on PostgreSQL."""
    r = result_t
    kept_on = (
        (r.c.goal_id == goal_t.c.id)
        & (r.c.org_id == assessment_t.c.org_id)
        & (r.c.year == year)
        & (r.c.period == period)
        & (r.c.generation == generation)
        & (r.c.rules == rules)
    )
    stmt = (
        select(*GOAL_COLUMNS, assessment_t.c.org_id, *(r.c[name] for name in BRIEF_COLUMNS))
        .join(assessment_t, assessment_t.c.goal_id == goal_t.c.id)
        .outerjoin(r, kept_on)
        .where(
            among(assessment_t.c.org_id, org_ids),
            assessment_t.c.year == year,
            assessment_t.c.period == period,
            valid_in(year),
        )
        .order_by(goal_t.c.level, goal_t.c.code, assessment_t.c.org_id)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    width = len(GOAL_COLUMNS)
    return [
        (
            goal_from_row(row[:width]),
            row[width],
            None if row[width + 1] is None else tuple(row[width + 1 :]),
        )
        for row in rows
    ]


def replace(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or overwrite results in a writer's transaction, judged there on its own changes.

    Overwriting waits for, then wins over, a reader keeping the same result judged before
    the write; a reader keeping one after the write leaves the writer's (see `keep`).
    """
    if rows:
        insert = dialect.insert_or_else(conn, result_t)
        values = {name: insert.excluded[name] for name in rows[0] if name not in _KEY}
        conn.execute(insert.on_conflict_do_update(index_elements=_KEY, set_=values), list(rows))


def keep(engine: Engine, rows: Sequence[dict[str, Any]]) -> bool:
    """Store judged results unless that would wait; whether they were stored.

    A page must not wait for an upload's write lock (SQLite): then the results are simply
    not kept. A result another worker or a writer kept first stays as it is. On a writer's
    connection they are kept in its transaction (the first pages prepared with an upload).
    """
    return not rows or dialect.keep_rows(engine, result_t, rows, _KEY)


_KEY = [column.name for column in result_t.primary_key]
