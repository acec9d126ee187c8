"""The benchmark runs end to end on the demo (a smoke run: it checks that it runs, not its
times)."""

import json

from click.testing import CliRunner
from sqlalchemy import text

from dashboard.tools import bench, import_bench
from dashboard.tools.cli import main


def test_bench_measures_every_view_and_reports_a_verdict(demo_store, tmp_path):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    results = bench.run(url, calls=3)
    assert len(results["views"]) >= 11
    for view in results["views"]:
        assert view["calls"] == 3 and view["p50_ms"] > 0 and view["max_bytes"] > 1000
        assert 0 < view["floor_p50_ms"] <= view["max_ms"] * 3
    assert "Sammanfattning:" in bench.report(results)
    after_write = [v for v in results["views"] if v["write_p50_ms"] is not None]
    assert len(after_write) == len(bench.KEPT_VIEWS)
    assert all(v["budget_ms"] == bench.BUDGET_AFTER_WRITE_MS for v in after_write)


def test_the_first_page_after_a_write_is_timed_where_pages_open_the_latest_period():
    views = {
        "avvikelser stad": [("/avvikelser", "?ar=2024&period=T1&org=STAD")] * 9,
        "översikt KF-mål": [("/", "?ar=2024&period=T1&org=SKA")],
    }
    assert bench.after_write_urls(views, 2, (2026, "T2")) == {
        "avvikelser stad (direkt efter ändring)": [("/avvikelser", "?ar=2026&period=T2&org=STAD")]
        * 2
    }


def test_import_is_measured_in_scratch_databases_that_are_removed_after(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    before = _databases(demo_store)
    [figures] = import_bench.run(url, [400])
    assert figures["backend"] == demo_store.engine.dialect.name and figures["rows"] == 400
    assert figures["import_s"] > 0 and figures["raw_s"] > 0 and figures["changed_s"] > 0
    assert figures["ratio"] == figures["import_s"] / figures["raw_s"]
    assert _databases(demo_store) == before


def test_import_budget_needs_both_the_rate_and_the_ratio():
    def figures(import_s: float, raw_s: float) -> import_bench.ImportFigures:
        return import_bench.ImportFigures("sqlite", 100_000, 1, import_s, raw_s, 1.0, 1.0)

    assert figures(0.9, 0.5).within_budget
    assert not figures(1.1, 0.5).within_budget  # 91 000 rows/s
    assert not figures(0.9, 0.2).within_budget  # 4.5 × the raw upsert


def test_bench_command_builds_an_empty_database_and_writes_json(tmp_path):
    url = f"sqlite:///{tmp_path / 'b.db'}"
    result = CliRunner().invoke(
        main,
        [
            "bench",
            "--scale",
            "demo",
            "--calls",
            "3",
            "--database",
            url,
            "--import-rows",
            "300",
            "--json",
            str(tmp_path / "b.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    saved = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [i["rows"] for i in saved["imports"]] == [300]
    assert "rå upsert" in result.output and "Sammanfattning:" in result.output


def test_bench_command_without_import_measures_only_the_views(tmp_path):
    url = f"sqlite:///{tmp_path / 'b.db'}"
    result = CliRunner().invoke(
        main,
        [
            "bench",
            "--scale",
            "demo",
            "--calls",
            "3",
            "--database",
            url,
            "--no-import",
            "--json",
            str(tmp_path / "b.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["imports"] == []


def _databases(store) -> set[str]:
    if store.engine.dialect.name == "sqlite":
        return set()
    with store.engine.connect() as conn:
        return set(conn.execute(text("SELECT datname FROM pg_database")).scalars())
