"""The SQL of national context: Kolada's reference values and KPI metadata, comparison groups,
the municipality's own Kolada id, and linking indicators and units to Kolada (issue 19).

Reads are `NationalReads`, a part of `Store`; writes take a writer's `Connection`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    bindparam,
    delete,
    insert,
    literal_column,
    or_,
    select,
    union_all,
    update,
)

from dashboard.domain.national import HOME_KOLADA_ID, KoladaKpi, ReferenceValue
from dashboard.store.dialect import one_of
from dashboard.store.schema import KoladaOrgRecord
from dashboard.store.schema_reference import (
    ComparisonGroupRecord,
    KoladaKpiRecord,
    KoladaMunicipalityRecord,
    KoladaValueRecord,
    NationalSettingRecord,
)
from dashboard.store.tables import indicator_t, org_t, table_of

kolada_value_t = table_of(KoladaValueRecord)
kolada_kpi_t = table_of(KoladaKpiRecord)
kolada_municipality_t = table_of(KoladaMunicipalityRecord)
comparison_group_t = table_of(ComparisonGroupRecord)
national_setting_t = table_of(NationalSettingRecord)
# Audit actions of the national comparison's writes (the Ändringslogg shows them).
SETTING, GROUP, KPI_LINK = "national_setting", "comparison_group", "kpi_link"
UNIT_LINK = "kolada_unit_link"
kolada_org_t = table_of(KoladaOrgRecord)
MAX_SEARCH = 20


class NationalReads:
    """The store's reads of national context (a part of `Store`)."""

    engine: Engine

    def reference_values(
        self,
        kpi_ids: Sequence[str],
        municipality_ids: Sequence[str] | None = None,
        years: Sequence[int] | None = None,
    ) -> list[ReferenceValue]:
        """Kolada's values of these KPIs (and municipalities, years: None is all), in key order.

        A null in Kolada is a value None; a protected or not applicable one is None too."""
        values: dict[str, Any] = {"kpis": list(kpi_ids)}
        if municipality_ids is not None:
            values["places"] = list(municipality_ids)
        if years is not None:
            values["years"] = list(years)
        query = _reference_select(municipality_ids is not None, years is not None)
        with self.engine.connect() as conn:
            rows = conn.execute(query, values).all()
        return [
            ReferenceValue(kpi, place, year, gender, value if status == "ok" else None)
            for kpi, place, year, gender, value, status in rows
        ]

    def kolada_kpi(self, kpi_id: str) -> KoladaKpi | None:
        """A KPI's metadata, if it was imported."""
        return self.kolada_kpis([kpi_id]).get(kpi_id)

    def kolada_kpis(self, kpi_ids: Iterable[str]) -> dict[str, KoladaKpi]:
        """The metadata of those of these KPIs that were imported, by id (one read)."""
        return {kpi.id: kpi for kpi in self._kpis(_KPIS, {"ids": sorted(set(kpi_ids))})}

    def search_kolada_kpis(self, text: str, limit: int = MAX_SEARCH) -> list[KoladaKpi]:
        """KPIs whose id, title or description holds the text (any case), by id."""
        k = kolada_kpi_t.c
        pattern = f"%{text.strip().lower()}%"
        condition = or_(*(column.ilike(pattern) for column in (k.id, k.title, k.description)))
        return self._kpis(select(kolada_kpi_t).where(condition).order_by(k.id).limit(limit))

    def _kpis(self, query: Select[Any], values: dict[str, Any] | None = None) -> list[KoladaKpi]:
        with self.engine.connect() as conn:
            rows = conn.execute(query, values).mappings().all()
        return [
            KoladaKpi(
                row["id"],
                row["title"],
                row["description"],
                row["source"],
                row["gender_split"],
                row["operating_area"],
            )
            for row in rows
        ]

    def municipality_names(self, kolada_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Kolada id → name, of every imported municipality and region (or of these only: a page
        names a few of the 310)."""
        with self.engine.connect() as conn:
            if kolada_ids is None:
                return dict(conn.execute(_NAMES).tuples().all())
            found = conn.execute(_NAMES_OF, {"ids": sorted(set(kolada_ids))})
            return dict(found.tuples().all())

    def comparison_groups(self) -> dict[str, list[str]]:
        """Group name → its members' Kolada ids, both in order."""
        groups: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            for name, member in conn.execute(_GROUPS):
                groups[name].append(member)
        return dict(groups)

    def comparison_setup(
        self, setting_names: Sequence[str]
    ) -> tuple[dict[str, list[str]], dict[str, str]]:
        """`comparison_groups()` and `national_settings(setting_names)` in one read: the national
        comparison asks for both on every page that shows it (issue 20)."""
        groups: dict[str, list[str]] = defaultdict(list)
        settings: dict[str, str] = {}
        with self.engine.connect() as conn:
            for kind, name, value in conn.execute(_SETUP, {"names": list(setting_names)}):
                if kind == _GROUP_ROW:
                    groups[name].append(value)
                else:
                    settings[name] = value
        return dict(groups), settings

    def national_setting(self, name: str) -> str | None:
        """A setting's value, None if it was never set."""
        with self.engine.connect() as conn:
            value: str | None = conn.execute(_SETTING, {"name": name}).scalar()
        return value

    def national_settings(self, names: Sequence[str]) -> dict[str, str]:
        """The values of those of these settings that were set, by name (one read)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(_SETTINGS, {"names": list(names)}).tuples().all())

    def kolada_unit_links(self) -> dict[str, str]:
        """Organisation code → its Kolada id, of the units that have one (by Kolada id)."""
        query = select(org_t.c.code, kolada_org_t.c.kolada_id).join(
            kolada_org_t, kolada_org_t.c.org_id == org_t.c.id
        )
        with self.engine.connect() as conn:
            return dict(conn.execute(query.order_by(kolada_org_t.c.kolada_id)).tuples().all())

    def home_kolada_id(self) -> str | None:
        """The municipality's own Kolada id ("0180"), as an administrator set it."""
        return self.national_setting(HOME_KOLADA_ID)


# Statements the Målsida and the Indikatorsida run, built once (docs/performance.md, issue 20).
_KPIS = select(kolada_kpi_t).where(one_of(kolada_kpi_t.c.id, "ids"))
_NAMES = select(kolada_municipality_t.c.kolada_id, kolada_municipality_t.c.title)
_NAMES_OF = _NAMES.where(one_of(kolada_municipality_t.c.kolada_id, "ids"))
_GROUPS = select(comparison_group_t.c.name, comparison_group_t.c.kolada_id).order_by(
    comparison_group_t.c.name, comparison_group_t.c.kolada_id
)
_SETTING = select(national_setting_t.c.value).where(national_setting_t.c.name == bindparam("name"))
_SETTINGS = select(national_setting_t.c.name, national_setting_t.c.value).where(
    one_of(national_setting_t.c.name, "names")
)
_GROUP_ROW = "group"  # `comparison_setup`: the groups' members and the settings, one statement
_SETUP_ROWS = union_all(
    select(
        literal_column(f"'{_GROUP_ROW}'").label("kind"),
        comparison_group_t.c.name,
        comparison_group_t.c.kolada_id.label("value"),
    ),
    select(
        literal_column("'setting'"), national_setting_t.c.name, national_setting_t.c.value
    ).where(one_of(national_setting_t.c.name, "names")),
).subquery()
_SETUP = select(_SETUP_ROWS).order_by(_SETUP_ROWS.c.kind, _SETUP_ROWS.c.name, _SETUP_ROWS.c.value)


@cache
def _reference_select(by_place: bool, by_year: bool) -> Select[Any]:
    """`reference_values`: of :kpis, and of :places and :years when asked."""
    v = kolada_value_t.c
    query = select(v.kpi, v.kolada_id, v.year, v.gender, v.outcome, v.value_status).where(
        one_of(v.kpi, "kpis")
    )
    if by_place:
        query = query.where(one_of(v.kolada_id, "places"))
    if by_year:
        query = query.where(one_of(v.year, "years"))
    return query.order_by(v.kpi, v.kolada_id, v.year, v.gender)


# ---- writes, on a writer's connection ----------------------------------------------------------


def set_setting(conn: Connection, name: str, value: str) -> None:
    """Store a setting's value, replacing any earlier one."""
    conn.execute(delete(national_setting_t).where(national_setting_t.c.name == name))
    conn.execute(insert(national_setting_t).values(name=name, value=value))


def replace_group(conn: Connection, name: str, members: Iterable[str]) -> None:
    """Make the group exactly these members; no members removes the group."""
    conn.execute(delete(comparison_group_t).where(comparison_group_t.c.name == name))
    rows = [{"name": name, "kolada_id": member} for member in sorted(set(members))]
    if rows:
        conn.execute(insert(comparison_group_t), rows)


def link_indicator(conn: Connection, indicator_code: str, kpi: str | None) -> None:
    """Set (or clear, None) an indicator's Kolada KPI."""
    query = update(indicator_t).where(indicator_t.c.code == indicator_code).values(kolada_kpi=kpi)
    conn.execute(query)


def link_unit(conn: Connection, org_code: str, kolada_id: str | None) -> None:
    """Make the organisation unit this Kolada id (its only one); None removes its ids."""
    org_id = conn.execute(select(org_t.c.id).where(org_t.c.code == org_code)).scalar_one()
    conn.execute(delete(kolada_org_t).where(kolada_org_t.c.org_id == org_id))
    if kolada_id is not None:
        conn.execute(delete(kolada_org_t).where(kolada_org_t.c.kolada_id == kolada_id))
        conn.execute(insert(kolada_org_t).values(kolada_id=kolada_id, org_id=org_id))
