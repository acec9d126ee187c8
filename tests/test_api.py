"""The open-data API (/api/v1/) as a program reads it: every resource as JSON and CSV, paging,
filters, tokens and who gets in, never a protected value, and the OpenAPI description checked
against real responses."""

from __future__ import annotations

import csv
import io

import jsonschema
import pytest
from openapi_spec_validator import validate
from sqlalchemy import update

from dashboard.access import Role, accounts, operator, tokens
from dashboard.app import create_app
from dashboard.domain.model import ValueStatus
from dashboard.followup import control_room
from dashboard.pages.api import RESOURCES
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.store.tables import measurement_t
from layouts import urls
from tests.tiny import tiny_dataset

PASSWORD = "rätt-lösenord-1"
PROTECTED, NOT_APPLICABLE = 987654.25, 123456.75  # numbers no response may carry
NAMES = [resource.name for resource in RESOURCES]


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'tiny.db'}"
    store = Store(make_engine(url))
    store.create_schema()
    store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    accounts.add(store, "anna", "Anna", Role.READER, [], PASSWORD, actor="admin")
    _protect(store, "FALL", PROTECTED, ValueStatus.SUPPRESSED)
    _protect(store, "KOST", NOT_APPLICABLE, ValueStatus.NOT_APPLICABLE)
    store.engine.dispose()
    return url


def _protect(store: Store, indicator: str, number: float, status: ValueStatus) -> None:
    """A row of 2025 T1 at the city marked protected, while the database still holds a number."""
    ids = {
        "indicator_id": store.indicator(indicator).id,
        "org_id": store.org("STAD").id,
    }
    m = measurement_t.c
    with store.engine.begin() as conn:
        conn.execute(
            update(measurement_t)
            .where(m.indicator_id == ids["indicator_id"], m.org_id == ids["org_id"], m.year == 2025)
            .values(outcome=number, forecast=number, value_status=status.value)
        )


@pytest.fixture(scope="module")
def app(url):
    return create_app(Settings(database_url=url))


@pytest.fixture(scope="module")
def token(app, url):
    store = Store(make_engine(url))
    return tokens.create(store, accounts.principal(store, "anna"), "anna", "Power BI")


def _get(app, path: str, token: str | None = None, **query):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return app.server.test_client().get(path, query_string=query, headers=headers)


def _csv(response) -> list[dict[str, str]]:
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("name", NAMES)
def test_every_resource_reads_as_json_and_csv_alike(app, token, name):
    as_json = _get(app, urls.api_path(name), token)
    assert as_json.status_code == 200 and as_json.mimetype == "application/json"
    rows = as_json.get_json()["data"]
    assert rows, name
    for csv_response in (
        _get(app, urls.api_path(name, csv=True), token),
        _get(app, urls.api_path(name), token, format="csv"),
    ):
        assert csv_response.status_code == 200 and csv_response.mimetype == "text/csv"
        lines = _csv(csv_response)
        assert [list(line) for line in lines[:1]] == [list(rows[0])]
        assert [line[next(iter(rows[0]))] for line in lines] == [
            str(row[next(iter(rows[0]))]) for row in rows
        ]


def test_csv_writes_numbers_with_a_decimal_comma_and_missing_as_empty(app, token):
    lines = _csv(
        _get(app, urls.api_path("indicator-values", csv=True), token, ar=2025, indikator="NOJD")
    )
    city = next(line for line in lines if line["org_code"] == "STAD" and line["gender"] == "T")
    assert (city["outcome"], city["forecast"], city["value_status"]) == ("86,0", "88,0", "ok")
    women = next(line for line in lines if line["org_code"] == "STAD" and line["gender"] == "K")
    assert women["forecast"] == ""
    kinds = _csv(_get(app, urls.api_path("indicators", csv=True), token))
    assert {line["code"]: line["gender_split"] for line in kinds}["KOST"] == "nej"


