"""National context as the model holds it: Kolada's values and KPI metadata (issue 19).

Places outside the organisation tree (Riket "0000", a region, other municipalities) are Kolada
ids, never organisation units; their values are reference series, not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass

RIKET = "0000"  # Kolada's id for the whole country
HOME_KOLADA_ID = "home_kolada_id"  # the setting: the municipality's own Kolada id


@dataclass(frozen=True)
class ReferenceValue:
    """One Kolada value: KPI × municipality × year × gender; None where Kolada has a null."""

    kpi: str
    municipality: str
    year: int
    gender: str
    value: float | None


@dataclass(frozen=True)
class KoladaKpi:
    """A KPI's metadata as Kolada publishes it."""

    id: str
    title: str
    description: str = ""
    source: str = ""
    gender_split: bool = False
    operating_area: str = ""
