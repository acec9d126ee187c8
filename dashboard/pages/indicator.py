"""The indicator page's data: its trend over the years and its result in each sub-organisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain import rules
from dashboard.domain.model import Basis, Gender, Indicator, OrgUnit, Reading, Target
from dashboard.followup.control_room import compare, readings_by_key
from dashboard.store import Store


@dataclass(frozen=True)
class TrendPoint:
    """One year of the chosen period: target and the readings per gender."""

    year: int
    target: Target | None
    readings: dict[Gender, Reading]


@dataclass(frozen=True)
class OrgResult:
    """The indicator judged at one organisation, with last year and the gender split."""

    org: OrgUnit
    result: rules.IndicatorResult
    last_year: rules.Change
    genders: rules.GenderSplit


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    org: OrgUnit
    year: int
    period: str
    trend: tuple[TrendPoint, ...]
    own: OrgResult
    compared: tuple[OrgResult, ...]  # sub-organisations, or siblings for a unit at the bottom


def indicator_view(
    store: Store, indicator: Indicator, org: OrgUnit, year: int, period: str
) -> IndicatorView:
    """Read the indicator's history at the organisation and its result across comparable units."""
    history = store.measurements([indicator.id], [org.id], period)
    targets = store.targets([indicator.id], [org.id])
    years = sorted({m.year for m in history} | {y for _, _, y in targets})
    trend = tuple(
        TrendPoint(
            y,
            targets.get((indicator.id, org.id, y)),
            {m.gender: m.reading for m in history if m.year == y},
        )
        for y in years
    )
    compared_orgs = store.org_children(org.id) or (
        store.org_children(org.parent_id) if org.parent_id is not None else []
    )
    results = org_results(store, indicator, [org, *compared_orgs], year, period)
    own = results[0]
    compared = [r for r in results[1:] if r.result.applicable and _measured(r)]
    return IndicatorView(indicator, org, year, period, trend, own, tuple(compared))


def _measured(result: OrgResult) -> bool:
    return result.result.target is not None or result.result.basis is not Basis.NONE


def org_results(
    store: Store, indicator: Indicator, orgs: Sequence[OrgUnit], year: int, period: str
) -> list[OrgResult]:
    """Judge the indicator at each organisation, with the same period last year and K/M."""
    org_ids = [org.id for org in orgs]
    readings = readings_by_key(
        store.measurements([indicator.id], org_ids, period, [year - 1, year])
    )
    targets = store.targets([indicator.id], org_ids, [year])
    return [
        OrgResult(
            org,
            rules.indicator_status(
                indicator.direction,
                targets.get((indicator.id, org.id, year)),
                readings.get((indicator.id, org.id, year, Gender.TOTAL)),
            ),
            *compare(indicator, org.id, year, readings),
        )
        for org in orgs
    ]
