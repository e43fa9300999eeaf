"""Reads for dialogue sessions: public and staff lists, a month's calendar,
what came to a session, and the briefing pack."""

from __future__ import annotations

from calendar import Calendar
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from portal import clock
from portal.accounts.models import User
from portal.dialogues.models import (
    AWAITING_RESULTS,
    PUBLIC_SESSION_STATUSES,
    DialogueSession,
    ItemOutcome,
    ItemStage,
    SessionItem,
    SessionStatus,
)
from portal.dialogues.planning import open_commitments
from portal.extensions import db
from portal.permissions import staff_scope
from portal.petitions.models import OPEN_STATUSES, Category, Petition
from portal.units.models import Unit


def _in_units(query: sa.Select, province: Unit | None, commune: Unit | None) -> sa.Select:
    if commune is not None:
        return query.where(DialogueSession.unit_id == commune.id)
    if province is not None:
        return query.where(DialogueSession.unit_id.in_(
            sa.select(Unit.id).where(Unit.parent_id == province.id)))
    return query


def public_sessions(*, province: Unit | None = None, commune: Unit | None = None,
                    upcoming: bool | None = None) -> sa.Select:
    query = sa.select(DialogueSession).where(DialogueSession.status.in_(PUBLIC_SESSION_STATUSES),
                                             DialogueSession.announced_at.is_not(None))
    query = _in_units(query, province, commune)
    now = clock.now()
    if upcoming is True:
        return query.where(DialogueSession.starts_at >= now).order_by(DialogueSession.starts_at)
    if upcoming is False:
        query = query.where(DialogueSession.starts_at < now)
    return query.order_by(DialogueSession.starts_at.desc(), DialogueSession.id.desc())


@dataclass
class StaffSessionFilters:
    status: SessionStatus | None = None
    commune: Unit | None = None
    chair: User | None = None
    flagged: bool = False


def staff_sessions(user: User, filters: StaffSessionFilters) -> sa.Select:
    query = sa.select(DialogueSession).where(
        staff_scope(user).units_clause(DialogueSession.unit_id))
    if filters.status is not None:
        query = query.where(DialogueSession.status == filters.status)
    if filters.commune is not None:
        query = query.where(DialogueSession.unit_id == filters.commune.id)
    if filters.chair is not None:
        query = query.where(DialogueSession.chair_id == filters.chair.id)
    if filters.flagged:
        query = query.where(flagged_clause(clock.today_in_vietnam()))
    return query.order_by(DialogueSession.starts_at.desc(), DialogueSession.id.desc())


def flagged_clause(today: date):
    """SQL twin of ``DialogueSession.flags``: a clock missed or past."""
    return sa.or_(
        DialogueSession.is_notice_late,
        DialogueSession.is_results_late,
        sa.and_(DialogueSession.status == SessionStatus.DRAFT,
                DialogueSession.notice_due_on < today),
        sa.and_(DialogueSession.status.in_(AWAITING_RESULTS),
                DialogueSession.results_due_on < today),
    )


@dataclass
class MonthGrid:
    month: date  # the first of the month
    weeks: list[list[date | None]]
    sessions: dict[date, list[DialogueSession]]

    @property
    def previous(self) -> date:
        return (self.month - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.month + timedelta(days=32)).replace(day=1)


def month_grid(month: date, query: sa.Select) -> MonthGrid:
    """The weeks of ``month`` (Monday first) with the sessions of ``query``
    that start in it, by local day."""
    first = month.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    rows = db.session.scalars(query.order_by(None).where(
        DialogueSession.starts_at >= clock.local_midnight(first),
        DialogueSession.starts_at < clock.local_midnight(after),
    ).order_by(DialogueSession.starts_at)).all()
    by_day: dict[date, list[DialogueSession]] = {}
    for session in rows:
        by_day.setdefault(clock.local_date(session.starts_at), []).append(session)
    weeks = [[day if day.month == first.month else None for day in week]
             for week in Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)]
    return MonthGrid(first, weeks, by_day)


def parse_month(raw: str | None, today: date) -> date:
    """The first of the month named ``YYYY-MM``; this month if it names none."""
    try:
        year, month = (int(part) for part in (raw or "").split("-"))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def items_of(session: DialogueSession, stage: ItemStage) -> list[SessionItem]:
    return [item for item in session.items if item.stage == stage]


def commitments_of(session: DialogueSession) -> list[SessionItem]:
    return [item for item in session.items if item.outcome == ItemOutcome.COMMITTED]


def sessions_chaired_by(user: User) -> sa.Select:
    return (sa.select(DialogueSession).where(DialogueSession.chair_id == user.id)
            .order_by(DialogueSession.starts_at.desc()))


# The briefing pack -----------------------------------------------------------

BRIEFING_OPEN_LIMIT = 200
TOPICS_SHOWN = 5


@dataclass
class Topic:
    category: Category
    count: int


@dataclass
class Briefing:
    questions: list[SessionItem]
    open_petitions: list[Petition]
    open_total: int
    overdue_total: int
    commitments: list[SessionItem]
    topics: list[Topic]
    topics_since: date


def briefing(session: DialogueSession) -> Briefing:
    """What the chair should have read before the session."""
    unit = session.unit
    today = clock.today_in_vietnam()
    open_query = sa.select(Petition).where(Petition.unit_id == unit.id,
                                           Petition.status.in_(OPEN_STATUSES))
    open_total = db.session.scalar(
        sa.select(sa.func.count()).select_from(open_query.subquery())) or 0
    overdue_total = db.session.scalar(sa.select(sa.func.count(Petition.id)).where(
        Petition.unit_id == unit.id, Petition.status.in_(OPEN_STATUSES),
        Petition.deadline_on < today)) or 0
    # Overdue first, then by how soon each falls due.
    open_petitions = list(db.session.scalars(
        open_query.order_by(Petition.deadline_on.is_(None), Petition.deadline_on, Petition.id)
        .limit(BRIEFING_OPEN_LIMIT)))
    since = today - timedelta(days=365)
    counts = db.session.execute(
        sa.select(Petition.category_id, sa.func.count(Petition.id).label("n"))
        .where(Petition.unit_id == unit.id,
               Petition.submitted_at >= clock.local_midnight(since))
        .group_by(Petition.category_id)
        .order_by(sa.desc("n"), Petition.category_id)
        .limit(TOPICS_SHOWN)
    ).all()
    categories = {c.id: c for c in db.session.scalars(
        sa.select(Category).where(Category.id.in_([row[0] for row in counts])))}
    return Briefing(
        questions=items_of(session, ItemStage.QUESTION),
        open_petitions=open_petitions,
        open_total=open_total,
        overdue_total=overdue_total,
        commitments=open_commitments(unit, before=session),
        topics=[Topic(categories[cid], n) for cid, n in counts],
        topics_since=since,
    )
