"""Each indicator's movement since the previous period, beside its goal's: the Målsida's
indicator table says which indicator is new, remains, got better or worse, or was resolved.

The same rule as the goal's (movement.py) on the indicator's own standing: its status, and
whether it deviates (deviations.indicator_items: below target, no value, met on a forecast
alone). The goal is matched in an earlier year by its code and the indicator by its code, as
Avvikelser matches goals. Kept briefs hold no indicators, so the goal's indicators are judged
once at the previous period: one goal at one organisation, without its activities and
assessments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from dashboard.domain.model import Goal, Status
from dashboard.followup import control_room
from dashboard.followup.control_room import IndicatorLine, JudgedIndicator
from dashboard.followup.deviations import indicator_items
from dashboard.followup.history import goals_by_code
from dashboard.followup.movement import Movement, Standing, movement, previous_period
from dashboard.store import Store


class IndicatorMove(NamedTuple):
    """An indicator's status at the previous period (None: not judged there) and its movement
    (None: it deviated neither then nor now)."""

    before: Status | None
    moved: Movement | None


def standing(judged: JudgedIndicator) -> Standing | None:
    """The indicator's standing; None when it is not counted at the organisation."""
    if not judged.result.applicable:
        return None
    return Standing(judged.result.status, bool(indicator_items([judged])))


def moves(
    store: Store, goal: Goal, org_id: int, year: int, period: str, lines: Sequence[IndicatorLine]
) -> dict[str, IndicatorMove]:
    """Each counted indicator's move since the previous period, by indicator code; empty when
    there is no previous period or the goal did not exist then."""
    previous = previous_period(store.reported_periods(), year, period)
    earlier = None if previous is None else goals_by_code(store, previous[0]).get(goal.code)
    if previous is None or earlier is None:
        return {}
    then = control_room.judged_indicators(store, [(earlier, org_id)], *previous)
    before = {j.fact.indicator.code: standing(j) for j in then[earlier.id, org_id]}
    found = {}
    for line in lines:
        now = standing(line.judged)
        if now is None:
            continue
        was = before.get(line.judged.fact.indicator.code)
        found[line.judged.fact.indicator.code] = IndicatorMove(
            was.status if was else None, movement(was, now)
        )
    return found
