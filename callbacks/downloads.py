"""The file downloads (/ladda-ned/<rapport>.<format>): a plain server route, no page and no
callbacks.

The meeting view and the tertial report as xlsx, pdf or docx, for the query's organisation, year and
period. Builds are kept per app and limited in number at once (dashboard/followup/report_builds.py).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable

from flask import Response, abort, request, send_file

from dashboard.domain.model import OrgUnit
from dashboard.followup import export_docx, exports
from dashboard.followup.report_builds import ReportBuilds
from dashboard.pages.deviations import Only
from dashboard.pages.downloads import meeting_document, tertial_document
from dashboard.store import Store
from layouts import downloads as layout
from layouts import tertial_report, texts, urls

log = logging.getLogger(__name__)

FILE_TYPES = {"xlsx": exports.XLSX_TYPE, "pdf": exports.PDF_TYPE, "docx": export_docx.DOCX_TYPE}


def document(
    store: Store,
    report_name: str,
    state: urls.ViewState,
    org: OrgUnit,
    today: dt.date,
    only: Only | None = None,
) -> exports.Document:
    """The meeting view (the goals Avvikelser's filters keep) or the tertial report as a
    document."""
    if report_name == urls.DEVIATIONS_REPORT:
        found = meeting_document(store, org, state.year, state.period, only)
        return layout.deviations_document(org, state, found.full, found.orgs, found.saves, today)
    return tertial_report.tertial_document(
        tertial_document(store, org, state.year, state.period), state, today
    )


def file_name(report_name: str, file_format: str, state: urls.ViewState, org: OrgUnit) -> str:
    """A Swedish file name, e.g. "Avvikelser Skarpnäcks stadsdelsnämnd T2 2026.xlsx"."""
    name = texts.FILE_NAME[report_name].format(org=org.name, period=state.period, year=state.year)
    return f"{name}.{file_format}"


def download_view(store: Store) -> Callable[[str], Response]:
    """The route's view for one app: its kept files and its limit on builds at once."""
    builds = ReportBuilds(store)

    def download(name: str) -> Response:
        report_name, _, file_format = name.partition(".")
        search = request.query_string.decode()
        state = urls.parse(search, store.reported_periods())
        if report_name not in urls.REPORTS or file_format not in urls.FORMATS or state is None:
            abort(404)
        org = (store.org(state.org_code) if state.org_code else None) or store.root_org()
        if org is None:
            abort(404)
        state = state.with_changes(org_code=org.code)
        today = dt.date.today()
        only = urls.only_from(search) if report_name == urls.DEVIATIONS_REPORT else Only()

        def build() -> bytes:
            content = document(store, report_name, state, org, today, only)
            write = {"xlsx": exports.to_xlsx, "pdf": exports.to_pdf, "docx": export_docx.to_docx}
            return write[file_format](content)

        retry = urls.download_href(report_name, file_format, state, only)
        try:
            data = builds.file((report_name, file_format, state, only, today), build)
        except Exception:  # the user stays with a way on: try again, or back to the meeting
            log.exception("building %s failed", name)
            page = layout.problem_page(
                texts.REPORT_FAILED_HEADING, texts.REPORT_FAILED, state, retry
            )
            return Response(page, 500, mimetype="text/html")
        if data is None:
            page = layout.problem_page(texts.REPORT_BUSY_HEADING, texts.REPORT_BUSY, state, retry)
            return Response(page, 503, mimetype="text/html", headers={"Retry-After": "30"})
        return send_file(
            io.BytesIO(data),
            mimetype=FILE_TYPES[file_format],
            as_attachment=True,
            download_name=file_name(report_name, file_format, state, org),
        )

    return download
