"""Every component id, declared once per page (never type a raw id string elsewhere)."""

from enum import StrEnum


class ShellIds(StrEnum):
    URL = "shell-url"
    CONTENT = "shell-content"
    NAV_LINK = "shell-nav-link"  # a pattern-matching id's type: {"type": NAV_LINK, "index": path}
    PAGE_TITLE = "shell-page-title"  # the drawn page's title, for the browser and the announcer
    ANNOUNCER = "shell-announcer"  # a polite live region that says each new page's title
    MENU = "shell-menu"  # what the menu button folds away on small screens


class FilterIds(StrEnum):
    YEAR = "filter-year"
    PERIOD = "filter-period"
    ORG = "filter-org"
    URL = "filter-url"  # the bar's own address: drawn with its inputs (callbacks/filters.py)


class FollowupIds(StrEnum):
    HEADING = "presentation-heading"
    PREVIOUS = "presentation-previous"
    NEXT = "presentation-next"
    END = "presentation-end"
    KEYS = "presentation-keys"


class AssessmentIds(StrEnum):
    KEY = "assessment-key"
    STATUS = "assessment-status"
    WARNING = "assessment-warning"
    JUSTIFICATION = "assessment-justification"
    JUSTIFICATION_GROUP = "assessment-justification-group"
    ANALYSIS = "assessment-analysis"
    MEASURES = "assessment-measures"
    EXPECTED_FOLLOWUP = "assessment-expected-followup"
    SAVE = "assessment-save"
    FEEDBACK = "assessment-feedback"
    HISTORY = "assessment-history"
    CURRENT = "assessment-current"


class UploadIds(StrEnum):
    FILES = "upload-files"
    PENDING = "upload-pending"
    PREVIEW = "upload-preview"
    SAVE = "upload-save"
    RESULT = "upload-result"
    LOG = "upload-log"
    UNDO = "upload-undo"


class AuditIds(StrEnum):
    USER = "audit-user"
    ACTION = "audit-action"
    SINCE = "audit-since"


class ActivityIds(StrEnum):
    KEY = "activity-key"
    STATUS = "activity-status"
    COMMENT = "activity-comment"
    SAVE = "activity-save"
    FEEDBACK = "activity-feedback"
    HISTORY = "activity-history"
    FACTS = "activity-facts"


class AccuracyIds(StrEnum):
    """The Prognoser page's sections, in order: anchors its own links jump to."""

    HOW_OFTEN = "traffsakerhet"
    FORECAST_ONLY = "utan-utfall"
    CONSISTENCY = "likvardighet"


class IndicatorAccuracyIds(StrEnum):
    """One indicator's forecasts (/prognoser/<kod>): the section its "show more" link jumps to."""

    BY_ORG = "per-organisation"


class MyAccountIds(StrEnum):
    """Mitt konto: the API token form, its feedback and the list of tokens."""

    TOKEN_NAME = "account-token-name"
    CREATE = "account-token-create"
    REVOKE = "account-token-revoke"  # pattern-matched: {"type": REVOKE, "index": token id}
    FEEDBACK = "account-token-feedback"
    TOKENS = "account-tokens"


class ReportFormIds(StrEnum):
    KEY = "report-form-key"
    OUTCOME = "report-form-outcome"  # pattern-matching: {"type": OUTCOME, "index": row key}
    FORECAST = "report-form-forecast"
    PREVIEW = "report-form-preview"
    SAVE = "report-form-save"
    RESULT = "report-form-result"
    TYPED = "report-form-typed"  # what was typed in parts no longer drawn
    PART = "report-form-part"  # pattern-matching: {"type": PART, "index": part number from 0}
    PART_SHOWN = "report-form-part-shown"
    ROWS = "report-form-rows"


class AccountIds(StrEnum):
    USERNAME = "accounts-username"
    DISPLAY_NAME = "accounts-display-name"
    ROLE = "accounts-role"
    ORGS = "accounts-orgs"
    PASSWORD = "accounts-password"
    ADD = "accounts-add"
    RESULT = "accounts-result"
    LIST = "accounts-list"
    ROW_ROLE = "accounts-row-role"  # pattern-matching: {"type": ROW_ROLE, "index": username}
    ROW_ORGS = "accounts-row-orgs"
    CHANGE = "accounts-change"
    RESET = "accounts-reset"
    REMOVE = "accounts-remove"


