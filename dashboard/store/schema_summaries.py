"""The table of summaries kept between requests, shared by every worker: derived data.

A summary over all years (forecast accuracy per nämnd, the organisation tree, a meeting's
goals) is computed once per data version by whichever process asks first and read by the
others (`summaries.py`), instead of every worker recounting it after each upload. Migration
0013 creates it; `info={"derived": True}` keeps it out of digests and dumps.
"""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base
from dashboard.store.schema_results import DERIVED


class SummaryRecord(Base):
    """One summary's value at one data version, as a restricted pickle (`summaries.py`).

    `key` is a digest of the summary's key; `generation` the goal results' generation and
    `version` the upload log's, which together change with every write of the data; `code` a
    fingerprint of the code that computed it. A summary of one `year`'s data alone is kept
    against the generation only, which a write carries it over to when it changes no data of
    that year (`result_store.invalidate`, migration 0015); `year` is empty for the others.
    """

    __tablename__ = "kept_summary"
    __table_args__ = ({"info": DERIVED},)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    year: Mapped[int | None] = mapped_column(Integer)
