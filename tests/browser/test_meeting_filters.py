"""The tertial meeting's doors in a real Chromium: a count on Översikt opens Avvikelser
filtered, and the filters are links the keyboard reaches."""

import re
from dataclasses import replace

from playwright.sync_api import expect

from dashboard.domain.model import GoalLevel, Status
from dashboard.pages.deviations import Only, deviations
from layouts import texts

SKA_T2 = "org=SKA&ar=2026&period=T2"


def test_a_status_count_opens_its_list_and_the_filters_work_by_keyboard(
    page, demo_app_store, axe_check
):
    org = demo_app_store.org("SKA")
    kf = Only(level=GoalLevel.COUNCIL)  # Översikt opens on the KF goals; its doors keep the level
    partly = deviations(
        demo_app_store, org, 2026, "T2", 1000, replace(kf, status=Status.PARTLY_MET)
    )
    partly = partly.found
    page.goto(f"/?{SKA_T2}")
    door = page.locator(".summary a", has_text=texts.STATUS_LABEL[Status.PARTLY_MET])
    door.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("status=delvis"))
    expect(page.locator(".deviation-goal")).to_have_count(len(partly))
    expect(page.locator(".deviation-goal.status-partly_met")).to_have_count(len(partly))
    page.wait_for_load_state("networkidle")
    assert axe_check() == []

    filters = page.get_by_role("navigation", name=texts.DEVIATION_FILTERS_LABEL)
    filters.get_by_role("link", name=texts.FILTER_ALL).first.focus()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile("status="))
    every = deviations(demo_app_store, org, 2026, "T2", 25, kf).found
    assert len(every) > len(partly)
    expect(page.locator(".deviation-goal")).to_have_count(min(len(every), 25))
