"""Prognosträffsäkerhet and "met without outcome", checked by hand and against the demo store."""

import pytest

from callbacks.router import page
from dashboard import accuracy, goal_results
from dashboard.accuracy import ForecastCheck
from dashboard.model import Direction, Gender, GoalLevel, Indicator, Status, Trend
from layouts import texts
from layouts.explanation import format_number, format_percent
from layouts.followup_urls import SHOWN_STEP
from tests.test_pages import _text


def _indicator(direction: Direction, decimals: int = 1) -> Indicator:
    return Indicator(1, "X", "X", "%", direction, decimals, GoalLevel.COUNCIL, False)


def _check(direction: Direction, forecast: float, outcome: float, target: float | None = None) -> ForecastCheck:
    return ForecastCheck(1, _indicator(direction), 2025, "T1", forecast, outcome, target)


@pytest.mark.parametrize(
    "direction, forecast, outcome, trend, error",
    [
        (Direction.HIGHER, 90.0, 85.0, Trend.BETTER, 5.0),  # promised more than came: too positive
        (Direction.HIGHER, 80.0, 85.0, Trend.WORSE, -5.0),
        (Direction.LOWER, 4.0, 5.0, Trend.BETTER, 1.0),  # a lower forecast of falls is the rosier one
        (Direction.LOWER, 6.0, 5.0, Trend.WORSE, -1.0),
        (Direction.HIGHER, 85.04, 85.0, Trend.UNCHANGED, 0.04),  # equal at one decimal: accurate
    ],
)
def test_too_positive_is_read_in_the_indicators_direction(direction, forecast, outcome, trend, error):
    check = _check(direction, forecast, outcome)
    assert check.change.trend is trend
    assert check.error == pytest.approx(error)
    assert check.relative_error == pytest.approx(error / outcome)


def test_summary_counts_and_means():
    checks = [_check(Direction.HIGHER, 90, 80), _check(Direction.LOWER, 6, 5), _check(Direction.HIGHER, 50, 50),
              _check(Direction.HIGHER, 1, 0)]
    summary = accuracy.summarize(checks)
    assert (summary.count, summary.too_positive, summary.too_negative, summary.accurate) == (4, 2, 1, 1)
    assert summary.mean_relative_error == pytest.approx((10 / 80 - 1 / 5 + 0) / 3)  # outcome 0 has no share
    assert summary.share(summary.too_positive) == 0.5
    assert accuracy.summarize([]).share(0) is None


@pytest.mark.parametrize(
    "direction, forecast, outcome, target, promised",
    [
        (Direction.HIGHER, 90, 80, 85, True),  # the forecast reached the target, the outcome did not
        (Direction.HIGHER, 90, 86, 85, False),  # both reached it
        (Direction.HIGHER, 84, 80, 85, False),  # neither did
        (Direction.LOWER, 4, 6, 5, True),  # lower is better: 4 reaches 5, 6 does not
        (Direction.HIGHER, 90, 80, None, False),  # no target, no promise
    ],
)
def test_a_forecast_that_reached_the_target_when_the_outcome_did_not(direction, forecast, outcome, target,
                                                                     promised):
    assert _check(direction, forecast, outcome, target).promised_met is promised


@pytest.fixture(scope="module")
def checks_and_orgs(demo_store):
    orgs = demo_store.org_units()
    return accuracy.forecast_checks(demo_store, [o.id for o in orgs]), orgs


