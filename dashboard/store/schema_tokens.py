"""The API's tokens (issue 19, "Open data out"): a program reads /api/v1/ as an account.

Kept apart from schema_access.py so the table comes with its own migration (0012). Only a
token's SHA-256 is stored: the token itself is shown once, when it is made, and a stolen
database holds nothing that opens the API. A revoked token keeps its row (who made it, when it
ended) until its account is removed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


class ApiTokenRecord(Base):
    """An account's API token: its hash, a name its holder chose, and whether it is revoked."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(20))  # the token's first characters, to tell apart
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
