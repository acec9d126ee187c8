"""Avvikelser's goals one line each, the details on demand: the whole city's list fits a screen
or two, and a native <details> opens with Enter or Space, without any script of ours."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.followup.deviations import GoalDeviations
from dashboard.pages.deviations import Since
from layouts import texts
from layouts.components import status_badge
from layouts.format import count
from layouts.status_trend import movement_word
from layouts.urls import KIND_VALUES

# The groups after the goal's own: the goal's status already says that one.
LINE_GROUPS = {name: kinds for name, kinds in KIND_VALUES.items() if name != "mal"}


def goal_row(goal: GoalDeviations, since: Since | None, details: html.Section) -> html.Details:
    """One goal: a line (goal, status, movement, what deviates) that opens on its details."""
    status = goal.status
    return html.Details(
        [html.Summary(one_line(goal, since), className="goal-line"), details],
        className=f"deviation-goal status-{status.result.status}",
    )


def one_line(goal: GoalDeviations, since: Since | None) -> list[Any]:
    """The line's parts: title, status as symbol and word, movement and kinds of deviation."""
    status = goal.status
    key = (status.goal.id, status.org_id)
    movement = since.movements.get(key) if since and since.period else None
    kinds = [
        count(texts.LINE_GROUP_LABEL[name], number)
        for name, group in LINE_GROUPS.items()
        if (number := sum(1 for item in goal.items if item.kind in group))
    ]
    return [
        html.Span(status.goal.title, className="goal-title"),
        status_badge(status.result.status),
        movement_word(movement) if movement else None,
        html.Span(" · ".join(kinds), className="goal-kinds") if kinds else None,
    ]
