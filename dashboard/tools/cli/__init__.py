"""The `kontrollrummet` command: serve the dashboard, build demo data, migrate the database,
import files (and list or undo uploads), export the data as import files.

Messages are in Swedish, like the rest of the user interface. Every failure the user can
cause (bad option, unreachable database) ends in one clear line and a non-zero exit.

One module per command group: `serve`, `data` (demo, bench, import, uploads, undo, export),
`users` (user …), `tokens` (user token …), `db` (db …) and `kolada` (kolada hämta); `common`
holds the options and error handling they share.
"""

from __future__ import annotations

import click

from dashboard.tools.cli.data import bench, demo, export, import_files, undo, uploads
from dashboard.tools.cli.db import db
from dashboard.tools.cli.kolada import kolada
from dashboard.tools.cli.serve import serve
from dashboard.tools.cli.tokens import token
from dashboard.tools.cli.users import user


@click.group(help="Kontrollrummet – målstyrning och uppföljning för kommuner.")
def main() -> None:
    """The command group."""


for command in (serve, demo, import_files, uploads, undo, export, bench, user, db, kolada):
    main.add_command(command)
user.add_command(token)
