"""Petition submission under concurrent load through gunicorn, with a bare
"hello" of the same app, served by the same workers in the same run, as the
baseline.

    .venv/bin/python bench/submission.py                    # 100,000 petitions, SQLite
    .venv/bin/python bench/submission.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/bench_submission
    .venv/bin/python bench/submission.py --petitions 5000 --duration 5 --rounds 1 --profile

Target of the performance issue: POST /api/v1/petitions at 300 requests/s or
more with p95 under 50 ms, with 100,000 petitions already in the database.

1. The corpus of ``bench/generate.py`` (N petitions with their histories,
   answers and sessions) in a SQLite file under a temporary folder, or in
   the PostgreSQL database named by ``--database-url`` (emptied first; its
   name must start with "bench"), or ``--reuse`` of a folder it made.
2. Its search index, built as ``flask search rebuild`` does: each
   submission then applies the search log to a full-size index after its
   response, as in production (an empty index would make Whoosh's
   segment merges cheaper than they are).
3. gunicorn, ``--workers`` sync workers (4), production settings with rate
   limits off (see ``bench/hello_app.py``), on a free loopback port.
4. For each ``--concurrency``, ``--rounds`` rounds of: ``GET /bench/hello``
   then ``POST /api/v1/petitions`` (anonymous JSON, a different petition
   each time: text, kind, category and commune from the corpus), each for
   ``--warmup`` + ``--duration`` seconds, closed loop (``bench/load.py``).
   Figures are the median over rounds; ratios are to hello in the same run.
5. Checks: the database holds exactly the seeded petitions plus one per 201
   answer, nothing lost or doubled; the search log is applied (rows left
   when the load stopped, then the index's petition count after
   ``indexer.apply_pending``). Reports each worker's peak resident memory
   (VmHWM), and the CPU used by gunicorn, by the load generator and by
   everything on the machine during each run: on 2 cores they share, the
   generator's own cost is part of what limits the figures.
6. ``--profile``: one more submission run on a fresh server, two of whose
   workers are profiled (``bench/hello_app.py``): pyinstrument's call tree
   of wall time (waits for locks, the database and the CPU count) and
   cProfile's CPU time, summarised per submission. Files are kept in the
   working folder.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import corpus, generate, load  # noqa: E402
from bench.cpu_use import CpuSnapshot, cpu_seconds, cpu_summary, head, status_fields  # noqa: E402
from bench.hello_app import HELLO_PATH  # noqa: E402
from bench.server import free_port  # noqa: E402
from bench.submission_report import (  # noqa: E402
    SUBMIT_PATH,
    Run,
    database_label,
    print_report,
    summarise,
)

NAMES = ("Nguyễn Thị Lan", "Trần Văn Minh", "Lê Thị Hồng", "Phạm Quốc Huy", "Hoàng Văn Nam",
         "Vũ Thị Mai", "Đặng Minh Tuấn", "Bùi Thị Thu", "Đỗ Văn Hải", "Ngô Thị Hạnh")


# --- the database ------------------------------------------------------------------

def bench_database(url: str | None) -> str | None:
    """The PostgreSQL URL to fill (``generate`` empties it), or None for
    SQLite in the working folder."""
    if not url:
        return None
    from portal.config import database_url

    url = database_url(url)
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise SystemExit("--database-url: a PostgreSQL URL (SQLite is the default)")
    # The test suite owns "test"; refuse to empty anything not named for a bench.
    if not (parsed.database or "").startswith("bench"):
        raise SystemExit(f"refusing to empty database {parsed.database!r}: use a name starting "
                         "with 'bench', e.g. bench_submission")
    return url


# --- what residents send ---------------------------------------------------------

@dataclass(frozen=True)
class Submissions:
    """JSON bodies for POST /api/v1/petitions: a different corpus petition
    for each sequence number, its category and commune codes (both exist
    after ``run_setup``), and the contact details people leave or not."""

    run: str

    def petition(self, seq: int) -> dict:
        p = next(corpus.generate(1, seed=f"{self.run}/{seq}"))
        rng = random.Random(f"{self.run}/{seq}")
        body = {"title": p.title[:200], "body": p.body, "kind": p.kind,
                "category": p.category_code, "commune_code": p.commune_code,
                "is_public": p.is_public, "hide_identity": rng.random() < 0.2}
        roll = rng.random()
        if roll < 0.35:
            body["contact"] = {"name": NAMES[seq % len(NAMES)], "phone": f"09{seq % 10**8:08d}"}
        elif roll < 0.7:
            body["contact"] = {"name": NAMES[seq % len(NAMES)],
                               "email": f"nguoidan{seq}@example.com"}
        return body

    def __call__(self, seq: int) -> bytes:
        return json.dumps(self.petition(seq), ensure_ascii=False).encode()


# --- the server --------------------------------------------------------------------

class Server:
    """gunicorn serving ``bench.hello_app:app`` with production settings."""

    def __init__(self, url: str, folder: Path, workers: int, profile: Path | None = None):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PORTAL_ENV": "production", "SECRET_KEY": "b" * 64,
               "DATABASE_URL": url, "SEARCH_INDEX_DIR": str(folder / "index"),
               "OUTBOX_DIR": str(folder / "outbox"), "RATELIMIT_ENABLED": "0",
               "SESSION_COOKIE_SECURE": "0"}
        if profile:
            env["BENCH_PROFILE"] = str(profile)
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            [sys.executable, "-m", "gunicorn", "-c", "bench/hello_app.py", "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "bench.hello_app:app"],
            cwd=ROOT, env=env)
        self._wait_ready(workers)

    def _wait_ready(self, workers: int) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if (self._get(HELLO_PATH) == 200 and len(self.workers()) == workers
                        and self.follower()):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def _get(self, path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def _children(self) -> dict[int, bool]:
        """The master's children: pid → whether it is the search follower."""
        pid = self.process.pid
        children = {}
        for child in map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split()):
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            except FileNotFoundError:  # ended meanwhile
                continue
            children[child] = command[-3:-1] == [b"search", b"follow"]
        return children

    def workers(self) -> list[int]:
        return [pid for pid, follower in self._children().items() if not follower]

    def follower(self) -> list[int]:
        return [pid for pid, follower in self._children().items() if follower]

    def cpu_seconds(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) for pid in self.workers()}

    def follower_cpu_seconds(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) for pid in self.follower()}

    def peak_rss_mb(self) -> dict[int, float]:
        return {pid: int(status_fields(pid)["VmHWM"].split()[0]) / 1024 for pid in self.workers()}

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=90)


