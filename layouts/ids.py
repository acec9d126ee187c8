"""Every component id, declared once per page (never type a raw id string elsewhere)."""

from enum import StrEnum


class ShellIds(StrEnum):
    URL = "shell-url"
    CONTENT = "shell-content"
    NAV_LINK = "shell-nav-link"  # a pattern-matching id's type: {"type": NAV_LINK, "index": path}


class FilterIds(StrEnum):
    YEAR = "filter-year"
    PERIOD = "filter-period"
    ORG = "filter-org"


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
