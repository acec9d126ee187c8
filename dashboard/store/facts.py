"""Reads of indicator facts: each goal's indicators with targets and readings, per organisation.

What `control_room.judge` judges from; the heaviest queries of every page, each one statement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Engine,
    FromClause,
    Select,
    Subquery,
    bindparam,
    or_,
    select,
    true,
    union_all,
)

from dashboard.domain.model import Gender, Indicator, IndicatorFact, Measurement, Reading, Target
from dashboard.store.dialect import one_of
from dashboard.store.request_reads import RequestReads
from dashboard.store.tables import (
    goal_t,
    indicator_from_row,
    indicator_t,
    link_t,
    measurement_t,
    org_t,
    reading_from,
    target_from_row,
    target_t,
)

MAX_ROOTS = 20  # `measured_below` reads the whole city rather than OR more subtrees than this


class Measured(NamedTuple):
    """An organisation that measures an indicator in a year: its path, target and total reading."""

    org_id: int
    path: str
    indicator_id: int
    target: Target | None
    reading: Reading | None


class FactReads:
    """The store's reads of indicator facts (a part of `Store`)."""

    engine: Engine
    _request: RequestReads

    def goal_indicator_facts(
        self, org_ids: Sequence[int], year: int, period: str, goal_ids: Sequence[int]
    ) -> list[IndicatorFact]:
        """Each indicator of the goals with each organisation's target and total reading.

        Only indicators an organisation measures itself (has a target or reading for in the
        year) are returned; `control_room.judge` rolls the others up from the organisations
        below that measure them, or lists them as not measured here (docs/rules.md §3a).
        """
        values = {"org_ids": list(org_ids), "goal_ids": list(goal_ids), "year": year}
        return self._facts(_goal_facts_select(), values | {"period": period})

    def goal_links(self, goal_ids: Sequence[int]) -> dict[int, list[tuple[Indicator, float]]]:
        """Each goal's linked indicators with their weights, by indicator code: measured or not.
        Each goal's read once in a request (the Målsida judges its goal with its child goals now,
        and alone at the previous period)."""
        found = {goal_id: self._request.known(("goal links", goal_id)) for goal_id in goal_ids}
        missing = [goal_id for goal_id, links in found.items() if links is None]
        if missing:
            for goal_id, links in self._links(missing).items():
                found[goal_id] = links
                self._request.note(("goal links", goal_id), links)
        return {goal_id: list(links) for goal_id, links in found.items()}

    def _links(self, goal_ids: Sequence[int]) -> dict[int, list[tuple[Indicator, float]]]:
        links: dict[int, list[tuple[Indicator, float]]] = {goal_id: [] for goal_id in goal_ids}
        with self.engine.connect() as conn:
            for row in conn.execute(_links_select(), {"goal_ids": list(goal_ids)}).mappings():
                links[row["goal_id"]].append((indicator_from_row(row), row["weight"]))
        return links

    def measured_below(
        self, indicator_ids: Sequence[int], roots: Sequence[int] | None, year: int, period: str
    ) -> list[Measured]:
        """Every organisation within the roots (None: the whole city) that measures one of the
        indicators in the year (a target or a row for it), with its target and total reading.

        Callers keep those below each root by its id in the path; past `MAX_ROOTS` roots, or a
        root at the top, the whole city is read. Roots a request knows have nothing below them
        (their neighbourhood was read: a unit's Målsida) read nothing."""
        if roots and all(self._request.known(("org children", root)) == () for root in roots):
            return []
        paths: list[str] = []
        if roots is not None and len(roots) <= MAX_ROOTS:
            paths = self._paths(roots)
            if any(path.count("/") <= 2 for path in paths):  # a root is the city itself
                paths = []
        stmt = _measured_below_select(len(paths))
        values: dict[str, Any] = {f"path_{i}": path for i, path in enumerate(paths)}
        values |= {"indicator_ids": list(indicator_ids), "year": year, "period": period}
        with self.engine.connect() as conn:
            return [
                Measured(
                    row["org_id"],
                    row["path"],
                    row["indicator_id"],
                    target_from_row(row),
                    None
                    if row["value_status"] is None
                    else reading_from(row["outcome"], row["forecast"], row["value_status"]),
                )
                for row in conn.execute(stmt, values).mappings()
            ]

    def _paths(self, org_ids: Sequence[int]) -> list[str]:
        """The organisations' paths, by id; those a request has read already (an organisation's
        row brings its path) are not read again."""
        known = {org_id: self._request.known(("org path", org_id)) for org_id in org_ids}
        missing = sorted(org_id for org_id, path in known.items() if path is None)
        if missing:
            with self.engine.connect() as conn:
                for org_id, path in conn.execute(_paths_select(), {"ids": missing}):
                    known[org_id] = path
                    self._request.note(("org path", org_id), path)
        return [path for _, path in sorted(known.items()) if path is not None]

    def measurements(
        self,
        indicator_ids: Sequence[int],
        org_ids: Sequence[int],
        period: str,
        years: Sequence[int] | None = None,
    ) -> list[Measurement]:
        """Readings of every gender for the indicators and organisations in one period; all years
        if none given."""
        values: dict[str, Any] = {"indicator_ids": list(indicator_ids), "org_ids": list(org_ids)}
        values |= {"period": period, "years": list(years or ())}
        with self.engine.connect() as conn:
            return [
                Measurement(
                    row.indicator_id,
                    row.org_id,
                    row.year,
                    row.period,
                    Gender(row.gender),
                    reading_from(row.outcome, row.forecast, row.value_status),
                )
                for row in conn.execute(_measurements_select(years is not None), values)
            ]

    def targets(
        self,
        indicator_ids: Sequence[int],
        org_ids: Sequence[int],
        years: Sequence[int] | None = None,
    ) -> dict[tuple[int, int, int], Target]:
        """Targets keyed by (indicator id, organisation id, year); all years if none given."""
        values = {"indicator_ids": list(indicator_ids), "org_ids": list(org_ids)}
        values["years"] = list(years or ())
        with self.engine.connect() as conn:
            return {
                (row.indicator_id, row.org_id, row.year): Target(
                    row.target, row.partly_limit, row.council_target
                )
                for row in conn.execute(_targets_select(years is not None), values)
            }

    def own_goal_indicator_facts(
        self, goal_ids: Sequence[int], year: int, period: str
    ) -> list[IndicatorFact]:
        """Like `goal_indicator_facts`, but each goal only at the organisation that owns it.

        The whole city's nämnd- and enhetsmål each at its own organisation: driven by the
        goals' owners, so no goal × organisation cross product is ever formed.
        """
        values = {"goal_ids": list(goal_ids), "year": year, "period": period}
        return self._facts(_own_facts_select(), values)

    def pair_facts(
        self,
        own_goal_ids: Sequence[int],
        org_ids: Sequence[int],
        goal_ids: Sequence[int],
        year: int,
        period: str,
    ) -> list[IndicatorFact]:
        """`own_goal_indicator_facts` of `own_goal_ids` and `goal_indicator_facts` of `goal_ids`
        at `org_ids`, in one statement, unordered: a Målsida judges its goal at the organisation
        and below it, and its child goals each at its own (one read less, issue 20)."""
        values: dict[str, Any] = {"own_goal_ids": list(own_goal_ids), "org_ids": list(org_ids)}
        values |= {"goal_ids": list(goal_ids), "year": year, "period": period}
        return self._facts(_pair_facts_select(), values)

    def _facts(
        self, stmt: Select[Any] | CompoundSelect[Any], values: dict[str, Any]
    ) -> list[IndicatorFact]:
        with self.engine.connect() as conn:
            indicators: dict[int, Indicator] = {}  # thousands of rows share a few dozen indicators
            return [_fact(row, indicators) for row in conn.execute(stmt, values).mappings()]


