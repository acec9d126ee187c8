"""A full load asks for Dash's layout, its callbacks and the first page while the scripts start,
instead of one round trip after another once they have (assets/startup.js, issue 20)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from layouts import texts, urls
from layouts.ids import ShellIds

ROUTER_OUTPUT = f"{ShellIds.CONTENT}.children"
EARLY = """() => {
  const scriptsDone = performance.getEntriesByType("navigation")[0].domInteractive;
  return performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/_dash-layout") || e.name.includes("/_dash-dependencies"))
    .map((e) => e.startTime < scriptsDone);
}"""


def _router_requests(page, every_callback: bool = False) -> list[dict]:
    asked: list[dict] = []

    def note(request) -> None:
        if "_dash-update-component" in request.url:
            body = json.loads(request.post_data or "{}")
            if every_callback or body.get("output") == ROUTER_OUTPUT:
                asked.append(body)

    page.on("request", note)
    return asked


def test_a_full_load_asks_for_layout_callbacks_and_page_before_the_scripts_have_run(page):
    asked = _router_requests(page)
    page.goto(urls.indicator_path("KF21") + "?ar=2026")
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(EARLY) == [True, True]  # each asked once, before the parser was done
    assert len(asked) == 1  # the renderer's own request was answered by the early one
    assert asked[0]["inputs"][1]["value"] == "?ar=2026"


def test_in_app_navigation_still_asks_for_each_new_page(page):
    asked = _router_requests(page)
    page.goto("/")
    expect(page.locator("main h1")).to_be_visible()
    page.locator(f'nav a[href^="{urls.DEVIATIONS_PATH}"]').first.click()
    expect(page).to_have_url(re.compile(urls.DEVIATIONS_PATH))
    page.wait_for_load_state("networkidle")
    assert [body["inputs"][0]["value"] for body in asked] == ["/", urls.DEVIATIONS_PATH]


def test_a_page_is_one_request_and_the_menu_still_keeps_the_view(page):
    # Every callback answered after a page is drawn makes Dash's renderer look at each of the
    # page's components again: the menu's links and the page's title are set in the browser.
    asked = _router_requests(page, every_callback=True)
    page.goto("/?ar=2025&period=FY&org=SKA")
    expect(page.locator("main h1")).to_be_visible()
    menu = page.get_by_role("navigation", name=texts.NAV_LABEL)
    deviations = menu.get_by_role("link", name=texts.NAV_DEVIATIONS)
    expect(deviations).to_have_attribute(
        "href", urls.DEVIATIONS_PATH + "?ar=2025&period=FY&org=SKA"
    )
    deviations.click()
    expect(page).to_have_url(re.compile(urls.DEVIATIONS_PATH))
    expect(deviations).to_have_class("current")
    page.wait_for_load_state("networkidle")
    assert [body["output"] for body in asked] == [ROUTER_OUTPUT, ROUTER_OUTPUT]


# Notes each change of Dash's layout (a prop set by a callback or by a component of its own)
# made once the page's heading is drawn, from the moment Dash's renderer makes its store.
PROPS_SET = """
let renderers = null;
Object.defineProperty(window, "store", {
  configurable: true,
  get() { return renderers; },
  set(store) {
    renderers = store;
    let layout = store.getState().layout;
    window.__propsSet = 0;
    store.subscribe(function () {
      const now = store.getState().layout;
      if (now !== layout && document.querySelector("#main h1")) { window.__propsSet += 1; }
      layout = now;
    });
  },
});
"""


@pytest.mark.parametrize("path", ["/mal/KF1.2?org=SKA", "/avvikelser", "/indikator/KF21"])
def test_a_drawn_page_sets_no_prop_until_the_person_acts(page, path):
    # each would make Dash's renderer look at every component of the page again
    page.add_init_script(PROPS_SET)
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__propsSet") == 0


# Notes the browser's title at the moment the page's heading is first drawn.
TITLE_WHEN_DRAWN = """
new MutationObserver((records, observer) => {
  if (!document.querySelector("#main h1")) return;
  window.__titleWhenDrawn = document.title;
  observer.disconnect();
}).observe(document, {subtree: true, childList: true});
"""


def test_a_full_load_names_the_page_in_the_title_before_the_page_is_drawn(page):
    page.add_init_script(TITLE_WHEN_DRAWN)
    page.goto(urls.indicator_path("KF21"))
    expect(page.locator("main h1")).to_be_visible()
    drawn = page.evaluate("window.__titleWhenDrawn")
    assert drawn.startswith(page.locator("main h1").inner_text()[:20]), drawn
    assert drawn == page.title()
