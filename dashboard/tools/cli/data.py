"""`demo`, `bench`, `import`, `uploads`, `undo` and `export`: data into and out of the database."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from dashboard.store import Store, database
from dashboard.tools.cli.common import (
    DATABASE_OPTION,
    RAW_OPTION,
    acting_user,
    fail_on_database_errors,
    open_store,
)
from dashboard.tools.import_bench import MAX_ROWS
from layouts import texts
from layouts.format import count, count_list

IMPORT_NICE_VARIABLE = "KONTROLLRUMMET_IMPORT_NICE"  # `import --nice` for every run

if TYPE_CHECKING:  # the upload package loads only when a command needs it
    from dashboard.upload.csv_import import ImportProblem, UploadFile
    from dashboard.upload.writing import SavedFile


@click.command(help="Skapa en databas med demodata (eller den stora Stockholmsvolymen).")
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
@fail_on_database_errors
def demo(scale: str, seed: int | None, replace: bool, database_url: str | None) -> None:
    store = open_store(database_url)
    store.create_schema()
    if any(store.table_counts().values()):
        if not replace:
            raise click.ClickException(
                "Databasen innehåller redan data. Använd --replace för att ersätta den."
            )
        database.drop_everything(store.engine)
        store.create_schema()
    from dashboard.tools.demo.meeting import add_demo_measures
    from dashboard.tools.demo.reporting import add_demo_reporting
    from dashboard.tools.demo_accounts import add_demo_accounts

    started = time.perf_counter()
    counts = demo_counts(store, seed) if scale == "demo" else _stockholm_counts(store, seed)
    if scale == "demo":
        counts["measure"] = add_demo_measures(store, actor="kontrollrummet demo")
    made = add_demo_accounts(store, actor="kontrollrummet demo")
    add_demo_reporting(store, actor="kontrollrummet demo")
    elapsed = time.perf_counter() - started
    for table, rows in counts.items():
        click.echo(f"{table:>16}: {rows:>10,}".replace(",", " "))
    click.echo(
        "Demokonton (bara för demodata): " + ", ".join(f"{a.username} / {a.password}" for a in made)
    )
    click.echo(f"Klart på {elapsed:.1f} s: {store.engine.url.render_as_string(hide_password=True)}")


def demo_counts(store: Store, seed: int | None) -> dict[str, int]:
    """Build the demo through the import: data/demo/*.csv, or the generator's files for a seed."""
    from dashboard.tools.demo import demo_dataset
    from dashboard.tools.demo.national import add_national_demo
    from dashboard.upload import change_sets, csv_export
    from layouts.import_problems import problem_text

    data = demo_dataset() if seed is None else demo_dataset(seed=seed)
    files = (  # data/demo/ holds the default seed's files
        csv_export.demo_files()
        if seed is None
        else csv_export.dataset_files(data, csv_export.DEMO_ENCODINGS)
    )
    try:
        saved = change_sets.commit(store, files, user_name="kontrollrummet demo")
    except change_sets.UploadRejected as rejected:
        raise click.ClickException("\n".join(map(problem_text, rejected.problems))) from rejected
    national = add_national_demo(store, data, "kontrollrummet demo")
    return {file.table: file.inserted for file in saved} | national


def _stockholm_counts(store: Store, seed: int | None) -> dict[str, int]:
    """Write the Stockholm-scale benchmark directly: it measures the store, not the import."""
    from dashboard.tools.scale import stockholm_dataset

    data = stockholm_dataset() if seed is None else stockholm_dataset(seed=seed)
    return store.write_dataset(
        data, user_name="kontrollrummet demo", file_name="stockholm", kind="demo"
    )


@click.command(
    "import", help="Läs in CSV-filer (eller Koladas JSON) i databasen: allt eller inget."
)
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--dry-run", is_flag=True, help="Kontrollera och visa ändringarna men spara inget.")
@click.option("--user", "user_name", help="Vem som laddar upp (standard: inloggad användare).")
@click.option(
    "--nice",
    type=click.IntRange(0, 19),
    default=10,
    show_default=True,
    envvar=IMPORT_NICE_VARIABLE,
    help="Lägre CPU-prioritet under inläsningen, så att de som läser sidor går före; 0: vanlig.",
)
@DATABASE_OPTION
@fail_on_database_errors
def import_files(
    files: tuple[Path, ...],
    dry_run: bool,
    user_name: str | None,
    nice: int,
    database_url: str | None,
) -> None:
    from dashboard.upload import change_sets, csv_import
    from dashboard.upload.problems import too_large as too_large_problem

    yield_cpu(nice)
    store = open_store(database_url)
    store.check()
    too_large = [
        too_large_problem(path.name, path.stat().st_size, csv_import.MAX_FILE_BYTES)
        for path in files
        if path.stat().st_size > csv_import.MAX_FILE_BYTES
    ]
    if too_large:  # refused before reading, let alone parsing
        refuse(too_large)
    uploads = [csv_import.UploadFile(path.name, path.read_bytes()) for path in files]
    if dry_run:
        preview = change_sets.preview(store, uploads)
        if preview.problems:
            refuse(preview.problems)
        for file in preview.files:
            click.echo(
                f"{file.file_name}: {file.kind_label} ({file.encoding}, {file.separator}), rader: "
                + count_list(texts.ROW_CHANGES, (file.new, file.changed, file.unchanged))
            )
            for note in file.notes:
                click.echo(f"  {note}")
        click.echo("Provkörning: inget sparades.")
        return
    try:
        saved = change_sets.commit(store, uploads, user_name=acting_user(user_name))
    except change_sets.UploadRejected as rejected:
        refuse(rejected.problems)
    report_saved(saved)


def yield_cpu(niceness: int) -> None:
    """Run at least this nice (Unix), as a batch load beside a live app should: on an idle
    machine it costs nothing, under load the readers' pages go first (docs/deployment.md)."""
    if hasattr(os, "nice"):
        os.nice(max(0, niceness - os.nice(0)))


def report_saved(saved: Sequence[SavedFile]) -> None:
    """One line per saved file: what it added and changed, and its upload's number."""
    from dashboard.upload import change_sets

    for done in saved:
        where = f"uppladdning {done.upload_id}" if done.upload_id else "inget att spara"
        click.echo(
            f"{done.file_name}: {change_sets.kind_label(done.kind)}, rader: "
            + count_list(texts.ROW_CHANGES, (done.inserted, done.updated, done.unchanged))
            + f" ({where})"
        )


def refuse(problems: Sequence[ImportProblem]) -> NoReturn:
    from layouts.import_problems import problem_text

    for problem in problems:
        click.echo(problem_text(problem), err=True)
    click.echo(f"Inget sparades: {_number(len(problems))} fel.", err=True)
    raise click.exceptions.Exit(1)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", " ")


@click.command(help="Lista uppladdningarna, senaste först.")
@DATABASE_OPTION
@fail_on_database_errors
def uploads(database_url: str | None) -> None:
    from dashboard.upload import change_sets

    store = open_store(database_url)
    store.check()
    for upload in change_sets.list_uploads(store):
        state = (
            f"ångrad {upload.undone_at:%Y-%m-%d %H:%M} av {upload.undone_by}"
            if upload.status == change_sets.UNDONE
            else "aktiv"
        )
        click.echo(
            f"{upload.id:>5}  {upload.created_at:%Y-%m-%d %H:%M}  {upload.user_name}  "
            f"{upload.file_name}  {upload.kind_label}  "
            + count_list(texts.ROW_CHANGES[:2], (upload.rows_inserted, upload.rows_updated))
            + f"  {state}"
        )


@click.command(
    help="Ångra en uppladdning: återställ värdena den ersatte och ta bort raderna den lade till."
)
@click.argument("upload_id", metavar="ID", type=int)
@click.option("--user", "user_name", help="Vem som ångrar (standard: inloggad användare).")
@DATABASE_OPTION
@fail_on_database_errors
def undo(upload_id: int, user_name: str | None, database_url: str | None) -> None:
    from dashboard.upload import change_sets

    store = open_store(database_url)
    store.check()
    try:
        result = change_sets.undo(store, upload_id, user_name=acting_user(user_name))
    except change_sets.UndoRefused as refused:
        raise click.ClickException(str(refused)) from refused
    click.echo(
        texts.UNDONE.format(
            id=result.upload_id,
            file=result.file_name,
            restored=count(texts.UNDONE_RESTORED, result.restored),
            deleted=count(texts.UNDONE_DELETED, result.deleted),
        )
    )


@click.command(help="Spara databasens data som importfiler (eller tomma mallar, eller demodatan).")
@click.argument("directory", metavar="KATALOG", type=click.Path(file_okay=False, path_type=Path))
@click.option("--templates", is_flag=True, help="Tomma mallar: bara rubrikraderna.")
@click.option("--demo", is_flag=True, help="Demogeneratorns data, som i data/demo/.")
@RAW_OPTION
@DATABASE_OPTION
@fail_on_database_errors
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
        files = stored_files(database_url, raw)
    write_files(files, directory)


def stored_files(database_url: str | None, raw: bool) -> list[UploadFile]:
    from dashboard.upload import csv_export

    store = open_store(database_url)
    store.check()
    return csv_export.store_files(store, raw)


def write_files(files: list[UploadFile], directory: Path) -> None:
    from dashboard.upload import csv_export

    for path in csv_export.write_files(files, directory):
        click.echo(str(path))


@click.command(
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
@fail_on_database_errors
def bench(
    scale: str,
    calls: int,
    json_path: str | None,
    database_url: str | None,
    with_import: bool,
    import_rows: tuple[int, ...],
) -> None:
    from dashboard.tools import bench as benchmark

    store = open_store(database_url or f"sqlite:///bench-{scale}.db")
    store.create_schema()
    if not store.table_counts()["measurement"]:
        click.echo(f"Bygger {scale}-data …")
        demo_counts(store, None) if scale == "demo" else _stockholm_counts(store, None)
    results = benchmark.run(
        store.engine.url.render_as_string(hide_password=False),
        calls,
        import_rows if with_import else (),
    )
    click.echo(benchmark.report(results))
    if json_path:
        benchmark.write_json(results, json_path)
