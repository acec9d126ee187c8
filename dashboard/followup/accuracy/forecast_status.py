"""The indicators whose status rests on a forecast alone (the auditors' finding 1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, select

from dashboard.domain import rules
from dashboard.domain.model import (
    Gender,
    Indicator,
    Reading,
    Status,
    ValueStatus,
)
from dashboard.followup.accuracy.checks import indicators_of
from dashboard.store import (
    Store,
    among,
    indicator_t,
    measurement_t,
    target_from_row,
    target_t,
)

# ---- met without outcome --------------------------------------------------------------------


@dataclass(frozen=True)
class ForecastOnly:
    """An indicator at an organisation whose status rests on a forecast alone: no outcome exists."""

    org_id: int
    indicator: Indicator
    result: rules.IndicatorResult


def forecast_only(
    store: Store, org_ids: Sequence[int] | None, year: int, period: str
) -> list[ForecastOnly]:
    """Indicators with a forecast but no outcome in the period at the organisations (None: all),
    judged;
    met ones first."""
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
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators = indicators_of(rows)
    found = [
        ForecastOnly(
            row["org_id"],
            indicators[row["id"]],
            rules.indicator_status(
                indicators[row["id"]].direction,
                target_from_row(row),
                Reading(row["outcome"], row["forecast"], ValueStatus(row["value_status"])),
            ),
        )
        for row in rows
    ]
    return sorted(
        found, key=lambda f: (f.result.status is not Status.MET, f.indicator.name, f.org_id)
    )
