"""`kontrollrummet serve`: start the dashboard, one process or several workers."""

from __future__ import annotations

import click

from dashboard.settings import Settings
from dashboard.tools.cli.common import DATABASE_OPTION, fail_on_database_errors, open_store


@click.command(help="Starta instrumentpanelen.")
@click.option("--host", help="Adress att lyssna på (standard 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (standard 8050).")
@click.option("--debug/--no-debug", default=None, help="Dash utvecklingsläge.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Antal arbetsprocesser (standard 1; fler körs med gunicorn, se docs/deployment.md).",
)
@DATABASE_OPTION
@fail_on_database_errors
def serve(
    host: str | None,
    port: int | None,
    debug: bool | None,
    workers: int | None,
    database_url: str | None,
) -> None:
    settings = Settings.from_env().with_overrides(
        host=host, port=port, debug=debug, workers=workers, database_url=database_url
    )
    checked = open_store(settings.database_url)
    checked.check()
    checked.engine.dispose()  # no connection of this process may outlive it in the workers
    from dashboard.web import serving

    for warning in serving.startup_warnings(settings):
        click.echo(warning, err=True)
    if settings.workers > 1:
        if settings.debug:
            raise click.ClickException(
                "Utvecklingsläget (--debug) fungerar bara med en arbetsprocess."
            )
        click.echo(
            f"Kontrollrummet på http://{settings.host}:{settings.port}/ "
            f"med {settings.workers} arbetsprocesser"
        )
        serving.run(settings)
        return
    from dashboard.app import STORE_EXTENSION, create_app  # Dash is heavy; others don't need it
    from dashboard.tools import warming

    app = create_app(settings)
    warming.at_start(app.server.extensions[STORE_EXTENSION])  # after a release: tools/warming.py
    click.echo(f"Kontrollrummet på http://{settings.host}:{settings.port}/")
    app.run(
        host=settings.host,
        port=settings.port,
        debug=settings.debug,
        request_handler=serving.QuietRequestHandler,
    )
