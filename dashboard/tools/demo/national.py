"""The demo's national context (docs/national.md): Kolada-style files for the demo's Kolada-linked
indicators — made-up values for Riket, Stockholm (the demo's own id, "0180") and a handful of
Stockholms län municipalities, one year behind the demo — their KPI metadata, the places'
names and the group "Stockholms län", imported like any upload.

Stockholm's values are the demo city's own full-year outcomes, so the Indikatorsida's line and
Kolada's agree; every other number is made up from them with one `random.Random(seed)`.
"""

from __future__ import annotations

import random

from dashboard.access import operator
from dashboard.domain.dataset import Dataset
from dashboard.followup import national_admin
from dashboard.store import Store
from dashboard.tools.demo.tree_data import CITY
from dashboard.upload import change_sets
from dashboard.upload.csv_export import csv_bytes
from dashboard.upload.csv_formats import (
    COMPARISON_GROUPS,
    KOLADA,
    KOLADA_KPIS,
    KOLADA_MUNICIPALITIES,
)
from dashboard.upload.parsed_file import UploadFile

HOME = "0180"
GROUP = "Stockholms län"
PLACES = {  # Kolada id → name: Riket and some of Stockholms län
    "0000": ("Riket", "L"),
    "0114": ("Upplands Väsby", "K"),
    "0123": ("Järfälla", "K"),
    "0126": ("Huddinge", "K"),
    "0127": ("Botkyrka", "K"),
    "0160": ("Täby", "K"),
    "0180": ("Stockholm", "K"),
    "0182": ("Nacka", "K"),
    "0184": ("Solna", "K"),
}
DESCRIPTION = "Demodata: påhittade värden i Koladas form, för att visa jämförelsen. Källa: Demo."


def national_files(data: Dataset, seed: int = 2026) -> list[UploadFile]:
    """Kolada values, KPI metadata, municipality names and the comparison group as files."""
    rng = random.Random(seed)
    indicators = {i.code: i for i in data.indicators if i.kolada_kpi}
    last_year = max(m.year for m in data.measurements) - 1  # Kolada lags a year
    ours = {
        (m.indicator_code, m.year, m.gender): m.outcome
        for m in data.measurements
        if m.org_code == CITY[0] and m.period == "FY" and m.indicator_code in indicators
        if m.outcome is not None and m.year <= last_year
    }
    values = []
    for code, indicator in sorted(indicators.items()):
        offsets = {place: rng.uniform(-0.15, 0.15) for place in PLACES if place != HOME}
        for (indicator_code, year, gender), outcome in sorted(ours.items()):
            if indicator_code != code or outcome is None:
                continue
            values.append((indicator.kolada_kpi, HOME, year, gender.value, round(outcome, 1), "ok"))
            for place, offset in offsets.items():
                made_up = round(outcome * (1 + offset + rng.uniform(-0.02, 0.02)), 1)
                values.append((indicator.kolada_kpi, place, year, gender.value, made_up, "ok"))
    kpis = [
        (i.kolada_kpi, f"{i.name} (demo)", DESCRIPTION, "Demo", i.gender_split, "")
        for i in sorted(indicators.values(), key=lambda i: i.kolada_kpi or "")
    ]
    places = [(place, name, kind) for place, (name, kind) in PLACES.items()]
    group = [(GROUP, place) for place in PLACES if place != "0000"]
    return [
        UploadFile(layout.file_name, csv_bytes(layout, records))
        for layout, records in (
            (KOLADA_KPIS, kpis),
            (KOLADA_MUNICIPALITIES, places),
            (COMPARISON_GROUPS, group),
            (KOLADA, values),
        )
    ]


def add_national_demo(store: Store, data: Dataset, actor: str) -> dict[str, int]:
    """Import the demo's national context and set the demo's own Kolada id; rows per table."""
    saved = change_sets.commit(store, national_files(data), user_name=actor)
    national_admin.set_home(store, operator(actor), HOME)
    return {file.table: file.inserted + file.reference_rows for file in saved}