# The statements below are built once per process and run with bound values (`:name`): building
# one of these joins took SQLAlchemy 1-2 ms of Python per call, running it prepared 0.1 ms, and
# a Målsida ran five of them (issue 20, docs/performance.md). They hold no data, only SQL.


def _bound(name: str) -> Any:
    """A value bound when the statement runs."""
    return bindparam(name)


@cache
def _goal_facts_select() -> Select[Any]:
    """`goal_indicator_facts`: :org_ids, :goal_ids, :year, :period."""
    stmt = _product_facts()
    org_id = stmt.selected_columns.org_id
    return stmt.order_by(link_t.c.goal_id, org_id, indicator_t.c.code)


@cache
def _own_facts_select() -> Select[Any]:
    """`own_goal_indicator_facts`: :goal_ids, :year, :period."""
    return _own_facts("goal_ids").order_by(link_t.c.goal_id, indicator_t.c.code)


@cache
def _pair_facts_select() -> CompoundSelect[Any]:
    """`pair_facts`: :own_goal_ids, and :goal_ids at :org_ids, in :year and :period."""
    return union_all(_own_facts("own_goal_ids"), _product_facts())


def _product_facts() -> Select[Any]:
    """Each of the :goal_ids' indicators at each of the :org_ids that measures it."""
    measured = _measured_pairs()
    return _facts_select(
        measured.c.org_id,
        lambda source: source.join(measured, measured.c.indicator_id == link_t.c.indicator_id),
    ).where(one_of(link_t.c.goal_id, "goal_ids"))


