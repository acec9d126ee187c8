"""The relational schema as SQLAlchemy 2 ORM classes; Alembic migrations are made from it.

Business codes are unique and stable so files can be loaded again; database ids stay
internal. Every table a user's upload writes carries `upload_id`, the audit trail.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
FORECAST_ONLY = text(
    "outcome IS NULL AND forecast IS NOT NULL"
)  # a value with a forecast and no outcome


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _upload_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("upload.id"), nullable=True)


class UploadRecord(Base):
    """One change set: who loaded which file when, and how many rows it wrote."""

    __tablename__ = "upload"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user_name: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(40))
    checksum: Mapped[str] = mapped_column(String(64))
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # "active", or "undone" once `change_sets.undo` has restored what it replaced.
    status: Mapped[str] = mapped_column(String(20), default="active", server_default="active")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by: Mapped[str | None] = mapped_column(String(200))


class OrgUnitRecord(Base):
    """A node of the organisation tree; `path` ("/1/4/17/") makes subtree queries one LIKE."""

    __tablename__ = "org_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    level: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    path: Mapped[str] = mapped_column(String(400), index=True)
    upload_id: Mapped[int | None] = _upload_fk()


class GoalRecord(Base):
    __tablename__ = "goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int] = mapped_column(Integer, index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id"), index=True)
    valid_from: Mapped[int] = mapped_column(Integer)
    valid_to: Mapped[int | None] = mapped_column(Integer)
    upload_id: Mapped[int | None] = _upload_fk()


class IndicatorRecord(Base):
    __tablename__ = "indicator"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(10))
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    level: Mapped[int] = mapped_column(Integer)
    gender_split: Mapped[bool] = mapped_column(Boolean)
    kolada_kpi: Mapped[str | None] = mapped_column(String(20), index=True)
    upload_id: Mapped[int | None] = _upload_fk()


class GoalIndicatorRecord(Base):
    """An indicator serving a goal; one indicator may serve several goals."""

    __tablename__ = "goal_indicator"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"), primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator.id"), primary_key=True, index=True
    )
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    upload_id: Mapped[int | None] = _upload_fk()


class TargetRecord(Base):
    """Årsmål per indicator × organisation × year, and where the partly-met band begins."""

    __tablename__ = "target"
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[float] = mapped_column(Float)
    partly_limit: Mapped[float | None] = mapped_column(Float)
    council_target: Mapped[float | None] = mapped_column(Float)
    upload_id: Mapped[int | None] = _upload_fk()

    __table_args__ = (Index("ix_target_org_year", "org_id", "year"),)


class MeasurementRecord(Base):
    """Utfall and prognos helår per indicator × organisation × year × period × gender."""

    __tablename__ = "measurement"
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    gender: Mapped[str] = mapped_column(String(1), primary_key=True)
    outcome: Mapped[float | None] = mapped_column(Float)
    forecast: Mapped[float | None] = mapped_column(Float)
    value_status: Mapped[str] = mapped_column(String(20), default="ok")
    comment: Mapped[str] = mapped_column(Text, default="")
    upload_id: Mapped[int | None] = _upload_fk()

    # The views read "every indicator of one organisation for one period".
    __table_args__ = (
        Index("ix_measurement_org_period", "org_id", "year", "period"),
        # Prognoser's "met on a forecast alone": a few hundred of two million rows (migration 0007)
        Index(
            "ix_measurement_forecast_only",
            "year",
            "period",
            "gender",
            "org_id",
            sqlite_where=FORECAST_ONLY,
            postgresql_where=FORECAST_ONLY,
        ),
    )


class ActivityRecord(Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    upload_id: Mapped[int | None] = _upload_fk()


class ActivityUpdateRecord(Base):
    """The tertial follow-up of an activity: its status then and a comment on deviations."""

    __tablename__ = "activity_update"
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    upload_id: Mapped[int | None] = _upload_fk()


class AssessmentRecord(Base):
    """An organisation's own målbedömning of a goal for a year and period."""

    __tablename__ = "assessment"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    is_forecast: Mapped[bool] = mapped_column(Boolean)
    analysis: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    # how the year's förväntat resultat is followed up this period (schema_measures.py)
    expected_followup: Mapped[str] = mapped_column(Text, default="", server_default="")
    upload_id: Mapped[int | None] = _upload_fk()

    __table_args__ = (Index("ix_assessment_org_period", "org_id", "year", "period"),)


class UploadChangeRecord(Base):
    """A row an upload updated, with the values it replaced, so that the upload can be undone.

    Rows an upload inserted need no record: they carry its `upload_id` until changed again.
    """

    __tablename__ = "upload_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    upload_id: Mapped[int] = mapped_column(ForeignKey("upload.id"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(Text)  # JSON: the row's primary key
    old_values: Mapped[str] = mapped_column(Text)  # JSON: the replaced columns, upload_id included
    # The upload that had written the row: a later change to it blocks undoing that upload.
    previous_upload_id: Mapped[int | None] = mapped_column(ForeignKey("upload.id"), index=True)


class KoladaOrgRecord(Base):
    """Which organisation unit a Kolada municipality or unit id ("0180", "V15E144001301") is."""

    __tablename__ = "kolada_org"
    kolada_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    upload_id: Mapped[int | None] = _upload_fk()


class ReportedPeriodRecord(Base):
    """Every (year, period) that has measurements: a summary kept by every write.

    Reading it from `measurement` took ~180 ms at two million rows on each page load;
    the writers refresh it in their own transaction (`store.refresh_reported_periods`).
    """

    __tablename__ = "reported_period"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