def test_no_response_carries_a_protected_or_not_applicable_number(app, token):
    bodies = []
    for name in NAMES:
        for csv_form in (False, True):
            bodies.append(
                _get(app, urls.api_path(name, csv=csv_form), token, limit=10_000).get_data(
                    as_text=True
                )
            )
    everything = "\n".join(bodies)
    for number in (PROTECTED, NOT_APPLICABLE):
        for written in (str(number), str(number).replace(".", ","), str(int(number))):
            assert written not in everything
    rows = _get(app, urls.api_path("indicator-values"), token, indikator="FALL").get_json()["data"]
    protected = next(row for row in rows if row["org_code"] == "STAD")
    assert protected["value_status"] == "suppressed"
    assert (protected["outcome"], protected["forecast"]) == (None, None)


def test_pages_follow_each_other_by_next_link_and_link_header(app, token):
    whole = _get(app, urls.api_path("organisations"), token).get_json()["data"]
    seen, link = [], urls.api_path("organisations") + "?limit=3"
    while link:
        body = app.server.test_client().get(link, headers={"Authorization": f"Bearer {token}"})
        page = body.get_json()
        assert page["limit"] == 3 and len(page["data"]) <= 3
        seen += page["data"]
        link = page["next"]
        assert (body.headers.get("Link") is not None) == (link is not None)
    assert seen == whole and len(whole) == 4
    first = _get(app, urls.api_path("organisations", csv=True), token, limit=3)
    assert first.headers["Link"].endswith('offset=3>; rel="next"')
    assert "limit=3" in first.headers["Link"] and ".csv?" in first.headers["Link"]
    assert len(_csv(first)) == 3


def test_filters_narrow_the_rows(app, token):
    def codes(name, key, **query):
        rows = _get(app, urls.api_path(name), token, **query).get_json()["data"]
        return sorted({row[key] for row in rows})

    assert codes("organisations", "code", org="N1") == ["N1", "N1-E1"]
    assert codes("indicator-values", "org_code", org="N1") == ["N1-E1"]
    assert codes("indicator-values", "year", ar=2024) == [2024]
    assert codes("indicator-values", "period", period="FY") == ["FY"]
    assert codes("goals", "code") == ["I1", "K1", "K2"]
    assert codes("goals", "code", ar=2025) == ["I1", "K1"]
    assert codes("goal-results", "org_code", org="N1") == ["N1", "N1-E1"]


@pytest.mark.parametrize(
    "query",
    [{"ar": "20x5"}, {"period": "Q3"}, {"org": "FINNS-INTE"}, {"limit": "0"}, {"offset": "-1"}],
)
def test_a_bad_parameter_is_a_json_error(app, token, query):
    response = _get(app, urls.api_path("indicator-values"), token, **query)
    assert response.status_code == 400 and response.get_json()["error"] == "bad_request"


def test_an_unknown_resource_is_a_json_404(app, token):
    response = _get(app, urls.api_path("lösenord"), token)
    assert response.status_code == 404 and response.get_json()["error"] == "not_found"


def test_goal_results_are_the_judged_results_with_their_basis(app, token, url):
    rows = _get(app, urls.api_path("goal-results"), token).get_json()["data"]
    assert {(row["year"], row["period"]) for row in rows} == {(2025, "T1")}  # the newest
    store = Store(make_engine(url))
    k1, city = store.goal("K1"), store.org("STAD")
    [judged] = control_room.judge(store, [(k1, city.id)], 2025, "T1")
    row = next(r for r in rows if (r["goal_code"], r["org_code"]) == ("K1", "STAD"))
    assert row["status"] == judged.result.status.value
    assert row["score"] == judged.result.score
    assert row["basis"] == judged.result.basis.value
    assert row["assessment_status"] == "met"
    older = _get(app, urls.api_path("goal-results"), token, ar=2024).get_json()["data"]
    assert {(row["year"], row["period"]) for row in older} == {(2024, "FY")}
    assert _get(app, urls.api_path("goal-results"), token, ar=2030).get_json()["data"] == []


