"""Response-time metrics, one function per metric (definitions in
docs/metrics.md).

Every function takes ``Rows`` (the rows of one frame: a scope, a period,
an "as of" day and a grouping, read once) and answers ``{group key: value}``
with the key ``TOTAL`` for the whole frame. Nothing that happened after the
end of the "as of" day counts, so a figure "as of 30/06" is the one an
inspector would have seen that evening.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any

import sqlalchemy as sa

from portal import clock
from portal.extensions import db
from portal.inspection.models import ClockKind, ClockSpan, PetitionFacts
from portal.inspection.statistics import Percentiles, Rate, nearest_rank
from portal.permissions import Scope
from portal.petitions.models import PetitionEvent
from portal.petitions.states import EventType
from portal.units.models import Unit

TOTAL = "__total__"
GROUPINGS = ("unit", "office", "official", "category", "kind", "month")


@dataclass(frozen=True)
class Frame:
    """What a figure is about: whose petitions, which period, as of when."""

    scope: Scope  # what the reader may see
    start: date
    end: date  # inclusive
    as_of: date
    unit: Unit | None = None  # narrowed to one province or commune
    group_by: str | None = None

    @cached_property  # asked once per row and metric: half a million times a page at 1M
    def cutoff(self) -> datetime:
        """The end of the "as of" day in Vietnam: later events do not count."""
        return clock.local_midnight(self.as_of + timedelta(days=1))

    @property
    def last_day(self) -> date:
        return min(self.end, self.as_of)

    def in_period(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.last_day

    def happened(self, moment: datetime | None) -> bool:
        return moment is not None and moment < self.cutoff

    @cached_property
    def moments(self) -> tuple[datetime, datetime]:
        """The period as moments: from the start of its first day to the end
        of its last (never after the "as of" day's end)."""
        return (clock.local_midnight(self.start),
                clock.local_midnight(self.last_day + timedelta(days=1)))

    def during(self, moment: datetime | None) -> bool:
        """Whether ``moment`` fell in the period, by the "as of" day."""
        return moment is not None and self.moments[0] <= moment < self.moments[1]

    def where(self, table) -> sa.ColumnElement[bool]:
        """SQL: rows of ``table`` (with unit_id and province_id) in the frame's units."""
        conditions = []
        if self.unit is not None:
            column = table.c.province_id if self.unit.is_province else table.c.unit_id
            conditions.append(column == self.unit.id)
        if not self.scope.national and not (self.unit is not None and self.scope.covers(self.unit)):
            provinces, communes = self._scope_units
            # One IN per column: an OR of both would stop the indexes from
            # serving the date ranges.
            inside = [*([table.c.province_id.in_(provinces)] if provinces else []),
                      *([table.c.unit_id.in_(communes)] if communes else [])]
            conditions.append(sa.or_(*inside) if inside else sa.false())
        return sa.and_(sa.true(), *conditions)

    @cached_property
    def _scope_units(self) -> tuple[list[int], list[int]]:
        """The reader's units, split into provinces and communes."""
        units = db.session.execute(sa.select(Unit.id, Unit.parent_id)
                                   .where(Unit.id.in_(self.scope.unit_ids))).all()
        return ([i for i, parent in units if parent is None],
                [i for i, parent in units if parent is not None])


@dataclass
class Rows:
    """The fact rows one frame needs, read once and shared by every metric."""

    frame: Frame
    rows: list[Any] = field(default_factory=list)
    # Event counts by the types asked for; shared with regrouped copies.
    counted: dict[tuple, dict] = field(default_factory=dict)

    def regrouped(self, group_by: str | None) -> Rows:
        """The same rows grouped another way, with what was already read
        from the database (spans, event counts) reused rather than re-queried."""
        other = Rows(replace(self.frame, group_by=group_by), self.rows, self.counted)
        for name in _SHARED:
            if name in self.__dict__:  # a cached_property already computed
                other.__dict__[name] = self.__dict__[name]
        return other

    @classmethod
    def load(cls, frame: Frame) -> Rows:
        table = PetitionFacts.__table__
        # Every row a figure of the period reads was received by its last day
        # and is active until its first day or later (``active_until``); the
        # metrics then pick their own rows exactly.
        rows = db.session.execute(
            sa.select(*(table.c[name] for name in _READ))
            .where(frame.where(table), table.c.active_until >= frame.start,
                   table.c.received_on <= frame.last_day)).all()
        return cls(frame, rows)

    def key(self, row, month_of: date | None) -> Any:
        group = self.frame.group_by
        if group is None:
            return None
        if group == "month":
            return _month(month_of)
        return getattr(row, _GROUP_COLUMNS[group])

    def grouped(self, rows: Iterable, month_of: Callable[[Any], date | None]) -> dict[Any, list]:
        group = self.frame.group_by
        groups: dict[Any, list] = defaultdict(list)
        groups[TOTAL] = everything = list(rows)
        if group == "month":
            for row in everything:
                groups[_month(month_of(row))].append(row)
        elif group is not None:
            column = _GROUP_COLUMNS[group]
            for row in everything:
                groups[getattr(row, column)].append(row)
        return groups

    # The sets of petitions the metrics count, each grouped once and shared
    # by the metrics that read it. A day in the period is on or before the
    # "as of" day, so it has happened by then.
    @cached_property
    def received_rows(self) -> list:
        start, last = self.frame.start, self.frame.last_day
        return [r for r in self.rows if start <= r.received_on <= last]

    @cached_property
    def by_received(self) -> dict[Any, list]:
        return self.grouped(self.received_rows, _received_month)

    @cached_property
    def answered_rows(self) -> list:
        start, last = self.frame.start, self.frame.last_day
        return [r for r in self.rows if r.answered_on is not None and start <= r.answered_on <= last]

    @cached_property
    def by_answered(self) -> dict[Any, list]:
        return self.grouped(self.answered_rows, _answered_month)

    @cached_property
    def acknowledged_rows(self) -> list:
        during = self.frame.during
        return [r for r in self.rows if during(r.acknowledged_at)]

    @cached_property
    def spans(self) -> list:
        """The open-clock spans alive at the end of the "as of" day."""
        spans, facts = ClockSpan.__table__, PetitionFacts.__table__
        cutoff = self.frame.cutoff
        return db.session.execute(
            sa.select(spans, facts.c.category_id, facts.c.kind, facts.c.received_on)
            .join(facts, facts.c.petition_id == spans.c.petition_id)
            .where(self.frame.where(spans), spans.c.starts_at < cutoff, spans.c.ends_at >= cutoff)
        ).all()

    def event_counts(self, types: Iterable[EventType]) -> dict[int, dict[EventType, int]]:
        """Per petition received in the period: how many events of each type
        it had by the "as of" day."""
        key = tuple(sorted(types))
        if key not in self.counted:
            self.counted[key] = self._count_events(key)
        return self.counted[key]

    def _count_events(self, types: tuple[EventType, ...]) -> dict[int, dict[EventType, int]]:
        facts, events = PetitionFacts.__table__, PetitionEvent.__table__
        frame = self.frame
        received = sa.select(facts.c.petition_id).where(
            frame.where(facts), facts.c.received_on.between(frame.start, frame.last_day))
        counts: dict[int, dict[EventType, int]] = defaultdict(dict)
        for petition_id, kind, number in db.session.execute(
                sa.select(events.c.petition_id, events.c.type, sa.func.count())
                .where(events.c.petition_id.in_(received), events.c.type.in_(list(types)),
                       events.c.occurred_at < frame.cutoff)
                .group_by(events.c.petition_id, events.c.type)):
            counts[petition_id][EventType(kind)] = number
        return counts


# What does not depend on the grouping: the sets counted and the open spans.
_SHARED = ("received_rows", "answered_rows", "acknowledged_rows", "spans")

# The columns of ``petition_facts`` the metrics read.
_READ = ("petition_id", "unit_id", "province_id", "category_id", "kind", "office_id",
         "official_id", "received_on", "ack_due_on", "acknowledged_at",
         "ack_on_time", "ack_work_days", "ack_calendar_days", "answered_on",
         "answer_on_time", "answer_work_days", "answer_calendar_days", "reopened_at",
         "rated_at", "satisfied", "promised_on")


_GROUP_COLUMNS = {"unit": "unit_id", "province": "province_id", "office": "office_id",
                  "official": "official_id", "category": "category_id", "kind": "kind"}


@lru_cache(maxsize=1024)
def _month(day: date | None) -> str | None:
    return day.strftime("%Y-%m") if day else None


def _received_month(row) -> date:
    return row.received_on


def _answered_month(row) -> date | None:
    return row.answered_on


def _count(groups: dict[Any, list]) -> dict[Any, int]:
    return {key: len(rows) for key, rows in groups.items()}


# --- Petitions -------------------------------------------------------------

def received(data: Rows) -> dict[Any, int]:
    """Petitions received in the period."""
    return _count(data.by_received)


def answered(data: Rows) -> dict[Any, int]:
    """Petitions whose first answer was published in the period."""
    return _count(data.by_answered)


def answered_on_time(data: Rows) -> dict[Any, Rate]:
    """Of those answered in the period, answered by the deadline in force
    when the answer went out."""
    return {key: Rate(sum(1 for r in rows if r.answer_on_time), len(rows))
            for key, rows in data.by_answered.items()}


def acknowledged_on_time(data: Rows) -> dict[Any, Rate]:
    """Acknowledged (accepted or declined) by the acknowledgement deadline,
    over those acknowledged in the period plus those still waiting whose
    deadline fell in the period and had passed by the "as of" day."""
    frame = data.frame
    cutoff, as_of = frame.cutoff, frame.as_of
    # Due in the period and before the "as of" day, not acknowledged by its end.
    first, last = frame.start, min(frame.last_day, as_of - timedelta(days=1))
    waiting = [r for r in data.rows if r.ack_due_on is not None and first <= r.ack_due_on <= last
               and r.received_on <= as_of
               and (r.acknowledged_at is None or r.acknowledged_at >= cutoff)]
    # Every acknowledged row counted was acknowledged in the period, so by then.
    return {key: Rate(sum(1 for r in group if r.ack_on_time and r.acknowledged_at is not None
                          and r.acknowledged_at < cutoff), len(group))
            for key, group in data.grouped([*data.acknowledged_rows, *waiting],
                                           _received_month).items()}


def _percentiles(groups: dict[Any, list], column: str) -> dict[Any, Percentiles]:
    result = {}
    value_of = attrgetter(column)
    for key, rows in groups.items():
        values = sorted(v for v in map(value_of, rows) if v is not None)
        result[key] = Percentiles(len(values), nearest_rank(values, 0.5, ordered=True),
                                  nearest_rank(values, 0.9, ordered=True))
    return result


def days_to_answer(data: Rows, *, working: bool = True) -> dict[Any, Percentiles]:
    """Median and 90th percentile of the days from acknowledgement to the
    first answer, pauses excluded, in working or calendar days."""
    column = "answer_work_days" if working else "answer_calendar_days"
    return _percentiles(data.by_answered, column)


def days_to_acknowledge(data: Rows, *, working: bool = True) -> dict[Any, Percentiles]:
    """Median and 90th percentile of the days from receipt to acknowledgement."""
    column = "ack_work_days" if working else "ack_calendar_days"
    return _percentiles(data.grouped(data.acknowledged_rows, _received_month), column)


def reopened(data: Rows) -> dict[Any, Rate]:
    """Of those answered in the period, the share reopened by a dissatisfied
    resident (by the "as of" day)."""
    frame = data.frame
    return {key: Rate(sum(1 for r in rows if frame.happened(r.reopened_at)), len(rows))
            for key, rows in data.by_answered.items()}


def satisfied(data: Rows) -> dict[Any, Rate]:
    """Of the first ratings given in the period, the share "satisfied"."""
    frame = data.frame
    rated = [r for r in data.rows if frame.during(r.rated_at)]
    return {key: Rate(sum(1 for r in rows if r.satisfied), len(rows))
            for key, rows in data.grouped(rated, _received_month).items()}


def commitments_kept(data: Rows) -> dict[Any, Rate]:
    """Dates promised at dialogue sessions that fell in the period (and have
    passed by the "as of" day): the share answered by then."""
    frame = data.frame
    due = [r for r in data.rows if frame.in_period(r.promised_on) and r.promised_on < frame.as_of]
    return {key: Rate(sum(1 for r in rows if r.answered_on is not None
                          and r.answered_on <= min(r.promised_on, frame.as_of)), len(rows))
            for key, rows in data.grouped(due, lambda r: r.promised_on).items()}


# --- Open petitions on the "as of" day ------------------------------------

@dataclass
class OpenCount:
    in_time: int = 0
    overdue: int = 0
    long_overdue: int = 0
    paused: int = 0
    oldest_overdue_days: int = 0


def days_overdue(span, as_of: date) -> int:
    return (as_of - span.due_on).days if span.due_on is not None else 0


def is_long_overdue(span, as_of: date) -> bool:
    """Overdue by more than the whole time it was allowed: more than twice
    the allowed time since its clock started."""
    if span.due_on is None:
        return False
    return days_overdue(span, as_of) > (span.due_on - span.clock_started_on).days


def open_petitions(data: Rows) -> dict[Any, OpenCount]:
    """Open on the "as of" day: in time, overdue (with the oldest's days
    overdue), long overdue, and paused."""
    as_of = data.frame.as_of
    result: dict[Any, OpenCount] = defaultdict(OpenCount)
    result[TOTAL] = OpenCount()
    for key, spans in data.grouped(data.spans, _received_month).items():
        count = result[key]
        for span in spans:
            if span.clock == ClockKind.PAUSED:
                count.paused += 1
            elif span.due_on is not None and span.due_on < as_of:
                count.overdue += 1
                count.long_overdue += is_long_overdue(span, as_of)
                count.oldest_overdue_days = max(count.oldest_overdue_days,
                                                days_overdue(span, as_of))
            else:
                count.in_time += 1
    return dict(result)


# --- Handling --------------------------------------------------------------

@dataclass
class Handling:
    petitions: int = 0
    transfers: int = 0
    sent_back: int = 0  # petitions sent back at least once
    extended: int = 0  # petitions given at least one extension
    extensions: int = 0
    paused: int = 0  # petitions paused at least once
    pauses: int = 0

    @property
    def transfers_per_petition(self) -> float | None:
        return self.transfers / self.petitions if self.petitions else None


_HANDLING_EVENTS = (EventType.TRANSFERRED, EventType.SENT_BACK, EventType.EXTENSION_APPROVED,
                    EventType.PAUSED)


def handling(data: Rows) -> dict[Any, Handling]:
    """For petitions received in the period, by the "as of" day: transfers
    per petition, petitions sent back, extensions and pauses used."""
    counts = data.event_counts(_HANDLING_EVENTS)
    result = {}
    for key, rows in data.by_received.items():
        total = Handling(petitions=len(rows))
        for row in rows:
            mine = counts.get(row.petition_id)
            if not mine:  # most petitions: handled by one holder, never paused
                continue
            total.transfers += mine.get(EventType.TRANSFERRED, 0)
            total.sent_back += bool(mine.get(EventType.SENT_BACK))
            total.extensions += mine.get(EventType.EXTENSION_APPROVED, 0)
            total.extended += bool(mine.get(EventType.EXTENSION_APPROVED))
            total.pauses += mine.get(EventType.PAUSED, 0)
            total.paused += bool(mine.get(EventType.PAUSED))
        result[key] = total
    return result
