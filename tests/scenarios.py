"""Steps most deadline and handling tests start from, on a pinned clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

from portal.extensions import db
from portal.handling.services import assign_petition
from portal.petitions.services import accept_petition


def at(day: date, hour: int = 9) -> datetime:
    """``hour`` o'clock in Hà Nội on ``day``, as UTC."""
    return datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=UTC)


def submit(world, clock, day: date, **overrides):
    clock.set(at(day))
    return world.petition(**overrides)


def accept(world, clock, petition, day: date):
    clock.set(at(day))
    accept_petition(petition, actor=world.official)
    db.session.commit()
    return petition


def assign(world, petition, who=None, by=None):
    assign_petition(petition, office=world.office_a, assignee=who or world.official,
                    actor=by or world.leader, note="Kiểm tra thực địa")
    db.session.commit()
