"""Every path and query key of the site, written once; and the view's state as a query string.

Paths and query keys are Swedish, since people read and share these links. A pasted link opens
exactly the same view: the URL is the only view state. Page paths are patterns whose parameters
are written `<name>`, the syntax Flask uses too, so one pattern serves the route table
(callbacks/routes.py), the server's routes and the links (`path`). Browser code reads the paths
it needs from the page (`BODY_DATA`), never from a literal of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar
from urllib.parse import parse_qs, quote, quote_plus, urlencode

from dashboard.domain.model import GoalLevel, Status
from dashboard.followup.deviations import DeviationKind as Kind
from dashboard.pages.deviations import Only
from layouts.ids import AccuracyPart

# ---- pages ------------------------------------------------------------------------------------
OVERVIEW_PATH = "/"
GOAL_PATTERN = "/mal/<code>"
ASSESSMENT_PATTERN = f"{GOAL_PATTERN}/bedomning"
ACTIVITY_PATTERN = "/aktivitet/<code>"
INDICATOR_PATTERN = "/indikator/<code>"
DEVIATIONS_PATH = "/avvikelser"
PRESENTATION_PATH = "/presentation"
ACCURACY_PATH = "/prognoser"
GENDER_GAPS_PATH = "/kvinnor-och-man"
INDICATOR_ACCURACY_PATTERN = f"{ACCURACY_PATH}/<code>"
UPLOAD_PATH = "/uppladdning"
AUDIT_PATH = "/andringslogg"
ACCESSIBILITY_PATH = "/tillganglighet"
ACCOUNT_PATH = "/mitt-konto"  # the signed-in person's own account and API tokens
TO_REPORT_PATH = "/att-rapportera"  # the editor's landing page (issue 18)
PROGRESS_PATH = "/rapportering"  # the reporting round's progress per organisation
NATIONAL_PATH = "/jamforelser"  # administrators: Kolada id, comparison groups, KPI links
# ---- the server's own routes (callbacks/routes.py `SERVER_ROUTES`) ----------------------------
SIGN_IN_PATH = "/logga-in"
SIGN_OUT_PATH = "/logga-ut"
HEALTH_PATH = "/healthz"
TEMPLATE_PATTERN = "/mallar/<name>"
DOWNLOAD_PATTERN = "/ladda-ned/<name>"
# ---- the open-data API (callbacks/api.py); versioned, so a v2 can change what v1 promised ------
API_PREFIX = "/api/v1/"
API_INDEX_PATH = API_PREFIX
API_OPENAPI_PATH = f"{API_PREFIX}openapi.json"
API_RESOURCE_PATTERN = f"{API_PREFIX}<name>"  # a resource, or its CSV as "<name>.csv"
API_CSV_SUFFIX = ".csv"
# ---- Dash's and Flask's own ---------------------------------------------------------------------
ASSETS_PREFIX = "/assets/"
FAVICON_PATH = "/_favicon.ico"
CALLBACK_PREFIX = "/_dash-"  # every request the page's scripts make
COMPONENT_SUITES_PREFIX = f"{CALLBACK_PREFIX}component-suites/"  # Dash's and its libraries' scripts

# ---- query keys ---------------------------------------------------------------------------------
YEAR_KEY = "ar"
PERIOD_KEY = "period"
ORG_KEY = "org"  # an organisation's code
LEVEL_KEY = "niva"  # goal level on Översikt
SORT_KEY = "sortera"  # a table's sort
NUMBER_KEY = "nr"  # the presentation's position, from 1
SHOWN_KEY = "visa"  # how many rows long lists show (Avvikelser's goals, Prognoser's tables)
NEXT_KEY = "nasta"  # where the sign-in form leads back to
AUDIT_USER_KEY = "anvandare"
AUDIT_ACTION_KEY = "handelse"
AUDIT_SINCE_KEY = "fran"
INDICATOR_KEY = "indikator"  # an indicator's code (the API's indicator values)
# The API's paging and format keys: the words every API client knows.
LIMIT_KEY, OFFSET_KEY, FORMAT_KEY = "limit", "offset", "format"
API_FORMATS = ("json", "csv")
LEVEL_KEYS = {GoalLevel.COUNCIL: "kf", GoalLevel.COMMITTEE: "namnd", GoalLevel.UNIT: "enhet"}
# Avvikelser's own filters (`only_from`): the goal's status, level and kind of deviation, and
# two yes-or-no filters written ONLY_YES.
STATUS_FILTER_KEY = "status"
GOAL_LEVEL_FILTER_KEY = "malniva"
KIND_FILTER_KEY = "typ"
ROSIER_KEY = "positivare"  # only goals whose own assessment is rosier than the computed status
NEW_KEY = "nya"  # only goals whose deviation is new since the previous period
WITHIN_KEY = "inom"  # only goals owned within this organisation (a code) below the chosen one
ONLY_YES = "ja"
# The Målsida's indicator table filtered to one status (its counts link there); Prognoser's
# indicators met without an outcome filter on STATUS_FILTER_KEY.
INDICATOR_STATUS_KEY = "indikatorstatus"
INDICATORS_ANCHOR = "indikatorer"
ACTIVITIES_ANCHOR = "aktiviteter"
STATUS_VALUES = {
    Status.NOT_MET: "ej-uppfyllt",
    Status.PARTLY_MET: "delvis",
    Status.NO_DATA: "kan-inte-bedomas",
    Status.MET: "uppfyllt",
}
# The kinds of deviation in groups, in reading order (Avvikelser's summary counts these).
KIND_VALUES = {
    "mal": (Kind.GOAL_NOT_MET, Kind.GOAL_PARTLY_MET, Kind.GOAL_NO_DATA),
    "prognos": (Kind.GOAL_MET_ON_FORECAST,),
    "indikator": (Kind.INDICATOR_NOT_MET, Kind.INDICATOR_PARTLY_MET),
    "underlag": (Kind.INDICATOR_NO_VALUE, Kind.INDICATOR_FORECAST_ONLY),
    "aktivitet": (Kind.ACTIVITY_OVERDUE, Kind.ACTIVITY_LATE_START),
    "atgard": (Kind.MEASURE_OVERDUE,),
    "bedomning": (
        Kind.ASSESSMENT_WITHOUT_EVIDENCE,
        Kind.ASSESSMENT_MORE_POSITIVE,
        Kind.ASSESSMENT_MORE_NEGATIVE,
    ),
}

SHOWN_STEP = 25  # listed at first, and added by each "show more"
# Avvikelser's row details, loaded when a row opens: the keys of the row's pattern-matching id.
DETAILS_YEAR_KEY, DETAILS_PERIOD_KEY, DETAILS_ORG_KEY = "year", "period", "org"
DETAILS_GOAL_KEY, DETAILS_OWNER_KEY = "goal", "owner"
DEVIATIONS_REPORT, TERTIAL_REPORT = "avvikelser", "tertialrapport"
REPORTS = (DEVIATIONS_REPORT, TERTIAL_REPORT)
FORMATS = ("xlsx", "pdf", "docx")
# Bounds on what the address bar may carry into a query (the store's columns are no longer).
MAX_CODE_LENGTH = 60
MAX_TEXT_LENGTH = 200
MAX_PATH_LENGTH = 500
# What the page's scripts need (assets/session.js), as data attributes of <body>.
BODY_DATA = {
    "data-sign-in-path": SIGN_IN_PATH,
    "data-next-key": NEXT_KEY,
    "data-callback-prefix": CALLBACK_PREFIX,
    "data-view-keys": f"{YEAR_KEY} {PERIOD_KEY} {ORG_KEY}",  # what the main menu's links keep
}
PARAMETER = re.compile(r"<(\w+)>")
T = TypeVar("T")


def path(pattern: str, **params: str) -> str:
    """A pattern with its parameters filled in, each quoted, e.g. ("/mal/<code>", code="K1")."""
    return PARAMETER.sub(lambda m: quote(params[m.group(1)]), pattern)


def prefix(pattern: str) -> str:
    """The fixed start of a pattern, up to its first parameter: "/mal/" for "/mal/<code>"."""
    return pattern.partition("<")[0]


@dataclass(frozen=True)
class ViewState:
    year: int
    period: str
    org_code: str | None = None
    level: GoalLevel = GoalLevel.COUNCIL
    sort: str | None = None  # a table's sort key, e.g. "status"

    def with_changes(self, **changes: Any) -> ViewState:
        """A copy with some fields replaced."""
        return replace(self, **changes)


def parse(search: str | None, periods: Sequence[tuple[int, str]]) -> ViewState | None:
    """The requested view, falling back to the newest reported period; None if nothing is
    reported."""
    if not periods:
        return None
    query = query_values(search)
    period = query.get(PERIOD_KEY, "")
    year = whole_number(query.get(YEAR_KEY), 4) or periods[-1][0]
    in_year = [p for y, p in periods if y == year]
    if not in_year:
        year, in_year = periods[-1][0], [p for y, p in periods if y == periods[-1][0]]
    level = next(
        (lvl for lvl, key in LEVEL_KEYS.items() if key == query.get(LEVEL_KEY)), GoalLevel.COUNCIL
    )
    return ViewState(
        year=year,
        period=period if period in in_year else in_year[-1],
        org_code=plain_text(query.get(ORG_KEY), MAX_CODE_LENGTH),
        level=level,
        sort=plain_text(query.get(SORT_KEY), MAX_CODE_LENGTH),
    )


def query_values(search: str | None) -> dict[str, str]:
    """The first value of each key of a query string ("?ar=2026&org=SKA")."""
    return {key: values[0] for key, values in parse_qs((search or "").lstrip("?")).items()}


def whole_number(text: str | None, max_digits: int) -> int | None:
    """A number written in at most `max_digits` ASCII digits, else None.

    str.isdigit() also takes "²" and Arabic-Indic digits, which int() then refuses or reads,
    and int() refuses more than 4,300 digits: both were server errors (issue 16)."""
    return int(text) if text and re.fullmatch(f"[0-9]{{1,{max_digits}}}", text) else None


def plain_text(text: object, max_length: int) -> str | None:
    """The text if it is short and printable (no NUL, which PostgreSQL refuses), else None."""
    return (
        text
        if isinstance(text, str) and text and len(text) <= max_length and text.isprintable()
        else None
    )


def query(state: ViewState, **changes: Any) -> str:
    """The query string for a state, optionally changed, e.g. "?ar=2026&period=T2&org=SKA" (what
    `urlencode` gives, sooner: a page builds dozens of links)."""
    if changes.keys() - _STATE_FIELDS:
        raise TypeError(f"not a field of ViewState: {sorted(changes.keys() - _STATE_FIELDS)}")
    values = {name: changes.get(name, getattr(state, name)) for name in _STATE_FIELDS}
    text = (
        f"?{YEAR_KEY}={_plus_quoted(values['year'])}&{PERIOD_KEY}={_plus_quoted(values['period'])}"
    )
    if values["org_code"]:
        text += f"&{ORG_KEY}={_plus_quoted(values['org_code'])}"
    if values["level"] is not GoalLevel.COUNCIL:
        text += f"&{LEVEL_KEY}={_plus_quoted(LEVEL_KEYS[values['level']])}"
    if values["sort"]:
        text += f"&{SORT_KEY}={_plus_quoted(values['sort'])}"
    return text


_STATE_FIELDS = frozenset(field.name for field in fields(ViewState))
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote_plus leaves as it is


def _plus_quoted(value: object) -> str:
    """`quote_plus(str(value))`, as urlencode writes a value."""
    text = str(value)
    return text if _UNQUOTED.fullmatch(text) else quote_plus(text)


def href(path: str, state: ViewState, **changes: Any) -> str:
    """A link to a page with the current state, optionally changed (e.g. another organisation)."""
    return path + query(state, **changes)


def goal_path(code: str) -> str:
    """The goal page's path."""
    return path(GOAL_PATTERN, code=code)


