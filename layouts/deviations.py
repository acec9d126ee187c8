"""Avvikelser: the follow-up meeting's agenda — every goal that deviates, the most serious first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from dash import html

from dashboard.domain.model import OrgUnit
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.deviations import Deviation, DeviationKind, GoalDeviations, counts
from dashboard.followup.movement import Movement
from dashboard.pages.deviations import Deviations, Only, Since
from layouts import elements as el
from layouts import explanation, measures, texts, urls
from layouts.components import aria, basis_tag, data_table, empty_state, show_more, status_badge
from layouts.deviation_rows import goal_row
from layouts.explanation import format_number
from layouts.format import count
from layouts.overview import assessment_note, score
from layouts.urls import (
    DEVIATIONS_REPORT,
    FORMATS,
    KIND_VALUES,
    LEVEL_KEYS,
    REPORTS,
    STATUS_VALUES,
    assessment_path,
    details_key,
    deviations_href,
    download_href,
    presentation_href,
)

# The summary's groups of kinds, in reading order: the kind filter's groups.
SUMMARY_GROUPS = tuple(KIND_VALUES.values())
GOAL_KINDS = SUMMARY_GROUPS[0]


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar: html.Form,
    found: Deviations,
    only: Only,
    shown: int | None = None,
) -> html.Div:
    """The meeting view: intro, actions, filters, the summary of every goal the filters keep, then
    the first `shown` of them one line each, their details (with "Registrera bedömning" for
    those who may) drawn when opened."""
    period = texts.PERIOD_LABEL[state.period].lower()
    since = found.since
    return el.Div(
        [
            el.H1(texts.DEVIATIONS_HEADING.format(org=org.name)),
            filter_bar,
            el.P(
                texts.DEVIATIONS_INTRO.format(org=org.name, period=period, year=state.year),
                className="lead",
            ),
            actions(state, bool(found.found), only),
            filter_links(state, only, since, found.places),
            summary(counts(b.kinds for b in found.found), state, only),
            el.P(texts.DETAILS_HINT, className="muted") if found.found else None,
            el.Ol(
                [
                    el.Li(
                        goal_row(
                            b, since, details_key(state, b.goal.code, found.owners[b.org_id].code)
                        )
                    )
                    for b in found.found[:shown]
                ],
                className="deviation-list",
            )
            if found.found
            else empty_state(texts.FILTER_NO_MATCH if only != Only() else texts.NO_DEVIATIONS),
            show_more(
                texts.DEVIATIONS_SHOWN,
                shown,
                len(found.found),
                lambda more: deviations_href(state, only, more),
            ),
        ],
        className="deviations-page",
    )


def actions(state: urls.ViewState, has_deviations: bool, only: Only | None = None) -> html.Div:
    """Start the projector view, and download the meeting view and the tertial report; the
    presentation and the meeting view's files keep the goals the filters keep."""
    downloads = [
        el.A(
            texts.DOWNLOAD_LABEL[report, file_format],
            href=download_href(
                report, file_format, state, only if report == DEVIATIONS_REPORT else None
            ),
            className="btn btn-outline-primary btn-sm",
        )
        for report in REPORTS
        for file_format in FORMATS
    ]
    return el.Div(
        [
            el.Link(
                texts.START_PRESENTATION,
                href=presentation_href(state, 1, only),
                className="btn btn-primary",
            )
            if has_deviations
            else None,
            el.Div(
                [el.Span(texts.DOWNLOADS_LABEL, className="me-2"), *downloads],
                className="downloads",
            ),
        ],
        className="followup-actions",
    )


