"""Planning a dialogue session: its details, chair and agenda, and the
commitments of earlier sessions that come back onto it as matters arising."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import Role, RoleGrant, User
from portal.dialogues import rules
from portal.dialogues.models import (
    EDITABLE_STATUSES,
    AgendaItem,
    DialogueSession,
    ItemOutcome,
    SessionFormat,
    SessionItem,
    SessionStatus,
)
from portal.dialogues.services import flag_late_notice, require_manager, tell_askers
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.permissions import scope_of
from portal.petitions.models import OPEN_STATUSES, Petition
from portal.units.models import COMMUNE_KINDS, Unit

TITLE_MAX = 200
AGENDA_TITLE_MAX = 300


@dataclass
class SessionDetails:
    title: str
    theme: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    format: SessionFormat
    online_link: str | None
    expected_participants: int | None
    chair: User | None
    chair_title: str
    co_chairs: str




def chair_candidates(unit: Unit) -> list[User]:
    """Leaders who may chair a session of the commune: its own, then the province's."""
    grants = db.session.scalars(sa.select(RoleGrant).where(
        RoleGrant.role == Role.LEADER,
        sa.or_(RoleGrant.unit_id == unit.id, RoleGrant.unit_id == unit.parent_id),
    ).order_by(RoleGrant.unit_id != unit.id, RoleGrant.user_id)).all()
    return list({g.user_id: g.user for g in grants}.values())


def _check_details(unit: Unit, details: SessionDetails, *, is_new: bool) -> None:
    details.title = vietnamese.clean(details.title) or ""
    details.theme = vietnamese.clean(details.theme, multiline=True) or ""
    details.venue = vietnamese.clean(details.venue) or ""
    details.chair_title = vietnamese.clean(details.chair_title) or ""
    details.co_chairs = vietnamese.clean(details.co_chairs, multiline=True) or ""
    details.online_link = (details.online_link or "").strip() or None
    if not details.title or len(details.title) > TITLE_MAX:
        raise RuleViolation(_("Vui lòng nhập tên hội nghị (tối đa %(n)d ký tự).", n=TITLE_MAX),
                            field="title")
    if is_new and details.starts_at <= clock.now():
        raise RuleViolation(_("Thời gian bắt đầu phải ở tương lai."), field="starts_on")
    if details.ends_at is not None and details.ends_at <= details.starts_at:
        raise RuleViolation(_("Giờ kết thúc phải sau giờ bắt đầu."), field="ends_time")
    if details.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and not details.venue:
        raise RuleViolation(_("Vui lòng nhập địa điểm tổ chức."), field="venue")
    if details.format in (SessionFormat.ONLINE, SessionFormat.HYBRID):
        link = details.online_link or ""
        if not link.startswith(("https://", "http://")) or " " in link:
            raise RuleViolation(_("Vui lòng nhập đường dẫn tham dự trực tuyến (bắt đầu bằng "
                                  "https://)."), field="online_link")
    else:
        details.online_link = None
    if details.expected_participants is not None and details.expected_participants < 0:
        raise RuleViolation(_("Số người dự kiến không thể âm."), field="expected_participants")
    if details.chair is None or details.chair not in chair_candidates(unit):
        raise RuleViolation(_("Người chủ trì phải là lãnh đạo của xã, phường."), field="chair")


def plan_session(unit: Unit | None, details: SessionDetails, *, actor: User) -> DialogueSession:
    """A leader opens a draft session for a commune. Commitments still open
    from earlier sessions go straight onto its agenda as matters arising."""
    if unit is None or unit.kind not in COMMUNE_KINDS:
        raise RuleViolation(_("Vui lòng chọn xã, phường hoặc đặc khu."), field="commune")
    if not scope_of(actor, {Role.LEADER}).covers(unit):
        raise PermissionDenied(_("Chỉ lãnh đạo của xã, phường được lập hội nghị đối thoại."))
    _check_details(unit, details, is_new=True)
    session = DialogueSession(unit=unit, created_by_id=actor.id, status=SessionStatus.DRAFT)
    _apply_details(session, details)
    db.session.add(session)
    db.session.flush()
    add_matters_arising(session)
    return session


def _apply_details(session: DialogueSession, details: SessionDetails) -> None:
    session.title = details.title
    session.theme = details.theme
    session.starts_at = details.starts_at
    session.ends_at = details.ends_at
    session.venue = details.venue
    session.format = details.format
    session.online_link = details.online_link
    session.expected_participants = details.expected_participants
    session.chair = details.chair
    session.chair_title = details.chair_title
    session.co_chairs = details.co_chairs
    rules.apply_clocks(session)


