"""Generate a realistic corpus of N petitions into a fresh portal database and
search index, for the benchmarks.

    .venv/bin/python bench/generate.py --petitions 100000 --seed 2026
    .venv/bin/python bench/generate.py --petitions 1000000 --out /tmp/bench-1m
    .venv/bin/python bench/generate.py --petitions 100000 \\
        --database-url postgresql://postgres@127.0.0.1:5432/bench --out /tmp/bench-pg

What goes in, all from a seed (the same seed gives the same corpus):

- the real units (34 provinces, 3,321 communes), categories, deadline rules,
  calendar and dialogue rules (``run_setup``, as ``make run`` does); one
  office per commune and three departments per province, two officials in
  each;
- N petitions (text from ``bench/corpus.py``: 60 topics of land clearance,
  environment, roads, allowances, water, lighting, procedures... with 5%
  typed without diacritics) over the five years before the bench's "today"
  (20/11/2026), skewed over the communes, each with a history from
  ``bench/histories.py`` (every status, acknowledgement, assignment,
  transfers, pauses, extensions, answers, ratings, reopenings), its events,
  facts, clock spans and custody chain, its answers (``bench/replies.py``)
  and ratings;
- a dialogue session a year in each commune (a sample of them for small N),
  with agenda, minutes naming the commune's petitions, and conclusion; the
  ones still ahead of "today" only announced;
- the search index, built by ``flask search rebuild``'s code.

Rows go straight into the tables (``bench/loading.py``); the services would
write one petition at a time (about 200 a second). ``generate.json`` in the
output folder records what was made and how long it took; other benches
reuse a folder with ``--reuse``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import corpus_rows as rows  # noqa: E402
from bench.histories import (  # noqa: E402
    FIRST_DAY,
    NOW,
    TODAY,
    FastCalendar,
    Historian,
)
from bench.loading import restart_ids  # noqa: E402
from portal import clock  # noqa: E402
from portal.extensions import db  # noqa: E402

SUMMARY = "generate.json"


# --- the app ------------------------------------------------------------------

def make_app(url: str, folder: Path):
    from portal import create_app

    # Rate limits stay as configured: the limiter is one object shared by every
    # app of the process, so turning it off here would turn it off for all.
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "OUTBOX_DIR": str(folder / "outbox"),
                      "SEARCH_INDEX_DIR": str(folder / "index"),
                      "SEARCH_APPLY_AFTER_COMMIT": False}, env="test")
    if app.config["SQLALCHEMY_DATABASE_URI"] != url:
        raise SystemExit(f"refusing to run on another database than {url}")
    return app


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'bench.db'}"


# --- the whole corpus ----------------------------------------------------------

def _printer(label: str, total: int):
    started, step = time.perf_counter(), max(total // 10, 1)
    shown = [0]

    def progress(done: int) -> None:
        if done - shown[0] >= step or done >= total:
            shown[0] = done
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"  {label} {done:,}/{total:,} ({rate:,.0f}/s)", flush=True)
    return progress


def fill_database(n: int, seed: int) -> dict:
    """Schema, reference data and the corpus into an empty database."""
    from portal.deadlines.services import load_calendar
    from portal.demo import run_setup

    started = time.perf_counter()
    db.create_all()
    run_setup()
    db.session.commit()
    calendar = FastCalendar(load_calendar(), FIRST_DAY - timedelta(days=30),
                            TODAY + timedelta(days=1200))
    refs = rows.reference_data()
    communes, provinces = rows.create_holders(refs)
    historian = Historian(random.Random(f"{seed}/histories"), calendar, communes, provinces)
    sqlite = db.engine.dialect.name == "sqlite"
    if sqlite:  # a bigger page cache while loading (random keys in several indexes)
        db.session.execute(sa.text("PRAGMA cache_size=-262144"))
    maker = rows.load_petitions(n, seed, refs, historian, calendar, _printer("petitions", n))
    session_count = rows.load_sessions(n, seed, refs, communes, maker.recent)
    restart_ids(list(db.metadata.sorted_tables))
    db.session.commit()
    if sqlite:
        db.session.execute(sa.text("PRAGMA cache_size=-2000"))
        db.session.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    else:
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(sa.text("VACUUM ANALYZE"))
    seconds = time.perf_counter() - started
    return {"petitions": n, "seed": seed, "load_seconds": seconds, "sessions": session_count,
            "counts": table_counts()}


def table_counts() -> dict[str, int]:
    names = ("petitions", "petition_events", "petition_facts", "clock_spans", "assignments",
             "responses", "ratings", "dialogue_sessions")
    tables = db.metadata.tables
    return {name: db.session.scalar(sa.select(sa.func.count()).select_from(tables[name]))
            for name in names}


def database_bytes(url: str) -> int:
    if url.startswith("sqlite"):
        path = Path(sa.make_url(url).database)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return db.session.scalar(sa.text("SELECT pg_database_size(current_database())"))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_index(procs: int) -> dict:
    from portal.search import documents, indexer

    total = sum(documents.record_count(kind, db.session) for kind in documents.KINDS)
    progress = _printer("indexed", total)
    done = [0]

    def step(count: int) -> None:
        done[0] += count
        progress(done[0])
    started = time.perf_counter()
    directory = indexer.rebuild(step, procs=procs)
    seconds = time.perf_counter() - started
    return {"index_seconds": seconds, "index_records": total, "index_procs": procs,
            "index_bytes": folder_bytes(directory)}


def prepare_database(url: str, reset: bool) -> None:
    """An empty database: a new SQLite file, or a PostgreSQL one, created
    when missing and emptied only with ``--reset`` (it drops the schema)."""
    if url.startswith("sqlite"):
        path = Path(sa.make_url(url).database)
        if path.exists():
            raise SystemExit(f"{path} exists: choose another --out or remove it")
        return
    target = sa.make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                 {"name": target.database}):
            connection.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        tables = sa.inspect(connection).get_table_names()
        if tables and not reset:
            raise SystemExit(f"{url} is not empty ({len(tables)} tables): pass --reset to wipe it")
        if tables:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def check(seed: int, sample: int = 1_000) -> dict:
    """Read a sample back through the models and the portal's own code: the
    stored facts and spans must equal a fresh reading of each history (the
    real calendar, not the bench's prefix sums), and every petition, answer
    and session must load."""
    from portal.answers.models import Response
    from portal.deadlines.services import load_calendar
    from portal.dialogues.models import DialogueSession
    from portal.inspection import refresh
    from portal.petitions.models import Petition

    total = db.session.scalar(sa.select(sa.func.max(Petition.id))) or 0
    ids = sorted(random.Random(f"{seed}/check").sample(range(1, total + 1), min(sample, total)))
    wrong = refresh.differences(db.session, ids, load_calendar())
    for petition in db.session.scalars(sa.select(Petition).where(Petition.id.in_(ids[:100]))):
        assert petition.title and petition.unit and petition.events, petition.id
    for answer in db.session.scalars(sa.select(Response).where(Response.petition_id.in_(ids))):
        assert answer.body and answer.published_at and answer.author, answer.id
    for record in db.session.scalars(sa.select(DialogueSession).limit(20)):
        assert record.agenda and record.unit, record.id
    db.session.remove()
    return {"checked": len(ids), "facts_differing": len(wrong)}


def generate(n: int, seed: int, folder: Path, url: str | None = None, *, procs: int = 2,
             index: bool = True, reset: bool = False) -> dict:
    """Fill a database and build the index; the summary (also written to
    ``folder/generate.json``)."""
    folder.mkdir(parents=True, exist_ok=True)
    url = url or sqlite_url(folder)
    prepare_database(url, reset)
    clock.freeze(NOW)
    try:
        app = make_app(url, folder)
        with app.app_context():
            print(f"generating {n:,} petitions into {sa.make_url(url).render_as_string()}")
            summary = fill_database(n, seed)
            summary["database_url"] = url
            summary |= check(seed)
            if summary["facts_differing"]:
                raise SystemExit(f"{summary['facts_differing']} petitions' stored facts differ "
                                 "from their history: the generator and refresh disagree")
            if index:
                summary |= build_index(procs)
            summary["database_bytes"] = database_bytes(url)
            db.session.remove()
            db.engine.dispose()
    finally:
        clock.unfreeze()
    (folder / SUMMARY).write_text(json.dumps(summary, indent=2))
    return summary


def read_summary(folder: Path) -> dict:
    """What ``generate`` wrote into ``folder``. A SQLite database is the
    one in this folder, wherever the folder was made: a copy of a corpus
    must not write into the original."""
    summary = json.loads((folder / SUMMARY).read_text())
    if summary["database_url"].startswith("sqlite"):
        summary["database_url"] = sqlite_url(folder)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, help="folder for the SQLite file, the index and "
                        "generate.json (default: a new folder under /tmp)")
    parser.add_argument("--database-url", help="PostgreSQL instead of SQLite in --out")
    parser.add_argument("--reset", action="store_true",
                        help="empty the PostgreSQL database first (drops its public schema)")
    parser.add_argument("--procs", type=int, default=2, help="processes building the index")
    parser.add_argument("--no-index", action="store_true", help="leave the search index empty")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix=f"portal-bench-{args.petitions}-"))
    summary = generate(args.petitions, args.seed, folder.resolve(), args.database_url,
                       procs=args.procs, index=not args.no_index, reset=args.reset)
    total = summary["load_seconds"] + summary.get("index_seconds", 0)
    print(f"done in {total / 60:,.1f} min: database {summary['load_seconds']:,.0f} s "
          f"({args.petitions / summary['load_seconds']:,.0f} petitions/s), "
          f"{summary['database_bytes'] / 2**20:,.0f} MiB", end="")
    if "index_seconds" in summary:
        print(f"; index {summary['index_seconds']:,.0f} s "
              f"({summary['index_records'] / summary['index_seconds']:,.0f} records/s), "
              f"{summary['index_bytes'] / 2**20:,.0f} MiB", end="")
    print(f"\n{json.dumps(summary['counts'])}\nfolder {folder}")


if __name__ == "__main__":
    main()
