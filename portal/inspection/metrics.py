"""Response-time metrics, one function per metric (definitions in
docs/metrics.md).

Every function takes ``Rows`` (``frames.py``: the rows of one frame, a
scope, a period, an "as of" day and a grouping, read once) and answers ``{group key: value}``
with the key ``TOTAL`` for the whole frame. Nothing that happened after the
end of the "as of" day counts, so a figure "as of 30/06" is the one an
inspector would have seen that evening.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from portal.inspection.frames import TOTAL, Rows, received_month
from portal.inspection.models import ClockKind
from portal.inspection.statistics import Percentiles, Rate
from portal.petitions.states import EventType


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
                                           received_month).items()}


def _percentiles(groups: dict[Any, list], column: str) -> dict[Any, Percentiles]:
    result = {}
    value_of = attrgetter(column)
    for key, rows in groups.items():
        result[key] = Percentiles.of([v for v in map(value_of, rows) if v is not None])
    return result


def days_to_answer(data: Rows, *, working: bool = True) -> dict[Any, Percentiles]:
    """Median and 90th percentile of the days from acknowledgement to the
    first answer, pauses excluded, in working or calendar days."""
    column = "answer_work_days" if working else "answer_calendar_days"
    return _percentiles(data.by_answered, column)


def days_to_acknowledge(data: Rows, *, working: bool = True) -> dict[Any, Percentiles]:
    """Median and 90th percentile of the days from receipt to acknowledgement."""
    column = "ack_work_days" if working else "ack_calendar_days"
    return _percentiles(data.grouped(data.acknowledged_rows, received_month), column)


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
            for key, rows in data.grouped(rated, received_month).items()}


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
    for key, spans in data.grouped(data.spans, received_month).items():
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
