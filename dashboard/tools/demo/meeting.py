"""The demo's åtgärder and förväntat resultat och arbetssätt, written after its files are loaded.

No file brings them (they are written in the app, at the meeting), so the demo writes them
through the one write path, in one transaction. Deterministic: for the city and each nämnd,
the first two of its own goals get the same pattern over the last three reported periods, so
every page and report of the latest period shows an åtgärd to follow up, one overdue, one
decided now, and ones done or closed that no longer appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dashboard.access import audit
from dashboard.domain.measures import ExpectedResult, MeasureStatus
from dashboard.domain.model import Goal, GoalLevel, OrgLevel, OrgUnit, period_end
from dashboard.store import Store
from dashboard.store import measures as stored

# (text, responsible) of the demo's åtgärder, used in turn.
MEASURES = (
    ("Se över bemanningen på kvällar och helger", "Anna Lind"),
    ("Inför uppföljningssamtal med alla nya brukare", "Erik Holm"),
    ("Ta fram en plan för kompetensutveckling", "Fatima Nilsson"),
    ("Utred orsakerna till de långa väntetiderna", "Johan Berg"),
    ("Starta samverkan med civilsamhället i området", "Sara Andersson"),
)
EXPECTED = (
    (
        "Fler brukare upplever att de får det stöd de behöver.",
        "Veckovisa avstämningar i arbetsgrupperna och uppföljning i ledningsgruppen varje månad.",
    ),
    (
        "Kortare väntetider och färre avbrutna insatser.",
        "Gemensamma rutiner för planering och uppföljning i alla enheter.",
    ),
)
# (goal index, periods back from the latest, status, days after the period's end it is due)
PATTERN = (
    (0, 1, MeasureStatus.PLANNED, 45),  # due before the latest period ends: overdue
    (0, 2, MeasureStatus.DONE, 60),  # done: no longer followed up
    (1, 1, MeasureStatus.ONGOING, 200),  # followed up, not yet due
    (1, 2, MeasureStatus.CLOSED, 90),  # closed without being carried out
    (1, 0, MeasureStatus.PLANNED, 90),  # decided at the latest period
)


def add_demo_measures(store: Store, actor: str) -> int:
    """Write the demo's åtgärder and förväntat resultat; how many åtgärder."""
    periods = store.reported_periods()
    root = store.root_org()
    if len(periods) < 3 or root is None:
        return 0
    year = periods[-1][0]
    owners = [root] + [o for o in store.org_units() if o.level is OrgLevel.COMMITTEE]
    rows, expected = [], []
    for owner in owners:
        goals = _own_goals(store, owner, year)
        for index, goal in enumerate(goals):
            text, way = EXPECTED[index % len(EXPECTED)]
            expected.append(ExpectedResult(goal.id, owner.id, year, text, way))
        for number, (goal_index, back, status, due_in) in enumerate(PATTERN):
            if goal_index >= len(goals):
                continue
            at_year, at_period = periods[-1 - back]
            changed = status is not MeasureStatus.PLANNED  # moved on from how it was recorded
            text, responsible = MEASURES[(number + owner.id) % len(MEASURES)]
            rows.append(
                {
                    "goal_id": goals[goal_index].id,
                    "org_id": owner.id,
                    "year": at_year,
                    "period": at_period,
                    "text": text,
                    "responsible": responsible,
                    "due_date": period_end(at_year, at_period) + dt.timedelta(days=due_in),
                    "status": status.value,
                    "created_at": dt.datetime.now(dt.UTC),
                    "created_by": actor,
                    "status_changed_at": dt.datetime.now(dt.UTC) if changed else None,
                    "status_changed_by": actor if changed else None,
                }
            )
    with store.writing(actor) as w:
        for row in rows:
            stored.add(w.conn, row)
        for item in expected:
            stored.put_expected(w.conn, item)
        w.audit(audit.MEASURE, root.code, f"demo: {len(rows)} åtgärder")
        w.results_ended()  # the demo was just loaded: nothing is kept worth keeping
    return len(rows)


def _own_goals(store: Store, owner: OrgUnit, year: int) -> Sequence[Goal]:
    """The first two goals the organisation owns: KF goals for the city, nämndmål for a nämnd."""
    level = GoalLevel.COUNCIL if owner.parent_id is None else GoalLevel.COMMITTEE
    return [g for g in store.goals(year, (level,)) if g.org_id == owner.id][:2]
