"""Browser benchmark: every page in Debian's Chromium, signed in, cold and warm, and in-app
navigation, against a running `kontrollrummet serve` (docs/performance.md, "In the browser").

    .venv/bin/python -m benchmarks.browser --database URL [--url http://127.0.0.1:8050]
        [--workers 1] [--runs 3] [--pages TEXT]... [--json FILE] [--markdown FILE]

Without --url it starts `kontrollrummet serve` on the database itself (loopback, a free port).
The database picks the pages' organisations, goals and indicators, as `kontrollrummet bench`
does. Per page: **cold** is a new browser context (an empty cache) that holds only the session
cookie; **warm** loads the same address again in that context (--runs times, the median kept).

What is measured, in the page (an init script, before any of the app's scripts):
- *content*: the first moment `#main h1` holds the page's heading (from the navigation's start);
- *complete*: the last DOM change or Dash callback answer before the page has been quiet for
  QUIET_MS with no callback in flight (window.fetch is counted), no `data-dash-is-loading`,
  and every image (a chart, `layouts/charts.py`) loaded, its load counted as a change;
- *longest task*: the longest main-thread task (PerformanceObserver `longtask`, ≥ 50 ms);
- *bytes*: resource timing's transferSize over the document and every resource (0 for a file
  the cache answered, the headers for a 304), and the decoded size beside it.
In-app navigation clicks a link on a loaded page and measures the same from the click.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import requests
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.loadtest import client_session, machine
from dashboard.domain.model import GoalLevel
from dashboard.store import Store
from dashboard.store.database import make_engine
from layouts import urls
from tests.postgres import free_port
from tests.served import KONTROLLRUMMET, wait_for

CHROMIUM = os.environ.get("KONTROLLRUMMET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
QUIET_MS = 500
TIMEOUT_MS = 60_000
# Issue 20's budgets, warm at the Stockholm scale on this machine.
BUDGET = {"complete_ms": 1000, "longest_task_ms": 200, "navigation_ms": 300, "cold_ms": 2000}

MEASURE = (Path(__file__).parent / "browser_measure.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Target:
    """A page to load: its name in the report, who looks at it, and its address."""

    name: str
    user: str
    path: str


@dataclass(frozen=True)
class Step:
    """An in-app navigation: from a page, click the first link matching `link`."""

    name: str
    start: str  # a Target's name
    link: str  # CSS selector


@dataclass
class Figures:
    name: str
    mode: str  # cold, warm or navigation
    content_ms: float | None
    complete_ms: float | None
    longest_task_ms: float
    bytes: int
    decoded_bytes: int
    requests: int


def targets(store: Store) -> list[Target]:
    """One representative address per page of callbacks/routes.py, from what the store holds."""
    year, period = store.reported_periods()[-1]
    orgs = store.org_units()
    root = orgs[0]
    committee = next(o for o in orgs if o.parent_id == root.id)
    goal = store.goals(year, (GoalLevel.COUNCIL,))[0].code
    indicator = _indicator(store, year, period, root)

    def state(org: str) -> str:
        return f"?{urls.YEAR_KEY}={year}&{urls.PERIOD_KEY}={period}&{urls.ORG_KEY}={org}"

    city, unit = state(root.code), state(committee.code)
    reader = [
        ("Översikt stad", urls.OVERVIEW_PATH + city),
        ("Översikt nämnd", urls.OVERVIEW_PATH + unit),
        ("Målsida stad", urls.goal_path(goal) + city),
        ("Målsida nämnd", urls.goal_path(goal) + unit),
        ("Indikatorsida", urls.indicator_path(indicator) + unit),
        ("Avvikelser stad", urls.DEVIATIONS_PATH + city),
        ("Avvikelser nämnd", urls.DEVIATIONS_PATH + unit),
        ("Prognoser stad", urls.ACCURACY_PATH + city),
        ("Prognoser nämnd", urls.ACCURACY_PATH + unit),
        ("Prognoser indikator", urls.accuracy_path(indicator) + unit),
        ("Kvinnor och män", urls.GENDER_GAPS_PATH + city),
        ("Presentation", urls.PRESENTATION_PATH + unit),
        ("Tillgänglighet", urls.ACCESSIBILITY_PATH),
        ("Mitt konto", urls.ACCOUNT_PATH),
    ]
    admin = [
        ("Bedömning", urls.assessment_path(goal) + unit),
        ("Att rapportera", urls.TO_REPORT_PATH),
        ("Rapportera", urls.report_form_href(committee.code, year, period)),
        ("Rapportering", urls.PROGRESS_PATH + city),
        ("Uppladdning", urls.UPLOAD_PATH),
        ("Ändringslogg", urls.AUDIT_PATH),
        ("Konton", urls.ACCOUNTS_PATH),
        ("Jämförelser", urls.NATIONAL_PATH),
    ]
    return [Target(n, "politiker", p) for n, p in reader] + [
        Target(n, "admin", p) for n, p in admin
    ]


STEPS = [
    Step(
        "Översikt → målsida", "Översikt stad", f'#main a[href^="{urls.prefix(urls.GOAL_PATTERN)}"]'
    ),
    Step(
        "Målsida → indikator",
        "Målsida nämnd",
        f'#main a[href^="{urls.prefix(urls.INDICATOR_PATTERN)}"]',
    ),
    Step(
        "Målsida → aktivitet",
        "Målsida nämnd",
        f'#main a[href^="{urls.prefix(urls.ACTIVITY_PATTERN)}"]',
    ),
    Step(
        "Indikator → Avvikelser (menyn)", "Indikatorsida", f'nav a[href^="{urls.DEVIATIONS_PATH}"]'
    ),
    Step(
        "Avvikelser → Prognoser (menyn)", "Avvikelser nämnd", f'nav a[href^="{urls.ACCURACY_PATH}"]'
    ),
]


def _indicator(store: Store, year: int, period: str, root: Any) -> str:
    goals = [g.id for g in store.goals(year, (GoalLevel.COUNCIL,))]
    facts = store.goal_indicator_facts([root.id], year, period, goals)
    return sorted({f.indicator.code for f in facts})[0]


def _settle(page: Page) -> dict[str, Any]:
    """The page's figures once it is complete; None figures if it never is within TIMEOUT_MS."""
    try:
        page.wait_for_function(  # a function, not an expression: the app's CSP forbids eval
            "(quiet) => window.__bench.done(quiet)", arg=QUIET_MS, timeout=TIMEOUT_MS, polling=100
        )
    except PlaywrightTimeout:
        return page.evaluate("window.__bench.result()") | {"content_ms": None, "complete_ms": None}
    return page.evaluate("window.__bench.result()")


