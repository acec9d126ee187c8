"""Mitt konto: the page, and its one callback that makes or revokes the person's API tokens.

Everything is decided in dashboard/access/tokens.py (only the holder or an administrator; the
audit); this only wires the buttons to it for the person behind the request.
"""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit, tokens
from dashboard.pages.my_account import account
from dashboard.store import Store
from layouts import my_account as layout
from layouts import texts
from layouts.ids import MyAccountIds


def page(request: PageRequest) -> html.Div:
    """The signed-in person's account; a sign-in link for an anonymous reader."""
    if not request.user.signed_in:
        return layout.signed_out()
    return layout.page(account(request.store, request.user))


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(MyAccountIds.FEEDBACK, "children"),
        Output(MyAccountIds.TOKENS, "children"),
        Output(MyAccountIds.TOKEN_NAME, "value"),
        Input(MyAccountIds.CREATE, "n_clicks"),
        Input({"type": MyAccountIds.REVOKE, "index": ALL}, "n_clicks"),
        State(MyAccountIds.TOKEN_NAME, "value"),
        prevent_initial_call=True,
    )
    def change(_: int | None, revokes: list[int | None], name: str | None) -> tuple[Any, ...]:
        trigger = ctx.triggered_id
        if isinstance(trigger, dict):  # a revoke button; new buttons drawn fire it unclicked
            if not any(revokes):
                return no_update, no_update, no_update
            return revoke(store, sign_in.current(), int(trigger["index"]))
        return create(store, sign_in.current(), name or "")


def create(store: Store, user: Principal, name: str) -> tuple[Any, ...]:
    """Make a token for the person: (feedback with the token, the list, the emptied name)."""
    try:
        made = tokens.create(store, user, user.username, name)
    except tokens.TokenError as error:
        return _refused(store, user, audit.TOKEN_ADD, user.username, error), no_update, no_update
    return layout.created(made), _list(store, user), ""


def revoke(store: Store, user: Principal, token_id: int) -> tuple[Any, ...]:
    """Revoke one of the person's tokens: (feedback, the list, the name as it was)."""
    try:
        found = tokens.revoke(store, user, token_id)
    except tokens.TokenError as error:
        target = f"API-nyckel {token_id}"
        return _refused(store, user, audit.TOKEN_REVOKE, target, error), no_update, no_update
    return layout.revoked(found.name), _list(store, user), no_update


def _refused(
    store: Store, user: Principal, action: str, target: str, error: tokens.TokenError
) -> html.Div:
    """Say why; a request no button offers (another's token, no account) goes in the log."""
    reason = texts.TOKEN_PROBLEM[error.problem]
    if error.problem is not tokens.TokenProblem.BAD_NAME:
        sign_in.record_refusal(store, user, action, target, reason)
    return layout.problem(reason)


def _list(store: Store, user: Principal) -> html.Div | html.P:
    return layout.token_list(account(store, user).tokens)