def filter_links(
    state: urls.ViewState,
    only: Only,
    since: Since,
    places: Sequence[tuple[OrgUnit, int]] = (),
) -> html.Nav:
    """The filters as rows of links (keyboard and back button work as on any link); the chosen
    one of each row is marked, and "Alla" clears that row."""

    def row(label: str, choices: Sequence[tuple[str, Only]]) -> html.Li:
        links = [
            el.Span(text, className="chosen", **aria(current="true"))
            if choice == only
            else el.Link(text, href=deviations_href(state, choice))
            for text, choice in choices
        ]
        return el.Li([el.Span(label, className="me-2"), *_spaced(links)])

    rows = [
        row(
            texts.FILTER_STATUS,
            [(texts.FILTER_ALL, replace(only, status=None))]
            + [(texts.STATUS_LABEL[s], replace(only, status=s)) for s in STATUS_VALUES],
        ),
        row(
            texts.FILTER_LEVEL,
            [(texts.FILTER_ALL, replace(only, level=None))]
            + [(texts.GOAL_LEVEL_LABEL[lvl], replace(only, level=lvl)) for lvl in LEVEL_KEYS],
        ),
        row(
            texts.FILTER_KIND,
            [(texts.FILTER_ALL, replace(only, kinds=()))]
            + [
                (texts.SUMMARY_GROUP_LABEL[i].capitalize(), replace(only, kinds=kinds))
                for i, kinds in enumerate(SUMMARY_GROUPS)
            ],
        ),
        row(
            texts.FILTER_ONLY,
            [
                (texts.FILTER_ALL, replace(only, rosier=False, new=False)),
                (texts.FILTER_ROSIER, replace(only, rosier=True, new=False)),
            ]
            + ([(texts.FILTER_NEW, replace(only, rosier=False, new=True))] if since.period else []),
        ),
    ]
    if places or only.within:  # the organisations below, each with how many goals lie within
        rows.append(
            row(
                texts.FILTER_WITHIN,
                [(texts.FILTER_ALL, replace(only, within=None))]
                + [
                    (
                        texts.PLACE_COUNT.format(org=org.name, count=n),
                        replace(only, within=org.code),
                    )
                    for org, n in places
                ],
            )
        )
    resolved = (
        el.P(
            [
                el.Span(texts.MOVEMENT_SYMBOL[Movement.RESOLVED], **aria(hidden="true")),
                " ",
                count(
                    texts.RESOLVED_SINCE,
                    since.resolved,
                    period=texts.PERIOD_LABEL[since.period[1]].lower(),
                    year=since.period[0],
                ),
            ],
            className="movement movement-resolved",
        )
        if since.period and since.resolved
        else None
    )
    return el.Nav(
        [el.Ul(rows, className="deviation-filters list-unstyled"), resolved],
        **aria(label=texts.DEVIATION_FILTERS_LABEL),
    )


def _spaced(links: Sequence[Any]) -> list[Any]:
    return [part for link in links for part in (link, " · ")][:-1]


def summary(
    totals: dict[DeviationKind, int], state: urls.ViewState | None = None, only: Only | None = None
) -> html.Div:
    """How many deviations of each kind: the first thing the meeting reads. On the page each
    count links to the goals it counts."""
    items = []
    for i, group in enumerate(SUMMARY_GROUPS):
        number = sum(totals[k] for k in group)
        counted: list[Any] = [
            el.Span(str(number), className="count"),
            " ",
            count(texts.SUMMARY_GROUP_COUNT[i], number),
        ]
        door = replace(only or Only(), kinds=group)
        items.append(
            el.Li(counted if state is None else el.Link(counted, href=deviations_href(state, door)))
        )
    return el.Div(
        [
            el.H2(texts.DEVIATION_SUMMARY_HEADING, className="visually-hidden"),
            el.Ul(items, className="summary"),
        ],
        className="summary-box",
    )


def goal_section(
    goal: GoalDeviations,
    state: urls.ViewState,
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
    since: Since | None,
    may_assess: Callable[[int], bool],
) -> html.Section:
    """One deviating goal: its status, movement and own assessment, then what deviates under
    it, and the way to assess it for those who may."""
    status = goal.status
    owner = orgs[status.org_id]
    goal_href = urls.href(urls.goal_path(status.goal.code), state, org_code=owner.code)
    return el.Section(
        [
            el.H2(el.Link(status.goal.title, href=goal_href), className="h5"),
            el.P(
                [
                    texts.GOAL_LEVEL_LABEL[status.goal.level],
                    " · ",
                    owner.name,
                    " · ",
                    texts.SEVERITY_LABEL[goal.severity],
                ],
                className="muted",
            ),
            el.Div(
                [
                    status_badge(status.result.status),
                    score(status.result),
                    basis_tag(status.result.basis),
                    moved(since, (status.goal.id, status.org_id)),
                ],
                className="status-line",
            ),
            assessment_note(status),
            justification_note(saves.get((status.goal.id, status.org_id))),
            deviation_list(goal, state, orgs),
            el.Link(
                texts.RECORD_ASSESSMENT,
                href=urls.href(assessment_path(status.goal.code), state, org_code=owner.code),
            )
            if may_assess(status.org_id)
            else None,
        ],
        className="deviation-details",
        **aria(label=status.goal.title),
    )


