"""Report files (the Excel and PDF downloads) are built once per data generation and few at a
time: a reader cannot make the server build the city's tertial report over and over."""

from __future__ import annotations

import threading

import pytest

from dashboard.domain.model import ActivityStatus
from dashboard.followup import activity_followups
from dashboard.followup.report_builds import ReportBuilds
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from tests.demo_db import fill_with_demo


@pytest.fixture
def store(empty_store):
    return fill_with_demo(empty_store)


def _counting(builds: ReportBuilds, key) -> int:
    """How many builds two requests for the same file cause."""
    made = []
    for _ in range(2):
        builds.file(key, lambda: made.append(1) or b"rapport")
    return len(made)


def test_a_report_is_built_once_until_the_data_change(store):
    builds = ReportBuilds(store)
    assert _counting(builds, ("tertialrapport.pdf", "?ar=2026")) == 1
    assert (
        _counting(builds, ("tertialrapport.pdf", "?ar=2025")) == 1
    )  # another view is another file
    record = ("KF02", "SKA-FSK-01", 2026, "T2", "T", 12.5, None, "ok", "")
    change_sets.commit(
        store,
        [UploadFile("utfall.csv", csv_export.csv_bytes(MEASUREMENTS, [record]))],
        user_name="test",
    )
    made = []
    builds.file(("tertialrapport.pdf", "?ar=2026"), lambda: made.append(1) or b"ny")
    assert made == [1]


def test_an_activity_follow_up_saved_in_the_app_is_a_new_generation(store):
    builds = ReportBuilds(store)
    before = builds.generation()
    _, activity = store.activity("SKA-FSK-01-E1-A2026-1")
    activity_followups.save(
        store, activity, 2026, "T2", ActivityStatus.DELAYED, "Försenad.", "test"
    )
    assert builds.generation() != before


def test_at_most_the_allowed_number_of_builds_run_at_once(store):
    builds = ReportBuilds(store, at_once=1, wait_seconds=0.2)
    started, release = threading.Event(), threading.Event()

    def slow() -> bytes:
        started.set()
        release.wait(10)
        return b"stor rapport"

    first = threading.Thread(target=builds.file, args=(("a.pdf", ""), slow))
    first.start()
    started.wait(10)
    assert builds.file(("b.pdf", ""), lambda: b"annan") is None  # busy: try again in a while
    release.set()
    first.join(10)
    assert builds.file(("b.pdf", ""), lambda: b"annan") == b"annan"