# --- the runs ----------------------------------------------------------------------

def measured(server: Server, url: str, endpoint: str, concurrency: int, round_: int,
             args) -> Run:
    if endpoint == "hello":
        method, path, body, headers = "GET", HELLO_PATH, None, {}
    else:
        method, path = "POST", SUBMIT_PATH
        body = Submissions(f"{args.seed}/c{concurrency}/r{round_}")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
    before = CpuSnapshot.take(server, url)
    result = load.run(server.base_url, method, path, body=body, concurrency=concurrency,
                      duration=args.duration, warmup=args.warmup, procs=args.client_procs,
                      headers=headers, label=endpoint)
    run = Run(endpoint, concurrency, round_, result, CpuSnapshot.take(server, url).since(before))
    f = run.figures()
    print(f"  c={concurrency} round {round_} {endpoint}: {f['req_per_s']:,.0f} req/s, "
          f"p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, "
          f"errors {f['errors']}; CPU ms/req: gunicorn {f['server_cpu_ms_per_request']:.2f}, "
          f"search follower {f['indexer_cpu_ms_per_request']:.2f}, "
          f"database {f['database_cpu_ms_per_request']:.2f}, "
          f"load generator {f['client_cpu_ms_per_request']:.2f}; "
          f"other work {f['other_cpu_share']:.0%} of the machine", flush=True)
    for sample in result.error_samples:
        print(f"    error {sample}")
    return run


def measure(server: Server, url: str, args) -> list[Run]:
    runs = []
    for concurrency in args.concurrency:
        for round_ in range(1, args.rounds + 1):
            # Interleaved, so slow phases of the machine hit both endpoints alike.
            for endpoint in ("hello", "submission"):
                runs.append(measured(server, url, endpoint, concurrency, round_, args))
    return runs


# --- afterwards ----------------------------------------------------------------------

def counts(app) -> tuple[int, int]:
    """Petitions in the database, and those of them sent through the API."""
    from portal.extensions import db
    from portal.petitions.models import Channel, Petition

    with app.app_context():
        total = db.session.scalar(sa.select(sa.func.count()).select_from(Petition))
        by_api = db.session.scalar(sa.select(sa.func.count()).where(Petition.channel == Channel.API))
        db.session.remove()
    return total, by_api


def _log_position(app) -> tuple[int, int]:
    """(rows applied to the index, rows in the log)."""
    from portal.extensions import db
    from portal.search import indexer
    from portal.search.log import last_id

    with app.app_context():
        directory = indexer.current_dir()
        position = (indexer.read_applied(directory) if directory else 0, last_id(db.session))
        db.session.remove()
    return position


def catch_up(server: Server, app, follower_before: float, log_before: int,
             timeout: float = 600.0) -> dict:
    """How far the follower was behind when the load stopped, and how long
    it took to catch up; its CPU per row over the whole bench."""
    started = time.monotonic()
    applied, newest = _log_position(app)
    pending = newest - applied
    while applied < newest and time.monotonic() - started < timeout:
        time.sleep(0.1)
        applied, _ = _log_position(app)
    caught_up = time.monotonic() - started
    rows = newest - log_before
    spent = sum(server.follower_cpu_seconds().values()) - follower_before
    return {"pending_at_stop": pending, "caught_up_s": caught_up, "rows": rows,
            "follower_cpu_s": spent, "follower_cpu_ms_per_row": spent * 1000 / max(rows, 1),
            "ok": applied >= newest}


