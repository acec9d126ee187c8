"""Counts that are doors (issue 17): each count of indicators or activities by status opens the
list it counts, with the filter in the URL, as Stratsys's Kontrollrum does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import html

from dashboard.domain.model import Status
from dashboard.domain.rules import GoalResult, PartKind, count_statuses
from dashboard.followup.control_room import IndicatorLine
from layouts import elements as el
from layouts import texts, urls
from layouts.format import count

ORDER = (
    Status.MET,
    Status.PARTLY_MET,
    Status.NOT_MET,
    Status.NO_DATA,
)  # as the overview reads them


def goal_counts(result: GoalResult, goal_code: str, state: urls.ViewState) -> html.P:
    """The Målsida's counts: each count of indicators a link to the table filtered to them, and
    the activities' status a link to their table."""
    indicators = [p for p in result.parts if p.kind is PartKind.INDICATOR]
    counts = count_statuses(indicators)
    numbers = {status: counts.of(status) for status in ORDER}
    parts: list[Any] = []
    if indicators:
        parts.append(texts.INDICATORS_LEAD)
        for i, status in enumerate(ORDER):
            phrase = count(texts.INDICATOR_COUNT[status], numbers[status])
            href = urls.goal_indicators_href(goal_code, state, status)
            parts += [
                " · " if i else " ",
                el.Link(phrase, href=href) if numbers[status] else phrase,
            ]
    else:
        parts.append(texts.COUNTS_NONE)
    for part in result.parts:
        if part.kind is PartKind.ACTIVITIES:
            anchor = f"{urls.href(urls.goal_path(goal_code), state)}#{urls.ACTIVITIES_ANCHOR}"
            words = texts.ACTIVITIES_COUNT.format(status=texts.STATUS_LABEL[part.status])
            parts += [" · ", el.Link(words, href=anchor)]
    return el.P(parts, className="counts")


def only_status(lines: Sequence[IndicatorLine], status: Status | None) -> tuple[IndicatorLine, ...]:
    """The indicator lines of one status (None: all)."""
    return tuple(line for line in lines if status is None or line.judged.result.status is status)


def only_note(status: Status | None, show_all: str) -> html.P | None:
    """ "Visar bara indikatorer med status Delvis uppfyllt. Visa alla" when a filter is set."""
    if status is None:
        return None
    return el.P(
        [
            texts.INDICATORS_ONLY.format(status=texts.STATUS_LABEL[status]),
            " ",
            el.Link(texts.SHOW_ALL, href=show_all),
        ],
        className="filter-note",
    )