class ReportingIds(StrEnum):
    """Att rapportera's steps and Rapportering's deadline form (issue 18)."""

    KEY = "reporting-key"
    READY = "reporting-ready"
    READY_FEEDBACK = "reporting-ready-feedback"
    APPROVE = "reporting-approve"
    RETURN = "reporting-return"
    COMMENT = "reporting-comment"
    CONTROL_FEEDBACK = "reporting-control-feedback"
    DEADLINE_YEAR = "reporting-deadline-year"
    DEADLINE_PERIOD = "reporting-deadline-period"
    DEADLINE_COMMITTEE = "reporting-deadline-committee"
    DEADLINE_DEPARTMENT = "reporting-deadline-department"
    DEADLINE_UNIT = "reporting-deadline-unit"
    DEADLINE_SAVE = "reporting-deadline-save"
    DEADLINE_FEEDBACK = "reporting-deadline-feedback"
    MAIL_LIST = "reporting-mail-list"


class MeasureIds(StrEnum):
    """The Målsida's åtgärder and förväntat resultat (layouts/measures.py)."""

    KEY = "measure-key"
    LISTS = "measure-lists"
    TEXT = "measure-text"
    RESPONSIBLE = "measure-responsible"
    DUE = "measure-due"
    ADD = "measure-add"
    CHOICE = "measure-choice"
    STATUS = "measure-status"
    CHANGE = "measure-change"
    FEEDBACK = "measure-feedback"
    EXPECTED_RESULT = "measure-expected-result"
    WAY_OF_WORKING = "measure-way-of-working"
    EXPECTED_SAVE = "measure-expected-save"
    EXPECTED_FEEDBACK = "measure-expected-feedback"
    EXPECTED_SHOWN = "measure-expected-shown"


class NationalIds(StrEnum):
    """The administrator's page Jämförelser (layouts/national_admin.py)."""

    HOME = "national-home"
    HOME_SAVE = "national-home-save"
    HOME_FEEDBACK = "national-home-feedback"
    GROUP_NAME = "national-group-name"
    GROUP_MEMBERS = "national-group-members"
    GROUP_SAVE = "national-group-save"
    GROUP_CHOOSE = "national-group-choose"
    GROUP_FEEDBACK = "national-group-feedback"
    SEARCH = "national-search"
    SEARCH_GO = "national-search-go"
    SEARCH_RESULTS = "national-search-results"
    LINK_INDICATOR = "national-link-indicator"
    LINK_KPI = "national-link-kpi"
    LINK_SAVE = "national-link-save"
    LINK_FEEDBACK = "national-link-feedback"
    UNIT_ORG = "national-unit-org"
    UNIT_ID = "national-unit-id"
    UNIT_SAVE = "national-unit-save"
    UNIT_FEEDBACK = "national-unit-feedback"


class DeviationIds(StrEnum):
    """Avvikelser's rows: pattern-matching ids' types, {"type": ..., **urls.details_key(...)}."""

    LINE = "deviation-line"  # a row's one line (<summary>): its clicks open the details
    DETAILS = "deviation-details-body"  # where the row's details are drawn once opened


class AccuracyPartIds(StrEnum):
    """Prognoser's long tables, each drawn when opened: pattern-matching ids' types,
    {"type": ..., **urls.part_key(...)}."""

    LINE = "accuracy-part-line"  # a table's summary line (<summary>): its clicks open it
    BODY = "accuracy-part-body"  # where the table is drawn once opened


class GoalPartIds(StrEnum):
    """The Målsida's long table of child goals, drawn when opened: pattern-matching ids' types,
    {"type": ..., **urls.details_key(state, goal, org)}."""

    LINE = "goal-children-line"  # the table's summary line (<summary>): its clicks open it
    BODY = "goal-children-body"  # where the table is drawn once opened


class AccuracyPart(StrEnum):
    """Which of Prognoser's tables a collapsed part holds (the `part` field of its id)."""

    HOW_OFTEN = "hur-ofta"
    HOW_MUCH = "hur-mycket"
    INDICATORS = "indikatorer"
    FORECAST_ONLY = "endast-prognos"
    LEANS = "bedomningar"
    PAIRS = "par"
