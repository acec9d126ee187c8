"""Sign-in for one app: accounts through flask-login, an optional trusted proxy header, and
the guard that sends everyone who is not signed in to the sign-in page.

Sessions are Flask's signed cookies (HttpOnly, SameSite=Lax), keyed by a secret every
worker shares, so any worker can serve any request. Callbacks ask `current()` who is
behind a request; the rules of what that person may do are in dashboard.access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlsplit

from dash import Dash
from flask import Flask, Request, Response, has_request_context, redirect, request, session
from flask.typing import ResponseReturnValue
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from callbacks import api
from dashboard.access import ANONYMOUS, Principal, accounts, audit, tokens
from dashboard.settings import Settings
from dashboard.store import Store
from layouts import sign_in, texts, urls

# Reachable without signing in: the form itself, the health check, and the CSS the form uses.
# Exact paths: as prefixes, "/logga-inX" or "/healthz/.." got the app shell (issue 16).
OPEN_PATHS = frozenset({urls.SIGN_IN_PATH, urls.FAVICON_PATH, urls.HEALTH_PATH})
MAX_NEXT_LENGTH = 2000  # longer than any link the app makes
# A name, a password and the path to return to: anything larger is refused before it is read,
# so no stranger makes a worker parse megabytes (the upload limit applied before, issue 16).
MAX_SIGN_IN_BYTES = 8 * 1024
SESSION_LIFETIME = dt.timedelta(hours=10)  # a working day, then sign in again


class SignedIn(UserMixin):
    """flask-login's view of a principal."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    def get_id(self) -> str:
        return f"{self.principal.username}|{self.principal.session_stamp}"


def current() -> Principal:
    """Who is behind the request being served (the anonymous reader if nobody, or no request)."""
    if not has_request_context() or not current_user.is_authenticated:
        return ANONYMOUS
    return current_user.principal


def register(app: Dash, store: Store, settings: Settings) -> None:
    """Sessions and the guard; the sign-in and sign-out routes are in callbacks/routes.py."""
    server: Flask = app.server
    server.secret_key = settings.secret_key or accounts.session_key(store)
    server.config.update(
        SESSION_COOKIE_NAME="kontrollrummet_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
    )
    manager = LoginManager(server)

    @manager.user_loader
    def load(session_id: str) -> SignedIn | None:
        username, _, stamp = session_id.partition("|")
        found = accounts.principal(store, username)  # a removed account is signed out at once,
        return (
            SignedIn(found) if found and found.session_stamp == stamp else None
        )  # a new password too

    @manager.request_loader
    def from_request(req: Request) -> SignedIn | None:
        if (token := api_token(req)) is not None:  # a program reading the API
            found = tokens.holder(store, token)
        elif settings.trusted_user_header:
            name = req.headers.get(settings.trusted_user_header, "").strip().lower()
            found = accounts.principal(store, name) if name else None
        else:
            return None
        return SignedIn(found) if found else None

    @server.before_request
    def guard() -> ResponseReturnValue | None:
        if is_open(request.path) or current_user.is_authenticated:
            return None
        # The API answers in JSON; a token sent that does not hold is refused even where
        # anyone may read, so a revoked token is noticed rather than read anonymously.
        if request.path.startswith(urls.API_PREFIX) and (
            "Authorization" in request.headers or not settings.anonymous_read
        ):
            return api.unauthorized()
        if settings.anonymous_read:
            return None
        if settings.trusted_user_header and request.headers.get(settings.trusted_user_header):
            name = request.headers[settings.trusted_user_header]
            return Response(
                sign_in.message_page(
                    texts.SIGN_IN_TITLE, texts.SIGN_IN_UNKNOWN_SSO.format(user=name)
                ),
                403,
                mimetype="text/html",
            )
        if request.path.startswith(urls.CALLBACK_PREFIX):  # the page's script shows the message
            return Response(texts.SESSION_ENDED, 401, mimetype="text/plain")
        return redirect(urls.sign_in_href(request.full_path.rstrip("?")))


