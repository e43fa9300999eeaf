"""Residents' requests for a dialogue session, and the voters' roll they
are counted against."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.dialogues import rules
from portal.dialogues.models import (
    SessionRequest,
)
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.notifications.services import (
    inspectors_of_unit,
    leaders_of_unit,
    notify_user,
    path_for,
)
from portal.permissions import can_set_voters
from portal.units.models import COMMUNE_KINDS, Unit


def standing_requests(unit: Unit) -> list[SessionRequest]:
    """What residents asked to discuss, newest first (for staff; who asked
    is not shown)."""
    return list(db.session.scalars(sa.select(SessionRequest).where(
        SessionRequest.unit_id == unit.id, SessionRequest.answered_by_id.is_(None))
        .order_by(SessionRequest.requested_at.desc())))


def pending_requests(unit: Unit) -> int:
    return db.session.scalar(sa.select(sa.func.count(SessionRequest.id)).where(
        SessionRequest.unit_id == unit.id, SessionRequest.answered_by_id.is_(None))) or 0


def request_session(unit: Unit | None, *, actor: User, reason: str | None) -> SessionRequest:
    """A signed-in resident asks for a session. When the requests reach the
    legal share of the commune's voters, its leaders and inspectors are told."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied()
    if unit is None or unit.kind not in COMMUNE_KINDS:
        raise RuleViolation(_("Vui lòng chọn xã, phường hoặc đặc khu."), field="commune")
    already = db.session.scalar(sa.select(SessionRequest.id).where(
        SessionRequest.unit_id == unit.id, SessionRequest.user_id == actor.id,
        SessionRequest.answered_by_id.is_(None)))
    if already:
        raise RuleViolation(_("Bạn đã đề nghị tổ chức đối thoại ở xã, phường này; đề nghị được "
                              "tính đến khi hội nghị tiếp theo diễn ra."), field="commune")
    request = SessionRequest(unit_id=unit.id, user_id=actor.id, requested_at=clock.now(),
                             reason=vietnamese.clean(reason, multiline=True) or "")
    db.session.add(request)
    db.session.flush()
    threshold = rules.request_threshold(unit, clock.today_in_vietnam())
    if threshold is not None and pending_requests(unit) >= threshold:
        link = path_for("dialogue_oversight.commune", unit_id=unit.id)
        subject = _("%(unit)s: đủ %(n)d đề nghị tổ chức đối thoại", unit=unit.full_name,
                    n=threshold)
        body = _("Số đề nghị của người dân đã đạt ngưỡng luật định; xã, phường cần tổ chức hội "
                 "nghị đối thoại.")
        # Once per round of requests: the oldest standing one names the round.
        first = db.session.scalar(sa.select(sa.func.min(SessionRequest.id)).where(
            SessionRequest.unit_id == unit.id, SessionRequest.answered_by_id.is_(None)))
        for person in {*leaders_of_unit(unit), *inspectors_of_unit(unit)}:
            notify_user(person, None, kind="session_requested", subject=subject, body=body,
                        link=link, dedupe_key=f"session_requested:{unit.id}:{first}:{person.id}")
    return request


def set_voter_count(unit: Unit, count: int | None, *, actor: User) -> Unit:
    if not can_set_voters(actor, unit):
        raise PermissionDenied()
    if count is None or count < 1 or count > 10_000_000:
        raise RuleViolation(_("Vui lòng nhập số cử tri (một số nguyên dương)."), field="voters")
    unit.voter_count = count
    db.session.flush()
    return unit
