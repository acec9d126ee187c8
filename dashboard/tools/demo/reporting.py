"""The demo's reporting round (issue 18): T2 2026 open with a deadline per level, and a few
units in each state, so Att rapportera and Rapportering have something to show at once.

The enhetschef's own unit (SKA-FSK-01) is left unmarked: trying the demo, they mark it ready.
"""

from __future__ import annotations

import datetime as dt

from dashboard.access import operator
from dashboard.domain.model import OrgLevel
from dashboard.followup import reporting
from dashboard.store import Store

PERIOD = (2026, "T2")
DEADLINES = {
    OrgLevel.COMMITTEE: dt.date(2026, 9, 25),
    OrgLevel.DEPARTMENT: dt.date(2026, 9, 18),
    OrgLevel.UNIT: dt.date(2026, 9, 11),
}
READY = ("SKA-FSK-02", "SKA-AO-02", "KUN-FSK-01")
APPROVED = ("SKA-FSK-03", "SKA-AO-01", "SPT-FSK-01")
RETURNED = {"SKA-IFO-01": "Prognosen för helåret saknas; komplettera och klarmarkera igen."}


def add_demo_reporting(store: Store, actor: str) -> None:
    """Open T2 2026 and put the demo's units in their states, where those units exist."""
    if store.org("SKA-FSK-01") is None:  # not the demo municipality (the Stockholm scale)
        return
    admin = operator(actor)
    year, period = PERIOD
    reporting.set_deadlines(store, admin, year, period, DEADLINES)
    for code in (*READY, *APPROVED, *RETURNED):
        org = store.org(code)
        if org is None:
            continue
        reporting.mark_ready(store, admin, org, year, period)
        if code in APPROVED:
            reporting.approve(store, admin, org, year, period)
        elif code in RETURNED:
            reporting.send_back(store, admin, org, year, period, RETURNED[code])
