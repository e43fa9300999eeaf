"""A closed-loop HTTP/1.1 load generator in plain Python, for loopback benchmarks.

    from bench import load
    result = load.run("http://127.0.0.1:8000", "POST", "/api/v1/petitions",
                      body=lambda seq: json.dumps({...}).encode(), concurrency=16, duration=20)
    print(result.throughput, result.percentile(95), result.errors)

Why not wrk or locust: wrk is not installed, and locust pulls in gevent for
what fits in a page here. ``procs`` client processes (forked) each run an
asyncio loop holding their share of ``concurrency`` connections; each
connection sends a request, waits for the whole answer, then sends the next
(closed loop: the offered load follows the server, and latency includes the
time a request waits for a free gunicorn worker).

Timeline, the same in every process (one monotonic clock): ``warmup``
seconds whose answers are not measured, then ``duration`` seconds measured:
a request counts there if its answer arrived inside the window. Afterwards
no new request starts, and those in flight are waited for, so every request
the server may have acted on has a known outcome (``statuses`` covers the
whole run, warm-up and drain included; a benchmark that checks the
database afterwards needs that).

Any answer other than 2xx, and any connection error (status 0), is an error:
counted in ``errors`` over the whole run, with a few samples kept.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

BodyFactory = Callable[[int], bytes]
REQUEST_TIMEOUT = 60.0  # beyond gunicorn's 30 s worker timeout: its 502/close is seen
ERROR_SAMPLES = 5
_START_DELAY = 0.5  # lets every client process fork and connect before the clock starts


@dataclass
class Result:
    """One load run, all client processes merged."""

    label: str
    concurrency: int
    window_s: float
    latencies_ms: list[float] = field(default_factory=list)  # 2xx answers inside the window
    statuses: Counter = field(default_factory=Counter)  # every answer of the run, by status
    errors_in_window: int = 0
    error_samples: list[str] = field(default_factory=list)
    client_cpu_s: float = 0.0

    @property
    def ok(self) -> int:
        return len(self.latencies_ms)

    @property
    def throughput(self) -> float:
        return self.ok / self.window_s

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)

    def count(self, status: int) -> int:
        return self.statuses.get(status, 0)

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile of the window's 2xx latencies, in ms."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        rank = max(1, -(-len(ordered) * q // 100))  # ceil without floats
        return ordered[int(rank) - 1]

    def merge(self, part: dict) -> None:
        self.latencies_ms += part["latencies_ms"]
        self.statuses.update(part["statuses"])
        self.errors_in_window += part["errors_in_window"]
        self.client_cpu_s += part["cpu_s"]
        room = ERROR_SAMPLES - len(self.error_samples)
        self.error_samples += part["error_samples"][:max(room, 0)]


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    method: str
    path: str
    body: BodyFactory | None
    headers: tuple[tuple[str, str], ...]

    def request(self, seq: int) -> bytes:
        payload = self.body(seq) if self.body else b""
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 "User-Agent: portal-bench-load", *(f"{k}: {v}" for k, v in self.headers)]
        if self.body is not None:
            lines.append(f"Content-Length: {len(payload)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload


@dataclass
class _Window:
    warm_end: float
    end: float
    cpu_started: float = field(default_factory=time.process_time)
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors_in_window: int = 0
    error_samples: list[str] = field(default_factory=list)

    def record(self, status: int, started: float, finished: float, detail: str) -> None:
        self.statuses[status] += 1
        inside = self.warm_end <= finished <= self.end
        ok = 200 <= status < 300
        if ok and inside:
            self.latencies_ms.append((finished - started) * 1000)
        elif not ok:
            self.errors_in_window += inside
            if len(self.error_samples) < ERROR_SAMPLES:
                self.error_samples.append(f"{status}: {detail[:300]}")

    def summary(self) -> dict:
        return {"latencies_ms": self.latencies_ms, "statuses": self.statuses,
                "errors_in_window": self.errors_in_window, "error_samples": self.error_samples,
                "cpu_s": time.process_time() - self.cpu_started}


# --- one exchange on the wire -------------------------------------------------

async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bool, bytes]:
    """Status, whether the connection stays open, and the body."""
    status_line = await reader.readuntil(b"\r\n")
    version, status, *_ = status_line.decode("latin-1").split(" ", 2)
    length, keep = None, version == "HTTP/1.1"
    while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "connection":
            keep = value == "keep-alive" or (keep and value != "close")
    if length is None:  # no length: the body ends when the server closes
        return int(status), False, await reader.read()
    return int(status), keep, await reader.readexactly(length)


class _Connection:
    """A connection reused while the server keeps it open (gunicorn's sync
    workers close after each answer, so there a request includes the connect)."""

    def __init__(self, target: Target):
        self.target = target
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def exchange(self, request: bytes) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.target.host, self.target.port)
        reader, writer = self.streams
        writer.write(request)
        await writer.drain()
        status, keep, body = await _read_answer(reader)
        if not keep:
            self.close()
        return status, body

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _loop(target: Target, window: _Window, sequence: Callable[[], int]) -> None:
    connection = _Connection(target)
    try:
        while time.monotonic() < window.end:
            request = target.request(sequence())
            started = time.monotonic()
            try:
                status, body = await asyncio.wait_for(connection.exchange(request), REQUEST_TIMEOUT)
                detail = body.decode("utf-8", "replace")
            except (OSError, EOFError, ValueError, asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError, TimeoutError) as exc:
                connection.close()
                status, detail = 0, f"{type(exc).__name__}: {exc}"
            window.record(status, started, time.monotonic(), detail)
    finally:
        connection.close()


async def _client(target: Target, connections: int, window: _Window, start_at: float,
                  sequence: Callable[[], int]) -> None:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    await asyncio.gather(*(_loop(target, window, sequence) for _ in range(connections)))


def _client_process(target: Target, connections: int, times: tuple[float, float, float],
                    index: int, procs: int, results) -> None:
    start_at, warm_end, end = times
    window = _Window(warm_end, end)
    # Sequence numbers unique across processes: each body can be a different petition.
    numbers = itertools.count(index, procs)
    asyncio.run(_client(target, connections, window, start_at, lambda: next(numbers)))
    results.send(window.summary())
    results.close()


# --- the public entry point -----------------------------------------------------

def _shares(total: int, parts: int) -> list[int]:
    return [total // parts + (i < total % parts) for i in range(parts)]


def run(base_url: str, method: str, path: str, *, body: BodyFactory | None = None,
        concurrency: int = 8, duration: float = 20.0, warmup: float = 3.0, procs: int = 2,
        headers: dict[str, str] | None = None, label: str | None = None) -> Result:
    """Hold ``concurrency`` requests in flight for ``warmup + duration`` seconds.

    ``body(seq)`` gives the bytes of request number ``seq`` (unique over the
    run); without it requests have no body. Forked processes inherit
    ``body``, so it may be any callable (a lambda, a bound method)."""
    url = urlsplit(base_url)
    target = Target(url.hostname or "127.0.0.1", url.port or 80, method, path, body,
                    tuple((headers or {}).items()))
    procs = max(1, min(procs, concurrency))
    start_at = time.monotonic() + _START_DELAY
    times = (start_at, start_at + warmup, start_at + warmup + duration)
    context = multiprocessing.get_context("fork")
    result = Result(label or f"{method} {path}", concurrency, duration)
    children = []
    for index, connections in enumerate(_shares(concurrency, procs)):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_client_process, daemon=True,
                                  args=(target, connections, times, index, procs, send))
        process.start()
        send.close()
        children.append((process, receive))
    for process, receive in children:
        result.merge(receive.recv())
        process.join()
    return result
