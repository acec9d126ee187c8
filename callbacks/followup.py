"""The follow-up pages: Avvikelser, presentation, målbedömning, prognoser, and the file downloads.

`page` is called by the router for the paths it owns; `register` adds the form's and the
presentation's callbacks and the download routes to one app, bound to its store.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence

from dash import Dash, Input, Output, State, html, no_update
from flask import Response, abort, request, send_file

from callbacks import sign_in
from dashboard.access import Principal, audit
from dashboard.domain.model import Indicator, OrgUnit, Status
from dashboard.followup import (
    accuracy,
    agenda,
    assessments,
    consistency,
    control_room,
    exports,
    goal_results,
    report,
)
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.goal_results import Brief
from dashboard.followup.report_builds import ReportBuilds
from dashboard.store import Store
from layouts import accuracy as accuracy_page_layout
from layouts import assessment_form, export_documents, filters, presentation, texts, urls
from layouts import deviations as deviations_layout
from layouts.components import refused
from layouts.followup_urls import (
    ACCURACY_PATH,
    ASSESSMENT_SEGMENT,
    DEVIATIONS_PATH,
    DEVIATIONS_REPORT,
    DOWNLOAD_PREFIX,
    FORMATS,
    PRESENTATION_PATH,
    REPORTS,
    number_from,
    shown_from,
)
from layouts.ids import AssessmentIds, FollowupIds, ShellIds

FILE_TYPES = {"xlsx": exports.XLSX_TYPE, "pdf": exports.PDF_TYPE}
NAV_LINKS = {
    FollowupIds.NAV_OVERVIEW: "/",
    FollowupIds.NAV_DEVIATIONS: DEVIATIONS_PATH,
    FollowupIds.NAV_ACCURACY: ACCURACY_PATH,
}

# ---- pages ----------------------------------------------------------------------------------


def page(
    store: Store,
    pathname: str,
    search: str | None,
    state: urls.ViewState,
    org: OrgUnit,
    user: Principal,
):
    """The follow-up page for a path, or None when the path is not one of them."""
    if pathname == DEVIATIONS_PATH:
        return deviations_page(store, state, org, shown_from(search))
    if pathname == PRESENTATION_PATH:
        return presentation_page(store, state, org, number_from(search))
    if pathname == ACCURACY_PATH:
        return accuracy_page(store, state, org, shown_from(search))
    section, _, rest = pathname.strip("/").partition("/")
    if f"/{section}" == ACCURACY_PATH and (indicator := store.indicator(rest)) is not None:
        return indicator_accuracy_page(store, state, org, indicator)
    goal_code, _, segment = rest.rpartition("/")
    if (
        section == "mal"
        and segment == ASSESSMENT_SEGMENT
        and (goal := store.goal(goal_code)) is not None
    ):
        [status] = control_room.judge(store, [(goal, org.id)], state.year, state.period)
        history = assessments.history(store, goal.id, org.id, state.year, state.period)
        return assessment_form.page(status, org, state, history, user, refusal(store, user, org))
    return None


def meeting(store: Store, state: urls.ViewState, found: Sequence[Brief]):
    """The goals in full, their organisations by id, and the form saves behind the goals' assessments."""
    full = agenda.expand(store, found, state.year, state.period)
    saves = assessments.current_saves(store, [g.status for g in full], state.year, state.period)
    return full, store.orgs_by_id(g.status.org_id for g in full), saves


def deviations_page(store: Store, state: urls.ViewState, org: OrgUnit, shown: int) -> html.Div:
    """Avvikelser for the organisation, year and period: the `shown` most serious goals."""
    bar = filters.filter_bar(state, store.reported_periods(), store.org_neighbourhood(org.id))
    found = agenda.deviating(store, org, state.year, state.period)
    return deviations_layout.page(
        org, state, bar, found, *meeting(store, state, found[:shown]), shown=shown
    )


