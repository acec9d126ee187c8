"""WCAG 2.1 AA checks with axe-core on every page, and keyboard use."""

import re

import pytest
from playwright.sync_api import expect

PAGES = ["/", "/?niva=namnd&org=SKA", "/?niva=enhet&org=SKA", "/mal/KF1.2", "/mal/KF1.2?org=SKA",
         "/indikator/KF21", "/finns-inte"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(page, axe_check, path):
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert axe_check() == []


def test_the_first_tab_reaches_a_visible_skip_link(page):
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
