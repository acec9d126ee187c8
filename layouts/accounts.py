"""Konton: the administrators' page to add, change, reset and remove accounts (issue 18)."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.access import ROLE_NAMES
from dashboard.access.accounts import Account
from layouts import texts
from layouts.components import data_table
from layouts.ids import AccountIds

ROLE_OPTIONS = [{"label": name, "value": name} for name in ROLE_NAMES.values()]


def page(found: Sequence[Account], username: str) -> html.Div:
    """The add form and every account with its buttons."""
    return html.Div(
        [
            html.H1(texts.ACCOUNTS_HEADING),
            html.P(texts.ACCOUNTS_INTRO),
            html.H2(texts.ACCOUNT_ADD_HEADING),
            add_form(),
            html.Div(id=AccountIds.RESULT, role="status", className="my-3"),
            html.H2(texts.ACCOUNT_LIST_HEADING),
            html.Div(account_table(found, username), id=AccountIds.LIST),
        ],
        className="accounts-page",
    )


def add_form() -> html.Div:
    """Username, name, role, organisations and an optional password."""
    fields = [
        (texts.USERNAME_LABEL, dbc.Input(id=AccountIds.USERNAME, type="text", autoComplete="off")),
        (texts.ACCOUNT_DISPLAY_NAME, dbc.Input(id=AccountIds.DISPLAY_NAME, type="text")),
        (texts.ACCOUNT_ROLE, dbc.Select(id=AccountIds.ROLE, options=ROLE_OPTIONS, value="läsare")),
        (texts.ACCOUNT_ORGS, dbc.Input(id=AccountIds.ORGS, type="text", autoComplete="off")),
        (
            texts.ACCOUNT_PASSWORD,
            dbc.Input(id=AccountIds.PASSWORD, type="password", autoComplete="new-password"),
        ),
    ]
    return html.Div(
        [
            *[
                html.Div([dbc.Label(label, html_for=str(field.id)), field], className="mb-2")
                for label, field in fields
            ],
            html.P(texts.ACCOUNT_ORGS_HINT, className="muted"),
            dbc.Button(texts.ACCOUNT_ADD, id=AccountIds.ADD, color="primary"),
        ],
        className="account-form",
    )


def account_table(found: Sequence[Account], username: str) -> html.Div:
    """Every account; one's own has no buttons (another administrator changes it)."""
    rows = [
        (
            account.username,
            account.display_name,
            ROLE_NAMES[account.role],
            ", ".join(account.org_codes) or "–",
            texts.ACCOUNT_SIGN_IN[account.has_password],
            "" if account.username == username else _actions(account),
        )
        for account in found
    ]
    return data_table(texts.ACCOUNT_CAPTION, texts.ACCOUNT_COLUMNS, rows)


def _actions(account: Account) -> html.Div:
    name = account.username
    return html.Div(
        [
            html.Label(
                [
                    html.Span(
                        texts.ACCOUNT_ROW_ROLE.format(user=name), className="visually-hidden"
                    ),
                    dbc.Select(  # native: dcc.Dropdown's hidden input took focus (axe)
                        id={"type": AccountIds.ROW_ROLE, "index": name},
                        options=ROLE_OPTIONS,
                        value=ROLE_NAMES[account.role],
                        size="sm",
                        className="account-role",
                    ),
                ]
            ),
            html.Label(
                [
                    html.Span(
                        texts.ACCOUNT_ROW_ORGS.format(user=name), className="visually-hidden"
                    ),
                    dcc.Input(
                        id={"type": AccountIds.ROW_ORGS, "index": name},
                        value=", ".join(account.org_codes),
                        type="text",
                        className="form-control form-control-sm",
                    ),
                ]
            ),
            *[
                dbc.Button(
                    label,
                    id={"type": kind, "index": name},
                    color=color,
                    size="sm",
                    title=f"{label}: {name}",
                )
                for label, kind, color in (
                    (texts.ACCOUNT_CHANGE, AccountIds.CHANGE, "primary"),
                    (texts.ACCOUNT_RESET, AccountIds.RESET, "secondary"),
                    (texts.ACCOUNT_REMOVE, AccountIds.REMOVE, "danger"),
                )
            ],
        ],
        className="d-flex flex-wrap align-items-center gap-1",
    )


def done(text: str, password: str | None = None, username: str = "") -> dbc.Alert:
    """A change made; a one-time password is shown this once."""
    shown = texts.ACCOUNT_ONE_TIME_PASSWORD.format(user=username, password=password)
    return dbc.Alert(
        [html.P(text), html.P(html.Strong(shown)) if password else None], color="success"
    )


def failed(text: str) -> dbc.Alert:
    """Why nothing was changed."""
    return dbc.Alert(text, color="danger")


def refused() -> html.Div:
    """What anyone but an administrator sees instead of the page."""
    return html.Div(
        [html.H1(texts.ACCOUNTS_HEADING), dbc.Alert(texts.REFUSED_ADMIN_ONLY, color="info")]
    )