def presentation_page(store: Store, state: urls.ViewState, org: OrgUnit, number: int) -> html.Div:
    """One deviating goal at a time: the goal at `number`, clamped to the list."""
    found = agenda.deviating(store, org, state.year, state.period)
    number = max(1, min(number, len(found)))
    full, orgs, saves = meeting(store, state, found[number - 1 : number])
    return presentation.page(number, len(found), full[0] if full else None, state, org, orgs, saves)


def accuracy_page(store: Store, state: urls.ViewState, org: OrgUnit, shown: int) -> html.Div:
    """Forecast accuracy, indicators met on a forecast alone, and consistency, for the organisation and below.

    What only an upload changes (the tree, the forecasts) is kept in the store until the next one;
    the assessments change with every save, so they are read each time."""
    orgs = store.summary(("org_units",), store.org_units)
    periods = accuracy.shown_periods(
        state.period
    )  # the forecasts of the filters' tertial, up to their year
    scope = [o.id for o in accuracy.subtree(orgs, org.id)]
    within = (
        None if org.parent_id is None else scope
    )  # the whole city: no list of every unit to send
    assessed = goal_results.assessed(store, within, state.year, state.period)
    pairs = consistency.differing_pairs(assessed)
    return accuracy_page_layout.page(
        org,
        state,
        filters.filter_bar(state, store.reported_periods(), store.org_neighbourhood(org.id)),
        committees=store.summary(
            ("committee accuracy", org.id, state.year, periods),
            lambda: accuracy.committee_accuracy(store, orgs, org, state.year, periods),
        ),
        indicators=accuracy.by_indicator(
            accuracy.within(
                store.summary(
                    ("forecast checks", org.id), lambda: accuracy.forecast_checks(store, [org.id])
                ),
                state.year,
                periods,
            ),
            periods[0],
        ),
        forecast_only=store.summary(
            ("forecast only", org.id, state.year, state.period),
            lambda: accuracy.forecast_only(store, within, state.year, state.period),
        ),
        goals_met=consistency.met_on_forecast(assessed),
        leans=consistency.lean_by_committee(assessed, orgs),
        pairs=pairs[:shown],
        pair_count=len(pairs),
        orgs={o.id: o for o in orgs},
        shown=shown,
    )


def indicator_accuracy_page(
    store: Store, state: urls.ViewState, org: OrgUnit, indicator: Indicator
) -> html.Div:
    """One indicator's forecasts at the organisation year by year, and per organisation below it."""
    orgs = store.org_units()
    periods = accuracy.shown_periods(state.period)
    checks = accuracy.forecast_checks(
        store, [o.id for o in accuracy.subtree(orgs, org.id)], [indicator.id]
    )
    own = [c for c in checks if c.org_id == org.id and c.year <= state.year]
    shown = accuracy.by_org(accuracy.within(checks, state.year, periods), orgs, periods[0])
    return accuracy_page_layout.indicator_page(org, state, indicator, own, shown)


def goal_page_extra(store: Store, status: GoalStatus, state: urls.ViewState) -> html.Div:
    """Under the goal page's own assessment: the justification and last save behind it, and the form link."""
    saved = assessments.current_saves(store, [status], state.year, state.period).get(
        (status.goal.id, status.org_id)
    )
    return assessment_form.goal_page_note(status, state, saved)


def view_org(store: Store, state: urls.ViewState) -> OrgUnit:
    """The state's organisation, or the top of the tree."""
    return (store.org(state.org_code) if state.org_code else None) or store.root_org()


# ---- downloads ------------------------------------------------------------------------------


def document(
    store: Store, report_name: str, state: urls.ViewState, org: OrgUnit, today: dt.date
) -> exports.Document:
    """The meeting view or the tertial report as a document."""
    if report_name == DEVIATIONS_REPORT:
        found = agenda.deviating(store, org, state.year, state.period)
        return export_documents.deviations_document(
            org, state, *meeting(store, state, found), today
        )
    return export_documents.tertial_document(
        report.tertial_report(store, org, state.year, state.period), state, today
    )


