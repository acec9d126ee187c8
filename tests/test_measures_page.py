"""The Målsida's åtgärder and förväntat resultat: who sees the forms, what the writes refuse, and
the follow-up at the next period (issue 17)."""

import datetime as dt

import pytest
from dash import no_update

from callbacks import assessment_form, downloads
from callbacks import measures as measure_callbacks
from callbacks.routes import page
from dashboard.access import ANONYMOUS, Principal, Role, audit
from dashboard.followup import measures
from dashboard.followup.deviations import DeviationKind
from layouts import texts, urls
from layouts.components import LOCAL_TIME
from layouts.ids import AssessmentIds, MeasureIds
from tests.opened_rows import opened
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset

READER = Principal("rut", "Rut", Role.READER)
TODAY = dt.date(2025, 5, 14)
ADMIN = Principal("anna", "Anna", Role.ADMIN, (), ("/",))


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _editor(store, org_code):
    return Principal(
        "eva", "Eva", Role.EDITOR, (org_code,), (store.org_path(store.org(org_code).id),)
    )


def _goal_page(store, user, year, period, org="STAD"):
    path, _, search = urls.href(urls.goal_path("K1"), urls.ViewState(year, period, org)).partition(
        "?"
    )
    return _text(page(store, path, "?" + search, user))


def _key(year=2024, period="FY", org="STAD"):
    return {"goal": "K1", "org": org, "year": year, "period": period}


def _stored(store, year=2024, period="FY", org="STAD"):
    goal = store.goal("K1")
    return measures.goal_measures(store, goal.id, store.org(org).id, year, period)


def test_readers_and_editors_out_of_scope_see_the_measures_but_no_form(tiny):
    for user in (ANONYMOUS, READER, _editor(tiny, "N1")):
        text = _goal_page(tiny, user, 2024, "FY")
        assert texts.MEASURES_SECTION_HEADING in text and texts.NO_MEASURES_DECIDED in text
        assert MeasureIds.ADD not in text and MeasureIds.EXPECTED_SAVE not in text
    text = _goal_page(tiny, _editor(tiny, "STAD"), 2024, "FY")
    assert MeasureIds.ADD in text and MeasureIds.EXPECTED_SAVE in text


@pytest.mark.parametrize("who", ["reader", "other editor"])
def test_a_hand_made_write_out_of_scope_is_refused_and_changes_nothing(tiny, who):
    user = READER if who == "reader" else _editor(tiny, "N1")
    feedback, lists, _ = measure_callbacks.add(tiny, _key(), "Gör något", "Eva", "2025-03-31", user)
    assert "alert-danger" in _text(feedback) and lists is no_update
    feedback, _ = measure_callbacks.save_expected(tiny, _key(), "Mer", "Så", user)
    assert "alert-danger" in _text(feedback)
    assert _stored(tiny) == measures.GoalMeasures()
    refusals = [e for e in audit.events(tiny) if e.outcome == audit.REFUSED]
    assert {e.action for e in refusals} == {audit.MEASURE, audit.EXPECTED_RESULT}
    assert all(e.outcome == audit.REFUSED for e in audit.events(tiny, action=audit.MEASURE))


def test_a_status_change_naming_another_organisations_measure_is_refused(tiny):
    measure_callbacks.add(tiny, _key(), "Gör något", "Eva", "2025-03-31", ADMIN)
    [measure] = _stored(tiny).decided
    editor = _editor(tiny, "N1")
    feedback, _, _ = measure_callbacks.change(
        tiny, _key(org="N1"), str(measure.id), "closed", editor
    )
    assert "alert-danger" in _text(feedback)
    assert _stored(tiny).decided[0].open


def test_an_editor_records_a_measure_and_it_is_followed_up_at_the_next_period(tiny):
    editor = _editor(tiny, "STAD")
    feedback, lists, choices = measure_callbacks.add(
        tiny, _key(), "Rekrytera sjuksköterskor", "Eva Ek", "2025-02-28", editor
    )
    assert texts.MEASURE_ADDED in _text(feedback)
    assert "Rekrytera sjuksköterskor" in _text(lists[3]) and len(choices) == 1
    feedback, _, _ = measure_callbacks.add(tiny, _key(), "", "", "inte ett datum", editor)
    assert texts.MEASURE_PROBLEM_TEXT["no_due_date"] in _text(feedback)
    measure_callbacks.save_expected(tiny, _key(), "Fler nöjda äldre", "Dialog", editor)
    text = _goal_page(tiny, READER, 2025, "T1")
    follow_up = text.index(texts.MEASURES_FOLLOW_UP_HEADING)
    assert text.index("Rekrytera sjuksköterskor") > follow_up and "Eva Ek" in text
    assert texts.OVERDUE in text  # due in February, open at the end of April
    assert "Fler nöjda äldre" not in text  # written for 2024, the year it was decided
    [measure] = _stored(tiny).decided
    measure_callbacks.change(tiny, _key(), str(measure.id), "done", editor)
    assert "Rekrytera sjuksköterskor" not in _goal_page(tiny, READER, 2025, "T1")
    assert "Fler nöjda äldre" in _goal_page(tiny, READER, 2024, "FY")


def test_the_assessment_form_follows_the_expected_result_up_and_the_goal_page_shows_it(tiny):
    key = {"goal": "K1", "org": "STAD", "year": 2025, "period": "T1"}
    fields = {
        AssessmentIds.JUSTIFICATION: "",
        AssessmentIds.ANALYSIS: "Analys.",
        AssessmentIds.MEASURES: "Åtgärder.",
        AssessmentIds.EXPECTED_FOLLOWUP: "Halvvägs mot målet",
    }
    assessment_form.submit(tiny, key, "partly_met", fields, ADMIN)
    [own] = tiny.assessments([tiny.org("STAD").id], 2025, "T1")
    assert own.expected_followup == "Halvvägs mot målet"
    text = _goal_page(tiny, READER, 2025, "T1")
    assert texts.EXPECTED_FOLLOWUP_LABEL in text and "Halvvägs mot målet" in text


def test_an_overdue_measure_is_listed_on_avvikelser_and_in_its_download(tiny):
    measure_callbacks.add(tiny, _key(), "Rekrytera sjuksköterskor", "Eva Ek", "2025-02-28", ADMIN)
    kind = texts.DEVIATION_KIND_LABEL[DeviationKind.MEASURE_OVERDUE]
    search = "?" + urls.query(urls.ViewState(2025, "T1", "STAD"))
    text = opened(tiny, search, READER)
    assert kind in text and "Rekrytera sjuksköterskor" in text and "Eva Ek" in text
    state = urls.ViewState(2025, "T1", "STAD")
    document = downloads.document(tiny, urls.DEVIATIONS_REPORT, state, tiny.org("STAD"), TODAY)
    rows = [row for table in document.sheets for row in table.rows]
    assert any(kind in row and "Rekrytera sjuksköterskor" in row for row in rows)


def test_a_done_measure_says_on_its_row_when_it_was_done_and_by_whom(tiny):
    editor = _editor(tiny, "STAD")
    measure_callbacks.add(tiny, _key(), "Rekrytera sjuksköterskor", "Eva Ek", "2025-02-28", editor)
    [measure] = _stored(tiny).decided
    measure_callbacks.change(tiny, _key(), str(measure.id), "done", editor)
    [done] = _stored(tiny).decided
    day = done.changed.at.astimezone(LOCAL_TIME).date().isoformat()  # Stockholm's, as shown
    shown = texts.MEASURE_CHANGED.format(date=day, by="eva")
    assert shown in _goal_page(tiny, READER, 2024, "FY")
