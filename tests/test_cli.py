"""The `kontrollrummet` command: clear messages and non-zero exits for bad input."""

import pytest
from click.testing import CliRunner

from dashboard.tools.cli import main


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def test_unknown_option_is_refused_with_a_message(run):
    result = run("serve", "--colour", "red")
    assert result.exit_code == 2
    assert "--colour" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "url",
    ["postgresql://nobody@127.0.0.1:1/nowhere", "nonsense", "oracle+nodriver://x/y"],
)
def test_unusable_database_gives_one_line_and_exit_1(run, url):
    result = run("db", "upgrade", "--database", url)
    assert result.exit_code == 1
    assert "Kunde inte använda databasen" in result.output
    assert "Traceback" not in result.output


def test_serve_refuses_a_database_without_schema(run, tmp_path):
    result = run("serve", "--database", f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.exit_code == 1
    assert "db upgrade" in result.output


def test_db_upgrade_creates_the_schema(run, tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    result = run("db", "upgrade", "--database", url)
    assert result.exit_code == 0, result.output
    assert "Schemat är aktuellt" in result.output


def test_demo_fills_a_database_and_will_not_overwrite_it_unasked(run, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = run("demo", "--database", url)
    assert first.exit_code == 0, first.output
    assert "measurement" in first.output
    again = run("demo", "--database", url)
    assert again.exit_code == 1
    assert "--replace" in again.output
    replaced = run("demo", "--database", url, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert replaced.output.splitlines()[:-1] == first.output.splitlines()[:-1]  # same counts


def test_serve_refuses_debug_with_several_workers(run, tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert run("db", "upgrade", "--database", url).exit_code == 0
    result = run("serve", "--workers", "2", "--debug", "--database", url)
    assert result.exit_code == 1
    assert "en arbetsprocess" in result.output
