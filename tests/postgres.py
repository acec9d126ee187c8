"""A throwaway PostgreSQL server for the test run, started from Debian's binaries.

Used when KONTROLLRUMMET_TEST_DATABASE_URL is not given; see ../shared/TESTING.md. initdb
refuses to run as root, so as root the server runs as the `postgres` system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL server's bin directory, if any."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major, reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _major(path: str) -> int:
    return int(Path(path).parent.parent.name)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayServer:
    """initdb + pg_ctl start in a temp dir; `url` is the superuser's URL on loopback."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="kontrollrummet-pg-"))
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run(f"{self.bin_dir}/initdb -D {self.dir / 'data'} -A trust -U postgres --no-sync")
        self.resume()

    def pause(self) -> None:
        """Stop the server as a crash would, keeping its data (outage tests resume it)."""
        self._run(f"{self.bin_dir}/pg_ctl -D {self.dir / 'data'} -m immediate stop")

    def resume(self) -> None:
        """Start the server on its data directory and port."""
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            f"{self.bin_dir}/pg_ctl -D {self.dir / 'data'} -o '{options}' "
            f"-l {self.dir}/log -w start"
        )

    def stop(self) -> None:
        self.pause()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _run(self, command: str) -> None:
        argv = ["su", "postgres", "-c", command] if os.geteuid() == 0 else ["sh", "-c", command]
        subprocess.run(argv, check=True, capture_output=True, cwd=self.dir)


@contextmanager
def running_server() -> Iterator[ThrowawayServer]:
    """A throwaway server for one script run (the load and fault scripts), removed afterwards."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries: install Debian's postgresql package")
    server = ThrowawayServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
