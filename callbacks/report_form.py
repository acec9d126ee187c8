"""Rapportera: the report form's route handler, its preview and its save.

The form's key and row ids come from the browser, so every callback builds the form again from
the store, checks who may change the organisation (refusing and logging a hand-made request),
and lets the upload's preview and commit read, check and write what was typed. A long form is
drawn a part at a time: drawing another part keeps what was typed in the page (its TYPED store),
and the preview and save send it with the part on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.domain.model import PERIOD_END_MONTH, OrgUnit
from dashboard.pages.report_form import ReportForm, form_file, form_parts, report_form
from dashboard.store import Store
from dashboard.upload import change_sets, effects
from dashboard.upload.problems import UploadRejected
from dashboard.upload.upload_scope import EditorScope
from dashboard.upload.value_types import YEARS
from layouts import report_form as layout
from layouts import texts, urls
from layouts.ids import ReportFormIds


def page(request: PageRequest) -> html.Div | None:
    """The form, or None when the path names no organisation, year or period."""
    found = form_of(request.store, request.params)
    if found is None:
        return None
    org, year, period = found
    form = report_form(request.store, org, year, period)
    return layout.page(form, refusal(request.store, request.user, org))


# The inputs on screen: their values and ids, outcome then forecast.
ROWS_ON_SCREEN = (
    State({"type": ReportFormIds.OUTCOME, "index": ALL}, "value"),
    State({"type": ReportFormIds.OUTCOME, "index": ALL}, "id"),
    State({"type": ReportFormIds.FORECAST, "index": ALL}, "value"),
    State({"type": ReportFormIds.FORECAST, "index": ALL}, "id"),
)


def register(app: Dash, store: Store) -> None:
    """The preview and the save (one callback, as the two buttons differ only in writing), and
    the drawing of another part of a long form."""

    @app.callback(
        Output(ReportFormIds.RESULT, "children"),
        Input(ReportFormIds.PREVIEW, "n_clicks"),
        Input(ReportFormIds.SAVE, "n_clicks"),
        State(ReportFormIds.KEY, "data"),
        State(ReportFormIds.TYPED, "data"),
        *ROWS_ON_SCREEN,
        prevent_initial_call=True,
    )
    def submit_form(
        _preview: int | None, _save: int | None, key: object, typed: object, *on_screen: Any
    ) -> Any:
        save = ctx.triggered_id == ReportFormIds.SAVE
        return submit(store, sign_in.current(), key, _all_typed(typed, on_screen), save=save)

    @app.callback(
        Output(ReportFormIds.ROWS, "children"),
        Output(ReportFormIds.PART_SHOWN, "children"),
        Output(ReportFormIds.TYPED, "data"),
        Output({"type": ReportFormIds.PART, "index": ALL}, "className"),
        Output({"type": ReportFormIds.PART, "index": ALL}, "aria-current"),
        Input({"type": ReportFormIds.PART, "index": ALL}, "n_clicks"),
        State(ReportFormIds.KEY, "data"),
        State(ReportFormIds.TYPED, "data"),
        *ROWS_ON_SCREEN,
        prevent_initial_call=True,
    )
    def show_part(_clicks: list[int | None], key: object, typed: object, *on_screen: Any) -> Any:
        buttons = len(ctx.outputs_list[3])
        kept = _all_typed(typed, on_screen)
        found = checked_form(store, sign_in.current(), key)
        if isinstance(found, str):
            return layout.message(found), "", {}, [no_update] * buttons, [no_update] * buttons
        parts = form_parts(found.rows)
        clicked = ctx.triggered_id.get("index") if isinstance(ctx.triggered_id, dict) else None
        number = clicked if isinstance(clicked, int) and 0 <= clicked < len(parts) else 0
        return (
            layout.table(found, parts[number], kept),
            layout.part_shown(found, parts[number]),
            {index: list(pair) for index, pair in kept.items()},
            [layout.part_class(i == number) for i in range(buttons)],
            ["true" if i == number else None for i in range(buttons)],
        )


def refusal(store: Store, user: Principal, org: OrgUnit) -> str | None:
    """Why this person may not report for the organisation, or None when they may."""
    return sign_in.refusal(user, store.org_path(org.id), org.name)


def submit(
    store: Store,
    user: Principal,
    key: object,
    entered: dict[str, tuple[str, str]],
    *,
    save: bool,
) -> Any:
    """Preview or save what was typed, through the upload's own preview and commit."""
    found = checked_form(store, user, key)
    if isinstance(found, str):
        return layout.message(found)
    return _run(store, user, found, entered, save)


