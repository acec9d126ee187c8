"""The national comparison's data for the Indikatorsida and the Målsida: each Kolada-linked
indicator beside Riket and the chosen comparison group (docs/national.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.model import Indicator
from dashboard.domain.national import HOME_KOLADA_ID, RIKET, KoladaKpi, ReferenceValue
from dashboard.followup.national import Comparison, compare
from dashboard.followup.national_admin import CHOSEN_GROUP
from dashboard.store import Store


@dataclass(frozen=True)
class NationalView:
    """One indicator's KPI, its metadata and the comparison in the latest Kolada year."""

    kpi_id: str
    kpi: KoladaKpi | None  # None: the KPI's metadata was never imported
    comparison: Comparison
    group: str | None  # the chosen comparison group's name
    names: dict[str, str]  # Kolada id → name of the places compared, where imported
    home: str | None  # the municipality's own Kolada id

    def name(self, kolada_id: str) -> str:
        """A place's name, or its id when its name was never imported."""
        return self.names.get(kolada_id, kolada_id)


def national_views(
    store: Store, indicators: Sequence[Indicator], year: int
) -> dict[int, NationalView]:
    """Indicator id → its comparison, for the indicators with a Kolada KPI (one read)."""
    linked = [i for i in indicators if i.kolada_kpi]
    if not linked:
        return {}
    groups, settings = store.comparison_setup([CHOSEN_GROUP, HOME_KOLADA_ID])  # one read
    chosen = settings.get(CHOSEN_GROUP)
    group = chosen if chosen in groups else next(iter(groups), None)
    members = groups.get(group, []) if group else []
    home = settings.get(HOME_KOLADA_ID)
    places = sorted({RIKET, *members, *([home] if home else [])})
    by_kpi: dict[str, list[ReferenceValue]] = defaultdict(list)
    for value in store.reference_values(sorted({i.kolada_kpi or "" for i in linked}), places):
        by_kpi[value.kpi].append(value)
    names = store.municipality_names(places)  # the places compared are the only ones named
    kpis = store.kolada_kpis(i.kolada_kpi or "" for i in linked)
    return {
        indicator.id: NationalView(
            indicator.kolada_kpi or "",
            kpis.get(indicator.kolada_kpi or ""),
            compare(
                by_kpi[indicator.kolada_kpi or ""],
                year,
                indicator.direction,
                home=home,
                group=members,
            ),
            group,
            names,
            home,
        )
        for indicator in linked
    }


def national_view(store: Store, indicator: Indicator, year: int) -> NationalView | None:
    """The indicator's comparison, or None when it has no Kolada KPI."""
    return national_views(store, [indicator], year).get(indicator.id)