def _figures(name: str, mode: str, found: dict[str, Any]) -> Figures:
    print(f"{name} ({mode}): {found['complete_ms']} ms", file=sys.stderr, flush=True)  # progress
    return Figures(
        name,
        mode,
        None if found["content_ms"] is None else round(found["content_ms"]),
        None if found["complete_ms"] is None else round(found["complete_ms"]),
        round(found["longest_task_ms"]),
        int(found["bytes"]),
        int(found["decoded_bytes"]),
        int(found["requests"]),
    )


def load(context: BrowserContext, base_url: str, target: Target, mode: str) -> Figures:
    page = context.new_page()
    try:
        page.goto(base_url + target.path, timeout=TIMEOUT_MS)
        return _figures(target.name, mode, _settle(page))
    finally:
        page.close()


def navigate(context: BrowserContext, base_url: str, start: Target, step: Step) -> Figures | None:
    """Load `start` in full, then click the step's link and measure from the click."""
    page = context.new_page()
    try:
        page.goto(base_url + start.path, timeout=TIMEOUT_MS)
        _settle(page)
        link = page.locator(step.link).first
        if not link.count():
            return None  # nothing to click on this database
        page.evaluate("window.__bench.expect()")
        link.click()
        return _figures(step.name, "navigation", _settle(page))
    finally:
        page.close()


@contextlib.contextmanager
def signed_in(browser: Browser, base_url: str, user: str) -> Iterator[BrowserContext]:
    """A new context (so an empty cache) holding only the session cookie of `user`."""
    session = client_session(base_url, user)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="sv-SE")
    context.add_init_script(MEASURE)
    context.add_cookies(
        [{"name": c.name, "value": c.value or "", "url": base_url} for c in session.cookies]
    )
    try:
        yield context
    finally:
        context.close()


