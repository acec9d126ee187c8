"""What a page handler gets: the store, the view state, the signed-in person and the path's
parameters.

Kept apart from the route table (callbacks/routes.py) so that page modules can name it while
the table imports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.access import Principal
from dashboard.domain.model import OrgUnit
from dashboard.settings import Settings
from dashboard.store import Store
from layouts.urls import ViewState


@dataclass(frozen=True)
class View:
    """The view state resolved against the store: the organisation named, or the top of the tree."""

    state: ViewState
    org: OrgUnit
    periods: list[tuple[int, str]]


@dataclass(frozen=True)
class PageRequest:
    store: Store
    settings: Settings
    user: Principal
    path: str  # the URL's path, e.g. "/mal/KF1.3"
    params: Mapping[str, str]  # the path's parameters, e.g. {"code": "KF1.3"} for /mal/<code>
    search: str | None  # the query string, for a page's own keys (the view state is in `view`)
    view: View | None  # None on a route declared with data=False

    @property
    def state(self) -> ViewState:
        """The year, period, organisation, level and sort of the URL."""
        return self._view().state

    @property
    def org(self) -> OrgUnit:
        """The organisation the page is about."""
        return self._view().org

    def _view(self) -> View:
        if self.view is None:
            raise LookupError("a route declared with data=False has no view state")
        return self.view
