"""Tables of the follow-up work (issue: follow-up meetings), on the same `Base` as
dashboard.store.schema.

Kept apart from schema.py so the import work and this work could change the schema side
by side; migration 0003 creates them. Import this module wherever the whole metadata is
needed (migrations, dropping everything).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


class AssessmentAuditRecord(Base):
    """One save of a målbedömning through the form: who, when, and the values before → after.

    `before` and `after` are JSON objects of the assessment's values (`before` is None for a
    new assessment). The computed status and score at saving time are kept so that a rosier
    own assessment stays visible as such even after the data change. `saved_by` is the
    signed-in user's username.
    """

    __tablename__ = "assessment_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(3))
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    saved_by: Mapped[str] = mapped_column(String(200))
    computed_status: Mapped[str] = mapped_column(String(20))
    computed_score: Mapped[float | None] = mapped_column(Float)
    justification: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_assessment_audit_key", "goal_id", "org_id", "year", "period"),)
