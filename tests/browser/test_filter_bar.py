"""The filter bar asks the server nothing when its page is drawn, only when the reader changes it
(issue 20: one round trip less on every page, and no race with the next page's address)."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from layouts import texts, urls
from layouts.ids import FilterIds


def _bar_requests(page) -> list[dict]:
    asked: list[dict] = []

    def note(request) -> None:
        if "_dash-update-component" in request.url:
            body = json.loads(request.post_data or "{}")
            if any(i["id"] in set(FilterIds) for i in body.get("inputs", [])):
                asked.append(body)

    page.on("request", note)
    return asked


def test_drawing_a_page_with_the_bar_asks_nothing_and_a_choice_still_navigates(page):
    asked = _bar_requests(page)
    page.goto(f"{urls.DEVIATIONS_PATH}?ar=2026&period=T2&status=delvis")
    expect(page.locator("#main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.locator(f'nav a[href^="{urls.ACCURACY_PATH}"]').first.click()  # a page drawn in the app
    expect(page).to_have_url(re.compile(urls.ACCURACY_PATH))
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.get_by_label(texts.PERIOD_FIELD_LABEL).select_option("T1")
    expect(page).to_have_url(re.compile(r"period=T1"))
    expect(page.get_by_label(texts.PERIOD_FIELD_LABEL)).to_have_value("T1")
    assert len(asked) == 1
