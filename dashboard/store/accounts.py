"""The SQL of accounts, their organisations, sign-in attempts and the session key.

dashboard/access/accounts.py decides (checks, hashes, limits); this reads and writes the rows,
on the connection of a `Store.writing` unit or on its own for reads.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from dashboard.store.schema_access import (
    AppSecretRecord,
    LoginAttemptRecord,
    UserRecord,
    UserScopeRecord,
)
from dashboard.store.tables import org_t, table_of

user_t = table_of(UserRecord)
scope_t = table_of(UserScopeRecord)
attempt_t = table_of(LoginAttemptRecord)
secret_t = table_of(AppSecretRecord)


class UsernameTaken(Exception):
    """An account with this username exists already."""


class StoredAccount(NamedTuple):
    """An account's row with the codes, paths and names of its organisations (by code)."""

    username: str
    display_name: str
    role: str
    password_hash: str | None
    session_generation: int
    org_codes: tuple[str, ...]
    org_paths: tuple[str, ...]
    org_names: tuple[str, ...]


def known_orgs(conn: Connection, org_codes: Sequence[str]) -> set[str]:
    """Which of the codes name an organisation."""
    return set(conn.execute(select(org_t.c.code).where(org_t.c.code.in_(org_codes))).scalars())


def add(
    conn: Connection,
    username: str,
    display_name: str,
    role: str,
    password_hash: str | None,
    created_at: dt.datetime,
    org_codes: Sequence[str],
) -> None:
    """Insert an account and its organisations; UsernameTaken if the name is in use."""
    try:
        user_id = conn.execute(
            insert(user_t)
            .values(
                username=username,
                display_name=display_name,
                role=role,
                password_hash=password_hash,
                created_at=created_at,
            )
            .returning(user_t.c.id)
        ).scalar_one()
    except IntegrityError as error:
        raise UsernameTaken(username) from error
    if org_codes:
        conn.execute(
            insert(scope_t), [{"user_id": user_id, "org_code": code} for code in org_codes]
        )


def remove(conn: Connection, username: str) -> bool:
    """Delete an account; whether there was one."""
    return bool(conn.execute(delete(user_t).where(user_t.c.username == username)).rowcount)


def set_role_and_scope(
    conn: Connection, username: str, role: str, org_codes: Sequence[str]
) -> bool:
    """Give an account a new role and exactly these organisations; whether there was one."""
    user_id = conn.execute(select(user_t.c.id).where(user_t.c.username == username)).scalar()
    if user_id is None:
        return False
    conn.execute(update(user_t).where(user_t.c.id == user_id).values(role=role))
    conn.execute(delete(scope_t).where(scope_t.c.user_id == user_id))
    if org_codes:
        conn.execute(
            insert(scope_t), [{"user_id": user_id, "org_code": code} for code in org_codes]
        )
    return True


def set_password_hash(conn: Connection, username: str, password_hash: str) -> bool:
    """Give an account a new password hash; whether there was one."""
    stmt = update(user_t).where(user_t.c.username == username)
    return bool(conn.execute(stmt.values(password_hash=password_hash)).rowcount)


def next_session_generation(conn: Connection, username: str) -> bool:
    """End the sessions an account began before now; whether there was one."""
    stmt = update(user_t).where(user_t.c.username == username)
    generation = user_t.c.session_generation + 1
    return bool(conn.execute(stmt.values(session_generation=generation)).rowcount)


def every_account(engine: Engine) -> list[StoredAccount]:
    """Every account, by username (organisation paths and names left empty)."""
    with engine.connect() as conn:
        scopes: dict[int, list[str]] = {}
        for user_id, code in conn.execute(
            select(scope_t.c.user_id, scope_t.c.org_code).order_by(scope_t.c.org_code)
        ):
            scopes.setdefault(user_id, []).append(code)
        rows = conn.execute(select(user_t).order_by(user_t.c.username)).mappings().all()
    return [_account(row, tuple(scopes.get(row["id"], ())), (), ()) for row in rows]


# Every request loads its user: one statement, built once and run with a bound value (issue 20):
# the account and its organisations, one row per organisation (one without any).
_SCOPE_COLUMNS = (
    org_t.c.code.label("scope_code"),
    org_t.c.path.label("scope_path"),
    org_t.c.name.label("scope_name"),
)
_ACCOUNT = (
    select(
        user_t.c.username,
        user_t.c.display_name,
        user_t.c.role,
        user_t.c.password_hash,
        user_t.c.session_generation,
        *_SCOPE_COLUMNS,
    )
    .select_from(
        user_t.outerjoin(
            scope_t.join(org_t, scope_t.c.org_code == org_t.c.code),
            scope_t.c.user_id == user_t.c.id,
        )
    )
    .where(user_t.c.username == bindparam("username"))
    .order_by(org_t.c.code)
)


def account(conn: Connection | Engine, username: str) -> StoredAccount | None:
    """The account with this username and its organisations, or None."""
    if isinstance(conn, Engine):
        with conn.connect() as own:
            return account(own, username)
    rows = conn.execute(_ACCOUNT, {"username": username}).mappings().all()
    if not rows:
        return None
    scopes = [(r["scope_code"], r["scope_path"], r["scope_name"]) for r in rows if r["scope_code"]]
    codes, paths, names = (tuple(column) for column in zip(*scopes)) if scopes else ((), (), ())
    return _account(rows[0], codes, paths, names)


def password_hash(conn: Connection, username: str) -> str | None:
    """The account's password hash; None without an account or a password."""
    found: str | None = conn.execute(
        select(user_t.c.password_hash).where(user_t.c.username == username)
    ).scalar()
    return found


def recent_failures(
    conn: Connection, since: dt.datetime, username: str, address: str
) -> tuple[int, int]:
    """Failed sign-ins since a time: for this account from this address, and from this address.

    Attempts older than a day before `since` are removed first: nothing reads them again."""
    a = attempt_t.c
    conn.execute(delete(attempt_t).where(a.at < since - dt.timedelta(days=1)))
    counted = select(func.count()).select_from(attempt_t)
    failed = (a.at >= since, a.succeeded.is_(False), a.address == address)
    per_user = conn.execute(counted.where(*failed, a.username == username)).scalar_one()
    per_address = conn.execute(counted.where(*failed)).scalar_one()
    return per_user, per_address


def record_attempt(
    conn: Connection, at: dt.datetime, username: str, address: str, succeeded: bool
) -> None:
    """Count a sign-in attempt."""
    values = {"at": at, "username": username, "address": address, "succeeded": succeeded}
    conn.execute(insert(attempt_t).values(**values))


def session_key(conn: Connection) -> str:
    """The key that signs session cookies: made on first use, then the same for every worker."""
    stmt = select(secret_t.c.value).where(secret_t.c.name == "session")
    found: str | None = conn.execute(stmt).scalar()
    if found:
        return found
    try:
        with conn.begin_nested():
            conn.execute(insert(secret_t).values(name="session", value=secrets.token_hex(32)))
    except IntegrityError:  # another worker made it first: use theirs
        pass
    made: str = conn.execute(stmt).scalar_one()
    return made


def _account(
    row: Any, codes: tuple[str, ...], paths: tuple[str, ...], names: tuple[str, ...]
) -> StoredAccount:
    return StoredAccount(
        row["username"],
        row["display_name"],
        row["role"],
        row["password_hash"],
        row["session_generation"],
        codes,
        paths,
        names,
    )
