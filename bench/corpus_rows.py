"""The rows of a generated benchmark corpus (``bench/generate.py``): offices
and officials, each petition with its history and everything the portal
derives from it, answers and ratings, dialogue sessions; in batches,
straight into the tables (``bench/loading.py``)."""

from __future__ import annotations

import bisect
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate, islice

import sqlalchemy as sa

from bench import corpus, replies
from bench.corpus_slots import UNITS
from bench.histories import (
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
from bench.loading import BulkInsert
from portal.extensions import db
from portal.inspection.models import ClockSpan, PetitionFacts
from portal.inspection.refresh import fact_row, span_rows
from portal.inspection.timeline import Subject, read_history
from portal.petitions import tracking
from portal.petitions.states import EventType, PetitionStatus

BATCH = 5_000
DEPARTMENTS = ("Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Thanh tra tỉnh")
SESSION_SHARE_PETITIONS = 6  # at most one session per this many petitions (small corpora)
_E, _S = EventType, PetitionStatus
_SPAN_KEYS = ("petition_id", "unit_id", "province_id")
SPAN_COLUMNS = [*_SPAN_KEYS, *(c.name for c in ClockSpan.__table__.columns
                              if c.name not in ("id", *_SPAN_KEYS))]
_UNIT_TEXT = {unit.code: unit for unit in UNITS}


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
        self.channel_cumulative = list(accumulate(w for _, w in CHANNELS))
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
