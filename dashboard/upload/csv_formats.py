"""The CSV layouts an upload may have: one per kind of record, plus Kolada's long form.

Each layout lists its columns with the Swedish header, the English (and other) aliases that
are accepted too, the value type and an example; docs/import.md documents the same tables
(tests/test_csv_import.py checks that every header is there). Field names are those of the
rows in `dashboard.domain.dataset`, and parsed values are what the database stores (enum values,
not labels), so records compare directly with the store's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.domain.model import ActivityStatus
from dashboard.upload.value_types import (
    ACTIVITY_STATUS,
    ASSESSMENT,
    BOOLEAN,
    DIRECTION,
    GENDER,
    GOAL_LEVEL,
    ORG_LEVEL,
    PERIOD,
    VALUE_STATUS,
    YEAR,
    Date,
    Integer,
    MeasuredValue,
    Number,
    Text,
    ValueType,
    code,
)

# ---- layouts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a layout. Required columns must be there and have a value in every row."""

    field: str
    header: str
    aliases: tuple[str, ...]
    type: ValueType
    example: str
    required: bool = False
    default: Any = None  # for empty cells, and for new rows when the column is left out

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class Layout:
    """The columns of one kind of file and the business key that identifies its rows."""

    kind: str  # stored in upload.kind
    label: str  # Swedish, for people
    file_name: str  # name of the exported file and template
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    needs_one_of: tuple[str, ...] = ()  # at least one of these optional columns must be there

    def column(self, field_name: str) -> Column:
        """The column of a field."""
        return next(column for column in self.columns if column.field == field_name)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(column.field for column in self.columns)


def _organisation(field_name: str = "org_code") -> Column:
    return Column(
        field_name,
        "organisation",
        ("org", "org_code", "organisationskod"),
        code(),
        "SKA-AO",
        required=True,
    )


def _indicator() -> Column:
    return Column(
        "indicator_code",
        "indikator",
        ("indicator", "indicator_code", "indikatorkod"),
        code(),
        "KF11",
        required=True,
    )


def _goal() -> Column:
    return Column(
        "goal_code", "mål", ("goal", "goal_code", "målkod"), code(), "KF1.5", required=True
    )


def _year() -> Column:
    return Column("year", "år", ("year",), YEAR, "2026", required=True)


def _period() -> Column:
    return Column("period", "period", (), PERIOD, "T1", required=True)


ORG_UNITS = Layout(
    "org_units",
    "Organisationsenheter",
    "organisation.csv",
    (
        Column("code", "kod", ("code", "organisationskod"), code(), "SKA-AO-01", required=True),
        Column(
            "name", "namn", ("name", "benämning"), Text(300), "Hemtjänst Skarpnäck", required=True
        ),
        Column("level", "nivå", ("level",), ORG_LEVEL, "enhet", required=True),
        Column(
            "parent_code",
            "överordnad",
            ("parent", "parent_code", "överordnad enhet"),
            code(),
            "SKA-AO",
        ),
    ),
    key=("code",),
)

GOALS = Layout(
    "goals",
    "Mål",
    "mal.csv",
    (
        Column("code", "kod", ("code", "målkod"), code(), "SKA-1.5.1", required=True),
        Column(
            "title",
            "titel",
            ("title", "måltext"),
            Text(),
            "Förbättrad uppföljningsdialog med de anhöriga",
            required=True,
        ),
        Column("level", "nivå", ("level", "målnivå"), GOAL_LEVEL, "nämndmål", required=True),
        _organisation(),
        Column(
            "parent_code",
            "överordnat mål",
            ("parent", "parent_code", "överordnad"),
            code(),
            "KF1.5",
        ),
        Column(
            "valid_from", "giltigt från", ("valid_from", "från år"), YEAR, "2024", required=True
        ),
        Column("valid_to", "giltigt till", ("valid_to", "till år"), YEAR, "2027"),
        Column("description", "beskrivning", ("description",), Text(), "", default=""),
    ),
    key=("code",),
)

INDICATORS = Layout(
    "indicators",
    "Indikatorer",
    "indikatorer.csv",
    (
        Column("code", "kod", ("code", "indikatorkod"), code(), "KF11", required=True),
        Column("name", "namn", ("name", "benämning"), Text(), "Andel nöjda brukare", required=True),
        Column("unit", "måttenhet", ("unit", "enhet"), Text(40), "%", required=True),
        Column(
            "direction", "riktning", ("direction",), DIRECTION, "högre är bättre", required=True
        ),
        Column(
            "decimals", "decimaler", ("decimals",), Integer(0, 6, "ett heltal 0–6"), "1", default=1
        ),
        Column("level", "nivå", ("level",), GOAL_LEVEL, "KF-mål", required=True),
        Column("gender_split", "könsuppdelad", ("gender_split",), BOOLEAN, "ja", default=False),
        Column("kolada_kpi", "kolada-kpi", ("kolada_kpi", "kpi", "kolada id"), code(20), "N00945"),
    ),
    key=("code",),
)