def run(base_url: str, database_url: str, runs: int = 3, only: list[str] | None = None) -> dict:
    """Launch Debian's Chromium and measure (below)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return measure(browser, base_url, database_url, runs, only)
        finally:
            browser.close()


def measure(
    browser: Browser, base_url: str, database_url: str, runs: int, only: list[str] | None
) -> dict:
    """Every page cold and warm, then every navigation step; the figures and the machine."""
    chosen = [t for t in targets(Store(make_engine(database_url))) if _wanted(t.name, only)]
    results: list[Figures] = []
    for target in chosen:
        with signed_in(browser, base_url, target.user) as context:
            results.append(load(context, base_url, target, "cold"))
            results.append(_median([load(context, base_url, target, "warm") for _ in range(runs)]))
    by_name = {t.name: t for t in chosen}
    for step in STEPS:
        if step.start in by_name and _wanted(step.name, only):
            start = by_name[step.start]
            with signed_in(browser, base_url, start.user) as context:
                navigate(context, base_url, start, step)  # fills the cache
                found = [navigate(context, base_url, start, step) for _ in range(runs)]
                results += [_median([f for f in found if f])] if all(found) else []
    return {
        "base_url": base_url,
        "runs": runs,
        "load_average": os.getloadavg(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "budget": BUDGET,
        "results": [asdict(r) for r in results],
    }


def _wanted(name: str, only: list[str] | None) -> bool:
    return not only or any(text.lower() in name.lower() for text in only)


def _median(found: list[Figures]) -> Figures:
    """The run with the median complete time (its own figures, not a mix of runs)."""
    ordered = sorted(found, key=lambda f: f.complete_ms or 0)
    return ordered[len(ordered) // 2]


def verdicts(figures: dict[str, Any]) -> list[str]:
    """Which budgets a row misses (issue 20)."""
    over = []
    limit = {
        "cold": BUDGET["cold_ms"],
        "warm": BUDGET["complete_ms"],
        "navigation": BUDGET["navigation_ms"],
    }[figures["mode"]]
    measured = figures["content_ms"] if figures["mode"] == "navigation" else figures["complete_ms"]
    if measured is None:
        over.append(f"inte klar inom {TIMEOUT_MS} ms")
    elif measured > limit:
        over.append(f"{'innehåll' if figures['mode'] == 'navigation' else 'klar'} > {limit} ms")
    if figures["mode"] != "cold" and figures["longest_task_ms"] > BUDGET["longest_task_ms"]:
        over.append(f"lång uppgift > {BUDGET['longest_task_ms']} ms")
    return over


HEADER = (
    "| page | mode | content ms | complete ms | longest task ms | transferred | decoded "
    "| requests | over budget |"
)


def report(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, with the run's conditions."""
    lines = [
        f"{results['when']}, {results['base_url']}, load average "
        + ", ".join(f"{x:.2f}" for x in results["load_average"])
        + f", {results['machine']['cpus']} CPUs; warm = median of {results['runs']}",
        "",
        HEADER,
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["results"]:
        lines.append(
            f"| {r['name']} | {r['mode']} | {r['content_ms']} | {r['complete_ms']} | "
            f"{r['longest_task_ms']} | {_size(r['bytes'])} | {_size(r['decoded_bytes'])} | "
            f"{r['requests']} | {', '.join(verdicts(r)) or '–'} |"
        )
    return "\n".join(lines)


def _size(count: int) -> str:
    return f"{count / 1e6:.2f} MB" if count >= 100_000 else f"{count / 1e3:.1f} kB"


@contextlib.contextmanager
def serving(database_url: str, workers: int) -> Iterator[str]:
    """`kontrollrummet serve` on a free loopback port until the block ends; its address."""
    port = free_port()
    command = [KONTROLLRUMMET, "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--database", database_url]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _healthy(base_url) or process.poll() is not None, timeout=180)
        if process.poll() is not None:
            raise RuntimeError(f"kontrollrummet serve exited with {process.returncode}")
        yield base_url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def _healthy(base_url: str) -> bool:
    try:
        return requests.get(f"{base_url}{urls.HEALTH_PATH}", timeout=5).status_code == 200
    except requests.RequestException:  # not listening yet
        return False


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser", description=__doc__)
    parser.add_argument("--database", required=True, help="the database the server serves")
    parser.add_argument("--url", help="a running server (default: start one on --database)")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers when started")
    parser.add_argument("--runs", type=int, default=3, help="warm loads and clicks per page")
    parser.add_argument("--pages", action="append", help="only pages whose name has this text")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--markdown", type=Path, help="write the table as Markdown")
    return parser


def main() -> None:
    args = arguments().parse_args()
    with contextlib.ExitStack() as stack:
        base_url = args.url
        if not base_url:
            base_url = stack.enter_context(serving(args.database, args.workers))
        results = run(base_url.rstrip("/"), args.database, args.runs, args.pages)
    table = report(results)
    print(table)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
