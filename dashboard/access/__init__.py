"""Who may do what: roles and organisation scopes as pure rules (no Flask, no database).

A reader (politicians) reads everything. An editor changes data only inside the
organisation subtrees of their scope. An administrator changes everything, manages
accounts and may undo any upload. The server asks these rules before every write; the
pages only use them to leave out buttons that would be refused anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


# What the command line and the pages call the roles (the names).
ROLE_NAMES = {Role.READER: "läsare", Role.EDITOR: "redaktör", Role.ADMIN: "administratör"}
ROLES_BY_NAME = {name: role for role, name in ROLE_NAMES.items()}


@dataclass(frozen=True)
class Principal:
    """The person behind a request. `scope_paths` are the materialised paths ("/1/4/") of the
    editor's organisations; `scope_codes` the same organisations by code, for messages."""

    username: str
    display_name: str
    role: Role | None  # None: not signed in (anonymous read access)
    scope_codes: tuple[str, ...] = ()
    scope_paths: tuple[str, ...] = ()
    session_stamp: str = ""  # changes with the password and at sign-out, ending older sessions
    scope_names: tuple[str, ...] = ()  # the organisations' names, for messages

    @property
    def scope_label(self) -> str:
        """The editor's organisations for people, e.g. "Förskolan Solrosen (SKA-FSK-01)"."""
        return ", ".join(
            f"{name} ({code})" for name, code in zip(self.scope_names, self.scope_codes)
        )

    @property
    def signed_in(self) -> bool:
        return self.role is not None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def may_edit_something(self) -> bool:
        """Whether any write at all is open to this person (editors with a scope, admins)."""
        return self.is_admin or (self.role is Role.EDITOR and bool(self.scope_paths))

    def may_edit(self, org_path: str | None) -> bool:
        """Whether this person may change data of the organisation with this path."""
        if self.is_admin:
            return True
        if self.role is not Role.EDITOR or not org_path:
            return False
        return any(org_path.startswith(scope) for scope in self.scope_paths)

    def may_undo(self, uploaded_by: str) -> bool:
        """Administrators undo any upload; editors only their own (the rows were checked then)."""
        return self.is_admin or (self.role is Role.EDITOR and uploaded_by == self.username)


ANONYMOUS = Principal(username="anonym", display_name="Ej inloggad", role=None)
# Upload kinds that change the shared structure (organisation, indicators): administrators only.
STRUCTURE_KINDS = frozenset(
    {
        "org_units",
        "kolada_orgs",
        "indicators",
        "goal_indicators",
        "kolada_kpis",
        "kolada_municipalities",
        "comparison_groups",
        "national_settings",
    }
)


def operator(username: str) -> Principal:
    """The person at the command line, with every right (they hold the database itself)."""
    return Principal(username=username, display_name=username, role=Role.ADMIN)