def activity_path(code: str) -> str:
    """The activity page's path."""
    return path(ACTIVITY_PATTERN, code=code)


def indicator_path(code: str) -> str:
    """The indicator page's path."""
    return path(INDICATOR_PATTERN, code=code)


def assessment_path(goal_code: str) -> str:
    """The assessment form's path for a goal."""
    return path(ASSESSMENT_PATTERN, code=goal_code)


def accuracy_path(indicator_code: str) -> str:
    """One indicator's forecast page."""
    return path(INDICATOR_ACCURACY_PATTERN, code=indicator_code)


def presentation_href(state: ViewState, number: int, only: Only | None = None) -> str:
    """The projector view of the deviating goal at a position (from 1) among those the filters
    keep."""
    return _with(
        href(PRESENTATION_PATH, state), only_query(only or Only()) | {NUMBER_KEY: str(number)}
    )


def number_from(search: str | None) -> int:
    """The presentation position in a query string; 1 when absent or not a positive number."""
    return _positive(search, NUMBER_KEY, 1)


def shown_href(path: str, state: ViewState, shown: int, anchor: str = "") -> str:
    """A page listing the first `shown` rows of its long lists, scrolled to `anchor` if given."""
    return f"{href(path, state)}&{SHOWN_KEY}={shown}" + (f"#{anchor}" if anchor else "")


