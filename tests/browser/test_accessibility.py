"""WCAG 2.1 AA checks with axe-core on every page, and keyboard use."""

import re

import pytest
from playwright.sync_api import expect

from layouts import texts

PAGES = [
    "/",
    "/?niva=namnd&org=SKA",
    "/?niva=enhet&org=SKA",
    "/mal/KF1.2",
    "/mal/KF1.2?org=SKA",
    "/indikator/KF21",
    "/mal/KF1.2?sortera=namn",
    "/tillganglighet",
    "/finns-inte",
    "/avvikelser?org=SKA",
    "/prognoser?org=SKA",
    "/kvinnor-och-man",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations_of_any_impact(page, axe_check, path):
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert axe_check(every_impact=True) == []


EDITING_PAGES = [
    pytest.param("/mal/KF1.2/bedomning?org=SKA", marks=pytest.mark.user("controller")),
    pytest.param("/att-rapportera", marks=pytest.mark.user("controller")),
    pytest.param("/rapportering", marks=pytest.mark.user("controller")),
    pytest.param("/konton", marks=pytest.mark.user("admin")),
    pytest.param("/mitt-konto", marks=pytest.mark.user("admin")),
]


@pytest.mark.parametrize("path", EDITING_PAGES)
def test_no_accessibility_violations_of_any_impact_on_the_editing_pages(page, axe_check, path):
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert axe_check(every_impact=True) == []


def test_the_first_tab_reaches_a_visible_skip_link(page):
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until an element matching the selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", "focus must be visible"
            return
    raise AssertionError(f"{selector} never got focus with Tab")


def test_keyboard_only_walk_from_overview_to_an_indicator(page, demo_app_store):
    page.goto("/")
    expect(page.locator(".goal-card").first).to_be_visible()
    _tab_to(page, ".goal-card h3 a")
    page.keyboard.press("Enter")
    expect(page.locator(".goal-page")).to_be_visible()
    _tab_to(page, "[aria-label^='Målets beräknade status'] tbody a")
    page.keyboard.press("Enter")
    expect(page.locator(".org-trail strong")).not_to_have_text(demo_app_store.root_org().name)
    _tab_to(page, "#indikatorer tbody a")
    page.keyboard.press("Enter")
    expect(page.locator(".indicator-page")).to_be_visible()


@pytest.mark.user("controller")
def test_upload_page_has_no_serious_accessibility_violations(page, axe_check):
    page.goto("/uppladdning")
    expect(page.locator("main h1")).to_be_visible()
    assert axe_check() == []


def test_a_status_shows_its_symbol_and_a_screen_reader_hears_its_words(page):
    """A status badge and a point of the status trend draw their symbol from data-symbol (issue
    20: one component instead of two or four); the eye sees the symbol, the accessibility tree
    holds only the words."""
    page.goto("/mal/KF1.2?org=SKA")
    badge = page.locator(".status-line .status-badge")
    expect(badge).to_be_visible()
    words = badge.inner_text()
    assert words in texts.STATUS_LABEL.values()
    symbol = badge.evaluate("e => getComputedStyle(e, '::before').content")
    assert symbol.startswith(f'"{badge.get_attribute("data-symbol")}"')
    assert badge.get_attribute("data-symbol") in texts.STATUS_SYMBOL.values()
    point = page.locator(".status-trend-point").last
    drawn = point.evaluate(
        "e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content]"
    )
    assert drawn[0].startswith('"') and drawn[1].startswith(
        f'"{point.get_attribute("data-period")}"'
    )
    tree = page.locator(".status-line").aria_snapshot()
    assert words in tree and not any(s in tree for s in texts.STATUS_SYMBOL.values())
    row = page.locator(".status-trend").aria_snapshot()
    assert point.locator(".visually-hidden").text_content() in row
    assert not any(s in row for s in texts.STATUS_SYMBOL.values())
