"""Sessions the server can end: sign-out, a new password, removal and an administrator's
`user signout` make every cookie signed in before them useless, in every worker, on both
backends."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dashboard.access import accounts
from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.tools.bench import route_payload
from dashboard.tools.cli import main

PASSWORD = "det-forsta-losenordet"


def _worker(store: Store):
    """An app of its own on the store's database, as one gunicorn worker builds it."""
    return create_app(
        Settings(database_url=store.engine.url.render_as_string(hide_password=False))
    ).server


def _signed_in_cookie(server, username: str) -> str:
    client = server.test_client()
    assert (
        client.post("/logga-in", data={"username": username, "password": PASSWORD}).status_code
        == 302
    )
    return client.get_cookie("kontrollrummet_session").value


def _replay(server, cookie: str) -> int:
    """The status a page request gets with a copied session cookie."""
    client = server.test_client()
    client.set_cookie("kontrollrummet_session", cookie)
    return client.post("/_dash-update-component", json=route_payload("/", "")).status_code


@pytest.fixture
def reader(empty_store) -> Store:
    accounts.add(empty_store, "lasare", "", accounts.Role.READER, [], PASSWORD, actor="test")
    return empty_store


def test_an_old_cookie_replayed_after_sign_out_is_refused_by_every_worker(reader):
    first, second = _worker(reader), _worker(reader)
    cookie = _signed_in_cookie(first, "lasare")
    assert _replay(second, cookie) == 200
    client = first.test_client()
    client.set_cookie("kontrollrummet_session", cookie)
    assert client.post("/logga-ut").status_code == 302
    assert _replay(first, cookie) == 401 and _replay(second, cookie) == 401
    assert _replay(first, _signed_in_cookie(first, "lasare")) == 200  # signing in again works


def test_an_administrator_ends_every_session_of_an_account_from_the_command_line(reader):
    server = _worker(reader)
    cookies = [_signed_in_cookie(server, "lasare") for _ in range(2)]
    url = reader.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["user", "signout", "lasare", "--database", url])
    assert result.exit_code == 0, result.output
    assert [_replay(server, cookie) for cookie in cookies] == [401, 401]
    unknown = CliRunner().invoke(main, ["user", "signout", "finns-inte", "--database", url])
    assert unknown.exit_code == 1 and "finns-inte" in unknown.output


class CountingStream:
    """A request body of `size` bytes that counts what the server reads of it."""

    def __init__(self, size: int) -> None:
        self.size, self.position, self.read_bytes = size, 0, 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.position if n < 0 else min(n, self.size - self.position)
        self.position += n
        self.read_bytes += n
        return b"a" * n

    readline = read

    def tell(self) -> int:
        return self.position

    def seek(
        self, offset: int, whence: int = 0
    ) -> int:  # the test client measures the body this way
        self.position = offset + (self.size if whence == 2 else 0)
        return self.position


@pytest.mark.parametrize("size", [130_000_000, 20_000])
def test_a_large_sign_in_body_is_refused_unread(reader, size):
    body = CountingStream(size)
    answer = (
        _worker(reader)
        .test_client()
        .post(
            "/logga-in",
            input_stream=body,
            content_type="application/x-www-form-urlencoded",
            content_length=size,
        )
    )
    assert answer.status_code == 413 and body.read_bytes == 0


def test_a_sign_in_form_of_normal_size_still_works(reader):
    form = {"username": "lasare", "password": PASSWORD, "nasta": "/mal/" + "K" * 1500}
    assert _worker(reader).test_client().post("/logga-in", data=form).status_code == 302
