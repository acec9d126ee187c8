"""The `kontrollrummet` command: serve the dashboard, build demo data, migrate the database.

Messages are in Swedish, like the rest of the user interface. Every failure the user can
cause (bad option, unreachable database) ends in one clear line and a non-zero exit.
"""

from __future__ import annotations

import functools
import time

import click
from sqlalchemy.exc import SQLAlchemyError

from dashboard import database
from dashboard.settings import Settings
from dashboard.store import Store

DATABASE_OPTION = click.option(
    "--database",
    "database_url",
    metavar="URL",
    help="Databasens adress, t.ex. sqlite:///kontrollrummet.db eller postgresql://användare@värd/db "
    "(standard: KONTROLLRUMMET_DATABASE_URL).",
)


def _open_store(database_url: str | None) -> Store:
    url = database_url or Settings.from_env().database_url
    try:
        return Store(database.make_engine(url))
    except database.DatabaseError as error:
        raise click.ClickException(f"Kunde inte använda databasen: {error}") from error


def _fail_on_database_errors(action):
    """Turn database failures into one readable line instead of a traceback."""

    @functools.wraps(action)
    def wrapped(*args, **kwargs):
        try:
            return action(*args, **kwargs)
        except database.DatabaseError as error:
            raise click.ClickException(f"Kunde inte använda databasen: {error}") from error
        except SQLAlchemyError as error:
            raise click.ClickException(f"Databasfel: {str(error.orig or error).splitlines()[0]}") from error

    return wrapped


@click.group(help="Kontrollrummet – målstyrning och uppföljning för kommuner.")
def main() -> None:
    """The command group."""


@main.command(help="Starta instrumentpanelen.")
@click.option("--host", help="Adress att lyssna på (standard 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (standard 8050).")
@click.option("--debug/--no-debug", default=None, help="Dash utvecklingsläge.")
@DATABASE_OPTION
@_fail_on_database_errors
def serve(host: str | None, port: int | None, debug: bool | None, database_url: str | None) -> None:
    from dashboard.app import create_app  # Dash is heavy; other commands don't need it

    settings = Settings.from_env().with_overrides(
        host=host, port=port, debug=debug, database_url=database_url
    )
    _open_store(settings.database_url).check()
    app = create_app(settings)
    click.echo(f"Kontrollrummet på http://{settings.host}:{settings.port}/")
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


@main.command(help="Skapa en databas med demodata (eller den stora Stockholmsvolymen).")
@click.option(
    "--scale",
    type=click.Choice(["demo", "stockholm"]),
    default="demo",
    show_default=True,
    help="demo: en liten påhittad kommun; stockholm: 1 500 enheter, ~2 miljoner mätvärden.",
)
@click.option("--seed", type=int, help="Slumpfrö; samma frö ger samma data.")
@click.option("--replace", is_flag=True, help="Töm databasen först om den redan har data.")
@DATABASE_OPTION
@_fail_on_database_errors
def demo(scale: str, seed: int | None, replace: bool, database_url: str | None) -> None:
    from dashboard.demo import demo_dataset
    from dashboard.scale import stockholm_dataset

    store = _open_store(database_url)
    store.create_schema()
    if any(store.table_counts().values()):
        if not replace:
            raise click.ClickException(
                "Databasen innehåller redan data. Använd --replace för att ersätta den."
            )
        database.drop_everything(store.engine)
        store.create_schema()
    started = time.perf_counter()
    build = demo_dataset if scale == "demo" else stockholm_dataset
    data = build() if seed is None else build(seed=seed)
    counts = store.write_dataset(data, user_name="kontrollrummet demo", file_name=scale, kind="demo")
    elapsed = time.perf_counter() - started
    for table, count in counts.items():
        click.echo(f"{table:>16}: {count:>10,}".replace(",", " "))
    click.echo(f"Klart på {elapsed:.1f} s: {store.engine.url.render_as_string(hide_password=True)}")


@main.group(help="Databasens schema.")
def db() -> None:
    """The database command group."""


@db.command(help="Uppgradera databasen till senaste schemat (migreringar).")
@DATABASE_OPTION
@_fail_on_database_errors
def upgrade(database_url: str | None) -> None:
    store = _open_store(database_url)
    store.create_schema()
    click.echo(f"Schemat är aktuellt: {store.engine.url.render_as_string(hide_password=True)}")
