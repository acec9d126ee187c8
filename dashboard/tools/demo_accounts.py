"""One account per role for the demo database, so a new user can try every role at once.

The passwords are printed by `kontrollrummet demo` and written in the README: they are
for the made-up demo municipality only, never for real data.
"""

from __future__ import annotations

from typing import NamedTuple

from dashboard.access import Role, accounts
from dashboard.store import Store


class DemoAccount(NamedTuple):
    username: str
    display_name: str
    role: Role
    org_codes: tuple[str, ...]

    @property
    def password(self) -> str:
        return f"demo-{self.username}"


DEMO_ACCOUNTS = (
    DemoAccount("politiker", "Politiker Eva Berg", Role.READER, ()),
    DemoAccount("enhetschef", "Enhetschef Maria Nyström", Role.EDITOR, ("SKA-FSK-01",)),
    DemoAccount("controller", "Controller Per Ek", Role.EDITOR, ("SKA",)),
    DemoAccount("admin", "Systemförvaltare Lena Holm", Role.ADMIN, ()),
)


def add_demo_accounts(store: Store, actor: str) -> list[DemoAccount]:
    """Create the demo accounts whose organisations exist in this database."""
    known = {org.code for org in store.org_units()}
    made = [a for a in DEMO_ACCOUNTS if set(a.org_codes) <= known]
    for account in made:
        accounts.add(
            store,
            account.username,
            account.display_name,
            account.role,
            account.org_codes,
            account.password,
            actor,
        )
    return made
