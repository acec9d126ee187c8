"""The reporting round's SQL (issue 18): deadlines, report states, what each organisation has
to report, and reopening a marked report when its organisation's values change.

Reopening is part of the write path: the SQL that changes an organisation's outcomes,
assessments or follow-ups says so with `changed(conn, keys)` (or `changed_by_upload`), and
`Writing.finish` calls `reopen_changed` before the commit, so no writer can forget it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, tuple_, update

from dashboard.domain.model import Indicator, OrgLevel, OrgUnit, period_end
from dashboard.domain.reporting import MARKED, ReportingPeriod, ReportState, ReportStatus
from dashboard.store.schema_reporting import ReportingDeadlineRecord, ReportStateRecord
from dashboard.store.tables import (
    activity_t,
    activity_update_t,
    assessment_t,
    goal_t,
    indicator_from_row,
    indicator_t,
    measurement_t,
    org_from_row,
    org_t,
    period_order,
    subtree,
    table_of,
    target_t,
    valid_in,
)

deadline_t = table_of(ReportingDeadlineRecord)
state_t = table_of(ReportStateRecord)
ReportKey = tuple[int, int, str]  # (organisation id, year, period)
_CHANGED = "reports_changed"  # in conn.info: the keys this write changed


# ---- deadlines ----------------------------------------------------------------------------
def set_deadlines(
    conn: Connection, year: int, period: str, deadlines: Mapping[OrgLevel, dt.date]
) -> None:
    """Replace a period's deadlines (a level left out has none)."""
    d = deadline_t.c
    conn.execute(delete(deadline_t).where(d.year == year, d.period == period))
    rows = [
        {"year": year, "period": period, "org_level": int(level), "deadline": day}
        for level, day in deadlines.items()
    ]
    if rows:
        conn.execute(insert(deadline_t), rows)


def reporting_periods(engine: Engine) -> list[ReportingPeriod]:
    """Every period with deadlines, oldest first; the last is the one open for reporting."""
    found: dict[tuple[int, str], dict[OrgLevel, dt.date]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(deadline_t)):
            found.setdefault((row.year, row.period), {})[OrgLevel(row.org_level)] = row.deadline
    return [
        ReportingPeriod(year, period, deadlines)
        for (year, period), deadlines in sorted(
            found.items(), key=lambda item: period_order(item[0])
        )
    ]


# ---- report states ------------------------------------------------------------------------
def states(
    engine: Engine, org_ids: Sequence[int], year: int, period: str
) -> dict[int, ReportStatus]:
    """The report state of each of these organisations that has one, by organisation id."""
    s = state_t.c
    stmt = select(state_t).where(s.org_id.in_(list(org_ids)), s.year == year, s.period == period)
    with engine.connect() as conn:
        return {row.org_id: _status(row) for row in conn.execute(stmt)}


def state_of(conn: Connection, key: ReportKey) -> ReportStatus | None:
    """One report's state, read on the writer's connection."""
    row = conn.execute(select(state_t).where(*_where(key))).first()
    return _status(row) if row else None


def put_state(
    conn: Connection, key: ReportKey, state: ReportState, by: str, comment: str = ""
) -> None:
    """Set one report's state, as changed now by `by`."""
    values = {"state": state.value, "changed_at": dt.datetime.now(dt.UTC), "changed_by": by}
    values["comment"] = comment
    if conn.execute(select(state_t.c.state).where(*_where(key))).first() is None:
        org_id, year, period = key
        conn.execute(insert(state_t).values(org_id=org_id, year=year, period=period, **values))
    else:
        conn.execute(update(state_t).where(*_where(key)).values(**values))


def changed(conn: Connection, keys: Iterable[ReportKey]) -> None:
    """These organisations' values for these periods change in this write."""
    conn.info.setdefault(_CHANGED, set()).update(keys)


def changed_by_upload(conn: Connection, upload_id: int) -> None:
    """The rows an upload wrote change in this write: call it after writing them, or before
    undoing them (the rows carry the upload's id until then)."""
    if _any_marked(conn):  # else nothing could reopen: the upload's rows need no reading
        changed(conn, _written_by(conn, upload_id))


def reopen_changed(conn: Connection, by: str) -> list[tuple[str, int, str]]:
    """Reopen every ready or approved report whose values this write changed; the reports
    reopened, as (organisation code, year, period). Called by the unit of work before commit."""
    keys: set[ReportKey] = conn.info.pop(_CHANGED, set())
    if not keys or not _any_marked(conn):
        return []
    s = state_t.c
    which = and_(
        tuple_(s.org_id, s.year, s.period).in_(sorted(keys)),
        s.state.in_([state.value for state in MARKED]),
    )
    stmt = (
        select(org_t.c.code, s.year, s.period)
        .join(org_t, org_t.c.id == s.org_id)
        .where(which)
        .order_by(org_t.c.code)
    )
    reopened = [(code, year, period) for code, year, period in conn.execute(stmt)]
    now = dt.datetime.now(dt.UTC)
    conn.execute(
        update(state_t)
        .where(which)
        .values(state=ReportState.REOPENED.value, changed_at=now, changed_by=by, comment="")
    )
    return reopened


def _any_marked(conn: Connection) -> bool:
    s = state_t.c
    marked = [state.value for state in MARKED]
    return conn.execute(select(s.org_id).where(s.state.in_(marked)).limit(1)).first() is not None


