"""Läs in data: the page's route handler, the templates' route, and preview, save and undo.

The files travel back with the Save click (kept in the browser's dcc.Store), so no worker
holds an upload in memory between requests; `commit` checks them all over again, the
uploader's scope included. Every callback here asks who is behind the request: a hand-made
request from a reader, or for rows outside an editor's organisations, is refused and logged.
The page's data comes straight from dashboard/upload, so it has no dashboard/pages module.
"""

from __future__ import annotations

import binascii
from collections.abc import Callable, Mapping
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update
from flask import Response, abort
from flask import request as flask_request

from callbacks import report_form, sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.pages import report_template
from dashboard.pages.report_form import report_form as report_form_data
from dashboard.store import Store
from dashboard.upload import change_sets, csv_export, effects
from dashboard.upload.csv_import import MAX_FILE_BYTES
from dashboard.upload.parsed_file import UploadFile
from dashboard.upload.problems import (
    ImportIssue,
    ImportProblem,
    UploadRejected,
    beyond_scope,
    too_large,
)
from dashboard.upload.upload_log import find_upload, list_uploads
from dashboard.upload.upload_scope import EditorScope, may_undo
from layouts import texts, upload, urls
from layouts.ids import UploadIds

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def page(request: PageRequest) -> html.Div:
    """The upload page; it works on an empty database too: it is how data gets in."""
    return upload.page(
        list_uploads(request.store), templates(), request.user, report_forms(request)
    )


def report_forms(request: PageRequest) -> list[tuple[str, str]]:
    """(label, link) of the report form of each organisation an editor reports for, for the
    newest reported period; none for others or before anything is reported."""
    periods = request.store.reported_periods()
    if not periods or request.user.is_admin or not request.user.may_edit_something:
        return []
    year, period = periods[-1]
    user = request.user
    return [
        (f"{name} ({period} {year})", urls.report_form_href(code, year, period))
        for code, name in zip(user.scope_codes, user.scope_names)
    ]


def template_view(store: Store) -> Callable[[str], Response]:
    """The route's view for upload templates (/mallar/<name>): an empty file of each layout, or
    the outcomes template prefilled for the organisation, year and period of the query."""

    def view(name: str) -> Response:
        return template(name, prefilled(store, name, flask_request.args))

    return view


def template(name: str, found: UploadFile | None = None) -> Response:
    """One upload template as a download: CSV, or the prefilled workbook."""
    found = found or {file.name: file for file in csv_export.template_files()}.get(name)
    if found is None:
        abort(404)
    mimetype = XLSX_TYPE if found.name.endswith(".xlsx") else "text/csv"
    return Response(
        found.content,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{found.name}"'},
    )


