"""`serve --workers 2` answers a normal reader while slow clients hold connections open: a
request header sent a line at a time, and a sign-in body that never finishes (no account needed)."""

from __future__ import annotations

import socket
import threading
from contextlib import ExitStack

import pytest
import requests
from click.testing import CliRunner
from werkzeug.serving import make_server

from dashboard.settings import Settings
from dashboard.tools.cli import main
from dashboard.web import serving
from tests.served import Served

SLOW_CLIENTS = 4  # twice what took two sync workers offline


def _slow_socket(base_url: str, index: int) -> socket.socket:
    """A connection that starts a request and never finishes it."""
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    if index % 2:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # the header's end never comes
    else:
        sock.sendall(
            b"POST /logga-in HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 4000\r\n\r\nusername=a"
        )  # nor the rest of the body
    return sock


def test_slow_clients_do_not_keep_a_reader_waiting(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert CliRunner().invoke(main, ["db", "upgrade", "--database", url]).exit_code == 0
    with Served(url, workers=2) as served, ExitStack() as stack:
        for index in range(SLOW_CLIENTS):
            stack.callback(_slow_socket(served.base_url, index).close)
        for _ in range(5):  # whichever worker the reader lands on
            answer = requests.get(f"{served.base_url}/healthz", timeout=5)
            assert answer.status_code == 200 and "/" not in answer.headers["Server"]  # no versions


def test_the_single_process_server_names_no_versions(tmp_path):
    server = make_server(
        "127.0.0.1",
        0,
        lambda environ, start: start("200 OK", []) or [b""],
        request_handler=serving.QuietRequestHandler,
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert (
            requests.get(f"http://127.0.0.1:{server.port}/", timeout=5).headers["Server"]
            == "Kontrollrummet"
        )
    finally:
        server.shutdown()


@pytest.mark.parametrize(
    "host, proxies, warned",
    [
        ("0.0.0.0", 0, True),
        ("10.1.2.3", 0, True),
        ("kontrollrummet.kommun.se", 0, True),
        ("::", 0, True),
        ("127.0.0.1", 0, False),
        ("::1", 0, False),
        ("localhost", 0, False),
        ("0.0.0.0", 1, False),
    ],
)
def test_serving_on_another_address_than_loopback_warns_without_a_proxy(host, proxies, warned):
    warnings = serving.startup_warnings(
        Settings(host=host, proxy_count=proxies, secret_key="k" * 64)
    )
    assert any("KONTROLLRUMMET_PROXY_COUNT" in w for w in warnings) == warned


def test_serving_warns_when_the_session_key_comes_from_the_database():
    assert any("KONTROLLRUMMET_SECRET_KEY" in w for w in serving.startup_warnings(Settings()))
    assert serving.startup_warnings(Settings(secret_key="k" * 64)) == []
