"""Serving with several worker processes: gunicorn, each worker building its own app.

gunicorn runs without preload, so `load` runs in each worker after the fork: every worker
has its own engine and connection pool, and no connection is shared across processes.
Nothing else a request needs lives in a worker's memory (uploads travel in the browser,
see callbacks/upload.py), so any worker can answer any request.
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from dashboard.settings import Settings


def gunicorn_options(settings: Settings) -> dict[str, Any]:
    """gunicorn's settings for ours (docs/deployment.md)."""
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "timeout": settings.worker_timeout,  # a large upload may take minutes
        "graceful_timeout": settings.worker_timeout,  # on SIGTERM, let such an upload finish
        "preload_app": False,  # build the app, and so the pool, in each worker
        "proc_name": "kontrollrummet",
        "control_socket_disable": True,  # we do not use gunicornc; parallel servers would share it
    }


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
