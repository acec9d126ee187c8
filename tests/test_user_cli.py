"""`kontrollrummet user`: accounts from the command line, with Swedish refusals and exit codes."""

import pytest
from click.testing import CliRunner

from dashboard.access import accounts, audit
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.tools.cli import main


@pytest.fixture
def demo_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(main, ["demo", "--database", url])
    assert result.exit_code == 0, result.output
    assert "politiker / demo-politiker" in result.output  # the demo accounts are printed
    return url


def _run(url, *args, password: str | None = None):
    return CliRunner().invoke(main, ["user", *args, "--database", url], input=password)


def test_add_list_password_and_remove_an_editor(demo_url):
    added = _run(
        demo_url,
        "add",
        "eva",
        "--role",
        "redaktör",
        "--org",
        "SKA-AO",
        "--name",
        "Eva Holm",
        "--password-stdin",
        password="ett-bra-losenord\n",
    )
    assert added.exit_code == 0 and "eva (redaktör för SKA-AO)" in added.output
    listed = _run(demo_url, "list")
    assert "eva" in listed.output and "SKA-AO" in listed.output and "Eva Holm" in listed.output
    store = Store(make_engine(demo_url))
    assert accounts.sign_in(store, "eva", "ett-bra-losenord", "cli") is not None
    assert (
        _run(
            demo_url, "password", "eva", "--password-stdin", password="ett-annat-losenord\n"
        ).exit_code
        == 0
    )
    assert accounts.sign_in(store, "eva", "ett-annat-losenord", "cli") is not None
    assert _run(demo_url, "remove", "eva").exit_code == 0
    assert "eva" not in _run(demo_url, "list").output
    assert [e.action for e in audit.events(store) if e.target == "eva"] == [
        audit.USER_REMOVE,
        audit.USER_PASSWORD,
        audit.USER_ADD,
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (("add", "eva", "--role", "redaktör", "--sso"), "minst en organisation"),
        (
            ("add", "eva", "--role", "redaktör", "--org", "FINNS-INTE", "--sso"),
            "Okänd organisation",
        ),
        (("add", "politiker", "--role", "läsare", "--sso"), "finns redan"),
        (("remove", "finns-inte"), "inget konto"),
    ],
)
def test_a_refused_account_change_is_one_swedish_line_and_exit_1(demo_url, args, message):
    result = _run(demo_url, *args)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_an_unknown_role_is_a_usage_error(demo_url):
    assert _run(demo_url, "add", "eva", "--role", "chef", "--sso").exit_code == 2
