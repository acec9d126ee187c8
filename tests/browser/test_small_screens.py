"""A phone (390 px) and 400 % zoom (1280 / 4 = 320 CSS px, WCAG 1.4.10): no sideways scrolling,
every goal's status on screen, and a menu behind a button (issue 20)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from layouts import texts

WIDTHS = [(390, 844), (320, 256)]
PAGES = [
    "/",
    "/?niva=namnd&org=SKA",
    "/mal/KF1.2",
    "/mal/KF1.2?org=SKA",
    "/avvikelser",
    "/avvikelser?org=SKA",
]

OFF_SCREEN = """() => [...document.querySelectorAll('main .status-badge')]
  .filter((e) => { const r = e.getBoundingClientRect();
                   return r.width && (r.left < 0 || r.right > window.innerWidth + 0.5); })
  .map((e) => e.closest('tr, .card, div').textContent.slice(0, 60))"""


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize(("width", "height"), WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_every_status_is_on_screen_without_sideways_scrolling(page, path, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("main .status-badge").count() > 0
    assert page.evaluate(OFF_SCREEN) == []


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_the_menu_folds_behind_a_button_that_does_not_overlap_the_name(page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    button = page.get_by_role("button", name=texts.MENU_BUTTON)
    menu_link = page.locator(".main-nav").get_by_role("link", name=texts.NAV_DEVIATIONS)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu_link).to_be_hidden()
    brand = page.locator(".app-header .brand").bounding_box()
    assert not _overlap(brand, button.bounding_box())
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    page.keyboard.press("Escape")  # folds it, focus back on the button
    expect(menu_link).to_be_hidden()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    menu_link.click()  # the menu folds again on the new page, focus on its heading
    expect(page.locator("main h1")).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")


def test_the_menu_button_is_hidden_on_a_wide_screen(page):
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.get_by_role("button", name=texts.MENU_BUTTON)).to_be_hidden()
    expect(page.locator(".main-nav").get_by_role("link", name=texts.NAV_DEVIATIONS)).to_be_visible()


@pytest.mark.user("controller")  # the longest header: a name, a role and seven menu entries
@pytest.mark.parametrize("width", [320, 390, 600, 760, 1000])
def test_nothing_in_the_header_overlaps(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    toggle = page.get_by_role("button", name=texts.MENU_BUTTON)
    if toggle.is_visible():
        toggle.click()
    parts = [".brand", ".tagline", ".user-area", ".main-nav"]
    boxes = [page.locator(f".app-header {part}").bounding_box() for part in parts]
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            assert not _overlap(first, second), (first, second)
