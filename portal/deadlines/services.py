"""Deadlines of petitions, computed from facts kept elsewhere.

Every due date is recomputed from the same facts, so a figure can always be
reproduced: the rule in force on the day of receipt, the day of receipt, the
day the answer clock started (acknowledgement, or the last reopening), the
complex/remote variant, approved extensions, pauses, and the calendar. The
result, with the calendar as applied, is kept in ``Petition.deadline_basis``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.calendar import DayKind, DayUnit, DueDate, Override, WorkCalendar
from portal.deadlines.models import CalendarDay, DeadlineRule
from portal.errors import RuleViolation
from portal.extensions import db
from portal.handling.models import ExtensionRequest, ExtensionStatus, Pause
from portal.petitions.models import (
    ACK_CLOCK_STATUSES,
    ANSWER_CLOCK_STATUSES,
    EventType,
    Petition,
    PetitionStatus,
)

RISK_SHARE = 0.25  # "at risk" when less than a quarter of the time is left


def load_calendar(language: str = "vi") -> WorkCalendar:
    """The calendar as this transaction sees it. The entries are read every
    time, as plain rows; the calendar built from them (with its running
    counts of working days) is kept while they stay the same."""
    entries = tuple(db.session.execute(
        sa.select(CalendarDay.day, CalendarDay.kind, CalendarDay.reason)
        .order_by(CalendarDay.day)).all())
    return _calendar_of(entries, language)


@lru_cache(maxsize=8)
def _calendar_of(entries: tuple[tuple[date, DayKind, str], ...], language: str) -> WorkCalendar:
    return WorkCalendar([Override(*entry) for entry in entries], language=language)


def rule_for(petition: Petition) -> DeadlineRule | None:
    """The rule in force on the day the petition arrived: one for its
    category if there is one, else the one for its kind."""
    arrived = clock.local_date(petition.submitted_at)
    return db.session.scalar(
        sa.select(DeadlineRule)
        .where(
            DeadlineRule.kind == petition.kind,
            DeadlineRule.valid_from <= arrived,
            sa.or_(DeadlineRule.valid_to.is_(None), DeadlineRule.valid_to > arrived),
            sa.or_(DeadlineRule.category_id == petition.category_id,
                   DeadlineRule.category_id.is_(None)),
        )
        .order_by(DeadlineRule.category_id.is_(None), DeadlineRule.valid_from.desc())
        .limit(1)
    )


def risk_date(calendar: WorkCalendar, start: date, due: date, unit: DayUnit) -> date:
    """The first day on which fewer than a quarter of the counted days remain."""
    total = calendar.count_days(start, due, unit)
    day = start
    while day < due and calendar.count_days(day, due, unit) >= total * RISK_SHARE:
        day += timedelta(days=1)
    return day


def _variant(petition: Petition) -> str:
    if petition.is_complex and petition.unit.is_remote:
        return "complex_remote"
    if petition.unit.is_remote:
        return "remote"
    return "complex" if petition.is_complex else "standard"


def answer_clock_start(petition: Petition) -> date | None:
    """Acknowledgement, or the last time a dissatisfied resident reopened it."""
    if petition.acknowledged_at is None:
        return None
    started = petition.acknowledged_at
    for event in petition.events:
        if event.type == EventType.REOPENED and event.occurred_at > started:
            started = event.occurred_at
    return clock.local_date(started)


def approved_extensions(petition: Petition, since: date) -> list[ExtensionRequest]:
    rows = db.session.scalars(
        sa.select(ExtensionRequest)
        .where(ExtensionRequest.petition_id == petition.id,
               ExtensionRequest.status == ExtensionStatus.APPROVED)
        .order_by(ExtensionRequest.decided_at)
    ).all()
    return [r for r in rows if clock.local_date(r.decided_at) >= since]


def _closed_pauses(petition: Petition, since: date) -> list[Pause]:
    rows = db.session.scalars(
        sa.select(Pause).where(Pause.petition_id == petition.id, Pause.ended_at.is_not(None))
        .order_by(Pause.started_at)
    ).all()
    return [p for p in rows if clock.local_date(p.started_at) >= since]


def _promised(petition: Petition) -> date | None:
    """The date promised at a dialogue session holds until the answer is
    given; once a dissatisfied resident reopens it, the rule's clock runs."""
    if petition.promised_on is None:
        return None
    if any(event.type == EventType.REOPENED for event in petition.events):
        return None
    return petition.promised_on


