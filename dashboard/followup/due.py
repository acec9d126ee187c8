"""What each organisation must report for a period, and what of it is done (issue 18).

One place for "due and done", read by "Att rapportera" (one organisation's list) and by the
progress page (shares per organisation). The rules, documented in docs/reporting.md:

- an **indicator** is due where the organisation has an årsmål for it in the year; its outcome
  is done when the total (T) row has an outcome, or says the value is protected or does not
  apply; its forecast likewise, except at helår (FY), where no forecast is asked for;
- an **activity** of the organisation is due when it runs in the year and has started by the
  period's end; done when it is followed up for the period;
- a **goal** is due for assessment when the organisation owns it (valid in the year) and, for a
  nämnd, when it is the KF goal one of its nämndmål breaks down; done when it is assessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.model import Indicator, OrgUnit, ValueStatus
from dashboard.domain.reporting import ReportingPeriod, ReportState, ReportStatus
from dashboard.followup.movement import previous_period
from dashboard.store import Store
from dashboard.store import reporting as stored

# A value status that answers for the value: nothing more is asked for.
_ANSWERED = {ValueStatus.SUPPRESSED.value, ValueStatus.NOT_APPLICABLE.value}


@dataclass(frozen=True)
class IndicatorDue:
    """One indicator's outcome and forecast, with what to set them beside."""

    indicator: Indicator
    target: float  # årsmål
    outcome: float | None
    forecast: float | None
    same_period_last_year: float | None
    last_period: float | None  # the outcome of the reported period before this one
    outcome_done: bool
    forecast_done: bool  # True when no forecast is asked for (helår)

    @property
    def done(self) -> bool:
        return self.outcome_done and self.forecast_done


@dataclass(frozen=True)
class TaskDue:
    """An activity's follow-up or a goal's assessment."""

    code: str
    title: str
    done: bool


@dataclass(frozen=True)
class OrgDue:
    """Everything one organisation must report for a period, and where its report stands."""

    org: OrgUnit
    year: int
    period: str
    deadline: dt.date | None
    indicators: tuple[IndicatorDue, ...]
    activities: tuple[TaskDue, ...]
    goals: tuple[TaskDue, ...]
    status: ReportStatus | None  # None: not marked ready
    today: dt.date

    @property
    def total(self) -> int:
        return len(self.indicators) + len(self.activities) + len(self.goals)

    @property
    def done(self) -> int:
        tasks = (*self.activities, *self.goals)
        return sum(i.done for i in self.indicators) + sum(t.done for t in tasks)

    @property
    def missing(self) -> int:
        return self.total - self.done

    @property
    def state(self) -> ReportState | None:
        return self.status.state if self.status else None

    @property
    def marked(self) -> bool:
        """Marked ready or approved: the organisation is through with the period."""
        return self.state in (ReportState.READY, ReportState.APPROVED)

    @property
    def overdue(self) -> bool:
        """Past the deadline and not marked ready."""
        return self.deadline is not None and self.today > self.deadline and not self.marked


def open_period(store: Store) -> ReportingPeriod | None:
    """The period open for reporting: the newest one an administrator set deadlines for."""
    periods = stored.reporting_periods(store.engine)
    return periods[-1] if periods else None


def due(
    store: Store,
    orgs: Sequence[OrgUnit],
    period: ReportingPeriod,
    today: dt.date,
    beside: bool = True,
) -> list[OrgDue]:
    """What each organisation must report for the period and what is done, in their order;
    `beside`: with last year's and the last period's values to set beside each (Att
    rapportera's form; the progress page, which counts the whole city, reads without them)."""
    ids = [org.id for org in orgs]
    year, name = period.year, period.period
    before = previous_period(store.reported_periods(), year, name) if beside else None
    pairs = [(year, name), *([(year - 1, name)] if beside else []), *([before] if before else [])]
    values = stored.totals(store.engine, ids, pairs)
    indicators: dict[int, list[IndicatorDue]] = defaultdict(list)
    for org_id, indicator, target in stored.targets(store.engine, ids, year):
        key = (indicator.id, org_id)
        outcome, forecast, status = values.get((*key, year, name), (None, None, ""))
        last_year = values.get((*key, year - 1, name), (None, None, ""))[0]
        last = values.get((*key, *before), (None, None, ""))[0] if before else None
        answered = status in _ANSWERED
        indicators[org_id].append(
            IndicatorDue(
                indicator,
                target,
                outcome,
                forecast,
                last_year,
                last,
                outcome is not None or answered,
                name == "FY" or forecast is not None or answered,
            )
        )
    activities = _tasks(stored.activities_due(store.engine, ids, year, name))
    goals = _tasks(stored.goals_due(store.engine, ids, year, name))
    states = stored.states(store.engine, ids, year, name)
    return [
        OrgDue(
            org,
            year,
            name,
            period.deadline(org.level),
            tuple(indicators[org.id]),
            activities[org.id],
            goals[org.id],
            states.get(org.id),
            today,
        )
        for org in orgs
    ]


def _tasks(rows: Sequence[tuple[int, str, str, bool]]) -> defaultdict[int, tuple[TaskDue, ...]]:
    found: defaultdict[int, tuple[TaskDue, ...]] = defaultdict(tuple)
    for org_id, code, title, done in rows:
        found[org_id] += (TaskDue(code, title, done),)
    return found
