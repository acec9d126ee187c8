"""db export writes a dump that imports into an empty database as the same data, either backend."""

from click.testing import CliRunner

from dashboard.domain.dataset import Dataset
from dashboard.store import database
from dashboard.tools.cli import main
from dashboard.upload import change_sets, csv_export
from tests.digest import content_digest
from tests.tiny import tiny_dataset


def _url(store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_a_dump_restores_the_same_data_on_either_backend(demo_store, empty_store, tmp_path):
    runner = CliRunner()
    dump = tmp_path / "kopia"
    exported = runner.invoke(
        main, ["db", "export", str(dump), "--raw", "--database", _url(demo_store)]
    )
    assert exported.exit_code == 0, exported.output
    files = sorted(str(path) for path in dump.glob("*.csv"))
    assert sorted(exported.stdout.split()) == files and len(files) == 14  # 5 national
    assert content_digest(empty_store) != content_digest(demo_store)

    restored = runner.invoke(
        main, ["import", *files, "--user", "återställning", "--database", _url(empty_store)]
    )
    assert restored.exit_code == 0, restored.output
    assert content_digest(empty_store) == content_digest(demo_store)


def test_db_export_refuses_a_directory_that_holds_files(demo_store, tmp_path):
    (tmp_path / "gammal.csv").write_text("x")
    result = CliRunner().invoke(
        main, ["db", "export", str(tmp_path), "--database", _url(demo_store)]
    )
    assert result.exit_code == 1
    assert "inte tom" in result.output


def test_the_dump_reads_one_snapshot_while_an_upload_is_saved(empty_store):
    change_sets.commit(empty_store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    shifted = [row._replace(outcome=(row.outcome or 0) + 1) for row in tiny_dataset().measurements]
    changed = csv_export.dataset_files(Dataset(measurements=shifted))
    with database.snapshot(empty_store.engine) as conn:
        before = change_sets.records_in(conn, "measurements")
        change_sets.commit(empty_store, changed, user_name="meanwhile")
        assert (
            change_sets.records_in(conn, "org_units")
            and change_sets.records_in(conn, "measurements") == before
        )
    assert change_sets.stored_records(empty_store, "measurements") != before
