"""The open-data API's server routes (/api/v1/): the index, the OpenAPI description, and every
resource of dashboard/pages/api.py as JSON or CSV. Plain Flask views in the route table; no page.

Who may read is decided before a view runs (callbacks/sign_in.py): a signed-in session, an API
token sent as `Authorization: Bearer …` (read-only, on these paths only), or anyone where
KONTROLLRUMMET_ANONYMOUS_READ is on; otherwise 401 with a JSON error. Readers read everything, as
on the pages. GET only, no cookie needed: the same-origin rule for writes is not involved.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from flask import Response, request
from flask.typing import ResponseReturnValue

from dashboard.domain.model import PERIOD_END_MONTH
from dashboard.pages import api
from dashboard.pages.api_csv import csv_bytes
from dashboard.store import Store
from layouts import api_openapi, texts, urls


class BadQuery(Exception):
    """A query parameter the API cannot read; the message says which, in Swedish."""


def as_json(payload: object, status: int = 200) -> Response:
    """JSON with the keys in the order written (the fields' order, as in the CSV), in UTF-8."""
    return Response(json.dumps(payload, ensure_ascii=False), status, mimetype="application/json")


def error(status: int, code: str, message: str) -> Response:
    """A JSON error: {"error": code, "message": Swedish text}."""
    return as_json({"error": code, "message": message}, status)


def unauthorized() -> Response:
    """401 for a request to the API without a valid token or session."""
    response = error(401, "unauthorized", texts.API_UNAUTHORIZED)
    response.headers["WWW-Authenticate"] = 'Bearer realm="kontrollrummet"'
    return response


def index_view(store: Store) -> Callable[[], ResponseReturnValue]:
    """The API's index: its version, its resources and its description, as links."""

    def index() -> ResponseReturnValue:
        root = request.host_url.rstrip("/")
        return as_json(
            {
                "version": api.VERSION,
                "openapi": root + urls.API_OPENAPI_PATH,
                "resources": {r.name: root + urls.api_path(r.name) for r in api.RESOURCES},
            }
        )

    return index


def openapi_view(store: Store) -> Callable[[], ResponseReturnValue]:
    """The OpenAPI 3.1 description."""
    document = api_openapi.description()
    return lambda: as_json(document)


def resource_view(store: Store) -> Callable[[str], ResponseReturnValue]:
    """A resource's page of rows: JSON, or CSV for `.csv` or `?format=csv`."""

    def resource(name: str) -> ResponseReturnValue:
        csv_path = name.endswith(urls.API_CSV_SUFFIX)
        found = api.BY_NAME.get(name.removesuffix(urls.API_CSV_SUFFIX))
        if found is None:
            message = texts.API_UNKNOWN_RESOURCE.format(name=name, index=urls.API_INDEX_PATH)
            return error(404, "not_found", message)
        args = request.args
        try:
            query = read_query(store, found, args)
            limit = _number(args, urls.LIMIT_KEY, api.DEFAULT_LIMIT, 1, api.MAX_LIMIT)
            offset = _number(args, urls.OFFSET_KEY, 0, 0, 10**9)
            as_csv = csv_path or _choice(args, urls.FORMAT_KEY, urls.API_FORMATS) == "csv"
        except BadQuery as bad:
            return error(400, "bad_request", str(bad))
        rows, more = api.page(store, found, query, limit, offset)
        following = _next_link(args, offset + limit) if more else None
        if as_csv:
            response = Response(csv_bytes(found.fields, rows), mimetype="text/csv")
            response.headers["Content-Disposition"] = f'inline; filename="{found.name}.csv"'
        else:
            response = as_json({"data": rows, "limit": limit, "offset": offset, "next": following})
        if following:
            response.headers["Link"] = f'<{following}>; rel="next"'
        return response

    return resource


def read_query(store: Store, resource: api.Resource, args: Mapping[str, str]) -> api.Query:
    """The resource's filters from the query string; keys it has no filter for are ignored."""
    given = {f: args.get(api_openapi.FILTER_KEYS[f][0]) for f in resource.filters}
    year = given.get(api.Filter.YEAR)
    period = given.get(api.Filter.PERIOD)
    org_code = given.get(api.Filter.ORG)
    indicator = given.get(api.Filter.INDICATOR)
    if year is not None and urls.whole_number(year, 4) is None:
        raise BadQuery(texts.API_BAD_PARAMETER.format(key=urls.YEAR_KEY, value=year[:20]))
    if period is not None and period not in PERIOD_END_MONTH:
        raise BadQuery(texts.API_BAD_PARAMETER.format(key=urls.PERIOD_KEY, value=period[:20]))
    org = None
    if org_code is not None:
        code = urls.plain_text(org_code, urls.MAX_CODE_LENGTH)
        if code is None or (org := store.org(code)) is None:
            raise BadQuery(texts.API_UNKNOWN_ORG.format(code=org_code[:60]))
    if indicator is not None and urls.plain_text(indicator, urls.MAX_CODE_LENGTH) is None:
        raise BadQuery(texts.API_BAD_PARAMETER.format(key=urls.INDICATOR_KEY, value="…"))
    return api.Query(int(year) if year else None, period, org, indicator)


def _number(args: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    text = args.get(key)
    if text is None:
        return default
    number = urls.whole_number(text, 10)
    if number is None or not low <= number <= high:
        raise BadQuery(texts.API_BAD_PARAMETER.format(key=key, value=text[:20]))
    return number


def _choice(args: Mapping[str, str], key: str, choices: tuple[str, ...]) -> str:
    text = args.get(key, choices[0])
    if text not in choices:
        raise BadQuery(texts.API_BAD_PARAMETER.format(key=key, value=text[:20]))
    return text


def _next_link(args: Mapping[str, str], offset: int) -> str:
    """This request's URL with the next page's offset: every other key kept as it was."""
    params = {key: value for key, value in args.items() if key != urls.OFFSET_KEY}
    return f"{request.base_url}?{urlencode({**params, urls.OFFSET_KEY: offset})}"
