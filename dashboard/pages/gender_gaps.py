"""Kvinnor och män's data: each gender-split indicator's gap at the organisation, now and a
year ago, with Riket's gap beside it where Kolada has one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.model import OrgUnit
from dashboard.domain.national import RIKET
from dashboard.followup import gender_gaps
from dashboard.followup.gender_gaps import GapMove, GenderGap
from dashboard.store import Store
from dashboard.store.gender_split import gender_readings


@dataclass(frozen=True)
class GenderGaps:
    """The page's table and counts, named as the layout's arguments."""

    gaps: list[GenderGap]
    moves: dict[GapMove, int]


def gender_gaps_page(store: Store, org: OrgUnit, year: int, period: str) -> GenderGaps:
    """The organisation's gaps in the period of `year`, where they widened most first."""
    found = store.summary(
        ("gender gaps", org.id, year, period),
        lambda: gender_gaps.gaps(
            gender_readings(store.engine, org.id, period, (year - 1, year)), year, period
        ),
    )
    joined = gender_gaps.with_reference(found, riket_gaps(store, found, year))
    return GenderGaps(joined, gender_gaps.count_by_move(joined))


def riket_gaps(store: Store, found: Sequence[GenderGap], year: int) -> dict[str, tuple[int, float]]:
    """Riket's gap K − M by Kolada KPI, with Kolada's year, for the indicators of `found` that
    carry one: the one place where Riket joins the page (its values are reference series)."""
    kpis = sorted({kpi for gap in found if (kpi := gap.indicator.kolada_kpi)})
    if not kpis:
        return {}
    return gender_gaps.reference_gaps(store.reference_values(kpis, [RIKET]), year)
