"""Client-supplied text made fit for a log line: one line, bounded, control characters escaped.

A file name with newlines forged genuine-looking log lines, and a 20 MB one wrote 20 MB of
log per request (issue 16); every value a client sends passes through here before it is logged.
"""

from __future__ import annotations


def bounded(text: str, limit: int) -> str:
    """At most `limit` characters (the last "…" if cut), every non-printable character as its
    escape."""
    escaped = "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text[:limit]
    )
    return escaped if len(text) <= limit and len(escaped) <= limit else escaped[: limit - 1] + "…"
