"""Tables of goal results kept between requests: derived data, never a source of truth.

Judging every goal of the whole city takes a third of a second or more; the meeting views
rank and count those results on every click. They are kept here per goal × organisation ×
year × period and thrown away by every write (`goal_results`), so a stale one is never
read. Migration 0006 creates them; `info={"derived": True}` keeps them out of digests and
dumps, which are about the data people entered.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base

DERIVED = {"derived": True}


class ResultGenerationRecord(Base):
    """One row: the generation every write raises; kept results of older generations are stale."""

    __tablename__ = "result_generation"
    __table_args__ = ({"info": DERIVED},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer)


class GoalResultRecord(Base):
    """A goal's computed result at one organisation and period, in brief: what ranking and counting
    need.

    `rules` is a fingerprint of the code that judged it, so a new release does not read an
    old release's judgements; `deviations` is JSON: deviation kind → how many.
    """

    __tablename__ = "goal_result"
    __table_args__ = ({"info": DERIVED},)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(3), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, primary_key=True)
    rules: Mapped[str] = mapped_column(String(16), primary_key=True)
    goal_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(20))
    score: Mapped[float | None] = mapped_column(Float)
    disagreement: Mapped[str] = mapped_column(String(20))
    assessment_status: Mapped[str | None] = mapped_column(String(20))
    assessment_forecast: Mapped[bool | None] = mapped_column(Boolean)
    deviations: Mapped[str] = mapped_column(Text)
    # What the status rests on (Basis), for the open data's goal results (migration 0012).
    basis: Mapped[str] = mapped_column(String(20), server_default="none")
