"""The web surface: request size limit, same-origin writes, security headers, plain error pages.

Dash makes every callback a public POST endpoint, so the rules here apply to every
request, not to pages: a body over the upload limit is refused before it is read, a POST
from another site's page is refused, and no error ever shows a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from dash.exceptions import DependencyException
from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from dashboard.web.log_text import bounded

log = logging.getLogger("kontrollrummet.web")
# Room for base64 (4/3 of the files) and the JSON around it in one Dash request.
BODY_PER_FILE_BYTE = 4 / 3
BODY_SLACK_BYTES = 1 << 20


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """Only our own scripts and Dash's inline ones by hash (given quoted); nothing may frame the
    app."""
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # Dash's components set inline styles
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def install(
    server: Flask,
    script_hashes: Sequence[str],
    max_upload_bytes: int,
    render_error: Callable[[int], Response],
    debug: bool,
    hsts: bool = False,
) -> None:
    """Add the limits, the headers and the error pages (in debug mode Dash shows its own).

    `hsts`: served over HTTPS only (KONTROLLRUMMET_SECURE_COOKIES), so browsers may insist on it."""
    server.config["MAX_CONTENT_LENGTH"] = (
        int(max_upload_bytes * BODY_PER_FILE_BYTE) + BODY_SLACK_BYTES
    )
    policy = content_security_policy(script_hashes)

    @server.before_request
    def same_origin_writes() -> Response | None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        origin = request.headers.get("Origin") or request.headers.get("Referer")
        parts = urlsplit(origin or "")
        if origin and (parts.scheme, parts.netloc) != (
            request.scheme,
            request.host,
        ):  # http://host is another origin
            log.warning(
                "refused a %s to %s from %s",
                request.method,
                bounded(request.path, 500),
                bounded(origin, 500),
            )
            return Response(
                "Förfrågan kom från en annan webbplats och nekades.", 403, mimetype="text/plain"
            )
        return None

    @server.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        if hsts:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response

    @server.errorhandler(RequestEntityTooLarge)
    def too_large(error: RequestEntityTooLarge) -> Response:
        return render_error(413)

    @server.errorhandler(DependencyException)
    def no_such_script(error: DependencyException) -> Response:
        # Dash raises it for a component-suite path it does not know: a wrong address, not a fault
        return render_error(404)

    if debug:
        return

    @server.errorhandler(Exception)
    def failure(error: Exception) -> Response | HTTPException:
        if isinstance(error, HTTPException) and error.code is not None and error.code < 500:
            return error
        log.exception(
            "request to %s failed", bounded(request.path, 500)
        )  # the trace goes to the log only
        return render_error(500)
