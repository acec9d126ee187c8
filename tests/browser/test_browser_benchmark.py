"""benchmarks/browser.py on the demo, one page and one navigation, so that it cannot rot."""

from __future__ import annotations

from benchmarks.browser import measure, report


def test_the_browser_benchmark_measures_a_page_cold_and_warm_and_a_navigation(
    browser, base_url, demo_app_store
):
    database_url = demo_app_store.engine.url.render_as_string(hide_password=False)
    results = measure(browser, base_url, database_url, 1, ["Indikatorsida", "Indikator →"])
    cold, warm, navigation = results["results"]
    assert (cold["mode"], warm["mode"], navigation["mode"]) == ("cold", "warm", "navigation")
    for row in (cold, warm, navigation):
        assert 0 < row["content_ms"] <= row["complete_ms"] and row["longest_task_ms"] >= 0
    assert cold["bytes"] > 300_000  # the scripts and styles, compressed
    assert warm["bytes"] < cold["bytes"] / 10  # every file from the cache, only the page's data
    assert cold["decoded_bytes"] > 2 * cold["bytes"]  # travelled compressed
    assert "Indikatorsida" in report(results) and "Avvikelser" in navigation["name"]
