"""Which rows of an upload an editor may write: only those of organisations in their scope.

An upload that touches any other row is refused as a whole, each such row named like any
other problem, so an enhetschef cannot change the neighbouring unit's numbers by file.
The shared structure (organisation tree, indicators, Kolada mapping) is for administrators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from dashboard.access import STRUCTURE_KINDS, Principal
from dashboard.store import Store, upload_rows
from dashboard.store.upload_rows import TABLES
from dashboard.upload.csv_formats import BY_KIND
from dashboard.upload.parsed_file import ParsedFile, is_valid
from dashboard.upload.problems import ImportIssue, ImportProblem, Phrase

OWNED_BY_CODE = {kind: TABLES[kind].table for kind in ("goals", "activities")}


def may_undo(store: Store, principal: Principal, upload_id: int, uploaded_by: str) -> bool:
    """Administrators undo any upload; editors their own, while all its rows are in their scope now.

    An account made again for another unit keeps its name, not the right to its old unit's rows."""
    if principal.is_admin:
        return True
    if not principal.may_undo(uploaded_by):
        return False
    with store.engine.connect() as conn:
        if upload_rows.holds_structure(conn, upload_id):
            return False
        paths = upload_rows.paths_written(conn, upload_id)
    return all(principal.may_edit(path) for path in paths)


class EditorScope:
    """The check an upload runs for one person before anything is compared or written."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    def check(self, conn: Connection, files: Sequence[ParsedFile]) -> None:
        """Add a problem to each file for every row the person may not write."""
        if self.principal.is_admin:
            return
        paths = upload_rows.org_paths(conn)
        scope = {"scope": self.principal.scope_label or Phrase.YOUR_SCOPE}
        for parsed in files:
            kind = parsed.layout.kind
            if kind in STRUCTURE_KINDS:
                parsed.problems.append(
                    ImportProblem(
                        parsed.name,
                        None,
                        None,
                        None,
                        ImportIssue.STRUCTURE_ONLY_ADMIN,
                        {"kind": BY_KIND[kind].label.lower()},
                    )
                )
                continue
            field, codes = self._org_codes(conn, parsed, files)
            self._refuse_outside(parsed, field, codes, paths, scope)
            if (
                kind in OWNED_BY_CODE
            ):  # nor may a file move the neighbour's goal or activity to oneself
                stored = upload_rows.owners(conn, OWNED_BY_CODE[kind])
                self._refuse_outside(
                    parsed, "code", [stored.get(c) for c in parsed.columns["code"]], paths, scope
                )

    def _refuse_outside(
        self,
        parsed: ParsedFile,
        field: str,
        org_codes: Sequence[Any],
        paths: Mapping[str, str],
        scope: Mapping[str, Any],
    ) -> None:
        for index, code in enumerate(org_codes):
            if is_valid(code) and not self.principal.may_edit(paths.get(code)):
                parsed.problems.append(
                    parsed.problem(
                        index,
                        field,
                        parsed.columns[field][index],
                        ImportIssue.OUT_OF_SCOPE,
                        **scope,
                    )
                )

    def _org_codes(
        self, conn: Connection, parsed: ParsedFile, files: Sequence[ParsedFile]
    ) -> tuple[str, list[Any]]:
        """The field that places each row, and each row's organisation code."""
        if "org_code" in parsed.columns:
            return "org_code", parsed.columns["org_code"]
        # Activity follow-ups belong to the organisation of their activity.
        owners = upload_rows.owners(conn, TABLES["activities"].table)
        for other in files:
            if other.layout.kind == "activities":
                owners.update(zip(other.columns["code"], other.columns["org_code"]))
        return "activity_code", [owners.get(code) for code in parsed.columns["activity_code"]]
