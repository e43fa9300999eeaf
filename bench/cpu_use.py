"""Where CPU time goes during a load run, read from /proc and from cProfile
files: per process (gunicorn's workers, PostgreSQL's backends, the load
generator, the rest of the machine) and per function of a profiled worker.
For ``bench/submission.py``: on 2 shared cores the generator's own cost and
other work are part of what limits the figures, so they are measured too."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from bench.submission import Server

ROOT = Path(__file__).resolve().parent.parent

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def status_fields(pid: int) -> dict[str, str]:
    text = Path(f"/proc/{pid}/status").read_text()
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS  # utime, stime


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    total = sum(fields[:8])  # guest time is already inside user
    return (total - idle) / _CLOCK_TICKS, total / _CLOCK_TICKS


def database_backends(url: str) -> list[int]:
    """PostgreSQL's server processes for the bench database (none for
    SQLite, which runs inside the workers)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return []
    import psycopg

    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username,
                         password=parsed.password, dbname="postgres") as connection:
        rows = connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s",
                                  (parsed.database,)).fetchall()
    return [pid for (pid,) in rows if Path(f"/proc/{pid}").exists()]


@dataclass
class CpuSnapshot:
    """CPU seconds so far: gunicorn's workers and the database's backends
    by process, the machine as a whole."""

    workers: dict[int, float]
    follower: dict[int, float]
    database: dict[int, float]
    busy: float
    total: float

    @classmethod
    def take(cls, server: Server, url: str) -> CpuSnapshot:
        database = {}
        for pid in database_backends(url):
            try:
                database[pid] = cpu_seconds(pid)
            except FileNotFoundError:  # the backend ended meanwhile
                continue
        return cls(server.cpu_seconds(), server.follower_cpu_seconds(), database, *machine_cpu())

    def since(self, before: CpuSnapshot) -> dict:
        def spent(after: dict, earlier: dict) -> float:
            # A process born during the run counts from zero.
            return sum(cpu - earlier.get(pid, 0.0) for pid, cpu in after.items())
        return {"server_cpu_s": spent(self.workers, before.workers),
                "indexer_cpu_s": spent(self.follower, before.follower),
                "database_cpu_s": spent(self.database, before.database),
                "machine_busy_s": self.busy - before.busy,
                "machine_total_s": self.total - before.total,
                "workers_replaced": set(self.workers) != set(before.workers)}


def head(path: Path, lines: int) -> str:
    return "\n".join(path.read_text().splitlines()[:lines])


# Frames worth naming in the CPU profile: the portal's own, and the calls
# into libraries that cost (the index writer, the session's flush and commit).
_CPU_FRAMES = ("/portal/", "whoosh/writing.py", "sqlalchemy/orm/session.py")


def _frame(stats: dict, file_end: str, name: str) -> tuple[int, float]:
    """(calls, cumulative seconds) of one function in merged cProfile stats."""
    calls, seconds = 0, 0.0
    for (file, _, function), (_, nc, _tt, ct, _callers) in stats.items():
        if function == name and file.endswith(file_end):
            calls, seconds = calls + nc, seconds + ct
    return calls, seconds


def _where(file: str, line: int, name: str) -> str:
    return f"{name}  {file.split('site-packages/')[-1].split(str(ROOT) + '/')[-1]}:{line}"


def _index_line(per_request: float, per_document: float, documents: int) -> str:
    if not documents:
        return ("- applying the search log: not done by these workers (the search follower "
                "does it; its CPU is counted apart in the runs)\n")
    share = per_document / max(per_request + per_document, 1e-9)
    return (f"- applying the search log after the response: {per_document:.1f} ms per petition "
            f"document written ({documents} written) → the index is {share:.0%} of a "
            "submission's CPU in gunicorn\n")


def cpu_summary(paths: list[Path], top: int = 35) -> str:
    """Cumulative CPU per submission of the costliest frames, from cProfile
    files of several workers merged.

    The worker that holds the index lock applies the search log for all
    workers, so index work is also given per document written: the request
    and the index are then each counted once per petition."""
    import pstats

    stats = pstats.Stats(*map(str, paths)).stats
    requests, request_s = _frame(stats, "portal/api/petitions.py", "submit")
    documents, _ = _frame(stats, "whoosh/writing.py", "update_document")
    _, apply_s = _frame(stats, "portal/search/indexer.py", "apply_pending")
    total = sum(tt for _, _, tt, _ct, _callers in stats.values())
    per_request = request_s * 1000 / max(requests, 1)
    per_document = apply_s * 1000 / max(documents, 1)
    rows = sorted(((ct, nc, _where(*key)) for key, (_, nc, _tt, ct, _callers) in stats.items()
                   if any(part in key[0] for part in _CPU_FRAMES)), reverse=True)[:top]
    lines = [f"CPU profile: {total:.1f} s of CPU in {len(paths)} workers; cProfile's own overhead "
             "is included, so compare shares, not milliseconds, with the unprofiled runs",
             f"- the request (view, commit): {per_request:.1f} ms per submission ({requests} served)",
             _index_line(per_request, per_document, documents),
             "| CPU ms per submission served | share | calls per submission | function |",
             "|---|---|---|---|"]
    lines += [f"| {ct * 1000 / max(requests, 1):.2f} | {ct / max(total, 1e-9):.0%} "
              f"| {nc / max(requests, 1):.2f} | {where} |" for ct, nc, where in rows]
    return "\n".join(lines)
