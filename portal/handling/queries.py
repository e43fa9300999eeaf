"""Reads for work queues: what waits for whom."""

from __future__ import annotations

import sqlalchemy as sa

from portal.accounts.models import Role, User
from portal.answers.models import Response, ResponseStatus
from portal.handling.models import ExtensionRequest, ExtensionStatus
from portal.permissions import scope_of
from portal.petitions.models import Petition, PetitionStatus

HELD_STATUSES = (PetitionStatus.IN_PROGRESS, PetitionStatus.PAUSED)


def held_by(user: User) -> sa.Select:
    """The petitions a person is responsible for now, nearest deadline first."""
    return (sa.select(Petition)
            .where(Petition.assignee_id == user.id, Petition.status.in_(HELD_STATUSES))
            .order_by(Petition.due_on.is_(None), Petition.due_on, Petition.id))


def _led(user: User):
    return scope_of(user, {Role.LEADER}).units_clause(Petition.unit_id)


def awaiting_assignment(user: User) -> sa.Select:
    return (sa.select(Petition)
            .where(_led(user), Petition.status == PetitionStatus.ACCEPTED)
            .order_by(Petition.due_on, Petition.id))


def awaiting_approval(user: User) -> sa.Select:
    return (sa.select(Petition)
            .join(Response, Response.petition_id == Petition.id)
            .where(_led(user), Petition.status.in_(HELD_STATUSES),
                   Response.status == ResponseStatus.PENDING_APPROVAL)
            .order_by(Petition.due_on, Petition.id))


def awaiting_extension_decision(user: User) -> sa.Select:
    return (sa.select(Petition)
            .join(ExtensionRequest, ExtensionRequest.petition_id == Petition.id)
            .where(_led(user), Petition.status.in_(HELD_STATUSES),
                   ExtensionRequest.status == ExtensionStatus.PENDING)
            .order_by(Petition.due_on, Petition.id))
