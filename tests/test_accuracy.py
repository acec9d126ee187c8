"""Prognosträffsäkerhet and "met without outcome": the worked examples of docs/followup.md, then
the demo store."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from callbacks.routes import page
from dashboard.domain.model import Direction, Gender, GoalLevel, Indicator, OrgLevel, Status
from dashboard.followup import accuracy, goal_results
from dashboard.followup.accuracy import MIN_FOR_RATE, ForecastCheck, Verdict
from dashboard.pages.accuracy import accuracy_page
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from layouts import texts
from layouts.explanation import format_number
from layouts.format import count
from layouts.ids import IndicatorAccuracyIds
from layouts.indicator_accuracy import ORGS_STEP
from layouts.urls import SHOWN_STEP
from tests.demo_db import fill_with_demo
from tests.opened_parts import opened
from tests.shown import page_text as _text

D = Decimal


def _indicator(direction: Direction, decimals: int = 1, unit: str = "%") -> Indicator:
    return Indicator(1, "X", "X", unit, direction, decimals, GoalLevel.COUNCIL, False)


def _check(
    direction: Direction,
    forecast: float,
    outcome: float,
    target: float | None = None,
    *,
    decimals: int = 1,
    unit: str = "%",
    period: str = "T1",
    year: int = 2025,
) -> ForecastCheck:
    return ForecastCheck(
        1, _indicator(direction, decimals, unit), year, period, forecast, outcome, target
    )


# ---- docs/followup.md, "Prognosernas träffsäkerhet": each worked example is a test ------------


@pytest.mark.parametrize(
    "direction, decimals, unit, forecast, outcome, verdict, steps, error",
    [
        # Example 1: andel nöjda, one decimal, higher is better.
        (
            Direction.HIGHER,
            1,
            "%",
            85.1,
            85.0,
            Verdict.TOO_POSITIVE,
            1,
            D("0.1"),
        ),  # one step: too positive
        (
            Direction.HIGHER,
            1,
            "%",
            85.04,
            85.0,
            Verdict.ACCURATE,
            0,
            D("0.0"),
        ),  # shown as 85,0: a hit
        (Direction.HIGHER, 1, "%", 90.0, 85.0, Verdict.TOO_POSITIVE, 50, D("5.0")),
        (Direction.HIGHER, 1, "%", 80.0, 85.0, Verdict.TOO_NEGATIVE, -50, D("-5.0")),
        # Example 2: whole per cent: 85,4 and 84,8 are both shown as 85 %, so no step apart.
        (Direction.HIGHER, 0, "%", 85.4, 84.8, Verdict.ACCURATE, 0, D("0")),
        (
            Direction.HIGHER,
            0,
            "%",
            85.5,
            84.8,
            Verdict.TOO_POSITIVE,
            1,
            D("1"),
        ),  # 86 against 85, half up
        # Example 3: väntetid in whole days, lower is better: 40 promised, 45 came.
        (Direction.LOWER, 0, "dagar", 40.0, 45.0, Verdict.TOO_POSITIVE, 5, D("5")),
        (Direction.LOWER, 0, "dagar", 46.0, 45.0, Verdict.TOO_NEGATIVE, -1, D("-1")),
    ],
)
def test_too_positive_is_counted_in_whole_rounding_steps(
    direction, decimals, unit, forecast, outcome, verdict, steps, error
):
    check = _check(direction, forecast, outcome, decimals=decimals, unit=unit)
    assert (check.verdict, check.steps, check.error) == (verdict, steps, error)
    assert isinstance(check.error, Decimal)


def test_a_half_step_on_a_binary_float_rounds_up_as_shown():
    """85.05 is 85.0499… in binary; shown as 85,1, it is one step above 85,0 (Decimal, not
    float)."""
    check = _check(Direction.HIGHER, 85.05, 85.0)
    assert (
        format_number(85.05, 1) == "85,1"
        and check.steps == 1
        and check.verdict is Verdict.TOO_POSITIVE
    )


def test_bias_and_accuracy_are_apart_so_errors_do_not_cancel():
    """Example 4: +5 and −5 procentenheter: bias 0, but on average 5 procentenheter off."""
    summary = accuracy.summarize(
        [_check(Direction.HIGHER, 90.0, 85.0), _check(Direction.HIGHER, 80.0, 85.0)]
    )
    assert summary.shares.bias == D("0") and summary.shares.mean_absolute == D("5")
    assert summary.in_unit.bias == D("0") and summary.in_unit.mean_absolute == D("5")
    assert (summary.too_positive, summary.too_negative) == (1, 1)


def test_shares_pool_in_procentenheter_and_other_units_relative_to_the_outcome():
    """Example 5: shares in procentenheter; kronor and dagar relative to the outcome, each
    forecast weighing alike."""
    summary = accuracy.summarize(
        [
            _check(Direction.HIGHER, 90.0, 85.0),  # +5 procentenheter
            _check(Direction.HIGHER, 84.0, 85.0),  # −1 procentenhet
            _check(Direction.LOWER, 110.0, 100.0, decimals=0, unit="kr"),  # −10 kr of 100: −10 %
            _check(Direction.LOWER, 40.0, 50.0, decimals=0, unit="dagar"),  # +10 dagar of 50: +20 %
            _check(
                Direction.HIGHER, 3.0, 0.0, decimals=0, unit="antal"
            ),  # outcome 0: no relative error
        ]
    )
    assert (
        summary.shares.count == 2
        and summary.shares.bias == D("2")
        and summary.shares.mean_absolute == D("3")
    )
    assert summary.relative.count == 2
    assert summary.relative.bias == D("0.05") and summary.relative.mean_absolute == D("0.15")
    assert summary.count == 5


def test_no_rate_on_fewer_than_the_minimum():
    """Example 6: 3 of 4 too positive is shown as a count alone; 12 of 40 also as 30 %."""
    few = accuracy.summarize(
        [_check(Direction.HIGHER, 90.0, 85.0)] * 3 + [_check(Direction.HIGHER, 85.0, 85.0)]
    )
    assert few.too_positive == 3 and few.rate(few.too_positive) is None
    many = accuracy.summarize(
        [_check(Direction.HIGHER, 90.0, 85.0)] * 12 + [_check(Direction.HIGHER, 85.0, 85.0)] * 28
    )
    assert MIN_FOR_RATE <= 40 and many.rate(many.too_positive) == D("0.3")
    assert accuracy.summarize([]).rate(0) is None


def test_target_reached_only_in_the_forecast_names_its_denominator():
    """Example 7: target 85 %; of ten forecasts with it four outcomes missed it, and one of those
    four
    forecasts reached it; an eleventh forecast has no target."""
    checks = [
        _check(Direction.HIGHER, 86.0, 84.0, 85.0),  # reached only in the forecast
        _check(Direction.HIGHER, 84.0, 83.0, 85.0),  # missed in both
        _check(Direction.HIGHER, 80.0, 82.0, 85.0),
        _check(Direction.HIGHER, 84.9, 84.9, 85.0),
        *[_check(Direction.HIGHER, 88.0, 86.0, 85.0)] * 6,  # both reached it
        _check(Direction.HIGHER, 88.0, 86.0, None),  # no target: neither numerator nor denominator
    ]
    summary = accuracy.summarize(checks)
    assert (summary.count, summary.outcome_missed, summary.promised_met) == (11, 4, 1)
    assert summary.rate(summary.promised_met) == D(1) / 11  # of all: not what the page shows
    assert summary.rate(summary.promised_met, summary.outcome_missed) is None  # 4 < the minimum
    assert texts.PROMISED_OF_MISSED.format(count=1, of=4) == "1 av 4"


@pytest.mark.parametrize(
    "direction, forecast, outcome, target, promised",
    [
        (
            Direction.HIGHER,
            90,
            80,
            85,
            True,
        ),  # the forecast reached the target, the outcome did not
        (Direction.HIGHER, 90, 86, 85, False),  # both reached it
        (Direction.HIGHER, 84, 80, 85, False),  # neither did
        (Direction.LOWER, 4, 6, 5, True),  # lower is better: 4 reaches 5, 6 does not
        (Direction.HIGHER, 90, 80, None, False),  # no target, no promise
        (
            Direction.HIGHER,
            74.8,
            74.79,
            74.8,
            True,
        ),  # exactly on the target reaches it (Decimal, not float)
    ],
)
def test_a_forecast_that_reached_the_target_when_the_outcome_did_not(
    direction, forecast, outcome, target, promised
):
    assert _check(direction, forecast, outcome, target, decimals=2).promised_met is promised


def test_the_summaries_add_up():
    checks = [
        _check(Direction.HIGHER, 90.0, 85.0, 86.0),
        _check(Direction.LOWER, 6, 5, 5, decimals=0, unit="kr"),
        _check(Direction.HIGHER, 50.0, 50.0),
    ]
    assert accuracy.summarize(checks[:1]) + accuracy.summarize(checks[1:]) == accuracy.summarize(
        checks
    )


def test_the_filters_choose_the_tertial_and_the_years_up_to_the_chosen_one():
    """Example 8: T1 2024 counts the T1 forecasts of 2024 and before; helår counts both tertials."""
    checks = [
        _check(Direction.HIGHER, 90.0, 85.0, year=y, period=p)
        for y in (2023, 2024, 2025)
        for p in ("T1", "T2")
    ]
    assert accuracy.shown_periods("T1") == ("T1",) and accuracy.shown_periods("FY") == ("T1", "T2")
    kept = accuracy.within(checks, 2024, accuracy.shown_periods("T1"))
    assert [(c.year, c.period) for c in kept] == [(2023, "T1"), (2024, "T1")]


def test_every_worked_example_is_a_test():
    """docs/followup.md names a test for each worked example of forecast accuracy; each must
    exist here."""
    docs = (Path(__file__).parent.parent / "docs" / "followup.md").read_text(encoding="utf-8")
    section = docs[
        docs.index("## Prognosernas träffsäkerhet") : docs.index("## Uppfyllt utan utfall")
    ]
    named = set(re.findall(r"`(test_\w+)`", section))
    assert len(named) >= 10 and named <= set(globals()), named - set(globals())
    assert section.count("*Exempel") == 8 and f"**{MIN_FOR_RATE}" in section


# ---- the demo store (SQLite and PostgreSQL) ---------------------------------------------------


@pytest.fixture(scope="module")
def checks_and_orgs(demo_store):
    orgs = demo_store.org_units()
    return accuracy.forecast_checks(demo_store, [o.id for o in orgs]), orgs


def test_checks_hold_the_stores_forecasts_and_full_year_outcomes(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    assert {c.period for c in checks} == {"T1", "T2"}
    for check in checks[:: max(1, len(checks) // 25)]:
        readings = {
            m.period: m.reading
            for m in demo_store.measurements(
                [check.indicator.id], [check.org_id], check.period, [check.year]
            )
            if m.gender is Gender.TOTAL
        }
        full_year = [
            m.reading
            for m in demo_store.measurements(
                [check.indicator.id], [check.org_id], "FY", [check.year]
            )
            if m.gender is Gender.TOTAL
        ]
        target = demo_store.targets([check.indicator.id], [check.org_id], [check.year]).get(
            (check.indicator.id, check.org_id, check.year)
        )
        assert readings[check.period].forecast == check.forecast
        assert full_year[0].outcome == check.outcome
        assert check.target == (target.target if target else None)


def _committees(store, org_code=None, year=2026, periods=("T1", "T2")):
    orgs = store.org_units()
    org = store.org(org_code) if org_code else store.root_org()
    return accuracy.committee_accuracy(store, orgs, org, year, periods)


def test_the_demos_optimism_shows_per_committee(checks_and_orgs, demo_store):
    """The demo's forecasts lean to the better side (dashboard/tools/demo/words.py, OPTIMISM)."""
    checks, _ = checks_and_orgs
    committees = _committees(demo_store)
    assert {g.key.code for g in committees} == {"STAD", "KUN", "SKA", "SPT"}
    for group in committees:
        t1 = group.by_period["T1"]
        assert t1.too_positive > t1.too_negative and t1.shares.bias > 0
    assert sum(g.by_period["T1"].count + g.by_period["T2"].count for g in committees) == len(checks)