def _recorded(petition: Petition) -> date | None:
    """The deadline written in a record imported from a spreadsheet (see
    docs/import.md): it stays the deadline until a reopening starts the
    rule's clock again, whatever is recomputed meanwhile."""
    answer = (petition.deadline_basis or {}).get("answer") or {}
    if answer.get("variant") != "recorded":
        return None
    if any(event.type == EventType.REOPENED for event in petition.events):
        return None
    return date.fromisoformat(answer["base"]["due"])


def _nominal(due: DueDate) -> date:
    return due.moved_from or due.due


@dataclass
class Change:
    which: str  # "ack" or "answer"
    old: date | None
    new: date | None


def refresh_deadlines(petition: Petition, calendar: WorkCalendar | None = None) -> list[Change]:
    """Recompute both deadlines from the facts; returns what moved."""
    calendar = calendar or load_calendar()
    if petition.rule_id is None:
        rule = rule_for(petition)
        petition.rule = rule
    else:
        rule = petition.rule
    if rule is None:
        return []
    before = (petition.ack_due_on, petition.due_on)
    basis: dict = {"rule_id": rule.id, "legal_basis": rule.legal_basis}

    received = clock.local_date(petition.submitted_at)
    ack = calendar.due_date(received, rule.ack_days, rule.ack_unit)
    petition.ack_due_on = ack.due
    petition.ack_risk_on = risk_date(calendar, received, ack.due, rule.ack_unit)
    basis["ack"] = ack.as_dict()

    start = answer_clock_start(petition)
    if start is not None:
        unit = rule.resolve_unit
        promised = _promised(petition)
        recorded = _recorded(petition) if promised is None else None
        if promised is not None or recorded is not None:
            fixed = promised or recorded
            due = DueDate(start=start, days=(fixed - start).days, unit=DayUnit.CALENDAR,
                          due=fixed)
        else:
            days = rule.resolve_days_for(is_complex=petition.is_complex,
                                         is_remote=petition.unit.is_remote)
            due = calendar.due_date(start, days, unit)
        steps = [due.as_dict()]
        extensions = []
        # Each extension and the paused days count on from the nominal date,
        # not from one already moved off a weekend, so moves never compound.
        for extension in approved_extensions(petition, start):
            due = calendar.due_date(_nominal(due), extension.days, unit)
            extensions.append(due.as_dict())
        paused = sum(
            calendar.count_days(clock.local_date(p.started_at), clock.local_date(p.ended_at), unit)
            for p in _closed_pauses(petition, start)
        )
        if paused:
            due = calendar.due_date(_nominal(due), paused, unit)
        petition.due_on = due.due
        petition.risk_on = risk_date(calendar, start, due.due, unit)
        basis["answer"] = {
            "variant": ("promised" if promised is not None
                        else "recorded" if recorded is not None else _variant(petition)),
            "base": steps[0],
            "extensions": extensions,
            "paused_days": paused,
            "paused": due.as_dict() if paused else None,
        }
    petition.deadline_basis = basis
    after = (petition.ack_due_on, petition.due_on)
    return [Change(which, old, new) for which, old, new in zip(("ack", "answer"), before, after,
                                                               strict=True) if old != new]


def record_changes(petition: Petition, changes: list[Change], *, actor: User | None,
                    reason: str) -> None:
    for change in changes:
        if change.old is None:
            continue  # a first computation is not a change
        petition.record(
            EventType.DUE_DATE_CHANGED,
            actor=actor,
            note=reason,
            data={"which": change.which, "from": change.old.isoformat(),
                  "to": change.new.isoformat() if change.new else None},
        )


def _open_petitions_around(day: date) -> sa.Select:
    """Open petitions whose current window could include ``day``: the clock
    started on or before it and the deadline is on or after it."""
    start_bound = clock.local_midnight(day + timedelta(days=1))
    return sa.select(Petition).where(
        sa.or_(
            sa.and_(Petition.status.in_(ACK_CLOCK_STATUSES), Petition.ack_due_on >= day),
            sa.and_(Petition.status.in_(ANSWER_CLOCK_STATUSES | {PetitionStatus.PAUSED}),
                    Petition.due_on >= day),
        ),
        Petition.submitted_at < start_bound,
    )


