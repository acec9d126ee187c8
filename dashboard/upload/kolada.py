"""Kolada's values as outcome rows: each KPI of the indicators that carry it, each place its unit.

A Kolada file (CSV or the API's JSON) names a KPI and a municipality or unit id. The
indicators with that KPI (or the code itself) and the Kolada mapping (or the code itself)
turn each value into a measurement of period FY. Every row is also kept as a comparison
value (issue 19), so a row of Riket, another municipality or a KPI no indicator carries yet
is no problem: the preview says how many rows are only comparison values.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from dashboard.store import upload_rows
from dashboard.store.upload_rows import TABLES
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_text import spaced
from dashboard.upload.known_codes import KnownCodes
from dashboard.upload.parsed_file import ParsedFile, is_valid
from dashboard.upload.row_checks import check_duplicates

MEASUREMENT_FIELDS = (
    "indicator_code",
    "org_code",
    "year",
    "period",
    "gender",
    "outcome",
    "value_status",
)
KOLADA_FIELDS = ("kpi", "kolada_id", "year", "gender", "outcome", "value_status")


def kolada_orgs(codes: KnownCodes) -> dict[str, str]:
    """Kolada id → organisation code, from the database and this upload's Kolada mapping."""
    mapping = upload_rows.kolada_org_codes(codes.conn)
    for parsed in codes.files_of("kolada_orgs"):
        mapping |= dict(zip(parsed.columns["kolada_id"], parsed.columns["org_code"]))
    return mapping


def kolada_kpis(codes: KnownCodes) -> dict[str, list[str]]:
    """Kolada KPI id → the codes of the indicators that carry it."""
    kpi_of = upload_rows.kolada_kpis(codes.conn)
    for parsed in codes.files_of("indicators"):
        if "kolada_kpi" in parsed.columns:
            kpi_of |= dict(zip(parsed.columns["code"], parsed.columns["kolada_kpi"]))
    indicators: dict[str, list[str]] = defaultdict(list)
    for code, kpi in sorted(kpi_of.items()):
        if is_valid(code, kpi):
            indicators[kpi].append(code)
    return indicators


def kolada_as_measurements(kolada: ParsedFile, codes: KnownCodes) -> ParsedFile:
    """A Kolada file's values as outcome rows (period FY) of the mapped indicators and units."""
    headers = {"indicator_code": kolada.header("kpi"), "org_code": kolada.header("kolada_id")}
    headers |= {name: kolada.header(name) for name in ("year", "gender", "outcome")}
    result = replace(
        kolada,
        layout=MEASUREMENTS,
        rows=[],
        headers=headers,
        columns={name: [] for name in MEASUREMENT_FIELDS},
        problems=list(kolada.problems),
    )
    orgs, kpis = kolada_orgs(codes), kolada_kpis(codes)
    known_orgs = codes.known(TABLES["org_units"].table)
    known_indicators = codes.known(TABLES["indicators"].table)
    source = [kolada.columns[name] for name in KOLADA_FIELDS]
    only_reference = 0
    for index, (kpi, place, year, gender, outcome, status) in enumerate(zip(*source)):
        indicators = kpis.get(kpi) or ([kpi] if kpi in known_indicators else [])
        org = orgs.get(place) or (place if place in known_orgs else None)
        only_reference += not (indicators and org)
        for indicator in indicators if org else ():
            result.rows.append(kolada.rows[index])
            row = (indicator, org, year, "FY", gender, outcome, status)
            for column, value in zip(result.columns.values(), row):
                column.append(value)
    if only_reference:
        kolada.notes.append(
            f"Rader som sparas som jämförelsevärden men inte som utfall: {spaced(only_reference)}. "
            "Kommunen eller enheten är inte kopplad till en organisation (t.ex. Riket), eller "
            "ingen indikator har nyckeltalet."
        )
    check_duplicates(result)
    return result
