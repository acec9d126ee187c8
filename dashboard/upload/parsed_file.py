"""A file as uploaded, and as read: typed columns of one layout, and what is wrong with it."""

from __future__ import annotations

from array import array
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dashboard.upload.csv_formats import Layout
from dashboard.upload.problems import ImportIssue, ImportProblem


class InvalidCell:
    """The value of a cell that could not be read; it is skipped by later checks."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = InvalidCell()


class UploadFile(NamedTuple):
    """A file as the user gave it: its name and its bytes."""

    name: str
    content: bytes


@dataclass
class ParsedFile:
    """One file read into typed columns of its layout, with what was found wrong."""

    name: str
    checksum: str
    layout: Layout = None  # type: ignore[assignment]  # None only while the header is read
    columns: dict[str, list[Any]] = field(default_factory=dict)  # field → one value per row
    headers: dict[str, str] = field(default_factory=dict)  # field → header as in the file
    # each row's number in the file, as machine integers: 8 bytes a row, not a list's 36
    rows: MutableSequence[int] = field(default_factory=lambda: array("l"))
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encoding: str = ""  # e.g. "Windows-1252"
    separator: str = ""  # ";", "," or a tab; empty for JSON

    @property
    def fields(self) -> tuple[str, ...]:
        """The layout's fields this file gives, in record order."""
        return tuple(self.columns)

    def header(self, field_name: str) -> str:
        """The column's header as the user wrote it (or the layout's, if the file has none)."""
        return self.headers.get(field_name) or self.layout.column(field_name).header

    def problem(
        self, index: int, field_name: str, value: Any, issue: ImportIssue, **params: Any
    ) -> ImportProblem:
        """A problem in one cell, given by row index and field."""
        shown = None if value is None else str(value)
        return ImportProblem(
            self.name, self.rows[index], self.header(field_name), shown, issue, params
        )


def describe_key(layout: Layout, key: Sequence[Any]) -> str:
    """A business key as people read it, e.g. "KF11 · SKA · 2026 · T1 · T"."""
    return " · ".join(
        layout.column(name).type.format(value) for name, value in zip(layout.key, key)
    )


def is_valid(*values: Any) -> bool:
    """Whether every value was read (neither invalid nor empty)."""
    return all(value is not INVALID and value is not None for value in values)
