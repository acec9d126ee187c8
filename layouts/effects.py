"""A change's effect, drawn: each value old → new with names, and each goal's status before →
after. The upload page's preview and the report form show it alike (issue 18)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from dashboard.domain.model import Gender
from dashboard.upload.effects import Effect, GoalChange, ValueChange
from layouts import texts
from layouts.components import status_badge
from layouts.explanation import format_number

SHOWN = 50  # lines of each list; a bulk file's are summed up by the preview's counts


def effect_panel(effect: Effect) -> html.Section:
    """The values that change and what each goal's status does."""
    values = [html.Li(value_text(value)) for value in effect.values[:SHOWN]]
    goals = [html.Li(goal_line(goal)) for goal in effect.goals[:SHOWN]]
    return html.Section(
        [
            html.H3(texts.EFFECT_HEADING, className="h5"),
            html.H4(texts.EFFECT_VALUES_HEADING, className="h6"),
            html.Ul(values) if values else html.P(texts.EFFECT_NO_VALUES),
            html.H4(texts.EFFECT_GOALS_HEADING, className="h6"),
            _goals(effect, goals),
        ],
        className="change-effect",
    )


def _goals(effect: Effect, goals: list[html.Li]) -> html.Ul | dbc.Alert | html.P:
    if not effect.judged:
        return dbc.Alert(texts.EFFECT_NOT_JUDGED, color="info")
    return html.Ul(goals) if goals else html.P(texts.EFFECT_NO_GOALS)


def value_text(value: ValueChange) -> str:
    """E.g. "Andel nöjda (Enheten, Tertial 1 2025, utfall): 70 → 90 %"."""
    indicator = value.indicator
    name = indicator.name
    if value.gender != Gender.TOTAL.value:
        name += f", {texts.GENDER_LABEL[Gender(value.gender)].lower()}"
    place = texts.EFFECT_PLACE.format(
        org=value.org.name,
        period=texts.PERIOD_LABEL.get(value.period, value.period),
        year=value.year,
        field=texts.EFFECT_FIELD[value.field],
    )
    return texts.EFFECT_VALUE.format(
        indicator=name,
        place=place,
        before=format_number(value.before, indicator.decimals),
        after=format_number(value.after, indicator.decimals, indicator.unit),
    )


def goal_text(goal: GoalChange) -> str:
    """E.g. "K1 Äldre har hög livskvalitet (Enheten): Ej uppfyllt → Delvis uppfyllt"."""
    name = f"{goal.goal.code} {goal.goal.title}"
    if not goal.changed:
        return texts.EFFECT_GOAL_SAME.format(
            goal=name, org=goal.org.name, status=texts.STATUS_LABEL[goal.before]
        )
    return texts.EFFECT_GOAL.format(
        goal=name,
        org=goal.org.name,
        before=texts.STATUS_LABEL[goal.before],
        after=texts.STATUS_LABEL[goal.after],
    )


def goal_line(goal: GoalChange) -> list[str | Component]:
    """The goal's sentence, with the new status's badge when it changed."""
    return [goal_text(goal), " ", status_badge(goal.after)] if goal.changed else [goal_text(goal)]
