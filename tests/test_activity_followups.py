"""Following up an activity in the app: what it requires, what it writes, and the audit, on both
backends."""

import pytest
from dash import html

from callbacks import activity
from callbacks.routes import page
from dashboard.access import Principal, Role, audit, operator
from dashboard.domain.model import ActivityStatus
from dashboard.followup import activity_followups
from dashboard.followup.activity_followups import FollowUpProblem
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import ACTIVITY_UPDATES
from dashboard.upload.csv_import import UploadFile
from layouts import texts
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset

ADMIN = operator("Anna Lind")


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


@pytest.mark.parametrize(
    "status, comment, expected",
    [
        (None, "", [FollowUpProblem.NO_STATUS]),
        (ActivityStatus.ONGOING, "", []),
        (ActivityStatus.DELAYED, " ", [FollowUpProblem.NO_COMMENT]),
        (ActivityStatus.CANCELLED, "", [FollowUpProblem.NO_COMMENT]),
        (ActivityStatus.DELAYED, "Vikarier saknas.", []),
    ],
)
def test_a_deviation_needs_a_comment(status, comment, expected):
    assert activity_followups.problems(status, comment) == expected


def test_a_follow_up_sets_the_status_writes_the_period_and_is_audited(tiny):
    _, activity = tiny.activity("A1")
    activity_followups.save(
        tiny, activity, 2025, "T1", ActivityStatus.DELAYED, " Sjukskrivningar. ", "anna"
    )
    _, now = tiny.activity("A1")
    assert now.status is ActivityStatus.DELAYED and now.comment == "Sjukskrivningar."
    assert activity_followups.history(tiny, activity.id)[0] == activity_followups.FollowUp(
        2025, "T1", ActivityStatus.DELAYED, "Sjukskrivningar."
    )
    [logged] = audit.events(tiny, action=audit.ACTIVITY)
    assert logged.username == "anna" and logged.target == "A1 T1 2025"
    assert logged.detail == "pågår → försenad"  # in Swedish on the Ändringslogg, as files write it


def test_an_invalid_follow_up_writes_nothing(tiny):
    _, activity = tiny.activity("A1")
    with pytest.raises(activity_followups.InvalidFollowUp):
        activity_followups.save(tiny, activity, 2025, "T1", ActivityStatus.CANCELLED, "", "anna")
    assert tiny.activity("A1")[1] == activity and audit.events(tiny, action=audit.ACTIVITY) == []


def test_the_save_callback_refuses_another_units_activity_and_saves_its_own(tiny):
    editor = Principal("eva", "Eva", Role.EDITOR, ("N1",), (tiny.org_path(tiny.org("N1").id),))
    [period] = [p for p in tiny.reported_periods() if p == (2025, "T1")]
    key = {"year": period[0], "period": period[1]}
    feedback, _, _ = activity.submit(
        tiny, key | {"activity": "A2"}, "done", "", editor
    )  # A2 belongs to N2
    assert "ligger utanför din behörighet" in _text(feedback)
    assert tiny.activity("A2")[1].status is not ActivityStatus.DONE
    feedback, history, facts = activity.submit(
        tiny, key | {"activity": "A1"}, "done", "Klar i mars.", editor
    )
    assert "sparad" in _text(feedback) and "Klar i mars." in _text(html.Div(history))
    assert texts.ACTIVITY_STATUS_LABEL[ActivityStatus.DONE] in _text(facts)


def test_the_page_offers_the_form_only_to_those_who_may_use_it(tiny):
    reader = page(tiny, "/aktivitet/A1", "?ar=2025&period=T1", Principal("p", "P", Role.READER))
    editable = page(tiny, "/aktivitet/A1", "?ar=2025&period=T1", ADMIN)
    assert texts.REFUSED_READ_ONLY in _text(reader) and texts.ACTIVITY_SAVE not in _text(reader)
    assert texts.ACTIVITY_SAVE in _text(editable) and "Anhörigträffar" in _text(editable)
    assert texts.NOT_FOUND_HEADING in _text(page(tiny, "/aktivitet/FINNS-INTE", "", ADMIN))


def _follow_up_file(comment: str) -> UploadFile:
    record = ("A1", 2025, "T1", ActivityStatus.ONGOING, comment)
    return UploadFile("uppfoljning.csv", csv_export.csv_bytes(ACTIVITY_UPDATES, [record]))


def test_undoing_an_upload_never_overwrites_a_later_follow_up_in_the_app(tiny):
    change_sets.commit(tiny, [_follow_up_file("Första filen.")], user_name="controller")
    [replacing] = change_sets.commit(
        tiny, [_follow_up_file("Andra filen.")], user_name="controller"
    )
    assert replacing.updated == 1
    activity_followups.save(
        tiny, tiny.activity("A1")[1], 2025, "T1", ActivityStatus.DELAYED, "I appen.", "anna"
    )
    with pytest.raises(change_sets.UndoRefused, match="sparats i Kontrollrummet"):
        change_sets.undo(tiny, replacing.upload_id, user_name="controller")
    assert tiny.activity("A1")[1].comment == "I appen."


def test_the_latest_follow_up_is_the_latest_period_not_the_last_by_name(tiny):
    """A year's helår (FY) comes after its T2, though "FY" sorts before "T2" as text."""
    _, activity = tiny.activity("A2")
    for period, comment in (("FY", "Helåret klart."), ("T2", "Augusti."), ("T1", "April.")):
        activity_followups.save(
            tiny, activity, 2025, period, ActivityStatus.ONGOING, comment, "anna"
        )
    assert [f.period for f in activity_followups.history(tiny, activity.id)] == ["FY", "T2", "T1"]
    assert tiny.activity("A2")[1].comment == "Helåret klart."
