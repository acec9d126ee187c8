"""Recording a målbedömning: what the form requires, what it writes, and the audit of every save."""

import datetime as dt
from itertools import product

import pytest
from dash import html
from sqlalchemy import select, update

from callbacks import assessment_form
from callbacks.routes import page
from dashboard.access import operator
from dashboard.domain import rules
from dashboard.domain.model import Status
from dashboard.followup import assessments, control_room
from dashboard.followup.assessments import AssessmentProblem, Draft
from dashboard.store import assessment_t
from layouts import texts
from layouts.ids import AssessmentIds
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset

RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}
NOON = dt.datetime(2026, 9, 14, 10, 5, tzinfo=dt.UTC)
ADMIN = operator("Anna Lind")


@pytest.mark.parametrize("computed, chosen", list(product(Status, assessments.CHOICES)))
def test_a_justification_is_asked_for_exactly_when_the_choice_is_rosier(computed, chosen):
    """Better than computed, or claiming (partial) fulfilment where the data show nothing."""
    if computed is Status.NO_DATA:
        rosier = chosen is not Status.NOT_MET
    else:
        rosier = RANK[chosen] > RANK[computed]
    assert assessments.needs_justification(computed, chosen) is rosier


def _draft(**changes) -> Draft:
    values = {
        "goal_id": 1,
        "org_id": 1,
        "year": 2025,
        "period": "T1",
        "status": Status.NOT_MET,
        "analysis": "Varför.",
        "measures": "Vad.",
        "justification": "",
    }
    return Draft(**(values | changes))


@pytest.mark.parametrize(
    "draft, computed, expected",
    [
        (_draft(), Status.NOT_MET, []),
        (_draft(status=None), Status.NOT_MET, [AssessmentProblem.NO_STATUS]),
        (_draft(analysis="  "), Status.NOT_MET, [AssessmentProblem.NO_ANALYSIS]),
        (_draft(measures=""), Status.NOT_MET, [AssessmentProblem.NO_MEASURES]),
        (
            _draft(status=Status.PARTLY_MET, measures=""),
            Status.PARTLY_MET,
            [AssessmentProblem.NO_MEASURES],
        ),
        (_draft(status=Status.MET, measures=""), Status.MET, []),
        (
            _draft(status=Status.MET, measures=""),
            Status.PARTLY_MET,
            [AssessmentProblem.NO_JUSTIFICATION],
        ),
        (_draft(status=Status.MET, justification="Ny mätning i oktober."), Status.PARTLY_MET, []),
    ],
)
def test_what_the_form_requires(draft, computed, expected):
    assert assessments.problems(draft, computed) == expected


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _goal_status(store, org_code: str, period: str = "T1"):
    [status] = control_room.judge(store, [(store.goal("K1"), store.org(org_code).id)], 2025, period)
    return status


def test_a_new_assessment_is_written_and_audited(tiny):
    status = _goal_status(tiny, "N1")
    assert status.assessment is None
    draft = Draft(status.goal.id, status.org_id, 2025, "T1", Status.NOT_MET, "Analys.", "Åtgärd.")
    entry = assessments.save(tiny, draft, status.result, "Anna Lind", now=NOON)
    assert entry.before is None and entry.after.status is Status.NOT_MET and entry.after.is_forecast
    assert entry.saved_by == "Anna Lind" and entry.saved_at == NOON
    assert entry.computed_status is status.result.status
    assert _goal_status(tiny, "N1").assessment == entry.after
    [logged] = assessments.history(tiny, status.goal.id, status.org_id, 2025, "T1")
    assert logged == entry  # read back equal, the time included, on both backends


def test_a_rosier_status_needs_a_justification_and_stays_flagged(tiny):
    status = _goal_status(tiny, "STAD")  # computed partly met (70 points), own assessment "met"
    assert status.result.status is Status.PARTLY_MET
    before = status.assessment
    draft = Draft(status.goal.id, status.org_id, 2025, "T1", Status.MET, "Analys.", "")
    with pytest.raises(assessments.InvalidAssessment) as refused:
        assessments.save(tiny, draft, status.result, "Per Ek")
    assert refused.value.problems == [AssessmentProblem.NO_JUSTIFICATION]
    assert _goal_status(tiny, "STAD").assessment == before
    assert assessments.history(tiny, status.goal.id, status.org_id, 2025, "T1") == []

    justified = Draft(
        status.goal.id, status.org_id, 2025, "T1", Status.MET, "Analys.", "", "Enkät i oktober."
    )
    entry = assessments.save(tiny, justified, status.result, "Per Ek")
    assert entry.before == before and entry.justification == "Enkät i oktober."
    after = _goal_status(tiny, "STAD")
    assert (
        after.disagreement.value == "more_positive" and entry.disagreement.value == "more_positive"
    )
    saves = assessments.current_saves(tiny, [after], 2025, "T1")
    assert saves[after.goal.id, after.org_id] == entry


def test_every_save_is_kept_newest_first_and_a_later_import_hides_an_old_justification(tiny):
    status = _goal_status(tiny, "STAD")
    key = (status.goal.id, status.org_id, 2025, "T1")
    first = assessments.save(
        tiny, Draft(*key, Status.MET, "Ett.", "", "Motivering."), status.result, "A"
    )
    second = assessments.save(
        tiny, Draft(*key, Status.PARTLY_MET, "Två.", "Åtgärd."), status.result, "B"
    )
    history = assessments.history(tiny, *key)
    assert [e.id for e in history] == [second.id, first.id]
    assert second.before == first.after and second.justification == ""  # agreeing needs none
    with tiny.engine.begin() as conn:  # as if an upload replaced the assessment afterwards
        conn.execute(
            update(assessment_t)
            .where(assessment_t.c.goal_id == status.goal.id, assessment_t.c.org_id == status.org_id)
            .values(analysis="Import.")
        )
    assert assessments.current_saves(tiny, [_goal_status(tiny, "STAD")], 2025, "T1") == {}


