"""Målsida: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.goal import goal_page
from layouts import assessment_form
from layouts import goal as layout


def page(request: PageRequest) -> html.Div | None:
    """The goal at the organisation, or None when there is no such goal."""
    goal = request.store.goal(request.params["code"])
    if goal is None:
        return None
    state, org = request.state, request.org
    found = goal_page(request.store, goal, org, state.year, state.period)
    note = assessment_form.goal_page_note(found.view.status, state, found.saved)
    bar = filters.bar(request)
    return layout.page(found.view, org, found.lineage, state, bar, note, found.national)
