"""Two editors saving overlapping files at the same moment; migrations started twice at once."""

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dashboard.store import Store, database
from dashboard.store.database import create_database
from dashboard.tools.import_bench import outcome_records, setup_files
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile

ROWS, OVERLAP = 3_000, 1_500
KONTROLLRUMMET = str(Path(sys.executable).parent / "kontrollrummet")  # the installed command


def _at_once(calls) -> list:
    """Run the calls in threads released together, so their transactions overlap."""
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


def _outcomes(records) -> dict[tuple, float]:
    """Outcome by business key."""
    return {tuple(str(value) for value in record[:5]): record[5] for record in records}


def _stored(store: Store) -> dict[tuple, float]:
    return _outcomes(change_sets.stored_records(store, "measurements"))


def test_overlapping_uploads_at_once_both_land_and_the_later_wins(empty_store):
    change_sets.commit(empty_store, setup_files(), user_name="setup")
    records = list(outcome_records(ROWS + OVERLAP, shift=0.0))
    shifted = list(outcome_records(ROWS + OVERLAP, shift=1.0))
    anna = UploadFile("anna.csv", csv_export.csv_bytes(MEASUREMENTS, records[:ROWS]))
    bo = UploadFile("bo.csv", csv_export.csv_bytes(MEASUREMENTS, shifted[OVERLAP:]))

    saved = _at_once(
        [
            lambda: change_sets.commit(empty_store, [anna], user_name="anna"),
            lambda: change_sets.commit(empty_store, [bo], user_name="bo"),
        ]
    )

    [[first], [second]] = sorted(saved, key=lambda files: files[0].upload_id)
    assert (first.inserted, first.updated) == (
        ROWS,
        0,
    )  # whichever came first inserted all its rows
    assert (second.inserted, second.updated) == (
        ROWS - OVERLAP,
        OVERLAP,
    )  # the other found the overlap
    log = {upload.id: upload.user_name for upload in change_sets.list_uploads(empty_store)}
    assert {log[first.upload_id], log[second.upload_id]} == {"anna", "bo"}
    values = {"anna": _outcomes(records[:ROWS]), "bo": _outcomes(shifted[OVERLAP:])}
    earlier, later = values[log[first.upload_id]], values[log[second.upload_id]]
    assert _stored(empty_store) == earlier | later  # one value per row: the later upload's

    change_sets.undo(empty_store, second.upload_id, user_name="lead")  # the overlap goes back
    assert _stored(empty_store) == earlier


def test_two_upgrade_commands_at_once_both_succeed(postgres_url):
    url = create_database(postgres_url, "upgrade")
    command = [KONTROLLRUMMET, "db", "upgrade", "--database", url]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120)[0].decode() for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert database.is_current(database.make_engine(url))
