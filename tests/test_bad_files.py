"""Every file of the bad-file corpus (tests/files) through both ways in: `kontrollrummet import`
and the upload page's preview. Each gets its Swedish problems, the same both ways, naming the
file; none gets a traceback or a server error, and the database stays as it was."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.tools.cli import main
from dashboard.upload.change_sets import preview
from dashboard.upload.csv_import import UploadFile
from layouts.ids import UploadIds
from layouts.import_problems import problem_text
from tests.callback_requests import callback_payload
from tests.clients import signed_in
from tests.digest import database_digest

FILES = Path(__file__).parent / "files"
BAD = sorted(path.name for path in FILES.iterdir() if path.name != "utfall-ok.csv")


def _url(store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def app(demo_store):
    return create_app(Settings(database_url=_url(demo_store)))


@pytest.fixture(scope="module")
def controller(app):
    return signed_in(app, "controller")


def _expected(store, name: str) -> list[str]:
    problems = preview(store, [UploadFile(name, (FILES / name).read_bytes())]).problems
    assert problems and all(problem.file == name for problem in problems)
    return [problem_text(problem) for problem in problems]


@pytest.mark.parametrize("name", BAD)
def test_the_command_line_prints_each_problem_and_no_traceback(demo_store, name):
    before = database_digest(demo_store)
    result = CliRunner().invoke(main, ["import", str(FILES / name), "--database", _url(demo_store)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stdout == "" and "Traceback" not in result.stderr
    expected = _expected(demo_store, name)
    assert result.stderr.splitlines() == [*expected, f"Inget sparades: {len(expected)} fel."]
    assert database_digest(demo_store) == before


@pytest.mark.parametrize("name", BAD)
def test_the_upload_page_shows_each_problem_and_no_server_error(app, controller, demo_store, name):
    before = database_digest(demo_store)
    content = (FILES / name).read_bytes()
    data_url = "data:text/csv;base64," + base64.b64encode(content).decode()
    payload = callback_payload(app, UploadIds.FILES, [[data_url]], [[name]])
    response = controller.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    shown = json.dumps(response.get_json(), ensure_ascii=False)
    for problem in _expected(demo_store, name):
        assert json.dumps(problem, ensure_ascii=False)[1:-1] in shown
    assert database_digest(demo_store) == before
