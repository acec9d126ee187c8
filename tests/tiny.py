"""A hand-made, tiny dataset whose every number a test can name."""

import datetime as dt

from dashboard.domain.dataset import (
    ActivityRow,
    ActivityUpdateRow,
    AssessmentRow,
    Dataset,
    GoalIndicatorRow,
    GoalRow,
    IndicatorRow,
    MeasurementRow,
    OrgRow,
    TargetRow,
)
from dashboard.domain.model import (
    ActivityStatus,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Status,
    ValueStatus,
)


def tiny_dataset() -> Dataset:
    """A city with two nämnder and one unit; one KF goal with three indicators, one also measured
    at the unit."""
    return Dataset(
        org_units=[
            OrgRow("STAD", "Staden", OrgLevel.CITY, None),
            OrgRow("N1", "Norra nämnden", OrgLevel.COMMITTEE, "STAD"),
            OrgRow("N1-E1", "Enheten", OrgLevel.UNIT, "N1"),
            OrgRow("N2", "Södra nämnden", OrgLevel.COMMITTEE, "STAD"),
        ],
        goals=[
            GoalRow("I1", "En stad för alla", GoalLevel.DIRECTION, "STAD", None, 2024),
            GoalRow("K1", "Äldre har hög livskvalitet", GoalLevel.COUNCIL, "STAD", "I1", 2024),
            GoalRow("K2", "Gammalt mål", GoalLevel.COUNCIL, "STAD", "I1", 2020, 2023),
        ],
        indicators=[
            IndicatorRow("NOJD", "Andel nöjda", "%", Direction.HIGHER, 1, GoalLevel.COUNCIL, True),
            IndicatorRow(
                "FALL", "Andel fallolyckor", "%", Direction.LOWER, 1, GoalLevel.COUNCIL, True
            ),
            IndicatorRow("KOST", "Kostnad", "kr", Direction.LOWER, 0, GoalLevel.COUNCIL, False),
        ],
        goal_indicators=[
            GoalIndicatorRow("K1", "NOJD", 2.0),
            GoalIndicatorRow("K1", "FALL"),
            GoalIndicatorRow("K1", "KOST"),
        ],
        targets=[
            TargetRow("NOJD", "STAD", 2025, 85.0),
            TargetRow("FALL", "STAD", 2025, 5.0, partly_limit=6.0),
            TargetRow("NOJD", "N1-E1", 2025, 85.0),
        ],
        measurements=[
            MeasurementRow("NOJD", "STAD", 2025, "T1", Gender.TOTAL, 86.0, 88.0),
            MeasurementRow("NOJD", "STAD", 2025, "T1", Gender.WOMEN, 87.0, None),
            MeasurementRow("NOJD", "STAD", 2025, "T1", Gender.MEN, 85.0, None),
            MeasurementRow("FALL", "STAD", 2025, "T1", Gender.TOTAL, None, 4.0),
            MeasurementRow("NOJD", "STAD", 2024, "FY", Gender.TOTAL, 84.0, None),
            MeasurementRow(
                "KOST", "STAD", 2025, "T1", Gender.TOTAL, None, None, ValueStatus.MISSING
            ),
            MeasurementRow("NOJD", "N1-E1", 2025, "T1", Gender.TOTAL, 70.0, None),
        ],
        activities=[
            ActivityRow(
                "A1",
                "K1",
                "N1-E1",
                "Anhörigträffar",
                "Enhetschef Anna Lind",
                dt.date(2025, 1, 1),
                dt.date(2025, 3, 31),
                ActivityStatus.ONGOING,
            ),
            ActivityRow(
                "A2",
                "K1",
                "N2",
                "Fallprevention",
                "Avdelningschef Per Ek",
                dt.date(2025, 1, 1),
                dt.date(2025, 12, 31),
                ActivityStatus.ONGOING,
            ),
        ],
        activity_updates=[
            ActivityUpdateRow("A1", 2025, "T1", ActivityStatus.ONGOING),
            ActivityUpdateRow("A2", 2025, "T1", ActivityStatus.ONGOING, "Startad i februari."),
            ActivityUpdateRow("A2", 2025, "T2", ActivityStatus.DONE, "Klar i augusti."),
        ],
        assessments=[
            AssessmentRow("K1", "STAD", 2025, "T1", Status.MET, True, "Går bra.", ""),
        ],
    )
