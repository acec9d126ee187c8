"""The codes an upload may refer to: those in the database and those its own files define."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, Table

from dashboard.store import upload_rows
from dashboard.store.upload_rows import TABLES
from dashboard.upload.parsed_file import ParsedFile, is_valid


class KnownCodes:
    """The codes the database and the files of this upload define, loaded on first use."""

    def __init__(self, conn: Connection, files: list[ParsedFile]) -> None:
        self.conn = conn
        self.files = files
        self._ids: dict[str, dict[str, int]] = {}

    def ids(self, table: Table) -> dict[str, int]:
        """Code → id of a coded table (org_unit, goal, indicator, activity) in the database."""
        if table.name not in self._ids:
            self._ids[table.name] = upload_rows.code_ids(self.conn, table)
        return self._ids[table.name]

    def refresh(self, table: Table) -> None:
        """Forget a table's codes after writing to it."""
        self._ids.pop(table.name, None)

    def known(self, table: Table) -> set[str]:
        """Codes of a table in the database or given by a file of this upload."""
        known = set(self.ids(table))
        for parsed in self.files:
            kind = parsed.layout.kind
            if kind in TABLES and TABLES[kind].table is table:
                known.update(code for code in parsed.columns["code"] if is_valid(code))
        return known

    def files_of(self, kind: str) -> Iterator[ParsedFile]:
        """This upload's files of one kind."""
        return (parsed for parsed in self.files if parsed.layout.kind == kind)
