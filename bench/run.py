"""The whole benchmark suite, unattended: ``make bench`` (100,000 petitions)
and ``make bench-full`` (1,000,000).

    .venv/bin/python bench/run.py --petitions 100000
    .venv/bin/python bench/run.py --petitions 1000000 --queries 100 --runs 20

1. ``bench/generate.py`` makes the corpus in a SQLite file and builds the
   search index (rebuild time and rate, database and index size).
2. ``bench/http_pages.py``: the official's list, petition detail, tracking
   page, inspector dashboards (biggest province, national), overdue register
   through gunicorn, next to ``/healthz``.
3. ``bench/search.py``: search at the HTTP endpoint next to ``/healthz``,
   SQLite FTS5 on the same corpus in the same run, the quality set.
4. ``bench/submission.py``: submissions through gunicorn (4 workers) under
   a concurrent load generator next to a bare hello of the same app.
5. With ``--postgres URL`` (``make bench`` passes the local server when it
   answers): the same corpus generated into PostgreSQL, then its pages and
   submissions.

Each step runs in its own process and leaves its figures as JSON in the
run's folder; this script judges them against the targets of
``../shared/PERFORMANCE.md``, prints one table and writes it, with the
machine and the command, into docs/benchmarks.md ("Latest full runs",
the subsection of this N replaced). The folders are removed at the end
unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402

PYTHON = sys.executable


def step(name: str, args: list[str]) -> float:
    """Run one bench script; its seconds."""
    print(f"\n=== {name}: {' '.join(args)}", flush=True)
    started = time.perf_counter()
    subprocess.run([PYTHON, *args], cwd=ROOT, check=True)  # noqa: S603 - our own scripts
    return time.perf_counter() - started


def read(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def run_backend(label: str, folder: Path, args, database_url: str | None) -> dict:
    """Generate, then time pages, search (SQLite only) and submissions."""
    n = args.petitions
    command = ["bench/generate.py", "--petitions", str(n), "--seed", str(args.seed),
               "--out", str(folder)]
    if database_url:
        command += ["--database-url", database_url, "--reset"]
    figures = {"seconds": {"generate": step(f"{label}: generate", command)}}
    figures["generate"] = read(folder / "generate.json")
    figures["seconds"]["pages"] = step(f"{label}: pages", [
        "bench/http_pages.py", "--reuse", str(folder), "--runs", str(args.runs),
        "--json", str(folder / "pages.json")])
    figures["pages"] = read(folder / "pages.json")
    if not database_url:
        figures["seconds"]["search"] = step(f"{label}: search", [
            "bench/search.py", "--reuse", str(folder), "--queries", str(args.queries),
            "--json", str(folder / "search.json")])
        figures["search"] = read(folder / "search.json")
    figures["seconds"]["submission"] = step(f"{label}: submission", [
        "bench/submission.py", "--reuse", str(folder), "--duration", str(args.duration),
        "--rounds", str(args.rounds), "--json", str(folder / "submission.json")])
    figures["submission"] = read(folder / "submission.json")
    (folder / "results.json").write_text(json.dumps(figures, indent=2, default=str))
    return figures


def postgres_answers(url: str) -> bool:
    import sqlalchemy as sa

    engine = sa.create_engine(sa.make_url(url).set(database="postgres"))
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def machine() -> str:
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in
                    Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        memory = next(int(line.split()[1]) for line in
                      Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory = 0
    return (f"{os.cpu_count()} CPUs ({cpu or 'unknown'}), {memory / 2**20:.0f} GiB RAM, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--queries", type=int, default=200, help="search requests per kind")
    parser.add_argument("--runs", type=int, default=50, help="requests per page")
    parser.add_argument("--duration", type=float, default=10.0,
                        help="seconds of each submission load run")
    parser.add_argument("--rounds", type=int, default=3, help="submission load rounds")
    parser.add_argument("--postgres", metavar="URL",
                        help="also run on this PostgreSQL database (emptied first)")
    parser.add_argument("--keep", action="store_true", help="keep the generated folders")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix=f"portal-bench-run-{args.petitions}-"))
    started = time.perf_counter()
    results = {}
    try:
        results["SQLite"] = run_backend("SQLite", base / "sqlite", args, None)
        if args.postgres and not postgres_answers(args.postgres):
            print(f"\nPostgreSQL at {args.postgres} does not answer: SQLite only this time")
        elif args.postgres:
            results["PostgreSQL"] = run_backend("PostgreSQL", base / "postgresql", args,
                                                args.postgres)
        minutes = (time.perf_counter() - started) / 60
        command = "bench/run.py " + " ".join(sys.argv[1:])
        text = report.render(args.petitions, results, machine=machine(), command=command,
                             minutes=minutes)
        print("\n" + text)
        if not args.no_docs:
            report.write(text, args.petitions)
            print("written to docs/benchmarks.md")
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
