"""`kontrollrummet user …`: who may sign in, and with which role."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from dashboard.access import ROLE_NAMES, ROLES_BY_NAME
from dashboard.tools.cli.common import (
    DATABASE_OPTION,
    P,
    R,
    acting_user,
    fail_on_database_errors,
    open_store,
)


def _fail_on_account_errors(action: Callable[P, R]) -> Callable[P, R]:
    """An account change that cannot be made ends in its one Swedish line, exit 1."""
    from dashboard.access.accounts import AccountError

    @functools.wraps(action)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return action(*args, **kwargs)
        except AccountError as error:
            raise click.ClickException(str(error)) from error

    return wrapped


@click.group(help="Konton: vem som får logga in, och med vilken behörighet.")
def user() -> None:
    """The account command group."""


ROLE_CHOICE = click.Choice(list(ROLES_BY_NAME))
PASSWORD_STDIN = click.option(
    "--password-stdin",
    is_flag=True,
    help="Läs lösenordet från standard in (en rad) i stället för att fråga.",
)


@user.command(
    "add", help="Skapa ett konto. En redaktör behöver minst en --org; lösenordet frågas efter."
)
@click.argument("username", metavar="ANVÄNDARNAMN")
@click.option(
    "--role",
    "role_name",
    type=ROLE_CHOICE,
    required=True,
    help="läsare, redaktör eller administratör.",
)
@click.option(
    "--org",
    "org_codes",
    multiple=True,
    metavar="KOD",
    help="Organisation (med allt under den) som en redaktör får ändra; kan ges flera gånger.",
)
@click.option(
    "--name", "display_name", default="", help="Namnet som visas (standard: användarnamnet)."
)
@click.option(
    "--sso",
    is_flag=True,
    help="Inget lösenord: kontot loggar bara in via den betrodda proxyns inloggning.",
)
@PASSWORD_STDIN
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_account_errors
def user_add(
    username: str,
    role_name: str,
    org_codes: tuple[str, ...],
    display_name: str,
    sso: bool,
    password_stdin: bool,
    database_url: str | None,
) -> None:
    from dashboard.access import accounts

    store = open_store(database_url)
    store.check()
    password = None if sso else _new_password(password_stdin)
    made = accounts.add(
        store,
        username,
        display_name,
        ROLES_BY_NAME[role_name],
        org_codes,
        password,
        acting_user(None),
    )
    scope = f" för {', '.join(made.org_codes)}" if made.org_codes else ""
    click.echo(f"Kontot {made.username} ({role_name}{scope}) är skapat.")


@user.command("list", help="Lista kontona.")
@DATABASE_OPTION
@fail_on_database_errors
def user_list(database_url: str | None) -> None:
    from dashboard.access import accounts

    store = open_store(database_url)
    store.check()
    for found in accounts.accounts(store):
        sign_in = "lösenord" if found.has_password else "bara via proxy"
        orgs = ", ".join(found.org_codes) or "–"
        click.echo(
            f"{found.username:<20} {ROLE_NAMES[found.role]:<14} {orgs:<20} "
            f"{sign_in:<15} {found.display_name}"
        )


@user.command("remove", help="Ta bort ett konto; det loggas ut vid nästa klick.")
@click.argument("username", metavar="ANVÄNDARNAMN")
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_account_errors
def user_remove(username: str, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = open_store(database_url)
    store.check()
    accounts.remove(store, username, acting_user(None))
    click.echo(f"Kontot {username} är borttaget.")


@user.command("password", help="Ge ett konto ett nytt lösenord.")
@click.argument("username", metavar="ANVÄNDARNAMN")
@PASSWORD_STDIN
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_account_errors
def user_password(username: str, password_stdin: bool, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = open_store(database_url)
    store.check()
    accounts.set_password(store, username, _new_password(password_stdin), acting_user(None))
    click.echo(f"Kontot {username} har fått ett nytt lösenord.")


@user.command(
    "signout", help="Logga ut ett konto överallt: alla dess sessioner upphör vid nästa klick."
)
@click.argument("username", metavar="ANVÄNDARNAMN")
@DATABASE_OPTION
@fail_on_database_errors
@_fail_on_account_errors
def user_signout(username: str, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = open_store(database_url)
    store.check()
    accounts.end_sessions(store, username, acting_user(None))
    click.echo(f"Kontot {username} är utloggat överallt.")


def _new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("Lösenord", hide_input=True, confirmation_prompt="Upprepa lösenordet")
