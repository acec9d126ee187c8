"""`kontrollrummet kolada hämta` against a local server replaying Kolada's API (issue 19).

Every failure of the API (an error status, a timeout, a malformed answer) fails the command
with one Swedish line and changes nothing; a good answer is one upload, like an imported file.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dashboard.tools.cli import main
from dashboard.upload import change_sets, kolada_fetch
from dashboard.upload.parsed_file import UploadFile
from tests.digest import database_digest
from tests.kolada_replay import Answer, serving
from tests.tiny import tiny_dataset

MUNICIPALITY = "data/kpi/N00090,N00945/municipality/0180?per_page=5000"
PAGE_2 = "data/kpi/N00090,N00945/municipality/0180?page=2&per_page=5000"
UNIT = "data/kpi/N00090,N00945/ou/V15E018000101?per_page=5000"
MAPPING = "kolada-id;organisation\r\n0180;STAD\r\nV15E018000101;N1-E1\r\n"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(kolada_fetch, "BACKOFF_SECONDS", 0.0)


@pytest.fixture
def store(empty_store):
    """The tiny city with two indicators carrying a Kolada KPI, the city and a unit mapped."""
    data = tiny_dataset()
    kpis = {"NOJD": "N00945", "FALL": "N00090"}
    data.indicators[:] = [row._replace(kolada_kpi=kpis.get(row.code)) for row in data.indicators]
    empty_store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    mapping = UploadFile("kolada-koppling.csv", MAPPING.encode())
    change_sets.commit(empty_store, [mapping], user_name="test")
    return empty_store


@pytest.fixture
def kolada():
    with serving() as replay:
        replay.answer(MUNICIPALITY, Answer("sida-1.json"))
        replay.answer(PAGE_2, Answer("sida-2.json"))
        replay.answer(UNIT, Answer("enhet.json"))
        yield replay


@pytest.fixture
def fetch(store, kolada):
    url = store.engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    env = {kolada_fetch.URL_VARIABLE: kolada.base}
    return lambda *args: runner.invoke(
        main, ["kolada", "hämta", *args, "--user", "anna", "--database", url], env=env
    )


def _outcome(store, indicator, org, year, gender="T"):
    records = change_sets.stored_records(store, "measurements")
    found = [r for r in records if r[:5] == (indicator, org, year, "FY", gender)]
    return found[0][5] if found else "absent"


def _uploads(store):
    return [(u.file_name, u.user_name) for u in change_sets.list_uploads(store)]


def test_fetch_follows_the_pages_and_imports_everything_as_one_upload(fetch, store, kolada):
    before = _uploads(store)
    result = fetch()
    assert result.exit_code == 0, result.output
    assert kolada.requests == [MUNICIPALITY, PAGE_2, UNIT]
    assert "Hämtade 5 poster från Kolada i 2 frågor." in result.stderr
    assert result.stdout == (
        "kolada-api.json: Kolada-värden, rader: 10 nya, 1 ändrad, 0 oförändrade (uppladdning 3)\n"
    )
    assert _uploads(store) == [("kolada-api.json", "anna"), *before]
    assert _outcome(store, "NOJD", "STAD", 2024) == 82.5  # was 84.0 in the tiny city
    assert _outcome(store, "NOJD", "STAD", 2024, "K") == 85.1
    assert _outcome(store, "FALL", "STAD", 2024, "M") is None  # Kolada's null: missing
    assert _outcome(store, "FALL", "STAD", 2023) == 5.9
    assert _outcome(store, "NOJD", "N1-E1", 2024) == 71.0

    again = fetch()
    assert again.exit_code == 0, again.output
    assert "rader: 0 nya, 0 ändrade, 11 oförändrade (inget att spara)" in again.stdout
    assert len(_uploads(store)) == 3


def test_kpis_years_and_other_municipalities_are_asked_for_in_the_path(fetch, kolada):
    asked = "data/kpi/N00945/municipality/0000,0180/year/2023,2024?per_page=5000"
    kolada.answer(asked, Answer("tom.json"))
    unit = "data/kpi/N00945/ou/V15E018000101/year/2023,2024?per_page=5000"
    kolada.answer(unit, Answer("tom.json"))
    result = fetch("--kpi", "N00945", "--kommun", "0000", "--år", "2024", "--år", "2023")
    assert result.exit_code == 0, result.output
    assert kolada.requests[0] == asked
    assert result.stdout == "Kolada har inga värden för det som efterfrågades. Inget sparades.\n"


def test_riket_fetched_with_kommun_is_kept_as_comparison_values(fetch, store, kolada):
    """A municipality outside the tree is no organisation: its values become reference series."""
    asked = "data/kpi/N00945/municipality/0000,0180/year/2024?per_page=5000"
    kolada.answer(asked, Answer("riket.json"))
    unit = "data/kpi/N00945/ou/V15E018000101/year/2024?per_page=5000"
    kolada.answer(unit, Answer("tom.json"))
    result = fetch("--kpi", "N00945", "--kommun", "0000", "--år", "2024")
    assert result.exit_code == 0, result.output
    assert [
        (v.municipality, v.year, v.gender, v.value)
        for v in store.reference_values(["N00945"], ["0000"])
    ] == [("0000", 2024, "K", 74.0), ("0000", 2024, "M", None), ("0000", 2024, "T", 72.0)]
    assert store.org("0000") is None  # no organisation unit for Riket


def test_a_server_error_is_tried_again(fetch, store, kolada):
    kolada.answer(MUNICIPALITY, Answer(status=500), Answer(status=503), Answer("sida-1.json"))
    result = fetch()
    assert result.exit_code == 0, result.output
    assert kolada.requests == [MUNICIPALITY, MUNICIPALITY, MUNICIPALITY, PAGE_2, UNIT]
    assert _outcome(store, "NOJD", "STAD", 2024) == 82.5


def test_a_slow_answer_is_tried_again(fetch, store, kolada):
    kolada.answer(UNIT, Answer("enhet.json", delay=2.0), Answer("enhet.json"))
    result = fetch("--timeout", "0.3")
    assert result.exit_code == 0, result.output
    assert kolada.requests.count(UNIT) == 2
    assert _outcome(store, "NOJD", "N1-E1", 2024) == 71.0


@pytest.mark.parametrize(
    ("answers", "options", "message"),
    [
        (
            {PAGE_2: Answer(status=500)},
            (),
            "Error: Kolada svarade med felkod 500 på {base}" + PAGE_2 + ". Inget sparades.",
        ),
        (
            {UNIT: Answer("bad-gateway.html", status=502)},
            (),
            "Error: Kolada svarade med felkod 502 på {base}" + UNIT + ". Inget sparades.",
        ),
        (
            {UNIT: Answer("enhet.json", delay=2.0)},
            ("--timeout", "0.3"),
            "Error: Kolada svarade inte inom 0.3 s på {base}"
            + UNIT
            + ", inte heller efter nya försök. Inget sparades.",
        ),
        (
            {PAGE_2: Answer("avbruten.json")},
            (),
            "Error: Koladas svar på {base}" + PAGE_2 + " gick inte att läsa (fel i JSON). "
            "Inget sparades.",
        ),
        (
            {UNIT: Answer("bad-gateway.html")},
            (),
            "Error: Koladas svar på {base}" + UNIT + " gick inte att läsa (fel i JSON). "
            "Inget sparades.",
        ),
        (
            {PAGE_2: Answer("sida-1.json")},  # a next_page leading back: a loop
            (),
            "Error: Koladas svar på {base}" + PAGE_2 + " gick inte att läsa (fel i next_page). "
            "Inget sparades.",
        ),
    ],
    ids=["persistent-500", "502-html", "timeout", "truncated", "not-json", "page-loop"],
)
def test_a_failing_api_fails_the_command_and_changes_nothing(
    fetch, store, kolada, answers, options, message
):
    for path, answer in answers.items():
        kolada.answer(path, answer)
    before, counts, uploads = database_digest(store), store.table_counts(), _uploads(store)
    result = fetch(*options)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == message.format(base=kolada.base)
    assert (database_digest(store), store.table_counts(), _uploads(store)) == (
        before,
        counts,
        uploads,
    )


def test_a_persistent_server_error_is_tried_a_bounded_number_of_times_with_growing_pauses(
    monkeypatch, fetch, kolada
):
    pauses: list[float] = []
    monkeypatch.setattr(kolada_fetch, "BACKOFF_SECONDS", 0.5)
    monkeypatch.setattr(kolada_fetch.time, "sleep", pauses.append)
    kolada.answer(MUNICIPALITY, Answer(status=500))
    assert fetch().exit_code == 1
    assert kolada.requests == [MUNICIPALITY] * kolada_fetch.ATTEMPTS
    assert [p for p in pauses if p] == [0.5, 1.0, 2.0]  # the replaying server sleeps 0 too


def test_a_client_error_is_not_tried_again(fetch, kolada):
    kolada.answer(MUNICIPALITY, Answer(status=404))
    result = fetch()
    assert result.exit_code == 1
    assert "felkod 404" in result.stderr
    assert kolada.requests == [MUNICIPALITY]


def test_an_unreachable_api_fails_with_one_line(store, fetch):
    result = fetch("--url", "http://127.0.0.1:9/v3/", "--timeout", "0.5")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: Kunde inte nå Kolada på http://")


def test_values_the_import_refuses_are_refused_as_a_file_would_be(fetch, store, kolada):
    kolada.answer(MUNICIPALITY, Answer("fel-tal.json"))
    before = database_digest(store)
    result = fetch()
    assert result.exit_code == 1
    assert "kolada-api.json" in result.stderr
    assert result.stderr.splitlines()[-1] == "Inget sparades: 1 fel."
    assert database_digest(store) == before


def test_nothing_mapped_says_what_is_missing(empty_store, kolada):
    url = empty_store.engine.url.render_as_string(hide_password=False)
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    env = {kolada_fetch.URL_VARIABLE: kolada.base}
    result = CliRunner().invoke(main, ["kolada", "hämta", "--database", url], env=env)
    assert result.exit_code == 1
    assert "Ingen indikator har ett Kolada-kpi" in result.stderr
    result = CliRunner().invoke(main, ["kolada", "hämta", "--kpi", "N00945", "--database", url])
    assert "Ingen organisation har ett Kolada-id" in result.stderr
    assert kolada.requests == []


def test_ids_are_batched_into_the_path(monkeypatch):
    monkeypatch.setattr(kolada_fetch, "BATCH", 2)
    query = kolada_fetch.Query(("A", "B", "C"), ("0180", "0000"), ("V1",), (2024,))
    assert kolada_fetch.first_pages("http://k/v3", query) == [
        "http://k/v3/data/kpi/A,B/municipality/0180,0000/year/2024?per_page=5000",
        "http://k/v3/data/kpi/C/municipality/0180,0000/year/2024?per_page=5000",
        "http://k/v3/data/kpi/A,B/ou/V1/year/2024?per_page=5000",
        "http://k/v3/data/kpi/C/ou/V1/year/2024?per_page=5000",
    ]
