"""What travels to the browser: compressed, and cached as long as each response may be.

`kontrollrummet serve` is often all a municipality runs, with no nginx in front, so the app
compresses its own responses (flask-compress: zstd, brotli or gzip, as the browser accepts)
and says how long each may be kept (docs/performance.md, "Shipping less"):
- a file whose URL carries a fingerprint (Dash's `.v4_4_1m…` in a component suite's name, an
  asset's `?m=` modification time) changes its URL when it changes: kept a year, never asked
  again;
- a file without one (Dash's lazily loaded chunks such as `async-graph.js`) is kept but asked
  again each time (`no-cache`, answered 304 through its ETag);
- everything else is a signed-in person's content, or an error: never stored (`no-store`).
A file's answer carries no session cookie: Flask would refresh it and add `Vary: Cookie`, and
as the signed cookie changes every second no browser would ever reuse the file.
"""

from __future__ import annotations

from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from flask_compress import Compress

from layouts import urls

FOREVER = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
NEVER = "no-store"
ASSET_FINGERPRINT_KEY = "m"  # Dash adds ?m=<modification time> to every asset it links
# Assets are sent as streams, for which flask-compress leaves gzip out by default; its streaming
# gzip works, and some clients (and proxies) ask for nothing else.
STREAMING_ALGORITHMS = ["zstd", "br", "gzip", "deflate"]


def install(server: Flask) -> None:
    """Compress what the browser accepts and set every response's Cache-Control.

    Call it after the other after-request hooks are added: Flask runs them in reverse, so the
    headers are set before the body is compressed."""
    server.config["COMPRESS_ALGORITHM_STREAMING"] = STREAMING_ALGORITHMS
    # A compressed asset's ETag gains the algorithm's name; let a revalidation still get its 304.
    server.config["COMPRESS_STREAMING_ENDPOINT_CONDITIONAL"] = ["static", "assets.static"]
    Compress(server)
    server.session_interface = FilesWithoutSession()

    @server.after_request
    def cache_control(response: Response) -> Response:
        fingerprinted = ASSET_FINGERPRINT_KEY in request.args
        response.headers["Cache-Control"] = lifetime(
            request.path, fingerprinted, response.status_code
        )
        return response


def is_file(path: str) -> bool:
    """Whether the path is one of the scripts, styles and images every signed-in page shares."""
    return path.startswith((urls.COMPONENT_SUITES_PREFIX, urls.ASSETS_PREFIX, urls.FAVICON_PATH))


class FilesWithoutSession(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, saved on every answer but a file's."""

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if not is_file(request.path):
            super().save_session(app, session, response)


def lifetime(path: str, asset_fingerprint: bool, status: int) -> str:
    """The Cache-Control for an answer to `path` (`asset_fingerprint`: its query has `?m=`)."""
    if status not in (200, 304) or not is_file(path):
        return NEVER
    if path.startswith(urls.COMPONENT_SUITES_PREFIX):
        return FOREVER if check_fingerprint(path)[1] else REVALIDATE
    if path.startswith(urls.ASSETS_PREFIX) and asset_fingerprint:
        return FOREVER
    return REVALIDATE  # the favicon's ?v= is Dash's version, not the file's
