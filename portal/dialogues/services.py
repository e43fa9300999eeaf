"""The life of a dialogue session: announce, cancel, hold, write up and
publish the conclusion, with the compliance clocks flagged on the way.

Each use case takes the actor explicitly, checks permission and rules,
changes state and flushes; the caller commits once. Planning is in
``planning``, the room in ``room``, residents' requests in
``session_requests``.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.dialogues import minutes, rules
from portal.dialogues.models import (
    DialogueSession,
    ItemStage,
    SessionRequest,
    SessionStatus,
)
from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.notifications.services import (
    inspectors_of_unit,
    leaders_of_unit,
    notify_resident,
    notify_user,
    path_for,
)
from portal.permissions import can_manage_session

REASON_MIN = 10
CONCLUSION_MIN = 20
MINUTES_MAX = 100_000


def day_text(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def require_manager(session: DialogueSession, actor: User) -> None:
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Chỉ lãnh đạo của xã, phường được quản lý hội nghị đối thoại này."))



def tell_askers(session: DialogueSession, *, kind: str, subject: str, body: str) -> None:
    """Residents who sent a question (and left an e-mail) hear of a change."""
    for item in session.items:
        if item.stage == ItemStage.QUESTION:
            notify_resident(item.petition, kind=kind, subject=subject, body=body)




def _flag(session: DialogueSession, *, kind: str, subject: str, body: str) -> None:
    """A missed clock: the commune's leaders and its inspectors are told."""
    link = path_for("dialogues_staff.session", session_id=session.id)
    day = clock.local_date(session.starts_at)
    for person in {*leaders_of_unit(session.unit), *inspectors_of_unit(session.unit)}:
        notify_user(person, None, kind=kind, subject=subject, body=body, link=link,
                    dedupe_key=f"{kind}:{session.id}:{day}:{person.id}")


def announce_session(session: DialogueSession, *, actor: User) -> DialogueSession:
    """Publish the notice. Announcing after the notice deadline is allowed
    (better late than never) but the session is flagged."""
    require_manager(session, actor)
    if not session.agenda:
        raise RuleViolation(_("Vui lòng lập chương trình (ít nhất một mục) trước khi thông báo."))
    if session.starts_at <= clock.now():
        raise RuleViolation(_("Thời gian tổ chức đã qua; vui lòng sửa lại thời gian trước khi "
                              "thông báo."))
    session.change_status(SessionStatus.ANNOUNCED)
    session.announced_at = clock.now()
    rules.apply_clocks(session)
    if session.is_notice_late:
        flag_late_notice(session)
    db.session.flush()
    return session


def flag_late_notice(session: DialogueSession) -> None:
    _flag(session, kind="session_notice_late",
          subject=_("Hội nghị đối thoại «%(title)s» thông báo muộn", title=session.title),
          body=_("Hạn thông báo là %(due)s (ít nhất %(n)d ngày trước ngày tổ chức %(day)s) "
                 "nhưng thông báo được đăng ngày %(today)s.",
                 due=day_text(session.notice_due_on), n=session.rule.notice_days,
                 day=day_text(clock.local_date(session.starts_at)),
                 today=day_text(clock.today_in_vietnam())))


def cancel_session(session: DialogueSession, *, actor: User, reason: str) -> DialogueSession:
    require_manager(session, actor)
    reason = vietnamese.clean(reason, multiline=True) or ""
    if len(reason) < REASON_MIN:
        raise RuleViolation(_("Vui lòng ghi rõ lý do (ít nhất %(n)d ký tự).", n=REASON_MIN),
                            field="reason")
    if session.status == SessionStatus.ANNOUNCED and has_started(session):
        # What was raised on the day must still be reported and published.
        raise RuleViolation(_("Hội nghị đã đến ngày tổ chức, không huỷ được; hãy xác nhận đã tổ "
                              "chức và công bố kết quả."))
    session.change_status(SessionStatus.CANCELLED)
    session.cancel_reason = reason
    tell_askers(session, kind="session_cancelled",
                 subject=_("Hội nghị đối thoại «%(title)s» bị huỷ", title=session.title),
                 body=_("%(reason)s\n\nCâu hỏi của bạn vẫn được giải quyết như một phản ánh, "
                        "kiến nghị; theo dõi bằng mã đã nhận.", reason=reason))
    db.session.flush()
    return session