def _written_by(conn: Connection, upload_id: int) -> set[ReportKey]:
    """(organisation, year, period) of every reported value an upload wrote."""
    found: set[ReportKey] = set()
    for table in (measurement_t, assessment_t):
        stmt = select(table.c.org_id, table.c.year, table.c.period).where(
            table.c.upload_id == upload_id
        )
        found.update(conn.execute(stmt.distinct()).tuples())
    u = activity_update_t.c
    stmt = (
        select(activity_t.c.org_id, u.year, u.period)
        .join(activity_t, activity_t.c.id == u.activity_id)
        .where(u.upload_id == upload_id)
    )
    found.update(conn.execute(stmt.distinct()).tuples())
    return found


def _where(key: ReportKey) -> list[Any]:
    org_id, year, period = key
    return [state_t.c.org_id == org_id, state_t.c.year == year, state_t.c.period == period]


def _status(row: Any) -> ReportStatus:
    at = row.changed_at if row.changed_at.tzinfo else row.changed_at.replace(tzinfo=dt.UTC)
    return ReportStatus(
        row.org_id, row.year, row.period, ReportState(row.state), at, row.changed_by, row.comment
    )


# ---- what is due --------------------------------------------------------------------------
def targets(
    engine: Engine, org_ids: Sequence[int], year: int
) -> list[tuple[int, Indicator, float]]:
    """(organisation, indicator, årsmål) of every indicator the organisations have an årsmål
    for in the year: what they report. The indicators are read once each, not joined to each
    of the city's 24,000 årsmål."""
    t = target_t.c
    stmt = (
        select(t.org_id, t.indicator_id, t.target)
        .join(indicator_t, indicator_t.c.id == t.indicator_id)
        .where(t.org_id.in_(list(org_ids)), t.year == year)
        .order_by(t.org_id, indicator_t.c.code)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
        wanted = sorted({indicator_id for _, indicator_id, _ in rows})
        indicators = {
            row["id"]: indicator_from_row(row)
            for row in conn.execute(
                select(indicator_t).where(indicator_t.c.id.in_(wanted))
            ).mappings()
        }
    return [(org_id, indicators[indicator_id], target) for org_id, indicator_id, target in rows]


def totals(
    engine: Engine, org_ids: Sequence[int], periods: Sequence[tuple[int, str]]
) -> dict[tuple[int, int, int, str], tuple[float | None, float | None, str]]:
    """(outcome, forecast, value status) of the total (T) rows of the organisations in these
    periods, by (indicator, organisation, year, period)."""
    m = measurement_t.c
    stmt = select(
        m.indicator_id, m.org_id, m.year, m.period, m.outcome, m.forecast, m.value_status
    ).where(
        m.org_id.in_(list(org_ids)),
        m.gender == "T",
        or_(*(and_(m.year == year, m.period == period) for year, period in periods)),
    )
    with engine.connect() as conn:
        return {
            (indicator_id, org_id, year, period): (outcome, forecast, status)
            for indicator_id, org_id, year, period, outcome, forecast, status in conn.execute(
                stmt
            ).tuples()
        }


def activities_due(
    engine: Engine, org_ids: Sequence[int], year: int, period: str
) -> list[tuple[int, str, str, bool]]:
    """(organisation, activity code, title, followed up) of the organisations' activities that
    run in the year and have started by the period's end; followed up: for this period."""
    a, u = activity_t.c, activity_update_t.c
    followed = (
        select(u.activity_id)
        .where(u.activity_id == a.id, u.year == year, u.period == period)
        .exists()
    )
    stmt = (
        select(a.org_id, a.code, a.title, followed.label("followed"))
        .where(
            a.org_id.in_(list(org_ids)),
            a.start_date <= period_end(year, period),
            a.end_date >= dt.date(year, 1, 1),
        )
        .order_by(a.org_id, a.code)
    )
    with engine.connect() as conn:
        return [(row.org_id, row.code, row.title, bool(row.followed)) for row in conn.execute(stmt)]


def goals_due(
    engine: Engine, org_ids: Sequence[int], year: int, period: str
) -> list[tuple[int, str, str, bool]]:
    """(organisation, goal code, title, assessed) of the goals each organisation assesses: its
    own goals valid in the year and, for a nämnd, the KF goals its nämndmål break down."""
    g, s = goal_t.c, assessment_t.c
    parent = goal_t.alias("parent")
    own = select(g.org_id.label("org_id"), g.id.label("goal_id")).where(
        g.org_id.in_(list(org_ids)), valid_in(year)
    )
    above = (
        select(g.org_id.label("org_id"), parent.c.id.label("goal_id"))
        .join(parent, parent.c.id == g.parent_id)
        .join(org_t, org_t.c.id == g.org_id)
        .where(
            g.org_id.in_(list(org_ids)),
            valid_in(year),
            org_t.c.level == int(OrgLevel.COMMITTEE),
            parent.c.org_id != g.org_id,
        )
    )
    pairs = own.union(above).subquery()
    assessed = (
        select(s.goal_id)
        .where(
            s.goal_id == pairs.c.goal_id,
            s.org_id == pairs.c.org_id,
            s.year == year,
            s.period == period,
        )
        .exists()
    )
    stmt = (
        select(pairs.c.org_id, g.code, g.title, assessed.label("assessed"))
        .join(goal_t, g.id == pairs.c.goal_id)
        .order_by(pairs.c.org_id, g.level, g.code)
    )
    with engine.connect() as conn:
        return [(row.org_id, row.code, row.title, bool(row.assessed)) for row in conn.execute(stmt)]


def subtree_orgs(engine: Engine, org_id: int) -> list[OrgUnit]:
    """The organisation and everything below it, depth first (each after its parent)."""
    stmt = select(org_t).where(org_t.c.id.in_(subtree(org_id))).order_by(org_t.c.path)
    with engine.connect() as conn:
        return [org_from_row(row) for row in conn.execute(stmt).mappings()]
