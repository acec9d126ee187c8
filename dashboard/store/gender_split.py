"""Reads for Kvinnor och män: an organisation's readings for women and men, per indicator."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, or_, select

from dashboard.domain.model import Gender, Indicator, Measurement
from dashboard.store.tables import indicator_from_row, indicator_t, measurement_t, reading_from


def gender_readings(
    engine: Engine, org_id: int, period: str, years: Sequence[int]
) -> list[tuple[Indicator, Measurement]]:
    """The organisation's readings in the period of the years, of every indicator it measures
    there that is split by gender: marked so (könsuppdelad), or with a value for women or men.

    A marked indicator measured only in total is returned with its total readings, so the page
    can say that the split is missing."""
    m = measurement_t
    stmt = (
        select(*indicator_t.c, m.c.year, m.c.period, m.c.gender)
        .add_columns(m.c.outcome, m.c.forecast, m.c.value_status)
        .join(indicator_t, indicator_t.c.id == m.c.indicator_id)
        .where(
            m.c.org_id == org_id,
            m.c.period == period,
            m.c.year.in_(list(years)),
            or_(
                indicator_t.c.gender_split.is_(True),
                m.c.gender.in_([Gender.WOMEN.value, Gender.MEN.value]),
            ),
        )
        .order_by(indicator_t.c.code, m.c.year, m.c.gender)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators: dict[int, Indicator] = {}
    found = []
    for row in rows:
        indicator = indicators.setdefault(row["id"], indicator_from_row(row))
        reading = reading_from(row["outcome"], row["forecast"], row["value_status"])
        measurement = Measurement(
            indicator.id, org_id, row["year"], row["period"], Gender(row["gender"]), reading
        )
        found.append((indicator, measurement))
    return found
