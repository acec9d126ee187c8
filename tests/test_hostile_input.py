"""Odd and hostile input from the address bar: no open redirect after sign-in, public paths only
as written, and every route and query value answered without a server error, on both backends."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callbacks.sign_in import safe_next
from dashboard.app import create_app
from dashboard.pages.api import RESOURCES
from dashboard.settings import Settings
from dashboard.tools.bench import route_payload
from layouts import urls
from layouts.urls import (
    GOAL_LEVEL_FILTER_KEY,
    INDICATOR_STATUS_KEY,
    KIND_FILTER_KEY,
    NEW_KEY,
    NUMBER_KEY,
    ROSIER_KEY,
    SHOWN_KEY,
    STATUS_FILTER_KEY,
    WITHIN_KEY,
)
from tests.clients import PASSWORDS, signed_in

HUGE = "9" * 5000  # past Python's int() limit of 4,300 digits


@pytest.fixture(scope="module")
def apps(demo_store):
    """A signed-out client and an administrator's client of one app on the demo store."""
    app = create_app(
        Settings(database_url=demo_store.engine.url.render_as_string(hide_password=False))
    )
    return app.server.test_client(), signed_in(app, "admin")


@pytest.mark.parametrize(
    "given_next",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/ /evil.example",
        "/\\evil.example",
        "/a\\..\\\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "http:/evil.example",
        "/x\r\nSet-Cookie: a=b",
        "/\x00",
        "javascript:alert(1)",
        "/" + "a" * 5000,
    ],
)
def test_after_sign_in_nothing_but_a_local_path_is_followed(given_next):
    assert safe_next(given_next) == "/"


def test_a_local_path_with_its_query_is_kept():
    assert safe_next("/mal/KF1.3?ar=2026&period=T2") == "/mal/KF1.3?ar=2026&period=T2"


@pytest.mark.parametrize(
    "raw_next",
    [
        "/%09/evil.example",
        "/%0d%0a/evil.example",
        "%2F%2Fevil.example",
        "/%0D%0ALocation:%20https://evil.example",
    ],
)
def test_sign_in_never_redirects_to_another_host_nor_fails(apps, raw_next):
    client = apps[0]
    assert client.get(f"/logga-in?nasta={raw_next}").status_code == 200
    form = {"username": "politiker", "password": PASSWORDS["politiker"]}
    answer = client.post(f"/logga-in?nasta={raw_next}", data=form)
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location == "/" and not urlsplit(location).netloc
    client.post("/logga-ut")


@pytest.mark.parametrize(
    "path", ["/logga-inX", "/logga-in/", "/healthz/..", "/healthzX", "/healthz/x", "/_favicon.icoX"]
)
def test_public_paths_are_public_only_as_written(apps, path):
    answer = apps[0].get(path)
    assert answer.status_code in (302, 404), path
    assert b"plotly" not in answer.data.lower() and b"dash" not in answer.data.lower()


def _page_status(client, path: str, search: str) -> int:
    return client.post("/_dash-update-component", json=route_payload(path, search)).status_code


@pytest.mark.parametrize(
    "search",
    [
        "?ar=²",
        "?ar=٢٠٢٦",
        f"?ar={HUGE}",
        f"?ar=-{HUGE}",
        "?ar=2026&period=%00",
        "?org=%00",
        f"?org={'S' * 5000}",
        f"?{SHOWN_KEY}={HUGE}",
        f"?{NUMBER_KEY}={HUGE}",
        f"?{NUMBER_KEY}=²",
        "?sortera=%00",
        "?niva=%00",
        "?inom=%00",
        f"?inom={'S' * 5000}",
        "?inom=STAD",
        "?indikatorstatus=%00",
        f"?indikatorstatus={'x' * 5000}",
    ],
)
@pytest.mark.parametrize("path", ["/", "/avvikelser", "/presentation", "/prognoser", "/mal/KF1.3"])
def test_odd_query_values_get_a_page_not_a_server_error(apps, path, search):
    assert _page_status(apps[1], path, search) == 200


@pytest.mark.parametrize(
    "search",
    ["?anvandare=%00", f"?anvandare={'a' * 5000}", "?fran=²", f"?fran={HUGE}", "?handelse=%00"],
)
def test_odd_audit_log_filters_get_a_page(apps, search):
    assert _page_status(apps[1], urls.AUDIT_PATH, search) == 200


def test_urls_parse_takes_only_plain_digits_as_a_year():
    periods = [(2025, "FY"), (2026, "T2")]
    assert urls.parse("?ar=²", periods).year == 2026
    assert urls.parse(f"?ar={HUGE}", periods).year == 2026
    assert urls.parse("?ar=2025", periods).year == 2025


ROUTES = [
    "/",
    "/avvikelser",
    "/presentation",
    "/prognoser",
    "/mal/KF1.3",
    "/mal/KF1.3/bedomning",
    "/indikator/",
    "/aktivitet/",
    "/mal/",
    "/prognoser/",
    urls.UPLOAD_PATH,
    urls.AUDIT_PATH,
    "/tillganglighet",
    urls.ACCOUNT_PATH,
    urls.TO_REPORT_PATH,
    urls.PROGRESS_PATH,
    urls.ACCOUNTS_PATH,
    urls.NATIONAL_PATH,
    urls.GENDER_GAPS_PATH,
    "/rapportera/SKA/2026/",
]
KEYS = [
    "ar",
    "period",
    "org",
    "niva",
    "sortera",
    SHOWN_KEY,
    NUMBER_KEY,
    "anvandare",
    "handelse",
    "fran",
    STATUS_FILTER_KEY,
    GOAL_LEVEL_FILTER_KEY,
    KIND_FILTER_KEY,
    ROSIER_KEY,
    NEW_KEY,
    urls.INDICATOR_KEY,
    WITHIN_KEY,
    INDICATOR_STATUS_KEY,
]
ODD = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789²٢-+ \x00", max_size=30),
    st.sampled_from(["", HUGE, "2026", "T2", "SKA", "0", "-1", "1e9", "%", "\r\n"]),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    route=st.sampled_from(ROUTES),
    path_code=ODD,
    query=st.dictionaries(st.sampled_from(KEYS), ODD, max_size=4),
)
def test_random_values_on_every_route_and_parameter_never_give_a_server_error(
    apps, route, path_code, query
):
    path = route + quote(path_code) if route.endswith("/") else route
    assert _page_status(apps[1], path, "?" + urlencode(query)) == 200


API_KEYS = [
    urls.YEAR_KEY,
    urls.PERIOD_KEY,
    urls.ORG_KEY,
    urls.INDICATOR_KEY,
    urls.LIMIT_KEY,
    urls.OFFSET_KEY,
    urls.FORMAT_KEY,
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from([*(r.name for r in RESOURCES), "okand", "goals.csv", "goals.xlsx"]),
    query=st.dictionaries(st.sampled_from(API_KEYS), ODD, max_size=4),
)
def test_random_values_on_every_api_resource_are_answered_never_a_server_error(apps, name, query):
    response = apps[1].get(urls.API_PREFIX + quote(name), query_string=urlencode(query))
    assert response.status_code in (200, 400, 404), response.get_data(as_text=True)[:300]
    assert response.mimetype in ("application/json", "text/csv")
