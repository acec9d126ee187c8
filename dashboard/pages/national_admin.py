"""The administrator's page Jämförelser: what is set now (own Kolada id, groups, the group
shown) and the imported KPIs a search finds (docs/national.md)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.national import KoladaKpi
from dashboard.followup.national_admin import CHOSEN_GROUP
from dashboard.store import Store


@dataclass(frozen=True)
class NationalSettings:
    home: str | None
    groups: dict[str, list[str]]
    chosen: str | None  # the group the pages show (the first if none was chosen)
    names: dict[str, str]  # Kolada id → name, where imported
    units: dict[str, str]  # organisation code → its Kolada id


def national_settings(store: Store) -> NationalSettings:
    """The comparison's settings as they are now."""
    groups = store.comparison_groups()
    chosen = store.national_setting(CHOSEN_GROUP)
    chosen = chosen if chosen in groups else next(iter(groups), None)
    return NationalSettings(
        store.home_kolada_id(),
        groups,
        chosen,
        store.municipality_names(),
        store.kolada_unit_links(),
    )


def kpi_search(store: Store, text: str) -> list[KoladaKpi]:
    """The imported KPIs whose id, title or description holds the text."""
    return store.search_kolada_kpis(text) if text.strip() else []
