"""Real databases for every store test: a SQLite file, and a PostgreSQL server.

PostgreSQL comes from KONTROLLRUMMET_TEST_DATABASE_URL (a superuser URL), or else a
throwaway server is started from the installed binaries. Without either, PostgreSQL tests
are skipped — unless KONTROLLRUMMET_REQUIRE_POSTGRES=1 (as in .ci/run), where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from dashboard.store import Store
from dashboard.store.database import create_database, make_engine
from dashboard.tools.cli.data import IMPORT_NICE_VARIABLE
from tests.demo_db import fill_with_demo
from tests.postgres import ThrowawayServer, find_bin_dir

BACKENDS = ["sqlite", "postgresql"]

# `kontrollrummet import` yields the CPU by default (nice 10); in the suite an import run in
# the test process would nice the whole worker, and one in a subprocess would starve beside
# the other worker's tests. tests/test_import_cli.py tests the default without this.
os.environ[IMPORT_NICE_VARIABLE] = "0"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A superuser URL of a running PostgreSQL server."""
    given = os.environ.get("KONTROLLRUMMET_TEST_DATABASE_URL")
    if given:
        yield given
        return
    server = _throwaway_server()
    yield server.url
    server.stop()


@pytest.fixture
def own_postgres() -> Iterator[ThrowawayServer]:
    """A PostgreSQL server of this test's own, which it may stop and start (outage tests)."""
    server = _throwaway_server()
    yield server
    server.stop()


def _throwaway_server() -> ThrowawayServer:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("KONTROLLRUMMET_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required but no server binaries were found")
        pytest.skip("no PostgreSQL server binaries installed")
    server = ThrowawayServer(bin_dir)
    server.start()
    return server


def _new_database_url(request: pytest.FixtureRequest, backend: str, tmp_dir) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_dir / 'kontrollrummet.db'}"
    return create_database(request.getfixturevalue("postgres_url"), "test")


@pytest.fixture(params=BACKENDS)
def empty_store(request, tmp_path) -> Iterator[Store]:
    """A migrated, empty store of its own, on each backend."""
    store = Store(make_engine(_new_database_url(request, request.param, tmp_path)))
    store.create_schema()
    yield store
    store.engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def demo_store(request, tmp_path_factory) -> Iterator[Store]:
    """One store per backend filled with the demo data; tests must only read it."""
    url = _new_database_url(request, request.param, tmp_path_factory.mktemp(request.param))
    store = fill_with_demo(Store(make_engine(url)))
    yield store
    store.engine.dispose()
