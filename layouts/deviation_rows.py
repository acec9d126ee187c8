"""Avvikelser's goals one line each, the details on demand: the whole city's list fits a screen
or two, and a native <details> opens with Enter or Space, without any script of ours.

A row's details are drawn only when it is opened (callbacks/deviations.py): 25 goals' details
were three quarters of the page's components, and Dash's renderer froze the browser for
seconds drawing them hidden (issue 20)."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.followup.goal_results import Brief
from dashboard.pages.deviations import Since
from layouts import elements as el
from layouts import texts
from layouts.components import status_badge
from layouts.format import count
from layouts.ids import DeviationIds
from layouts.status_trend import movement_word
from layouts.urls import KIND_VALUES

# The groups after the goal's own: the goal's status already says that one.
LINE_GROUPS = {name: kinds for name, kinds in KIND_VALUES.items() if name != "mal"}


def goal_row(brief: Brief, since: Since | None, key: dict[str, Any]) -> html.Details:
    """One goal: a line (goal, status, movement, what deviates) that opens on its details,
    named by `key` (urls.details_key) and drawn when first opened."""
    return el.Details(
        [
            el.Summary(
                one_line(brief, since),
                id={"type": DeviationIds.LINE, **key},
                className="goal-line",
            ),
            el.Div(texts.DETAILS_LOADING, id={"type": DeviationIds.DETAILS, **key}),
        ],
        className=f"deviation-goal status-{brief.status}",
    )


def one_line(brief: Brief, since: Since | None) -> list[Any]:
    """The line's parts: title, status as symbol and word, movement and kinds of deviation."""
    key = (brief.goal.id, brief.org_id)
    movement = since.movements.get(key) if since and since.period else None
    kinds = [
        count(texts.LINE_GROUP_LABEL[name], number)
        for name, group in LINE_GROUPS.items()
        if (number := sum(brief.kinds.get(kind, 0) for kind in group))
    ]
    return [
        el.Span(brief.goal.title, className="goal-title"),
        status_badge(brief.status),
        movement_word(movement) if movement else None,
        el.Span(" · ".join(kinds), className="goal-kinds") if kinds else None,
    ]