def test_the_committee_counts_equal_the_checks_one_by_one(checks_and_orgs, demo_store):
    checks, orgs = checks_and_orgs
    by_id = {o.id: o for o in orgs}
    committees = _committees(demo_store, year=2024, periods=("T2",))
    for group in committees:
        assert set(group.by_period) == {"T2"}
        own = [
            c
            for c in checks
            if c.period == "T2"
            and c.year <= 2024
            and accuracy.committee_of(by_id[c.org_id], by_id) == group.key
        ]
        assert group.by_period["T2"] == accuracy.summarize(own)
    assert sum(g.by_period["T2"].promised_met for g in committees) > 0


def test_after_an_upload_of_one_year_the_kept_counts_equal_the_checks_one_by_one(empty_store):
    """Each year's counts are kept until an upload changes that year (Store.year_summary): a
    changed 2024 forecast and a changed 2025 helår outcome are counted, the other years carried."""
    store = fill_with_demo(empty_store)
    orgs = store.org_units()
    before = _committees(store)  # every year counted and kept
    records = change_sets.stored_records(store, MEASUREMENTS.kind)
    forecast = next(r for r in records if r[2:5] == (2024, "T2", "T") and r[6] is not None)
    outcome = next(r for r in records if r[2:5] == (2025, "FY", "T") and r[5] is not None)
    changed = [(*forecast[:6], forecast[6] + 50, *forecast[7:]), (*outcome[:5], 0.5, *outcome[6:])]
    content = csv_export.csv_bytes(MEASUREMENTS, changed)
    change_sets.commit(store, [UploadFile("utfall.csv", content)], user_name="test")
    checks = accuracy.forecast_checks(store, [o.id for o in orgs])  # read anew, nothing kept
    by_id = {o.id: o for o in orgs}
    after = _committees(store)
    assert after != before
    for group in after:
        for period, summary in group.by_period.items():
            own = [
                c
                for c in checks
                if c.period == period and accuracy.committee_of(by_id[c.org_id], by_id) == group.key
            ]
            assert summary == accuracy.summarize(own)


