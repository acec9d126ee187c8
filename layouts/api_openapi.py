"""The OpenAPI 3.1 description of /api/v1/, made from the resource table (dashboard/pages/api.py)
so that what is described is what is served; tests/test_api.py checks real responses against it.
"""

from __future__ import annotations

from typing import Any

from dashboard.pages.api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    RESOURCES,
    VERSION,
    Field,
    Filter,
    Resource,
)
from layouts import texts, urls

# Each filter's query key, and what it does.
FILTER_KEYS = {
    Filter.YEAR: (urls.YEAR_KEY, "integer", "Only this year, e.g. 2026."),
    Filter.PERIOD: (urls.PERIOD_KEY, "string", "Only this period: T1, T2, FY or M01–M12."),
    Filter.ORG: (urls.ORG_KEY, "string", "Only this organisation (by code) and those below it."),
    Filter.INDICATOR: (urls.INDICATOR_KEY, "string", "Only this indicator (by code)."),
}
JSON, CSV = "application/json", "text/csv"
ERROR = {"$ref": "#/components/schemas/error"}


def description() -> dict[str, Any]:
    """The whole OpenAPI document."""
    paths: dict[str, Any] = {
        urls.API_INDEX_PATH: _get("The resources and this description.", {"type": "object"}),
        urls.API_OPENAPI_PATH: _get("This description (OpenAPI 3.1).", {"type": "object"}),
    }
    for resource in RESOURCES:
        paths[urls.api_path(resource.name)] = _resource(resource, csv_only=False)
        paths[urls.api_path(resource.name, csv=True)] = _resource(resource, csv_only=True)
    schemas: dict[str, Any] = {
        "error": _object(
            {"error": {"type": "string"}, "message": {"type": "string"}}, ["error", "message"]
        )
    }
    for resource in RESOURCES:
        schemas[resource.name] = _object(
            {field.name: _field(field) for field in resource.fields},
            [field.name for field in resource.fields],
        )
        schemas[f"{resource.name}-page"] = _object(
            {
                "data": {
                    "type": "array",
                    "items": {"$ref": f"#/components/schemas/{resource.name}"},
                },
                "limit": {"type": "integer"},
                "offset": {"type": "integer"},
                "next": {"type": ["string", "null"], "description": "The next page, or null."},
            },
            ["data", "limit", "offset", "next"],
        )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": texts.API_TITLE,
            "version": VERSION,
            "description": "Read-only open data: goal results, measured values, the "
            "organisation and goal trees and indicator metadata. Never a protected value. "
            "JSON, or CSV as the import files are written (';', decimal comma, UTF-8 with BOM).",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
        # A token; or nothing, where the site lets anyone read or the browser is signed in.
        "security": [{"token": []}, {}],
    }


def _resource(resource: Resource, csv_only: bool) -> dict[str, Any]:
    parameters = [
        _parameter(key, kind, about)
        for key, kind, about in (FILTER_KEYS[f] for f in resource.filters)
    ]
    parameters += [
        _parameter(
            urls.LIMIT_KEY,
            "integer",
            f"Rows per page (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).",
            minimum=1,
            maximum=MAX_LIMIT,
        ),
        _parameter(
            urls.OFFSET_KEY, "integer", "Rows to skip: the next page's link sets it.", minimum=0
        ),
    ]
    csv_content = {CSV: {"schema": {"type": "string"}}}
    if csv_only:
        content = csv_content
    else:
        parameters.append(
            {
                "name": urls.FORMAT_KEY,
                "in": "query",
                "schema": {"type": "string", "enum": list(urls.API_FORMATS)},
                "description": "json (default) or csv.",
            }
        )
        content = {
            JSON: {"schema": {"$ref": f"#/components/schemas/{resource.name}-page"}}
        } | csv_content
    errors = {
        status: {"description": about, "content": {JSON: {"schema": ERROR}}}
        for status, about in (("400", "A bad parameter."), ("401", "No valid token."))
    }
    return {
        "get": {
            "summary": resource.summary,
            "operationId": resource.name + ("-csv" if csv_only else ""),
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "A page of rows; the next page's link in `next` and in "
                    "the Link header.",
                    "content": content,
                },
                **errors,
            },
        }
    }


def _get(summary: str, schema: dict[str, Any]) -> dict[str, Any]:
    content = {JSON: {"schema": schema}}
    return {
        "get": {
            "summary": summary,
            "responses": {"200": {"description": summary, "content": content}},
        }
    }


def _parameter(name: str, kind: str, about: str, **bounds: int) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind, **bounds}, "description": about}


def _field(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": [field.kind, "null"] if field.nullable else field.kind,
        "description": field.about,
    }
    if field.choices:
        schema["enum"] = [*field.choices, *([None] if field.nullable else [])]
    return schema


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
