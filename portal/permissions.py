"""Every "who may see or do what" of the portal, in one place.

Predicates (``can_*``) answer yes/no and are also available in templates, so a
button is shown only to those the route will let through. Loaders
(``access_*``) fetch a record for a user and give the same 404 whether the
record is missing or merely invisible to them, so existence never leaks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from flask import abort
from flask_login import current_user, login_required

from portal.accounts.models import HANDLING_ROLES, STAFF_ROLES, Role, User
from portal.dialogues.models import DialogueSession
from portal.extensions import db
from portal.petitions.models import Petition
from portal.units.models import Unit


@dataclass(frozen=True)
class Scope:
    """The units a user acts on for some roles: listed units, their communes
    when a unit is a province, or the whole country."""

    national: bool = False
    unit_ids: frozenset[int] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not self.national and not self.unit_ids

    def covers(self, unit: Unit) -> bool:
        if self.national:
            return True
        return unit.id in self.unit_ids or unit.parent_id in self.unit_ids

    def units_clause(self, unit_id_column) -> sa.ColumnElement[bool]:
        """SQL condition: ``unit_id_column`` is a unit inside this scope."""
        if self.national:
            return sa.true()
        if not self.unit_ids:
            return sa.false()
        inside = sa.select(Unit.id).where(
            sa.or_(Unit.id.in_(self.unit_ids), Unit.parent_id.in_(self.unit_ids))
        )
        return unit_id_column.in_(inside)


def _grants(user) -> Iterable:
    if user is None or not getattr(user, "is_authenticated", False):
        return ()
    return user.grants


def scope_of(user, roles: Iterable[Role]) -> Scope:
    roles = frozenset(roles)
    grants = [g for g in _grants(user) if g.role in roles]
    if any(g.unit_id is None for g in grants):
        return Scope(national=True)
    return Scope(unit_ids=frozenset(g.unit_id for g in grants))


def staff_scope(user) -> Scope:
    return scope_of(user, STAFF_ROLES)


def is_staff(user) -> bool:
    return any(g.role in STAFF_ROLES for g in _grants(user))


def is_submitter(user, petition: Petition) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and petition.submitter_id is not None
        and petition.submitter_id == user.id
    )


def is_holder(user, petition: Petition) -> bool:
    """The one named official currently responsible for the petition."""
    return (
        getattr(user, "is_authenticated", False)
        and petition.assignee_id is not None
        and petition.assignee_id == user.id
        and petition.office_id is not None
    )


def can_view_petition(user, petition: Petition) -> bool:
    # A holder may sit in another unit's office (a transfer to a department).
    return (
        is_submitter(user, petition)
        or staff_scope(user).covers(petition.unit)
        or is_holder(user, petition)
    )


def can_handle_petition(user, petition: Petition) -> bool:
    """Acknowledge or reject: officials and leaders of the petition's unit."""
    return scope_of(user, HANDLING_ROLES).covers(petition.unit)


def can_acknowledge(user, petition: Petition) -> bool:
    """Show the accept and reject buttons: a handler, and it still waits."""
    return petition.awaits_acknowledgement and can_handle_petition(user, petition)


def can_lead(user, petition: Petition) -> bool:
    """Leaders of the petition's unit: approve answers, decide extensions,
    mark a case complex, assign and reassign."""
    return scope_of(user, {Role.LEADER}).covers(petition.unit)


def can_assign(user, petition: Petition) -> bool:
    if can_lead(user, petition):
        return True
    dispatchers = [g for g in _grants(user) if g.role == Role.OFFICIAL and g.may_assign]
    if any(g.unit_id is None for g in dispatchers):
        return True
    return Scope(unit_ids=frozenset(g.unit_id for g in dispatchers)).covers(petition.unit)


def can_transfer(user, petition: Petition) -> bool:
    return can_assign(user, petition) or is_holder(user, petition)


def can_work_on(user, petition: Petition) -> bool:
    """Draft the answer, pause for the resident: the holder or a leader."""
    return is_holder(user, petition) or can_lead(user, petition)


def can_rate(user, petition: Petition) -> bool:
    """The sender's verdict: if an account sent the petition, only that
    account; otherwise whoever holds the tracking code, except staff who can
    see the petition anyway (officials see every code; they must not close
    their own cases by rating them)."""
    if petition.submitter_id is not None:
        return is_submitter(user, petition)
    return not (staff_scope(user).covers(petition.unit) or is_holder(user, petition))


def is_leader(user) -> bool:
    return any(g.role == Role.LEADER for g in _grants(user))


def can_see_identity(user, petition: Petition) -> bool:
    """Name and contact of the sender: the sender; handlers only when the
    sender did not ask to stay anonymous. Inspectors audit times, not people."""
    if is_submitter(user, petition):
        return True
    return not petition.is_identity_hidden and can_handle_petition(user, petition)