def test_a_saved_row_no_longer_claims_an_upload(tiny):
    status = _goal_status(tiny, "STAD")
    draft = Draft(
        status.goal.id, status.org_id, 2025, "T1", Status.PARTLY_MET, "Analys.", "Åtgärd."
    )
    assessments.save(tiny, draft, status.result, "Anna")
    with tiny.engine.connect() as conn:
        upload = conn.execute(
            select(assessment_t.c.upload_id).where(
                assessment_t.c.goal_id == status.goal.id, assessment_t.c.org_id == status.org_id
            )
        ).scalar()
    assert upload is None


def _fields(**changes) -> dict:
    values = {
        AssessmentIds.JUSTIFICATION: "",
        AssessmentIds.ANALYSIS: "Analys.",
        AssessmentIds.MEASURES: "",
    }
    return values | changes


def test_the_save_callback_reports_problems_then_saves(tiny):
    key = {"goal": "K1", "org": "STAD", "year": 2025, "period": "T1", "computed": "partly_met"}
    feedback, history, current, *invalid = assessment_form.submit(
        tiny, key, "met", _fields(), ADMIN
    )
    assert texts.PROBLEM_TEXT[AssessmentProblem.NO_JUSTIFICATION] in _text(feedback)
    assert invalid == [True, False, False]  # the justification field, in TEXT_FIELDS order
    feedback, history, current, *invalid = assessment_form.submit(
        tiny, key, "met", _fields(**{AssessmentIds.JUSTIFICATION: "Ny enkät."}), ADMIN
    )
    assert "Anna Lind" in _text(feedback) and texts.SAVED_FLAGGED in _text(feedback)
    assert "Ny enkät." in _text(html.Div(history)) and invalid == [False] * 3
    current = _text(html.Div(current))
    assert (
        texts.DISAGREEMENT_LABEL[rules.Disagreement.MORE_POSITIVE] in current
        and "Ny enkät." in current
    )


def test_the_form_page_shows_the_computed_status_and_the_current_assessment(tiny):
    text = _text(page(tiny, "/mal/K1/bedomning", "?org=STAD&ar=2025&period=T1", ADMIN))
    assert texts.FORM_HEADING.format(goal="Äldre har hög livskvalitet") in text
    assert texts.COMPUTED_HEADING in text and texts.STATUS_LABEL[Status.PARTLY_MET] in text
    assert "Går bra." in text  # the stored analysis, prefilled
    assert texts.ROSIER_WARNING.format(chosen="Uppfyllt", computed="Delvis uppfyllt") in text
    assert texts.STATUS_LEGEND[True] in text  # T1: a prognosis for the full year


def test_an_unknown_goal_has_no_form(tiny):
    assert texts.NOT_FOUND_HEADING in _text(page(tiny, "/mal/FINNS-INTE/bedomning", "?org=STAD"))


def test_the_goal_page_links_to_the_form_and_keeps_the_justification_visible(tiny):
    before = _text(page(tiny, "/mal/K1", "?org=STAD&ar=2025&period=T1", ADMIN))
    assert (
        "/mal/K1/bedomning?ar=2025&period=T1&org=STAD" in before
        and "Enkät i oktober." not in before
    )
    status = _goal_status(tiny, "STAD")
    draft = Draft(
        status.goal.id, status.org_id, 2025, "T1", Status.MET, "Analys.", "", "Enkät i oktober."
    )
    assessments.save(tiny, draft, status.result, "Per Ek", now=NOON)
    after = _text(page(tiny, "/mal/K1", "?org=STAD&ar=2025&period=T1"))
    assert (
        "Enkät i oktober." in after
        and texts.LAST_SAVED.format(time="2026-09-14 12:05", name="Per Ek") in after
    )
    assert texts.DISAGREEMENT_LABEL[rules.Disagreement.MORE_POSITIVE] in after


def test_undoing_an_upload_never_overwrites_a_later_form_save(tiny):
    from dashboard.upload import change_sets, csv_export
    from dashboard.upload.csv_formats import ASSESSMENTS

    record = (
        "K1",
        "STAD",
        2025,
        "T1",
        Status.NOT_MET.value,
        True,
        "Från filen.",
        "Åtgärd ur filen.",
    )
    file = csv_export.csv_bytes(ASSESSMENTS, [record])
    [saved] = change_sets.commit(
        tiny, [change_sets.UploadFile("bedomning.csv", file)], user_name="Controller"
    )
    assert saved.updated == 1  # the tiny city had assessed K1 as met
    status = _goal_status(tiny, "STAD")
    draft = Draft(
        status.goal.id, status.org_id, 2025, "T1", Status.PARTLY_MET, "Från formuläret.", "Åtgärd."
    )
    assessments.save(tiny, draft, status.result, "Anna")
    with pytest.raises(change_sets.UndoRefused, match="sparats i Kontrollrummet"):
        change_sets.undo(tiny, saved.upload_id, user_name="Controller")
    assert _goal_status(tiny, "STAD").assessment.analysis == "Från formuläret."