def recompute_for_calendar_change(day: date, *, actor: User | None, reason: str) -> int:
    """After a day off or make-up day is added or removed: move the deadlines
    it affects, each move written to the petition's history."""
    calendar = load_calendar()
    moved = 0
    for petition in db.session.scalars(_open_petitions_around(day)):
        changes = refresh_deadlines(petition, calendar)
        record_changes(petition, changes, actor=actor, reason=reason)
        moved += bool(changes)
    db.session.flush()
    return moved


def add_calendar_day(day: date, kind: DayKind, reason: str, *, actor: User | None,
                     source: str | None = None) -> tuple[CalendarDay, int]:
    """An admin adds a day off or a make-up working day; returns the entry and
    how many open petitions' deadlines moved."""
    reason = vietnamese.clean(reason) or ""
    if len(reason) < 3:
        raise RuleViolation(_("Vui lòng ghi lý do (ví dụ: số công văn)."), field="reason")
    if db.session.scalar(sa.select(CalendarDay.id).where(CalendarDay.day == day)):
        raise RuleViolation(_("Ngày này đã có trong lịch; hãy xoá mục cũ trước."), field="day")
    entry = CalendarDay(day=day, kind=kind, reason=reason, source=source,
                        created_by_id=actor.id if actor else None)
    return entry, apply_calendar_entry(entry, actor=actor)


def apply_calendar_entry(entry: CalendarDay, *, actor: User | None) -> int:
    db.session.add(entry)
    db.session.flush()
    what = _("ngày nghỉ") if entry.kind == DayKind.DAY_OFF else _("ngày làm việc bù")
    reason = _("Lịch làm việc thay đổi: %(day)s là %(what)s (%(reason)s).",
               day=entry.day.strftime("%d/%m/%Y"), what=what, reason=entry.reason)
    return recompute_for_calendar_change(entry.day, actor=actor, reason=reason)


def remove_calendar_entry(entry: CalendarDay, *, actor: User | None) -> int:
    day = entry.day
    db.session.delete(entry)
    db.session.flush()
    reason = _("Lịch làm việc thay đổi: bỏ mục lịch ngày %(day)s (%(reason)s).",
               day=day.strftime("%d/%m/%Y"), reason=entry.reason)
    return recompute_for_calendar_change(day, actor=actor, reason=reason)


def add_rule_version(*, kind, category, values: dict, valid_from: date, legal_basis: str,
                     actor: User | None) -> DeadlineRule:
    """A new version of the rule for a kind (and category), from a date; the
    version in force until then ends that day. Petitions keep the version
    that was in force when they arrived."""
    if valid_from <= clock.today_in_vietnam():
        # Petitions already received keep the rule they arrived under; a rule
        # starting in the past would pull the old one's end from under them.
        raise RuleViolation(_("Quy định mới phải có hiệu lực từ ngày mai trở đi."),
                            field="valid_from")
    same_scope = (DeadlineRule.category_id == category.id if category is not None
                  else DeadlineRule.category_id.is_(None))
    current = db.session.scalars(sa.select(DeadlineRule).where(
        DeadlineRule.kind == kind, same_scope, DeadlineRule.valid_to.is_(None))).all()
    for rule in current:
        if valid_from <= rule.valid_from:
            raise RuleViolation(_("Ngày hiệu lực phải sau ngày %(day)s của quy định đang áp dụng.",
                                  day=rule.valid_from.strftime("%d/%m/%Y")), field="valid_from")
        rule.valid_to = valid_from
    legal_basis = vietnamese.clean(legal_basis, multiline=True) or ""
    if len(legal_basis) < 5:
        raise RuleViolation(_("Vui lòng ghi căn cứ pháp lý."), field="legal_basis")
    rule = DeadlineRule(kind=kind, category=category, valid_from=valid_from,
                        legal_basis=legal_basis, **values)
    db.session.add(rule)
    db.session.flush()
    return rule