def test_committees_are_ordered_by_their_share_too_positive_as_documented(demo_store):
    """docs/followup.md: the largest share too positive in the first tertial shown first; too few
    last."""
    for periods in (("T1", "T2"), ("T2",)):
        committees = _committees(demo_store, periods=periods)
        summaries = [g.by_period[periods[0]] for g in committees]
        rates = [s.rate(s.too_positive) for s in summaries]
        rated = [r for r in rates if r is not None]
        assert (
            rated == sorted(rated, reverse=True) and rates[: len(rated)] == rated
        )  # no rate: last


def test_the_city_row_says_it_counts_only_the_citys_own_forecasts(demo_store):
    city = next(g for g in _committees(demo_store) if g.key.level is OrgLevel.CITY)
    assert city.own_only and all(
        not g.own_only for g in _committees(demo_store) if g.key != city.key
    )


def test_on_a_units_page_the_row_is_named_after_the_unit_not_its_committee(
    demo_store, checks_and_orgs
):
    checks, orgs = checks_and_orgs
    unit = next(
        o for o in orgs if o.level is OrgLevel.UNIT and any(c.org_id == o.id for c in checks)
    )
    [group] = _committees(demo_store, unit.code)
    assert group.key == unit
    assert group.by_period["T1"] == accuracy.summarize(
        c for c in checks if c.org_id == unit.id and c.period == "T1"
    )
    committee = _committees(demo_store, "SKA")
    assert [g.key.code for g in committee] == ["SKA"]


