"""Gaps between women and men: how large, in whose favour, and how they moved in a year.

"Resultat ska redovisas uppdelat på kvinnor och män" (DOMAIN.md): the page Kvinnor och män
lists, for an organisation and period, each gender-split indicator's gap women − men (K − M)
in the indicator's unit (procentenheter for shares), compared with the same period last year.
Pure rules on readings; docs/followup.md, "Kvinnor och män".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from dashboard.domain.model import Direction, Gender, Indicator, Measurement, ValueStatus
from dashboard.domain.national import ReferenceValue
from dashboard.domain.rules import exact, round_half_up


class Favours(StrEnum):
    """Whom a gap favours, by the indicator's direction: a higher share of satisfied women
    favours women; a higher share of women who fall favours men."""

    WOMEN = "women"
    MEN = "men"
    NEITHER = "neither"  # no gap at the indicator's decimals


class GapMove(StrEnum):
    """How the gap's size moved since the same period last year, whoever it favours."""

    WIDENED = "widened"
    NARROWED = "narrowed"
    UNCHANGED = "unchanged"  # the same size at the indicator's decimals
    UNKNOWN = "unknown"  # no gap now or then


@dataclass(frozen=True)
class GenderGap:
    """One indicator's values for women and men now and a year ago, and the gaps between them.

    `riket_gap` is Riket's gap for the indicator's Kolada KPI (`with_reference`), if known, from
    Kolada's year `riket_year`."""

    indicator: Indicator
    women: float | None
    men: float | None
    previous_women: float | None
    previous_men: float | None
    riket_gap: float | None = None
    riket_year: int | None = None

    @property
    def gap(self) -> float | None:
        """Women − men now, in the indicator's unit; None if either value is missing."""
        return difference(self.women, self.men)

    @property
    def previous_gap(self) -> float | None:
        """Women − men in the same period last year."""
        return difference(self.previous_women, self.previous_men)

    @property
    def favours(self) -> Favours | None:
        """Whom today's gap favours; None when there is no gap to judge."""
        return favours(self.gap, self.indicator)

    @property
    def previously_favoured(self) -> Favours | None:
        """Whom last year's gap favoured."""
        return favours(self.previous_gap, self.indicator)

    @property
    def widening(self) -> float | None:
        """How much larger the gap is than a year ago (|now| − |then|): negative if smaller."""
        if self.gap is None or self.previous_gap is None:
            return None
        return float(abs(exact(self.gap)) - abs(exact(self.previous_gap)))

    @property
    def move(self) -> GapMove:
        """Widened, narrowed or unchanged at the indicator's decimals."""
        if self.widening is None:
            return GapMove.UNKNOWN
        rounded = round_half_up(exact(self.widening), self.indicator.decimals)
        if rounded == 0:
            return GapMove.UNCHANGED
        return GapMove.WIDENED if rounded > 0 else GapMove.NARROWED


def difference(women: float | None, men: float | None) -> float | None:
    """Women − men in exact decimals (85,1 − 79,4 is 5,7, not 5,69999…); None if one is missing."""
    if women is None or men is None:
        return None
    return float(exact(women) - exact(men))


def favours(gap: float | None, indicator: Indicator) -> Favours | None:
    """Whom a gap women − men favours, by the indicator's direction."""
    if gap is None:
        return None
    if round_half_up(exact(gap), indicator.decimals) == 0:
        return Favours.NEITHER
    women_higher = gap > 0
    better_higher = indicator.direction is Direction.HIGHER
    return Favours.WOMEN if women_higher == better_higher else Favours.MEN


def gaps(
    readings: Iterable[tuple[Indicator, Measurement]], year: int, period: str
) -> list[GenderGap]:
    """Each indicator's gap in the period of `year` and of the year before, widest-growing first.

    Only outcomes count (a forecast is not a result), and only values with status ok."""
    indicators: dict[int, Indicator] = {}
    outcome: dict[tuple[int, int, Gender], float] = {}
    for indicator, measurement in readings:
        indicators[indicator.id] = indicator
        reading = measurement.reading
        if measurement.period != period or reading.value_status is not ValueStatus.OK:
            continue
        if reading.outcome is not None:
            outcome[(indicator.id, measurement.year, measurement.gender)] = reading.outcome
    found = [
        GenderGap(
            indicator,
            outcome.get((key, year, Gender.WOMEN)),
            outcome.get((key, year, Gender.MEN)),
            outcome.get((key, year - 1, Gender.WOMEN)),
            outcome.get((key, year - 1, Gender.MEN)),
        )
        for key, indicator in indicators.items()
    ]
    return widest_growing_first(found)


def widest_growing_first(found: Sequence[GenderGap]) -> list[GenderGap]:
    """Where the gap widened most first; then gaps without last year's, largest first; then the
    indicators without a gap; by code within each."""

    def key(gap: GenderGap) -> tuple[int, float, str]:
        if gap.widening is not None:
            return (0, -gap.widening, gap.indicator.code)
        if gap.gap is not None:
            return (1, -abs(gap.gap), gap.indicator.code)
        return (2, 0.0, gap.indicator.code)

    return sorted(found, key=key)


def reference_gaps(values: Iterable[ReferenceValue], year: int) -> dict[str, tuple[int, float]]:
    """Each KPI's gap K − M as (Kolada's year, gap): the latest year not after `year` that has
    both women and men, since Kolada lags our periods (docs/national.md, the year compared)."""
    by_year: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
    for v in values:
        if v.value is not None and v.year <= year and v.gender in (Gender.WOMEN, Gender.MEN):
            by_year[v.kpi, v.year][v.gender] = v.value
    found: dict[str, tuple[int, float]] = {}
    for (kpi, kolada_year), split in sorted(by_year.items()):
        gap = difference(split.get(Gender.WOMEN), split.get(Gender.MEN))
        if gap is not None:
            found[kpi] = (kolada_year, gap)  # sorted by year: the latest stays
    return found


def with_reference(
    found: Sequence[GenderGap], riket: Mapping[str, tuple[int, float]]
) -> list[GenderGap]:
    """The gaps with Riket's gap beside each whose indicator has a Kolada KPI that `riket` has."""
    return [
        replace(gap, riket_year=riket[kpi][0], riket_gap=riket[kpi][1])
        if (kpi := gap.indicator.kolada_kpi or "") in riket
        else gap
        for gap in found
    ]


def count_by_move(found: Iterable[GenderGap]) -> dict[GapMove, int]:
    """How many gaps widened, narrowed, stayed or cannot be compared."""
    counts: dict[GapMove, int] = defaultdict(int)
    for gap in found:
        counts[gap.move] += 1
    return {move: counts[move] for move in GapMove}
