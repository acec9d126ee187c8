"""Every write goes through `Store.writing`: none outside the store opens a transaction, and
the unit of work itself does every step (lock, audit, kept results, after-commit work)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import event

from dashboard.access import Principal, Role, accounts, audit, operator, tokens
from dashboard.domain.measures import ExpectedResult, MeasureStatus
from dashboard.domain.model import ActivityStatus, OrgLevel, Status
from dashboard.followup import (
    activity_followups,
    assessments,
    control_room,
    goal_results,
    measure_writes,
    national_admin,
    reporting,
)
from dashboard.store import Store, result_store, summaries
from dashboard.store.writing import UnfinishedWrite
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import ACTIVITY_UPDATES
from dashboard.upload.csv_import import UploadFile
from tests.tiny import tiny_dataset

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("dashboard", "layouts", "callbacks")
# Modules outside dashboard/store that may run SQL of their own, each with the reason: none.
ALLOWED: dict[str, str] = {}
SQL_NAMES = {"select", "insert", "update", "delete", "text", "Session", "sessionmaker"}
WRITE_CALLS = {"begin", "begin_nested", "exec_driver_sql", "Session", "sessionmaker"}


def _sources() -> list[Path]:
    return [
        path
        for folder in SCANNED
        for path in sorted((ROOT / folder).rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith("dashboard/store/")
        and not any(path.relative_to(ROOT).as_posix().startswith(a) for a in ALLOWED)
    ]


def _offences(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [f"imports {a.name}" for a in node.names if a.name in SQL_NAMES]
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in WRITE_CALLS:
                found.append(f"calls {name}()")
    return [f"{path.relative_to(root).as_posix()}: {offence}" for offence in found]


def test_no_module_outside_the_store_opens_a_transaction_or_builds_sql():
    assert [offence for path in _sources() for offence in _offences(path)] == []


def test_the_scan_finds_a_write_transaction(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "from sqlalchemy import insert\n"
        "def f(store, t):\n"
        "    with store.engine.begin() as conn:\n"
        "        conn.execute(insert(t))\n"
    )
    assert _offences(sneaky, tmp_path) == ["sneaky.py: imports insert", "sneaky.py: calls begin()"]


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _outside_writing(store: Store) -> list[str]:
    """Collects every INSERT, UPDATE or DELETE that runs outside a `Store.writing` unit
    (pages keeping judged results excepted: a cache, in result_store.keep)."""
    stray: list[str] = []

    def check(conn, _cursor, statement, _params, _context, _many):
        verb = statement.lstrip().split(None, 1)[0].upper()
        if verb in {"INSERT", "UPDATE", "DELETE"} and not conn.info.get("writing"):
            if "goal_result" not in statement.split("(")[0]:
                stray.append(statement)

    event.listen(store.engine, "before_cursor_execute", check)
    return stray


def test_every_writer_writes_inside_the_unit_of_work(tiny):
    stray = _outside_writing(tiny)
    accounts.add(tiny, "anna", "Anna", Role.EDITOR, ["N1"], "rätt-lösenord-1", actor="admin")
    accounts.set_password(tiny, "anna", "nytt-lösenord-2", actor="admin")
    accounts.sign_in(tiny, "anna", "fel", "10.0.0.1")
    accounts.sign_out(tiny, "anna")
    accounts.end_sessions(tiny, "anna", actor="admin")
    accounts.change(tiny, "anna", Role.EDITOR, ["N1", "N2"], actor="admin")
    accounts.session_key(tiny)
    principal = Principal("anna", "Anna", Role.EDITOR, (), (), "", ())
    audit.refuse(tiny, principal, audit.UPLOAD, "fil.csv", "utanför behörigheten")
    tokens.create(tiny, principal, "anna", "Power BI")
    tokens.revoke(tiny, principal, tokens.tokens(tiny, principal)[0].id)
    accounts.remove(tiny, "anna", actor="admin")
    _save_an_assessment(tiny)
    _, activity = tiny.activity("A1")
    activity_followups.save(tiny, activity, 2025, "T1", ActivityStatus.ONGOING, "", "anna")
    _record_a_measure_and_an_expected_result(tiny)
    [saved] = change_sets.commit(tiny, [_follow_up_file()], user_name="anna")
    change_sets.undo(tiny, saved.upload_id, user_name="anna")
    _take_the_reporting_steps(tiny)
    admin = operator("admin")
    assert national_admin.set_home(tiny, admin, "0180") == []
    assert national_admin.save_group(tiny, admin, "Län", "0180 0114") == []
    assert national_admin.choose_group(tiny, admin, "Län") == []
    assert national_admin.link_indicator(tiny, admin, "NOJD", "") == []
    assert stray == []


def _take_the_reporting_steps(store: Store) -> None:
    admin, unit = operator("admin"), store.org("N1-E1")
    reporting.set_deadlines(store, admin, 2025, "T1", {OrgLevel.UNIT: dt.date(2025, 5, 10)})
    reporting.mark_ready(store, admin, unit, 2025, "T1")
    reporting.send_back(store, admin, unit, 2025, "T1", "Prognos saknas.")
    reporting.mark_ready(store, admin, unit, 2025, "T1")
    reporting.approve(store, admin, unit, 2025, "T1")
    _save_an_assessment(store, "N1-E1")  # reopens the approved report, in the same unit of work


def _save_an_assessment(store: Store, org_code: str = "STAD") -> None:
    goal, org = store.goal("K1"), store.org(org_code)
    [status] = control_room.judge(store, [(goal, org.id)], 2025, "T1")
    draft = assessments.Draft(goal.id, org.id, 2025, "T1", Status.NOT_MET, "Analys.", "Åtgärd.")
    assessments.save(store, draft, status.result, "anna")


def _record_a_measure_and_an_expected_result(store: Store) -> None:
    goal, org = store.goal("K1"), store.org("STAD")
    draft = measure_writes.MeasureDraft(
        goal.id, org.id, 2025, "T1", "Åtgärd.", "Eva", dt.date(2025, 6, 30)
    )
    measure_id = measure_writes.add(store, draft, "anna")
    measure_writes.change_status(store, measure_id, goal.id, org.id, MeasureStatus.DONE, "anna")
    expected = ExpectedResult(goal.id, org.id, 2025, "Fler nöjda.", "Dialog.")
    measure_writes.save_expected(store, expected, "anna")


def _follow_up_file() -> UploadFile:
    record = ("A1", 2025, "T2", ActivityStatus.DELAYED, "Vikarier saknas.")
    return UploadFile("uppfoljning.csv", csv_export.csv_bytes(ACTIVITY_UPDATES, [record]))


def test_a_write_that_records_no_audit_is_not_saved(tiny):
    before = tiny.table_counts()
    with pytest.raises(UnfinishedWrite), tiny.writing("anna") as w:
        w.conn.exec_driver_sql("DELETE FROM activity_update")
        w.results_ended()
    assert tiny.table_counts() == before


def test_a_write_that_leaves_the_kept_results_undecided_is_not_saved(tiny):
    before = tiny.table_counts()
    with pytest.raises(UnfinishedWrite), tiny.writing("anna") as w:
        w.conn.exec_driver_sql("DELETE FROM activity_update")
        w.audit(audit.ACTIVITY, "A1")
    assert tiny.table_counts() == before


def test_what_a_write_prepares_is_kept_only_if_the_write_commits(tiny):
    prepared: list[int] = []

    def prepare(writer: Store) -> None:  # sees the write's new generation, keeps in the write
        prepared.append(result_store.generation(writer.engine))
        writer.summary("prepared", lambda: len(prepared))
        if len(prepared) == 1:
            raise RuntimeError("the write fails after preparing")

    store = Store(tiny.engine, prepare=prepare)
    generation = result_store.generation(store.engine)
    with pytest.raises(RuntimeError), store.writing(None) as w:
        w.results_ended()
    assert result_store.generation(store.engine) == generation
    assert not summaries.is_kept(store.engine, "prepared")
    with store.writing(None) as w:
        w.results_ended()
    assert prepared == [generation + 1, generation + 1]
    assert summaries.is_kept(store.engine, "prepared")
    assert store.summary("prepared", lambda: pytest.fail("computed again")) == 2


def test_touched_results_are_judged_again_in_the_write_and_the_rest_stay(tiny):
    goal, org = tiny.goal("K1"), tiny.org("STAD")
    goal_results.briefs(tiny, [(goal, org.id)], 2025, "T1")
    generation = result_store.generation(tiny.engine)
    judged: list[tuple] = []

    def judge(store, keys, gen):
        judged.extend(keys)
        return goal_results.judged_again(store, keys, gen)

    with tiny.writing("anna") as w:
        w.audited()
        w.results_touched([(goal.id, org.id, 2025, "T1")], judge)
    assert judged == [(goal.id, org.id, 2025, "T1")]
    assert result_store.generation(tiny.engine) == generation
