"""Reading one petition's history: its response-time facts and the spans of
time during which it sat open with one clock, one deadline and one holder.

Pure functions over plain values (no database), so the same walk serves a
change in a request, the rebuild of a million petitions and the tests.

Deadlines are *read* from the history, never recounted: every event that
moves a deadline writes ``{"from", "to"}`` on itself (``which`` says the
acknowledgement deadline when it is not the answer's). The deadline in force
after event *i* is therefore the ``from`` of the next moving event, or the
petition's current deadline when none follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from portal import clock
from portal.calendar import DayUnit, WorkCalendar
from portal.inspection.models import OPEN_END, ClockKind
from portal.petitions.states import EventType, PetitionStatus


@dataclass(frozen=True)
class Step:
    """One history line, as the walk needs it."""

    type: EventType
    at: datetime
    to_status: PetitionStatus | None = None
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class Subject:
    petition_id: int
    unit_id: int
    province_id: int
    category_id: int
    kind: str
    channel: str
    submitted_at: datetime
    ack_due_on: date | None  # the deadlines as they stand now
    due_on: date | None
    promised_on: date | None = None


@dataclass
class Span:
    starts_at: datetime
    clock: ClockKind
    due_on: date | None
    clock_started_on: date
    office_id: int | None
    official_id: int | None
    held_since: datetime | None
    moves: int
    ends_at: datetime = OPEN_END

    def same_situation(self, other: Span) -> bool:
        return (self.clock, self.due_on, self.office_id, self.official_id, self.moves) == (
            other.clock, other.due_on, other.office_id, other.official_id, other.moves)


@dataclass
class Facts:
    received_at: datetime
    received_on: date
    ack_due_on: date | None = None
    acknowledged_at: datetime | None = None
    ack_on_time: bool | None = None
    ack_work_days: int | None = None
    ack_calendar_days: int | None = None
    rejected: bool = False
    answered_at: datetime | None = None
    answered_on: date | None = None
    answer_due_on: date | None = None
    answer_on_time: bool | None = None
    answer_work_days: int | None = None
    answer_calendar_days: int | None = None
    days_late: int | None = None
    reopened_at: datetime | None = None
    reopen_count: int = 0
    rated_at: datetime | None = None
    satisfied: bool | None = None
    closed_at: datetime | None = None
    office_id: int | None = None
    official_id: int | None = None
    spans: list[Span] = field(default_factory=list)


# Events that give the petition to a holder; their data names office and official.
HOLDER_EVENTS = frozenset({EventType.ASSIGNED, EventType.TRANSFERRED, EventType.REASSIGNED,
                           EventType.SENT_BACK})
MOVES = frozenset({EventType.TRANSFERRED, EventType.REASSIGNED, EventType.SENT_BACK})
# Events that move the answer deadline and say from what to what.
ANSWER_DUE_EVENTS = frozenset({EventType.EXTENSION_APPROVED, EventType.MARKED_COMPLEX,
                               EventType.RESUMED, EventType.REOPENED})
FINAL = frozenset({PetitionStatus.CLOSED, PetitionStatus.REJECTED})


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moves_deadline(step: Step) -> str | None:
    """Which deadline ("ack" or "answer") the step moved, if it says so."""
    data = step.data or {}
    if "from" not in data or "to" not in data:
        return None
    if step.type == EventType.DUE_DATE_CHANGED:
        return "ack" if data.get("which") == "ack" else "answer"
    return "answer" if step.type in ANSWER_DUE_EVENTS else None


def deadlines_in_force(steps: list[Step], ack_now: date | None,
                       answer_now: date | None) -> list[tuple[date | None, date | None]]:
    """For each step, the (acknowledgement, answer) deadlines in force just
    after it: walking back from today's values, each moving event's ``from``
    is what held before it."""
    ack, answer = ack_now, answer_now
    result: list[tuple[date | None, date | None]] = [(None, None)] * len(steps)
    for index in range(len(steps) - 1, -1, -1):
        result[index] = (ack, answer)
        which = _moves_deadline(steps[index])
        if which == "ack":
            ack = _day(steps[index].data["from"])
        elif which == "answer":
            answer = _day(steps[index].data["from"])
    return result


def _clock_of(status: PetitionStatus | None) -> ClockKind | None:
    if status == PetitionStatus.RECEIVED:
        return ClockKind.ACK
    if status in (PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS):
        return ClockKind.ANSWER
    if status == PetitionStatus.PAUSED:
        return ClockKind.PAUSED
    return None


def read_history(subject: Subject, steps: list[Step], calendar: WorkCalendar) -> Facts:
    """The facts and spans of one petition, from its history in order."""
    received_on = clock.local_date(subject.submitted_at)
    facts = Facts(received_at=subject.submitted_at, received_on=received_on)
    in_force = deadlines_in_force(steps, subject.ack_due_on, subject.due_on)
    facts.ack_due_on = in_force[0][0] if steps else subject.ack_due_on

    status: PetitionStatus | None = None
    office = official = None
    held_since: datetime | None = None
    moves = 0
    clock_started = received_on
    paused_since: date | None = None
    paused_days = {DayUnit.WORKING: 0, DayUnit.CALENDAR: 0}
    current: Span | None = None

    for index, step in enumerate(steps):
        ack_due, answer_due = in_force[index]
        if step.type in HOLDER_EVENTS and step.data and "office_id" in step.data:
            office, official = step.data["office_id"], step.data.get("assignee_id")
            held_since = step.at
            moves += step.type in MOVES
        day = clock.local_date(step.at)
        if step.type in (EventType.ACCEPTED, EventType.REJECTED) and facts.acknowledged_at is None:
            facts.acknowledged_at = step.at
            facts.ack_due_on = ack_due
            facts.ack_on_time = ack_due is None or day <= ack_due
            facts.ack_work_days = calendar.count_days(received_on, day, DayUnit.WORKING)
            facts.ack_calendar_days = calendar.count_days(received_on, day, DayUnit.CALENDAR)
            facts.rejected = step.type == EventType.REJECTED
        if step.type in (EventType.ACCEPTED, EventType.REOPENED):
            clock_started = day
            paused_days = {DayUnit.WORKING: 0, DayUnit.CALENDAR: 0}
        if step.type == EventType.PAUSED:
            paused_since = day
        elif step.type == EventType.RESUMED and paused_since is not None:
            for unit in paused_days:
                paused_days[unit] += calendar.count_days(paused_since, day, unit)
            paused_since = None
        if step.type == EventType.ANSWER_PUBLISHED and facts.answered_at is None:
            facts.answered_at, facts.answered_on = step.at, day
            facts.answer_due_on = answer_due
            facts.answer_on_time = answer_due is None or day <= answer_due
            facts.days_late = max(0, (day - answer_due).days) if answer_due else 0
            facts.answer_work_days = max(0, calendar.count_days(
                clock_started, day, DayUnit.WORKING) - paused_days[DayUnit.WORKING])
            facts.answer_calendar_days = max(0, calendar.count_days(
                clock_started, day, DayUnit.CALENDAR) - paused_days[DayUnit.CALENDAR])
            facts.office_id, facts.official_id = office, official
        if step.type == EventType.REOPENED:
            facts.reopen_count += 1
            facts.reopened_at = facts.reopened_at or step.at
        if step.type == EventType.RATED and facts.rated_at is None:
            facts.rated_at = step.at
            facts.satisfied = bool((step.data or {}).get("satisfied"))
        if step.to_status is not None:
            status = step.to_status
            facts.closed_at = step.at if status in FINAL else None

        kind = _clock_of(status)
        span = None
        if kind is not None:
            span = Span(starts_at=step.at, clock=kind,
                        due_on=ack_due if kind == ClockKind.ACK else answer_due,
                        clock_started_on=clock_started, office_id=office, official_id=official,
                        held_since=held_since, moves=moves)
        if current is not None and (span is None or not current.same_situation(span)):
            current.ends_at = step.at
            current = None
        if span is not None and current is None:
            facts.spans.append(span)
            current = span
    if facts.answered_at is None:
        facts.office_id, facts.official_id = office, official
    # Spans that began and ended at the same moment (several steps written
    # in one action) describe no time at all.
    facts.spans = [s for s in facts.spans if s.ends_at > s.starts_at]
    return facts
