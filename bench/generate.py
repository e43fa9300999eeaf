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
import bisect
import json
import random
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import corpus, replies  # noqa: E402
from bench.corpus_slots import UNITS  # noqa: E402
from bench.histories import (  # noqa: E402
    CHANNELS,
    CUSTODY_COLUMNS,
    FIRST_DAY,
    NOW,
    TODAY,
    FastCalendar,
    Historian,
    Holder,
    custody_rows,
    local_moment,
    received_day,
    until_now,
)
from bench.loading import BulkInsert, restart_ids  # noqa: E402
from portal import clock  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.inspection.models import ClockSpan, PetitionFacts  # noqa: E402
from portal.inspection.refresh import fact_row, span_rows  # noqa: E402
from portal.inspection.timeline import Subject, read_history  # noqa: E402
from portal.petitions import tracking  # noqa: E402
from portal.petitions.states import EventType, PetitionStatus  # noqa: E402

BATCH = 5_000
DEPARTMENTS = ("Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Thanh tra tỉnh")
SESSION_SHARE_PETITIONS = 6  # at most one session per this many petitions (small corpora)
SUMMARY = "generate.json"
_E, _S = EventType, PetitionStatus
_SPAN_KEYS = ("petition_id", "unit_id", "province_id")
SPAN_COLUMNS = [*_SPAN_KEYS, *(c.name for c in ClockSpan.__table__.columns
                              if c.name not in ("id", *_SPAN_KEYS))]
_UNIT_TEXT = {unit.code: unit for unit in UNITS}


# --- the app and its reference data -------------------------------------------

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


def reference_data() -> dict:
    from portal.petitions.models import Category
    from portal.units.models import Unit

    units = db.session.execute(sa.select(Unit.code, Unit.id, Unit.parent_id, Unit.full_name)).all()
    return {
        "units": {code: uid for code, uid, _, _ in units},
        "codes": {uid: code for code, uid, _, _ in units},
        "parents": {uid: parent or uid for _, uid, parent, _ in units},
        "names": {uid: name for _, uid, _, name in units},
        "communes": [uid for _, uid, parent, _ in units if parent is not None],
        "provinces": [uid for _, uid, parent, _ in units if parent is None],
        "categories": dict(db.session.execute(sa.select(Category.code, Category.id)).all()),
    }


def create_holders(refs: dict) -> tuple[dict[int, list[Holder]], dict[int, list[Holder]]]:
    """One office per commune, three departments per province, two officials
    in each, with their grants; in bulk."""
    from portal.accounts.models import Role, RoleGrant, User
    from portal.units.models import Office

    offices = [{"unit_id": uid, "name": f"UBND {refs['names'][uid]}"} for uid in refs["communes"]]
    offices += [{"unit_id": pid, "name": name} for pid in refs["provinces"] for name in DEPARTMENTS]
    db.session.execute(sa.insert(Office), offices)
    office_rows = db.session.execute(sa.select(Office.id, Office.unit_id, Office.name)
                                     .order_by(Office.id)).all()
    users = [{"email": f"canbo{i * 2 + j}@bench.example.com", "password_hash": "!",
              "full_name": f"Cán bộ {i * 2 + j}"} for i in range(len(office_rows)) for j in range(2)]
    db.session.execute(sa.insert(User), users)
    ids = dict(db.session.execute(sa.select(User.email, User.id)
                                  .where(User.email.like("%@bench.example.com"))).all())
    grants, communes, provinces = [], {}, {}
    for i, (office_id, unit_id, name) in enumerate(office_rows):
        for j in range(2):
            number = i * 2 + j
            user_id = ids[f"canbo{number}@bench.example.com"]
            grants.append({"user_id": user_id, "role": Role.OFFICIAL, "unit_id": unit_id,
                           "office_id": office_id})
            pool = provinces if refs["parents"][unit_id] == unit_id else communes
            pool.setdefault(unit_id, []).append(Holder(office_id, name, user_id, f"Cán bộ {number}"))
    db.session.execute(sa.insert(RoleGrant), grants)
    db.session.commit()
    return communes, provinces