def _own_facts(goal_ids: str) -> Select[Any]:
    """Each of the goals' (bound to :`goal_ids`) indicators at the goal's own organisation, if it
    measures it."""
    return _facts_select(
        goal_t.c.org_id, lambda source: source.join(goal_t, goal_t.c.id == link_t.c.goal_id)
    ).where(one_of(link_t.c.goal_id, goal_ids), _measures(goal_t.c.org_id))


@cache
def _links_select() -> Select[Any]:
    """`goal_links`: :goal_ids."""
    return (
        select(link_t.c.goal_id, link_t.c.weight, *indicator_t.c)
        .join(indicator_t, indicator_t.c.id == link_t.c.indicator_id)
        .where(one_of(link_t.c.goal_id, "goal_ids"))
        .order_by(link_t.c.goal_id, indicator_t.c.code)
    )


@cache
def _measurements_select(of_years: bool) -> Select[Any]:
    """`measurements`: :indicator_ids at :org_ids in :period, of :years only if `of_years`."""
    m = measurement_t
    stmt = select(m).where(
        one_of(m.c.indicator_id, "indicator_ids"),
        one_of(m.c.org_id, "org_ids"),
        m.c.period == _bound("period"),
    )
    if of_years:
        stmt = stmt.where(one_of(m.c.year, "years"))
    return stmt.order_by(m.c.year)


@cache
def _targets_select(of_years: bool) -> Select[Any]:
    """`targets`: :indicator_ids at :org_ids, of :years only if `of_years`."""
    t = target_t
    stmt = select(t).where(one_of(t.c.indicator_id, "indicator_ids"), one_of(t.c.org_id, "org_ids"))
    if of_years:
        stmt = stmt.where(one_of(t.c.year, "years"))
    return stmt


# What a fact carries of its organisation's target and total reading, in the order read back.
_TARGET_AND_READING = (
    target_t.c.target,
    target_t.c.partly_limit,
    target_t.c.council_target,
    measurement_t.c.outcome,
    measurement_t.c.forecast,
    measurement_t.c.value_status,
)


@cache
def _paths_select() -> Select[Any]:
    """The organisations' ids and paths: :ids."""
    return select(org_t.c.id, org_t.c.path).where(one_of(org_t.c.id, "ids"))


