"""Läs in data: upload CSV/JSON files, see exactly what would change, save, and undo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.access import Principal
from dashboard.upload.csv_import import MAX_FILE_BYTES
from dashboard.upload.effects import Effect
from dashboard.upload.plan import FilePreview, Preview
from dashboard.upload.problems import ImportProblem
from dashboard.upload.undoing import UndoResult
from dashboard.upload.upload_log import Upload
from dashboard.upload.writing import SavedFile
from layouts import texts
from layouts.components import aria, data_table, empty_state
from layouts.effects import effect_panel
from layouts.explanation import format_number
from layouts.format import count, count_list
from layouts.ids import UploadIds
from layouts.import_problems import problem_text

PROBLEMS_SHOWN = 200


def page(
    uploads: Sequence[Upload],
    templates: Sequence[tuple[str, str]],
    user: Principal,
    forms: Sequence[tuple[str, str]] = (),
) -> html.Div:
    """The upload page: form, preview area, save button, result and the upload log.

    A reader sees the log and why they cannot upload; an editor sees which organisations they may
    load."""
    heading = [
        html.H1(texts.UPLOAD_HEADING),
        html.P(texts.UPLOAD_INTRO),
        html.P([texts.TEMPLATES_INTRO, *_template_links(templates)]),
        html.P([texts.REPORT_FORM_LINKS, *_links(forms, download=False)]) if forms else None,
    ]
    log = [html.H2(texts.UPLOAD_LOG_HEADING), html.Div(upload_log(uploads, user), id=UploadIds.LOG)]
    if not user.may_edit_something:
        return html.Div(
            [*heading, dbc.Alert(texts.REFUSED_READ_ONLY, color="info"), *log],
            className="upload-page",
        )
    scope = texts.UPLOAD_SCOPE_NOTE.format(scope=user.scope_label) if not user.is_admin else None
    return html.Div(
        [
            *heading,
            html.P(scope, className="scope-note") if scope else None,
            html.Label(  # the label names dcc.Upload's hidden file input for screen readers
                dcc.Upload(
                    id=UploadIds.FILES,
                    multiple=True,
                    max_size=-1,  # the server refuses too large files with a message instead
                    className="upload-zone",
                    children=html.Span(
                        [
                            texts.UPLOAD_DROP,
                            html.Span(texts.UPLOAD_CHOOSE, className="upload-choose"),
                        ]
                    ),
                ),
                className="upload-label",
            ),
            html.P(
                texts.UPLOAD_LIMIT.format(size=format_number(MAX_FILE_BYTES / 1_000_000, 0, "MB")),
                className="muted",
            ),
            dcc.Store(id=UploadIds.PENDING),
            dcc.Loading(html.Div(id=UploadIds.PREVIEW, **aria(live="polite")), type="default"),
            dbc.Button(
                texts.SAVE_UPLOAD,
                id=UploadIds.SAVE,
                disabled=True,
                color="primary",
                className="my-3",
            ),
            dcc.Loading(html.Div(id=UploadIds.RESULT, role="status")),
            *log,
        ],
        className="upload-page",
    )


def _template_links(templates: Sequence[tuple[str, str]]) -> list[Any]:
    return _links(templates, download=True)


def _links(targets: Sequence[tuple[str, str]], *, download: bool) -> list[Any]:
    links: list[Any] = []
    for index, (label, href) in enumerate(targets):
        link = html.A(label, href=href, download="") if download else dcc.Link(label, href=href)
        links += [", " if index else " ", link]
    return [*links, "."]


def preview_panel(preview: Preview, effect: Effect | None = None) -> html.Div:
    """What the upload would do, file by file, what that does to the goals (names, not only
    keys), and every problem found."""
    return html.Div(
        [
            html.H2(texts.PREVIEW_HEADING),
            *[file_summary(file) for file in preview.files],
            effect_panel(effect) if effect is not None and preview.ok else None,
            problem_list(preview.problems)
            if preview.problems
            else dbc.Alert(texts.PREVIEW_OK, color="success"),
        ]
    )


def file_summary(file: FilePreview) -> html.Section:
    """One file's kind, dialect, counts and a sample of old → new values."""
    counts = texts.PREVIEW_COUNTS.format(
        rows=count(texts.ROWS, file.rows),
        changes=count_list(texts.ROW_CHANGES, (file.new, file.changed, file.unchanged)),
    )
    dialect = texts.PREVIEW_DIALECT.format(
        encoding=file.encoding or "–", separator=file.separator or "–"
    )
    children: list[Any] = [
        html.H3(f"{file.file_name}: {file.kind_label}", className="h5"),
        html.P([counts, html.Br(), dialect]),
        reference_counts(file.reference) if file.reference else None,
        *[html.P(note, className="muted") for note in file.notes],
    ]
    if file.changes:
        rows = [(c.key, c.column, c.old, c.new) for c in file.changes]
        children.append(
            data_table(
                texts.CHANGES_CAPTION.format(file=file.file_name), texts.CHANGES_COLUMNS, rows
            )
        )
    if file.new_rows:
        children.append(html.P(texts.NEW_ROWS.format(keys="; ".join(file.new_rows))))
    return html.Section(children, className="file-preview")