# --- petitions ---------------------------------------------------------------

@dataclass
class Ids:
    response: int = 0
    rating: int = 0


@dataclass
class Rows:
    """One batch of rows, per table."""

    petitions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    custody: list[dict] = field(default_factory=list)
    responses: list[dict] = field(default_factory=list)
    ratings: list[dict] = field(default_factory=list)


def _answers_and_ratings(pid: int, steps, actors, title: str, unit, rng: random.Random,
                         ids: Ids, rows: Rows) -> None:
    """A published answer for each answer step (its id in the step's data,
    as the answer service records it) and a rating for each rating step."""
    last_response = None
    for step, actor in zip(steps, actors, strict=True):
        if step.type == _E.ANSWER_PUBLISHED:
            ids.response += 1
            last_response = ids.response
            step.data["response_id"] = last_response
            written = step.at - timedelta(hours=2 + rng.random() * 46)
            rows.responses.append({
                "id": last_response, "petition_id": pid, "body": replies.answer(rng, unit, title),
                "status": "published", "author_id": actor, "submitted_at": written,
                "approved_by_id": actor, "approved_at": step.at, "published_at": step.at,
                "created_at": written, "updated_at": step.at,
            })
        elif step.type == _E.RATED and last_response is not None:
            ids.rating += 1
            rows.ratings.append({"id": ids.rating, "petition_id": pid,
                                 "response_id": last_response,
                                 "is_satisfied": step.data["satisfied"], "created_at": step.at})


class PetitionMaker:
    """Each corpus petition as its rows: the petition with its history, and
    everything the portal derives from that history."""

    def __init__(self, n: int, seed: int, refs: dict, historian: Historian,
                 calendar: FastCalendar):
        self.n, self.refs, self.historian, self.calendar = n, refs, historian, calendar
        self.channels = [c for c, _ in CHANNELS]
        self.channel_cumulative = list(_cumulate(w for _, w in CHANNELS))
        self.text_rng = random.Random(f"{seed}/replies")
        self.ids = Ids()
        # The latest titles of each commune: the questions its sessions hear.
        self.recent: dict[int, deque[str]] = {}

    def add(self, p: corpus.SyntheticPetition, rows: Rows) -> None:
        refs, rng = self.refs, self.historian.rng
        commune = p.commune_code
        needle = p.topic.startswith("needle:")
        unit_id = refs["units"][commune]
        province_id = refs["parents"][unit_id]
        channel = self.channels[bisect.bisect_right(self.channel_cumulative, rng.random())]
        received_on = received_day(p.key, self.n)
        for _ in range(50):
            h = until_now(self.historian.draw(p.kind, channel, unit_id, province_id, received_on))
            status = next(s.to_status for s in reversed(h.steps) if s.to_status is not None)
            # A needle must be one anyone can find, as the quality set assumes.
            if not needle or status not in (_S.RECEIVED, _S.REJECTED):
                break
        pid = p.key + 1
        subject = Subject(pid, unit_id, province_id, refs["categories"][p.category_code], p.kind,
                          str(channel), h.steps[0].at, h.ack_due_on, h.due_on, h.promised_on)
        _answers_and_ratings(pid, h.steps, h.actors, p.title, _UNIT_TEXT[commune],
                             self.text_rng, self.ids, rows)
        facts = read_history(subject, h.steps, self.calendar)
        holder = next((s.data for s in reversed(h.steps)
                       if s.data and "assignee_id" in s.data), None)
        rows.petitions.append({
            "id": pid, "tracking_code": tracking_code(p.key, received_on.year), "title": p.title[:200],
            "body": p.body, "kind": p.kind, "category_id": subject.category_id,
            "unit_id": unit_id, "channel": channel, "status": status,
            "is_identity_hidden": False, "is_public": p.is_public,
            "submitted_at": subject.submitted_at, "created_at": subject.submitted_at,
            "updated_at": h.steps[-1].at, "version": len(h.steps), "is_complex": False,
            "ack_due_on": subject.ack_due_on, "due_on": subject.due_on,
            "promised_on": subject.promised_on, "acknowledged_at": facts.acknowledged_at,
            "answered_at": facts.answered_at if status in (_S.ANSWERED, _S.CLOSED) else None,
            "closed_at": facts.closed_at,
            "office_id": holder["office_id"] if holder else None,
            "assignee_id": holder["assignee_id"] if holder else None,
        })
        previous = None
        for step, actor in zip(h.steps, h.actors, strict=True):
            rows.events.append({
                "petition_id": pid, "type": step.type, "actor_id": actor, "occurred_at": step.at,
                "from_status": previous if step.to_status else None, "to_status": step.to_status,
                "data": step.data, "is_public": True})
            previous = step.to_status or previous
        rows.facts.append(fact_row(subject, facts))
        rows.spans.extend(span_rows(subject, facts))
        rows.custody.extend(custody_rows(pid, h.steps))
        self.recent.setdefault(unit_id, deque(maxlen=6)).append(p.title)


