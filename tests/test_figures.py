"""Charts say what the data says: a forecast never drawn like an outcome, a gap never bridged, a
missing value never a bar, and every image well-formed SVG that survives its data: address."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from dashboard.pages.indicator import indicator_view
from layouts import charts, figures, svg, texts
from layouts.figures import BarChart, Bars, LineChart, Series
from tests.shown import chart_svg

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def view(demo_store):
    year, period = demo_store.reported_periods()[-1]
    indicator = demo_store.indicator("KF21")
    assert indicator.gender_split
    return indicator_view(demo_store, indicator, demo_store.root_org(), year, period)


def _parsed(image: str) -> ElementTree.Element:
    return ElementTree.fromstring(image)


def _words(image: str) -> list[str]:
    return [t.text or "" for t in _parsed(image).iter(f"{NS}text")]


def test_the_trend_keeps_forecasts_dashed_and_hollow_and_splits_gender(view):
    chart = figures.trend_figure(view.indicator, view.trend, "Helår")
    series = {s.name: s for s in chart.series}
    assert (series[texts.FORECAST].dash, series[texts.FORECAST].marker) == ("dash", "circle-open")
    assert (series[texts.OUTCOME_TOTAL].dash, series[texts.OUTCOME_TOTAL].marker) == (
        "solid",
        "circle",
    )
    assert series[texts.TARGET].level
    assert {texts.GENDER_LABEL[g] for g in ("K", "M")} <= set(series)
    assert chart.years == tuple(p.year for p in view.trend)
    outcomes = [p.readings["T"].outcome if "T" in p.readings else None for p in view.trend]
    assert list(series[texts.OUTCOME_TOTAL].values) == outcomes


def test_reference_lines_widen_the_years_without_moving_our_own_values(view):
    first = view.trend[0].year
    chart = figures.trend_figure(
        view.indicator, view.trend, "Helår", [("Riket", [(first - 2, 50.0), (first, 60.0)])]
    )
    assert chart.years[:3] == (first - 2, first - 1, first)
    riket = chart.series[-1]
    assert (riket.name, riket.values[:3], riket.dash) == ("Riket", (50.0, None, 60.0), "dashdot")
    outcome = next(s for s in chart.series if s.name == texts.OUTCOME_TOTAL)
    assert outcome.values[:2] == (None, None)


@pytest.mark.parametrize("width", [charts.WIDE, charts.NARROW])
def test_a_drawn_forecast_is_dashed_with_open_markers_and_outcomes_are_solid(view, width):
    chart = figures.trend_figure(view.indicator, view.trend, "Helår")
    image = _parsed(charts.draw_lines(chart, width))
    assert image.get("width") == str(width)
    lines = {
        (line.get("stroke"), line.get("stroke-dasharray")) for line in image.iter(f"{NS}polyline")
    }
    total = figures.COLOURS["total"]
    assert (total, svg.DASHES["dash"]) in lines and (total, None) in lines
    assert any(c.get("fill") == "#fff" for c in image.iter(f"{NS}circle"))  # hollow forecasts
    assert texts.FORECAST in _words(charts.draw_lines(chart, width))


def test_a_missing_year_breaks_the_line_and_a_lone_value_keeps_its_mark():
    chart = LineChart(
        "t", "%", (2021, 2022, 2023, 2024), (Series("Utfall", (1.0, None, 3.0, 4.0), "#000"),)
    )
    image = _parsed(charts.draw_lines(chart, charts.WIDE))
    [line] = [p for p in image.iter(f"{NS}polyline") if p.get("stroke") == "#000"][1:]  # legend
    assert len(line.get("points").split()) == 2  # 2023–2024 only; 2021 is not joined across 2022
    assert len([c for c in image.iter(f"{NS}circle") if c.get("fill") == "#000"]) == 3 + 1


def _bars(values_a, values_b=None, labels=None) -> BarChart:
    bars = [Bars("I år", values_a, "#00457a", labels=labels)]
    if values_b:
        bars.append(Bars("Förra året", values_b, "#9db7d1", striped=True))
    return BarChart("t", "%", ("Nämnd A & B", "<Nämnd> C"), tuple(bars), 1, "%")


def test_a_missing_value_has_no_bar_and_says_it_is_missing():
    image = charts.draw_bars(_bars((12.5, None)), charts.WIDE)
    bars = [r for r in _parsed(image).iter(f"{NS}rect") if r.get("fill") == "#00457a"]
    assert len(bars) == 1 + 1  # one bar and its legend swatch
    words = _words(image)
    assert "12,5\xa0%" in words and texts.MISSING_VALUE in words
    assert "Nämnd A & B" in words and "<Nämnd> C" in words  # escaped, and read back whole


def test_a_name_with_control_characters_still_draws_a_readable_image():
    """XML 1.0 cannot hold most control characters: one in a name must not break the image."""
    chart = BarChart("t", "%", ("Nämnd\x01 A\x00", "B\x0b"), (Bars("I år", (1.0, 2.0), "#000"),))
    assert {"Nämnd A", "B"} <= set(_words(charts.draw_bars(chart, charts.WIDE)))


def test_given_labels_replace_the_values_and_an_empty_one_writes_nothing():
    image = charts.draw_bars(_bars((30.0, None), labels=("30 % (6 av 20)", "")), charts.WIDE)
    words = _words(image)
    assert "30 % (6 av 20)" in words and texts.MISSING_VALUE not in words


def test_a_negative_value_is_drawn_left_of_zero_with_its_label_before_it():
    image = _parsed(charts.draw_bars(_bars((-5.0, 10.0)), charts.WIDE))
    zero = next(line for line in image.iter(f"{NS}line") if line.get("stroke") == "#888")
    bars = [r for r in image.iter(f"{NS}rect") if r.get("fill") == "#00457a"][1:]
    negative, positive = sorted(bars, key=lambda r: float(r.get("y")))
    assert float(negative.get("x")) + float(negative.get("width")) == pytest.approx(
        float(zero.get("x1")), abs=0.2
    )
    assert float(positive.get("x")) == pytest.approx(float(zero.get("x1")), abs=0.2)


def test_a_striped_series_is_filled_with_its_pattern():
    image = _parsed(charts.draw_bars(_bars((1.0, 2.0), (3.0, 4.0)), charts.NARROW))
    [pattern] = image.iter(f"{NS}pattern")
    assert any(r.get("fill") == f"url(#{pattern.get('id')})" for r in image.iter(f"{NS}rect"))
    # on a phone each row's name stands on a line of its own, whole
    assert "Nämnd A & B" in _words(charts.draw_bars(_bars((1.0, 2.0)), charts.NARROW))


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (100, 150, [100, 110, 120, 130, 140, 150]),
        (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (-5, 10, [-5, 0, 5, 10]),
        (7, 7, [6, 6.5, 7, 7.5, 8]),
    ],
)
def test_ticks_are_round_and_cover_the_values(low, high, ticks):
    assert svg.nice_ticks(low, high) == ticks


@pytest.mark.parametrize(
    ("ticks", "decimals"),
    [([0, 5, 10], 0), ([0, 2.5, 5], 1), ([0, 0.25, 0.5], 2), ([0, 0.0025, 0.005], 4)],
)
def test_tick_values_get_the_decimals_that_tell_them_apart(ticks, decimals):
    assert svg.tick_decimals(ticks) == decimals


def test_the_image_travels_as_a_data_address_without_whitespace(view):
    figure = charts.chart(figures.gender_figure(view.indicator, view.compared), "Kvinnor och män")
    caption, picture = figure.children
    source, image = picture.children
    assert caption.children == texts.GENDER_TITLE and image.alt == "Kvinnor och män"
    assert source.media == f"(max-width: {charts.NARROW_BELOW}px)"
    for address in (source.srcSet, image.src):
        assert not any(c.isspace() for c in address)
        chart_svg(address)  # raises unless it is whole SVG
