"""Tables of the reporting round (issue 18): deadlines per period and level, and each
organisation's report state (ready, approved, sent back, reopened). Migration 0010 creates them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


class ReportingDeadlineRecord(Base):
    """When an organisation level must have reported a period; set by an administrator.

    The newest period with deadlines is the one open for reporting."""

    __tablename__ = "reporting_deadline"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    org_level: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline: Mapped[dt.date] = mapped_column(Date)


class ReportStateRecord(Base):
    """Where one organisation's report for a period stands; no row: not marked ready yet."""

    __tablename__ = "report_state"
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str] = mapped_column(Text, server_default="")
