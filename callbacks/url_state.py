"""The view's state as a URL query string, so a pasted link opens exactly the same view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode


@dataclass(frozen=True)
class ViewState:
    year: int
    period: str


def parse(search: str | None, periods: Sequence[tuple[int, str]]) -> ViewState | None:
    """The requested year and period, falling back to the newest reported one; None if no data."""
    if not periods:
        return None
    query = parse_qs((search or "").lstrip("?"))
    year_text = query.get("ar", [""])[0]
    period = query.get("period", [""])[0]
    if year_text.isdigit() and (int(year_text), period) in periods:
        return ViewState(int(year_text), period)
    year = int(year_text) if year_text.isdigit() else periods[-1][0]
    in_year = [p for y, p in periods if y == year]
    if in_year:
        return ViewState(year, in_year[-1])
    latest_year, latest_period = periods[-1]
    return ViewState(latest_year, latest_period)


def query(state: ViewState) -> str:
    """The query string for a state, e.g. "?ar=2026&period=T2"."""
    return "?" + urlencode({"ar": state.year, "period": state.period})
