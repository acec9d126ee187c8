"""Charts drawn by the partial Plotly bundle (assets/vendor/), never the whole 4.8 MB library,
and no Plotly at all on a page without a chart (assets/plotly-loader.js)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from layouts import urls

# Every kind of trace the app draws: lines (the trend), horizontal bars (last year's results,
# women and men; the forecasts' accuracy per committee, with patterned bars).
PAGES = [
    (urls.indicator_path("KF21"), {".scatterlayer .trace", ".barlayer .trace"}),
    (f"{urls.ACCURACY_PATH}?{urls.ORG_KEY}=SKA", {".barlayer .trace"}),
]


def _scripts(page) -> list[str]:
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    return scripts


@pytest.mark.parametrize(("path", "traces"), PAGES)
def test_every_chart_is_drawn_by_the_partial_bundle(page, path, traces):
    scripts = _scripts(page)
    page.goto(path)
    charts = page.locator(".js-plotly-plot")
    expect(charts.first).to_be_visible(timeout=15_000)  # a large page on a shared machine
    for chart in charts.all():
        expect(chart.locator(".main-svg").first).to_be_attached()
    for trace in traces:
        expect(page.locator(trace).first).to_be_attached()
    assert any("/assets/vendor/plotly-basic-" in url for url in scripts)
    assert not any("plotly.min.js" in url for url in scripts)
    assert page.evaluate("Plotly.version") == "4.1.1"


def test_a_page_without_a_chart_loads_no_plotly(page):
    scripts = _scripts(page)
    page.goto(urls.ACCESSIBILITY_PATH)
    expect(page.locator("#main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not any("plotly" in url.lower() for url in scripts if "plotly-loader" not in url)
    assert page.evaluate("typeof window.Plotly") == "undefined"