def update_session(session: DialogueSession, details: SessionDetails, *,
                   actor: User) -> DialogueSession:
    require_manager(session, actor)
    if session.status not in EDITABLE_STATUSES:
        raise RuleViolation(_("Hội nghị đã diễn ra, không sửa được thông tin tổ chức."))
    moved = details.starts_at != session.starts_at
    _check_details(session.unit, details, is_new=moved)
    _apply_details(session, details)
    if moved and session.status == SessionStatus.ANNOUNCED:
        # Residents learn the new date from now on: the notice clock starts again.
        session.announced_at = clock.now()
        rules.apply_clocks(session)
        if session.is_notice_late:
            flag_late_notice(session)
        tell_askers(session, kind="session_moved",
                     subject=_("Hội nghị đối thoại «%(title)s» đổi thời gian", title=session.title),
                     body=_("Hội nghị bạn gửi câu hỏi nay tổ chức lúc %(when)s.",
                            when=session.starts_at.astimezone(clock.VIETNAM)
                            .strftime("%H:%M %d/%m/%Y")))
    db.session.flush()
    return session



def _renumber(session: DialogueSession) -> None:
    for position, item in enumerate(session.agenda, start=1):
        item.position = position


def add_agenda_item(session: DialogueSession, *, title: str, starts: time | None,
                    ends: time | None, presenter: str, actor: User) -> AgendaItem:
    require_manager(session, actor)
    if session.status not in EDITABLE_STATUSES:
        raise RuleViolation(_("Hội nghị đã diễn ra, không sửa được chương trình."))
    title = vietnamese.clean(title) or ""
    if not title or len(title) > AGENDA_TITLE_MAX:
        raise RuleViolation(_("Vui lòng nhập nội dung mục (tối đa %(n)d ký tự).", n=AGENDA_TITLE_MAX),
                            field="title")
    if starts and ends and ends <= starts:
        raise RuleViolation(_("Giờ kết thúc phải sau giờ bắt đầu."), field="ends")
    item = AgendaItem(title=title, starts_at=starts, ends_at=ends,
                      presenter=vietnamese.clean(presenter) or "",
                      position=len(session.agenda) + 1)
    session.agenda.append(item)
    db.session.flush()
    return item


def move_agenda_item(item: AgendaItem, *, up: bool, actor: User) -> None:
    session = item.session
    require_manager(session, actor)
    if session.status not in EDITABLE_STATUSES:
        raise RuleViolation(_("Hội nghị đã diễn ra, không sửa được chương trình."))
    agenda = list(session.agenda)
    index = agenda.index(item)
    other = index - 1 if up else index + 1
    if 0 <= other < len(agenda):
        agenda[index], agenda[other] = agenda[other], agenda[index]
        for position, entry in enumerate(agenda, start=1):
            entry.position = position
    db.session.flush()
    db.session.expire(session, ["agenda"])


def remove_agenda_item(item: AgendaItem, *, actor: User) -> None:
    session = item.session
    require_manager(session, actor)
    if session.status not in EDITABLE_STATUSES:
        raise RuleViolation(_("Hội nghị đã diễn ra, không sửa được chương trình."))
    session.agenda.remove(item)
    db.session.flush()
    _renumber(session)
    db.session.flush()


def open_commitments(unit: Unit, *, before: DialogueSession | None = None) -> list[SessionItem]:
    """Commitments made at the commune's sessions whose petition is still open."""
    query = (sa.select(SessionItem).join(SessionItem.session).join(SessionItem.petition)
             .where(DialogueSession.unit_id == unit.id,
                    SessionItem.outcome == ItemOutcome.COMMITTED,
                    Petition.status.in_(OPEN_STATUSES))
             .order_by(Petition.due_on, SessionItem.id))
    if before is not None:
        query = query.where(DialogueSession.id != before.id)
    return list(db.session.scalars(query))


def missing_matters(session: DialogueSession) -> list[SessionItem]:
    """Open commitments of earlier sessions that the agenda does not list."""
    listed = {item.petition_id for item in session.agenda if item.petition_id}
    return [c for c in open_commitments(session.unit, before=session)
            if c.petition_id not in listed]


def add_matters_arising(session: DialogueSession, *, actor: User | None = None) -> int:
    """Put each open commitment from earlier sessions on a draft agenda,
    first, as the follow-up of what was promised. Done when the session is
    planned, then when the leader asks (a line they removed stays removed
    until they do)."""
    if actor is not None:
        require_manager(session, actor)
    if session.status != SessionStatus.DRAFT:
        raise RuleViolation(_("Chỉ bổ sung chương trình khi hội nghị đang chuẩn bị."))
    added = 0
    for commitment in missing_matters(session):
        petition = commitment.petition
        # The petition's own title: the line is shown to the public in
        # Vietnamese whatever language the leader works in.
        session.agenda.append(AgendaItem(
            title=petition.title[:AGENDA_TITLE_MAX],
            presenter=petition.assignee.display_name if petition.assignee else "",
            petition_id=petition.id, position=0))
        added += 1
    if added:
        # Matters arising first, then the agenda as the leader ordered it.
        ordered = sorted(session.agenda, key=lambda i: (i.petition_id is None, i.position))
        for position, item in enumerate(ordered, start=1):
            item.position = position
        db.session.flush()
        db.session.expire(session, ["agenda"])
    return added