def file_name(report_name: str, file_format: str, state: urls.ViewState, org: OrgUnit) -> str:
    """A Swedish file name, e.g. "Avvikelser Skarpnäcks stadsdelsnämnd T2 2026.xlsx"."""
    return f"{texts.FILE_NAME[report_name].format(org=org.name, period=state.period, year=state.year)}.{file_format}"


def _register_downloads(app: Dash, store: Store) -> None:
    builds = ReportBuilds(store)  # per app: kept files and the limit on builds at once

    def download(name: str):
        report_name, _, file_format = name.partition(".")
        state = urls.parse(request.query_string.decode(), store.reported_periods())
        if report_name not in REPORTS or file_format not in FORMATS or state is None:
            abort(404)
        org = view_org(store, state)
        state = state.with_changes(org_code=org.code)
        today = dt.date.today()

        def build() -> bytes:
            content = document(store, report_name, state, org, today)
            return exports.to_xlsx(content) if file_format == "xlsx" else exports.to_pdf(content)

        data = builds.file((report_name, file_format, state, today), build)
        if data is None:
            return Response(
                texts.REPORT_BUSY, 503, mimetype="text/plain", headers={"Retry-After": "30"}
            )
        return send_file(
            io.BytesIO(data),
            mimetype=FILE_TYPES[file_format],
            as_attachment=True,
            download_name=file_name(report_name, file_format, state, org),
        )

    app.server.add_url_rule(f"{DOWNLOAD_PREFIX}/<name>", "followup_download", download)


# ---- callbacks ------------------------------------------------------------------------------

# Follows the presentation's links from the keyboard (a clicker sends Page Down / Page Up);
# installed once per browser window, and puts focus on the new goal's heading.
KEY_TARGETS = {
    "ArrowRight": FollowupIds.NEXT,
    "PageDown": FollowupIds.NEXT,
    "ArrowLeft": FollowupIds.PREVIOUS,
    "PageUp": FollowupIds.PREVIOUS,
    "Escape": FollowupIds.END,
}
PRESENTATION_KEYS_JS = """
function (_) {
    if (!window.kontrollrummetPresentationKeys) {
        window.kontrollrummetPresentationKeys = true;
        const targets = KEY_TARGETS;
        document.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
            if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) { return; }
            const link = targets[event.key] && document.getElementById(targets[event.key]);
            if (link && link.closest(".presentation")) { event.preventDefault(); link.click(); }
        });
    }
    const heading = document.getElementById(HEADING_ID);
    if (heading && document.activeElement === document.body) { heading.focus(); }
    return window.dash_clientside.no_update;
}
""".replace("KEY_TARGETS", json.dumps(KEY_TARGETS)).replace(
    "HEADING_ID", json.dumps(FollowupIds.HEADING)
)


def register(app: Dash, store: Store) -> None:
    """The navigation links, the presentation keys, the assessment form and the downloads."""
    _register_downloads(app, store)
    app.clientside_callback(
        PRESENTATION_KEYS_JS, Output(FollowupIds.KEYS, "data"), Input(FollowupIds.KEYS, "id")
    )

    @app.callback(
        *(Output(link, "href") for link in NAV_LINKS),
        *(Output(link, "className") for link in NAV_LINKS),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
    )
    def nav_links(pathname: str | None, search: str | None) -> list[str]:
        state = urls.parse(search, store.reported_periods())
        plain = state and urls.ViewState(
            state.year, state.period, state.org_code
        )  # no level or sort
        hrefs = [urls.href(path, plain) if plain else path for path in NAV_LINKS.values()]
        # dcc.Link takes no aria-current, so the current page is marked by a class
        current = ["current" if (pathname or "/") == path else "" for path in NAV_LINKS.values()]
        return hrefs + current

    @app.callback(
        Output(AssessmentIds.JUSTIFICATION_GROUP, "hidden"),
        Output(AssessmentIds.WARNING, "children"),
        Input(AssessmentIds.STATUS, "value"),
        State(AssessmentIds.KEY, "data"),
    )
    def ask_for_justification(chosen: str | None, key: dict):
        computed, status = (
            _status(key.get("computed") if isinstance(key, dict) else None),
            _status(chosen),
        )
        if computed is None or not assessments.needs_justification(computed, status):
            return True, None
        return False, assessment_form.justification_warning(computed, status)

    @app.callback(
        Output(AssessmentIds.FEEDBACK, "children"),
        Output(AssessmentIds.HISTORY, "children"),
        Output(AssessmentIds.CURRENT, "children"),
        *(Output(field, "invalid") for field in assessment_form.TEXT_FIELDS),
        Input(AssessmentIds.SAVE, "n_clicks"),
        State(AssessmentIds.KEY, "data"),
        State(AssessmentIds.STATUS, "value"),
        *(State(field, "value") for field in assessment_form.TEXT_FIELDS),
        prevent_initial_call=True,
    )
    def save(_: int, key: object, chosen: str | None, *values: str | None):
        fields = dict(zip(assessment_form.TEXT_FIELDS, (v or "" for v in values)))
        return submit(store, key, chosen, fields, sign_in.current())


