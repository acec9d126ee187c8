"""A local stand-in for Kolada's API v3: replays answers recorded in tests/kolada_api/.

No machine here reaches the internet. The recorded answers name Kolada's own address in
"next_page"; the server rewrites it to its own, so the client follows pages exactly as it
would against Kolada.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RECORDED = Path(__file__).parent / "kolada_api"
KOLADA = "https://api.kolada.se/v3/"
PREFIX = "/v3/"


@dataclass(frozen=True)
class Answer:
    """One answer: a recorded body (or none), its status, and how long the server waits first."""

    file: str | None = None
    status: int = 200
    delay: float = 0.0


@dataclass
class Replay:
    """Answers by path and query (below /v3/), given in turn; the last one repeats."""

    base: str = ""
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def answer(self, path: str, *answers: Answer) -> None:
        """Answer GET /v3/<path> with these, in turn."""
        self.answers[path] = list(answers)

    def next_answer(self, path: str) -> Answer:
        self.requests.append(path)
        queue = self.answers.get(path) or [Answer(status=404)]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def body(self, answer: Answer) -> bytes:
        if answer.file is None:
            return b'{"error": "replayed status"}'
        return (RECORDED / answer.file).read_bytes().replace(KOLADA.encode(), self.base.encode())


@contextmanager
def serving() -> Iterator[Replay]:
    """A replaying server on a free local port, for the length of the block."""
    replay = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer = replay.next_answer(self.path.removeprefix(PREFIX))
            time.sleep(answer.delay)  # a slow server, for the client's timeout
            body = replay.body(answer)
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                pass

        def log_message(self, *_args: object) -> None:
            """Quiet: the tests read `replay.requests` instead."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    replay.base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield replay
    finally:
        server.shutdown()
        server.server_close()
