"""Reads of forecasts for Prognoser: each forecast paired with the same year's helår outcome,
and the indicators that have a forecast but no outcome in a period."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import ColumnElement, Engine, RowMapping, and_, select

from dashboard.domain.model import Gender, Indicator, Reading, Target, ValueStatus
from dashboard.store.tables import (
    among,
    indicator_from_row,
    indicator_t,
    measurement_t,
    target_from_row,
    target_t,
)

_forecast = measurement_t.alias("forecast")
_outcome = measurement_t.alias("outcome")
_PAIRED = (
    _forecast.join(
        _outcome,
        and_(
            _outcome.c.indicator_id == _forecast.c.indicator_id,
            _outcome.c.org_id == _forecast.c.org_id,
            _outcome.c.year == _forecast.c.year,
            _outcome.c.gender == _forecast.c.gender,
            _outcome.c.period == "FY",
        ),
    )
    .join(indicator_t, indicator_t.c.id == _forecast.c.indicator_id)
    .outerjoin(
        target_t,
        and_(
            target_t.c.indicator_id == _forecast.c.indicator_id,
            target_t.c.org_id == _forecast.c.org_id,
            target_t.c.year == _forecast.c.year,
        ),
    )
)


class Pair(NamedTuple):
    """A tertial's full-year forecast and the helår outcome it forecast."""

    indicator: Indicator
    org_id: int
    year: int
    period: str
    forecast: float
    full_year: float
    target: float | None


class ForecastAlone(NamedTuple):
    """A forecast in a period with no outcome beside it."""

    indicator: Indicator
    org_id: int
    target: Target | None
    reading: Reading


def _paired_where(
    periods: Sequence[str], org_ids: Sequence[int] | None
) -> list[ColumnElement[bool]]:
    """The pairs' conditions, for the organisations (every organisation if None)."""
    scope = [] if org_ids is None else [_forecast.c.org_id.in_(list(org_ids))]
    return [
        *scope,
        _forecast.c.gender == Gender.TOTAL.value,
        _forecast.c.period.in_(list(periods)),
        _forecast.c.forecast.is_not(None),
        _outcome.c.outcome.is_not(None),
    ]


def pairs(
    engine: Engine,
    periods: Sequence[str],
    org_ids: Sequence[int] | None,
    indicator_ids: Sequence[int] | None = None,
) -> list[Pair]:
    """The forecasts of the periods with a helår outcome, of the organisations and indicators
    (None: all), by indicator code, organisation, year and period."""
    stmt = (
        select(
            *indicator_t.c,
            _forecast.c.org_id,
            _forecast.c.year,
            _forecast.c.period,
            _forecast.c.forecast,
            _outcome.c.outcome.label("full_year"),
            target_t.c.target,
        )
        .select_from(_PAIRED)
        .where(*_paired_where(periods, org_ids))
        .order_by(indicator_t.c.code, _forecast.c.org_id, _forecast.c.year, _forecast.c.period)
    )
    if indicator_ids is not None:
        stmt = stmt.where(_forecast.c.indicator_id.in_(list(indicator_ids)))
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators = _indicators_of(rows)
    return [
        Pair(
            indicators[row["id"]],
            row["org_id"],
            row["year"],
            row["period"],
            row["forecast"],
            row["full_year"],
            row["target"],
        )
        for row in rows
    ]


def all_pairs(engine: Engine, periods: Sequence[str], year: int) -> list[Pair]:
    """Every organisation's pairs of the year, unordered: the indicators read once, not joined
    per row (about 47,500 pairs a year at the whole city)."""
    f = _forecast.c
    stmt = (
        select(f.indicator_id, f.org_id, f.year, f.period, f.forecast, _outcome.c.outcome)
        .add_columns(target_t.c.target)
        .select_from(_PAIRED)
        .where(*_paired_where(periods, None), f.year == year)
    )
    with engine.connect() as conn:
        indicators = {
            row["id"]: indicator_from_row(row)
            for row in conn.execute(select(indicator_t)).mappings()
        }
        return [
            Pair(indicators[indicator_id], org_id, year, period, forecast, outcome, target)
            for indicator_id, org_id, year, period, forecast, outcome, target in conn.execute(
                stmt
            ).all()
        ]


def forecasts_alone(
    engine: Engine, org_ids: Sequence[int] | None, year: int, period: str
) -> list[ForecastAlone]:
    """The indicators with a forecast but no outcome in the period at the organisations (None:
    all)."""
    m = measurement_t.c
    stmt = (
        select(
            *indicator_t.c,
            m.org_id,
            m.outcome,
            m.forecast,
            m.value_status,
            target_t.c.target,
            target_t.c.partly_limit,
            target_t.c.council_target,
        )
        .select_from(measurement_t)
        .join(indicator_t, indicator_t.c.id == m.indicator_id)
        .outerjoin(
            target_t,
            and_(
                target_t.c.indicator_id == m.indicator_id,
                target_t.c.org_id == m.org_id,
                target_t.c.year == m.year,
            ),
        )
        .where(
            among(m.org_id, org_ids),
            m.gender == Gender.TOTAL.value,
            m.year == year,
            m.period == period,
            m.outcome.is_(None),
            m.forecast.is_not(None),
        )
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators = _indicators_of(rows)
    return [
        ForecastAlone(
            indicators[row["id"]],
            row["org_id"],
            target_from_row(row),
            Reading(row["outcome"], row["forecast"], ValueStatus(row["value_status"])),
        )
        for row in rows
    ]


def _indicators_of(rows: Iterable[RowMapping]) -> dict[int, Indicator]:
    """The indicators of result rows that carry the indicator's columns, by id."""
    found: dict[int, Indicator] = {}
    for row in rows:
        if row["id"] not in found:
            found[row["id"]] = indicator_from_row(row)
    return found
