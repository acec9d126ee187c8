"""Mitt konto in Chromium: a politician makes an API token, a Power BI-style client reads
/api/v1/ with it (CSV that Excel opens with the right decimals), and after revoking it gets 401."""

import csv
import io
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from layouts import texts, urls


def _read(base_url: str, path: str, token: str) -> tuple[int, bytes]:
    """A request as a program sends it: no cookie, only the token."""
    asked = urllib.request.Request(base_url + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(asked, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_a_politician_makes_a_token_that_a_program_reads_with_until_revoked(
    page, axe_check, screenshot, base_url
):
    page.goto("/")
    page.get_by_role("link", name=texts.ACCOUNT_LINK).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts.ACCOUNT_HEADING)
    page.get_by_label(texts.TOKEN_NAME_LABEL).fill("Power BI")
    page.get_by_role("button", name=texts.TOKEN_CREATE_BUTTON).click()
    token = page.locator(".new-token").inner_text()
    expect(page.get_by_role("table")).to_contain_text("Power BI")
    assert axe_check() == []
    screenshot("mitt-konto")

    status, body = _read(base_url, urls.api_path("indicator-values", csv=True) + "?limit=50", token)
    assert status == 200 and body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows and any("," in row["outcome"] for row in rows)  # decimal comma
    assert all("." not in row["outcome"] for row in rows)

    page.get_by_role("button", name=texts.TOKEN_REVOKE_LABEL.format(name="Power BI")).click()
    expect(page.get_by_role("status")).to_contain_text(texts.TOKEN_REVOKED.format(name="Power BI"))
    assert _read(base_url, urls.API_INDEX_PATH, token)[0] == 401


@pytest.mark.user(None)
def test_without_a_token_a_program_gets_401(base_url):
    assert _read(base_url, urls.API_INDEX_PATH, "")[0] == 401