def has_started(session: DialogueSession) -> bool:
    return clock.today_in_vietnam() >= clock.local_date(session.starts_at)


def record_held(session: DialogueSession, *, attendance: int | None, organisations: str,
                actor: User) -> DialogueSession:
    """The session took place: how many came and which bodies attended.
    Residents' pending requests for a session are answered by it."""
    require_manager(session, actor)
    if not session.may_become(SessionStatus.HELD):
        raise InvalidTransition(session.status, SessionStatus.HELD)
    if not has_started(session):
        raise RuleViolation(_("Chỉ xác nhận đã tổ chức từ ngày diễn ra hội nghị."))
    if attendance is None or attendance < 0:
        raise RuleViolation(_("Vui lòng nhập số người tham dự."), field="attendance_count")
    session.change_status(SessionStatus.HELD)
    session.held_at = clock.now()
    session.attendance_count = attendance
    session.attending_organisations = vietnamese.clean(organisations, multiline=True) or ""
    db.session.execute(
        sa.update(SessionRequest)
        .where(SessionRequest.unit_id == session.unit_id, SessionRequest.answered_by_id.is_(None),
               SessionRequest.requested_at <= session.starts_at)
        .values(answered_by_id=session.id)
    )
    db.session.flush()
    return session


def save_record(session: DialogueSession, *, attendance: int | None, organisations: str,
                minutes_source: str, conclusion_text: str, actor: User) -> DialogueSession:
    """Minutes, attendance and the draft conclusion, while the session is
    being held or written up."""
    require_manager(session, actor)
    if not (session.status == SessionStatus.HELD
            or (session.status == SessionStatus.ANNOUNCED and has_started(session))):
        raise RuleViolation(_("Biên bản chỉ ghi được từ ngày diễn ra hội nghị đến khi công bố "
                              "kết quả."))
    source = vietnamese.clean(minutes_source, multiline=True) or ""
    if len(source) > MINUTES_MAX:
        raise RuleViolation(_("Biên bản tối đa %(n)d ký tự.", n=MINUTES_MAX), field="minutes")
    if attendance is not None and attendance < 0:
        raise RuleViolation(_("Số người tham dự không thể âm."), field="attendance_count")
    session.minutes_source = source
    session.minutes_html = minutes.render(source)
    session.attendance_count = attendance
    session.attending_organisations = vietnamese.clean(organisations, multiline=True) or ""
    session.conclusion_text = vietnamese.clean(conclusion_text, multiline=True) or ""
    db.session.flush()
    return session


def conclude_session(session: DialogueSession, *, number: str, issued_on: date | None,
                     text: str, actor: User) -> DialogueSession:
    """Publish the conclusion notice: number, date, text, and the list of
    commitments with who answers for each and by when."""
    require_manager(session, actor)
    if not session.may_become(SessionStatus.CONCLUDED):
        raise InvalidTransition(session.status, SessionStatus.CONCLUDED)
    number = vietnamese.clean(number) or ""
    text = vietnamese.clean(text, multiline=True) or ""
    if not number:
        raise RuleViolation(_("Vui lòng nhập số thông báo kết luận."), field="number")
    today = clock.today_in_vietnam()
    held_on = clock.local_date(session.starts_at)
    if issued_on is None or not held_on <= issued_on <= today:
        raise RuleViolation(_("Ngày thông báo phải từ ngày tổ chức %(day)s đến hôm nay.",
                              day=day_text(held_on)), field="issued_on")
    if len(text) < CONCLUSION_MIN:
        raise RuleViolation(_("Nội dung kết luận cần ít nhất %(n)d ký tự.", n=CONCLUSION_MIN),
                            field="text")
    session.change_status(SessionStatus.CONCLUDED)
    session.conclusion_number = number
    session.conclusion_date = issued_on
    session.conclusion_text = text
    session.concluded_at = clock.now()
    rules.apply_clocks(session)
    if session.is_results_late:
        _flag(session, kind="session_results_late",
              subject=_("Hội nghị đối thoại «%(title)s» công bố kết quả muộn", title=session.title),
              body=_("Hạn công bố kết quả là %(due)s; kết quả được công bố ngày %(today)s.",
                     due=day_text(session.results_due_on), today=day_text(today)))
    db.session.flush()
    return session