def moved(since: Since | None, key: tuple[int, int]) -> html.Span | None:
    """E.g. "▲ Förbättrad sedan T1 2026 (då: Ej uppfyllt)"; nothing when there is no earlier
    period."""
    movement = since.movements.get(key) if since else None
    if since is None or since.period is None or movement is None:
        return None
    year, period = since.period
    before = since.before.get(key)
    return el.Span(
        [
            el.Span(texts.MOVEMENT_SYMBOL[movement], **aria(hidden="true")),
            " ",
            texts.MOVEMENT_SINCE.format(
                movement=texts.MOVEMENT_LABEL[movement],
                period=texts.PERIOD_LABEL[period].lower(),
                year=year,
            ),
            texts.MOVEMENT_BEFORE.format(status=texts.STATUS_LABEL[before.status])
            if before and before.deviating
            else "",
        ],
        className=f"movement movement-{movement}",
    )


def justification_note(entry: AuditEntry | None) -> html.P | None:
    """The justification written for a rosier assessment, with who saved it."""
    if entry is None or not entry.justification:
        return None
    return el.P(
        texts.JUSTIFICATION_NOTE.format(text=entry.justification, name=entry.saved_by),
        className="justification",
    )


def deviation_list(
    goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit]
) -> html.Ul | html.P:
    """What deviates under the goal, one line each (a list keeps the long meeting page light to
    draw)."""
    rows = [
        deviation_row(item, goal, state, orgs) for item in goal.items if item.kind not in GOAL_KINDS
    ]
    if not rows:
        return el.P(texts.ONLY_GOAL_DEVIATES, className="muted")
    return el.Ul(
        [el.Li([el.Strong(kind), " ", what, ": ", note]) for kind, what, _, _, _, note in rows],
        className="deviation-items",
    )


def deviation_table(
    goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit], caption: str
) -> html.Div | html.P:
    """The indicators, activities and assessment that deviate, one row each."""
    rows = [
        deviation_row(item, goal, state, orgs) for item in goal.items if item.kind not in GOAL_KINDS
    ]
    if not rows:
        return el.P(texts.ONLY_GOAL_DEVIATES, className="muted")
    return data_table(caption, texts.DEVIATION_COLUMNS, rows, numeric=(3, 4))


def deviation_row(
    item: Deviation, goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit]
) -> tuple[Any, ...]:
    """(kind, what, status, value, target, note) for one deviation."""
    kind = texts.DEVIATION_KIND_LABEL[item.kind]
    org = orgs[goal.status.org_id]
    if item.indicator is not None:
        indicator, result = item.indicator.fact.indicator, item.indicator.result
        d, unit = indicator.decimals, indicator.unit
        return (
            kind,
            el.Link(
                indicator.name,
                href=urls.href(urls.indicator_path(indicator.code), state, org_code=org.code),
            ),
            el.Span([status_badge(result.status), " ", basis_tag(result.basis)]),
            format_number(result.value, d, unit),
            format_number(result.target, d, unit),
            " ".join(explanation.indicator_explanation(result, d, unit)),
        )
    if item.activity is not None:
        activity = item.activity
        return (
            kind,
            activity.title,
            texts.ACTIVITY_STATUS_LABEL[activity.status],
            texts.MISSING_VALUE,
            texts.MISSING_VALUE,
            texts.ACTIVITY_NOTE.format(
                end=activity.end_date.isoformat(),
                responsible=activity.responsible,
                comment=activity.comment or texts.MISSING_VALUE,
            ),
        )
    if item.measure is not None:
        return measures.deviation_row(kind, item.measure)
    status = goal.status
    return (
        kind,
        texts.OWN_ASSESSMENT_ITEM,
        status_badge(status.assessment.status) if status.assessment else texts.MISSING_VALUE,
        texts.MISSING_VALUE,
        texts.MISSING_VALUE,
        texts.ASSESSMENT_ITEM_NOTE.format(
            own=own_assessment(status), computed=texts.STATUS_LABEL[status.result.status]
        ),
    )


def own_assessment(status: GoalStatus) -> str:
    """The own assessment in words, e.g. "Uppfyllt (prognos)"; empty when none."""
    if status.assessment is None:
        return ""
    own = texts.STATUS_LABEL[status.assessment.status]
    return texts.ASSESSMENT_FORECAST.format(status=own) if status.assessment.is_forecast else own
