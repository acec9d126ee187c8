"""Since last period: a goal's movement, and which period is the previous one."""

import pytest

from dashboard.domain.model import Status
from dashboard.followup.movement import Movement, Standing, movement, previous_period

NOT_MET, PARTLY, NO_DATA, MET = Status.NOT_MET, Status.PARTLY_MET, Status.NO_DATA, Status.MET


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (None, Standing(NOT_MET, True), Movement.NEW),
        (Standing(MET, False), Standing(PARTLY, True), Movement.NEW),
        (Standing(PARTLY, True), Standing(PARTLY, True), Movement.REMAINS),
        (Standing(NOT_MET, True), Standing(PARTLY, True), Movement.IMPROVED),
        (Standing(MET, True), Standing(NOT_MET, True), Movement.WORSENED),
        (Standing(NO_DATA, True), Standing(NOT_MET, True), Movement.WORSENED),
        # a value gone missing is never an improvement (docs/followup.md's order)
        (Standing(PARTLY, True), Standing(NO_DATA, True), Movement.WORSENED),
        (Standing(NO_DATA, True), Standing(PARTLY, True), Movement.IMPROVED),
        (Standing(NOT_MET, True), Standing(MET, False), Movement.RESOLVED),
        (Standing(MET, False), Standing(MET, False), None),
        (None, Standing(MET, False), None),
    ],
)
def test_movement(before, now, expected):
    assert movement(before, now) is expected


TERTIALS = [(2025, "T1"), (2025, "T2"), (2025, "FY"), (2026, "T1"), (2026, "T2")]


@pytest.mark.parametrize(
    ("periods", "now", "expected"),
    [
        (TERTIALS, (2026, "T2"), (2026, "T1")),
        (TERTIALS, (2026, "T1"), (2025, "FY")),
        (TERTIALS, (2025, "FY"), (2025, "T2")),
        ([(2025, "T1"), (2025, "T2"), (2026, "T1")], (2026, "T1"), (2025, "T2")),
        (TERTIALS, (2025, "T1"), None),
        ([(2026, "M01"), (2026, "M02"), (2026, "T1")], (2026, "M02"), (2026, "M01")),
        ([(2026, "M03"), (2026, "T1"), (2026, "T2")], (2026, "T2"), (2026, "T1")),
    ],
)
def test_previous_period(periods, now, expected):
    assert previous_period(periods, *now) == expected
