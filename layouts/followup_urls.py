"""The follow-up pages' paths and links; the view state itself is `layouts.urls`.

Paths are Swedish, as people read and share them: /avvikelser, /presentation?nr=3,
/avvikelser?visa=50, /prognoser, /mal/<kod>/bedomning and /ladda-ned/<rapport>.<format>.
"""

from __future__ import annotations

from layouts import urls

DEVIATIONS_PATH = "/avvikelser"
PRESENTATION_PATH = "/presentation"
ACCURACY_PATH = "/prognoser"
ASSESSMENT_SEGMENT = "bedomning"
DOWNLOAD_PREFIX = "/ladda-ned"
NUMBER_KEY = "nr"  # the presentation's position, from 1
SHOWN_KEY = "visa"  # how many rows long lists show (Avvikelser's goals, Prognoser's tables)
SHOWN_STEP = 25  # listed at first, and added by each "show more"

DEVIATIONS_REPORT, TERTIAL_REPORT = "avvikelser", "tertialrapport"
REPORTS = (DEVIATIONS_REPORT, TERTIAL_REPORT)
FORMATS = ("xlsx", "pdf")


def presentation_href(state: urls.ViewState, number: int) -> str:
    """The projector view of the deviating goal at a position (from 1)."""
    return f"{urls.href(PRESENTATION_PATH, state)}&{NUMBER_KEY}={number}"


def number_from(search: str | None) -> int:
    """The presentation position in a query string; 1 when absent or not a positive number."""
    return _positive(search, NUMBER_KEY, 1)


def shown_href(path: str, state: urls.ViewState, shown: int, anchor: str = "") -> str:
    """A page listing the first `shown` rows of its long lists, scrolled to `anchor` if given."""
    return f"{urls.href(path, state)}&{SHOWN_KEY}={shown}" + (f"#{anchor}" if anchor else "")


def shown_from(search: str | None) -> int:
    """How many rows of a long list to show; SHOWN_STEP when absent or not a positive number."""
    return _positive(search, SHOWN_KEY, SHOWN_STEP)


def _positive(search: str | None, key: str, default: int) -> int:
    return urls.whole_number(urls.query_values(search).get(key), 6) or default


def assessment_path(goal_code: str) -> str:
    """The assessment form's path for a goal."""
    return f"{urls.goal_path(goal_code)}/{ASSESSMENT_SEGMENT}"


def download_href(report: str, file_format: str, state: urls.ViewState) -> str:
    """A file download of a report for the state's organisation, year and period."""
    return urls.href(f"{DOWNLOAD_PREFIX}/{report}.{file_format}", state)
