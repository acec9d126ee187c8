"""Mitt konto's data: the person signed in and the API tokens they hold."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.access import Principal, tokens
from dashboard.store import Store


@dataclass(frozen=True)
class AccountPage:
    user: Principal
    tokens: list[tokens.StoredToken]  # their own, newest first


def account(store: Store, user: Principal) -> AccountPage:
    """The person's own account and tokens (an administrator's page lists only their own too)."""
    return AccountPage(user, tokens.tokens(store, user, user.username))