def test_per_indicator_only_the_organisations_own_forecasts(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    ska = demo_store.org("SKA")
    own = accuracy.forecast_checks(demo_store, [ska.id])
    assert own == [c for c in checks if c.org_id == ska.id]
    groups = accuracy.by_indicator(own, "T1")
    assert len(groups) == len({c.indicator.id for c in own}) and sum(
        len(g.checks) for g in groups
    ) == len(own)


def test_met_without_outcome_rests_on_a_forecast_alone(demo_store):
    orgs = [o.id for o in demo_store.org_units()]
    found = accuracy.forecast_only(demo_store, orgs, 2026, "T2")
    assert found and found[0].result.status is Status.MET
    for item in found:
        assert item.result.outcome is None and item.result.forecast is not None
        [reading] = [
            m.reading
            for m in demo_store.measurements([item.indicator.id], [item.org_id], "T2", [2026])
            if m.gender is Gender.TOTAL
        ]
        assert reading.outcome is None and reading.forecast == item.result.forecast


def test_subtree_and_committee_follow_the_tree(demo_store):
    orgs = demo_store.org_units()
    by_id = {o.id: o for o in orgs}
    ska = demo_store.org("SKA")
    below = accuracy.subtree(orgs, ska.id)
    assert below[0] == ska and len(below) > 1
    assert all(accuracy.committee_of(o, by_id) == ska for o in below)
    assert accuracy.committee_of(demo_store.root_org(), by_id) == demo_store.root_org()


# ---- the page ---------------------------------------------------------------------------------


def test_page_names_the_most_optimistic_committee_with_its_count(demo_store):
    worst = _committees(demo_store, periods=("T2",))[0]
    t2 = worst.by_period["T2"]
    text = _text(page(demo_store, "/prognoser", "?ar=2026&period=T2"))
    for heading in texts.ACCURACY_SECTIONS:
        assert heading in text
    assert (
        count(
            texts.MOST_TOO_POSITIVE,
            t2.count,
            committee=worst.key.name,
            count=t2.too_positive,
            share=format_number(float(t2.rate(t2.too_positive) * 100), 0, "%"),
            period=texts.PERIOD_LABEL["T2"].lower(),
        )
        in text
    )
    assert texts.OWN_ONLY.format(org=demo_store.root_org().name) in text


def test_the_section_obeys_the_year_and_period_filters(demo_store):
    t1_2024 = _text(page(demo_store, "/prognoser", "?ar=2024&period=T1"))
    t2_2026 = _text(page(demo_store, "/prognoser", "?ar=2026&period=T2"))
    assert (
        texts.ACCURACY_SCOPE.format(period=texts.PERIOD_LABEL["T1"].lower(), first=2022, last=2024)
        in t1_2024
    )
    assert (
        texts.ACCURACY_SCOPE.format(period=texts.PERIOD_LABEL["T2"].lower(), first=2022, last=2025)
        in t2_2026
    )
    ska = _committees(demo_store, year=2024, periods=("T1",))
    assert (
        next(g for g in ska if g.key.code == "SKA").by_period["T1"].count
        < next(g for g in _committees(demo_store) if g.key.code == "SKA").by_period["T1"].count
    )


def test_an_indicators_forecasts_year_by_year_and_per_organisation(demo_store, checks_and_orgs):
    checks, _ = checks_and_orgs
    ska = demo_store.org("SKA")
    check = next(c for c in checks if c.org_id == ska.id and c.period == "T1")
    text = _text(page(demo_store, f"/prognoser/{check.indicator.code}", "?org=SKA"))
    assert texts.INDICATOR_FORECASTS_HEADING.format(indicator=check.indicator.name) in text
    indicator = check.indicator
    for shown in (
        format_number(check.forecast, indicator.decimals, indicator.unit),
        format_number(check.outcome, indicator.decimals, indicator.unit),
    ):
        assert shown in text
    assert f"/indikator/{indicator.code}?" in text


def test_an_indicators_organisations_are_listed_most_too_positive_first_in_pages(
    demo_store, checks_and_orgs
):
    """At the Stockholm scale a nämnd has over a hundred units: all at once froze the browser."""
    from dashboard.pages.indicator_accuracy import indicator_accuracy

    checks, _ = checks_and_orgs
    code = checks[0].indicator.code
    city = demo_store.root_org()
    _, by_org = indicator_accuracy(demo_store, city, 2026, "T2", checks[0].indicator)
    assert len(by_org) > 3
    first = _text(page(demo_store, f"/prognoser/{code}", "?ar=2026&period=T2&visa=2"))

    def listed(text: str) -> set:  # the city itself is named in the heading
        return {g.key for g in by_org if g.key != city and g.key.name in text}

    assert listed(first) == {g.key for g in by_org[:2]} - {city}
    assert texts.ORGS_SHOWN.format(shown=2, total=len(by_org)) in first
    assert f"visa={min(len(by_org), 2 + ORGS_STEP)}#{IndicatorAccuracyIds.BY_ORG}" in first
    every = _text(page(demo_store, f"/prognoser/{code}", f"?ar=2026&period=T2&visa={len(by_org)}"))
    assert listed(every) == {g.key for g in by_org} - {city} and "&visa=" not in every
    # two rows an organisation: at first as many organisations as make the other lists' rows
    at_first = _text(page(demo_store, f"/prognoser/{code}", "?ar=2026&period=T2"))
    assert listed(at_first) == {g.key for g in by_org[:ORGS_STEP]} - {city}
    assert ORGS_STEP < len(by_org) and 2 * ORGS_STEP <= SHOWN_STEP


def test_an_unknown_indicator_has_no_forecast_page(demo_store):
    assert texts.NOT_FOUND_HEADING in _text(page(demo_store, "/prognoser/FINNS-INTE", ""))


def test_the_long_tables_list_the_first_rows_and_link_to_more(demo_store):
    orgs = [o.id for o in demo_store.org_units()]
    total = len(accuracy.forecast_only(demo_store, orgs, 2026, "T2"))
    assert total > 3
    text = opened(demo_store, "?ar=2026&period=T2&visa=3")  # the tables drawn when opened
    assert texts.ROWS_SHOWN.format(shown=3, total=total) in text
    assert f"visa={min(total, 3 + SHOWN_STEP)}#utan-utfall" in text
    city = demo_store.root_org()
    indicators = len(accuracy_page(demo_store, city, 2026, "T2", 1).indicators)  # paged too
    longest = max(total, indicators)
    here = f"/prognoser?ar=2026&period=T2&visa={longest}"
    every = _text(page(demo_store, "/prognoser", here.removeprefix("/prognoser")))
    more = {h for h in re.findall(r'"href": "([^"]*)"', every) if "&visa=" in h}
    assert more <= {here}  # the filter bar's Location knows the address, and no link asks more
    assert texts.ROWS_SHOWN.split("{")[0] not in every


def test_the_whole_city_is_every_organisation(demo_store):
    """None asks for every organisation without listing them (store.among)."""
    every = [o.id for o in demo_store.org_units()]
    assert accuracy.forecast_only(demo_store, None, 2026, "T2") == accuracy.forecast_only(
        demo_store, every, 2026, "T2"
    )
    assert goal_results.assessed(demo_store, None, 2026, "T2") == goal_results.assessed(
        demo_store, every, 2026, "T2"
    )
    one = demo_store.org("SKA").id
    assert (
        0
        < len(goal_results.assessed(demo_store, [one], 2026, "T2"))
        < len(goal_results.assessed(demo_store, None, 2026, "T2"))
    )


def test_the_figure_has_no_bar_without_a_rate_and_labels_each_bar_with_its_count():
    from dashboard.domain.model import OrgUnit
    from dashboard.followup.accuracy import GroupAccuracy
    from layouts import accuracy as layout

    many = accuracy.summarize(
        [_check(Direction.HIGHER, 90.0, 85.0)] * 6 + [_check(Direction.HIGHER, 85.0, 85.0)] * 14
    )
    few = accuracy.summarize([_check(Direction.HIGHER, 90.0, 85.0)] * 3)
    groups = [
        GroupAccuracy(OrgUnit(2, "A", "Nämnd A", OrgLevel.COMMITTEE, 1), {"T1": many}, ()),
        GroupAccuracy(OrgUnit(3, "B", "Nämnd B", OrgLevel.COMMITTEE, 1), {"T1": few}, ()),
    ]
    [bars] = layout.committee_figure(groups, ("T1",)).bars
    assert bars.values == (30.0, None) and bars.labels == ("30\xa0% (6 av 20)", "")
    rows = layout.how_often_rows(groups)
    assert rows[0][2:6] == ("20", "6 (30\xa0%)", "14 (70\xa0%)", "0 (0\xa0%)") and rows[1][2:6] == (
        "3",
        "3",
        "0",
        "0",
    )


def test_the_how_much_table_shows_example_5_as_a_controller_would_work_it_out():
    from dashboard.domain.model import OrgUnit
    from dashboard.followup.accuracy import GroupAccuracy
    from layouts import accuracy as layout

    summary = accuracy.summarize(
        [
            _check(Direction.HIGHER, 90.0, 85.0),
            _check(Direction.HIGHER, 84.0, 85.0),
            _check(Direction.LOWER, 110.0, 100.0, decimals=0, unit="kr"),
            _check(Direction.LOWER, 40.0, 50.0, decimals=0, unit="dagar"),
            _check(Direction.HIGHER, 3.0, 0.0, decimals=0, unit="antal"),
        ]
    )
    group = GroupAccuracy(OrgUnit(2, "A", "Nämnd A", OrgLevel.COMMITTEE, 1), {"T1": summary}, ())
    assert layout.how_much_rows([group]) == [
        ("Nämnd A", "Tertial 1", "2", "+2,0", "3,0", "2", "+5,0\xa0%", "15,0\xa0%")
    ]
    assert "procentenheter" in texts.HOW_MUCH_COLUMNS[3] and "relativ" in texts.HOW_MUCH_COLUMNS[6]
