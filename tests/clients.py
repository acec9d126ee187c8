"""HTTP clients of a test app, signed in through the real sign-in form as a demo account."""

from flask.testing import FlaskClient

from dashboard.tools.demo_accounts import DEMO_ACCOUNTS

PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}


def signed_in(app, username: str = "politiker") -> FlaskClient:
    """A client holding the session cookie of a demo account (reader by default)."""
    client = app.server.test_client()
    response = client.post(
        "/logga-in", data={"username": username, "password": PASSWORDS[username]}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client
