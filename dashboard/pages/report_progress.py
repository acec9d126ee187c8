"""Rapportering's data: per nämnd, avdelning and enhet below an organisation, how far the open
period's reporting has come, who has not reported, and whom to remind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.access import Role, accounts
from dashboard.domain.model import OrgLevel, OrgUnit
from dashboard.domain.reporting import ReportingPeriod, ReportState
from dashboard.followup import due
from dashboard.followup.due import OrgDue
from dashboard.store import Store
from dashboard.store import reporting as stored

LEVELS = (OrgLevel.COMMITTEE, OrgLevel.DEPARTMENT, OrgLevel.UNIT)


@dataclass(frozen=True)
class LevelProgress:
    """Of the organisations of one level that have something to report: how many are where."""

    level: OrgLevel
    count: int
    reported: int  # everything due is entered
    ready: int  # marked ready or approved
    approved: int
    overdue: int


@dataclass(frozen=True)
class Reminder:
    """An organisation that has not marked its report ready, and its responsible editors."""

    org: OrgUnit
    missing: int
    editors: tuple[str, ...]  # "Name <address>" as the account has it


@dataclass(frozen=True)
class Progress:
    period: ReportingPeriod
    levels: list[LevelProgress]
    orgs: list[OrgDue]  # every organisation below with something to report, top down
    reminders: list[Reminder]

    @property
    def mail_list(self) -> str:
        """Every responsible editor once, ready to paste into a mail's address field."""
        return "; ".join(dict.fromkeys(e for r in self.reminders for e in r.editors))


def report_progress(store: Store, org: OrgUnit, today: dt.date) -> Progress | None:
    """Progress of the open period at and below the organisation; None when no period is open."""
    period = due.open_period(store)
    if period is None:
        return None
    below = stored.subtree_orgs(store.engine, org.id)
    orgs = [d for d in due.due(store, below, period, today, beside=False) if d.total]
    levels = [_level(level, [d for d in orgs if d.org.level is level]) for level in LEVELS]
    editors = _editors(store)
    reminders = [
        Reminder(d.org, d.missing, editors.get(d.org.code, ())) for d in orgs if not d.marked
    ]
    return Progress(period, [lp for lp in levels if lp.count], orgs, reminders)


def _level(level: OrgLevel, orgs: list[OrgDue]) -> LevelProgress:
    return LevelProgress(
        level,
        len(orgs),
        sum(d.missing == 0 for d in orgs),
        sum(d.marked for d in orgs),
        sum(d.state is ReportState.APPROVED for d in orgs),
        sum(d.overdue for d in orgs),
    )


def _editors(store: Store) -> dict[str, tuple[str, ...]]:
    """The editors responsible for each organisation: accounts whose scope names it."""
    found: dict[str, tuple[str, ...]] = {}
    for account in accounts.accounts(store):
        if account.role is not Role.EDITOR:
            continue
        for code in account.org_codes:
            found[code] = (*found.get(code, ()), f"{account.display_name} <{account.username}>")
    return found