def check(app, seeded: int, created: int, api_before: int = 0) -> dict:
    """Nothing lost, nothing doubled, and the search log applied."""
    from portal.extensions import db
    from portal.petitions.models import Channel, Petition
    from portal.search import indexer
    from portal.search.log import pending_count

    with app.app_context():
        total = db.session.scalar(sa.select(sa.func.count()).select_from(Petition))
        by_api = db.session.scalar(sa.select(sa.func.count()).where(Petition.channel == Channel.API))
        directory = indexer.current_dir()
        pending = pending_count(db.session, indexer.read_applied(directory))
        db.session.rollback()
        applied_now = indexer.apply_pending(wait=True)
        documents = indexer.document_counts().get("petition", 0)
    return {"petitions": total, "expected": seeded + created, "sent_by_api": by_api,
            "created_201": created, "log_pending_after_load": pending,
            "log_applied_by_check": applied_now, "index_petition_documents": documents,
            "ok": total == seeded + created and by_api == api_before + created
            and documents == total}


def profile(url: str, folder: Path, args) -> dict:
    """One more submission run with the workers profiled; prints the tops."""
    target = folder / "profile.txt"
    server = Server(url, folder, args.workers, profile=target)
    try:
        concurrency = max(args.concurrency)
        print(f"\nprofiling the {args.workers} workers under submission load, c={concurrency}")
        # A longer warm-up: the profile starts at each worker's 20th request.
        measured(server, url, "submission", concurrency, 0,
                 argparse.Namespace(**{**vars(args), "warmup": max(args.warmup, 10.0)}))
    finally:
        server.stop()
    print(f"\nwall-time profile of worker 1: {target} (call tree), .flat.txt (own time), .html\n")
    print(head(target, 90))
    cpu_files = sorted(folder.glob(f"{target.stem}.cpu-*.pstats"))
    summary = cpu_summary(cpu_files)
    print(f"\nCPU profile of workers 2–{args.workers}: {folder}/{target.stem}.cpu-*.pstats\n")
    print(summary)
    return {"wall_tree": str(target), "cpu_files": [str(f) for f in cpu_files], "cpu_summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--database-url",
                        help="postgresql://…/bench_… (default: SQLite in the temporary folder)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16])
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--client-procs", type=int, default=2, help="load generator processes")
    parser.add_argument("--index-procs", type=int, default=2, help="processes building the index")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--profile", action="store_true", help="then profile one worker")
    parser.add_argument("--json", type=Path, help="write the figures there")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--reuse", type=Path, metavar="FOLDER",
                        help="a folder made by bench/generate.py (its database gains the "
                        "submitted petitions)")
    args = parser.parse_args()
    folder = (args.reuse or Path(tempfile.mkdtemp(prefix="portal-submission-bench-"))).resolve()
    print(f"working in {folder}")
    try:
        report = run(args, folder)
    finally:
        if args.keep or args.profile or args.reuse:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        print(f"figures written to {args.json}")


def run(args, folder: Path) -> dict:
    if args.reuse:  # a corpus made by bench/generate.py: its database and index
        summary = generate.read_summary(folder)
        seeded = {"reused": str(folder)}
    else:
        summary = generate.generate(args.petitions, args.seed, folder,
                                    bench_database(args.database_url),
                                    procs=args.index_procs, reset=True)
        seeded = {"load_s": summary["load_seconds"], "index_s": summary["index_seconds"]}
    url = summary["database_url"]
    app = generate.make_app(url, folder)
    args.petitions, api_before = counts(app)
    server = Server(url, folder, args.workers)
    try:
        follower_before = sum(server.follower_cpu_seconds().values())
        _, log_before = _log_position(app)
        runs = measure(server, url, args)
        rss = server.peak_rss_mb()
        lag = catch_up(server, app, follower_before, log_before)
    finally:
        server.stop()
    created = sum(r.result.count(201) for r in runs if r.endpoint == "submission")
    report = {"args": {k: v for k, v in vars(args).items() if k != "json"},
              "database": database_label(url), "cpus": os.cpu_count(),
              "python": platform.python_version(), "seeding": seeded,
              "rows": summarise(runs), "runs": [r.figures() for r in runs],
              "peak_rss_mb": rss, "workers_replaced": any(r.cpu["workers_replaced"] for r in runs),
              "index_lag": lag,
              "check": check(app, args.petitions, created, api_before)}
    print_report(report)
    if args.profile:
        report["profile"] = profile(url, folder, args)
    with app.app_context():
        from portal.extensions import db

        db.engine.dispose()
    return report


if __name__ == "__main__":
    main()
