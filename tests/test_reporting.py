"""The reporting round (issue 18): what is due and done, deadlines, klarmarkera, approval, and a
change after marking that reopens the report, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.access import Principal, Role, audit, operator
from dashboard.domain.model import ActivityStatus, OrgLevel, Status
from dashboard.domain.reporting import ReportState
from dashboard.followup import activity_followups, assessments, control_room, due, reporting
from dashboard.followup.reporting import Refusal, ReportingRefused
from dashboard.store import reporting as stored
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from tests.tiny import tiny_dataset

ADMIN = operator("admin")
DAY = dt.date(2025, 5, 15)
DEADLINES = {OrgLevel.COMMITTEE: dt.date(2025, 5, 20), OrgLevel.UNIT: dt.date(2025, 5, 10)}


def editor(username: str, *codes: str, store) -> Principal:
    """An editor of these organisations (their paths read from the store)."""
    paths = tuple(store.org_path(store.org(code).id) for code in codes)
    return Principal(username, username, Role.EDITOR, codes, paths)


READER = Principal("politiker", "Politiker", Role.READER)


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    reporting.set_deadlines(empty_store, ADMIN, 2025, "T1", DEADLINES)
    return empty_store


def _due(store, *codes: str, today: dt.date = DAY) -> dict[str, due.OrgDue]:
    period = due.open_period(store)
    orgs = [store.org(code) for code in codes]
    return {item.org.code: item for item in due.due(store, orgs, period, today)}


def test_each_organisation_is_due_what_it_has_targets_activities_and_goals_for(tiny):
    found = _due(tiny, "STAD", "N1", "N1-E1", "N2")
    city = found["STAD"]
    assert [(i.indicator.code, i.outcome_done, i.forecast_done) for i in city.indicators] == [
        ("FALL", False, True),  # a forecast, no outcome yet
        ("NOJD", True, True),
    ]
    nojd = city.indicators[1]
    assert (nojd.target, nojd.outcome, nojd.last_period, nojd.same_period_last_year) == (
        85.0,
        86.0,
        84.0,  # helår 2024, the reported period before T1 2025
        None,
    )
    assert [(g.code, g.done) for g in city.goals] == [("I1", False), ("K1", True)]
    assert (city.total, city.done, city.missing) == (4, 2, 2)
    unit = found["N1-E1"]
    assert [(i.indicator.code, i.done) for i in unit.indicators] == [("NOJD", False)]
    assert [(a.code, a.done) for a in unit.activities] == [("A1", True)]
    assert found["N1"].total == 0  # nothing to report
    assert (found["N2"].total, found["N2"].done) == (1, 1)


def test_the_open_period_is_the_newest_with_deadlines_and_each_level_has_its_own(tiny):
    reporting.set_deadlines(tiny, ADMIN, 2024, "FY", {OrgLevel.UNIT: dt.date(2025, 2, 1)})
    period = due.open_period(tiny)
    assert (period.year, period.period) == (2025, "T1")
    assert period.deadline(OrgLevel.UNIT) == dt.date(2025, 5, 10)
    assert period.deadline(OrgLevel.DEPARTMENT) is None
    found = _due(tiny, "N1-E1", "N2")
    assert found["N1-E1"].overdue and not found["N2"].overdue  # past 10 May, not past 20 May
    assert not _due(tiny, "N1-E1", today=dt.date(2025, 5, 10))["N1-E1"].overdue


def test_setting_deadlines_is_for_administrators_and_audited(tiny):
    with pytest.raises(ReportingRefused) as refused:
        reporting.set_deadlines(tiny, editor("anna", "N1", store=tiny), 2025, "T2", DEADLINES)
    assert refused.value.refusal is Refusal.NOT_ADMIN
    assert [p.period for p in stored.reporting_periods(tiny.engine)] == ["T1"]
    [event] = [e for e in audit.events(tiny) if e.action == audit.REPORTING_DEADLINES]
    assert (event.username, event.target) == ("admin", "T1 2025")


def test_a_unit_marks_ready_the_level_above_approves_and_each_step_is_audited(tiny):
    unit, anna = tiny.org("N1-E1"), editor("anna", "N1-E1", store=tiny)
    controller = editor("per", "N1", store=tiny)
    with pytest.raises(ReportingRefused):  # approving what is not marked ready
        reporting.approve(tiny, controller, unit, 2025, "T1")
    reporting.mark_ready(tiny, anna, unit, 2025, "T1")
    assert _due(tiny, "N1-E1")["N1-E1"].state is ReportState.READY
    assert not _due(tiny, "N1-E1")["N1-E1"].overdue  # marked ready: not late, even past the day
    with pytest.raises(ReportingRefused) as refused:  # a unit does not approve its own report
        reporting.approve(tiny, anna, unit, 2025, "T1")
    assert refused.value.refusal is Refusal.NOT_CONTROLLER
    reporting.approve(tiny, controller, unit, 2025, "T1")
    status = _due(tiny, "N1-E1")["N1-E1"].status
    assert (status.state, status.changed_by) == (ReportState.APPROVED, "per")
    actions = [(e.action, e.username, e.target) for e in audit.events(tiny)]
    assert (audit.REPORT_READY, "anna", "N1-E1 T1 2025") in actions
    assert (audit.REPORT_APPROVE, "per", "N1-E1 T1 2025") in actions


def test_sending_back_needs_a_comment_and_the_unit_may_mark_ready_again(tiny):
    unit, anna = tiny.org("N1-E1"), editor("anna", "N1-E1", store=tiny)
    reporting.mark_ready(tiny, anna, unit, 2025, "T1")
    with pytest.raises(ReportingRefused) as refused:
        reporting.send_back(tiny, ADMIN, unit, 2025, "T1", "  ")
    assert refused.value.refusal is Refusal.NO_COMMENT
    reporting.send_back(tiny, ADMIN, unit, 2025, "T1", "Prognosen saknas.")
    status = _due(tiny, "N1-E1")["N1-E1"].status
    assert (status.state, status.comment) == (ReportState.RETURNED, "Prognosen saknas.")
    reporting.mark_ready(tiny, anna, unit, 2025, "T1")
    assert _due(tiny, "N1-E1")["N1-E1"].state is ReportState.READY


@pytest.mark.parametrize("who", ["reader", "neighbour"])
def test_a_reader_or_another_organisations_editor_is_refused_and_nothing_changes(tiny, who):
    user = READER if who == "reader" else editor("olle", "N2", store=tiny)
    unit = tiny.org("N1-E1")
    with pytest.raises(ReportingRefused):
        reporting.mark_ready(tiny, user, unit, 2025, "T1")
    reporting.mark_ready(tiny, ADMIN, unit, 2025, "T1")
    for step in (reporting.approve, reporting.send_back):
        with pytest.raises(ReportingRefused):
            step(tiny, user, unit, 2025, "T1", *(["Nej."] if step is reporting.send_back else []))
    assert _due(tiny, "N1-E1")["N1-E1"].state is ReportState.READY


def test_a_period_without_deadlines_cannot_be_marked_ready(tiny):
    with pytest.raises(ReportingRefused) as refused:
        reporting.mark_ready(tiny, ADMIN, tiny.org("N1-E1"), 2025, "T2")
    assert refused.value.refusal is Refusal.NOT_OPEN


def _approved(store, code: str) -> None:
    org = store.org(code)
    reporting.mark_ready(store, ADMIN, org, 2025, "T1")
    reporting.approve(store, ADMIN, org, 2025, "T1")


def _state(store, code: str) -> ReportState | None:
    return _due(store, code)[code].state


def test_an_assessment_saved_after_approval_reopens_the_report(tiny):
    _approved(tiny, "STAD")
    _approved(tiny, "N1-E1")
    goal, city = tiny.goal("K1"), tiny.org("STAD")
    [judged] = control_room.judge(tiny, [(goal, city.id)], 2025, "T1")
    draft = assessments.Draft(goal.id, city.id, 2025, "T1", Status.NOT_MET, "Analys.", "Åtgärd.")
    assessments.save(tiny, draft, judged.result, "anna")
    assert _state(tiny, "STAD") is ReportState.REOPENED
    assert _state(tiny, "N1-E1") is ReportState.APPROVED  # another organisation's stays
    [event] = [e for e in audit.events(tiny) if e.action == audit.REPORT_REOPEN]
    assert (event.username, event.target) == ("anna", "STAD T1 2025")


def test_an_activity_follow_up_after_marking_ready_reopens_only_that_period(tiny):
    _approved(tiny, "N1-E1")
    _, activity = tiny.activity("A1")
    activity_followups.save(tiny, activity, 2025, "T2", ActivityStatus.DONE, "", "anna")
    assert _state(tiny, "N1-E1") is ReportState.APPROVED  # T2 is another period
    activity_followups.save(tiny, activity, 2025, "T1", ActivityStatus.DONE, "", "anna")
    assert _state(tiny, "N1-E1") is ReportState.REOPENED


def _outcome(org_code: str, value: float) -> UploadFile:
    record = ("NOJD", org_code, 2025, "T1", "T", value, None, "ok", "")
    return UploadFile("utfall.csv", csv_export.csv_bytes(MEASUREMENTS, [record]))


def test_an_upload_and_its_undo_reopen_the_reports_whose_values_they_change(tiny):
    _approved(tiny, "N1-E1")
    _approved(tiny, "STAD")
    [saved] = change_sets.commit(tiny, [_outcome("N1-E1", 72.0)], user_name="anna")
    assert _state(tiny, "N1-E1") is ReportState.REOPENED
    assert _state(tiny, "STAD") is ReportState.APPROVED
    _approved(tiny, "N1-E1")
    change_sets.undo(tiny, saved.upload_id, user_name="anna")
    assert _state(tiny, "N1-E1") is ReportState.REOPENED
