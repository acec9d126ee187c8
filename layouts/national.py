"""The national comparison on the Indikatorsida: the KPI's definition, which year, Riket, the
group's median, the group ranked with our place and quartile (symbol and text, never colour
alone), and women and men beside Riket's (docs/national.md)."""

from __future__ import annotations

from dash import html

from dashboard.domain.model import Gender, Indicator
from dashboard.followup.national import Place
from dashboard.pages.national import NationalView
from layouts import figures, texts
from layouts.components import data_table
from layouts.explanation import format_number


def national_section(view: NationalView, indicator: Indicator, year: int) -> html.Section:
    """The section of an indicator with a Kolada KPI, followed up in `year`."""
    comparison = view.comparison
    parts: list[html.Div | html.P | html.Ul | None] = [_kpi(view)]
    if comparison.year is None:
        parts.append(html.P(texts.NATIONAL_NO_VALUES.format(year=year)))
        return html.Section([html.H2(texts.NATIONAL_HEADING), *parts], className="national")
    year_text = texts.NATIONAL_LAG if comparison.lags else texts.NATIONAL_YEAR
    parts.append(html.P(year_text.format(year=comparison.year), className="national-year"))
    parts.append(_summary(view, indicator))
    if comparison.ranking:
        parts.append(_ranking(view, indicator))
    if comparison.gender:
        parts.append(_gender(view, indicator))
    return html.Section([html.H2(texts.NATIONAL_HEADING), *parts], className="national")


NATIONAL_COLUMNS = (texts.RIKET_COLUMN, texts.QUARTILE_COLUMN)  # on the Målsida


def national_cells(view: NationalView | None, indicator: Indicator) -> tuple[str | html.Span, ...]:
    """The Målsida's cells: Riket's value (with Kolada's year) and our quartile."""
    if view is None or view.comparison.year is None:
        return (texts.MISSING_VALUE, "")
    comparison = view.comparison
    riket = format_number(comparison.riket, indicator.decimals, indicator.unit)
    return (
        texts.RIKET_CELL_YEAR.format(value=riket, year=comparison.year),
        quartile_text(comparison.home, short=True),
    )


def references(view: NationalView | None) -> list[figures.Reference]:
    """Riket and the group's median as the trend chart's reference lines."""
    if view is None:
        return []
    lines = [(texts.REFERENCE_RIKET, view.comparison.riket_series)]
    if view.group:
        lines.append(
            (texts.REFERENCE_MEDIAN.format(group=view.group), view.comparison.median_series)
        )
    return [(name, series) for name, series in lines if series]


def quartile_text(place: Place | None, short: bool = False) -> html.Span | str:
    """A quartile as symbol and words (and a class for its colour); "" without a place."""
    if place is None:
        return ""
    label = (texts.QUARTILE_SHORT if short else texts.QUARTILE_LABEL)[place.quartile]
    return html.Span(
        label,
        className=f"quartile quartile-{place.quartile}",
        title=texts.QUARTILE_LABEL[place.quartile],
    )


def _kpi(view: NationalView) -> html.Div:
    kpi = view.kpi
    if kpi is None:
        return html.Div(
            [
                html.P(texts.NATIONAL_KPI_UNKNOWN.format(kpi=view.kpi_id), className="kpi-title"),
                html.P(texts.NATIONAL_NO_METADATA),
            ]
        )
    return html.Div(
        [
            html.P(texts.NATIONAL_KPI.format(kpi=kpi.id, title=kpi.title), className="kpi-title"),
            html.P([html.Strong(texts.NATIONAL_DEFINITION), kpi.description])
            if kpi.description
            else None,
            html.P(texts.NATIONAL_SOURCE.format(source=kpi.source)) if kpi.source else None,
        ],
        className="kpi-metadata",
    )


def _summary(view: NationalView, indicator: Indicator) -> html.Ul:
    comparison, d, unit = view.comparison, indicator.decimals, indicator.unit
    items: list[str | html.Span] = []
    home, group = comparison.home, view.group or ""
    if view.home is None:
        items.append(texts.NATIONAL_NO_HOME)
    elif home is None:
        items.append(
            texts.NATIONAL_OURS_MISSING.format(home=view.name(view.home), year=comparison.year)
        )
    else:
        place = texts.NATIONAL_PLACE.format(rank=home.rank, count=comparison.count)
        items.append(
            html.Span(
                [
                    texts.NATIONAL_OURS.format(
                        home=view.name(home.municipality),
                        value=format_number(home.value, d, unit),
                        place=place,
                        group=group,
                    ),
                    " – ",
                    quartile_text(home),
                    ".",
                ]
            )
        )
    items.append(texts.NATIONAL_RIKET.format(value=format_number(comparison.riket, d, unit)))
    if view.group is None:
        items.append(texts.NATIONAL_NO_GROUP)
    else:
        median = format_number(comparison.group_median, d, unit)
        items.append(texts.NATIONAL_MEDIAN.format(group=group, value=median))
    return html.Ul([html.Li(item) for item in items], className="national-summary")


def _ranking(view: NationalView, indicator: Indicator) -> html.Div:
    comparison, group = view.comparison, view.group or ""
    rows = [
        (
            place.rank,
            html.Strong(view.name(place.municipality) + texts.RANKING_US)
            if place.home
            else view.name(place.municipality),
            format_number(place.value, indicator.decimals, indicator.unit),
            quartile_text(place),
        )
        for place in comparison.ranking
    ]
    missing = ", ".join(view.name(m) for m in comparison.missing)
    return html.Div(
        [
            html.H3(texts.RANKING_HEADING.format(group=group, year=comparison.year)),
            data_table(
                texts.RANKING_CAPTION.format(group=group, year=comparison.year),
                texts.RANKING_COLUMNS,
                rows,
                (0, 2),
            ),
            html.P(texts.RANKING_MISSING.format(year=comparison.year, places=missing))
            if missing
            else None,
        ]
    )


def _gender(view: NationalView, indicator: Indicator) -> html.Div:
    comparison, d, unit = view.comparison, indicator.decimals, indicator.unit
    home = view.name(view.home) if view.home else ""
    labels = {"K": texts.GENDER_LABEL[Gender.WOMEN], "M": texts.GENDER_LABEL[Gender.MEN]}
    rows = [
        (labels[gender], format_number(ours, d, unit), format_number(riket, d, unit))
        for gender, (ours, riket) in comparison.gender.items()
    ]
    return html.Div(
        [
            html.H3(texts.GENDER_NATIONAL_HEADING.format(year=comparison.year)),
            data_table(
                texts.GENDER_NATIONAL_CAPTION.format(year=comparison.year),
                (texts.GENDER_NATIONAL_FIRST, home, texts.RIKET_COLUMN),
                rows,
                (1, 2),
            ),
        ]
    )
