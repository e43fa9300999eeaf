"""Reads for petitions: what each person may list, with filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from portal import clock
from portal.accounts.models import User
from portal.extensions import db
from portal.permissions import staff_scope
from portal.petitions.models import (
    Category,
    DeadlineState,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionStatus,
)


@dataclass
class StaffFilters:
    status: PetitionStatus | None = None
    kind: PetitionKind | None = None
    category_id: int | None = None
    unit_id: int | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None
    deadline: DeadlineState | None = None
    by_deadline: bool = False


def staff_petitions(user: User, filters: StaffFilters | None = None) -> sa.Select:
    """Petitions of the units in the user's staff scope, newest first."""
    filters = filters or StaffFilters()
    query = sa.select(Petition).where(staff_scope(user).units_clause(Petition.unit_id))
    if filters.status:
        query = query.where(Petition.status == filters.status)
    if filters.kind:
        query = query.where(Petition.kind == filters.kind)
    if filters.category_id:
        query = query.where(Petition.category_id == filters.category_id)
    if filters.unit_id:
        query = query.where(Petition.unit_id == filters.unit_id)
    if filters.submitted_from:
        query = query.where(Petition.submitted_at >= clock.local_midnight(filters.submitted_from))
    if filters.submitted_to:
        end = clock.local_midnight(filters.submitted_to + timedelta(days=1))
        query = query.where(Petition.submitted_at < end)
    if filters.deadline:
        query = query.where(_deadline_clause(filters.deadline, clock.today_in_vietnam()))
    if filters.by_deadline:
        return query.order_by(Petition.deadline_on.is_(None), Petition.deadline_on, Petition.id)
    return query.order_by(Petition.submitted_at.desc(), Petition.id.desc())


def _deadline_clause(state: DeadlineState, today: date):
    """The SQL twin of ``Petition.deadline_state``."""
    if state == DeadlineState.PAUSED:
        return Petition.status == PetitionStatus.PAUSED
    if state == DeadlineState.OVERDUE:
        return Petition.deadline_on < today
    if state == DeadlineState.AT_RISK:
        return sa.and_(Petition.deadline_on >= today, Petition.warning_on <= today)
    return sa.and_(Petition.deadline_on >= today,
                   sa.or_(Petition.warning_on.is_(None), Petition.warning_on > today))


_NEVER_PUBLISHED = (PetitionStatus.RECEIVED, PetitionStatus.REJECTED)


def public_petitions() -> sa.Select:
    """What residents agreed to publish, acknowledged by the commune (never
    what is still unread, rejected, or a denunciation)."""
    return (sa.select(Petition)
            .where(Petition.is_public.is_(True),
                   Petition.kind != PetitionKind.DENUNCIATION,
                   Petition.status.not_in(_NEVER_PUBLISHED))
            .order_by(Petition.submitted_at.desc(), Petition.id.desc()))


def is_published(petition: Petition) -> bool:
    """The Python twin of ``public_petitions``: may anyone read it?"""
    return (petition.is_public and petition.kind != PetitionKind.DENUNCIATION
            and petition.status not in _NEVER_PUBLISHED)


def petitions_of(user: User) -> sa.Select:
    return (
        sa.select(Petition)
        .where(Petition.submitter_id == user.id)
        .order_by(Petition.submitted_at.desc(), Petition.id.desc())
    )


def by_tracking_code(code: str) -> Petition | None:
    return db.session.scalar(sa.select(Petition).where(Petition.tracking_code == code))


def public_history(petition: Petition) -> list[PetitionEvent]:
    return [event for event in petition.events if event.is_public]


def category_by_code(code: str, *, active: bool = False) -> Category | None:
    """A category as programs name it (its code); ``active``: only one that
    still takes new petitions."""
    query = sa.select(Category).where(Category.code == code)
    if active:
        query = query.where(Category.is_active.is_(True))
    return db.session.scalar(query)


def active_categories() -> list[Category]:
    return list(
        db.session.scalars(
            sa.select(Category).where(Category.is_active.is_(True)).order_by(Category.sort_order)
        )
    )
