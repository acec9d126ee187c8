"""`kontrollrummet serve --workers N` as a child process on loopback, and waiting on conditions.

Used by the serving and fault tests and by the load and fault scripts in benchmarks/.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import requests
from sqlalchemy import Engine, text

from dashboard.store.database import WRITE_LOCK
from tests.postgres import free_port

KONTROLLRUMMET = str(Path(sys.executable).parent / "kontrollrummet")  # the installed command
T = TypeVar("T")


def wait_for(condition: Callable[[], T], timeout: float = 60.0, interval: float = 0.05) -> T:
    """Poll until the condition gives something true and return it; TimeoutError after
    `timeout` s."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {condition}")
        time.sleep(interval)
    return result


class Served:
    """The dashboard served by gunicorn workers on a free loopback port, until the block ends."""

    def __init__(self, database_url: str, workers: int = 2) -> None:
        self.database_url = database_url
        self.workers = workers
        self.base_url = f"http://127.0.0.1:{free_port()}"
        self.log = Path(tempfile.mkdtemp(prefix="kontrollrummet-serve-")) / "serve.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Served:
        port = self.base_url.rsplit(":", 1)[1]
        command = [
            KONTROLLRUMMET,
            "serve",
            "--workers",
            str(self.workers),
            "--host",
            "127.0.0.1",
            "--port",
            port,
            "--database",
            self.database_url,
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        wait_for(lambda: self.healthy() or self._exited(), timeout=120)
        wait_for(lambda: len(self.worker_pids()) == self.workers)
        return self

    def __exit__(self, *_exc) -> None:
        self.process.send_signal(signal.SIGTERM)  # gunicorn stops its workers gracefully
        self.process.wait(timeout=60)
        shutil.rmtree(self.log.parent, ignore_errors=True)

    def _exited(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(
                f"serve exited with {self.process.returncode}:\n{self.log.read_text()}"
            )
        return False

    def healthy(self) -> bool:
        """Whether /healthz answers 200 now."""
        try:
            return requests.get(f"{self.base_url}/healthz", timeout=5).status_code == 200
        except requests.RequestException:  # not listening yet, or no worker ready
            return False

    def worker_pids(self) -> set[int]:
        """The gunicorn master's children, i.e. the worker processes now."""
        pid = self.process.pid
        return {
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        }


def write_lock_holder(engine: Engine) -> int | None:
    """The process id of whoever holds the upload write lock now (PostgreSQL), if anyone."""
    query = text(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.objid = :key AND l.granted"
    )
    with engine.connect() as conn:
        name = conn.execute(query, {"key": WRITE_LOCK}).scalar()
    return int(name.removeprefix("kontrollrummet[").rstrip("]")) if name else None


def kill(pid: int) -> None:
    """kill -9."""
    os.kill(pid, signal.SIGKILL)