def checked_form(store: Store, user: Principal, key: object) -> ReportForm | str:
    """The form a key from the browser names, or why this person may not have it (logged)."""
    params = key if isinstance(key, dict) else {}
    found = form_of(
        store,
        {
            "org_code": str(params.get("org", "")),
            "year": str(params.get("year", "")),
            "period": str(params.get("period", "")),
        },
    )
    reason = texts.NOT_FOUND_TEXT if found is None else refusal(store, user, found[0])
    if reason is not None or found is None:
        target = texts.REPORT_REFUSE_TARGET.format(
            org=params.get("org"), period=params.get("period"), year=params.get("year")
        )
        sign_in.record_refusal(store, user, audit.UPLOAD, str(target)[:200], reason or "")
        return reason or texts.NOT_FOUND_TEXT
    return report_form(store, *found)


def _run(
    store: Store, user: Principal, form: ReportForm, entered: dict[str, tuple[str, str]], save: bool
) -> Any:
    name = texts.REPORT_FILE_NAME.format(org=form.org.code, period=form.period, year=form.year)
    file, rows = form_file(form, entered, name)
    if not rows:
        return layout.message(texts.REPORT_NOTHING)
    scope = EditorScope(user)
    preview = change_sets.preview(store, [file], scope)
    if not preview.ok:
        return layout.problems(preview.problems, rows, form)
    effect = effects.effect_of_preview(store, preview)
    if not save:
        return layout.previewed(effect)
    try:
        saved = change_sets.commit(store, [file], user_name=user.username, scope=scope)
    except UploadRejected as rejected:  # the database changed since the preview
        return layout.problems(rejected.problems, rows, form)
    return layout.saved(saved, effect)


def form_of(store: Store, params: Any) -> tuple[OrgUnit, int, str] | None:
    """The organisation, year and period a path or key names, or None."""
    code = urls.plain_text(params.get("org_code"), urls.MAX_CODE_LENGTH)
    year = urls.whole_number(params.get("year"), 4)
    period = params.get("period")
    if code is None or year is None or not YEARS[0] <= year <= YEARS[1]:
        return None
    if period not in PERIOD_END_MONTH:
        return None
    org = store.org(code)
    return None if org is None else (org, year, period)


def _all_typed(typed: object, on_screen: Sequence[Any]) -> dict[str, tuple[str, str]]:
    """Row key → (outcome text, forecast text): what was kept from parts drawn before, and over
    it what is on screen; anything not text counts as empty, anything else is dropped."""
    kept = {
        index: (pair[0], pair[1])
        for index, pair in (typed.items() if isinstance(typed, dict) else ())
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
    }
    return kept | _entered(*on_screen)


def _entered(
    outcomes: Sequence[str | None],
    outcome_ids: Sequence[dict[str, str]],
    forecasts: Sequence[str | None],
    forecast_ids: Sequence[dict[str, str]],
) -> dict[str, tuple[str, str]]:
    """The inputs on screen, by row key."""
    typed: dict[str, list[str]] = {}
    for column, (values, ids) in enumerate(((outcomes, outcome_ids), (forecasts, forecast_ids))):
        for value, id_ in zip(values or [], ids or []):
            index = id_.get("index") if isinstance(id_, dict) else None
            if isinstance(index, str):
                typed.setdefault(index, ["", ""])[column] = value if isinstance(value, str) else ""
    return {index: (pair[0], pair[1]) for index, pair in typed.items()}
