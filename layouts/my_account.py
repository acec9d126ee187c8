"""Mitt konto: who is signed in, and their API tokens: make one (shown once), revoke one."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.access import ROLE_NAMES
from dashboard.access.tokens import MAX_NAME_LENGTH, StoredToken
from dashboard.pages.my_account import AccountPage
from layouts import texts, urls
from layouts.components import aria, data_table, empty_state, local_time
from layouts.ids import MyAccountIds


def page(data: AccountPage) -> html.Div:
    """The account's facts, then the token section."""
    user = data.user
    role = ROLE_NAMES[user.role] if user.role else ""
    return html.Div(
        [
            html.H1(texts.ACCOUNT_HEADING),
            html.P(texts.SIGNED_IN_AS.format(name=user.display_name, role=role)),
            html.H2(texts.TOKENS_HEADING),
            html.P(
                [
                    texts.TOKENS_INTRO,
                    " ",
                    html.A(texts.TOKENS_API_LINK, href=urls.API_INDEX_PATH),
                    ".",
                ]
            ),
            html.Div(
                [
                    html.Label(texts.TOKEN_NAME_LABEL, htmlFor=MyAccountIds.TOKEN_NAME),
                    dcc.Input(
                        id=MyAccountIds.TOKEN_NAME,
                        type="text",
                        maxLength=MAX_NAME_LENGTH,
                        className="form-control",
                    ),
                    html.Button(
                        texts.TOKEN_CREATE_BUTTON,
                        id=MyAccountIds.CREATE,
                        className="btn btn-primary",
                    ),
                ],
                className="token-form",
            ),
            html.Div(id=MyAccountIds.FEEDBACK, role="status"),
            html.Div(token_list(data.tokens), id=MyAccountIds.TOKENS),
        ],
        className="account-page",
    )


def signed_out() -> html.Div:
    """What a reader who has not signed in (anonymous read access) sees."""
    return html.Div(
        [
            html.H1(texts.ACCOUNT_HEADING),
            html.P(
                [texts.ACCOUNT_SIGNED_OUT, " ", html.A(texts.SIGN_IN_LINK, href=urls.SIGN_IN_PATH)]
            ),
        ]
    )


def token_list(found: Sequence[StoredToken]) -> html.Div | html.P:
    """The person's tokens: name, first characters, made, state, and a revoke button."""
    if not found:
        return empty_state(texts.TOKENS_NONE)
    rows = [
        (
            token.name,
            html.Code(f"{token.hint}…"),
            local_time(token.created_at),
            texts.TOKEN_REVOKED_ON.format(at=local_time(token.revoked_at))
            if token.revoked_at
            else texts.TOKEN_IN_FORCE,
            ""
            if token.revoked_at
            else html.Button(
                texts.TOKEN_REVOKE_BUTTON,
                id={"type": MyAccountIds.REVOKE, "index": token.id},
                className="btn btn-sm btn-outline-danger",
                **aria(label=texts.TOKEN_REVOKE_LABEL.format(name=token.name)),
            ),
        )
        for token in found
    ]
    return data_table(texts.TOKENS_CAPTION, texts.TOKEN_COLUMNS, rows)


def created(token: str) -> dbc.Alert:
    """The new token, shown this once."""
    return dbc.Alert(
        [html.P(texts.TOKEN_CREATED), html.Code(token, className="new-token")], color="success"
    )


def revoked(name: str) -> dbc.Alert:
    """A token was revoked."""
    return dbc.Alert(texts.TOKEN_REVOKED.format(name=name), color="info")


def problem(text: str) -> html.Div:
    """Why a token change was not made."""
    return html.Div(text, className="alert alert-danger", role="alert")
