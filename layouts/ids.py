"""Every component id, declared once per page (never type a raw id string elsewhere)."""

from enum import StrEnum


class ShellIds(StrEnum):
    URL = "shell-url"
    CONTENT = "shell-content"


class FilterIds(StrEnum):
    YEAR = "filter-year"
    PERIOD = "filter-period"
    ORG = "filter-org"


class FollowupIds(StrEnum):
    NAV_OVERVIEW = "followup-nav-overview"
    NAV_DEVIATIONS = "followup-nav-deviations"
    NAV_ACCURACY = "followup-nav-accuracy"
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
    SAVED_BY = "assessment-saved-by"
    SAVE = "assessment-save"
    FEEDBACK = "assessment-feedback"
    HISTORY = "assessment-history"
    CURRENT = "assessment-current"


class UploadIds(StrEnum):
    UPLOADER = "upload-uploader"
    FILES = "upload-files"
    PENDING = "upload-pending"
    PREVIEW = "upload-preview"
    SAVE = "upload-save"
    RESULT = "upload-result"
    LOG = "upload-log"
    UNDO = "upload-undo"
