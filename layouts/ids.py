"""Every component id, declared once per page (never type a raw id string elsewhere)."""

from enum import StrEnum


class ShellIds(StrEnum):
    URL = "shell-url"
    CONTENT = "shell-content"


class FilterIds(StrEnum):
    YEAR = "filter-year"
    PERIOD = "filter-period"
    ORG = "filter-org"
