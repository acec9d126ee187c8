"""What `kontrollrummet serve` sends: compressed when asked, cached as long as it may be, no
chart library at all (charts are drawn on the server), and 404 for a script that is not there."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.web import shipping
from tests.clients import signed_in
from tests.demo_db import fill_with_demo

STYLESHEET = re.compile(r'href="(/assets/00-bootstrap\.min\.css\?m=[\d.]+)"')  # the biggest asset
FINGERPRINTED_SUITE = re.compile(r'src="(/_dash-component-suites/dash/dcc/[^"]+\.v\w+m\d+\.js)"')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('shipping') / 'demo.db'}"
    fill_with_demo(Store(make_engine(url)))
    return signed_in(create_app(Settings(database_url=url)))


@pytest.fixture(scope="module")
def index_html(client) -> str:
    return client.get("/").get_data(as_text=True)


def test_the_page_links_no_chart_library(index_html):
    assert STYLESHEET.search(index_html)
    scripts = re.findall(r'<script src="([^"]+)"', index_html)
    assert scripts and not [src for src in scripts if "plotly" in src.lower()]


@pytest.mark.parametrize(
    ("encoding", "decompress"),
    [("gzip", gzip.decompress), ("br", brotli.decompress), ("gzip, deflate, br, zstd", None)],
)
def test_the_big_scripts_travel_compressed_when_the_browser_accepts_it(
    client, index_html, encoding, decompress
):
    for path in (STYLESHEET.search(index_html)[1], FINGERPRINTED_SUITE.search(index_html)[1]):
        plain = client.get(path).get_data()
        packed = client.get(path, headers={"Accept-Encoding": encoding})
        assert packed.status_code == 200
        assert len(packed.get_data()) < len(plain) / 2
        assert "Accept-Encoding" in packed.headers["Vary"]
        if decompress:
            assert packed.headers["Content-Encoding"] == encoding
            assert decompress(packed.get_data()) == plain
        else:  # what Chromium asks for: the first the server prefers
            assert packed.headers["Content-Encoding"] == "zstd"


def test_a_client_that_asks_for_nothing_gets_the_plain_file(client, index_html):
    answer = client.get(STYLESHEET.search(index_html)[1])
    assert "Content-Encoding" not in answer.headers
    assert answer.get_data().startswith(b"@charset")


def test_fingerprinted_files_are_kept_a_year_and_the_page_never(client, index_html):
    for path in (STYLESHEET.search(index_html)[1], FINGERPRINTED_SUITE.search(index_html)[1]):
        assert client.get(path).headers["Cache-Control"] == shipping.FOREVER
    assert client.get("/").headers["Cache-Control"] == shipping.NEVER
    assert client.get("/mal/KF1.3?ar=2026&period=T2&org=SKA").headers["Cache-Control"] == "no-store"


def test_a_file_without_a_fingerprint_is_asked_for_again_and_answered_304(client):
    chunk = "/_dash-component-suites/dash/dcc/async-graph.js"  # loaded lazily, by this name
    first = client.get(chunk, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Cache-Control"] == "no-cache" and first.headers["ETag"]
    again = client.get(
        chunk, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    asset = client.get("/assets/kontrollrummet.css")
    assert asset.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/dcc/no-such-file.js",
        "/_dash-component-suites/no_such_library/bundle.js",
        "/_dash-component-suites/dash/dcc/no-such-file.v4_4_1m1.js",
    ],
)
def test_an_unknown_script_is_not_found_rather_than_a_server_error(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_file_carries_no_session_cookie_so_the_browser_can_reuse_it(client, index_html):
    for path in (STYLESHEET.search(index_html)[1], FINGERPRINTED_SUITE.search(index_html)[1]):
        answer = client.get(path)
        assert "Set-Cookie" not in answer.headers
        assert "Cookie" not in answer.headers["Vary"]
    assert "Set-Cookie" in client.get("/").headers  # a page still refreshes the session
