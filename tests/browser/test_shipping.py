"""Charts arrive drawn: the server sends each as an image with the page, so a chart page fetches
no chart library, runs no chart code and is complete when its content is (layouts/charts.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from layouts import charts, urls
from tests.browser.charts import drawn

CHART_PAGES = [urls.indicator_path("KF21"), f"{urls.ACCURACY_PATH}?{urls.ORG_KEY}=SKA"]


@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_chart_page_draws_its_charts_without_a_chart_library(page, path):
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(path)
    images = page.locator(".figure img.chart")
    expect(images.first).to_be_visible(timeout=15_000)
    for image in images.all():
        assert drawn(image).get("width") == str(charts.WIDE)
        assert image.get_attribute("alt")
    page.wait_for_load_state("networkidle")
    assert not [url for url in scripts if "plotly" in url.lower() or "async-graph" in url]
    assert page.evaluate("typeof window.Plotly") == "undefined"


def test_a_phone_gets_the_narrow_drawing_and_no_sideways_scrolling(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(urls.indicator_path("KF21"))
    images = page.locator(".figure img.chart")
    expect(images.first).to_be_visible(timeout=15_000)
    for image in images.all():
        assert drawn(image).get("width") == str(charts.NARROW)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
