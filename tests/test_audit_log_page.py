"""The Ändringslogg page as a layout: times in Swedish clock time, actions and outcomes in words."""

import datetime as dt

from dashboard.access import audit
from layouts import audit_log, texts
from tests.shown import page_text as _text


def _page(at: dt.datetime) -> str:
    event = audit.Event(
        at, "enhetschef", audit.UPLOAD, "utfall.csv", "Nya rader: 1, ändrade: 0", audit.REFUSED
    )
    return _text(audit_log.page([event], audit_log.Filters(None, None, None), ["enhetschef"], 500))


def test_times_are_swedish_clock_time_in_summer_and_winter():
    assert "2026-06-01 12:00" in _page(dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC))  # CEST, UTC+2
    assert "2026-12-01 11:00" in _page(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))  # CET, UTC+1


def test_an_event_says_what_happened_and_how_it_ended_in_words():
    text = _page(dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC))
    assert (
        texts.AUDIT_ACTION_LABEL[audit.UPLOAD] in text
        and texts.AUDIT_OUTCOME_LABEL[audit.REFUSED] in text
    )
