"""How each kind of cell is read from text and written back: codes, numbers, years, choices.

Parsed values are what the database stores (enum values, not labels). A value type raises
BadCell with the reason a cell is refused, as a code; `expected` says what would do, for the
problem shown to the user (dashboard/upload/problems.py, BAD_VALUE).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dashboard.domain.model import (
    PERIOD_END_MONTH,
    ActivityStatus,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Status,
    ValueStatus,
)
from dashboard.upload.problems import BadCell, Phrase

YEARS = (1950, 2100)


def normalise(text: str) -> str:
    """Fold a header or label so that case, spaces, "_" and "-" do not matter."""
    return " ".join(re.split(r"[\s_\-]+", text.replace("\ufeff", "").strip().casefold())).strip()


def is_plain(text: str) -> bool:
    """Whether a number is written as Excel writes one: ASCII, no "_".

    Python's int() and float() also read "2_027" and full-width or Arabic-Indic digits, which
    would let a typo or a pasted foreign text pass as a number (issue 16, finding 19)."""
    return text.isascii() and "_" not in text


def are_plain(texts: list[str]) -> bool:
    """`is_plain` for a whole column, at C speed."""
    return all(map(str.isascii, texts)) and "_" not in "".join(texts)


# ---- value types ----------------------------------------------------------------------------


class ValueType:
    """How one kind of cell is read from text and written back; `expected` is for messages."""

    expected = ""

    def parse(self, text: str) -> Any:
        """The value of a stripped, non-empty cell; BadCell (why, as a code) if invalid."""
        return text

    def parse_many(self, texts: list[str]) -> list[Any]:
        """`parse` for a whole column of non-empty cells, fast; ValueError if any is invalid.

        Unlike `parse` it gets the cells as they are, spaces around them included.
        """
        return [self.parse(text.strip()) for text in texts]

    def format(self, value: Any) -> str:
        """The cell text for a value, as Swedish Excel would write it."""
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Text(ValueType):
    max_length: int = 10_000
    expected: str = "text"

    def parse(self, text: str) -> str:
        if len(text) > self.max_length:
            raise BadCell(Phrase.TOO_LONG, length=len(text), max_length=self.max_length)
        return text

    def parse_many(self, texts: list[str]) -> list[Any]:
        values = [text.strip() for text in texts]
        if not all(values) or (values and max(map(len, values)) > self.max_length):
            raise BadCell(Phrase.TOO_LONG)  # which cell and how long: `parse` tells
        return values


def code(max_length: int = 60) -> Text:
    """A business code such as "SKA-AO-01" or "N00945"."""
    return Text(max_length, f"en kod (högst {max_length} tecken)")


@dataclass(frozen=True)
class Integer(ValueType):
    low: int
    high: int
    expected: str = ""

    def parse(self, text: str) -> int:
        try:
            if not is_plain(text):
                raise ValueError
            value = int(text)
        except ValueError:
            raise BadCell(Phrase.NOT_INTEGER) from None
        if not self.low <= value <= self.high:
            raise BadCell(Phrase.OUT_OF_RANGE, low=self.low, high=self.high)
        return value

    def parse_many(self, texts: list[str]) -> list[Any]:
        if not are_plain(texts):
            raise BadCell(Phrase.NOT_INTEGER)
        values = list(map(int, texts))
        if values and not self.low <= min(values) <= max(values) <= self.high:
            raise BadCell(Phrase.OUT_OF_RANGE, low=self.low, high=self.high)
        return values


YEAR = Integer(*YEARS, expected=f"ett år mellan {YEARS[0]} och {YEARS[1]}, t.ex. 2026")

# Markers for a value that is not there, as Kolada, SCB and Excel users write them.
MARKERS = {
    "..": ValueStatus.MISSING.value,
    "…": ValueStatus.MISSING.value,
    "-": ValueStatus.MISSING.value,
    "–": ValueStatus.MISSING.value,
    "saknas": ValueStatus.MISSING.value,
    "null": ValueStatus.MISSING.value,
    "na": ValueStatus.MISSING.value,
    "n/a": ValueStatus.MISSING.value,
    ".": ValueStatus.NOT_APPLICABLE.value,
    "x": ValueStatus.SUPPRESSED.value,
}
_SPACED_NUMBER = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?", re.ASCII)
_SPACES = str.maketrans("", "", " \u00a0\u202f")


def parse_number(text: str) -> float:
    """A number written with decimal comma or point and spaces between thousands."""
    try:
        if not is_plain(text):
            raise ValueError
        value = float(text.replace(",", "."))  # the common case first: "86,5" or "86.5"
    except ValueError:
        value = _swedish_number(text)
    if not math.isfinite(value):
        raise BadCell(Phrase.NOT_FINITE)
    return value + 0.0  # -0.0 becomes 0.0, as the databases store it


def _swedish_number(text: str) -> float:
    text = text.replace("\u2212", "-").removesuffix("%").rstrip()
    if _SPACED_NUMBER.fullmatch(text):
        text = text.translate(_SPACES)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        if not is_plain(text):
            raise ValueError
        return float(text)
    except ValueError:
        raise BadCell(Phrase.NOT_NUMBER) from None


@dataclass(frozen=True)
class Number(ValueType):
    minimum: float | None = None
    expected: str = "ett tal, t.ex. 12,5 eller 1 234"

    def parse(self, text: str) -> float:
        value = parse_number(text)
        if self.minimum is not None and value <= self.minimum:
            raise BadCell(Phrase.NOT_GREATER, minimum=self.format(self.minimum))
        return value

    def parse_many(self, texts: list[str]) -> list[Any]:
        if not are_plain(texts):
            raise BadCell(Phrase.NOT_NUMBER)
        values = [float(text.replace(",", ".")) + 0.0 for text in texts]
        if not all(map(math.isfinite, values)) or (
            self.minimum is not None and values and min(values) <= self.minimum
        ):
            raise BadCell(Phrase.NOT_NUMBER)
        return values

    def format(self, value: float | None) -> str:
        return "" if value is None else repr(float(value)).replace(".", ",")


@dataclass(frozen=True)
class MeasuredValue(Number):
    """A measured value: a number, or a marker (".." saknas, "." ej tillämplig, "x" skyddad)."""

    expected: str = 'ett tal, t.ex. 12,5, eller ".." (saknas), "." (ej tillämplig), "x" (skyddad)'

    def parse(self, text: str) -> float | ValueStatus:  # type: ignore[override]  # a marker too
        marker = MARKERS.get(text.casefold())
        return ValueStatus(marker) if marker else parse_number(text)


@dataclass(frozen=True)
class Choice(ValueType):
    """One of a fixed set of values; `labels` maps each value to the label files are given."""

    labels: Mapping[Any, str]
    synonyms: Mapping[str, Any] = field(default_factory=dict)
    # set in __post_init__: label or value as written → value, and the same normalised
    _exact_values: dict[str, Any] = field(init=False, repr=False, compare=False)
    _accepted_values: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact: dict[str, Any] = {str(value): value for value in self.labels}
        exact |= {label: value for value, label in self.labels.items()}
        accepted = {normalise(word): value for word, value in (exact | dict(self.synonyms)).items()}
        object.__setattr__(self, "_exact_values", exact)  # the common case, without normalising
        object.__setattr__(self, "_accepted_values", accepted)

    @property
    def expected(self) -> str:  # type: ignore[override]  # worded from the labels
        return "ett av: " + ", ".join(self.labels.values())

    def parse(self, text: str) -> Any:
        if text in self._exact_values:
            return self._exact_values[text]
        try:
            return self._accepted_values[normalise(text)]
        except KeyError:
            raise BadCell(Phrase.UNKNOWN_VALUE) from None

    def parse_many(self, texts: list[str]) -> list[Any]:
        try:
            return [self._exact_values[text] for text in texts]
        except KeyError:
            return super().parse_many(texts)

    def format(self, value: Any) -> str:
        return "" if value is None else self.labels[value]


@dataclass(frozen=True)
class Date(ValueType):
    expected: str = "ett datum, t.ex. 2026-04-30"
    _pattern = re.compile(
        r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII
    )

    def parse(self, text: str) -> dt.date:
        match = self._pattern.fullmatch(text)
        if not match:
            raise BadCell(Phrase.NOT_DATE)
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            raise BadCell(Phrase.NO_SUCH_DATE) from None

    def format(self, value: dt.date | None) -> str:
        return "" if value is None else value.isoformat()


ORG_LEVEL = Choice(
    {
        OrgLevel.CITY.value: "stad",
        OrgLevel.COMMITTEE.value: "nämnd",
        OrgLevel.DEPARTMENT.value: "avdelning",
        OrgLevel.UNIT.value: "enhet",
    },
    {"förvaltning": 2, "kommun": 1, "city": 1, "committee": 2, "department": 3, "unit": 4},
)
GOAL_LEVEL = Choice(
    {
        GoalLevel.DIRECTION.value: "inriktningsmål",
        GoalLevel.COUNCIL.value: "KF-mål",
        GoalLevel.COMMITTEE.value: "nämndmål",
        GoalLevel.UNIT.value: "enhetsmål",
    },
    {
        "inriktning": 1,
        "kf": 2,
        "verksamhetsområdesmål": 2,
        "nämnd": 3,
        "enhet": 4,
        "åtagande": 4,
        "direction": 1,
        "council": 2,
        "committee": 3,
        "unit": 4,
    },
)
DIRECTION = Choice(
    {Direction.HIGHER.value: "högre är bättre", Direction.LOWER.value: "lägre är bättre"},
    {"högre": "higher", "lägre": "lower"},
)
BOOLEAN = Choice(
    {True: "ja", False: "nej"},
    {
        "j": True,
        "n": False,
        "1": True,
        "0": False,
        "sant": True,
        "falskt": False,
        "true": True,
        "false": False,
        "yes": True,
        "no": False,
    },
)
GENDER = Choice({Gender.TOTAL.value: "T", Gender.WOMEN.value: "K", Gender.MEN.value: "M"})
PERIOD = Choice({period: period for period in PERIOD_END_MONTH}, {"helår": "FY", "vb": "FY"})
ACTIVITY_STATUS = Choice(
    {
        ActivityStatus.DONE.value: "genomförd",
        ActivityStatus.ONGOING.value: "pågår",
        ActivityStatus.NOT_STARTED.value: "ej påbörjad",
        ActivityStatus.DELAYED.value: "försenad",
        ActivityStatus.CANCELLED.value: "inställd",
    },
)
ASSESSMENT = Choice(
    {
        Status.MET.value: "uppfyllt",
        Status.PARTLY_MET.value: "delvis uppfyllt",
        Status.NOT_MET.value: "ej uppfyllt",
        Status.NO_DATA.value: "uppgift saknas",
    },
)
VALUE_STATUS = Choice(
    {
        ValueStatus.OK.value: "ok",
        ValueStatus.MISSING.value: "saknas",
        ValueStatus.NOT_APPLICABLE.value: "ej tillämplig",
        ValueStatus.SUPPRESSED.value: "skyddad",
    },
    {"sekretess": "suppressed"},
)