def shown_from(search: str | None, step: int = SHOWN_STEP) -> int:
    """How many rows of a long list to show; the list's first `step` when absent or not a
    positive number."""
    return _positive(search, SHOWN_KEY, step)


def asked_for_more(shown: int | None) -> bool:
    """Whether the reader asked a long list for more than its first SHOWN_STEP rows (`visa`): a
    table closed until opened is then drawn open, so "show more" keeps it in view."""
    return shown is not None and shown > SHOWN_STEP


def _positive(search: str | None, key: str, default: int) -> int:
    return whole_number(query_values(search).get(key), 6) or default


def only_from(search: str | None) -> Only:
    """Avvikelser's filters in a query string; an unknown or missing value filters nothing."""
    query = query_values(search)

    kind = query.get(KIND_FILTER_KEY)
    return Only(
        status=_member(STATUS_VALUES, query.get(STATUS_FILTER_KEY)),
        level=_member(LEVEL_KEYS, query.get(GOAL_LEVEL_FILTER_KEY)),
        kinds=KIND_VALUES.get(kind, ()) if kind else (),
        rosier=query.get(ROSIER_KEY) == ONLY_YES,
        new=query.get(NEW_KEY) == ONLY_YES,
        within=plain_text(query.get(WITHIN_KEY), MAX_CODE_LENGTH),
    )