def refusal(store: Store, user: Principal, org: OrgUnit) -> str | None:
    """Why this person may not change the organisation's data, or None when they may."""
    return sign_in.refusal(user, store.org_path(org.id), org.name)


def submit(
    store: Store, key: object, chosen: str | None, fields: dict[str, str], user: Principal
) -> tuple:
    """Save the form against the status computed now; (feedback, history, current, invalid flag per field).

    The signed-in person must be allowed to change the organisation: the form's key comes from the
    browser, so a hand-made request for another organisation is refused and logged here."""
    goal_code, org_code, year, period = _key_parts(key)
    goal = store.goal(goal_code) if goal_code else None
    org = store.org(org_code) if org_code else None
    reason = texts.NOT_FOUND_TEXT if goal is None or org is None else refusal(store, user, org)
    if (
        reason is None and (year, period) not in store.reported_periods()
    ):  # the key is the browser's to forge
        reason = texts.ASSESSMENT_BAD_PERIOD
    if reason:
        sign_in.record_refusal(
            store, user, audit.ASSESSMENT, f"{goal_code} för {org_code} {period} {year}", reason
        )
        return (refused(reason), no_update, no_update, *assessment_form.invalid_fields([]))
    [status] = control_room.judge(store, [(goal, org.id)], year, period)
    draft = assessments.Draft(
        goal.id,
        org.id,
        year,
        period,
        _status(chosen),
        analysis=fields[AssessmentIds.ANALYSIS],
        measures=fields[AssessmentIds.MEASURES],
        justification=fields[AssessmentIds.JUSTIFICATION],
    )
    try:
        entry = assessments.save(store, draft, status.result, user.username)
    except assessments.InvalidAssessment as invalid:
        return (
            assessment_form.problems_summary(invalid.problems),
            no_update,
            no_update,
            *assessment_form.invalid_fields(invalid.problems),
        )
    history = assessments.history(store, goal.id, org.id, year, period)
    goal_href = urls.href(urls.goal_path(goal.code), urls.ViewState(year, period, org.code))
    [now] = control_room.judge(store, [(goal, org.id)], year, period)
    return (
        assessment_form.saved_message(entry, goal_href),
        assessment_form.history_table(history),
        assessment_form.current(now, entry),
        *assessment_form.invalid_fields([]),
    )


def _status(value: object) -> Status | None:
    """The status a browser names, or None for none or an unknown one."""
    return next((status for status in Status if status.value == value), None)


def _key_parts(key: object) -> tuple[str | None, str | None, int | None, str | None]:
    """Goal code, organisation code, year and period of the form's key, each None unless of its type."""
    if not isinstance(key, dict):
        return None, None, None, None
    year = key.get("year")
    return (
        urls.plain_text(key.get("goal"), urls.MAX_CODE_LENGTH),
        urls.plain_text(key.get("org"), urls.MAX_CODE_LENGTH),
        year if type(year) is int else None,
        urls.plain_text(key.get("period"), urls.MAX_CODE_LENGTH),
    )