def tracking_code(key: int, year: int) -> str:
    """A real-looking code, unique per key: the key scrambled by an odd
    multiplier modulo 32⁷ (a bijection), written in the code alphabet."""
    value = (key * 0x2545F49 + 0x1234567) % 32**tracking.RANDOM_LENGTH
    symbols = []
    for _ in range(tracking.RANDOM_LENGTH):
        value, digit = divmod(value, 32)
        symbols.append(tracking.ALPHABET[digit])
    return tracking.code_for(year, "".join(symbols))


def _cumulate(values):
    total = 0.0
    for value in values:
        total += value
        yield total


def _inserts() -> dict[str, BulkInsert]:
    from portal.answers.models import Rating, Response
    from portal.handling.models import Assignment
    from portal.petitions.models import Petition, PetitionEvent

    return {
        "petitions": BulkInsert(Petition.__table__, [
            "id", "tracking_code", "title", "body", "kind", "category_id", "unit_id", "channel",
            "status", "is_identity_hidden", "is_public", "submitted_at", "created_at",
            "updated_at", "version", "is_complex", "ack_due_on", "due_on", "promised_on",
            "acknowledged_at", "answered_at", "closed_at", "office_id", "assignee_id"]),
        "events": BulkInsert(PetitionEvent.__table__, [
            "petition_id", "type", "actor_id", "occurred_at", "from_status", "to_status", "data",
            "is_public"]),
        "facts": BulkInsert(PetitionFacts.__table__, [
            c.name for c in PetitionFacts.__table__.columns]),
        "spans": BulkInsert(ClockSpan.__table__, SPAN_COLUMNS),
        "custody": BulkInsert(Assignment.__table__, CUSTODY_COLUMNS),
        "responses": BulkInsert(Response.__table__, [
            "id", "petition_id", "body", "status", "author_id", "submitted_at", "approved_by_id",
            "approved_at", "published_at", "created_at", "updated_at"]),
        "ratings": BulkInsert(Rating.__table__, [
            "id", "petition_id", "response_id", "is_satisfied", "created_at"]),
    }


def load_petitions(n: int, seed: int, refs: dict, historian: Historian,
                   calendar: FastCalendar, progress) -> PetitionMaker:
    maker = PetitionMaker(n, seed, refs, historian, calendar)
    inserts = _inserts()
    # The search quality set's petitions are planted at known keys (bench/quality.py).
    petitions = corpus.generate(n, seed=seed, with_needles=True, skewed=True)
    done = 0
    while chunk := list(islice(petitions, BATCH)):
        rows = Rows()
        for p in chunk:
            maker.add(p, rows)
        # Parents before children: responses before the ratings that cite them.
        for name in ("petitions", "events", "facts", "spans", "custody", "responses", "ratings"):
            inserts[name](getattr(rows, name))
        db.session.commit()
        done += len(chunk)
        progress(done)
    return maker


