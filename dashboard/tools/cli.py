"""The `kontrollrummet` command: serve the dashboard, build demo data, migrate the database,
import files (and list or undo uploads), export the data as import files.

Messages are in Swedish, like the rest of the user interface. Every failure the user can
cause (bad option, unreachable database) ends in one clear line and a non-zero exit.
"""

from __future__ import annotations

import functools
import getpass
import sys
import time
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from dashboard.access import ROLE_NAMES, ROLES_BY_NAME
from dashboard.settings import Settings
from dashboard.store import Store, database
from dashboard.tools.import_bench import MAX_ROWS

DATABASE_OPTION = click.option(
    "--database",
    "database_url",
    metavar="URL",
    help="Databasens adress, t.ex. sqlite:///kontrollrummet.db eller postgresql://användare@värd/db "
    "(standard: KONTROLLRUMMET_DATABASE_URL).",
)
RAW_OPTION = click.option(
    "--raw",
    is_flag=True,
    help="Text exakt som den är lagrad, för en kopia som ska läsas in igen. Utan --raw får text "
    "som börjar med =, +, -, @ en apostrof först, så att Excel inte kör den som en formel.",
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
            raise click.ClickException(
                f"Databasfel: {str(error.orig or error).splitlines()[0]}"
            ) from error

    return wrapped


@click.group(help="Kontrollrummet – målstyrning och uppföljning för kommuner.")
def main() -> None:
    """The command group."""


@main.command(help="Starta instrumentpanelen.")
@click.option("--host", help="Adress att lyssna på (standard 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (standard 8050).")
@click.option("--debug/--no-debug", default=None, help="Dash utvecklingsläge.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Antal arbetsprocesser (standard 1; fler körs med gunicorn, se docs/deployment.md).",
)
@DATABASE_OPTION
@_fail_on_database_errors
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
    checked = _open_store(settings.database_url)
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
    from dashboard.app import create_app  # Dash is heavy; other commands don't need it

    app = create_app(settings)
    click.echo(f"Kontrollrummet på http://{settings.host}:{settings.port}/")
    app.run(
        host=settings.host,
        port=settings.port,
        debug=settings.debug,
        request_handler=serving.QuietRequestHandler,
    )


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
    store = _open_store(database_url)
    store.create_schema()
    if any(store.table_counts().values()):
        if not replace:
            raise click.ClickException(
                "Databasen innehåller redan data. Använd --replace för att ersätta den."
            )
        database.drop_everything(store.engine)
        store.create_schema()
    from dashboard.tools.demo_accounts import add_demo_accounts

    started = time.perf_counter()
    counts = _demo_counts(store, seed) if scale == "demo" else _stockholm_counts(store, seed)
    made = add_demo_accounts(store, actor="kontrollrummet demo")
    elapsed = time.perf_counter() - started
    for table, count in counts.items():
        click.echo(f"{table:>16}: {count:>10,}".replace(",", " "))
    click.echo(
        "Demokonton (bara för demodata): " + ", ".join(f"{a.username} / {a.password}" for a in made)
    )
    click.echo(f"Klart på {elapsed:.1f} s: {store.engine.url.render_as_string(hide_password=True)}")


def _demo_counts(store: Store, seed: int | None) -> dict[str, int]:
    """Build the demo through the import: data/demo/*.csv, or the generator's files for a seed."""
    from dashboard.tools.demo import demo_dataset
    from dashboard.upload import change_sets, csv_export
    from layouts.import_problems import problem_text

    files = (
        csv_export.demo_files()
        if seed is None
        else csv_export.dataset_files(demo_dataset(seed=seed), csv_export.DEMO_ENCODINGS)
    )
    try:
        saved = change_sets.commit(store, files, user_name="kontrollrummet demo")
    except change_sets.UploadRejected as rejected:
        raise click.ClickException("\n".join(map(problem_text, rejected.problems))) from rejected
    return {file.table: file.inserted for file in saved}


def _stockholm_counts(store: Store, seed: int | None) -> dict[str, int]:
    """Write the Stockholm-scale benchmark directly: it measures the store, not the import."""
    from dashboard.tools.scale import stockholm_dataset

    data = stockholm_dataset() if seed is None else stockholm_dataset(seed=seed)
    return store.write_dataset(
        data, user_name="kontrollrummet demo", file_name="stockholm", kind="demo"
    )


@main.command("import", help="Läs in CSV-filer (eller Koladas JSON) i databasen: allt eller inget.")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--dry-run", is_flag=True, help="Kontrollera och visa ändringarna men spara inget.")
@click.option("--user", "user_name", help="Vem som laddar upp (standard: inloggad användare).")
@DATABASE_OPTION
@_fail_on_database_errors
def import_files(
    files: tuple[Path, ...], dry_run: bool, user_name: str | None, database_url: str | None
) -> None:
    from dashboard.followup import agenda
    from dashboard.upload import change_sets, csv_import
    from dashboard.upload.problems import too_large as too_large_problem

    store = _open_store(database_url)
    store.check()
    too_large = [
        too_large_problem(path.name, path.stat().st_size, csv_import.MAX_FILE_BYTES)
        for path in files
        if path.stat().st_size > csv_import.MAX_FILE_BYTES
    ]
    if too_large:  # refused before reading, let alone parsing
        _refuse(too_large)
    uploads = [csv_import.UploadFile(path.name, path.read_bytes()) for path in files]
    if dry_run:
        preview = change_sets.preview(store, uploads)
        if preview.problems:
            _refuse(preview.problems)
        for file in preview.files:
            click.echo(
                f"{file.file_name}: {file.kind_label} ({file.encoding}, {file.separator}): "
                f"{_number(file.new)} nya, {_number(file.changed)} ändrade, "
                f"{_number(file.unchanged)} oförändrade rader"
            )
            for note in file.notes:
                click.echo(f"  {note}")
        click.echo("Provkörning: inget sparades.")
        return
    try:
        saved = change_sets.commit(store, uploads, user_name=_user(user_name))
    except change_sets.UploadRejected as rejected:
        _refuse(rejected.problems)
    agenda.prepare_city(store)
    for file in saved:
        where = f"uppladdning {file.upload_id}" if file.upload_id else "inget att spara"
        click.echo(
            f"{file.file_name}: {change_sets.kind_label(file.kind)}: "
            f"{_number(file.inserted)} nya, {_number(file.updated)} ändrade, "
            f"{_number(file.unchanged)} oförändrade rader ({where})"
        )


def _refuse(problems: list) -> None:
    from layouts.import_problems import problem_text

    for problem in problems:
        click.echo(problem_text(problem), err=True)
    click.echo(f"Inget sparades: {_number(len(problems))} fel.", err=True)
    raise click.exceptions.Exit(1)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", " ")


def _user(given: str | None) -> str:
    """Who is uploading or undoing: --user, else the logged-in user."""
    try:
        return given or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "okänd användare"


@main.command(help="Lista uppladdningarna, senaste först.")
@DATABASE_OPTION
@_fail_on_database_errors
def uploads(database_url: str | None) -> None:
    from dashboard.upload import change_sets

    store = _open_store(database_url)
    store.check()
    for upload in change_sets.list_uploads(store):
        state = (
            f"ångrad {upload.undone_at:%Y-%m-%d %H:%M} av {upload.undone_by}"
            if upload.status == change_sets.UNDONE
            else "aktiv"
        )
        click.echo(
            f"{upload.id:>5}  {upload.created_at:%Y-%m-%d %H:%M}  {upload.user_name}  "
            f"{upload.file_name}  {upload.kind_label}  {_number(upload.rows_inserted)} nya, "
            f"{_number(upload.rows_updated)} ändrade  {state}"
        )


@main.command(
    help="Ångra en uppladdning: återställ värdena den ersatte och ta bort raderna den lade till."
)
@click.argument("upload_id", metavar="ID", type=int)
@click.option("--user", "user_name", help="Vem som ångrar (standard: inloggad användare).")
@DATABASE_OPTION
@_fail_on_database_errors
def undo(upload_id: int, user_name: str | None, database_url: str | None) -> None:
    from dashboard.followup import agenda
    from dashboard.upload import change_sets

    store = _open_store(database_url)
    store.check()
    try:
        result = change_sets.undo(store, upload_id, user_name=_user(user_name))
    except change_sets.UndoRefused as refused:
        raise click.ClickException(str(refused)) from refused
    agenda.prepare_city(store)
    click.echo(
        f"Uppladdning {result.upload_id} ({result.file_name}) är ångrad: "
        f"{_number(result.restored)} rader återställda, "
        f"{_number(result.deleted)} borttagna."
    )


@main.command(help="Spara databasens data som importfiler (eller tomma mallar, eller demodatan).")
@click.argument("directory", metavar="KATALOG", type=click.Path(file_okay=False, path_type=Path))
@click.option("--templates", is_flag=True, help="Tomma mallar: bara rubrikraderna.")
@click.option("--demo", is_flag=True, help="Demogeneratorns data, som i data/demo/.")
@RAW_OPTION
@DATABASE_OPTION
@_fail_on_database_errors
def export(
    directory: Path, templates: bool, demo: bool, raw: bool, database_url: str | None
) -> None:
    from dashboard.upload import csv_export

    if templates:
        files = csv_export.template_files()
    elif demo:
        from dashboard.tools.demo import demo_dataset

        files = csv_export.dataset_files(demo_dataset(), csv_export.DEMO_ENCODINGS)
    else:
        files = _stored_files(database_url, raw)
    _write(files, directory)


def _stored_files(database_url: str | None, raw: bool) -> list:
    from dashboard.upload import csv_export

    store = _open_store(database_url)
    store.check()
    return csv_export.store_files(store, raw)


def _write(files: list, directory: Path) -> None:
    from dashboard.upload import csv_export

    for path in csv_export.write_files(files, directory):
        click.echo(str(path))


@main.command(
    help="Mät svarstiderna för varje vy (p50/p95, databasens andel, svarsstorlek, minne) "
    "och importens genomströmning."
)
@click.option(
    "--scale",
    type=click.Choice(["demo", "stockholm"]),
    default="stockholm",
    show_default=True,
    help="Vilken data som byggs om databasen är tom.",
)
@click.option(
    "--calls",
    type=click.IntRange(3, 10_000),
    default=30,
    show_default=True,
    help="Anrop per vy (olika organisationer, mål, år och perioder).",
)
@click.option(
    "--json", "json_path", type=click.Path(dir_okay=False), help="Spara resultatet som JSON."
)
@click.option(
    "--database",
    "database_url",
    metavar="URL",
    help="Databas att mäta (standard: bench-SKALA.db i aktuell katalog; byggs om den är tom).",
)
@click.option(
    "--import/--no-import",
    "with_import",
    default=True,
    show_default=True,
    help="Mät också importen av utfallsfiler, i tillfälliga databaser av samma slag.",
)
@click.option(
    "--import-rows",
    type=click.IntRange(1, MAX_ROWS),
    multiple=True,
    default=[100_000, 1_000_000],
    show_default=True,
    help="Antal utfallsrader per importmätning (kan anges flera gånger).",
)
@_fail_on_database_errors
def bench(
    scale: str,
    calls: int,
    json_path: str | None,
    database_url: str | None,
    with_import: bool,
    import_rows: tuple[int, ...],
) -> None:
    from dashboard.tools import bench as benchmark

    store = _open_store(database_url or f"sqlite:///bench-{scale}.db")
    store.create_schema()
    if not store.table_counts()["measurement"]:
        click.echo(f"Bygger {scale}-data …")
        _demo_counts(store, None) if scale == "demo" else _stockholm_counts(store, None)
    results = benchmark.run(
        store.engine.url.render_as_string(hide_password=False),
        calls,
        import_rows if with_import else (),
    )
    click.echo(benchmark.report(results))
    if json_path:
        benchmark.write_json(results, json_path)


def _fail_on_account_errors(action):
    """An account change that cannot be made ends in its one Swedish line, exit 1."""
    from dashboard.access.accounts import AccountError

    @functools.wraps(action)
    def wrapped(*args, **kwargs):
        try:
            return action(*args, **kwargs)
        except AccountError as error:
            raise click.ClickException(str(error)) from error

    return wrapped


@main.group(help="Konton: vem som får logga in, och med vilken behörighet.")
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
@_fail_on_database_errors
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

    store = _open_store(database_url)
    store.check()
    password = None if sso else _new_password(password_stdin)
    made = accounts.add(
        store, username, display_name, ROLES_BY_NAME[role_name], org_codes, password, _user(None)
    )
    scope = f" för {', '.join(made.org_codes)}" if made.org_codes else ""
    click.echo(f"Kontot {made.username} ({role_name}{scope}) är skapat.")


@user.command("list", help="Lista kontona.")
@DATABASE_OPTION
@_fail_on_database_errors
def user_list(database_url: str | None) -> None:
    from dashboard.access import accounts

    store = _open_store(database_url)
    store.check()
    for found in accounts.accounts(store):
        sign_in = "lösenord" if found.has_password else "bara via proxy"
        click.echo(
            f"{found.username:<20} {ROLE_NAMES[found.role]:<14} {', '.join(found.org_codes) or '–':<20} "
            f"{sign_in:<15} {found.display_name}"
        )


@user.command("remove", help="Ta bort ett konto; det loggas ut vid nästa klick.")
@click.argument("username", metavar="ANVÄNDARNAMN")
@DATABASE_OPTION
@_fail_on_database_errors
@_fail_on_account_errors
def user_remove(username: str, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = _open_store(database_url)
    store.check()
    accounts.remove(store, username, _user(None))
    click.echo(f"Kontot {username} är borttaget.")


@user.command("password", help="Ge ett konto ett nytt lösenord.")
@click.argument("username", metavar="ANVÄNDARNAMN")
@PASSWORD_STDIN
@DATABASE_OPTION
@_fail_on_database_errors
@_fail_on_account_errors
def user_password(username: str, password_stdin: bool, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = _open_store(database_url)
    store.check()
    accounts.set_password(store, username, _new_password(password_stdin), _user(None))
    click.echo(f"Kontot {username} har fått ett nytt lösenord.")


@user.command(
    "signout", help="Logga ut ett konto överallt: alla dess sessioner upphör vid nästa klick."
)
@click.argument("username", metavar="ANVÄNDARNAMN")
@DATABASE_OPTION
@_fail_on_database_errors
@_fail_on_account_errors
def user_signout(username: str, database_url: str | None) -> None:
    from dashboard.access import accounts

    store = _open_store(database_url)
    store.check()
    accounts.end_sessions(store, username, _user(None))
    click.echo(f"Kontot {username} är utloggat överallt.")


def _new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("Lösenord", hide_input=True, confirmation_prompt="Upprepa lösenordet")


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


@db.command(
    "export",
    help="Säkerhetskopiera: spara alla uppgifter som importfiler i en ny, tom katalog. "
    "Återställ med kontrollrummet import KATALOG/*.csv i en tom databas.",
)
@click.argument("directory", metavar="KATALOG", type=click.Path(file_okay=False, path_type=Path))
@RAW_OPTION
@DATABASE_OPTION
@_fail_on_database_errors
def db_export(directory: Path, raw: bool, database_url: str | None) -> None:
    if directory.exists() and any(directory.iterdir()):  # a restore reads every file in it
        raise click.ClickException(
            f"Katalogen {directory} är inte tom; välj en ny katalog för kopian."
        )
    _write(_stored_files(database_url, raw), directory)
