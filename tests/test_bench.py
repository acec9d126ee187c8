"""The view benchmark runs end to end on the demo (a smoke run: it checks that it runs, not its times)."""

from click.testing import CliRunner

from dashboard import bench
from dashboard.cli import main


def test_bench_measures_every_view_and_reports_a_verdict(demo_store, tmp_path):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    results = bench.run(url, calls=3)
    assert len(results["views"]) >= 7
    for view in results["views"]:
        assert view["calls"] == 3 and view["p50_ms"] > 0 and view["max_bytes"] > 1000
        assert 0 < view["floor_p50_ms"] <= view["max_ms"] * 3
    assert "Sammanfattning:" in bench.report(results)


def test_bench_command_builds_an_empty_database_and_writes_json(tmp_path):
    url = f"sqlite:///{tmp_path / 'b.db'}"
    result = CliRunner().invoke(main, ["bench", "--scale", "demo", "--calls", "3", "--database", url,
                                       "--json", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "Sammanfattning:" in result.output and (tmp_path / "b.json").exists()