# ---- who gets in --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [urls.API_INDEX_PATH, urls.api_path("goals", csv=True)])
def test_without_a_token_the_api_answers_401_in_json(app, path):
    response = _get(app, path)
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer kr_fel", "Basic YW5uYTpyw6R0dA==", "kr_fel"])
def test_a_wrong_token_is_refused(app, header):
    response = app.server.test_client().get(urls.API_INDEX_PATH, headers={"Authorization": header})
    assert response.status_code == 401


def test_a_revoked_token_is_refused_at_once(app, url):
    store = Store(make_engine(url))
    own = tokens.create(store, operator("admin"), "anna", "Tillfällig")
    assert _get(app, urls.api_path("goals"), own).status_code == 200
    made = next(t for t in tokens.tokens(store, operator("admin")) if t.name == "Tillfällig")
    tokens.revoke(store, operator("admin"), made.id)
    assert _get(app, urls.api_path("goals"), own).status_code == 401


def test_a_token_opens_only_the_api_and_sets_no_cookie(app, token):
    response = _get(app, urls.api_path("goals"), token)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    page = _get(app, urls.OVERVIEW_PATH, token)
    assert page.status_code == 302 and urls.SIGN_IN_PATH in page.headers["Location"]


def test_a_signed_in_browser_reads_the_api_without_a_token(app):
    client = app.server.test_client()
    client.post(urls.SIGN_IN_PATH, data={"username": "anna", "password": PASSWORD})
    assert client.get(urls.api_path("goals")).status_code == 200


def test_anonymous_read_opens_the_api_but_a_bad_token_is_still_refused(url):
    open_app = create_app(Settings(database_url=url, anonymous_read=True))
    assert _get(open_app, urls.api_path("goals")).status_code == 200
    assert _get(open_app, urls.api_path("goals"), "kr_återkallad").status_code == 401


def test_the_api_keeps_the_security_headers(app, token):
    response = _get(app, urls.api_path("goals"), token)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


# ---- the OpenAPI description ---------------------------------------------------------------------


def test_the_openapi_description_is_valid_and_served(app, token):
    document = _get(app, urls.API_OPENAPI_PATH, token).get_json()
    validate(document)
    for name in NAMES:
        assert urls.api_path(name) in document["paths"]
        assert urls.api_path(name, csv=True) in document["paths"]


@pytest.mark.parametrize("name", NAMES)
def test_real_responses_match_the_openapi_description(app, token, name):
    document = _get(app, urls.API_OPENAPI_PATH, token).get_json()
    schemas = document["components"]["schemas"]

    def check(body, schema_name):
        jsonschema.validate(
            body,
            {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]},
            cls=jsonschema.Draft202012Validator,
        )

    check(_get(app, urls.api_path(name), token).get_json(), f"{name}-page")
    check(_get(app, urls.api_path(name), token, limit=1).get_json(), f"{name}-page")
    check(_get(app, urls.api_path(name), token, limit=0).get_json(), "error")
    check(_get(app, urls.api_path(name)).get_json(), "error")
    header = _csv(_get(app, urls.api_path(name, csv=True), token))[0]
    assert list(header) == list(schemas[name]["properties"])
    operation = document["paths"][urls.api_path(name)]["get"]
    keys = {parameter["name"] for parameter in operation["parameters"]}
    assert keys >= {urls.LIMIT_KEY, urls.OFFSET_KEY, urls.FORMAT_KEY}


def test_the_index_links_every_resource(app, token):
    index = _get(app, urls.API_INDEX_PATH, token).get_json()
    assert index["version"] == "v1" and set(index["resources"]) == set(NAMES)
    for link in index["resources"].values():
        assert _get(app, link, token).status_code == 200
