"""Navigation as people use it (issue 20): focus, titles, announcements, focus style, landmarks
and radio groups, checked in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from layouts import texts

TITLE_END = f" – {texts.APP_TITLE}"
FOCUSED_H1 = "() => document.activeElement.matches('main h1[tabindex=\"-1\"]')"


def _ready(page) -> None:
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")


def _tabs_to(page, target: str, limit: int = 3) -> int:
    """Press Tab until `target` has focus; Enter on an in-page jump ("Gå till") whose section holds
    the target. Returns the Tabs pressed; fails after `limit` Tabs."""
    for tabs in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", target):
            return tabs
        jump = page.evaluate(
            """(s) => { const a = document.activeElement;
                 if (!a.matches('.page-jumps a')) { return false; }
                 const section = document.querySelector(a.getAttribute('href'));
                 return !!(section && section.querySelector(s)); }""",
            target,
        )
        if jump:
            page.keyboard.press("Enter")
    raise AssertionError(f"{target} not reached in {limit} Tabs")


def _follow(page) -> None:
    """Enter on the focused link; the new page's h1 gets focus."""
    page.keyboard.press("Enter")
    page.wait_for_function(FOCUSED_H1)


def test_a_keyboard_walk_from_overview_to_an_indicator_needs_three_tabs_a_step(page):
    page.goto("/")
    _ready(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    _tabs_to(page, "#malen .goal-card h3 a", limit=4)  # from the skip link's target: + jump
    page.keyboard.press("Enter")
    page.wait_for_function(FOCUSED_H1)
    _tabs_to(page, "#per-organisation tbody a")  # the nämnd
    _follow(page)
    expect(page.locator(".org-trail strong")).to_have_text(re.compile("stadsdelsnämnd"))
    _tabs_to(page, "#per-organisation tbody a")  # a unit
    _follow(page)
    _tabs_to(page, "#varfor tbody a[href^='/indikator/']")  # an indicator
    _follow(page)
    expect(page.locator(".indicator-page")).to_be_visible()


def test_a_menu_link_moves_focus_to_the_new_h1_and_the_title_is_announced(page):
    page.goto("/tillganglighet")
    _ready(page)
    page.get_by_role("link", name=texts.NAV_DEVIATIONS).click()
    page.wait_for_function(FOCUSED_H1)
    heading = page.locator("main h1").inner_text()
    expect(page).to_have_title(re.compile("^" + re.escape(heading) + ".*" + TITLE_END + "$"))
    live = page.locator("[aria-live='polite'].page-announcer")
    expect(live).to_have_text(page.title())


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("/?org=SKA", ["Skarpnäcks stadsdelsnämnd", "T2 2026"]),
        ("/mal/KF1.5?org=SKA", ["1.5 ", "Skarpnäcks stadsdelsnämnd", "T2 2026"]),
        ("/indikator/KF21?ar=2025&period=FY", ["Stockholms stad (demo)", "Helår 2025"]),
        ("/tillganglighet", [texts.A11Y_HEADING]),
    ],
)
def test_the_title_names_the_page_organisation_and_period(page, path, parts):
    page.goto(path)
    _ready(page)
    expect(page).to_have_title(re.compile(re.escape(TITLE_END) + "$"))
    title = page.title()
    assert title.startswith(page.locator("main h1").inner_text()[:20])
    assert title.endswith(TITLE_END)
    for part in parts:
        assert part in title
    assert title.count("Skarpnäcks stadsdelsnämnd") <= 1  # not twice when the h1 names it


def test_the_first_page_load_keeps_focus_at_the_top(page):
    page.goto("/mal/KF1.2")
    _ready(page)
    assert page.evaluate("() => document.activeElement === document.body")


def test_choosing_a_period_keeps_focus_in_the_list(page):
    page.goto("/")
    _ready(page)
    page.locator("#filter-period").focus()
    page.evaluate("() => { document.activeElement.dataset.before = 'yes'; }")
    page.keyboard.press("ArrowUp")
    expect(page).to_have_url(re.compile("period=T1"))
    # Dash draws the new page afresh, list and all: focus goes to the new list, not the h1
    page.wait_for_function("() => !document.querySelector('#filter-period[data-before]')")
    expect(page.locator("#filter-period")).to_be_focused()


LANDMARKS = """() => {
  const role = (e) => e.getAttribute('role') || {HEADER: 'banner', FOOTER: 'contentinfo',
    MAIN: 'main', NAV: 'navigation'}[e.tagName];
  const top = (e) => !e.parentElement.closest('main, article, aside, nav, section[aria-label]');
  const all = [...document.querySelectorAll('header, footer, main, nav, [role]')];
  return all.filter((e) => ['banner', 'contentinfo', 'main', 'navigation'].includes(role(e))
      && (role(e) === 'navigation' || role(e) === 'main' || top(e)))
    .map((e) => [role(e), e.getAttribute('aria-label') || '']);
}"""


@pytest.mark.parametrize("path", ["/", "/mal/KF1.2?org=SKA", "/indikator/KF21"])
def test_one_banner_main_and_footer_and_every_navigation_named_apart(page, path):
    page.goto(path)
    _ready(page)
    landmarks = page.evaluate(LANDMARKS)
    roles = [role for role, _ in landmarks]
    assert roles.count("banner") == roles.count("main") == roles.count("contentinfo") == 1
    names = [name for role, name in landmarks if role == "navigation"]
    assert all(names) and len(set(names)) == len(names), names


@pytest.mark.user("controller")
def test_assessment_radios_are_one_named_group(page):
    page.goto("/mal/KF1.2/bedomning?org=SKA")
    _ready(page)
    radios = page.locator("input[type=radio]")
    names = radios.evaluate_all("(rs) => rs.map((r) => r.name)")
    assert len(names) >= 3 and all(names) and len(set(names)) == 1
    group = page.get_by_role("group", name=re.compile("Bedömning"))
    expect(group.locator("input[type=radio]")).to_have_count(len(names))
    radios.first.focus()
    page.keyboard.press("ArrowDown")  # a real group: arrows move the choice
    expect(radios.nth(1)).to_be_checked()


CONTRAST = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const f = (v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  const behind = (e) => { for (let n = e.parentElement; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length < 4 || c[3] > 0) { return c; } }
    return [255, 255, 255]; };
  const e = document.activeElement, s = getComputedStyle(e);
  const a = lum(rgb(s.outlineColor)), b = lum(behind(e));
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), tag: e.outerHTML.slice(0, 80)};
}"""

CONTROLS = {  # every kind of control the app has: native, dash-bootstrap and dcc
    "/": ["main a[href]", "header a[href]", "header form button", "main select", "summary"],
    "/mal/KF1.2/bedomning?org=SKA": ["input[type=radio]", "textarea", "main button.btn-primary"],
    "/konton": [
        "main input.form-control[type=text]",
        "main input[type=password]",
        "main td select",
        "main input.dash-input-element",  # dcc.Input
        "main button.btn-danger",
    ],
}


@pytest.mark.user("admin")
@pytest.mark.parametrize("path", list(CONTROLS))
def test_every_control_has_one_strong_focus_style(page, path):
    page.goto(path)
    _ready(page)
    page.keyboard.press("Tab")  # keyboard use, as :focus-visible expects
    for selector in CONTROLS[path]:
        control = page.locator(f"{selector} >> visible=true").first
        control.focus()
        expect(control).to_be_focused()
        seen = page.evaluate(CONTRAST)
        assert seen["style"] != "none" and seen["width"] >= 2, (selector, seen)
        assert seen["ratio"] >= 3, (selector, seen)
