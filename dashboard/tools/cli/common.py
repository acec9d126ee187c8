"""What every command shares: the database option, and one readable line for a database failure."""

from __future__ import annotations

import functools
import getpass
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click
from sqlalchemy.exc import SQLAlchemyError

from dashboard.settings import Settings
from dashboard.store import Store, database

P = ParamSpec("P")
R = TypeVar("R")

DATABASE_OPTION = click.option(
    "--database",
    "database_url",
    metavar="URL",
    help="Databasens adress, t.ex. sqlite:///kontrollrummet.db eller "
    "postgresql://användare@värd/db (standard: KONTROLLRUMMET_DATABASE_URL).",
)
RAW_OPTION = click.option(
    "--raw",
    is_flag=True,
    help="Text exakt som den är lagrad, för en kopia som ska läsas in igen. Utan --raw får text "
    "som börjar med =, +, -, @ en apostrof först, så att Excel inte kör den som en formel.",
)


def open_store(database_url: str | None) -> Store:
    from dashboard.tools import warming

    url = database_url or Settings.from_env().database_url
    try:  # a write that ends every kept result prepares the first pages (tools/warming.py)
        return Store(database.make_engine(url), prepare=warming.after_write)
    except database.DatabaseError as error:
        raise click.ClickException(f"Kunde inte använda databasen: {error}") from error


def fail_on_database_errors(action: Callable[P, R]) -> Callable[P, R]:
    """Turn database failures into one readable line instead of a traceback."""

    @functools.wraps(action)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return action(*args, **kwargs)
        except database.DatabaseError as error:
            raise click.ClickException(f"Kunde inte använda databasen: {error}") from error
        except SQLAlchemyError as error:
            raise click.ClickException(
                f"Databasfel: {str(getattr(error, 'orig', None) or error).splitlines()[0]}"
            ) from error

    return wrapped


def acting_user(given: str | None) -> str:
    """Who is uploading or undoing: --user, else the logged-in user."""
    try:
        return given or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "okänd användare"
