"""The view's state as a URL query string, so a pasted link opens exactly the same view.

Query keys are Swedish, since people read and share these links: `ar` (year), `period`,
`org` (organisation code), `niva` (goal level on Översikt) and `sortera` (a table's sort).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, quote, urlencode

from dashboard.domain.model import GoalLevel

UPLOAD_PATH = "/uppladdning"
AUDIT_PATH = "/andringslogg"
SIGN_IN_PATH = "/logga-in"
SIGN_OUT_PATH = "/logga-ut"
LEVEL_KEYS = {GoalLevel.COUNCIL: "kf", GoalLevel.COMMITTEE: "namnd", GoalLevel.UNIT: "enhet"}
# Bounds on what the address bar may carry into a query (the store's columns are no longer).
MAX_CODE_LENGTH = 60
MAX_TEXT_LENGTH = 200
MAX_PATH_LENGTH = 500


@dataclass(frozen=True)
class ViewState:
    year: int
    period: str
    org_code: str | None = None
    level: GoalLevel = GoalLevel.COUNCIL
    sort: str | None = None  # a table's sort key, e.g. "status"

    def with_changes(self, **changes) -> ViewState:
        """A copy with some fields replaced."""
        return replace(self, **changes)


def parse(search: str | None, periods: Sequence[tuple[int, str]]) -> ViewState | None:
    """The requested view, falling back to the newest reported period; None if nothing is reported."""
    if not periods:
        return None
    query = query_values(search)
    period = query.get("period", "")
    year = whole_number(query.get("ar"), 4) or periods[-1][0]
    in_year = [p for y, p in periods if y == year]
    if not in_year:
        year, in_year = periods[-1][0], [p for y, p in periods if y == periods[-1][0]]
    level = next(
        (lvl for lvl, key in LEVEL_KEYS.items() if key == query.get("niva")), GoalLevel.COUNCIL
    )
    return ViewState(
        year=year,
        period=period if period in in_year else in_year[-1],
        org_code=plain_text(query.get("org"), MAX_CODE_LENGTH),
        level=level,
        sort=plain_text(query.get("sortera"), MAX_CODE_LENGTH),
    )


def query_values(search: str | None) -> dict[str, str]:
    """The first value of each key of a query string ("?ar=2026&org=SKA")."""
    return {key: values[0] for key, values in parse_qs((search or "").lstrip("?")).items()}


def whole_number(text: str | None, max_digits: int) -> int | None:
    """A number written in at most `max_digits` ASCII digits, else None.

    str.isdigit() also takes "²" and Arabic-Indic digits, which int() then refuses or reads,
    and int() refuses more than 4,300 digits: both were server errors (issue 16)."""
    return int(text) if text and re.fullmatch(f"[0-9]{{1,{max_digits}}}", text) else None


def plain_text(text: object, max_length: int) -> str | None:
    """The text if it is short and printable (no NUL, which PostgreSQL refuses), else None."""
    return (
        text
        if isinstance(text, str) and text and len(text) <= max_length and text.isprintable()
        else None
    )


def query(state: ViewState) -> str:
    """The query string for a state, e.g. "?ar=2026&period=T2&org=SKA"."""
    params: dict[str, str | int] = {"ar": state.year, "period": state.period}
    if state.org_code:
        params["org"] = state.org_code
    if state.level is not GoalLevel.COUNCIL:
        params["niva"] = LEVEL_KEYS[state.level]
    if state.sort:
        params["sortera"] = state.sort
    return "?" + urlencode(params)


def href(path: str, state: ViewState, **changes) -> str:
    """A link to a page with the current state, optionally changed (e.g. another organisation)."""
    return path + query(state.with_changes(**changes) if changes else state)


def goal_path(code: str) -> str:
    """The goal page's path."""
    return f"/mal/{quote(code)}"


def activity_path(code: str) -> str:
    """The activity page's path."""
    return f"/aktivitet/{quote(code)}"


def indicator_path(code: str) -> str:
    """The indicator page's path."""
    return f"/indikator/{quote(code)}"