def test_checks_hold_the_stores_forecasts_and_full_year_outcomes(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    assert {c.period for c in checks} == {"T1", "T2"}
    for check in checks[:: max(1, len(checks) // 25)]:
        readings = {m.period: m.reading for m in demo_store.measurements(
            [check.indicator.id], [check.org_id], check.period, [check.year]) if m.gender is Gender.TOTAL}
        full_year = [m.reading for m in demo_store.measurements(
            [check.indicator.id], [check.org_id], "FY", [check.year]) if m.gender is Gender.TOTAL]
        target = demo_store.targets([check.indicator.id], [check.org_id], [check.year]).get(
            (check.indicator.id, check.org_id, check.year))
        assert readings[check.period].forecast == check.forecast
        assert full_year[0].outcome == check.outcome
        assert check.target == (target.target if target else None)


@pytest.fixture(scope="module")
def committees(demo_store, checks_and_orgs):
    _, orgs = checks_and_orgs
    return accuracy.committee_accuracy(demo_store, orgs, [o.id for o in orgs])


def test_the_demos_optimism_shows_per_committee(checks_and_orgs, committees):
    """The demo's forecasts lean to the better side (dashboard/demo.py, OPTIMISM)."""
    checks, _ = checks_and_orgs
    assert {g.key.code for g in committees} == {"STAD", "KUN", "SKA", "SPT"}
    shares = [g.too_positive_share("T1") for g in committees]
    assert shares == sorted(shares, reverse=True)
    for group in committees:
        t1 = group.by_period["T1"]
        assert t1.too_positive > t1.too_negative and t1.mean_relative_error > 0
    assert sum(g.by_period["T1"].count + g.by_period["T2"].count for g in committees) == len(checks)


def test_the_committee_counts_in_sql_equal_the_checks_one_by_one(checks_and_orgs, committees):
    checks, orgs = checks_and_orgs
    by_id = {o.id: o for o in orgs}
    for group in committees:
        for period, counted in group.by_period.items():
            own = [c for c in checks if c.period == period and accuracy.committee_of(by_id[c.org_id], by_id)
                   == group.key]
            expected = accuracy.summarize(own)
            assert (counted.count, counted.too_positive, counted.too_negative, counted.promised_met) == (
                expected.count, expected.too_positive, expected.too_negative, expected.promised_met)
            assert counted.mean_relative_error == pytest.approx(expected.mean_relative_error)
    assert sum(g.by_period["T1"].promised_met for g in committees) > 0


def test_per_indicator_only_the_organisations_own_forecasts(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    ska = demo_store.org("SKA")
    own = accuracy.forecast_checks(demo_store, [ska.id])
    assert own == [c for c in checks if c.org_id == ska.id]
    groups = accuracy.by_indicator(own)
    assert len(groups) == len({c.indicator.id for c in own}) and sum(len(g.checks) for g in groups) == len(own)


def test_met_without_outcome_rests_on_a_forecast_alone(demo_store):
    orgs = [o.id for o in demo_store.org_units()]
    found = accuracy.forecast_only(demo_store, orgs, 2026, "T2")
    assert found and found[0].result.status is Status.MET
    for item in found:
        assert item.result.outcome is None and item.result.forecast is not None
        [reading] = [m.reading for m in demo_store.measurements([item.indicator.id], [item.org_id], "T2", [2026])
                     if m.gender is Gender.TOTAL]
        assert reading.outcome is None and reading.forecast == item.result.forecast


def test_subtree_and_committee_follow_the_tree(demo_store):
    orgs = demo_store.org_units()
    by_id = {o.id: o for o in orgs}
    ska = demo_store.org("SKA")
    below = accuracy.subtree(orgs, ska.id)
    assert below[0] == ska and len(below) > 1
    assert all(accuracy.committee_of(o, by_id) == ska for o in below)
    assert accuracy.committee_of(demo_store.root_org(), by_id) == demo_store.root_org()


def test_page_names_the_most_optimistic_committee(demo_store, committees):
    worst = committees[0]
    text = _text(page(demo_store, "/prognoser", "?ar=2026&period=T2"))
    for heading in texts.ACCURACY_SECTIONS:
        assert heading in text
    finding = texts.MOST_OPTIMISTIC.format(committee=worst.key.name, share=format_percent(worst.too_positive_share("T1")))
    assert finding in text


def test_an_indicators_forecasts_year_by_year_and_per_organisation(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    ska = demo_store.org("SKA")
    check = next(c for c in checks if c.org_id == ska.id and c.period == "T1")
    text = _text(page(demo_store, f"/prognoser/{check.indicator.code}", "?org=SKA"))
    assert texts.INDICATOR_FORECASTS_HEADING.format(indicator=check.indicator.name) in text
    indicator = check.indicator
    for shown in (format_number(check.forecast, indicator.decimals, indicator.unit),
                  format_number(check.outcome, indicator.decimals, indicator.unit)):
        assert shown in text
    assert f"/indikator/{indicator.code}?" in text


def test_an_unknown_indicator_has_no_forecast_page(demo_store):
    assert texts.NOT_FOUND_HEADING in _text(page(demo_store, "/prognoser/FINNS-INTE", ""))


def test_the_long_tables_list_the_first_rows_and_link_to_more(demo_store):
    orgs = [o.id for o in demo_store.org_units()]
    total = len(accuracy.forecast_only(demo_store, orgs, 2026, "T2"))
    assert total > 3
    text = _text(page(demo_store, "/prognoser", "?ar=2026&period=T2&visa=3"))
    assert texts.ROWS_SHOWN.format(shown=3, total=total) in text
    assert f"visa={min(total, 3 + SHOWN_STEP)}#utan-utfall" in text
    every = _text(page(demo_store, "/prognoser", f"?ar=2026&period=T2&visa={total}"))
    assert "&visa=" not in every and texts.ROWS_SHOWN.split("{")[0] not in every


def test_the_whole_city_is_every_organisation(demo_store):
    """None asks for every organisation without listing them (store.among)."""
    every = [o.id for o in demo_store.org_units()]
    assert accuracy.forecast_only(demo_store, None, 2026, "T2") == accuracy.forecast_only(demo_store, every, 2026, "T2")
    assert goal_results.assessed(demo_store, None, 2026, "T2") == goal_results.assessed(demo_store, every, 2026, "T2")
    one = demo_store.org("SKA").id
    assert 0 < len(goal_results.assessed(demo_store, [one], 2026, "T2")) < len(goal_results.assessed(demo_store, None,
                                                                                                      2026, "T2"))
