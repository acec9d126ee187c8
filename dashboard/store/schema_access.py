"""Tables of sign-in and access (issue: who may see and change what), on the same `Base`.

Kept apart from schema.py like schema_followup.py; migration 0005 creates them. Accounts
and their scopes, the audit of changes that have no row of their own elsewhere (user
changes, refused requests), sign-in attempts for rate limiting, and the session key that
every worker must share.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.store.schema import Base


class UserRecord(Base):
    """An account: `role` is reader, editor or admin; no password hash means single sign-on only."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # Counted up by sign-out, a new password and `user signout`: older sessions end
    # (migration 0008).
    session_generation: Mapped[int] = mapped_column(Integer, server_default="0")


class UserScopeRecord(Base):
    """An organisation subtree an editor may change, by the organisation's stable code."""

    __tablename__ = "user_scope"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    org_code: Mapped[str] = mapped_column(String(60), primary_key=True)


class AuditEventRecord(Base):
    """A change or a refused request that no other table records: who, when, what, and the
    outcome."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    username: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(500), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20))  # "done" or "refused"
    address: Mapped[str] = mapped_column(
        String(100), server_default=""
    )  # the client's, for refusals
    repeats: Mapped[int] = mapped_column(
        Integer, server_default="0"
    )  # refusals past the bound, counted here


class LoginAttemptRecord(Base):
    """One sign-in attempt; recent failures per account and per address slow guessing down."""

    __tablename__ = "login_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    username: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(100))
    succeeded: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index("ix_login_attempt_at", "at"),)


class AppSecretRecord(Base):
    """A generated secret (the session key) kept in the database so every worker signs alike."""

    __tablename__ = "app_secret"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
