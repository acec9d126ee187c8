"""The web surface around the pages: signing in and out, who gets through, the headers every
response carries, the limits, and errors that never show a stack trace."""

from __future__ import annotations

import json

import pytest

from callbacks.sign_in import safe_next
from dashboard.access import accounts
from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.tools.bench import route_payload
from layouts import texts
from tests.clients import PASSWORDS, signed_in
from tests.demo_db import fill_with_demo


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.db'}"
    fill_with_demo(Store(make_engine(url)))
    return url


def _app(url: str, **settings):
    return create_app(Settings(database_url=url, **settings))


def test_a_page_link_leads_through_sign_in_to_the_same_view(url):
    client = _app(url).server.test_client()
    asked = "/mal/KF1.3?ar=2026&period=T2&org=SKA"
    response = client.get(asked)
    assert response.status_code == 302
    sign_in_url = response.headers["Location"]
    assert sign_in_url.startswith("/logga-in?nasta=")
    form = client.get(sign_in_url).get_data(as_text=True)
    assert 'value="/mal/KF1.3?ar=2026&amp;period=T2&amp;org=SKA"' in form
    answer = client.post(
        "/logga-in",
        data={"username": "politiker", "password": PASSWORDS["politiker"], "nasta": asked},
    )
    assert answer.status_code == 302 and answer.headers["Location"] == asked
    assert client.get(asked).status_code == 200


def test_a_wrong_password_gets_the_form_again_with_the_reason(url):
    client = _app(url).server.test_client()
    answer = client.post("/logga-in", data={"username": "politiker", "password": "fel"})
    assert answer.status_code == 200 and texts.SIGN_IN_FAILED in answer.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still not signed in


