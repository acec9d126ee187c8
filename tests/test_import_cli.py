"""`kontrollrummet import`, `uploads`, `undo` and `export` on SQLite and PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.store.database import drop_everything
from dashboard.tools.cli import main
from dashboard.tools.cli.data import IMPORT_NICE_VARIABLE
from dashboard.upload import csv_export
from dashboard.upload.csv_import import MAX_FILE_BYTES
from tests.digest import content_digest, database_digest

FILES = Path(__file__).parent / "files"


@pytest.fixture
def url(empty_store) -> str:
    return empty_store.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def run(url):
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [*args, "--database", url])


@pytest.fixture
def demo_paths(tmp_path) -> list[str]:
    return [
        str(path) for path in csv_export.write_files(csv_export.demo_files(), tmp_path / "demo")
    ]


def test_import_saves_every_file_and_lists_and_undoes_the_uploads(run, demo_paths, empty_store):
    result = run("import", *demo_paths, "--user", "anna")
    assert result.exit_code == 0, result.output
    assert "utfall.csv: Utfall och prognoser, rader: " in result.stdout
    assert "(uppladdning 6)" in result.stdout
    listed = run("uploads")
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == 9
    assert "anna  malbedomningar.csv  Målbedömningar" in listed.stdout.splitlines()[0]

    again = run("import", *demo_paths)
    assert again.exit_code == 0
    assert again.stdout.count("(inget att spara)") == 9

    undone = run("undo", "9", "--user", "per")
    assert undone.exit_code == 0, undone.output
    assert "är ångrad: 0 rader fick tillbaka sina tidigare värden" in undone.stdout
    assert "ångrad" in run("uploads").stdout.splitlines()[0]
    refused = run("undo", "9")
    assert refused.exit_code == 1
    assert "redan ångrad" in refused.output


def test_dry_run_shows_the_changes_and_saves_nothing(run, demo_paths, empty_store):
    before = database_digest(empty_store)
    result = run("import", "--dry-run", *demo_paths)
    assert result.exit_code == 0, result.output
    assert (
        "organisation.csv: Organisationsenheter (Windows-1252, semikolon), rader: " in result.stdout
    )
    assert result.stdout.endswith("Provkörning: inget sparades.\n")
    assert database_digest(empty_store) == before


def test_bad_files_give_every_message_on_stderr_and_exit_1(run, demo_paths, empty_store):
    run("import", *demo_paths)
    before = database_digest(empty_store)
    bad = [str(FILES / "felaktiga-tal.csv"), str(FILES / "okanda-koder.csv")]
    for args in (bad, ["--dry-run", *bad]):
        result = run("import", *args)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.splitlines()[0].startswith('felaktiga-tal.csv, rad 3, kolumn "utfall"')
        assert len(result.stderr.splitlines()) == 5
        assert result.stderr.endswith("Inget sparades: 4 fel.\n")
    assert database_digest(empty_store) == before


def test_a_file_over_the_limit_is_refused_without_reading_it(run, tmp_path):
    huge = tmp_path / "stor.csv"
    with huge.open("wb") as file:  # sparse: the test writes no 100 MB
        file.truncate(MAX_FILE_BYTES + 1)
    result = run("import", str(huge))
    assert result.exit_code == 1
    assert "stor.csv: filen är för stor (100,0 MB, högst 100 MB tas emot)" in result.stderr


def test_undo_of_an_unknown_upload_exits_1(run):
    result = run("undo", "42")
    assert result.exit_code == 1
    assert "Uppladdning 42 finns inte." in result.output


def test_export_writes_templates_and_data_that_import_unchanged(run, demo_paths, tmp_path):
    templates = run("export", str(tmp_path / "mallar"), "--templates")
    assert templates.exit_code == 0
    header = (tmp_path / "mallar" / "utfall.csv").read_bytes().decode("utf-8-sig")
    assert header == "indikator;organisation;år;period;kön;utfall;prognos;värdestatus;kommentar\r\n"
    run("import", *demo_paths)
    exported = run("export", str(tmp_path / "data"))
    assert exported.exit_code == 0
    paths = exported.stdout.split()
    assert len(paths) == 9 and all(os.path.exists(path) for path in paths)
    again = run("import", *paths)
    assert again.stdout.count("(inget att spara)") == 9


def test_import_and_undo_leave_the_citys_latest_results_judged(run, demo_paths, empty_store):
    """So the first whole-city page after an upload need not judge every goal.

    (dashboard/followup/agenda.py)"""
    from dashboard.followup import agenda, goal_results
    from dashboard.store import result_store

    def kept_pairs() -> set[tuple[int, int]]:
        year, period = empty_store.reported_periods()[-1]
        rows = result_store.kept(empty_store.engine, year, period, goal_results.rules_fingerprint())
        return {(row[0], row[1]) for row in rows}

    def city_pairs() -> set[tuple[int, int]]:
        year = empty_store.reported_periods()[-1][0]
        return {
            (goal.id, org)
            for goal, org in agenda.meeting_goals(empty_store, empty_store.root_org(), year)
        }

    assert run("import", *demo_paths).exit_code == 0
    assert city_pairs() and city_pairs() <= kept_pairs()
    assert run("undo", "9").exit_code == 0  # the assessments
    assert city_pairs() <= kept_pairs()


FORMULA_TITLE = '=HYPERLINK("https://evil.example","Klicka")'


@pytest.mark.parametrize("command", [["export"], ["db", "export"]])
def test_exports_defuse_formulas_unless_raw_which_round_trips_exactly(
    run, demo_paths, empty_store, tmp_path, command
):
    goals = tmp_path / "mal.csv"
    goals.write_text(
        "kod;titel;nivå;organisation;giltigt från;beskrivning\r\n"
        f'SKA-NY;"{FORMULA_TITLE.replace(chr(34), chr(34) * 2)}";nämndmål;SKA;2026;-minus först\r\n'
    )
    assert run("import", *demo_paths, str(goals)).exit_code == 0
    safe = run(*command, str(tmp_path / "säker"))
    assert safe.exit_code == 0, safe.output
    text = (tmp_path / "säker" / "mal.csv").read_text("utf-8-sig")
    assert f"'{FORMULA_TITLE}" in text.replace('""', '"') and ";'-minus först" in text
    assert ";-" not in text.replace(";-;", "")  # nothing else of the file starts with "-"

    before = content_digest(empty_store)
    raw = run(*command, str(tmp_path / "rå"), "--raw")
    assert raw.exit_code == 0, raw.output
    raw_text = (tmp_path / "rå" / "mal.csv").read_text("utf-8-sig")
    assert FORMULA_TITLE.replace('"', '""') in raw_text and "'=" not in raw_text
    drop_everything(empty_store.engine)  # restore into an emptied database
    empty_store.create_schema()
    restored = run("import", *raw.stdout.split())
    assert restored.exit_code == 0, restored.output
    assert content_digest(empty_store) == before


NICENESS_AFTER_IMPORT = """
import os, sys
from click.testing import CliRunner
from dashboard.tools.cli import main
from dashboard.tools.cli.data import IMPORT_NICE_VARIABLE
result = CliRunner().invoke(main, ["import", *sys.argv[1:]])
assert result.exit_code == 0, result.output
print(os.nice(0))
"""


@pytest.mark.parametrize(("flags", "niceness"), [((), 10), (("--nice", "0"), 0)])
def test_import_yields_the_cpu_to_readers_unless_told_not_to(url, demo_paths, flags, niceness):
    """A batch load runs at nice 10 by default, so the pages people read go first
    (docs/deployment.md); in a process of its own, since a process cannot raise its priority
    back."""
    command = [sys.executable, "-c", NICENESS_AFTER_IMPORT, *flags, "--dry-run", *demo_paths]
    environment = {k: v for k, v in os.environ.items() if k != IMPORT_NICE_VARIABLE}
    done = subprocess.run(
        [*command, "--database", url],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) == max(os.nice(0), niceness)