def reference_counts(reference: FilePreview) -> html.P:
    """A Kolada file's rows kept as comparison values (docs/national.md)."""
    return html.P(
        texts.PREVIEW_REFERENCE_COUNTS.format(
            rows=count(texts.ROWS, reference.rows),
            changes=count_list(
                texts.ROW_CHANGES, (reference.new, reference.changed, reference.unchanged)
            ),
        )
    )


def problem_list(problems: Sequence[ImportProblem]) -> dbc.Alert:
    """The problems, each naming file, row, column and value, and a promise that nothing was saved.

    A whole nämnd's export uploaded by one unit's editor has a problem on nearly every row:
    the first PROBLEMS_SHOWN say what is wrong, and the page stays small enough to open."""
    rest = len(problems) - PROBLEMS_SHOWN
    return dbc.Alert(
        [
            html.H3(
                texts.PROBLEMS_HEADING.format(count=format_number(len(problems), 0, "")),
                className="h5",
            ),
            html.Ul([html.Li(problem_text(problem)) for problem in problems[:PROBLEMS_SHOWN]]),
            html.P(texts.PROBLEMS_NOT_SHOWN.format(count=format_number(rest, 0, "")))
            if rest > 0
            else None,
        ],
        color="danger",
    )


def saved_message(saved: Sequence[SavedFile]) -> dbc.Alert:
    """What was saved, per file."""
    items = [
        html.Li(
            [
                texts.SAVED_FILE.format(
                    file=s.file_name,
                    changes=count_list(texts.ROW_CHANGES, (s.inserted, s.updated, s.unchanged)),
                ),
                texts.SAVED_REFERENCE.format(count=s.reference_rows) if s.reference_rows else "",
            ]
        )
        for s in saved
    ]
    return dbc.Alert([html.P(texts.SAVED_HEADING), html.Ul(items)], color="success")


def undone_message(result: UndoResult) -> dbc.Alert:
    """What an undo restored and removed."""
    return dbc.Alert(
        texts.UNDONE.format(
            id=result.upload_id,
            file=result.file_name,
            restored=count(texts.UNDONE_RESTORED, result.restored),
            deleted=count(texts.UNDONE_DELETED, result.deleted),
        ),
        color="success",
    )


def error_message(text: str) -> dbc.Alert:
    """A refusal in plain Swedish."""
    return dbc.Alert(text, color="danger")


def upload_log(uploads: Sequence[Upload], user: Principal) -> html.Div | html.P:
    """Every upload, newest first, with an undo button where this person may undo it."""
    if not uploads:
        return empty_state(texts.NO_UPLOADS)
    rows = [
        (
            str(u.id),
            u.created_at.strftime("%Y-%m-%d %H:%M"),
            u.user_name,
            u.file_name,
            u.kind_label,
            count_list(texts.ROW_CHANGES[:2], (u.rows_inserted, u.rows_updated)),
            _undo_cell(u, user),
        )
        for u in uploads
    ]
    return data_table(texts.UPLOAD_LOG_CAPTION, texts.UPLOAD_LOG_COLUMNS, rows)


def _undo_cell(upload: Upload, user: Principal) -> str | dbc.Button:
    if upload.status == "undone":
        when = upload.undone_at.strftime("%Y-%m-%d %H:%M") if upload.undone_at else ""
        return texts.UNDONE_BY.format(user=upload.undone_by or "", when=when)
    if not user.may_undo(upload.user_name):
        return ""
    return dbc.Button(
        texts.UNDO,
        id={"type": UploadIds.UNDO, "index": upload.id},
        color="secondary",
        size="sm",
        title=texts.UNDO_TITLE.format(id=upload.id, file=upload.file_name),
    )
