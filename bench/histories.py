"""Synthetic petition histories for the benchmarks: where petitions come
from, when, and what happens to them.

Each petition gets a plausible history (submitted, acknowledged or declined
within 0–12 working days, assigned, sometimes transferred, paused, extended,
answered after days drawn from a skewed distribution, rated, reopened,
closed) as the ``Step`` list ``portal.inspection.timeline.read_history``
reads, so the derived rows (facts, clock spans, custody) come from the
portal's own code. Communes are drawn with a skew (a Pareto weight per
commune, wards three times, Hà Nội and Hồ Chí Minh City twice: the biggest
province holds about 13%) and dates over the five years before the bench's
"today", more in recent years.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from datetime import time as clock_time
from functools import lru_cache

from bench.corpus_slots import UNITS
from portal import clock
from portal.calendar import DayUnit, WorkCalendar
from portal.deadlines.defaults import DEFAULT_RULES
from portal.inspection.timeline import Step
from portal.petitions.states import Channel, EventType, PetitionStatus

# The bench's "today": 20/11/2026, late afternoon in Vietnam.
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=7))).astimezone(UTC)
FIRST_DAY = TODAY - timedelta(days=5 * 365)
_VIETNAM = timezone(timedelta(hours=7))
_E, _S = EventType, PetitionStatus

CHANNELS = ((Channel.WEB, 0.62), (Channel.RECEPTION, 0.12), (Channel.MAIL, 0.10),
            (Channel.PHONE, 0.08), (Channel.SESSION, 0.05), (Channel.API, 0.03))
RULES = {r.kind.value: r for r in DEFAULT_RULES}
RATING_WINDOW = 15  # days (RATING_WINDOW_DAYS): unrated answers close after it
DUE_MOVES = frozenset({EventType.RESUMED, EventType.EXTENSION_APPROVED, EventType.REOPENED})


# --- where petitions come from and when --------------------------------------

def commune_weights(seed: int) -> tuple[list[str], list[float]]:
    """A skewed weight per commune: Pareto (α 1.3, capped), wards ×3, the two
    big cities ×2. Codes and cumulative weights, for ``bisect``."""
    rng = random.Random(f"{seed}/communes")
    codes, cumulative, total = [], [], 0.0
    for unit in UNITS:
        weight = min(rng.paretovariate(1.3), 30.0) * (3 if unit.urban else 1)
        weight *= 2.0 if unit.province_code in ("01", "79") else 1.0
        total += weight
        codes.append(unit.code)
        cumulative.append(total)
    return codes, cumulative


def received_day(key: int, n: int) -> date:
    """Dates rise with the key (as ids do), density growing linearly from 1/3
    to 1 of the last year's: the portal is used more each year."""
    u = (key + 0.5) / n
    t = -0.5 + math.sqrt(0.25 + 2 * u)  # inverse of the CDF of 0.5 + t on [0, 1]
    return FIRST_DAY + timedelta(days=min(int(t * (TODAY - FIRST_DAY).days), (TODAY - FIRST_DAY).days))


