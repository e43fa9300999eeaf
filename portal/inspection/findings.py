"""Findings: an inspector records one about a petition, an official or a
unit; the unit's leader must reply; the inspector closes it."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import HANDLING_ROLES, Role, User
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.inspection.models import Finding, FindingSubject, Severity
from portal.notifications.services import (
    inspectors_of_unit,
    leaders_of_unit,
    notify_user,
    path_for,
)
from portal.permissions import (
    Scope,
    can_close_finding,
    can_record_finding,
    can_reply_finding,
    scope_of,
)
from portal.petitions.models import Petition
from portal.units.models import Unit

TEXT_MIN = 20


def _text(value: str | None, field: str) -> str:
    text = vietnamese.clean(value, multiline=True) or ""
    if len(text) < TEXT_MIN:
        raise RuleViolation(_("Vui lòng ghi rõ nội dung (ít nhất %(n)d ký tự).", n=TEXT_MIN),
                            field=field)
    return text


def official_unit(official: User, reader: User) -> Unit | None:
    """The unit an official works for, as far as ``reader`` can see."""
    for grant in official.grants:
        if grant.role in HANDLING_ROLES and grant.unit is not None \
                and scope_of(reader, {Role.INSPECTOR}).covers(grant.unit):
            return grant.unit
    return None


def record_finding(*, actor: User, severity: Severity, text: str, petition: Petition | None = None,
                   official: User | None = None, unit: Unit | None = None) -> Finding:
    if petition is not None:
        subject, unit = FindingSubject.PETITION, petition.unit
    elif official is not None:
        subject, unit = FindingSubject.OFFICIAL, official_unit(official, actor)
    else:
        subject = FindingSubject.UNIT
    if unit is None or not can_record_finding(actor, unit):
        raise PermissionDenied()
    finding = Finding(subject=subject, unit=unit, petition=petition, official=official,
                      severity=Severity(severity), text=_text(text, "text"),
                      created_by_id=actor.id, created_at=clock.now())
    db.session.add(finding)
    db.session.flush()
    for leader in leaders_of_unit(unit):
        notify_user(leader, None, kind="finding",
                    subject=_("Kết luận thanh tra cần lãnh đạo trả lời: %(unit)s",
                              unit=unit.full_name),
                    body=finding.text, link=path_for("inspection.finding", finding_id=finding.id))
    return finding


def reply_to(finding: Finding, *, actor: User, reply: str) -> Finding:
    if not can_reply_finding(actor, finding):
        raise PermissionDenied()
    finding.reply = _text(reply, "reply")
    finding.replied_by_id = actor.id
    finding.replied_at = clock.now()
    for inspector in inspectors_of_unit(finding.unit) + [finding.created_by]:
        notify_user(inspector, None, kind="finding_replied",
                    subject=_("Lãnh đạo %(unit)s đã trả lời kết luận thanh tra",
                              unit=finding.unit.full_name),
                    body=finding.reply, link=path_for("inspection.finding", finding_id=finding.id),
                    dedupe_key=f"finding-replied-{finding.id}-{inspector.id}")
    db.session.flush()
    return finding


def close(finding: Finding, *, actor: User) -> Finding:
    if not can_close_finding(actor, finding):
        raise PermissionDenied()
    if finding.replied_at is None:
        raise RuleViolation(_("Chỉ đóng kết luận sau khi lãnh đạo đơn vị đã trả lời."))
    finding.closed_at = clock.now()
    db.session.flush()
    return finding


def visible(scope: Scope, *, open_only: bool) -> sa.Select:
    """Findings about units in ``scope``, newest first; "open" means still
    waiting for the leader's reply."""
    query = sa.select(Finding).where(scope.units_clause(Finding.unit_id))
    if open_only:
        query = query.where(Finding.replied_at.is_(None), Finding.closed_at.is_(None))
    return query.order_by(Finding.created_at.desc(), Finding.id.desc())
