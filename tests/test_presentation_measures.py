"""The presentation follows up, for the goal shown, the åtgärder earlier periods decided and
left open (issue 17): the meeting sees them where it discusses the goal."""

import datetime as dt

import pytest

from callbacks.routes import page
from dashboard.access import ANONYMOUS
from dashboard.domain.measures import MeasureStatus
from dashboard.followup import measure_writes
from dashboard.followup.measure_writes import MeasureDraft
from layouts import texts, urls
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _presentation(store, year, period):
    path, _, search = urls.presentation_href(urls.ViewState(year, period, "STAD"), 1).partition("?")
    return _text(page(store, path, "?" + search, ANONYMOUS))


def _add(store, text, status=None):
    goal, city = store.goal("K1"), store.org("STAD")
    draft = MeasureDraft(goal.id, city.id, 2024, "FY", text, "Eva Ek", dt.date(2025, 9, 30))
    measure_id = measure_writes.add(store, draft, "anna")
    if status:
        measure_writes.change_status(store, measure_id, goal.id, city.id, status, "anna")


def test_the_presentation_lists_the_goals_open_measures_from_earlier_periods(tiny):
    _add(tiny, "Rekrytera sjuksköterskor")
    _add(tiny, "Redan klar", MeasureStatus.DONE)
    shown = _presentation(tiny, 2025, "T1")
    heading = shown.index(texts.MEASURES_FOLLOW_UP_HEADING)
    assert shown.index("Rekrytera sjuksköterskor") > heading and "Eva Ek" in shown
    assert "Redan klar" not in shown  # done: no longer followed up
    assert "Rekrytera sjuksköterskor" not in _presentation(tiny, 2024, "FY")  # decided then


def test_the_presentation_says_when_nothing_is_left_to_follow_up(tiny):
    assert texts.NO_MEASURES_TO_FOLLOW_UP in _presentation(tiny, 2025, "T1")
