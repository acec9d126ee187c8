"""The SQL of API tokens: add, list, revoke, and whose a token's hash is.

dashboard/access/tokens.py decides (who may, the token itself, its hash, the audit); this reads
and writes the rows, on the connection of a `Store.writing` unit or on its own for reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, Select, insert, select, update

from dashboard.store.accounts import user_t
from dashboard.store.schema_tokens import ApiTokenRecord
from dashboard.store.tables import table_of

token_t = table_of(ApiTokenRecord)


class StoredToken(NamedTuple):
    """A token as its holder and administrators see it: never the token, only its hint."""

    id: int
    username: str
    name: str
    hint: str
    created_at: dt.datetime
    created_by: str
    revoked_at: dt.datetime | None


def add(
    conn: Connection,
    username: str,
    name: str,
    token_hash: str,
    hint: str,
    created_at: dt.datetime,
    created_by: str,
) -> int | None:
    """Insert a token for an account; its id, or None if there is no such account."""
    user_id = conn.execute(select(user_t.c.id).where(user_t.c.username == username)).scalar()
    if user_id is None:
        return None
    values = {
        "user_id": user_id,
        "name": name,
        "token_hash": token_hash,
        "hint": hint,
        "created_at": created_at,
        "created_by": created_by,
    }
    made: int = conn.execute(insert(token_t).values(**values).returning(token_t.c.id)).scalar_one()
    return made


def revoke(
    conn: Connection, token_id: int, username: str | None, at: dt.datetime
) -> StoredToken | None:
    """End a token in force (only the account's, if a username is given): what it was, or None."""
    stmt = _listed().where(token_t.c.id == token_id, token_t.c.revoked_at.is_(None))
    if username is not None:
        stmt = stmt.where(user_t.c.username == username)
    row = conn.execute(stmt).first()
    if row is None:
        return None
    conn.execute(update(token_t).where(token_t.c.id == token_id).values(revoked_at=at))
    return StoredToken(*row)


def tokens(engine: Engine, username: str | None = None) -> list[StoredToken]:
    """Every token (or one account's), newest first."""
    stmt = _listed()
    if username is not None:
        stmt = stmt.where(user_t.c.username == username)
    with engine.connect() as conn:
        rows = conn.execute(stmt.order_by(token_t.c.id.desc())).all()
    return [StoredToken(*row) for row in rows]


def holder(engine: Engine, token_hash: str) -> str | None:
    """The username of the account whose token in force has this hash, or None."""
    stmt = (
        select(user_t.c.username)
        .join(token_t, token_t.c.user_id == user_t.c.id)
        .where(token_t.c.token_hash == token_hash, token_t.c.revoked_at.is_(None))
    )
    with engine.connect() as conn:
        found: str | None = conn.execute(stmt).scalar()
    return found


def _listed() -> Select[Any]:
    return select(
        token_t.c.id,
        user_t.c.username,
        token_t.c.name,
        token_t.c.hint,
        token_t.c.created_at,
        token_t.c.created_by,
        token_t.c.revoked_at,
    ).join(user_t, user_t.c.id == token_t.c.user_id)
