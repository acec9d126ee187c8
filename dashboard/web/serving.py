"""Serving with several worker processes: gunicorn, each worker building its own app.

gunicorn runs without preload, so `load` runs in each worker after the fork: every worker
has its own engine and connection pool, and no connection is shared across processes.
Nothing else a request needs lives in a worker's memory (uploads travel in the browser,
see callbacks/upload.py), so any worker can answer any request.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from gunicorn.app.base import BaseApplication
from werkzeug.serving import WSGIRequestHandler

from dashboard.settings import Settings

# Threads per worker process: a client that sends its request slowly (or never finishes it)
# holds one thread, not the whole worker, as a sync worker did (issue 16: two slow sockets took
# `--workers 2` offline). Each thread may hold a database connection of the worker's pool.
THREADS_PER_WORKER = 8


def gunicorn_options(settings: Settings) -> dict[str, Any]:
    """gunicorn's settings for ours (docs/deployment.md)."""
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": "gthread",
        "threads": THREADS_PER_WORKER,
        "timeout": settings.worker_timeout,  # a large upload may take minutes
        "graceful_timeout": settings.worker_timeout,  # on SIGTERM, let such an upload finish
        "preload_app": False,  # build the app, and so the pool, in each worker
        "proc_name": "kontrollrummet",
        "control_socket_disable": True,  # we do not use gunicornc; parallel servers would share it
    }


def startup_warnings(settings: Settings) -> list[str]:
    """What `serve` warns about (in Swedish) before it listens: settings fit for a trial, not
    production."""
    found = []
    if not settings.secret_key:
        found.append(
            "Varning: sessionsnyckeln hämtas ur databasen; den som kan läsa databasen kan då skapa "
            "inloggningar. Sätt KONTROLLRUMMET_SECRET_KEY i drift (docs/deployment.md)."
        )
    if not settings.proxy_count and not _is_loopback(settings.host):
        found.append(
            f"Varning: Kontrollrummet lyssnar på {settings.host} utan en omvänd proxy framför "
            "(KONTROLLRUMMET_PROXY_COUNT=0). I drift ska nginx stå framför, för TLS och mot "
            "långsamma klienter (docs/deployment.md)."
        )
    return found


def _is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: assume it is reachable from elsewhere
        return False


class QuietRequestHandler(WSGIRequestHandler):
    """The single-process server's handler, naming no versions in `Server` (gunicorn names none)."""

    def version_string(self) -> str:
        return "Kontrollrummet"


class _Gunicorn(BaseApplication):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        for name, value in gunicorn_options(self.settings).items():
            self.cfg.set(name, value)

    def load(self):
        from dashboard.app import create_app  # in the worker, after the fork

        return create_app(self.settings).server


def run(settings: Settings) -> None:
    """Serve until stopped (SIGTERM/SIGINT stop gracefully; a dead worker is replaced)."""
    _Gunicorn(settings).run()
