"""Konton: the page's route handler and its one callback, for administrators only.

The accounts come straight from dashboard/access/accounts.py (no dashboard/pages module); every
change goes through its functions, the CLI's rules and audit. The callback asks who is behind
the request: anyone but an administrator is refused and logged, and nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import ROLE_NAMES, ROLES_BY_NAME, Principal, accounts, audit
from dashboard.store import Store
from layouts import accounts as layout
from layouts import texts
from layouts.ids import AccountIds

ROW_BUTTONS = (AccountIds.CHANGE, AccountIds.RESET, AccountIds.REMOVE)
ACTION = {
    AccountIds.ADD: audit.USER_ADD,
    AccountIds.CHANGE: audit.USER_CHANGE,
    AccountIds.RESET: audit.USER_PASSWORD,
    AccountIds.REMOVE: audit.USER_REMOVE,
}
FormValues = tuple[str, str, str, str, str]  # username, name, role, organisations, password


def page(request: PageRequest) -> html.Div:
    """The page for administrators; anyone else is told it is theirs only (and it is logged)."""
    store, user = request.store, request.user
    if not user.is_admin:
        sign_in.record_refusal(store, user, audit.USER_ADD, "kontosidan", texts.REFUSED_ADMIN_ONLY)
        return layout.refused()
    return layout.page(accounts.accounts(store), user.username)


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(AccountIds.RESULT, "children"),
        Output(AccountIds.LIST, "children"),
        Output(AccountIds.PASSWORD, "value"),
        Input(AccountIds.ADD, "n_clicks"),
        *(Input({"type": kind, "index": ALL}, "n_clicks") for kind in ROW_BUTTONS),
        State(AccountIds.USERNAME, "value"),
        State(AccountIds.DISPLAY_NAME, "value"),
        State(AccountIds.ROLE, "value"),
        State(AccountIds.ORGS, "value"),
        State(AccountIds.PASSWORD, "value"),
        State({"type": AccountIds.ROW_ROLE, "index": ALL}, "value"),
        State({"type": AccountIds.ROW_ROLE, "index": ALL}, "id"),
        State({"type": AccountIds.ROW_ORGS, "index": ALL}, "value"),
        State({"type": AccountIds.ROW_ORGS, "index": ALL}, "id"),
        prevent_initial_call=True,
    )
    def act(*values: Any) -> tuple[Any, Any, Any]:
        if not ctx.triggered or not ctx.triggered[0].get("value"):  # a button drawn, not clicked
            return no_update, no_update, no_update
        trigger = ctx.triggered_id
        form = tuple(str(v or "") for v in values[4:9])
        roles = _by_user(values[9], values[10])
        orgs = _by_user(values[11], values[12])
        result = submit(store, sign_in.current(), trigger, form, roles, orgs)  # type: ignore[arg-type]
        return (
            result,
            layout.account_table(accounts.accounts(store), sign_in.current().username),
            "",
        )


def submit(
    store: Store,
    user: Principal,
    trigger: Any,
    form: FormValues,
    roles: dict[str, str],
    orgs: dict[str, str],
) -> Any:
    """Make the change a button asks for, if an administrator asks; what to say about it."""
    kind = trigger.get("type") if isinstance(trigger, dict) else trigger
    target = str(trigger.get("index")) if isinstance(trigger, dict) else form[0]
    if kind not in ACTION:
        return no_update
    if not user.is_admin:
        sign_in.record_refusal(store, user, ACTION[kind], target[:100], texts.REFUSED_ADMIN_ONLY)
        return layout.failed(texts.REFUSED_ADMIN_ONLY)
    if kind != AccountIds.ADD and target == user.username:
        return layout.failed(texts.ACCOUNT_NOT_YOURSELF)
    try:
        if kind == AccountIds.ADD:
            return _add(store, user, form)
        if kind == AccountIds.CHANGE:
            return _change(store, user, target, roles.get(target, ""), orgs.get(target, ""))
        if kind == AccountIds.RESET:
            password = accounts.one_time_password()
            accounts.set_password(store, target, password, user.username)
            return layout.done(texts.ACCOUNT_RESET_DONE.format(user=target), password, target)
        accounts.remove(store, target, user.username)
        return layout.done(texts.ACCOUNT_REMOVED.format(user=target))
    except accounts.AccountError as error:
        return layout.failed(str(error))


def _add(store: Store, user: Principal, form: FormValues) -> Any:
    username, display_name, role_name, org_text, typed = form
    role = ROLES_BY_NAME.get(role_name)
    if role is None:
        return layout.failed(texts.ACCOUNT_UNKNOWN_ROLE)
    password = typed or accounts.one_time_password()
    made = accounts.add(
        store, username, display_name, role, codes(org_text), password, user.username
    )
    shown = None if typed else password
    return layout.done(texts.ACCOUNT_ADDED.format(user=made.username), shown, made.username)


def _change(store: Store, user: Principal, username: str, role_name: str, org_text: str) -> Any:
    role = ROLES_BY_NAME.get(role_name)
    if role is None:
        return layout.failed(texts.ACCOUNT_UNKNOWN_ROLE)
    changed = accounts.change(store, username, role, codes(org_text), user.username)
    scope = f" för {', '.join(changed.org_codes)}" if changed.org_codes else ""
    return layout.done(
        texts.ACCOUNT_CHANGED.format(user=username, role=ROLE_NAMES[role], scope=scope)
    )


def codes(text: str) -> list[str]:
    """Organisation codes as typed: separated by commas, semicolons or spaces, each once."""
    return list(dict.fromkeys(code for code in re.split(r"[,;\s]+", text) if code))


def _by_user(values: Sequence[Any] | None, ids: Sequence[Any] | None) -> dict[str, str]:
    """A row field's value by username, from the browser (anything not text counts as empty)."""
    found: dict[str, str] = {}
    for value, id_ in zip(values or [], ids or []):
        index = id_.get("index") if isinstance(id_, dict) else None
        if isinstance(index, str):
            found[index] = value if isinstance(value, str) else ""
    return found
