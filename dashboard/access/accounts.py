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

from sqlalchemy import Connection
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.access import ROLE_NAMES, Principal, Role, audit
from dashboard.store import Store
from dashboard.store import accounts as stored

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
    with store.writing(actor, lock=False) as w:
        _check_known(w.conn, org_codes)
        try:
            stored.add(
                w.conn,
                username,
                display_name.strip() or username,
                role.value,
                _hash(password),
                audit.now(),
                org_codes,
            )
        except stored.UsernameTaken as error:
            raise AccountError(f"Det finns redan ett konto som heter {username}.") from error
        scope = f" för {', '.join(org_codes)}" if org_codes else ""
        w.audit(audit.USER_ADD, username, f"{ROLE_NAMES[role]}{scope}")
    return Account(username, display_name or username, role, tuple(org_codes), password is not None)


def change(
    store: Store, username: str, role: Role, org_codes: Sequence[str], actor: str
) -> Account:
    """Give an account a new role and organisations, by the rules an account is made by."""
    _check_scope(role, org_codes)
    with store.writing(actor, lock=False) as w:
        _check_known(w.conn, org_codes)
        if not stored.set_role_and_scope(w.conn, username, role.value, org_codes):
            raise AccountError(f"Det finns inget konto som heter {username}.")
        scope = f" för {', '.join(org_codes)}" if org_codes else ""
        w.audit(audit.USER_CHANGE, username, f"{ROLE_NAMES[role]}{scope}")
    found = stored.account(store.engine, username)
    assert found is not None  # just changed
    return Account(
        username, found.display_name, role, tuple(org_codes), found.password_hash is not None
    )


def one_time_password() -> str:
    """A password for an administrator to hand over once: 16 random letters and digits."""
    return secrets.token_urlsafe(12)


def remove(store: Store, username: str, actor: str) -> None:
    """Delete an account; its sessions stop working at their next request."""
    with store.writing(actor, lock=False) as w:
        if not stored.remove(w.conn, username):
            raise AccountError(f"Det finns inget konto som heter {username}.")
        w.audit(audit.USER_REMOVE, username)


def set_password(store: Store, username: str, password: str, actor: str) -> None:
    """Give an account a new password."""
    _check_password(password)
    with store.writing(actor, lock=False) as w:
        if not stored.set_password_hash(w.conn, username, generate_password_hash(password)):
            raise AccountError(f"Det finns inget konto som heter {username}.")
        w.audit(audit.USER_PASSWORD, username)


def end_sessions(store: Store, username: str, actor: str) -> None:
    """Sign an account out everywhere (an administrator's decision, so it is audited)."""
    with store.writing(actor, lock=False) as w:
        if not stored.next_session_generation(w.conn, username):
            raise AccountError(f"Det finns inget konto som heter {username}.")
        w.audit(audit.USER_SIGN_OUT, username)


def sign_out(store: Store, username: str) -> None:
    """End the sessions an account signed in before now: a copied cookie stops working too."""
    with store.writing(None, lock=False) as w:  # one's own sign-out is not audited
        stored.next_session_generation(w.conn, username)


def accounts(store: Store) -> list[Account]:
    """Every account, by username."""
    return [
        Account(a.username, a.display_name, Role(a.role), a.org_codes, a.password_hash is not None)
        for a in stored.every_account(store.engine)
    ]


def principal(store: Store, username: str) -> Principal | None:
    """The signed-in person behind a username, with the paths of their organisations."""
    return _principal(stored.account(store.engine, username))


def sign_in(store: Store, username: str, password: str, address: str) -> Principal | None:
    """The account if the password is right; TooManyAttempts after repeated failures."""
    username = username.strip().lower()
    with store.writing(None, lock=False) as w:  # an attempt is counted, not audited
        since = audit.now() - ATTEMPT_WINDOW
        # Per account *and* address: a stranger's guesses must not lock a named politician out.
        per_user, per_address = stored.recent_failures(w.conn, since, username, address)
        if per_user >= MAX_FAILURES_PER_USER or per_address >= MAX_FAILURES_PER_ADDRESS:
            raise TooManyAttempts()
        found = stored.password_hash(w.conn, username)
        # An unknown name costs the same hashing as a wrong password: no hint which names exist.
        ok = (
            len(password) <= MAX_PASSWORD_LENGTH
            and check_password_hash(found or _dummy_hash(), password)
            and found is not None
        )
        stored.record_attempt(w.conn, audit.now(), username[:100], address[:100], ok)
        return _principal(stored.account(w.conn, username)) if ok else None


def session_key(store: Store) -> str:
    """The key that signs session cookies: made on first start, then shared by every worker."""
    with store.writing(None, lock=False) as w:
        return stored.session_key(w.conn)


def _principal(found: stored.StoredAccount | None) -> Principal | None:
    if found is None:
        return None
    # A session is valid while both the password and the session generation it began under hold.
    stamp = hashlib.sha256(
        f"{found.password_hash or ''}|{found.session_generation}".encode()
    ).hexdigest()[:16]
    return Principal(
        found.username,
        found.display_name,
        Role(found.role),
        found.org_codes,
        found.org_paths,
        stamp,
        found.org_names,
    )


def _check_new(username: str, role: Role, org_codes: Sequence[str], password: str | None) -> None:
    if not USERNAME.match(username):
        raise AccountError(
            "Användarnamnet får bara ha små bokstäver a–z, siffror och . _ @ - (2–100 tecken)."
        )
    _check_scope(role, org_codes)
    if password is not None:
        _check_password(password)


def _check_known(conn: Connection, org_codes: Sequence[str]) -> None:
    known = stored.known_orgs(conn, org_codes)
    if unknown := [code for code in org_codes if code not in known]:
        raise AccountError(f"Okänd organisation: {', '.join(unknown)}.")


def _check_scope(role: Role, org_codes: Sequence[str]) -> None:
    if role is Role.EDITOR and not org_codes:
        raise AccountError("En redaktör behöver minst en organisation (--org KOD).")
    if role is not Role.EDITOR and org_codes:
        raise AccountError(
            f"En {ROLE_NAMES[role]} har ingen organisationsbehörighet; ta bort --org."
        )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"Lösenordet får ha högst {MAX_PASSWORD_LENGTH} tecken.")


def _hash(password: str | None) -> str | None:
    return generate_password_hash(password) if password is not None else None


@functools.cache
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))