def sign_in_view(store: Store) -> Callable[[], ResponseReturnValue]:
    """The sign-in form (GET) and its check (POST), for the route table."""

    def sign_in_page() -> ResponseReturnValue:
        if request.method == "POST":
            if request.content_length is None or request.content_length > MAX_SIGN_IN_BYTES:
                return _form(urls.OVERVIEW_PATH, "", texts.SIGN_IN_TOO_LARGE, 413)
            request.max_content_length = (
                MAX_SIGN_IN_BYTES  # and the parser stops there whatever is claimed
            )
        next_path = safe_next(request.values.get(urls.NEXT_KEY, urls.OVERVIEW_PATH))
        if request.method == "GET":
            return Response(sign_in.page(urls.SIGN_IN_PATH, next_path), mimetype="text/html")
        username = request.form.get("username", "")
        try:
            found = accounts.sign_in(
                store, username, request.form.get("password", ""), request.remote_addr or ""
            )
        except accounts.TooManyAttempts:
            return _form(next_path, username, texts.SIGN_IN_LOCKED, 429)
        if found is None:
            return _form(
                next_path, username, texts.SIGN_IN_FAILED, 200
            )  # the form again, with the reason
        login_user(SignedIn(found))
        session.permanent = True  # expires after SESSION_LIFETIME, not when the browser closes
        return redirect(landing(found, next_path))

    return sign_in_page


def landing(user: Principal, next_path: str) -> str:
    """Where signing in leads: the page asked for; without one, editors land on Att rapportera
    for their own organisation and administrators for the city (issue 18), readers on Översikt."""
    if next_path != urls.OVERVIEW_PATH or not user.may_edit_something:
        return next_path
    own = user.scope_codes[0] if user.scope_codes and not user.is_admin else None
    return urls.to_report_href(own)


def sign_out_view(store: Store) -> Callable[[], ResponseReturnValue]:
    """Signing out (POST only), for the route table."""

    def sign_out() -> ResponseReturnValue:
        if current_user.is_authenticated:  # ends this cookie and any copy of it, in every worker
            accounts.sign_out(store, current_user.principal.username)
        logout_user()
        return redirect(urls.SIGN_IN_PATH)

    return sign_out


def record_refusal(store: Store, user: Principal, action: str, target: str, reason: str) -> None:
    """Log a refused write with the client's address, which bounds how many are kept in full."""
    address = (request.remote_addr or "") if has_request_context() else ""
    audit.refuse(store, user, action, target, reason, address)


def refusal(user: Principal, org_path: str | None, org_name: str) -> str | None:
    """Why this person may not change the organisation's data (in Swedish), or None when they
    may."""
    if not user.may_edit_something:
        return texts.REFUSED_READ_ONLY
    if not user.may_edit(org_path):
        return texts.REFUSED_OUT_OF_SCOPE.format(scope=user.scope_label, org=org_name)
    return None


def may_change(store: Store, user: Principal) -> Callable[[int], bool]:
    """Whether this person may change an organisation's data, by its id: the test every offered
    action passes, so no one is shown a form they would be refused (issue 20)."""
    if not user.may_edit_something or user.is_admin:
        return lambda _: user.is_admin
    decided: dict[int, bool] = {}  # a page asks once per organisation, not once per goal

    def allowed(org_id: int) -> bool:
        if org_id not in decided:
            decided[org_id] = user.may_edit(store.org_path(org_id))
        return decided[org_id]

    return allowed


def api_token(req: Request) -> str | None:
    """The bearer token of a request that reads the API; None elsewhere, so a token never opens
    a page, a callback or a write."""
    if not req.path.startswith(urls.API_PREFIX) or req.method not in ("GET", "HEAD"):
        return None
    scheme, _, token = req.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def is_open(path: str) -> bool:
    """Whether a path is served to people who have not signed in."""
    return path in OPEN_PATHS or path.startswith(urls.ASSETS_PREFIX)


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site (with its query), else the start page.

    Browsers drop tabs and newlines and read a backslash as a slash, so "/<tab>/evil.example"
    would lead to another host: any whitespace, control character or backslash is refused."""
    if len(target) > MAX_NEXT_LENGTH or any(
        c.isspace() or not c.isprintable() or c == "\\" for c in target
    ):
        return urls.OVERVIEW_PATH
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not parts.path.startswith("/")
        or parts.path.startswith("//")
    ):
        return urls.OVERVIEW_PATH
    return target


def _form(next_path: str, username: str, message: str, status: int) -> Response:
    return Response(
        sign_in.page(urls.SIGN_IN_PATH, next_path, username, message), status, mimetype="text/html"
    )
