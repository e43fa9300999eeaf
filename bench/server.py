"""gunicorn serving a benchmark folder made by ``bench/generate.py`` (or by
``bench/search.py``), for benches that time requests at the HTTP endpoint."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving a benchmark database with production settings; rate
    limits off (a benchmark is one client sending far more than a person)."""

    def __init__(self, database_url: str, folder: Path, workers: int, app: str = "wsgi:app"):
        self.port = free_port()
        env = {**os.environ, "PORTAL_ENV": "production", "SECRET_KEY": "b" * 64,
               "DATABASE_URL": database_url,
               "SEARCH_INDEX_DIR": str(folder / "index"), "OUTBOX_DIR": str(folder / "outbox"),
               "RATELIMIT_ENABLED": "0", "SESSION_COOKIE_SECURE": "0"}
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind",
             f"127.0.0.1:{self.port}", "--log-level", "warning", app],
            cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str, params: dict | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path + ("?" + urlencode(params) if params else ""))
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def worker_memory_mb(self) -> list[tuple[float, float]]:
        """(own memory, mapped index files) resident per worker: Whoosh maps
        its files, and those pages are the shared page cache."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            fields = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
            sizes.append(tuple(int(fields[name].split()[0]) / 1024
                               for name in ("RssAnon", "RssFile")))
        return sizes

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