GOAL_INDICATORS = Layout(
    "goal_indicators",
    "Indikatorer per mål",
    "malindikatorer.csv",
    (
        _goal(),
        _indicator(),
        Column(
            "weight",
            "vikt",
            ("weight",),
            Number(minimum=0.0, expected="ett tal större än 0, t.ex. 2"),
            "1",
            default=1.0,
        ),
    ),
    key=("goal_code", "indicator_code"),
)

TARGETS = Layout(
    "targets",
    "Årsmål",
    "arsmal.csv",
    (
        _indicator(),
        _organisation(),
        _year(),
        Column("target", "årsmål", ("target", "målvärde"), Number(), "85", required=True),
        Column(
            "partly_limit",
            "delvis uppfyllt från",
            ("partly_limit", "gräns delvis uppfyllt"),
            Number(),
            "80",
        ),
        Column(
            "council_target", "KF:s målvärde", ("council_target", "kf målvärde"), Number(), "85"
        ),
    ),
    key=("indicator_code", "org_code", "year"),
)

MEASUREMENTS = Layout(
    "measurements",
    "Utfall och prognoser",
    "utfall.csv",
    (
        _indicator(),
        _organisation(),
        _year(),
        _period(),
        Column("gender", "kön", ("gender",), GENDER, "T", default="T"),
        Column("outcome", "utfall", ("outcome", "periodens utfall"), MeasuredValue(), "86,5"),
        Column(
            "forecast",
            "prognos",
            ("forecast", "prognos helår", "helårsprognos"),
            MeasuredValue(),
            "88",
        ),
        Column("value_status", "värdestatus", ("value_status",), VALUE_STATUS, "ok"),
        Column("comment", "kommentar", ("comment",), Text(), "", default=""),
    ),
    key=("indicator_code", "org_code", "year", "period", "gender"),
    needs_one_of=("outcome", "forecast", "value_status", "comment"),
)

ACTIVITIES = Layout(
    "activities",
    "Aktiviteter",
    "aktiviteter.csv",
    (
        Column("code", "kod", ("code", "aktivitetskod"), code(), "SKA-1.5.1-A1", required=True),
        _goal(),
        _organisation(),
        Column("title", "titel", ("title", "benämning"), Text(), "Anhörigträffar", required=True),
        Column(
            "responsible",
            "ansvarig",
            ("responsible", "owner"),
            Text(200),
            "Enhetschef Anna Lind",
            required=True,
        ),
        Column(
            "start_date", "startdatum", ("start_date", "start"), Date(), "2026-01-15", required=True
        ),
        Column("end_date", "slutdatum", ("end_date", "slut"), Date(), "2026-06-30", required=True),
        Column(
            "status",
            "status",
            (),
            ACTIVITY_STATUS,
            "pågår",
            default=ActivityStatus.NOT_STARTED.value,
        ),
    ),
    key=("code",),
)

ACTIVITY_UPDATES = Layout(
    "activity_updates",
    "Aktivitetsuppföljning",
    "aktivitetsuppfoljning.csv",
    (
        Column(
            "activity_code",
            "aktivitet",
            ("activity", "activity_code", "aktivitetskod"),
            code(),
            "SKA-1.5.1-A1",
            required=True,
        ),
        _year(),
        _period(),
        Column("status", "status", (), ACTIVITY_STATUS, "försenad", required=True),
        Column(
            "comment",
            "kommentar",
            ("comment",),
            Text(),
            "Försenad på grund av vakanser.",
            default="",
        ),
    ),
    key=("activity_code", "year", "period"),
)

ASSESSMENTS = Layout(
    "assessments",
    "Målbedömningar",
    "malbedomningar.csv",
    (
        _goal(),
        _organisation(),
        _year(),
        _period(),
        Column(
            "status",
            "bedömning",
            ("status", "målbedömning"),
            ASSESSMENT,
            "delvis uppfyllt",
            required=True,
        ),
        Column(
            "is_forecast", "prognos", ("is_forecast", "är prognos"), BOOLEAN, "ja", default=False
        ),
        Column(
            "analysis", "analys", ("analysis",), Text(), "Fler svarande än förra året.", default=""
        ),
        Column(
            "measures", "åtgärder", ("measures",), Text(), "Anhörigträffar varje månad.", default=""
        ),
    ),
    key=("goal_code", "org_code", "year", "period"),
)

