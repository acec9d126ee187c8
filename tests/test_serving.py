"""Several gunicorn workers on PostgreSQL; kill -9 of a worker and of an import."""

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import func, select, text

from benchmarks.loadtest import client_session, save_payload
from dashboard.store import Store, measurement_t
from dashboard.store.database import create_database, make_engine
from dashboard.tools.bench import route_payload
from dashboard.tools.demo_accounts import add_demo_accounts
from dashboard.tools.import_bench import outcome_file, setup_files
from dashboard.upload import change_sets, csv_export
from tests.served import KONTROLLRUMMET, Served, kill, wait_for, write_lock_holder
from tests.tiny import tiny_dataset

ROWS = 100_000


def _page(served: Served, path: str = "/") -> str:
    session = client_session(served.base_url)  # the demo's reader
    response = session.post(
        f"{served.base_url}/_dash-update-component", json=route_payload(path, ""), timeout=30
    )
    assert response.status_code == 200, response.text[:500]
    return response.text


@pytest.fixture
def store(postgres_url) -> Iterator[Store]:
    """A migrated, empty PostgreSQL store for gunicorn workers to serve."""
    store = Store(make_engine(create_database(postgres_url, "serve")))
    store.create_schema()
    add_demo_accounts(
        store, actor="test"
    )  # the reader and the administrator the sessions sign in as
    yield store
    store.engine.dispose()


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def _replaced(served: Served, victim: int) -> None:
    wait_for(lambda: len(pids := served.worker_pids()) == served.workers and victim not in pids)
    assert served.healthy()


def test_workers_have_their_own_connections_and_a_killed_one_is_replaced(store):
    change_sets.commit(store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    with Served(_url(store), workers=2) as served:
        workers = served.worker_pids()
        assert all("goal-card" in _page(served) for _ in range(6))
        with store.engine.connect() as conn:
            names = set(
                conn.execute(
                    text(
                        "SELECT application_name FROM pg_stat_activity "
                        "WHERE datname = current_database() AND application_name <> :own"
                    ),
                    {"own": f"kontrollrummet[{os.getpid()}]"},
                ).scalars()
            )
        assert names and names <= {
            f"kontrollrummet[{pid}]" for pid in workers
        }  # none from the master

        victim = min(workers)
        kill(victim)
        _replaced(served, victim)
        assert all("goal-card" in _page(served) for _ in range(6))


def test_a_worker_killed_while_saving_an_upload_leaves_nothing(store):
    change_sets.commit(store, setup_files(), user_name="setup")
    with Served(_url(store), workers=2) as served:
        session = client_session(served.base_url, "admin")
        payload = save_payload(session, served.base_url, "utfall.csv", outcome_file(ROWS).content)
        with ThreadPoolExecutor(1) as pool:
            editor = pool.submit(
                session.post, f"{served.base_url}/_dash-update-component", json=payload, timeout=300
            )
            victim = wait_for(lambda: write_lock_holder(store.engine) or editor.done())
            assert victim in served.worker_pids(), (
                "the save finished before its worker could be killed"
            )
            kill(victim)
            with pytest.raises(requests.ConnectionError):
                editor.result()
        assert _outcome_rows(store) == 0
        assert "utfall.csv" not in {u.file_name for u in change_sets.list_uploads(store)}
        _replaced(served, victim)


def _in_transaction(store: Store, pid: int) -> bool:
    """Whether the import process holds the write lock, i.e. is inside its one transaction."""
    if store.engine.dialect.name == "postgresql":
        return write_lock_holder(store.engine) == pid
    probe = sqlite3.connect(store.engine.url.database, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:  # "database is locked": the import has it
        return True
    finally:
        probe.close()


def test_an_import_killed_midway_leaves_nothing_and_the_next_one_lands_whole(empty_store, tmp_path):
    change_sets.commit(empty_store, setup_files(), user_name="setup")
    path = tmp_path / "utfall.csv"
    path.write_bytes(outcome_file(ROWS).content)
    command = [
        KONTROLLRUMMET,
        "import",
        str(path),
        "--user",
        "kill",
        "--database",
        _url(empty_store),
    ]

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for(lambda: _in_transaction(empty_store, process.pid) or process.poll() is not None)
    kill(process.pid)
    process.wait(timeout=30)
    assert process.returncode == -9, "the import finished before it could be killed"
    assert _outcome_rows(empty_store) == 0
    assert [u.file_name for u in change_sets.list_uploads(empty_store)] == [
        "indikatorer.csv",
        "organisation.csv",
    ]

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _outcome_rows(empty_store) == ROWS
    [latest, *_] = change_sets.list_uploads(empty_store)
    assert (latest.file_name, latest.rows_inserted) == ("utfall.csv", ROWS)


def _outcome_rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(measurement_t)).scalar_one()
