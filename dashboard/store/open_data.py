"""The SQL of the open-data API (/api/v1/): each resource's rows a page at a time, in a fixed
order so that `offset` walks every row exactly once while the data stands still.

Rows are plain dicts keyed by the API's field names. A measured value goes out only as its
value status lets it count (`model.counted_values`): a protected (skyddad) or not-applicable
row carries no number, whatever the database holds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, select, true

from dashboard.domain.model import ValueStatus, counted_values
from dashboard.store.tables import goal_t, indicator_t, measurement_t, org_t, subtree, valid_in

Row = dict[str, Any]
_VALUE_STATUS = {member.value: member for member in ValueStatus}


def organisations(engine: Engine, within: int | None, limit: int, offset: int) -> list[Row]:
    """The organisation tree (or the subtree of one organisation), parents before children."""
    parent = org_t.alias("parent")
    stmt = (
        select(
            org_t.c.code,
            org_t.c.name,
            org_t.c.level,
            parent.c.code.label("parent_code"),
        )
        .outerjoin(parent, parent.c.id == org_t.c.parent_id)
        .where(_within(org_t.c.id, within))
        .order_by(org_t.c.path)
    )
    return _page(engine, stmt, limit, offset)


def goals(
    engine: Engine, year: int | None, within: int | None, limit: int, offset: int
) -> list[Row]:
    """The goal tree: goals (valid in the year, owned within the organisation), by level and
    code."""
    owner, parent = org_t.alias("owner"), goal_t.alias("parent")
    stmt = (
        select(
            goal_t.c.code,
            goal_t.c.title,
            goal_t.c.level,
            owner.c.code.label("org_code"),
            parent.c.code.label("parent_code"),
            goal_t.c.valid_from,
            goal_t.c.valid_to,
        )
        .join(owner, owner.c.id == goal_t.c.org_id)
        .outerjoin(parent, parent.c.id == goal_t.c.parent_id)
        .where(valid_in(year) if year is not None else true(), _within(goal_t.c.org_id, within))
        .order_by(goal_t.c.level, goal_t.c.code)
    )
    return _page(engine, stmt, limit, offset)


def indicators(engine: Engine, limit: int, offset: int) -> list[Row]:
    """Every indicator's metadata, by code."""
    i = indicator_t.c
    stmt = select(
        i.code, i.name, i.unit, i.direction, i.decimals, i.level, i.gender_split, i.kolada_kpi
    ).order_by(i.code)
    return _page(engine, stmt, limit, offset)


def values(
    engine: Engine,
    filters: tuple[int | None, str | None, int | None, str | None],
    limit: int,
    offset: int,
) -> list[Row]:
    """Measured values per indicator, organisation, period and gender; `filters` are (year,
    period, organisation id whose subtree, indicator code), None where not filtered."""
    year, period, within, indicator = filters
    m = measurement_t.c
    stmt = (
        select(
            indicator_t.c.code.label("indicator_code"),
            org_t.c.code.label("org_code"),
            m.year,
            m.period,
            m.gender,
            m.outcome,
            m.forecast,
            m.value_status,
        )
        .join(indicator_t, indicator_t.c.id == m.indicator_id)
        .join(org_t, org_t.c.id == m.org_id)
        .where(
            m.year == year if year is not None else true(),
            m.period == period if period is not None else true(),
            indicator_t.c.code == indicator if indicator is not None else true(),
            _within(m.org_id, within),
        )
        # The table's key order: the key's index gives a page without sorting two million rows.
        .order_by(m.indicator_id, m.org_id, m.year, m.period, m.gender)
    )
    rows = _page(engine, stmt, limit, offset)
    for row in rows:  # the status wins over any number the row holds
        status = _VALUE_STATUS[row["value_status"]]
        row["outcome"], row["forecast"] = counted_values(row["outcome"], row["forecast"], status)
    return rows


def _within(column: ColumnElement[int], org_id: int | None) -> ColumnElement[bool]:
    return true() if org_id is None else column.in_(subtree(org_id))


def _page(engine: Engine, stmt: Select[Any], limit: int, offset: int) -> list[Row]:
    with engine.connect() as conn:
        result = conn.execute(stmt.limit(limit).offset(offset))
        names = list(result.keys())  # zipped plain tuples: a third of the cost of .mappings()
        return [dict(zip(names, row)) for row in result.tuples()]


def org_ids(engine: Engine, within: int | None) -> list[tuple[int, str]]:
    """(id, code) of every organisation (or of one's subtree), parents before children."""
    stmt = select(org_t.c.id, org_t.c.code).where(_within(org_t.c.id, within))
    with engine.connect() as conn:
        return [(row.id, row.code) for row in conn.execute(stmt.order_by(org_t.c.path))]
