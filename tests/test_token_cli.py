"""`kontrollrummet user token`: API tokens from the command line, made, listed, revoked, with
Swedish refusals and exit codes; the token made opens the API."""

import pytest
from click.testing import CliRunner

from dashboard.access import Role, accounts, audit, tokens
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.tools.cli import main
from tests.tiny import tiny_dataset


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = Store(make_engine(url))
    store.create_schema()
    store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    accounts.add(store, "anna", "Anna", Role.READER, [], "rätt-lösenord-1", actor="admin")
    return url


def _run(url, *args):
    return CliRunner().invoke(main, ["user", "token", *args, "--database", url])


def test_create_list_and_revoke_a_token(url):
    made = _run(url, "create", "anna", "--name", "Power BI")
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    store = Store(make_engine(url))
    assert tokens.holder(store, token).username == "anna"
    listed = _run(url, "list", "anna")
    assert listed.exit_code == 0 and "Power BI" in listed.output and token[:8] in listed.output
    assert token not in listed.output and "gäller" in listed.output
    token_id = listed.output.split()[0]
    revoked = _run(url, "revoke", token_id)
    assert revoked.exit_code == 0 and "återkallad" in revoked.output
    assert tokens.holder(store, token) is None
    assert "återkallad" in _run(url, "list").output
    actions = [event.action for event in audit.events(store)]
    assert audit.TOKEN_ADD in actions and audit.TOKEN_REVOKE in actions


@pytest.mark.parametrize(
    "args, message",
    [
        (("create", "finns-inte", "--name", "X"), "inget sådant konto"),
        (("create", "anna", "--name", " "), "Ge nyckeln ett namn"),
        (("revoke", "99"), "ingen gällande nyckel"),
    ],
)
def test_a_token_change_that_cannot_be_made_is_one_swedish_line(url, args, message):
    result = _run(url, *args)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
