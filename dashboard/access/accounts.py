"""Accounts in the store: add, list, remove, change a password, sign in, and who a user is.

Passwords are kept only as Werkzeug's salted scrypt hashes. Every account change writes
an audit row in the same transaction. Sign-in failures are counted in the database, not
in a worker's memory, so the limit holds however many workers serve the app.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.access import ROLE_NAMES, Principal, Role, audit
from dashboard.store import Store, org_t
from dashboard.store.schema_access import (
    AppSecretRecord,
    LoginAttemptRecord,
    UserRecord,
    UserScopeRecord,
)

user_t = UserRecord.__table__
scope_t = UserScopeRecord.__table__
attempt_t = LoginAttemptRecord.__table__
secret_t = AppSecretRecord.__table__

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256  # hashing has a cost; no passphrase needs more
ATTEMPT_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20


class AccountError(Exception):
    """An account change that cannot be made; the message says why, in Swedish."""


class TooManyAttempts(Exception):
    """Too many failed sign-ins for this account or address lately."""


@dataclass(frozen=True)
class Account:
    """An account as the command line lists it."""

    username: str
    display_name: str
    role: Role
    org_codes: tuple[str, ...]
    has_password: bool


def add(
    store: Store,
    username: str,
    display_name: str,
    role: Role,
    org_codes: Sequence[str],
    password: str | None,
    actor: str,
) -> Account:
    """Create an account; editors need at least one organisation, others none."""
    username = username.strip().lower()
    _check_new(username, role, org_codes, password)
    with store.engine.begin() as conn:
        _check_orgs(conn, org_codes)
        try:
            user_id = conn.execute(
                insert(user_t)
                .values(
                    username=username,
                    display_name=display_name.strip() or username,
                    role=role.value,
                    password_hash=_hash(password),
                    created_at=audit.now(),
                )
                .returning(user_t.c.id)
            ).scalar_one()
        except IntegrityError as error:
            raise AccountError(f"Det finns redan ett konto som heter {username}.") from error
        if org_codes:
            conn.execute(
                insert(scope_t), [{"user_id": user_id, "org_code": code} for code in org_codes]
            )
        scope = f" för {', '.join(org_codes)}" if org_codes else ""
        audit.record(conn, actor, audit.USER_ADD, username, f"{ROLE_NAMES[role]}{scope}")
    return Account(username, display_name or username, role, tuple(org_codes), password is not None)


def remove(store: Store, username: str, actor: str) -> None:
    """Delete an account; its sessions stop working at their next request."""
    with store.engine.begin() as conn:
        if not conn.execute(delete(user_t).where(user_t.c.username == username)).rowcount:
            raise AccountError(f"Det finns inget konto som heter {username}.")
        audit.record(conn, actor, audit.USER_REMOVE, username)


def set_password(store: Store, username: str, password: str, actor: str) -> None:
    """Give an account a new password."""
    _check_password(password)
    with store.engine.begin() as conn:
        changed = conn.execute(
            update(user_t)
            .where(user_t.c.username == username)
            .values(password_hash=_hash(password))
        ).rowcount
        if not changed:
            raise AccountError(f"Det finns inget konto som heter {username}.")
        audit.record(conn, actor, audit.USER_PASSWORD, username)


def end_sessions(store: Store, username: str, actor: str) -> None:
    """Sign an account out everywhere (an administrator's decision, so it is audited)."""
    with store.engine.begin() as conn:
        if not _next_generation(conn, username):
            raise AccountError(f"Det finns inget konto som heter {username}.")
        audit.record(conn, actor, audit.USER_SIGN_OUT, username)


def sign_out(store: Store, username: str) -> None:
    """End the sessions an account signed in before now: a copied cookie stops working too."""
    with store.engine.begin() as conn:
        _next_generation(conn, username)


def _next_generation(conn: Connection, username: str) -> bool:
    changed = conn.execute(
        update(user_t)
        .where(user_t.c.username == username)
        .values(session_generation=user_t.c.session_generation + 1)
    ).rowcount
    return bool(changed)


def accounts(store: Store) -> list[Account]:
    """Every account, by username."""
    with store.engine.connect() as conn:
        scopes = _scopes(conn)
        rows = conn.execute(select(user_t).order_by(user_t.c.username)).mappings().all()
    return [
        Account(
            r["username"],
            r["display_name"],
            Role(r["role"]),
            scopes.get(r["id"], ()),
            r["password_hash"] is not None,
        )
        for r in rows
    ]


def principal(store: Store, username: str) -> Principal | None:
    """The signed-in person behind a username, with the paths of their organisations."""
    with store.engine.connect() as conn:
        return _principal(conn, username)


def sign_in(store: Store, username: str, password: str, address: str) -> Principal | None:
    """The account if the password is right; TooManyAttempts after repeated failures."""
    username = username.strip().lower()
    with store.engine.begin() as conn:
        since = audit.now() - ATTEMPT_WINDOW
        conn.execute(delete(attempt_t).where(attempt_t.c.at < since - dt.timedelta(days=1)))
        # Per account *and* address: a stranger's guesses must not lock a named politician out.
        if (
            _failures(
                conn, since, (attempt_t.c.username == username) & (attempt_t.c.address == address)
            )
            >= MAX_FAILURES_PER_USER
            or _failures(conn, since, attempt_t.c.address == address) >= MAX_FAILURES_PER_ADDRESS
        ):
            raise TooManyAttempts()
        stored = conn.execute(
            select(user_t.c.password_hash).where(user_t.c.username == username)
        ).scalar()
        # An unknown name costs the same hashing as a wrong password: no hint which names exist.
        ok = (
            len(password) <= MAX_PASSWORD_LENGTH
            and check_password_hash(stored or _dummy_hash(), password)
            and stored is not None
        )
        conn.execute(
            insert(attempt_t).values(
                at=audit.now(), username=username[:100], address=address[:100], succeeded=ok
            )
        )
        return _principal(conn, username) if ok else None


def session_key(store: Store) -> str:
    """The key that signs session cookies: made on first start, then shared by every worker."""
    with store.engine.begin() as conn:
        found = conn.execute(select(secret_t.c.value).where(secret_t.c.name == "session")).scalar()
        if found:
            return found
        try:
            with conn.begin_nested():
                conn.execute(insert(secret_t).values(name="session", value=secrets.token_hex(32)))
        except IntegrityError:  # another worker made it first: use theirs
            pass
        return conn.execute(
            select(secret_t.c.value).where(secret_t.c.name == "session")
        ).scalar_one()


def _principal(conn: Connection, username: str) -> Principal | None:
    row = conn.execute(select(user_t).where(user_t.c.username == username)).mappings().first()
    if row is None:
        return None
    scopes = conn.execute(
        select(org_t.c.code, org_t.c.path, org_t.c.name)
        .join(scope_t, scope_t.c.org_code == org_t.c.code)
        .where(scope_t.c.user_id == row["id"])
        .order_by(org_t.c.code)
    ).all()
    # A session is valid while both the password and the session generation it began under hold.
    stamp = hashlib.sha256(
        f"{row['password_hash'] or ''}|{row['session_generation']}".encode()
    ).hexdigest()[:16]
    codes, paths, names = (tuple(column) for column in zip(*scopes)) if scopes else ((), (), ())
    return Principal(
        row["username"], row["display_name"], Role(row["role"]), codes, paths, stamp, names
    )


def _scopes(conn: Connection) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for user_id, code in conn.execute(
        select(scope_t.c.user_id, scope_t.c.org_code).order_by(scope_t.c.org_code)
    ):
        found.setdefault(user_id, []).append(code)
    return {user_id: tuple(codes) for user_id, codes in found.items()}


def _failures(conn: Connection, since: dt.datetime, who) -> int:
    stmt = (
        select(func.count())
        .select_from(attempt_t)
        .where(who, attempt_t.c.at >= since, attempt_t.c.succeeded.is_(False))
    )
    return conn.execute(stmt).scalar_one()


def _check_new(username: str, role: Role, org_codes: Sequence[str], password: str | None) -> None:
    if not USERNAME.match(username):
        raise AccountError(
            "Användarnamnet får bara ha små bokstäver a–z, siffror och . _ @ - (2–100 tecken)."
        )
    if role is Role.EDITOR and not org_codes:
        raise AccountError("En redaktör behöver minst en organisation (--org KOD).")
    if role is not Role.EDITOR and org_codes:
        raise AccountError(
            f"En {ROLE_NAMES[role]} har ingen organisationsbehörighet; ta bort --org."
        )
    if password is not None:
        _check_password(password)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"Lösenordet får ha högst {MAX_PASSWORD_LENGTH} tecken.")


def _check_orgs(conn: Connection, org_codes: Sequence[str]) -> None:
    known = set(conn.execute(select(org_t.c.code).where(org_t.c.code.in_(org_codes))).scalars())
    if unknown := [code for code in org_codes if code not in known]:
        raise AccountError(f"Okänd organisation: {', '.join(unknown)}.")


def _hash(password: str | None) -> str | None:
    return generate_password_hash(password) if password is not None else None


@functools.cache
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))