KOLADA_ORGS = Layout(
    "kolada_orgs",
    "Kolada-koppling",
    "kolada-koppling.csv",
    (
        Column(
            "kolada_id",
            "kolada-id",
            ("kolada_id", "municipality", "municipality_id", "ou", "ou_id", "kommunkod"),
            code(40),
            "0180",
            required=True,
        ),
        _organisation(),
    ),
    key=("kolada_id",),
)

KOLADA = Layout(
    "kolada",
    "Kolada-värden",
    "kolada.csv",
    (
        Column("kpi", "kpi", ("kpi_id", "nyckeltal"), code(20), "N00945", required=True),
        Column(
            "kolada_id",
            "municipality",
            ("municipality_id", "ou", "ou_id", "kommun", "kommunkod", "kolada-id"),
            code(40),
            "0180",
            required=True,
        ),
        Column("year", "period", ("year", "år"), YEAR, "2022", required=True),
        Column("gender", "gender", ("kön",), GENDER, "T", default="T"),
        Column("outcome", "value", ("värde",), MeasuredValue(), "81.2"),
        Column("value_status", "värdestatus", ("value_status",), VALUE_STATUS, "ok"),
    ),
    key=("kpi", "kolada_id", "year", "gender"),
    needs_one_of=("outcome",),
)


def _kolada_id(header: str = "kolada-id") -> Column:
    names = ("kolada_id", "municipality", "municipality_id", "kommun", "kommunkod", "id")
    aliases = tuple(alias for alias in (*names, "kolada-id") if alias != header)
    return Column("kolada_id", header, aliases, code(40), "0180", required=True)


KOLADA_KPIS = Layout(  # Kolada's kpi metadata; its JSON answer reads as the same columns
    "kolada_kpis",
    "Kolada-nyckeltal",
    "kolada-nyckeltal.csv",
    (
        Column("id", "id", ("kpi-id", "kpi_id"), code(20), "N00945", required=True),
        Column("title", "titel", ("title",), Text(), "Nöjda brukare, andel (%)", required=True),
        Column("description", "beskrivning", ("description", "definition"), Text(), "", default=""),
        Column("source", "källa", ("source",), Text(), "SCB", default=""),
        Column(
            "gender_split",
            "könsuppdelad",
            ("is_divided_by_gender", "gender_split"),
            BOOLEAN,
            "1",
            default=False,
        ),
        Column(
            "operating_area",
            "verksamhetsområde",
            ("operating_area",),
            Text(),
            "Äldreomsorg",
            default="",
        ),
    ),
    key=("id",),
)

KOLADA_MUNICIPALITIES = Layout(
    "kolada_municipalities",
    "Kolada-kommuner",
    "kolada-kommuner.csv",
    (
        _kolada_id("id"),
        Column("title", "namn", ("title", "name"), Text(200), "Stockholm", required=True),
        Column("type", "typ", ("type",), Text(2), "K", default=""),
    ),
    key=("kolada_id",),
)

COMPARISON_GROUPS = Layout(
    "comparison_groups",
    "Jämförelsegrupper",
    "jamforelsegrupper.csv",
    (
        Column(
            "name",
            "grupp",
            ("group", "jämförelsegrupp", "comparison_group"),
            Text(200),
            "Stockholms län",
            required=True,
        ),
        _kolada_id(),
    ),
    key=("name", "kolada_id"),
)

NATIONAL_SETTINGS = Layout(  # written by the page Jämförelser; a file so that a dump restores
    "national_settings",
    "Jämförelseinställningar",
    "jamforelseinstallningar.csv",
    (
        Column("name", "inställning", ("setting",), code(40), "home_kolada_id", required=True),
        Column("value", "värde", ("value",), Text(200), "0180", required=True),
    ),
    key=("name",),
)

# In the order their rows must be written: each refers only to layouts before it.
LAYOUTS = (
    ORG_UNITS,
    KOLADA_ORGS,
    KOLADA_KPIS,
    KOLADA_MUNICIPALITIES,
    COMPARISON_GROUPS,
    NATIONAL_SETTINGS,
    GOALS,
    INDICATORS,
    GOAL_INDICATORS,
    TARGETS,
    MEASUREMENTS,
    KOLADA,
    ACTIVITIES,
    ACTIVITY_UPDATES,
    ASSESSMENTS,
)
BY_KIND = {layout.kind: layout for layout in LAYOUTS}


def kind_label(kind: str | None) -> str:
    """The Swedish name of an upload's kind (an unknown kind as it is, none as nothing)."""
    if kind is None:
        return ""
    return BY_KIND[kind].label if kind in BY_KIND else kind
