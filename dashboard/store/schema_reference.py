"""Tables of national context (issue 19): Kolada's values for places outside our organisation
tree, its KPI metadata and municipality names, comparison groups and the municipality's own
Kolada id, on the same `Base` as dashboard.store.schema.

Comparison values are data, not organisations: Riket, the region and other municipalities are
Kolada ids here, never organisation units. Migration 0011 creates the tables. Import this
module wherever the whole metadata is needed (migrations, dropping everything).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


def _upload_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("upload.id"), nullable=True)


class KoladaValueRecord(Base):
    """One Kolada value per KPI × municipality (or unit) × year × gender, as Kolada published it.

    An empty value is kept (outcome None, value status "missing"): Kolada's null is news too."""

    __tablename__ = "kolada_value"
    kpi: Mapped[str] = mapped_column(String(20), primary_key=True)
    kolada_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    gender: Mapped[str] = mapped_column(String(1), primary_key=True)
    outcome: Mapped[float | None] = mapped_column(Float)
    value_status: Mapped[str] = mapped_column(String(20), default="ok")
    upload_id: Mapped[int | None] = _upload_fk()


class KoladaKpiRecord(Base):
    """A KPI's metadata as Kolada publishes it: what the number means and where it comes from."""

    __tablename__ = "kolada_kpi"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    gender_split: Mapped[bool] = mapped_column(Boolean, default=False)
    operating_area: Mapped[str] = mapped_column(Text, default="")
    upload_id: Mapped[int | None] = _upload_fk()


class KoladaMunicipalityRecord(Base):
    """A Kolada municipality or region id with its name ("0180" Stockholm, "0000" Riket)."""

    __tablename__ = "kolada_municipality"
    kolada_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(2), default="")
    upload_id: Mapped[int | None] = _upload_fk()


class ComparisonGroupRecord(Base):
    """One member (a Kolada id) of a comparison group an administrator defined by name."""

    __tablename__ = "comparison_group"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    kolada_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    upload_id: Mapped[int | None] = _upload_fk()


class NationalSettingRecord(Base):
    """A setting of the national comparison, e.g. the municipality's own Kolada id."""

    __tablename__ = "national_setting"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    upload_id: Mapped[int | None] = _upload_fk()  # set by a settings file, so a dump restores