class FastCalendar:
    """``count_days`` of a real calendar over a fixed range from prefix sums:
    the same answers (``refresh.differences`` checks a sample against the
    real calendar), a hundred times faster for a million histories."""

    def __init__(self, real: WorkCalendar, first: date, last: date):
        self.real, self.first, self.last = real, first, last
        self.prefix = [0]
        day = first
        while day <= last:
            self.prefix.append(self.prefix[-1] + real.is_working_day(day))
            day += timedelta(days=1)
        self.working = [first + timedelta(days=i) for i in range(len(self.prefix) - 1)
                        if self.prefix[i + 1] > self.prefix[i]]

    def _index(self, day: date) -> int:
        return (day - self.first).days + 1

    def count_days(self, after: date, until: date, unit: DayUnit) -> int:
        if until <= after:
            return 0
        if unit == DayUnit.CALENDAR:
            return (until - after).days
        if after < self.first or until > self.last:
            return self.real.count_days(after, until, unit)
        return self.prefix[self._index(until)] - self.prefix[self._index(after)]

    def working_day_after(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` for 0)."""
        if days == 0:
            return start
        return self.working[self.prefix[self._index(start)] + days - 1]

    @lru_cache(maxsize=65_536)  # noqa: B019 - one calendar per run
    def due(self, start: date, days: int, unit: DayUnit) -> date:
        return self.real.due_date(start, days, unit).due


# --- one petition's history ---------------------------------------------------

@dataclass
class Holder:
    office_id: int
    office: str
    official_id: int
    official: str

    def data(self) -> dict:
        return {"office_id": self.office_id, "office": self.office,
                "assignee_id": self.official_id, "assignee": self.official}


@dataclass
class History:
    steps: list[Step] = field(default_factory=list)
    actors: list[int | None] = field(default_factory=list)
    ack_due_on: date | None = None
    due_on: date | None = None
    promised_on: date | None = None
    holder: Holder | None = None


def local_moment(day: date, minutes: float) -> datetime:
    return (datetime.combine(day, clock_time(), _VIETNAM) + timedelta(minutes=minutes)).astimezone(UTC)


class Historian:
    """Draws a plausible history for each petition."""

    def __init__(self, rng: random.Random, calendar: FastCalendar,
                 commune_holders: dict[int, list[Holder]], province_holders: dict[int, list[Holder]]):
        self.rng, self.calendar = rng, calendar
        self.commune_holders, self.province_holders = commune_holders, province_holders

    def _staff_time(self, day: date, after: datetime) -> datetime:
        moment = local_moment(day, 8 * 60 + self.rng.random() * 9 * 60)
        return moment if moment > after else after + timedelta(minutes=5 + self.rng.random() * 120)

    def _answer_days(self) -> int:
        """Calendar days from acknowledgement to the answer: most 5–20, tail to 90."""
        return max(1, min(90, round(self.rng.lognormvariate(math.log(11), 0.55))))

    def _holder(self, unit_id: int, province_id: int) -> Holder:
        pool = (self.commune_holders[unit_id] if self.rng.random() < 0.75
                else self.province_holders[province_id])
        return pool[int(self.rng.random() * len(pool))]

    def draw(self, kind: str, channel: Channel, unit_id: int, province_id: int,
             received_on: date) -> History:
        rng, cal = self.rng, self.calendar
        random_ = rng.random
        rule = RULES[kind]
        h = History()
        steps, actors = h.steps, h.actors

        def add(type_, at, to=None, data=None, actor=None):
            steps.append(Step(type_, at, to, data))
            actors.append(actor)

        received_at = local_moment(received_on, 7 * 60 + random_() * 14 * 60)
        add(_E.SUBMITTED, received_at, _S.RECEIVED, {"channel": str(channel)})
        h.ack_due_on = cal.due(received_on, rule.ack_days, rule.ack_unit)
        if random_() >= 0.90:  # never acknowledged: mostly merged into a duplicate
            if random_() < 0.93:
                add(_E.MERGED, self._staff_time(received_on + timedelta(days=1 + int(random_() * 30)),
                                                received_at), _S.CLOSED, {"into": None})
            return h
        delay = min(12, int(rng.expovariate(1 / 3.5)))
        ack_day = cal.working_day_after(received_on, delay)
        holder = self._holder(unit_id, province_id)
        ack_at = self._staff_time(ack_day, received_at)
        if random_() < 0.04:
            add(_E.REJECTED, ack_at, _S.REJECTED, actor=holder.official_id)
            return h
        add(_E.ACCEPTED, ack_at, _S.ACCEPTED, actor=holder.official_id)
        h.due_on = due = cal.due(ack_day, rule.resolve_days, rule.resolve_unit)
        if channel == Channel.SESSION:
            h.promised_on = ack_day + timedelta(days=10 + int(random_() * 30))
        at = self._staff_time(ack_day + timedelta(days=int(random_() * 3)), ack_at)
        add(_E.ASSIGNED, at, _S.IN_PROGRESS, holder.data(), actor=holder.official_id)
        answer_day = ack_day + timedelta(days=self._answer_days())
        stuck = random_() < 0.03
        if random_() < 0.06:  # transferred once, before the answer
            gap = max(1, (answer_day - clock.local_date(at)).days // 2)
            holder = self._holder(unit_id, province_id)
            at = self._staff_time(clock.local_date(at) + timedelta(days=1 + int(random_() * gap)), at)
            add(_E.TRANSFERRED, at, None, holder.data(), actor=holder.official_id)
        if random_() < 0.04:  # paused, waiting for the resident
            paused = self._staff_time(clock.local_date(at) + timedelta(days=1 + int(random_() * 5)), at)
            add(_E.PAUSED, paused, _S.PAUSED, actor=holder.official_id)
            length = 3 + int(random_() * 22)
            at = self._staff_time(clock.local_date(paused) + timedelta(days=length), paused)
            later = due + timedelta(days=length)
            add(_E.RESUMED, at, _S.IN_PROGRESS, {"from": due.isoformat(), "to": later.isoformat()},
                actor=holder.official_id)
            due, answer_day = later, answer_day + timedelta(days=length)
        if random_() < 0.03 and rule.extension_days:
            later = cal.due(due, rule.extension_days, rule.resolve_unit)
            at = self._staff_time(max(clock.local_date(at), due - timedelta(days=3)), at)
            add(_E.EXTENSION_APPROVED, at, None, {"days": rule.extension_days, "from": due.isoformat(),
                                                  "to": later.isoformat()}, actor=holder.official_id)
            due, answer_day = later, answer_day + timedelta(days=rule.extension_days)
        h.holder = holder
        if stuck:  # never answered; most are closed in the end, some linger open
            if random_() < 0.8:
                add(_E.CLOSED, self._staff_time(ack_day + timedelta(days=60 + int(random_() * 340)), at),
                    _S.CLOSED, actor=holder.official_id)
            return h
        answered = self._staff_time(answer_day, at)
        add(_E.ANSWER_PUBLISHED, answered, _S.ANSWERED, {"response_id": None},
            actor=holder.official_id)
        if random_() < 0.45:
            rated = answered + timedelta(days=1 + random_() * 12)
            happy = random_() < 0.78
            add(_E.RATED, rated, None, {"satisfied": happy})
            if happy:
                add(_E.CLOSED, rated + timedelta(seconds=1), _S.CLOSED)
                return h
            new_due = cal.due(clock.local_date(rated), rule.resolve_days, rule.resolve_unit)
            add(_E.REOPENED, rated + timedelta(seconds=1), _S.IN_PROGRESS,
                {"from": due.isoformat(), "to": new_due.isoformat()})
            due = new_due
            if random_() < 0.15:
                return h
            answered = self._staff_time(clock.local_date(rated) + timedelta(
                days=self._answer_days()), rated)
            add(_E.ANSWER_PUBLISHED, answered, _S.ANSWERED, {"response_id": None},
                actor=holder.official_id)
        add(_E.CLOSED, answered + timedelta(days=RATING_WINDOW), _S.CLOSED)
        return h


def until_now(h: History) -> History:
    """Only what had happened by the bench's "now", with the deadline and
    the promise as they stood then."""
    keep = next((i for i, s in enumerate(h.steps) if s.at > NOW), len(h.steps))
    h.steps, h.actors = h.steps[:keep], h.actors[:keep]
    if not any(s.type == _E.ACCEPTED for s in h.steps):
        h.due_on = h.promised_on = None
        return h
    for step in h.steps:
        if step.type in DUE_MOVES and step.data and step.data.get("to"):
            h.due_on = date.fromisoformat(step.data["to"])
    return h



# Steps that end the holder's custody, and why (as the handling services write it).
_CUSTODY_ENDS = {_E.TRANSFERRED: "transferred", _E.ANSWER_PUBLISHED: "answered",
                 _E.MERGED: "merged"}
CUSTODY_COLUMNS = ["petition_id", "office_id", "assignee_id", "started_at", "ended_at",
                    "end_reason"]


def custody_rows(petition_id: int, steps: list[Step]) -> list[dict]:
    """The custody chain (``assignments``) the handling services write for
    these steps: a holder from assignment or transfer until the next
    transfer or the answer; a reopened petition goes back to its last holder."""
    rows: list[dict] = []
    current = None
    for step in steps:
        if current is not None and step.type in _CUSTODY_ENDS:
            current.update(ended_at=step.at, end_reason=_CUSTODY_ENDS[step.type])
            current = None
        if step.type in (_E.ASSIGNED, _E.TRANSFERRED):
            current = {"petition_id": petition_id, "office_id": step.data["office_id"],
                       "assignee_id": step.data["assignee_id"], "started_at": step.at,
                       "ended_at": None, "end_reason": None}
            rows.append(current)
        elif step.type == _E.REOPENED and rows:
            current = {**rows[-1], "started_at": step.at, "ended_at": None, "end_reason": None}
            rows.append(current)
    return rows


