"""Tables of the meeting's åtgärder and the year's förväntat resultat och arbetssätt, on the same
`Base` as dashboard.store.schema; migration 0009 creates them.

Written only from the app (no file brings them), so neither has an `upload_id`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


class MeasureRecord(Base):
    """An åtgärd decided at a period's meeting for a goal at an organisation."""

    __tablename__ = "measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200))
    # The latest status change (migration 0014): when a done or closed measure ended, and who.
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    status_changed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)

    __table_args__ = (Index("ix_measure_goal_org", "goal_id", "org_id"),)


class ExpectedResultRecord(Base):
    """A goal's förväntat resultat and arbetssätt at an organisation for a year."""

    __tablename__ = "expected_result"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    expected_result: Mapped[str] = mapped_column(Text)
    way_of_working: Mapped[str] = mapped_column(Text)
