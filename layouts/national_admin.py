"""Jämförelser: the administrator's page for the municipality's own Kolada id, the comparison
groups and linking an indicator to a Kolada KPI found by search (docs/national.md)."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import html

from dashboard.domain.national import KoladaKpi
from dashboard.followup.national_admin import NationalProblem
from dashboard.pages.national_admin import NationalSettings
from layouts import texts
from layouts.components import data_table, empty_state
from layouts.ids import NationalIds


def page(settings: NationalSettings) -> html.Div:
    """The page, with what is set now."""
    return html.Div(
        [
            html.H1(texts.NATIONAL_ADMIN_TITLE),
            html.P(texts.NATIONAL_ADMIN_INTRO),
            _home(settings),
            _groups(settings),
            _link(),
            _units(settings),
        ],
        className="national-admin",
    )


def _field(field_id: str, label: str, value: str = "", area: bool = False) -> html.Div:
    control = (
        dbc.Textarea(id=field_id, value=value, rows=3)
        if area
        else dbc.Input(id=field_id, value=value, type="text")
    )
    return html.Div([dbc.Label(label, html_for=field_id), control], className="mb-3")


def _button(text: str, button_id: str) -> dbc.Button:
    return dbc.Button(text, id=button_id, color="primary", n_clicks=0, className="me-2")


def _feedback(feedback_id: str) -> html.Div:
    return html.Div(id=feedback_id, className="mt-3", role="status")


def _home(settings: NationalSettings) -> html.Section:
    current = (
        texts.HOME_CURRENT.format(value=settings.home) if settings.home else texts.HOME_NOT_SET
    )
    return html.Section(
        [
            html.H2(texts.HOME_HEADING),
            html.P(current),
            _field(NationalIds.HOME, texts.HOME_LABEL, settings.home or ""),
            _button(texts.SAVE_BUTTON, NationalIds.HOME_SAVE),
            _feedback(NationalIds.HOME_FEEDBACK),
        ]
    )


def _groups(settings: NationalSettings) -> html.Section:
    rows = [
        (name, ", ".join(settings.names.get(m, m) for m in members), len(members))
        for name, members in settings.groups.items()
    ]
    return html.Section(
        [
            html.H2(texts.GROUP_HEADING),
            html.P(texts.GROUP_CHOSEN.format(group=settings.chosen)) if settings.chosen else None,
            data_table(texts.GROUP_LIST_CAPTION, texts.GROUP_LIST_COLUMNS, rows, (2,))
            if rows
            else None,
            _field(NationalIds.GROUP_NAME, texts.GROUP_NAME_LABEL),
            _field(NationalIds.GROUP_MEMBERS, texts.GROUP_MEMBERS_LABEL, area=True),
            _button(texts.SAVE_BUTTON, NationalIds.GROUP_SAVE),
            _button(texts.GROUP_CHOOSE, NationalIds.GROUP_CHOOSE),
            _feedback(NationalIds.GROUP_FEEDBACK),
        ]
    )


def _link() -> html.Section:
    return html.Section(
        [
            html.H2(texts.LINK_HEADING),
            _field(NationalIds.SEARCH, texts.LINK_SEARCH_LABEL),
            _button(texts.SEARCH_BUTTON, NationalIds.SEARCH_GO),
            html.Div(id=NationalIds.SEARCH_RESULTS, className="mt-3", role="status"),
            _field(NationalIds.LINK_INDICATOR, texts.LINK_INDICATOR_LABEL),
            _field(NationalIds.LINK_KPI, texts.LINK_KPI_LABEL),
            _button(texts.SAVE_BUTTON, NationalIds.LINK_SAVE),
            _feedback(NationalIds.LINK_FEEDBACK),
        ]
    )


def _units(settings: NationalSettings) -> html.Section:
    rows = list(settings.units.items())
    return html.Section(
        [
            html.H2(texts.UNIT_HEADING),
            html.P(texts.UNIT_INTRO),
            data_table(texts.UNIT_LIST_CAPTION, texts.UNIT_LIST_COLUMNS, rows) if rows else None,
            _field(NationalIds.UNIT_ORG, texts.UNIT_ORG_LABEL),
            _field(NationalIds.UNIT_ID, texts.UNIT_ID_LABEL),
            _button(texts.SAVE_BUTTON, NationalIds.UNIT_SAVE),
            _feedback(NationalIds.UNIT_FEEDBACK),
        ]
    )


def search_results(found: Sequence[KoladaKpi]) -> html.Div:
    """The KPIs a search found, to copy an id from."""
    if not found:
        return html.Div(empty_state(texts.LINK_NO_RESULTS))
    rows = [(kpi.id, kpi.title, kpi.source) for kpi in found]
    return data_table(texts.LINK_RESULTS_CAPTION, texts.LINK_RESULTS_COLUMNS, rows)


def feedback(problems: Sequence[NationalProblem]) -> html.Div:
    """Saved, or what was wrong."""
    if not problems:
        return html.Div(texts.NATIONAL_SAVED, className="alert alert-success")
    return html.Div(
        html.Ul([html.Li(texts.NATIONAL_PROBLEMS[p]) for p in problems]),
        className="alert alert-danger",
        role="alert",
    )
