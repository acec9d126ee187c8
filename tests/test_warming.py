"""After an upload the writer prepares what the first pages read (dashboard/tools/warming.py):
a worker that served before the upload shows the city's and every nämnd's Översikt,
Avvikelser and Prognoser for the latest period without judging a goal or counting a summary."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from callbacks.routes import page
from dashboard.store import Store, result_store, summaries
from dashboard.store.database import make_engine
from dashboard.tools import warming
from dashboard.tools.cli import main
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from layouts import urls
from tests.demo_db import fill_with_demo

PAGES = ("/", urls.DEVIATIONS_PATH, urls.ACCURACY_PATH)


@pytest.fixture
def demo(empty_store):
    return fill_with_demo(empty_store)


def first_pages(store: Store) -> list[tuple[str, str]]:
    orgs = store.org_units()
    year, period = store.reported_periods()[-1]
    shown = [orgs[0], *(o for o in orgs if o.parent_id == orgs[0].id)]
    return [(path, f"?ar={year}&period={period}&org={o.code}") for o in shown for path in PAGES]


def upload_one_outcome(store: Store) -> None:
    """An outcome changed: every kept result ends, every summary's version moves on."""
    record = change_sets.stored_records(store, MEASUREMENTS.kind)[0]
    changed = (*record[:5], 12345.0, *record[6:])
    content = csv_export.csv_bytes(MEASUREMENTS, [changed])
    change_sets.commit(store, [UploadFile("utfall.csv", content)], user_name="test")


def test_the_first_pages_after_an_upload_judge_and_count_nothing(demo, monkeypatch):
    worker = Store(make_engine(demo.engine.url.render_as_string(hide_password=False)))
    try:
        pages = first_pages(worker)
        for path, search in pages:
            page(worker, path, search)  # as it served before the upload
        upload_one_outcome(Store(demo.engine, prepare=warming.after_write))
        monkeypatch.setattr(summaries, "_keep", lambda *_: pytest.fail("a summary counted"))
        monkeypatch.setattr(result_store, "keep", lambda *_: pytest.fail("a goal judged"))
        for path, search in pages:
            page(worker, path, search)
    finally:
        worker.engine.dispose()


def test_a_reader_in_the_instant_after_the_commit_judges_and_counts_nothing(demo, monkeypatch):
    """The first pages' data is kept in the upload's own transaction, so there is no moment
    between the commit and a warming when a reader must judge the city (at the Stockholm scale
    the first whole-city Prognoser in that moment took 6–10 s)."""
    worker = Store(make_engine(demo.engine.url.render_as_string(hide_password=False)))
    pages = first_pages(worker)
    before = summaries.version(worker.engine)
    computed: list[str] = []
    reader = threading.current_thread

    def record(what: str, original):
        def kept(*args):
            if reader().name == "reader":
                computed.append(what)
            return original(*args)

        return kept

    monkeypatch.setattr(summaries, "_keep", record("summary", summaries._keep))
    monkeypatch.setattr(result_store, "keep", record("goal", result_store.keep))

    def read_at_once() -> None:  # polls until the upload is visible, then reads at once
        while summaries.version(worker.engine) == before:
            pass
        for path, search in pages:
            page(worker, path, search)

    thread = threading.Thread(target=read_at_once, name="reader")
    thread.start()
    try:
        upload_one_outcome(Store(demo.engine, prepare=warming.after_write))
        thread.join(60)
    finally:
        worker.engine.dispose()
    assert not thread.is_alive()
    assert computed == []


def test_without_the_warming_the_first_pages_would_count(demo, monkeypatch):
    """The test above proves something: with the warming left out, they do compute."""
    worker = Store(make_engine(demo.engine.url.render_as_string(hide_password=False)))
    kept: list[str] = []
    try:
        upload_one_outcome(demo)  # no warming
        monkeypatch.setattr(summaries, "_keep", lambda *_: kept.append("summary"))
        monkeypatch.setattr(result_store, "keep", lambda *_: kept.append("goal") or True)
        for path, search in first_pages(worker):
            page(worker, path, search)
    finally:
        worker.engine.dispose()
    assert {"summary", "goal"} <= set(kept)


def test_a_release_finds_the_first_pages_prepared_by_db_upgrade(demo, monkeypatch):
    """Nothing kept by another release is read (summaries.code_fingerprint): at the Stockholm
    scale the first whole-city Prognoser after a release took 8.9 s (issue 20)."""
    url = demo.engine.url.render_as_string(hide_password=False)
    upload_one_outcome(Store(demo.engine, prepare=warming.after_write))
    assert warming.prepared(demo)
    monkeypatch.setattr(summaries, "code_fingerprint", lambda: "the-next-release")
    assert not warming.prepared(demo)
    result = CliRunner().invoke(main, ["db", "upgrade", "--database", url])
    assert result.exit_code == 0, result.output
    assert warming.prepared(demo)
    worker = Store(make_engine(url))
    try:
        monkeypatch.setattr(summaries, "_keep", lambda *_: pytest.fail("a summary counted"))
        for path, search in first_pages(worker):
            page(worker, path, search)
    finally:
        worker.engine.dispose()


def test_a_server_start_prepares_in_the_background(monkeypatch):
    started, release = threading.Event(), threading.Event()
    monkeypatch.setattr(warming, "prepare", lambda _: started.set() or release.wait(10))
    warming.at_start(None)  # returns while the preparing still runs
    assert started.wait(10)
    release.set()