def actor_name(viewer, event) -> str | None:
    """Who acted, as ``viewer`` may see it: None stands for "the sender",
    whose name stays hidden from those who may not see their identity."""
    petition = event.petition
    if event.actor is None:
        return None
    if event.actor_id == petition.submitter_id and not can_see_identity(viewer, petition):
        return None
    return event.actor.display_name


def access_petition(user: User, petition_id: int) -> Petition:
    petition = db.session.get(Petition, petition_id)
    if petition is None or not can_view_petition(user, petition):
        abort(404)
    return petition


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)


@login_required
def staff_area_guard():
    """before_request of every /staff blueprint: signed-in staff only."""
    require(is_staff(current_user))


def is_admin(user) -> bool:
    return any(g.role == Role.ADMIN for g in _grants(user))


@login_required
def admin_area_guard():
    require(is_admin(current_user))


def can_plan_sessions(user) -> bool:
    """Leaders plan their communes' dialogue sessions."""
    return is_leader(user)


def can_manage_session(user, session: DialogueSession) -> bool:
    """Only leaders of the commune (or of its province) prepare, hold and
    report its sessions."""
    return scope_of(user, {Role.LEADER}).covers(session.unit)


def can_view_session_record(user, session: DialogueSession) -> bool:
    """The staff side of a session (drafts, briefing, minutes before they are
    published): staff whose scope covers the commune."""
    return staff_scope(user).covers(session.unit)


def access_session(user, session_id: int, *, staff: bool) -> DialogueSession:
    """A session as the staff side (``staff``) or the public may see it; the
    same 404 whether it is missing, a draft or outside one's scope."""
    session = db.session.get(DialogueSession, session_id)
    if session is None:
        abort(404)
    allowed = can_view_session_record(user, session) if staff else session.is_public
    if not allowed:
        abort(404)
    return session


def access_leader(user, user_id: int) -> User:
    """A leader whose history of sessions ``user`` may read: one who leads a
    unit inside the reader's scope (or anyone's, for national staff)."""
    leader = db.session.get(User, user_id)
    scope = staff_scope(user)
    grants = [g for g in (leader.grants if leader else ()) if g.role == Role.LEADER]
    if not grants or not (scope.national
                          or any(g.unit is not None and scope.covers(g.unit) for g in grants)):
        abort(404)
    return leader


def access_commune(user, unit_id: int) -> Unit:
    """A commune inside the staff member's scope; 404 otherwise."""
    unit = db.session.get(Unit, unit_id)
    if unit is None or unit.is_province or not staff_scope(user).covers(unit):
        abort(404)
    return unit


# Who reads response-time figures: inspectors audit, leaders answer for
# their units, admins run the portal. Officials see their own work queue.
INSPECTION_ROLES = frozenset({Role.INSPECTOR, Role.LEADER, Role.ADMIN})


def inspection_scope(user) -> Scope:
    return scope_of(user, INSPECTION_ROLES)


def can_inspect(user) -> bool:
    return any(g.role in INSPECTION_ROLES for g in _grants(user))


@login_required
def inspection_area_guard():
    require(can_inspect(current_user))


def is_inspector(user) -> bool:
    return any(g.role == Role.INSPECTOR for g in _grants(user))


def can_record_finding(user, unit: Unit) -> bool:
    return scope_of(user, {Role.INSPECTOR}).covers(unit)


def can_reply_finding(user, finding) -> bool:
    """The leader of the unit the finding is addressed to."""
    return finding.is_open and scope_of(user, {Role.LEADER}).covers(finding.unit)


def can_close_finding(user, finding) -> bool:
    return finding.closed_at is None and scope_of(user, {Role.INSPECTOR}).covers(finding.unit)


def can_set_voters(user, unit: Unit) -> bool:
    return scope_of(user, {Role.LEADER}).covers(unit) or is_admin(user)


TEMPLATE_PREDICATES = {
    "can_manage_session": can_manage_session,
    "can_plan_sessions": can_plan_sessions,
    "can_set_voters": can_set_voters,
    "actor_name": actor_name,
    "can_acknowledge": can_acknowledge,
    "can_assign": can_assign,
    "can_handle_petition": can_handle_petition,
    "can_lead": can_lead,
    "can_rate": can_rate,
    "can_transfer": can_transfer,
    "can_work_on": can_work_on,
    "is_admin": is_admin,
    "is_holder": is_holder,
    "can_see_identity": can_see_identity,
    "can_inspect": can_inspect,
    "can_record_finding": can_record_finding,
    "can_reply_finding": can_reply_finding,
    "can_close_finding": can_close_finding,
    "is_staff": is_staff,
}
