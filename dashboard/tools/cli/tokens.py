"""`kontrollrummet user token …`: API tokens from the command line, made, listed and revoked by
the operator (who holds the database, so acts as an administrator; audited under their name)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import click

from dashboard.tools.cli.common import (
    DATABASE_OPTION,
    P,
    R,
    acting_user,
    fail_on_database_errors,
    open_store,
)


def _fail_on_token_errors(action: Callable[P, R]) -> Callable[P, R]:
    """A token change that cannot be made ends in its one Swedish line, exit 1."""
    from dashboard.access.tokens import TokenError
    from layouts import texts

    @functools.wraps(action)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return action(*args, **kwargs)
        except TokenError as error:
            raise click.ClickException(texts.TOKEN_PROBLEM[error.problem]) from error

    return wrapped


@click.group(help="API-nycklar: program som läser öppna data (API:t) som ett konto.")
def token() -> None:
    """The API token command group, under `user`."""


@token.command("create", help="Skapa en API-nyckel för ett konto; den visas bara en gång.")
@click.argument("username", metavar="ANVÄNDARNAMN")
@click.option("--name", required=True, help="Vad nyckeln används till, t.ex. Power BI.")
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_token_errors
def token_create(username: str, name: str, database_url: str | None) -> None:
    from dashboard.access import operator, tokens

    store = open_store(database_url)
    store.check()
    made = tokens.create(store, operator(acting_user(None)), username, name)
    click.echo(made)
    click.echo(
        f"Nyckeln för {username} visas bara nu. Skicka den i huvudet Authorization: Bearer …",
        err=True,
    )


@token.command("list", help="Lista API-nycklarna (alla, eller ett kontos).")
@click.argument("username", metavar="[ANVÄNDARNAMN]", required=False)
@DATABASE_OPTION
@fail_on_database_errors
def token_list(username: str | None, database_url: str | None) -> None:
    from dashboard.access import operator, tokens

    store = open_store(database_url)
    store.check()
    for found in tokens.tokens(store, operator(acting_user(None)), username):
        state = f"återkallad {found.revoked_at:%Y-%m-%d}" if found.revoked_at else "gäller"
        click.echo(
            f"{found.id:<6} {found.username:<20} {found.hint}…  {state:<22} "
            f"skapad {found.created_at:%Y-%m-%d} av {found.created_by}  {found.name}"
        )


@token.command("revoke", help="Återkalla en API-nyckel (numret från token list).")
@click.argument("token_id", metavar="NUMMER", type=int)
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_token_errors
def token_revoke(token_id: int, database_url: str | None) -> None:
    from dashboard.access import operator, tokens

    store = open_store(database_url)
    store.check()
    found = tokens.revoke(store, operator(acting_user(None)), token_id)
    click.echo(f"Nyckeln {found.hint}… ({found.name}) för {found.username} är återkallad.")