@cache
def _measured_below_select(roots: int) -> Select[Any]:
    """`measured_below` within `roots` subtrees (:path_0 …; none: the whole city):
    :indicator_ids, :year, :period."""
    m, o = measurement_t, org_t
    within: ColumnElement[bool] = true()
    if roots:
        within = or_(*(o.c.path.startswith(bindparam(f"path_{i}")) for i in range(roots)))
    year = _bound("year")
    pairs = (
        select(target_t.c.indicator_id, target_t.c.org_id)
        .where(one_of(target_t.c.indicator_id, "indicator_ids"), target_t.c.year == year)
        .union(
            select(m.c.indicator_id, m.c.org_id).where(
                one_of(m.c.indicator_id, "indicator_ids"), m.c.year == year
            )
        )
        .subquery("measured")
    )
    return (
        select(
            pairs.c.indicator_id,
            pairs.c.org_id,
            o.c.path,
            *_TARGET_AND_READING,
        )
        .select_from(
            pairs.join(o, o.c.id == pairs.c.org_id)
            .outerjoin(
                target_t,
                (target_t.c.indicator_id == pairs.c.indicator_id)
                & (target_t.c.org_id == pairs.c.org_id)
                & (target_t.c.year == year),
            )
            .outerjoin(
                m,
                (m.c.indicator_id == pairs.c.indicator_id)
                & (m.c.org_id == pairs.c.org_id)
                & (m.c.year == year)
                & (m.c.period == _bound("period"))
                & (m.c.gender == Gender.TOTAL.value),
            )
        )
        .where(within)
        .order_by(o.c.path, pairs.c.indicator_id)
    )


def _facts_select(
    org_id: ColumnElement[int], add_organisations: Callable[[FromClause], FromClause]
) -> Select[Any]:
    """The indicator-facts SELECT: goal links and indicators, joined by `add_organisations`
    to the table holding `org_id`, with that organisation's target and total reading in
    :year and :period."""
    m, year = measurement_t, _bound("year")
    source = add_organisations(link_t.join(indicator_t, indicator_t.c.id == link_t.c.indicator_id))
    target_on = (target_t.c.indicator_id == link_t.c.indicator_id) & (target_t.c.org_id == org_id)
    reading_on = (
        (m.c.indicator_id == link_t.c.indicator_id) & (m.c.org_id == org_id) & (m.c.year == year)
    )
    return select(
        link_t.c.goal_id,
        org_id.label("org_id"),
        link_t.c.weight,
        *indicator_t.c,
        *_TARGET_AND_READING,
    ).select_from(
        source.outerjoin(target_t, target_on & (target_t.c.year == year)).outerjoin(
            m, reading_on & (m.c.period == _bound("period")) & (m.c.gender == Gender.TOTAL.value)
        )
    )


def _measures(org_id: ColumnElement[int]) -> ColumnElement[bool]:
    """SQL: the organisation has a target or a measurement for the linked indicator in :year
    (one row's check)."""
    conditions = []
    for table in (
        target_t.alias(),
        measurement_t.alias(),
    ):  # aliases: no correlation with the outer joins
        key = (
            (table.c.indicator_id == link_t.c.indicator_id)
            & (table.c.org_id == org_id)
            & (table.c.year == _bound("year"))
        )
        conditions.append(select(table.c.indicator_id).where(key).exists())
    return conditions[0] | conditions[1]


def _measured_pairs() -> Subquery:
    """SQL: the (indicator, organisation) pairs with a target or a measurement in :year at
    :org_ids.

    A UNION the planner can drive from the (org_id, year, …) indexes; an OR of two EXISTS
    per row took a second on PostgreSQL at Stockholm scale.
    """
    year = _bound("year")
    targets = select(target_t.c.indicator_id, target_t.c.org_id).where(
        one_of(target_t.c.org_id, "org_ids"), target_t.c.year == year
    )
    readings = select(measurement_t.c.indicator_id, measurement_t.c.org_id).where(
        one_of(measurement_t.c.org_id, "org_ids"), measurement_t.c.year == year
    )
    return targets.union(readings).subquery("measured")


def _fact(row: Any, indicators: dict[int, Indicator]) -> IndicatorFact:
    target = target_from_row(row)
    has_reading = row["value_status"] is not None
    reading = (
        reading_from(row["outcome"], row["forecast"], row["value_status"]) if has_reading else None
    )
    indicator = indicators.get(row["id"]) or indicators.setdefault(
        row["id"], indicator_from_row(row)
    )
    return IndicatorFact(row["goal_id"], row["org_id"], indicator, row["weight"], target, reading)
