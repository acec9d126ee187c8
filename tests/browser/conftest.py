"""A live Kontrollrummet on demo data, and Debian's Chromium driven by Playwright.

Served with werkzeug in a daemon thread (not Dash's thread server, whose teardown kills
Playwright; see ../shared/TESTING.md). Every page's console errors and failed requests
are collected and must be empty when the test ends.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from dashboard.app import create_app
from dashboard.followup import agenda
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from layouts import texts
from tests.clients import PASSWORDS
from tests.demo_db import fill_with_demo

CHROMIUM = os.environ.get("KONTROLLRUMMET_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[1] / ".node" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def pytest_collection_modifyitems(config, items):
    """Without Chromium the browser tests are skipped, unless CI says it must be there."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("KONTROLLRUMMET_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"Chromium is required but {CHROMIUM} does not exist")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1000}, "locale": "sv-SE"}


@pytest.fixture(scope="session")
def demo_app_store(tmp_path_factory) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.db'}"
    store = fill_with_demo(Store(make_engine(url)))
    agenda.prepare_city(store)  # as the app does after a write: the first whole-city page is warm
    return store


@pytest.fixture(scope="session")
def base_url(demo_app_store) -> Iterator[str]:
    """The running app's address (pytest-playwright resolves relative page.goto against it)."""
    settings = Settings(
        database_url=demo_app_store.engine.url.render_as_string(hide_password=False)
    )
    server = make_server("127.0.0.1", 0, create_app(settings).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def page(page, request):
    """Playwright's page, signed in through the form as the test's `user` mark (default: a reader),
    failing the test on any console error (CSP violations included) or failed request."""
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: _failed(problems, request))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    mark = request.node.get_closest_marker("user")
    username = mark.args[0] if mark else "politiker"
    if username:
        sign_in(page, username)
    yield page
    if request.node.get_closest_marker("session_ends"):  # its callbacks answer 401 on purpose
        problems = [p for p in problems if "401" not in p]
    assert problems == []


def sign_in(page, username: str) -> None:
    """Fill in and send the sign-in form as a demo account."""
    page.goto("/logga-in")
    page.get_by_label(texts.USERNAME_LABEL).fill(username)
    page.get_by_label(texts.PASSWORD_LABEL).fill(PASSWORDS[username])
    page.get_by_role("button", name=texts.SIGN_IN_BUTTON).click()
    page.wait_for_url(re.compile(r"/$|/att-rapportera"))  # editors land on Att rapportera


def _failed(problems: list[str], request) -> None:
    if request.failure != "net::ERR_ABORTED":  # aborted by our own navigation, not a fault
        problems.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def axe_check(page):
    """Run axe-core on the current page and return its violations: serious and critical ones,
    or those of every impact level with `every_impact=True`."""

    def check(every_impact: bool = False) -> list[dict]:
        if not AXE.exists():
            pytest.fail(
                f"axe-core is not installed at {AXE}; "
                "run: npm install --prefix tests/.node axe-core"
            )
        page.evaluate(
            AXE.read_text(encoding="utf-8")
        )  # evaluated, not a <script>: the app's CSP stays on
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if every_impact or v["impact"] in ("serious", "critical")
        ]

    return check


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot as a test artifact (not committed)."""

    def take(name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
