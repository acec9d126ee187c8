"""Kept goal results: they say what judging in full says, and no write leaves a stale one readable.

On both backends. The tiny dataset's K1 at the city, T1 2025 (tests/tiny.py), is partly met
with a rosier own assessment and an overdue activity; each write below changes that.
"""

import json
import threading
import time
from collections import Counter

import pytest

from dashboard.domain.model import ActivityStatus, OrgLevel, Status, period_end
from dashboard.followup import (
    activity_followups,
    agenda,
    assessments,
    consistency,
    control_room,
    deviations,
    goal_results,
)
from dashboard.store import assessment_t, result_store
from dashboard.store.dialect import SQLITE_BUSY_TIMEOUT_MS, lock_writes
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from tests.demo_db import fill_with_demo
from tests.tiny import tiny_dataset

YEAR, PERIOD = 2025, "T1"


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def said(found: list[goal_results.Brief]) -> list[tuple]:
    """What a brief says, comparable with `judged_in_full`."""
    return [
        (
            b.goal.code,
            b.org_id,
            b.status,
            b.reason,
            b.score,
            b.disagreement,
            b.assessment_status,
            b.assessment_forecast,
            {kind: n for kind, n in b.kinds.items() if n},
        )
        for b in found
    ]


def judged_in_full(store, pairs, year: int, period: str) -> list[tuple]:
    """The same, from judging every pair in full now."""
    as_of = period_end(year, period)
    return [
        (
            s.goal.code,
            s.org_id,
            s.result.status,
            s.result.reason,
            s.result.score,
            s.disagreement,
            s.assessment.status if s.assessment else None,
            s.assessment.is_forecast if s.assessment else None,
            dict(Counter(d.kind for d in deviations.deviations_of(s, as_of))),
        )
        for s in control_room.judge(store, pairs, year, period)
    ]


def k1_at_city(store) -> list[tuple]:
    return [(store.goal("K1"), store.org("STAD").id)]


def test_kept_results_say_what_judging_in_full_says(demo_store):
    root = demo_store.root_org()
    assessed = [(b.goal, b.org_id) for b in goal_results.assessed(demo_store, None, 2026, "T2")]
    pairs = agenda.meeting_goals(demo_store, root, 2026) + assessed
    expected = judged_in_full(demo_store, pairs, 2026, "T2")
    first = goal_results.briefs(
        demo_store, pairs, 2026, "T2"
    )  # judged, or read if another test kept them
    kept = result_store.kept(demo_store.engine, 2026, "T2", goal_results.rules_fingerprint())
    assert {(row.goal_id, row.org_id) for row in kept} >= {
        (goal.id, org_id) for goal, org_id in pairs
    }
    assert said(first) == said(goal_results.briefs(demo_store, pairs, 2026, "T2")) == expected
    assert any(kinds for *_, kinds in expected) and any(s[6] for s in expected)


def _upload(store, outcome: str) -> None:
    header = "indikator;organisation;år;period;kön;utfall;prognos"
    text = f"{header}\r\nNOJD;STAD;2025;T1;T;{outcome};88\r\n"
    change_sets.commit(
        store, [UploadFile("utfall.csv", text.encode("utf-8-sig"))], user_name="anna"
    )


def _undo_an_upload(store) -> None:
    _upload(store, "60")
    goal_results.briefs(
        store, k1_at_city(store), YEAR, PERIOD
    )  # kept after the upload, before the undo
    [latest, *_] = change_sets.list_uploads(store)
    change_sets.undo(store, latest.id, user_name="anna")


def _save_assessment(store) -> None:
    goal, org = store.goal("K1"), store.org("STAD")
    [status] = control_room.judge(store, [(goal, org.id)], YEAR, PERIOD)
    draft = assessments.Draft(
        goal.id,
        org.id,
        YEAR,
        PERIOD,
        Status.NOT_MET,
        analysis="Sämre än väntat.",
        measures="Fler hembesök.",
    )
    assessments.save(store, draft, status.result, "anna")


