"""Summaries computed once per data version for every worker (dashboard/store/summaries.py):
a second process reads what the first computed, a write makes every process compute again,
and readers during a write get an answer, never an error or a stale value after it."""

from __future__ import annotations

import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, func, select

from dashboard.store import Store, measurement_t, summaries
from dashboard.store.database import make_engine
from dashboard.upload import change_sets
from dashboard.upload.csv_import import UploadFile
from tests.tiny import tiny_dataset

OUTCOME = "indikator;organisation;år;period;kön;utfall;prognos\r\nNOJD;STAD;2026;T1;T;90;91\r\n"


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny.csv", kind="test")
    return empty_store


def worker(store: Store) -> Store:
    """Another process's store on the same database: its own engine, its own memory."""
    return Store(make_engine(store.engine.url.render_as_string(hide_password=False)))


def counting(store: Store, computed: list[int]):
    def rows() -> int:
        computed.append(store.table_counts()["measurement"])
        return computed[-1]

    return rows


def upload(store: Store) -> int:
    [saved] = change_sets.commit(
        store, [UploadFile("utfall.csv", OUTCOME.encode())], user_name="test"
    )
    return saved.upload_id


def test_a_second_worker_reads_the_summary_the_first_computed(tiny):
    computed: list[int] = []
    assert tiny.summary("rows", counting(tiny, computed)) == 7
    other = worker(tiny)
    try:
        assert other.summary("rows", lambda: pytest.fail("computed again")) == 7
    finally:
        other.engine.dispose()
    assert computed == [7]


def test_after_each_write_every_worker_sees_the_new_numbers(tiny):
    """Never stale: after an upload and after its undo both workers compute again, once."""
    other = worker(tiny)
    computed: list[int] = []
    try:
        for store in (tiny, other):
            assert store.summary("rows", counting(store, computed)) == 7
        upload_id = upload(tiny)
        for store in (other, tiny):
            assert store.summary("rows", counting(store, computed)) == 8
        change_sets.undo(tiny, upload_id, user_name="test")
        for store in (tiny, other):
            assert store.summary("rows", counting(store, computed)) == 7
    finally:
        other.engine.dispose()
    assert computed == [7, 8, 7]


def test_writes_delete_the_summaries_of_older_generations(tiny):
    """As the kept goal results: the generation a write ends stays for readers still keeping it,
    and goes with the next write."""

    def generations() -> set[int]:
        with tiny.engine.connect() as conn:
            return set(conn.execute(select(summaries.summary_t.c.generation)).scalars())

    tiny.summary("rows", lambda: 7)
    [first] = generations()
    upload_id = upload(tiny)
    tiny.summary("rows", lambda: 8)
    change_sets.undo(tiny, upload_id, user_name="test")
    assert generations() == {first + 1}


def year_rows(store: Store, year: int, computed: list[tuple[int, int]]):
    def rows() -> int:
        with store.engine.connect() as conn:
            found = conn.execute(
                select(func.count()).where(measurement_t.c.year == year)
            ).scalar_one()
        computed.append((year, found))
        return found

    return rows


def test_an_upload_of_one_years_outcomes_keeps_the_other_years_summaries(tiny):
    """A summary of one year's data is carried over to the next generation by a write that
    leaves that year as it was, in every worker; the year written is counted again."""
    other = worker(tiny)
    computed: list[tuple[int, int]] = []
    try:
        for store in (tiny, other):
            for year in (2025, 2026):
                store.year_summary("rows", year, year_rows(store, year, computed))
        assert computed == [(2025, 6), (2026, 0)]
        upload(tiny)  # 2026's outcomes alone
        for store in (other, tiny):
            assert store.year_summary("rows", 2025, lambda: pytest.fail("counted again")) == 6
            assert store.year_summary("rows", 2026, year_rows(store, 2026, computed)) == 1
        assert computed == [(2025, 6), (2026, 0), (2026, 1)]
    finally:
        other.engine.dispose()


