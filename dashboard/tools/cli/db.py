"""`kontrollrummet db …`: migrate the schema, and back the data up as import files."""

from __future__ import annotations

from pathlib import Path

import click

from dashboard.tools.cli.common import (
    DATABASE_OPTION,
    RAW_OPTION,
    fail_on_database_errors,
    open_store,
)
from dashboard.tools.cli.data import stored_files, write_files


@click.group(help="Databasens schema.")
def db() -> None:
    """The database command group."""


@db.command(help="Uppgradera databasen till senaste schemat (migreringar).")
@DATABASE_OPTION
@fail_on_database_errors
def upgrade(database_url: str | None) -> None:
    from dashboard.tools import warming

    store = open_store(database_url)
    store.create_schema()
    click.echo(f"Schemat är aktuellt: {store.engine.url.render_as_string(hide_password=True)}")
    if warming.prepare(store):  # a release reads nothing the previous one kept
        click.echo("De första sidorna är förberedda för den här versionen.")


@db.command(
    "export",
    help="Säkerhetskopiera: spara alla uppgifter som importfiler i en ny, tom katalog. "
    "Återställ med kontrollrummet import KATALOG/*.csv i en tom databas.",
)
@click.argument("directory", metavar="KATALOG", type=click.Path(file_okay=False, path_type=Path))
@RAW_OPTION
@DATABASE_OPTION
@fail_on_database_errors
def db_export(directory: Path, raw: bool, database_url: str | None) -> None:
    if directory.exists() and any(directory.iterdir()):  # a restore reads every file in it
        raise click.ClickException(
            f"Katalogen {directory} är inte tom; välj en ny katalog för kopian."
        )
    write_files(stored_files(database_url, raw), directory)
