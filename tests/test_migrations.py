"""db upgrade of a database holding data at the previous schema revision keeps every row."""

from alembic import command
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from dashboard.store import database
from dashboard.tools.cli import main
from dashboard.upload import change_sets, csv_export
from tests.digest import database_digest


def test_upgrade_from_the_previous_revision_keeps_all_data(empty_store):
    change_sets.commit(empty_store, csv_export.demo_files(), user_name="demo")
    [latest, *_] = change_sets.list_uploads(empty_store)
    change_sets.undo(empty_store, latest.id, user_name="demo")  # the log holds an undone upload too
    before = database_digest(empty_store)
    config = database.alembic_config(empty_store.engine)
    scripts = ScriptDirectory.from_config(config)
    previous = scripts.get_revision(scripts.get_current_head()).down_revision
    command.downgrade(config, previous)  # as a database still on the last release's schema
    assert not database.is_current(empty_store.engine)

    url = empty_store.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["db", "upgrade", "--database", url])
    assert result.exit_code == 0, result.output
    assert database.is_current(empty_store.engine)
    assert database_digest(empty_store) == before
