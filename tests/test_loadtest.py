"""A few seconds of the load test, so the script keeps working: no errors, uploads whole."""

from benchmarks import loadtest
from dashboard.store.database import create_database


def test_a_tiny_load_test_has_no_errors_and_every_upload_lands_whole(postgres_url):
    args = loadtest.arguments().parse_args(
        ["--users", "3", "--requests", "3", "--think", "0.1", "--rows", "600", "--workers", "2"]
    )
    results = loadtest.run(args, create_database(postgres_url, "loadtest"))
    assert results["idle"]["alla vyer"]["requests"] == 9
    assert results["idle"]["alla vyer"]["errors"] == results["loaded"]["alla vyer"]["errors"] == 0
    check = results["upload_check"]
    assert check["whole"] and check["last_upload_wins"] and check["rows_stored"] == 600
    assert sorted((e["inserted"], e["updated"]) for e in check["log"]) == [(0, 600), (600, 0)]
    assert "Mål" in loadtest.report(results)