def test_a_write_that_may_change_every_year_counts_every_year_again(tiny):
    computed: list[tuple[int, int]] = []
    tiny.year_summary("rows", 2025, year_rows(tiny, 2025, computed))
    upload_id = upload(tiny)
    tiny.year_summary("rows", 2025, lambda: pytest.fail("counted again"))
    change_sets.undo(tiny, upload_id, user_name="test")  # an undo may change any year
    tiny.year_summary("rows", 2025, year_rows(tiny, 2025, computed))
    assert computed == [(2025, 6), (2025, 6)]
    assert summaries.is_kept(tiny.engine, "rows", 2025)
    assert not summaries.is_kept(tiny.engine, "rows", 2026)


def test_readers_during_writes_get_answers_and_none_stale_after(tiny):
    stores = [worker(tiny) for _ in range(3)]
    stop = threading.Event()

    def read(store: Store) -> set[int]:
        seen = set()
        while not stop.is_set():
            seen.add(store.summary("rows", lambda s=store: s.table_counts()["measurement"]))
        return seen

    try:
        with ThreadPoolExecutor(len(stores)) as pool:
            readers = [pool.submit(read, store) for store in stores]
            upload_id = upload(tiny)
            change_sets.undo(tiny, upload_id, user_name="test")
            upload(tiny)
            time.sleep(0.2)
            stop.set()
            seen = set().union(*(reader.result() for reader in readers))  # raises any error
        assert seen <= {7, 8}
        assert {store.summary("rows", lambda: -1) for store in stores} == {8}
    finally:
        for store in stores:
            store.engine.dispose()


def test_on_postgresql_one_process_computes_while_the_others_wait(tiny):
    if tiny.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no lock across processes: two may compute the same value")
    stores = [worker(tiny) for _ in range(4)]
    computed: list[int] = []

    def slow() -> int:
        computed.append(1)
        time.sleep(0.3)
        return 42

    try:
        with ThreadPoolExecutor(len(stores)) as pool:
            values = list(pool.map(lambda s: s.summary("slow", slow), stores))
    finally:
        for store in stores:
            store.engine.dispose()
    assert values == [42] * 4 and computed == [1]


def test_threads_waiting_for_a_value_leave_the_pool_to_the_one_computing_it(tiny):
    """A worker's threads that wait for another's summary hold no connection: with a pool of
    two, six threads whose summaries all need the same slow one still get their answers."""
    if tiny.engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes no lock")
    url = tiny.engine.url.render_as_string(hide_password=False)
    store = Store(create_engine(url, pool_size=2, max_overflow=0, pool_timeout=5))

    def slow() -> int:
        time.sleep(0.5)
        return 1

    def outer(number: int) -> int:
        return store.summary(("outer", number), lambda: store.summary("inner", slow) + number)

    try:
        with ThreadPoolExecutor(6) as pool:
            assert list(pool.map(outer, range(6))) == [1, 2, 3, 4, 5, 6]
    finally:
        store.engine.dispose()


def test_a_summary_that_cannot_be_shared_stays_in_its_process(tiny):
    lock = threading.Lock()  # cannot be pickled
    assert tiny.summary("lock", lambda: lock) is lock
    with tiny.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(summaries.summary_t)).scalar() == 0


def test_a_kept_value_builds_no_function_whatever_the_row_says(tiny):
    """A row in the database must not run code in the app: only our classes are rebuilt, and a
    refused value is computed again instead."""
    tiny.summary("rows", lambda: 7)
    with tiny.engine.begin() as conn:
        conn.execute(
            summaries.summary_t.update().values(
                value=summaries.zlib.compress(pickle.dumps(print))  # builtins.print: refused
            )
        )
    other = worker(tiny)
    try:
        assert other.summary("rows", lambda: 7) == 7
    finally:
        other.engine.dispose()


def test_keys_read_the_same_in_every_process():
    assert summaries.key_text(("counts", summaries.key_text, 3, ("T1", "T2"))) == (
        "('counts', dashboard.store.summaries.key_text, 3, ('T1', 'T2'))"
    )
