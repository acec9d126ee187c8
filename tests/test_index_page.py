"""The page a full load starts from (layouts/shell.py): no script no page uses, and the startup
script linked before Dash's own, so that the renderer's first requests are on their way while the
scripts start (issue 20, "the browser's own time")."""

from __future__ import annotations

import re

import pytest

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from tests.clients import signed_in
from tests.demo_db import fill_with_demo

SCRIPT = re.compile(r'<script src="([^"]+)"')


@pytest.fixture(scope="module")
def index_html(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('index') / 'demo.db'}"
    fill_with_demo(Store(make_engine(url)))
    return signed_in(create_app(Settings(database_url=url))).get("/").get_data(as_text=True)


def test_the_page_ships_no_data_table_script(index_html):
    # No page draws a dash_table.DataTable (tables are html.Table), yet Dash links its bundle.
    assert "dash_table" not in " ".join(SCRIPT.findall(index_html))


def test_the_page_ships_no_babel_polyfill(index_html):
    # 99 kB for browsers older than React 18 supports, evaluated on every full load; the
    # browser tests draw every lazily loaded component without it.
    assert "polyfill" not in " ".join(SCRIPT.findall(index_html))


def test_the_startup_script_comes_before_every_other_script_and_is_fingerprinted(index_html):
    scripts = SCRIPT.findall(index_html)
    assert re.fullmatch(r"/assets/startup\.js\?m=[\d.]+", scripts[0]), scripts[:2]
    assert scripts.count(scripts[0]) == 1
    assert index_html.index('id="_dash-config"') < index_html.index(scripts[0])
