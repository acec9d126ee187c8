"""A page with several charts draws each in a task of its own (issue 20: no main-thread task over
200 ms), so the page answers input between charts (assets/plotly-loader.js)."""

from __future__ import annotations

from playwright.sync_api import expect

from layouts import urls

# Counts the main thread's tasks (a MessageChannel ping is a task of its own) and notes in which
# of them each chart's SVG appeared: mutation records are delivered before the task that made
# them ends.
TASK_OF_EACH_CHART = """
(() => {
  window.__chartTasks = [];
  let task = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { task++; channel.port2.postMessage(0); };
  channel.port2.postMessage(0);
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) {
      const chart = node.nodeType === 1 && node.matches(".main-svg:first-child");
      if (chart) window.__chartTasks.push(task);
    }
  }).observe(document, {subtree: true, childList: true});
})();
"""


def test_each_chart_is_drawn_in_a_task_of_its_own(page):
    page.add_init_script(TASK_OF_EACH_CHART)
    page.goto(urls.indicator_path("KF21"))
    charts = page.locator(".js-plotly-plot")
    expect(charts.first).to_be_visible(timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dash-graph')]"
        ".every((g) => g.querySelector('.main-svg'))",
        timeout=15_000,
    )
    tasks = page.evaluate("window.__chartTasks")
    assert len(tasks) == charts.count() >= 2
    assert len(set(tasks)) == len(tasks), f"charts drawn in the same task: {tasks}"
