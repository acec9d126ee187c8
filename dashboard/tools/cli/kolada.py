"""`kolada hämta`: fetch the mapped KPIs' values from Kolada's API and import them as one upload.

Fetching and importing are apart on purpose: every page is fetched before the database is
touched, so a failing API changes nothing, and what is fetched goes through the ordinary
import (dashboard/upload/kolada_fetch.py).
"""

from __future__ import annotations

import sys

import click

from dashboard.tools.cli.common import (
    DATABASE_OPTION,
    acting_user,
    fail_on_database_errors,
    open_store,
)
from dashboard.tools.cli.data import refuse, report_saved
from dashboard.upload import kolada_fetch
from layouts import texts
from layouts.format import count


@click.group(help="Koladas öppna API: hämta nyckeltal för de kopplade indikatorerna.")
def kolada() -> None:
    """The command group."""


@kolada.command(
    "hämta",
    help="Hämta värdena för varje indikator med Kolada-kpi, för varje kopplad kommun och enhet, "
    "från Koladas API och läs in dem som en uppladdning: allt eller inget.",
)
@click.option(
    "--kpi",
    "kpis",
    multiple=True,
    metavar="ID",
    help="Bara detta nyckeltal (kan anges flera gånger; standard: alla indikatorers Kolada-kpi).",
)
@click.option(
    "--kommun",
    "municipalities",
    multiple=True,
    metavar="ID",
    help="Också denna kommun, t.ex. 0000 för riket (kan anges flera gånger).",
)
@click.option(
    "--år",
    "years",
    multiple=True,
    type=click.IntRange(1990, 2100),
    metavar="ÅÅÅÅ",
    help="Bara detta år (kan anges flera gånger; standard: alla år).",
)
@click.option(
    "--url",
    "base_url",
    envvar=kolada_fetch.URL_VARIABLE,
    default=kolada_fetch.DEFAULT_URL,
    show_default=True,
    help=f"API:ets adress (eller {kolada_fetch.URL_VARIABLE}).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.01, 600),
    default=kolada_fetch.TIMEOUT_SECONDS,
    show_default=True,
    help="Sekunder att vänta på varje svar.",
)
@click.option("--user", "user_name", help="Vem som laddar upp (standard: inloggad användare).")
@DATABASE_OPTION
@fail_on_database_errors
def fetch(
    kpis: tuple[str, ...],
    municipalities: tuple[str, ...],
    years: tuple[int, ...],
    base_url: str,
    timeout: float,
    user_name: str | None,
    database_url: str | None,
) -> None:
    from dashboard.upload import change_sets

    store = open_store(database_url)
    store.check()
    try:
        query = kolada_fetch.mapped_query(store, kpis, municipalities, years)
    except kolada_fetch.NothingMapped as nothing:
        raise click.ClickException(texts.KOLADA_NOTHING_MAPPED[nothing.what]) from nothing
    urls = kolada_fetch.first_pages(base_url, query)
    values = []
    try:
        with click.progressbar(urls, label=texts.KOLADA_FETCHING, file=sys.stderr) as bar:
            for url in bar:
                values += kolada_fetch.fetch_values(url, timeout)
    except kolada_fetch.FetchFailed as failed:
        words = texts.KOLADA_FETCH_FAILED[failed.issue]
        raise click.ClickException(words.format(url=failed.url, detail=failed.detail)) from failed
    fetched = count(texts.KOLADA_FETCHED, len(values)) + count(texts.KOLADA_REQUESTS, len(urls))
    click.echo(fetched, err=True)
    if not values:  # an empty file is refused by the import; nothing is not an error here
        click.echo(texts.KOLADA_NOTHING_FOUND)
        return
    try:
        saved = change_sets.commit(
            store, [kolada_fetch.as_upload(values)], user_name=acting_user(user_name)
        )
    except change_sets.UploadRejected as rejected:
        refuse(rejected.problems)
    report_saved(saved)
