"""Accounts in the store on SQLite and PostgreSQL: adding, checking, signing in, limits, the
audit."""

import pytest
from sqlalchemy import update

from dashboard.access import Role, accounts, audit
from dashboard.access.accounts import AccountError
from dashboard.store import accounts as stored_accounts
from dashboard.store.schema_access import UserRecord
from dashboard.tools.bench import captured_sql
from tests.tiny import tiny_dataset

PASSWORD = "rätt-lösenord-1"


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def test_an_editor_gets_the_paths_of_their_organisations(tiny):
    accounts.add(tiny, "Anna", "Anna Lind", Role.EDITOR, ["N1"], PASSWORD, actor="admin")
    found = accounts.principal(tiny, "anna")  # usernames are kept in lower case
    n1, unit, n2 = (tiny.org_path(tiny.org(code).id) for code in ("N1", "N1-E1", "N2"))
    assert found.role is Role.EDITOR and found.scope_codes == ("N1",) and found.scope_paths == (n1,)
    assert found.may_edit(unit) and not found.may_edit(n2)


@pytest.mark.parametrize("codes", [(), ("N1",), ("N2", "N1")])
def test_a_signed_in_person_and_their_organisations_are_read_in_one_statement(tiny, codes):
    """Every request loads its user (issue 20): the account and its organisations together."""
    role = Role.EDITOR if codes else Role.READER
    accounts.add(tiny, "anna", "Anna Lind", role, list(codes), PASSWORD, actor="admin")
    with captured_sql(tiny) as statements:
        found = accounts.principal(tiny, "anna")
    assert len(statements) == 1
    assert found.display_name == "Anna Lind" and found.role is role
    assert found.scope_codes == tuple(sorted(codes))
    assert found.scope_paths == tuple(tiny.org_path(tiny.org(c).id) for c in sorted(codes))
    assert accounts.principal(tiny, "okand") is None


@pytest.mark.parametrize(
    "username, role, orgs, password, message",
    [
        ("anna", Role.EDITOR, [], PASSWORD, "minst en organisation"),
        ("anna", Role.READER, ["N1"], PASSWORD, "ingen organisationsbehörighet"),
        ("anna", Role.EDITOR, ["FINNS-INTE"], PASSWORD, "Okänd organisation: FINNS-INTE"),
        ("a b", Role.READER, [], PASSWORD, "Användarnamnet"),
        ("anna", Role.READER, [], "kort", "minst 10 tecken"),
    ],
)
def test_a_bad_account_is_refused_in_swedish_and_not_stored(
    tiny, username, role, orgs, password, message
):
    with pytest.raises(AccountError, match=message):
        accounts.add(tiny, username, "", role, orgs, password, actor="admin")
    assert accounts.accounts(tiny) == []


def test_a_username_is_taken_only_once(tiny):
    accounts.add(tiny, "anna", "", Role.READER, [], PASSWORD, actor="admin")
    with pytest.raises(AccountError, match="finns redan"):
        accounts.add(tiny, "Anna", "", Role.ADMIN, [], PASSWORD, actor="admin")
    assert [a.role for a in accounts.accounts(tiny)] == [Role.READER]


def test_only_the_right_password_signs_in_and_it_is_stored_hashed(tiny):
    accounts.add(tiny, "anna", "", Role.READER, [], PASSWORD, actor="admin")
    assert accounts.sign_in(tiny, "anna", "fel", "10.0.0.1") is None
    assert accounts.sign_in(tiny, "okänd", PASSWORD, "10.0.0.1") is None
    assert accounts.sign_in(tiny, " ANNA ", PASSWORD, "10.0.0.1").username == "anna"
    with tiny.engine.connect() as conn:
        stored = conn.execute(UserRecord.__table__.select()).mappings().one()["password_hash"]
    assert PASSWORD not in stored and stored.startswith("scrypt:")


def test_repeated_failures_lock_the_account_for_a_while_from_that_address_only(tiny):
    accounts.add(tiny, "anna", "", Role.READER, [], PASSWORD, actor="admin")
    for _ in range(accounts.MAX_FAILURES_PER_USER):
        assert accounts.sign_in(tiny, "anna", "gissning", "10.0.0.1") is None
    with pytest.raises(accounts.TooManyAttempts):
        accounts.sign_in(tiny, "anna", PASSWORD, "10.0.0.1")
    # A stranger's guesses do not lock Anna out of her own computer before the meeting.
    assert accounts.sign_in(tiny, "anna", PASSWORD, "10.0.0.2") is not None
    with tiny.engine.begin() as conn:  # the window passes
        conn.execute(
            update(stored_accounts.attempt_t).values(at=audit.now() - accounts.ATTEMPT_WINDOW * 2)
        )
    assert accounts.sign_in(tiny, "anna", PASSWORD, "10.0.0.1") is not None


def test_a_password_over_the_cap_is_neither_set_nor_hashed_at_sign_in(tiny):
    too_long = "x" * (accounts.MAX_PASSWORD_LENGTH + 1)
    with pytest.raises(accounts.AccountError, match="högst"):
        accounts.add(tiny, "anna", "", Role.READER, [], too_long, actor="admin")
    accounts.add(tiny, "anna", "", Role.READER, [], PASSWORD, actor="admin")
    assert accounts.sign_in(tiny, "anna", PASSWORD + too_long, "10.0.0.1") is None


def test_one_address_guessing_many_names_is_stopped(tiny):
    for number in range(accounts.MAX_FAILURES_PER_ADDRESS):
        accounts.sign_in(tiny, f"namn{number}", "gissning", "10.0.0.9")
    with pytest.raises(accounts.TooManyAttempts):
        accounts.sign_in(tiny, "någon", "gissning", "10.0.0.9")


def test_a_new_password_replaces_the_old_and_removal_ends_the_account(tiny):
    accounts.add(tiny, "anna", "", Role.READER, [], PASSWORD, actor="admin")
    accounts.set_password(tiny, "anna", "ett-nytt-lösenord", actor="admin")
    assert accounts.sign_in(tiny, "anna", PASSWORD, "a") is None
    assert accounts.sign_in(tiny, "anna", "ett-nytt-lösenord", "a") is not None
    accounts.remove(tiny, "anna", actor="admin")
    assert accounts.principal(tiny, "anna") is None
    with pytest.raises(AccountError, match="inget konto"):
        accounts.remove(tiny, "anna", actor="admin")


def test_a_single_sign_on_account_has_no_password_to_guess(tiny):
    accounts.add(tiny, "sso", "", Role.READER, [], None, actor="admin")
    assert (
        accounts.sign_in(tiny, "sso", "", "a") is None
        and not accounts.accounts(tiny)[0].has_password
    )


def test_every_account_change_is_in_the_audit_log_with_its_author(tiny):
    accounts.add(tiny, "anna", "", Role.EDITOR, ["N1"], PASSWORD, actor="admin")
    accounts.set_password(tiny, "anna", "ett-nytt-lösenord", actor="root")
    accounts.remove(tiny, "anna", actor="admin")
    logged = [
        (e.username, e.action, e.target) for e in audit.events(tiny) if e.action.startswith("user_")
    ]
    assert logged == [
        ("admin", audit.USER_REMOVE, "anna"),
        ("root", audit.USER_PASSWORD, "anna"),
        ("admin", audit.USER_ADD, "anna"),
    ]


def test_the_session_key_is_made_once_and_shared(tiny):
    first = accounts.session_key(tiny)
    assert len(first) == 64 and accounts.session_key(tiny) == first