def prefilled(store: Store, name: str, query: Mapping[str, str]) -> UploadFile | None:
    """The outcomes template (CSV or workbook) of the query's organisation and period, if named."""
    if name not in (report_template.TEMPLATE_NAME, report_template.WORKBOOK_NAME):
        return None
    params = {
        "org_code": query.get(urls.ORG_KEY),
        "year": query.get(urls.YEAR_KEY),
        "period": query.get(urls.PERIOD_KEY),
    }
    found = report_form.form_of(store, params)
    if found is None:
        return None
    form = report_form_data(store, *found)
    if name == report_template.WORKBOOK_NAME:
        return report_template.prefilled_workbook(form)
    return report_template.prefilled_csv(form)


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(UploadIds.PREVIEW, "children"),
        Output(UploadIds.PENDING, "data"),
        Output(UploadIds.SAVE, "disabled"),
        Input(UploadIds.FILES, "contents"),
        State(UploadIds.FILES, "filename"),
        prevent_initial_call=True,
    )
    def preview(
        contents: list[str] | None, names: list[str] | None
    ) -> tuple[Any, list[list[str]] | None, bool]:
        user = sign_in.current()
        if not user.may_edit_something:
            return (
                refuse(store, user, audit.UPLOAD, ", ".join(names or []), texts.REFUSED_READ_ONLY),
                None,
                True,
            )
        files, problems = decode(contents or [], names or [])
        if problems:
            return upload.problem_list(problems), None, True
        result = change_sets.preview(store, files, EditorScope(user))
        del files  # what is sent back is the browser's own data URLs, not a second encoding
        pending = [list(pair) for pair in zip(names or [], contents or [])] if result.ok else None
        effect = effects.effect_of_preview(store, result)
        return upload.preview_panel(result, effect), pending, not result.ok

    @app.callback(
        Output(UploadIds.RESULT, "children"),
        Output(UploadIds.LOG, "children"),
        Output(UploadIds.SAVE, "disabled", allow_duplicate=True),
        Output(UploadIds.PENDING, "data", allow_duplicate=True),
        Input(UploadIds.SAVE, "n_clicks"),
        State(UploadIds.PENDING, "data"),
        prevent_initial_call=True,
    )
    def save(_clicks: int | None, pending: list[list[str]] | None) -> tuple[Any, Any, bool, None]:
        user = sign_in.current()
        names = ", ".join(name for name, _ in pending or [])
        if not user.may_edit_something:
            return (
                refuse(store, user, audit.UPLOAD, names, texts.REFUSED_READ_ONLY),
                no_update,
                True,
                None,
            )
        if not pending:
            return upload.error_message(texts.NOTHING_TO_SAVE), no_update, True, None
        files, problems = decode([content for _, content in pending], [name for name, _ in pending])
        if problems:
            return upload.problem_list(problems), no_update, True, None
        try:
            saved = change_sets.commit(
                store, files, user_name=user.username, scope=EditorScope(user)
            )
        except UploadRejected as rejected:  # out of scope, or the database changed since preview
            if denied := beyond_scope(rejected.problems):  # admin-only files too (issue 16)
                sign_in.record_refusal(
                    store, user, audit.UPLOAD, names, f"{len(denied)} rader utanför behörigheten"
                )
            return upload.problem_list(rejected.problems), no_update, True, None
        return (
            upload.saved_message(saved),
            upload.upload_log(list_uploads(store), user),
            True,
            None,
        )

    @app.callback(
        Output(UploadIds.RESULT, "children", allow_duplicate=True),
        Output(UploadIds.LOG, "children", allow_duplicate=True),
        Input({"type": UploadIds.UNDO, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def undo(clicks: list[int | None]) -> tuple[Any, Any]:
        if not any(clicks) or not isinstance(ctx.triggered_id, dict):
            return no_update, no_update
        user, upload_id = sign_in.current(), int(ctx.triggered_id["index"])
        found = find_upload(store, upload_id)
        if found is None or not may_undo(store, user, upload_id, found.user_name):
            reason = texts.REFUSED_UNDO if user.may_edit_something else texts.REFUSED_READ_ONLY
            return refuse(store, user, audit.UNDO, f"uppladdning {upload_id}", reason), no_update
        try:
            result = change_sets.undo(store, upload_id, user_name=user.username)
        except change_sets.UndoRefused as refused:
            return upload.error_message(str(refused)), no_update
        return upload.undone_message(result), upload.upload_log(list_uploads(store), user)


def refuse(store: Store, user: Principal, action: str, target: str, reason: str) -> Any:
    """Log a refused write and say why, where the result would have been shown."""
    sign_in.record_refusal(store, user, action, target, reason)
    return upload.error_message(reason)


def decode(
    contents: list[str], names: list[str], max_bytes: int = MAX_FILE_BYTES
) -> tuple[list[UploadFile], list[ImportProblem]]:
    """Files from dcc.Upload's data URLs (or bare base64); too large or garbled files become
    problems, unparsed. One copy of a file's text is made, not three: each is 4/3 its size."""
    files: list[UploadFile] = []
    problems: list[ImportProblem] = []
    for name, content in zip(names, contents):
        start = content.find(",") + 1 if content.startswith("data:") else 0
        size = (len(content) - start) * 3 // 4
        if size > max_bytes:
            problems.append(too_large(name, size, max_bytes))
            continue
        try:
            encoded = memoryview(content.encode("ascii"))[start:]
            files.append(UploadFile(name, binascii.a2b_base64(encoded, strict_mode=True)))
        except (binascii.Error, ValueError):
            problems.append(ImportProblem(name, None, None, None, ImportIssue.GARBLED))
    return files, problems


def templates() -> list[tuple[str, str]]:
    """(label, link) of every template file."""
    return [(file.name, urls.template_href(file.name)) for file in csv_export.template_files()]
