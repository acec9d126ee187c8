"""Mitt konto: a signed-in person makes an API token (shown once), sees it listed by its first
characters, and revokes it; an anonymous reader is asked to sign in."""

import pytest

from callbacks import my_account
from callbacks.routes import page
from dashboard.access import ANONYMOUS, Role, accounts, audit, tokens
from layouts import texts, urls
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    accounts.add(empty_store, "anna", "Anna Lind", Role.READER, [], "rätt-lösenord-1", "admin")
    return empty_store


def test_a_reader_makes_sees_and_revokes_a_token(tiny):
    anna = accounts.principal(tiny, "anna")
    shown = _text(page(tiny, urls.ACCOUNT_PATH, None, anna))
    assert texts.TOKENS_HEADING in shown and texts.TOKENS_NONE in shown
    feedback, listed, name = my_account.create(tiny, anna, "Power BI")
    [made] = tokens.tokens(tiny, anna)
    token = next(t for t in _text(feedback).split('"') if t.startswith(tokens.PREFIX))
    assert tokens.holder(tiny, token) == anna and name == ""
    assert made.hint in _text(listed) and token not in _text(listed)
    again = _text(page(tiny, urls.ACCOUNT_PATH, None, anna))
    assert "Power BI" in again and token not in again  # shown once, never again
    feedback, listed, _ = my_account.revoke(tiny, anna, made.id)
    assert texts.TOKEN_REVOKED.format(name="Power BI") in _text(feedback)
    assert tokens.holder(tiny, token) is None
    assert f'"{texts.TOKEN_REVOKE_BUTTON}"' not in _text(listed)  # no button left


def test_nobody_revokes_someone_elses_token_from_the_page(tiny):
    accounts.add(tiny, "bo", "Bo", Role.READER, [], "rätt-lösenord-1", "admin")
    anna, bo = accounts.principal(tiny, "anna"), accounts.principal(tiny, "bo")
    my_account.create(tiny, anna, "Power BI")
    [made] = tokens.tokens(tiny, anna)
    feedback, _, _ = my_account.revoke(tiny, bo, made.id)
    assert texts.TOKEN_PROBLEM[tokens.TokenProblem.NO_TOKEN] in _text(feedback)
    assert tokens.tokens(tiny, anna)[0].revoked_at is None
    [refused] = [e for e in audit.events(tiny) if e.outcome == audit.REFUSED]
    assert (refused.username, refused.action) == ("bo", audit.TOKEN_REVOKE)


def test_a_token_without_a_name_is_refused_with_the_reason(tiny):
    anna = accounts.principal(tiny, "anna")
    feedback, _, _ = my_account.create(tiny, anna, "  ")
    assert texts.TOKEN_PROBLEM[tokens.TokenProblem.BAD_NAME] in _text(feedback)
    assert tokens.tokens(tiny, anna) == []


def test_an_anonymous_reader_is_asked_to_sign_in(tiny):
    shown = _text(page(tiny, urls.ACCOUNT_PATH, None, ANONYMOUS))
    assert texts.ACCOUNT_SIGNED_OUT in shown and texts.TOKEN_CREATE_BUTTON not in shown
