"""API tokens: who may make, list and revoke them, and which account a token stands for.

A token is made for an account by its holder or an administrator and shown once; only its
SHA-256 is kept (a random 256-bit token needs no slow hash: nothing can be guessed from it).
A program sends it as `Authorization: Bearer …` and reads /api/v1/ as that account, until the
token is revoked or the account removed. Making and revoking are audited.
"""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum

from dashboard.access import Principal, audit
from dashboard.access import accounts as people
from dashboard.store import Store
from dashboard.store import tokens as stored
from dashboard.store.tokens import StoredToken

PREFIX = "kr_"  # tells a Kontrollrummet token apart in a config file or a secret scanner
HINT_LENGTH = 8
MAX_NAME_LENGTH = 100

__all__ = ["StoredToken", "TokenError", "TokenProblem", "create", "holder", "revoke", "tokens"]


class TokenProblem(StrEnum):
    """Why a token cannot be made or revoked (Swedish words: layouts/texts/api.py)."""

    NOT_ALLOWED = "not_allowed"  # neither the account's holder nor an administrator
    NO_ACCOUNT = "no_account"
    BAD_NAME = "bad_name"
    NO_TOKEN = "no_token"  # none in force with this number (for this person)


class TokenError(Exception):
    """A token change that cannot be made; `problem` says why."""

    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def create(store: Store, actor: Principal, username: str, name: str) -> str:
    """Make a token for an account and return it: the only time anyone sees it."""
    username = username.strip().lower()
    name = name.strip()
    if not (actor.is_admin or (actor.signed_in and actor.username == username)):
        raise TokenError(TokenProblem.NOT_ALLOWED)
    if not name or len(name) > MAX_NAME_LENGTH or not name.isprintable():
        raise TokenError(TokenProblem.BAD_NAME)
    token = PREFIX + secrets.token_urlsafe(32)
    with store.writing(actor.username, lock=False) as w:
        made = stored.add(
            w.conn, username, name, digest(token), token[:HINT_LENGTH], audit.now(), actor.username
        )
        if made is None:
            raise TokenError(TokenProblem.NO_ACCOUNT)
        w.audit(audit.TOKEN_ADD, username, f"{name} ({token[:HINT_LENGTH]}…)")
    return token


def revoke(store: Store, actor: Principal, token_id: int) -> StoredToken:
    """End a token: an administrator any, anyone else only their own. Returns what it was."""
    if not actor.signed_in:
        raise TokenError(TokenProblem.NOT_ALLOWED)
    with store.writing(actor.username, lock=False) as w:
        found = stored.revoke(
            w.conn, token_id, None if actor.is_admin else actor.username, audit.now()
        )
        if found is None:
            raise TokenError(TokenProblem.NO_TOKEN)
        w.audit(audit.TOKEN_REVOKE, found.username, f"{found.name} ({found.hint}…)")
    return found


def tokens(store: Store, actor: Principal, username: str | None = None) -> list[StoredToken]:
    """The tokens this person may see: their own, or an administrator's pick (None: all)."""
    if not actor.is_admin:
        if not actor.signed_in:
            return []
        username = actor.username
    return stored.tokens(store.engine, username)


def holder(store: Store, token: str) -> Principal | None:
    """The account a token in force stands for, or None (unknown, revoked, account removed)."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    username = stored.holder(store.engine, digest(token))
    return people.principal(store, username) if username else None


def digest(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()