def indicator_status_from(search: str | None) -> Status | None:
    """The Målsida's indicator status filter; None when absent or unknown."""
    return _member(STATUS_VALUES, query_values(search).get(INDICATOR_STATUS_KEY))


def status_from(search: str | None) -> Status | None:
    """A page's status filter (STATUS_FILTER_KEY); None when absent or unknown."""
    return _member(STATUS_VALUES, query_values(search).get(STATUS_FILTER_KEY))


def goal_indicators_href(code: str, state: ViewState, status: Status | None) -> str:
    """The Målsida at its indicator table, filtered to one status (None: all)."""
    params = {INDICATOR_STATUS_KEY: STATUS_VALUES[status]} if status else {}
    return _with(href(goal_path(code), state), params) + f"#{INDICATORS_ANCHOR}"


def accuracy_href(state: ViewState, status: Status | None, anchor: str) -> str:
    """Prognoser at a section, its indicators met without an outcome filtered to one status
    (None: all)."""
    params = {STATUS_FILTER_KEY: STATUS_VALUES[status]} if status else {}
    return _with(href(ACCURACY_PATH, state), params) + f"#{anchor}"


def _member(values: Mapping[T, str], text: str | None) -> T | None:
    return next((member for member, written in values.items() if written == text), None)


def only_query(only: Only) -> dict[str, str]:
    """The query keys of Avvikelser's filters, only those that filter."""
    kind = next((text for text, kinds in KIND_VALUES.items() if kinds == only.kinds), None)
    params = {
        STATUS_FILTER_KEY: STATUS_VALUES[only.status] if only.status else None,
        GOAL_LEVEL_FILTER_KEY: LEVEL_KEYS[only.level] if only.level else None,
        KIND_FILTER_KEY: kind,
        ROSIER_KEY: ONLY_YES if only.rosier else None,
        NEW_KEY: ONLY_YES if only.new else None,
        WITHIN_KEY: only.within,
    }
    return {key: value for key, value in params.items() if value}


def deviations_href(
    state: ViewState, only: Only | None = None, shown: int | None = None, **changes: Any
) -> str:
    """Avvikelser for the state, filtered, listing the first `shown` goals; e.g. a status count
    on Översikt links to `deviations_href(state, Only(status=Status.NOT_MET))`."""
    params = only_query(only or Only()) | ({SHOWN_KEY: str(shown)} if shown else {})
    return _with(href(DEVIATIONS_PATH, state, **changes), params)


def _with(link: str, params: Mapping[str, str | int]) -> str:
    """A link (already with a query) with more query keys."""
    return f"{link}&{urlencode(params)}" if params else link


def download_href(report: str, file_format: str, state: ViewState, only: Only | None = None) -> str:
    """A file download of a report for the state's organisation, year and period; the meeting
    view's download keeps only the goals the filters keep."""
    return _with(
        href(path(DOWNLOAD_PATTERN, name=f"{report}.{file_format}"), state),
        only_query(only or Only()),
    )


def template_href(name: str) -> str:
    """An upload template's download."""
    return path(TEMPLATE_PATTERN, name=name)


def to_report_href(org_code: str | None) -> str:
    """Att rapportera for an organisation (None: the top of the tree), in the newest period."""
    return f"{TO_REPORT_PATH}?{urlencode({ORG_KEY: org_code})}" if org_code else TO_REPORT_PATH


def sign_in_href(next_path: str) -> str:
    """The sign-in form, leading back to `next_path` after."""
    return f"{SIGN_IN_PATH}?{NEXT_KEY}={quote(next_path, safe='')}"


