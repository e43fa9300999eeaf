"""The rows a figure is computed from: a ``Frame`` (whose petitions, which
period, as of which day, grouped how) and its ``Rows``, read once from
``petition_facts`` in one index range and shared by every metric of a page
(``metrics.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any

import sqlalchemy as sa

from portal import clock
from portal.extensions import db
from portal.inspection.models import ClockSpan, PetitionFacts
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
        return self.grouped(self.received_rows, received_month)

    @cached_property
    def answered_rows(self) -> list:
        start, last = self.frame.start, self.frame.last_day
        return [r for r in self.rows if r.answered_on is not None and start <= r.answered_on <= last]

    @cached_property
    def by_answered(self) -> dict[Any, list]:
        return self.grouped(self.answered_rows, answered_month)

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


def received_month(row) -> date:
    return row.received_on


def answered_month(row) -> date | None:
    return row.answered_on