@pytest.mark.parametrize(
    "given, kept",
    [
        ("/mal/KF1?ar=2026", "/mal/KF1?ar=2026"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
    ],
)
def test_after_sign_in_only_a_path_on_this_site_is_followed(given, kept):
    assert safe_next(given) == kept


def test_the_session_cookie_is_http_only_and_same_site(url):
    client = _app(url, secure_cookies=True).server.test_client()
    answer = client.post(
        "/logga-in", data={"username": "politiker", "password": PASSWORDS["politiker"]}
    )
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    assert cookie.startswith("kontrollrummet_session=") and "Expires=" in cookie


def test_signing_out_ends_the_session(url):
    app = _app(url)
    client = signed_in(app)
    assert client.post("/logga-ut").headers["Location"] == "/logga-in"
    assert client.post("/_dash-update-component", json=route_payload("/", "")).status_code == 401


@pytest.mark.parametrize(
    "name, change",
    [
        ("borttagen", lambda store, name: accounts.remove(store, name, actor="test")),
        (
            "bytare",
            lambda store, name: accounts.set_password(
                store, name, "det-andra-losenordet", actor="test"
            ),
        ),
    ],
    ids=["account-removed", "password-changed"],
)
def test_a_session_ends_at_its_next_request_when_the_account_changes(url, name, change):
    app, store = _app(url), Store(make_engine(url))
    accounts.add(store, name, "", accounts.Role.READER, [], "det-forsta-losenordet", actor="test")
    client = app.server.test_client()
    client.post("/logga-in", data={"username": name, "password": "det-forsta-losenordet"})
    assert client.post("/_dash-update-component", json=route_payload("/", "")).status_code == 200
    change(store, name)
    assert client.post("/_dash-update-component", json=route_payload("/", "")).status_code == 401


def test_sign_in_is_limited_after_repeated_failures(url):
    client = _app(url).server.test_client()
    store = Store(make_engine(url))
    accounts.add(store, "gissad", "", accounts.Role.READER, [], "ett-langt-losenord", actor="test")
    for _ in range(accounts.MAX_FAILURES_PER_USER):
        client.post("/logga-in", data={"username": "gissad", "password": "fel"})
    answer = client.post("/logga-in", data={"username": "gissad", "password": "ett-langt-losenord"})
    assert answer.status_code == 429 and texts.SIGN_IN_LOCKED in answer.get_data(as_text=True)


def test_every_response_carries_the_security_headers(url):
    client = _app(url).server.test_client()
    for response in (
        client.get("/logga-in"),
        client.get("/"),
        client.get("/assets/kontrollrummet.css"),
    ):
        policy = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
        assert (
            "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        )  # no inline scripts but Dash's
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_a_post_from_another_site_is_refused(url):
    client = signed_in(_app(url))
    forged = client.post(
        "/_dash-update-component",
        json=route_payload("/", ""),
        headers={"Origin": "https://evil.example"},
    )
    assert forged.status_code == 403
    same = client.post(
        "/_dash-update-component",
        json=route_payload("/", ""),
        headers={"Origin": "http://localhost"},
    )
    assert same.status_code == 200


def test_a_request_over_the_upload_limit_is_refused_before_it_is_read(url):
    client = signed_in(_app(url, max_upload_mb=1), "admin")
    answer = client.post(
        "/_dash-update-component", data=b"x" * 3_000_000, content_type="application/json"
    )
    assert answer.status_code == 413 and texts.REQUEST_TOO_LARGE.format(limit=1) in answer.get_data(
        as_text=True
    )


def test_a_failing_request_shows_no_stack_trace(url):
    client = signed_in(_app(url))
    answer = client.post(
        "/_dash-update-component", json={"output": "finns-inte.children", "inputs": []}
    )
    body = answer.get_data(as_text=True)
    assert answer.status_code == 500 and texts.ERROR_TEXT in body
    assert "Traceback" not in body and "KeyError" not in body and ".py" not in body


def test_a_trusted_proxy_header_signs_in_known_accounts_only(url):
    client = _app(url, trusted_user_header="X-Remote-User").server.test_client()
    known = client.post(
        "/_dash-update-component",
        json=route_payload("/uppladdning", ""),
        headers={"X-Remote-User": "controller"},
    )
    assert known.status_code == 200 and "SKA" in known.get_data(as_text=True)
    unknown = client.get("/", headers={"X-Remote-User": "okand.person"})
    assert unknown.status_code == 403 and "okand.person" in unknown.get_data(as_text=True)


def test_the_proxy_header_is_ignored_unless_configured(url):
    client = _app(url).server.test_client()
    assert client.get("/", headers={"X-Remote-User": "admin"}).status_code == 302


def test_anonymous_read_access_reads_everything_and_writes_nothing(url):
    client = _app(url, anonymous_read=True).server.test_client()
    page = client.post("/_dash-update-component", json=route_payload("/", ""))
    assert page.status_code == 200 and "goal-card" in page.get_data(as_text=True)
    upload_page = client.post("/_dash-update-component", json=route_payload("/uppladdning", ""))
    assert texts.REFUSED_READ_ONLY in json.dumps(upload_page.get_json(), ensure_ascii=False)


def test_a_post_from_the_same_host_over_another_scheme_is_refused(url):
    client = signed_in(_app(url))
    downgraded = client.post(
        "/_dash-update-component",
        json=route_payload("/", ""),
        headers={"Origin": "https://localhost"},
    )  # the app is served over http here
    assert downgraded.status_code == 403


def test_behind_a_proxy_a_clients_own_forwarded_host_does_not_pass_the_origin_check(url):
    client = signed_in(_app(url, proxy_count=1))
    forged = client.post(
        "/_dash-update-component",
        json=route_payload("/", ""),
        headers={
            "Origin": "https://evil.example",
            "X-Forwarded-Host": "evil.example",
            "X-Forwarded-Proto": "https",
        },
    )
    assert forged.status_code == 403
    through_proxy = client.post(
        "/_dash-update-component",
        json=route_payload("/", ""),
        headers={"Origin": "https://localhost", "X-Forwarded-Proto": "https"},
    )
    assert through_proxy.status_code == 200


def test_strict_transport_security_only_with_secure_cookies(url):
    assert (
        "Strict-Transport-Security" not in _app(url).server.test_client().get("/logga-in").headers
    )
    secure = _app(url, secure_cookies=True).server.test_client().get("/logga-in").headers
    assert "max-age=" in secure["Strict-Transport-Security"]
