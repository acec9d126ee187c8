"""The national comparison of one indicator: which Kolada year, Riket, the group's median, our
rank and quartile (docs/national.md). Pure functions over Kolada's values; no store.

Ranks are best first by the indicator's direction; tied values share the better rank. The
quartile is by percentile rank, so the best place is always in the first quartile and the
worst always in the fourth: p = (rank − 1) / (n − 1), quartile = min(4, ⌊4p⌋ + 1).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.domain.model import Direction
from dashboard.domain.national import RIKET, ReferenceValue

TOTAL = "T"


@dataclass(frozen=True)
class Place:
    """One municipality of the ranking: its value, rank (1 best) and quartile (1 best)."""

    municipality: str
    value: float
    rank: int
    quartile: int
    home: bool  # the municipality's own Kolada id


@dataclass(frozen=True)
class Comparison:
    """One KPI compared in one Kolada year, beside the year we follow up."""

    year: int | None  # the Kolada year compared; None: Kolada has nothing up to ours
    lags: bool  # Kolada's latest year is before ours
    riket: float | None
    group_median: float | None
    ranking: list[Place]  # the group (and we), best first; places without a value left out
    missing: list[str]  # group members without a value in the year
    home: Place | None
    riket_series: list[tuple[int, float]]
    median_series: list[tuple[int, float]]
    # gender → (ours, Riket's) in the compared year
    gender: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.ranking)


def compared_year(our_year: int, kolada_years: Iterable[int]) -> int | None:
    """The latest year Kolada has that is not after ours."""
    return max((year for year in kolada_years if year <= our_year), default=None)


def median(values: Sequence[float]) -> float | None:
    """The median; the mean of the middle two for an even count; None for no values."""
    return statistics.median(values) if values else None


def ranked(values: Mapping[str, float], direction: Direction) -> list[tuple[str, float, int]]:
    """(place, value, rank) best first; tied values share the better rank, then by id."""
    sign = -1 if direction is Direction.HIGHER else 1
    order = sorted(values.items(), key=lambda item: (sign * item[1], item[0]))
    result: list[tuple[str, float, int]] = []
    for index, (place, value) in enumerate(order):
        tied = result and result[-1][1] == value
        result.append((place, value, result[-1][2] if tied else index + 1))
    return result


def quartile(rank: int, count: int) -> int:
    """1 (best quarter) to 4 (worst) by percentile rank: first place 1, last place 4."""
    if count <= 1:
        return 1
    return min(4, (4 * (rank - 1)) // (count - 1) + 1)


def compare(
    values: Sequence[ReferenceValue],
    our_year: int,
    direction: Direction,
    *,
    home: str | None,
    group: Sequence[str],
    riket: str = RIKET,
) -> Comparison:
    """Our municipality beside Riket and the group in the latest Kolada year up to ours."""
    total: dict[str, dict[int, float]] = defaultdict(dict)
    by_gender: dict[tuple[str, str], float] = {}
    for v in values:
        if v.value is not None and v.gender == TOTAL:
            total[v.municipality][v.year] = v.value
    members = [*group, *([home] if home and home not in group else [])]
    years = {year for place in (riket, *members) for year in total.get(place, {})}
    year = compared_year(our_year, years)
    for v in values:
        if v.value is not None and v.year == year and v.gender != TOTAL:
            by_gender[v.municipality, v.gender] = v.value
    in_year = {m: total[m][year] for m in members if year is not None and year in total[m]}
    places = [
        Place(place, value, rank, quartile(rank, len(in_year)), place == home)
        for place, value, rank in ranked(in_year, direction)
    ]
    return Comparison(
        year=year,
        lags=year is not None and year < our_year,
        riket=total.get(riket, {}).get(year) if year is not None else None,
        group_median=median([in_year[m] for m in group if m in in_year]),
        ranking=places,
        missing=[m for m in members if m not in in_year],
        home=next((place for place in places if place.home), None),
        riket_series=sorted(total.get(riket, {}).items()),
        median_series=_medians(total, group),
        gender={
            gender: (by_gender.get((home or "", gender)), by_gender.get((riket, gender)))
            for gender in ("K", "M")
            if (home or "", gender) in by_gender or (riket, gender) in by_gender
        },
    )


def _medians(
    total: Mapping[str, Mapping[int, float]], group: Sequence[str]
) -> list[tuple[int, float]]:
    """The group's median in each year any member has a value."""
    by_year: dict[int, list[float]] = defaultdict(list)
    for member in group:
        for year, value in total.get(member, {}).items():
            by_year[year].append(value)
    return [(year, statistics.median(by_year[year])) for year in sorted(by_year)]
