"""Presentation: its route handler, and the keys that step through it (assets/presentation.js).

A clicker sends Page Down / Page Up; the script follows the page's previous and next links and
puts focus on the new goal's heading. It reads the keys and ids from the page's own store
(`layouts.presentation.KEYBOARD`), so no id is written twice.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, html

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.pages.presentation import presentation
from dashboard.store import Store
from layouts import presentation as layout
from layouts import urls
from layouts.ids import FollowupIds


def page(request: PageRequest) -> html.Div:
    """One deviating goal at a time among those Avvikelser's filters keep: the goal at the
    query's number, clamped to the list, with the agenda."""
    state, org, only = request.state, request.org, urls.only_from(request.search)
    shown = presentation(
        request.store, org, state.year, state.period, urls.number_from(request.search), only
    )
    meeting = shown.meeting
    agenda = [(b.goal.title, shown.owners[b.org_id].name) for b in shown.agenda]
    goal = meeting.full[0] if meeting.full else None
    return layout.page(
        shown.number,
        len(agenda),
        goal,
        state,
        org,
        meeting.orgs,
        meeting.saves,
        sign_in.may_change(request.store, request.user),
        only,
        agenda,
        shown.follow_up,
    )


def register(app: Dash, store: Store) -> None:
    """The keyboard: installed once per browser window, run again for each goal shown."""
    app.clientside_callback(
        ClientsideFunction("kontrollrummet", "presentationKeys"),
        Output(FollowupIds.KEYS, "data"),
        Input(FollowupIds.KEYS, "id"),
        State(FollowupIds.KEYS, "data"),
    )
