"""Varför?: the parts that pull a goal down, worst first, named where they are measured
(issue 14, finding 7)."""

import pytest

from dashboard.domain.model import period_end
from dashboard.followup import causes as why
from dashboard.followup import control_room
from layouts import causes, texts, urls
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def test_a_part_measured_below_is_named_with_its_unit_value_and_target(tiny_store):
    """N1 measures nothing itself; its unit's 70 % against 85 % is what pulls the goal down."""
    n1 = tiny_store.org("N1")
    [status] = control_room.goal_statuses(tiny_store, n1.id, 2025, "T1")
    places = {o.id: o for o in tiny_store.org_units()}
    state = urls.parse("?ar=2025&period=T1&org=N1", tiny_store.reported_periods())
    worst = why.causes(status)[0]
    assert worst.judged.fact.indicator.code == "NOJD" and worst.lost == pytest.approx(100 * 2 / 3)
    table = _text(causes.causes_section(status, places, state, period_end(2025, "T1")))
    assert all(text in table for text in ("Enheten", "70,0\u00a0%", "85,0\u00a0%", "66,7"))
    assert (
        texts.NOT_COUNTED_HEADING in table and "Andel fallolyckor" in table
    )  # measured only above: listed
    line = _text(causes.pulls_down(status, places, state))
    assert texts.PULLS_DOWN in line and "Andel nöjda" in line and "(Enheten)" in line
    assert "org=N1-E1" in line  # one click to the indicator where it is measured


def test_a_met_goal_has_no_pulls_down_line(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, tiny_store.org("N2").id, 2025, "T1")
    state = urls.parse("?ar=2025&period=T1&org=N2", tiny_store.reported_periods())
    assert status.result.status.value == "met"
    assert causes.pulls_down(status, {}, state) is None
