"""Accounts in the browser: changing role and organisations by the CLI's rules, on SQLite and
PostgreSQL; the administrators' page; and hand-made requests by anyone else, refused."""

import json

import pytest

from dashboard.access import Role, accounts, audit
from dashboard.access.accounts import AccountError
from dashboard.app import create_app
from dashboard.settings import Settings
from layouts import texts
from layouts.ids import AccountIds
from tests.callback_requests import callback_payload
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.digest import database_digest
from tests.tiny import tiny_dataset

PASSWORD = "rätt-lösenord-1"
LOGS = ("audit_event", "login_attempt")


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def test_a_change_of_role_and_organisations_takes_effect_and_is_audited(tiny):
    accounts.add(tiny, "anna", "Anna", Role.EDITOR, ["N1"], PASSWORD, actor="admin")
    changed = accounts.change(tiny, "anna", Role.EDITOR, ["N2", "N1-E1"], actor="boss")
    assert changed.org_codes == ("N2", "N1-E1") and changed.has_password
    assert set(accounts.principal(tiny, "anna").scope_codes) == {"N2", "N1-E1"}
    accounts.change(tiny, "anna", Role.READER, [], actor="boss")
    found = accounts.principal(tiny, "anna")
    assert found.role is Role.READER and found.scope_codes == ()
    logged = [(e.username, e.action, e.detail) for e in audit.events(tiny)][:2]
    assert logged[0] == ("boss", audit.USER_CHANGE, "läsare")


@pytest.mark.parametrize(
    "username, role, orgs, message",
    [
        ("anna", Role.EDITOR, [], "minst en organisation"),
        ("anna", Role.ADMIN, ["N1"], "ingen organisationsbehörighet"),
        ("anna", Role.EDITOR, ["FINNS-INTE"], "Okänd organisation: FINNS-INTE"),
        ("ingen", Role.READER, [], "inget konto"),
    ],
)
def test_a_bad_change_is_refused_in_swedish_and_changes_nothing(
    tiny, username, role, orgs, message
):
    accounts.add(tiny, "anna", "Anna", Role.EDITOR, ["N1"], PASSWORD, actor="admin")
    before = accounts.accounts(tiny)
    with pytest.raises(AccountError, match=message):
        accounts.change(tiny, username, role, orgs, actor="admin")
    assert accounts.accounts(tiny) == before


def test_a_one_time_password_is_long_enough_and_new_each_time():
    first, second = accounts.one_time_password(), accounts.one_time_password()
    assert first != second and len(first) >= accounts.MIN_PASSWORD_LENGTH


# ---- the page and its callback ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from dashboard.store import Store
    from dashboard.store.database import make_engine

    path = tmp_path_factory.mktemp("accounts") / "k.db"
    store = fill_with_demo(Store(make_engine(f"sqlite:///{path}")))
    return store, create_app(Settings(database_url=f"sqlite:///{path}"))


def _page(store, username):
    from callbacks.routes import page

    return str(page(store, "/konton", "", accounts.principal(store, username)))


def _post(store, app, client, trigger, index=None, form=("", "", "", "", "")) -> str:
    """A click on the add button (index None) or on a row's button, as a browser posts it."""
    names = [a.username for a in accounts.accounts(store)]
    clicks = {
        kind: [
            ({"type": kind, "index": n}, 1 if (kind, n) == (trigger, index) else None)
            for n in names
        ]
        for kind in (AccountIds.CHANGE, AccountIds.RESET, AccountIds.REMOVE)
    }
    roles = [({"type": AccountIds.ROW_ROLE, "index": n}, "läsare") for n in names]
    orgs = [({"type": AccountIds.ROW_ORGS, "index": n}, "") for n in names]
    payload = callback_payload(
        app,
        AccountIds.ADD,
        [1 if trigger == AccountIds.ADD else None, *clicks.values()],
        [*form, roles, [(i, i) for i, _ in roles], orgs, [(i, i) for i, _ in orgs]],
    )
    if index is None:
        payload["changedPropIds"] = [f"{AccountIds.ADD}.n_clicks"]
    else:
        id_ = json.dumps({"index": index, "type": trigger}, separators=(",", ":"))
        payload["changedPropIds"] = [f"{id_}.n_clicks"]
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_only_administrators_see_the_page_and_its_menu_entry(demo):
    from callbacks.routes import nav_entries

    store, _ = demo
    assert AccountIds.ADD in _page(store, "admin")
    for who in ("politiker", "enhetschef", "controller"):
        shown = _page(store, who)
        assert AccountIds.ADD not in shown and texts.REFUSED_ADMIN_ONLY in shown
    menu = {entry.label for entry in nav_entries(accounts.principal(store, "admin"))}
    assert texts.NAV_ACCOUNTS in menu
    assert texts.NAV_ACCOUNTS not in {
        entry.label for entry in nav_entries(accounts.principal(store, "controller"))
    }


def test_an_administrator_adds_changes_resets_and_removes_an_account(demo):
    store, app = demo
    client = signed_in(app, "admin")
    added = _post(
        store,
        app,
        client,
        AccountIds.ADD,
        form=("nyredaktor", "Ny Redaktör", "redaktör", "SKA-FSK-01", ""),
    )
    made = accounts.principal(store, "nyredaktor")
    assert made.role is Role.EDITOR and made.scope_codes == ("SKA-FSK-01",)
    assert texts.ACCOUNT_ONE_TIME_PASSWORD.split("{")[0] in added  # shown once
    assert _post(store, app, client, AccountIds.CHANGE, "nyredaktor")  # row set to läsare
    assert accounts.principal(store, "nyredaktor").role is Role.READER
    stamp = accounts.principal(store, "nyredaktor").session_stamp
    reset = _post(store, app, client, AccountIds.RESET, "nyredaktor")
    assert accounts.principal(store, "nyredaktor").session_stamp != stamp
    assert texts.ACCOUNT_ONE_TIME_PASSWORD.split("{")[0] in reset
    _post(store, app, client, AccountIds.REMOVE, "nyredaktor")
    assert accounts.principal(store, "nyredaktor") is None
    bad = _post(store, app, client, AccountIds.ADD, form=("x y", "", "läsare", "", ""))
    assert "Användarnamnet" in bad


def test_an_administrator_cannot_remove_themselves(demo):
    store, app = demo
    answer = _post(store, app, signed_in(app, "admin"), AccountIds.REMOVE, "admin")
    assert texts.ACCOUNT_NOT_YOURSELF in answer and accounts.principal(store, "admin")


@pytest.mark.parametrize("who", ["politiker", "enhetschef", "controller"])
@pytest.mark.parametrize(
    "button", [AccountIds.ADD, AccountIds.CHANGE, AccountIds.RESET, AccountIds.REMOVE]
)
def test_a_hand_made_account_request_by_anyone_else_is_refused_and_changes_nothing(
    demo, who, button
):
    store, app = demo
    before = database_digest(store, leave_out=LOGS)
    index = None if button == AccountIds.ADD else "politiker"
    form = ("inkraktare", "", "administratör", "", "ett-långt-lösenord")
    answer = _post(store, app, signed_in(app, who), button, index, form)
    assert texts.REFUSED_ADMIN_ONLY in answer
    assert database_digest(store, leave_out=LOGS) == before
    refused = next(e for e in audit.events(store) if e.outcome == audit.REFUSED)
    assert refused.username == who