def api_path(resource: str, csv: bool = False) -> str:
    """An API resource's path, e.g. "/api/v1/goals" or, as CSV, "/api/v1/goals.csv"."""
    return path(API_RESOURCE_PATTERN, name=resource + (API_CSV_SUFFIX if csv else ""))


# ---- reporting in the browser (issue 18) ------------------------------------------------------
REPORT_FORM_PATTERN = "/rapportera/<org_code>/<year>/<period>"


def report_form_href(org_code: str, year: int, period: str) -> str:
    """The report form of an organisation for a year and period."""
    return path(REPORT_FORM_PATTERN, org_code=org_code, year=str(year), period=period)


def prefilled_template_href(name: str, org_code: str, year: int, period: str) -> str:
    """An upload template prefilled with an organisation's rows for a year and period."""
    values = {ORG_KEY: org_code, YEAR_KEY: str(year), PERIOD_KEY: period}
    return f"{template_href(name)}?{urlencode(values)}"


ACCOUNTS_PATH = "/konton"  # administrators manage accounts (issue 18)


@dataclass(frozen=True)
class DetailsKey:
    """Which goal's details an Avvikelser row opens on: the page's view and the goal at its
    owner."""

    state: ViewState
    goal_code: str
    owner_code: str


# The fields of a details id (`details_key`), as a callback matches them.
DETAILS_FIELDS = (
    DETAILS_YEAR_KEY,
    DETAILS_PERIOD_KEY,
    DETAILS_ORG_KEY,
    DETAILS_GOAL_KEY,
    DETAILS_OWNER_KEY,
)


def details_key(state: ViewState, goal_code: str, owner_code: str) -> dict[str, Any]:
    """The fields of an Avvikelser row's id that name its details (the page's organisation,
    year and period, and the goal at its owner)."""
    return {
        DETAILS_YEAR_KEY: state.year,
        DETAILS_PERIOD_KEY: state.period,
        DETAILS_ORG_KEY: state.org_code,
        DETAILS_GOAL_KEY: goal_code,
        DETAILS_OWNER_KEY: owner_code,
    }


def details_from(key: Mapping[str, Any]) -> DetailsKey | None:
    """A row id's details key as the browser sent it; None when any field is missing or odd."""
    year = key.get(DETAILS_YEAR_KEY)
    period = plain_text(key.get(DETAILS_PERIOD_KEY), MAX_CODE_LENGTH)
    org, goal, owner = (
        plain_text(key.get(k), MAX_CODE_LENGTH)
        for k in (DETAILS_ORG_KEY, DETAILS_GOAL_KEY, DETAILS_OWNER_KEY)
    )
    if type(year) is not int or period is None or org is None or goal is None or owner is None:
        return None
    return DetailsKey(ViewState(year, period, org), goal, owner)


# Prognoser's tables drawn when opened (issue 20): the part and its rows, beside the view's keys.
PART_KEY, PART_SHOWN_KEY = "part", "shown"
PART_VALUES = {part: str(part) for part in AccuracyPart}


@dataclass(frozen=True)
class PartKey:
    """Which of Prognoser's tables a collapsed part opens on: the page's view, the table and how
    many of its rows."""

    state: ViewState
    part: AccuracyPart
    shown: int


# The fields of a Prognoser part's id (`part_key`), as its callback matches them.
PART_FIELDS = (DETAILS_YEAR_KEY, DETAILS_PERIOD_KEY, DETAILS_ORG_KEY, PART_KEY, PART_SHOWN_KEY)


def part_key(state: ViewState, part: AccuracyPart, shown: int) -> dict[str, Any]:
    """The fields of a Prognoser part's id that name its table (`state.org_code` set)."""
    return {
        DETAILS_YEAR_KEY: state.year,
        DETAILS_PERIOD_KEY: state.period,
        DETAILS_ORG_KEY: state.org_code,
        PART_KEY: str(part),
        PART_SHOWN_KEY: shown,
    }


def part_from(key: Mapping[str, Any]) -> PartKey | None:
    """A part id's key as the browser sent it; None when any field is missing or odd."""
    year, shown = key.get(DETAILS_YEAR_KEY), key.get(PART_SHOWN_KEY)
    period, org = (
        plain_text(key.get(k), MAX_CODE_LENGTH) for k in (DETAILS_PERIOD_KEY, DETAILS_ORG_KEY)
    )
    part = _member(PART_VALUES, key.get(PART_KEY))
    if type(year) is not int or type(shown) is not int or not 0 < shown < 10**6:
        return None
    if period is None or org is None or part is None:
        return None
    return PartKey(ViewState(year, period, org), part, shown)
