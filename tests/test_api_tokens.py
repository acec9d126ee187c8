"""API tokens in the store on SQLite and PostgreSQL: made by the holder or an administrator,
kept only as a hash, revocable, audited, and gone with their account."""

import pytest
from sqlalchemy import select

from dashboard.access import ANONYMOUS, Role, accounts, audit, operator, tokens
from dashboard.access.tokens import TokenError, TokenProblem
from dashboard.store.tokens import token_t
from tests.tiny import tiny_dataset

PASSWORD = "rätt-lösenord-1"


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    accounts.add(empty_store, "anna", "Anna", Role.READER, [], PASSWORD, actor="admin")
    accounts.add(empty_store, "bo", "Bo", Role.EDITOR, ["N1"], PASSWORD, actor="admin")
    return empty_store


def _who(store, username):
    return accounts.principal(store, username)


def test_a_holder_makes_a_token_that_stands_for_their_account(tiny):
    anna = _who(tiny, "anna")
    token = tokens.create(tiny, anna, "anna", "Power BI")
    assert token.startswith(tokens.PREFIX) and len(token) > 40
    assert tokens.holder(tiny, token) == anna
    [listed] = tokens.tokens(tiny, anna)
    assert (listed.name, listed.hint, listed.revoked_at) == ("Power BI", token[:8], None)


def test_only_the_tokens_hash_is_kept(tiny):
    token = tokens.create(tiny, _who(tiny, "anna"), "anna", "Excel")
    with tiny.engine.connect() as conn:
        row = conn.execute(select(token_t)).mappings().one()
    assert token not in {str(value) for value in row.values()}
    assert row["token_hash"] == tokens.digest(token)


def test_an_anonymous_reader_makes_and_revokes_no_token(tiny):
    with pytest.raises(TokenError):
        tokens.create(tiny, ANONYMOUS, ANONYMOUS.username, "Anonym")
    with pytest.raises(TokenError):
        tokens.revoke(tiny, ANONYMOUS, 1)
    assert tokens.tokens(tiny, ANONYMOUS) == []


def test_nobody_makes_a_token_for_someone_else_but_an_administrator(tiny):
    with pytest.raises(TokenError) as refused:
        tokens.create(tiny, _who(tiny, "bo"), "anna", "Stulen")
    assert refused.value.problem is TokenProblem.NOT_ALLOWED
    token = tokens.create(tiny, operator("admin"), "anna", "Åt Anna")
    assert tokens.holder(tiny, token).username == "anna"


@pytest.mark.parametrize(
    "username, name, problem",
    [("finns-inte", "Namn", TokenProblem.NO_ACCOUNT), ("anna", " ", TokenProblem.BAD_NAME)],
)
def test_a_bad_token_is_refused_and_not_stored(tiny, username, name, problem):
    with pytest.raises(TokenError) as refused:
        tokens.create(tiny, operator("admin"), username, name)
    assert refused.value.problem is problem
    assert tokens.tokens(tiny, operator("admin")) == []


def test_a_revoked_token_stands_for_nobody(tiny):
    anna = _who(tiny, "anna")
    token = tokens.create(tiny, anna, "anna", "Power BI")
    [made] = tokens.tokens(tiny, anna)
    with pytest.raises(TokenError):  # not Bo's to revoke
        tokens.revoke(tiny, _who(tiny, "bo"), made.id)
    assert tokens.holder(tiny, token) is not None
    tokens.revoke(tiny, anna, made.id)
    assert tokens.holder(tiny, token) is None
    assert tokens.tokens(tiny, anna)[0].revoked_at is not None
    with pytest.raises(TokenError):  # once
        tokens.revoke(tiny, anna, made.id)


def test_an_administrator_revokes_any_token_and_sees_them_all(tiny):
    token = tokens.create(tiny, _who(tiny, "anna"), "anna", "Power BI")
    tokens.create(tiny, _who(tiny, "bo"), "bo", "Excel")
    admin = operator("admin")
    assert [t.username for t in tokens.tokens(tiny, admin)] == ["bo", "anna"]
    assert [t.username for t in tokens.tokens(tiny, _who(tiny, "bo"))] == ["bo"]
    tokens.revoke(tiny, admin, tokens.tokens(tiny, admin, "anna")[0].id)
    assert tokens.holder(tiny, token) is None


def test_a_removed_accounts_tokens_end_with_it(tiny):
    token = tokens.create(tiny, _who(tiny, "anna"), "anna", "Power BI")
    accounts.remove(tiny, "anna", actor="admin")
    assert tokens.holder(tiny, token) is None
    assert tokens.tokens(tiny, operator("admin")) == []


@pytest.mark.parametrize("given", ["", "kr_", "kr_fel", "Bearer x", "kr_" + "a" * 300])
def test_an_unknown_token_stands_for_nobody(tiny, given):
    tokens.create(tiny, _who(tiny, "anna"), "anna", "Power BI")
    assert tokens.holder(tiny, given) is None


def test_making_and_revoking_are_audited(tiny):
    anna = _who(tiny, "anna")
    token = tokens.create(tiny, anna, "anna", "Power BI")
    tokens.revoke(tiny, operator("admin"), tokens.tokens(tiny, anna)[0].id)
    events = audit.events(tiny)
    made = next(e for e in events if e.action == audit.TOKEN_ADD)
    revoked = next(e for e in events if e.action == audit.TOKEN_REVOKE)
    assert (made.username, made.target) == ("anna", "anna") and token[:8] in made.detail
    assert token not in made.detail
    assert (revoked.username, revoked.target) == ("admin", "anna")