def _follow_up_activity(store) -> None:
    _, activity = store.activity("A1")
    activity_followups.save(store, activity, YEAR, PERIOD, ActivityStatus.DONE, "Klart.", "anna")


WRITES = {
    "an upload": lambda store: _upload(store, "60"),
    "an undo": _undo_an_upload,
    "an assessment saved in the app": _save_assessment,
    "an activity followed up in the app": _follow_up_activity,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_ends_the_kept_results(tiny, write):
    pairs = k1_at_city(tiny)
    before = said(goal_results.briefs(tiny, pairs, YEAR, PERIOD))
    assert before == judged_in_full(tiny, pairs, YEAR, PERIOD)
    write(tiny)
    after = said(goal_results.briefs(tiny, k1_at_city(tiny), YEAR, PERIOD))
    assert after == judged_in_full(tiny, pairs, YEAR, PERIOD)
    if write is _undo_an_upload:  # back to the first result, not the one kept after the upload
        assert after == before
    else:
        assert after != before


def test_an_upload_that_changes_nothing_keeps_the_results(tiny):
    goal_results.briefs(tiny, k1_at_city(tiny), YEAR, PERIOD)
    generation = result_store.generation(tiny.engine)
    _upload(tiny, "86")  # the stored value
    assert result_store.generation(tiny.engine) == generation


def test_an_upload_of_another_years_values_keeps_this_years_results(tiny):
    """Outcomes of 2023 judge no goal of 2025: the pages of 2025 go on reading what was kept
    (a backfill of old years must not make every page judge again), while 2023's kept results
    end with the write."""
    pairs = k1_at_city(tiny)
    goal_results.briefs(tiny, pairs, YEAR, PERIOD)
    goal_results.briefs(tiny, pairs, 2023, PERIOD)
    rules = goal_results.rules_fingerprint()
    kept_before = result_store.kept(tiny.engine, YEAR, PERIOD, rules)
    header = "indikator;organisation;år;period;kön;utfall;prognos"
    text = f"{header}\r\nNOJD;STAD;2023;T1;T;50;50\r\n"
    change_sets.commit(tiny, [UploadFile("2023.csv", text.encode("utf-8-sig"))], user_name="anna")
    assert kept_before and result_store.kept(tiny.engine, YEAR, PERIOD, rules) == kept_before
    assert result_store.kept(tiny.engine, 2023, PERIOD, rules) == []
    for year in (YEAR, 2023):
        found = said(goal_results.briefs(tiny, pairs, year, PERIOD))
        assert found == judged_in_full(tiny, pairs, year, PERIOD)


def test_an_upload_of_a_units_values_ends_the_results_of_it_and_above_it_only(tiny):
    """An outcome rolls up to the organisations above, never down or sideways (docs/rules.md
    §3a): the unit's, its nämnd's and the city's results of the year end; the other nämnd's are
    carried over, and every one still says what judging in full says."""
    orgs = {code: tiny.org(code).id for code in ("STAD", "N1", "N1-E1", "N2")}
    pairs = [(tiny.goal("K1"), org_id) for org_id in orgs.values()]
    goal_results.briefs(tiny, pairs, YEAR, PERIOD)
    rules = goal_results.rules_fingerprint()
    header = "indikator;organisation;år;period;kön;utfall;prognos"
    text = f"{header}\r\nNOJD;N1-E1;{YEAR};{PERIOD};T;50;50\r\n"
    change_sets.commit(tiny, [UploadFile("enhet.csv", text.encode("utf-8-sig"))], user_name="anna")
    kept = {row[1] for row in result_store.kept(tiny.engine, YEAR, PERIOD, rules)}
    assert kept == {orgs["N2"]}
    assert said(goal_results.briefs(tiny, pairs, YEAR, PERIOD)) == judged_in_full(
        tiny, pairs, YEAR, PERIOD
    )


def test_after_a_units_report_every_kept_result_says_what_judging_in_full_says(empty_store):
    """The auditor's check after a unit's upload on the demo's tree: the results carried over
    (the other units', the other nämnder's) and those judged again all say what judging every
    goal in full now says."""
    store = fill_with_demo(empty_store)
    assessed = [(b.goal, b.org_id) for b in goal_results.assessed(store, None, 2026, "T2")]
    records = change_sets.stored_records(store, MEASUREMENTS.kind)
    unit = next(o for o in store.org_units() if o.level is OrgLevel.UNIT)
    written = [
        (*r[:5], (r[5] or 0) + 40, *r[6:])
        for r in records
        if r[1] == unit.code and r[2:5] == (2026, "T2", "T")
    ]
    content = csv_export.csv_bytes(MEASUREMENTS, written)
    change_sets.commit(store, [UploadFile("enhet.csv", content)], user_name="anna")
    kept = result_store.kept(store.engine, 2026, "T2", goal_results.rules_fingerprint())
    by_id = {o.id: o for o in store.org_units()}
    above, org = set(), unit
    while org is not None:  # the unit and every organisation above it
        above.add(org.id)
        org = by_id.get(org.parent_id)
    assert written and kept and not {row[1] for row in kept} & above
    assert said(goal_results.briefs(store, assessed, 2026, "T2")) == judged_in_full(
        store, assessed, 2026, "T2"
    )


def test_a_result_judged_while_a_write_commits_is_never_read(tiny):
    """A reader read the generation and judged; an upload committed; then the reader kept what it
    judged."""
    pairs = k1_at_city(tiny)
    generation = result_store.generation(tiny.engine)
    [stale] = goal_results.briefs(tiny, pairs, YEAR, PERIOD)
    _upload(tiny, "60")
    assert result_store.keep(
        tiny.engine, [_row(stale, generation, goal_results.rules_fingerprint())]
    )
    assert said(goal_results.briefs(tiny, pairs, YEAR, PERIOD)) == judged_in_full(
        tiny, pairs, YEAR, PERIOD
    )


def test_a_result_judged_before_an_assessment_save_never_replaces_the_saved_one(tiny):
    """The save judges its goal again in its own transaction; a reader keeping the old judgement
    later loses."""
    pairs = k1_at_city(tiny)
    [stale] = goal_results.briefs(tiny, pairs, YEAR, PERIOD)
    generation = result_store.generation(tiny.engine)
    kept = len(result_store.kept(tiny.engine, YEAR, PERIOD, goal_results.rules_fingerprint()))
    _save_assessment(tiny)
    assert result_store.generation(tiny.engine) == generation  # the rest of the kept results stay
    assert result_store.keep(
        tiny.engine, [_row(stale, generation, goal_results.rules_fingerprint())]
    )
    assert (
        len(result_store.kept(tiny.engine, YEAR, PERIOD, goal_results.rules_fingerprint())) == kept
    )
    assert said(goal_results.briefs(tiny, pairs, YEAR, PERIOD)) == judged_in_full(
        tiny, pairs, YEAR, PERIOD
    )


def test_results_kept_by_other_code_are_not_read(tiny):
    pairs = k1_at_city(tiny)
    [brief] = goal_results.briefs(tiny, pairs, YEAR, PERIOD)
    _upload(tiny, "60")  # a new generation, nothing kept in it yet
    assert result_store.keep(
        tiny.engine, [_row(brief, result_store.generation(tiny.engine), "0" * 16)]
    )
    assert said(goal_results.briefs(tiny, pairs, YEAR, PERIOD)) == judged_in_full(
        tiny, pairs, YEAR, PERIOD
    )


def _row(brief: goal_results.Brief, generation: int, rules: str) -> dict:
    """A kept row saying what `brief` says."""
    return {
        "year": YEAR,
        "period": PERIOD,
        "generation": generation,
        "rules": rules,
        "goal_id": brief.goal.id,
        "org_id": brief.org_id,
        "status": brief.status.value,
        "reason": brief.reason.value,
        "score": brief.score,
        "disagreement": brief.disagreement.value,
        "assessment_status": brief.assessment_status.value,
        "assessment_forecast": brief.assessment_forecast,
        "deviations": json.dumps({kind.value: n for kind, n in brief.kinds.items()}),
    }


def test_a_page_read_during_a_write_neither_waits_nor_keeps_what_the_write_makes_stale(tiny):
    """A writer holds the write lock with its change not yet committed (an upload in progress)."""
    pairs = k1_at_city(tiny)
    before = judged_in_full(tiny, pairs, YEAR, PERIOD)
    with tiny.engine.connect() as writer, writer.begin():
        lock_writes(writer)
        result_store.invalidate(writer)
        writer.execute(assessment_t.update().values(status=Status.NOT_MET.value))
        started = time.perf_counter()
        during = said(goal_results.briefs(tiny, pairs, YEAR, PERIOD))
        waited = time.perf_counter() - started
    assert during == before  # the data as committed, judged without waiting for the writer's lock
    assert waited < SQLITE_BUSY_TIMEOUT_MS / 1000 / 2
    after = said(goal_results.briefs(tiny, pairs, YEAR, PERIOD))
    assert after == judged_in_full(tiny, pairs, YEAR, PERIOD) != before


def test_the_meeting_and_consistency_views_rank_and_count_from_kept_results_as_from_full_ones(
    demo_store,
):
    """The whole agenda, and the pairs of similar results assessed differently, as before keeping
    results."""
    root = demo_store.root_org()
    full = agenda.judged_goals(demo_store, root, 2026, "T2")
    as_of = period_end(2026, "T2")
    expected = sorted(
        (
            (s, deviations.deviations_of(s, as_of))
            for s in full
            if deviations.deviations_of(s, as_of)
        ),
        key=lambda pair: deviations.rank(
            pair[0].result.status,
            pair[0].result.score,
            pair[0].goal.code,
            Counter(d.kind for d in pair[1]),
        ),
    )
    found = agenda.deviating(demo_store, root, 2026, "T2")
    assert [(b.goal.code, b.org_id) for b in found] == [
        (s.goal.code, s.org_id) for s, _ in expected
    ]
    orgs = demo_store.org_units()
    pairs = consistency.differing_pairs(
        goal_results.assessed(demo_store, [o.id for o in orgs], 2026, "T2")
    )
    judged = {
        (s.goal.id, s.org_id): s
        for s in control_room.judge(
            demo_store, [(b.goal, b.org_id) for pair in pairs for b in pair], 2026, "T2"
        )
    }
    assert pairs and all(
        abs(judged[a.goal.id, a.org_id].result.score - judged[b.goal.id, b.org_id].result.score)
        <= consistency.SIMILAR_SCORE + 1e-9
        and judged[a.goal.id, a.org_id].assessment.status
        is not judged[b.goal.id, b.org_id].assessment.status
        for a, b in pairs
    )


def test_an_activity_follow_up_judges_its_goal_again_at_its_unit_and_every_unit_above(tiny):
    goal = tiny.goal("K1")
    pairs = [
        (goal, tiny.org(code).id) for code in ("STAD", "N1", "N1-E1", "N2")
    ]  # A1 is held by N1-E1
    before = said(goal_results.briefs(tiny, pairs, YEAR, PERIOD))
    generation = result_store.generation(tiny.engine)
    _follow_up_activity(tiny)
    assert result_store.generation(tiny.engine) == generation
    after = said(goal_results.briefs(tiny, pairs, YEAR, PERIOD))
    assert after == judged_in_full(tiny, pairs, YEAR, PERIOD)
    assert [a != b for a, b in zip(after, before)][:3] == [
        True,
        True,
        True,
    ]  # the overdue activity is done


def test_keeping_a_result_does_not_wait_for_a_write_that_ends_its_generation(tiny):
    """A reader judged before an upload and keeps its result while the upload is still open."""
    [brief] = goal_results.briefs(tiny, k1_at_city(tiny), YEAR, PERIOD)
    row = _row(brief, result_store.generation(tiny.engine), goal_results.rules_fingerprint())
    kept = threading.Event()
    with tiny.engine.connect() as writer, writer.begin():
        lock_writes(writer)
        result_store.invalidate(writer)
        threading.Thread(
            target=lambda: (result_store.keep(tiny.engine, [row]), kept.set()), daemon=True
        ).start()
        assert kept.wait(5), "keeping waited for the writer's transaction"
