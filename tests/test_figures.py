"""Figures are valid Plotly and never draw a forecast like an outcome."""

import plotly.graph_objects as go
import pytest

from dashboard.pages.indicator import indicator_view
from layouts import figures, texts


@pytest.fixture
def view(demo_store):
    year, period = demo_store.reported_periods()[-1]
    indicator = demo_store.indicator("KF21")
    assert indicator.gender_split
    return indicator_view(demo_store, indicator, demo_store.root_org(), year, period)


def test_every_figure_is_valid_plotly(view):
    for figure in (
        figures.trend_figure(view.indicator, view.trend, "Helår"),
        figures.last_year_figure(view.indicator, view.compared, view.year),
        figures.gender_figure(view.indicator, view.compared),
    ):
        go.Figure(figure)  # raises on any invalid property
        assert figure["layout"]["separators"] == ", "


def test_trend_draws_forecast_dashed_and_hollow_and_splits_gender(view):
    traces = {
        t["name"]: t for t in figures.trend_figure(view.indicator, view.trend, "Helår")["data"]
    }
    assert traces[texts.FORECAST]["line"]["dash"] == "dash"
    assert traces[texts.FORECAST]["marker"]["symbol"] == "circle-open"
    assert "dash" not in traces[texts.OUTCOME_TOTAL]["line"]
    assert {texts.GENDER_LABEL[g] for g in ("K", "M")} <= set(traces)
    assert traces[texts.OUTCOME_TOTAL]["x"] == [p.year for p in view.trend]