# --- dialogue sessions -------------------------------------------------------

def load_sessions(n: int, seed: int, refs: dict, holders: dict[int, list[Holder]],
                  recent: dict[int, deque[str]]) -> int:
    """One session a year in each commune that has petitions (a sample when
    the corpus is small), in a month drawn at random; held and concluded
    with minutes when before "today", announced when after."""
    from portal.dialogues import minutes
    from portal.dialogues.models import AgendaItem, DialogueSession

    rng = random.Random(f"{seed}/sessions")
    years = range(FIRST_DAY.year + 1, TODAY.year + 2)
    slots = [(unit_id, year) for unit_id in sorted(recent) for year in years]
    limit = max(1, n // SESSION_SHARE_PETITIONS)
    if len(slots) > limit:
        slots = sorted(rng.sample(slots, limit))
    sessions, agenda = [], []
    for number, (unit_id, year) in enumerate(slots, 1):
        unit = _UNIT_TEXT[refs["codes"][unit_id]]
        day = date(year, 1, 1) + timedelta(days=int(rng.random() * 364))
        if day < FIRST_DAY:
            continue
        starts = local_moment(day, 8 * 60)
        held = starts < NOW
        questions = list(recent[unit_id])[:2 + int(rng.random() * 4)]
        chair = holders[unit_id][0].official_id
        announced = local_moment(day - timedelta(days=10 + int(rng.random() * 10)), 9 * 60)
        sessions.append({
            "id": number, "unit_id": unit_id, "chair_id": chair, "created_by_id": chair,
            "title": f"Hội nghị đối thoại với Nhân dân {unit.full_name} năm {year}",
            "theme": "Giải quyết phản ánh, kiến nghị của người dân về đất đai, môi trường, "
                     "hạ tầng và thủ tục hành chính",
            "starts_at": starts, "ends_at": starts + timedelta(hours=3),
            "venue": f"Hội trường UBND {unit.full_name}", "format": "in_person",
            "chair_title": f"Chủ tịch UBND {unit.full_name}",
            "status": "concluded" if held else "announced",
            "announced_at": min(announced, NOW),
            "held_at": starts + timedelta(hours=3) if held else None,
            "minutes_source": replies.minutes(rng, unit, questions) if held else "",
            "conclusion_number": f"{number}/TB-UBND" if held else None,
            "conclusion_date": day + timedelta(days=5) if held else None,
            "conclusion_text": replies.conclusion(rng, unit) if held else "",
            "concluded_at": local_moment(day + timedelta(days=5), 10 * 60) if held else None,
            "created_at": announced, "updated_at": min(starts + timedelta(days=5), NOW),
        })
        for position, title in enumerate(("Báo cáo kết quả giải quyết kiến nghị kỳ trước",
                                          "Đối thoại trực tiếp với Nhân dân",
                                          "Kết luận của chủ trì hội nghị"), 1):
            agenda.append({"session_id": number, "position": position, "title": title})
    for row in sessions:  # as the minutes form stores them: the source and its safe HTML
        row["minutes_html"] = minutes.render(row["minutes_source"]) if row["minutes_source"] else ""
    if sessions:
        BulkInsert(DialogueSession.__table__, list(sessions[0]))(sessions)
        BulkInsert(AgendaItem.__table__, ["session_id", "position", "title"])(agenda)
    db.session.commit()
    return len(sessions)


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
    refs = reference_data()
    communes, provinces = create_holders(refs)
    historian = Historian(random.Random(f"{seed}/histories"), calendar, communes, provinces)
    sqlite = db.engine.dialect.name == "sqlite"
    if sqlite:  # a bigger page cache while loading (random keys in several indexes)
        db.session.execute(sa.text("PRAGMA cache_size=-262144"))
    maker = load_petitions(n, seed, refs, historian, calendar, _printer("petitions", n))
    session_count = load_sessions(n, seed, refs, communes, maker.recent)
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
    return json.loads((folder / SUMMARY).read_text())


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
