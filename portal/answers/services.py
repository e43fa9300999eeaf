"""Answers: drafted by the holder, approved by a leader where the unit
requires it, published; rated by the resident, who may reopen it; closed."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.answers.models import Rating, Response, ResponseStatus
from portal.deadlines.services import refresh_deadlines
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling.models import CustodyEnd
from portal.handling.services import end_custody, reopen_custody, withdraw_pending
from portal.notifications.services import notify_leaders, notify_resident, notify_user
from portal.permissions import can_lead, can_rate, can_work_on
from portal.petitions.models import EventType, Petition, PetitionStatus

ANSWER_MIN = 20
ANSWER_MAX = 20_000


def _answer_text(body: str | None) -> str:
    body = vietnamese.clean(body, multiline=True) or ""
    if not ANSWER_MIN <= len(body) <= ANSWER_MAX:
        raise RuleViolation(_("Câu trả lời cần từ %(min)d đến %(max)d ký tự.",
                              min=ANSWER_MIN, max=ANSWER_MAX), field="body")
    return body


def working_response(petition: Petition) -> Response | None:
    """The answer being prepared (draft or awaiting approval), if any."""
    return db.session.scalar(sa.select(Response).where(
        Response.petition_id == petition.id,
        Response.status.in_([ResponseStatus.DRAFT, ResponseStatus.PENDING_APPROVAL])))


def published_responses(petition: Petition) -> list[Response]:
    return list(db.session.scalars(sa.select(Response).where(
        Response.petition_id == petition.id, Response.status == ResponseStatus.PUBLISHED
    ).order_by(Response.published_at)))


def _require_answering(petition: Petition, actor: User) -> None:
    if not can_work_on(actor, petition):
        raise PermissionDenied(_("Chỉ cán bộ đang chịu trách nhiệm hoặc lãnh đạo đơn vị "
                                 "được trả lời phản ánh này."))
    if petition.status != PetitionStatus.IN_PROGRESS:
        raise RuleViolation(_("Chỉ trả lời được phản ánh đang xử lý."))


def save_draft(petition: Petition, *, actor: User, body: str) -> Response:
    _require_answering(petition, actor)
    body = _answer_text(body)
    response = working_response(petition)
    if response is not None and response.status == ResponseStatus.PENDING_APPROVAL:
        raise RuleViolation(_("Dự thảo đang chờ lãnh đạo duyệt, chưa sửa được."))
    if response is None:
        response = Response(petition_id=petition.id, body=body, author_id=actor.id)
        db.session.add(response)
        petition.record(EventType.ANSWER_DRAFTED, actor=actor, is_public=False)
    else:
        response.body = body
        response.author_id = actor.id  # whoever wrote the latest text
    db.session.flush()
    return response


def submit_answer(petition: Petition, *, actor: User, body: str) -> Response:
    """Send the answer on: to a leader for approval where the unit wants it
    (unless a leader writes it), otherwise straight to the resident."""
    response = save_draft(petition, actor=actor, body=body)
    if petition.unit.requires_answer_approval and not can_lead(actor, petition):
        response.status = ResponseStatus.PENDING_APPROVAL
        response.submitted_at = clock.now()
        response.return_note = None
        petition.record(EventType.ANSWER_SUBMITTED, actor=actor, is_public=False)
        notify_leaders(petition, kind="answer_submitted",
                       subject=_("Dự thảo trả lời %(code)s chờ duyệt", code=petition.tracking_code),
                       body=_("%(who)s trình dự thảo trả lời phản ánh «%(title)s».",
                              who=actor.display_name, title=petition.title))
        db.session.flush()
        return response
    return _publish(petition, response, actor=actor)


def approve_answer(petition: Petition, *, actor: User) -> Response:
    if not can_lead(actor, petition):
        raise PermissionDenied()
    response = working_response(petition)
    if response is None or response.status != ResponseStatus.PENDING_APPROVAL:
        raise RuleViolation(_("Không có dự thảo nào đang chờ duyệt."))
    return _publish(petition, response, actor=actor)


def return_answer(petition: Petition, *, actor: User, note: str) -> Response:
    if not can_lead(actor, petition):
        raise PermissionDenied()
    response = working_response(petition)
    if response is None or response.status != ResponseStatus.PENDING_APPROVAL:
        raise RuleViolation(_("Không có dự thảo nào đang chờ duyệt."))
    note = vietnamese.clean(note, multiline=True) or ""
    if len(note) < 10:
        raise RuleViolation(_("Vui lòng ghi rõ cần sửa gì (ít nhất 10 ký tự)."), field="note")
    response.status = ResponseStatus.DRAFT
    response.return_note = note
    petition.record(EventType.ANSWER_RETURNED, actor=actor, note=note, is_public=False)
    notify_user(response.author, petition, kind="answer_returned",
                subject=_("Dự thảo trả lời %(code)s cần sửa", code=petition.tracking_code),
                body=note)
    db.session.flush()
    return response


def _publish(petition: Petition, response: Response, *, actor: User) -> Response:
    now = clock.now()
    response.status = ResponseStatus.PUBLISHED
    response.published_at = now
    if can_lead(actor, petition):
        response.approved_by_id = actor.id
        response.approved_at = now
    petition.change_status(PetitionStatus.ANSWERED, event_type=EventType.ANSWER_PUBLISHED,
                           actor=actor, data={"response_id": response.id})
    petition.answered_at = now
    withdraw_pending(petition, actor=actor, why=_("Đã có câu trả lời."))
    end_custody(petition, CustodyEnd.ANSWERED)
    days = current_app.config["RATING_WINDOW_DAYS"]
    notify_resident(petition, kind="answered",
                    subject=_("Phản ánh %(code)s đã có câu trả lời", code=petition.tracking_code),
                    body=_("%(answer)s\n\nBạn có %(days)d ngày để cho biết bạn có hài lòng với câu "
                           "trả lời không; nếu chưa hài lòng, phản ánh sẽ được mở lại.",
                           answer=response.body, days=days))
    db.session.flush()
    return response


def rating_deadline(petition: Petition):
    if petition.answered_at is None:
        return None
    return petition.answered_at + timedelta(days=current_app.config["RATING_WINDOW_DAYS"])


def can_still_rate(petition: Petition) -> bool:
    deadline = rating_deadline(petition)
    return (petition.status == PetitionStatus.ANSWERED and deadline is not None
            and clock.now() <= deadline)


def rate_answer(petition: Petition, *, satisfied: bool, comment: str | None,
                actor: User | None) -> Rating:
    """The resident's verdict: satisfied closes it; not satisfied reopens it
    to the same office and official, with a new answer deadline."""
    if not can_rate(actor, petition):
        raise PermissionDenied(_("Chỉ tài khoản đã gửi phản ánh này mới đánh giá được."))
    if not can_still_rate(petition):
        raise RuleViolation(_("Phản ánh này không còn trong thời hạn đánh giá."))
    comment = vietnamese.clean(comment, multiline=True) or None
    if not satisfied and (comment is None or len(comment) < 10):
        raise RuleViolation(_("Vui lòng cho biết vì sao bạn chưa hài lòng (ít nhất 10 ký tự)."),
                            field="comment")
    response = published_responses(petition)[-1]
    signed_in = actor if actor is not None and actor.is_authenticated else None
    rating = Rating(petition_id=petition.id, response_id=response.id, is_satisfied=satisfied,
                    comment=comment, created_at=clock.now(),
                    rated_by_id=signed_in.id if signed_in else None)
    db.session.add(rating)
    petition.record(EventType.RATED, actor=signed_in, note=comment,
                    data={"satisfied": satisfied})
    if satisfied:
        close_petition(petition, actor=signed_in, note=_("Người gửi hài lòng với câu trả lời."))
    else:
        _reopen(petition, actor=signed_in, comment=comment)
    db.session.flush()
    return rating


def _reopen(petition: Petition, *, actor: User | None, comment: str) -> None:
    before = petition.due_on
    reopened = petition.change_status(PetitionStatus.IN_PROGRESS, event_type=EventType.REOPENED,
                                      actor=actor, note=comment)
    petition.answered_at = None
    # The new answer clock starts with this event; the deadline it sets is
    # written on the event itself (history rows never change once flushed),
    # so response times can be read back from the history.
    with db.session.no_autoflush:
        refresh_deadlines(petition)
    reopened.data = {"from": before.isoformat() if before else None,
                     "to": petition.due_on.isoformat() if petition.due_on else None}
    reopen_custody(petition, comment=comment)
    notify_leaders(petition, kind="reopened",
                   subject=_("Phản ánh %(code)s được mở lại", code=petition.tracking_code),
                   body=comment)
    db.session.flush()


def close_petition(petition: Petition, *, actor: User | None, note: str) -> Petition:
    petition.change_status(PetitionStatus.CLOSED, event_type=EventType.CLOSED, actor=actor,
                           note=note)
    petition.closed_at = clock.now()
    notify_resident(petition, kind="closed",
                    subject=_("Phản ánh %(code)s đã kết thúc", code=petition.tracking_code),
                    body=note)
    db.session.flush()
    return petition


def close_unrated(now=None) -> int:
    """Close answered petitions whose rating window has passed. Idempotent."""
    now = now or clock.now()
    cutoff = now - timedelta(days=current_app.config["RATING_WINDOW_DAYS"])
    expired = db.session.scalars(sa.select(Petition).where(
        Petition.status == PetitionStatus.ANSWERED, Petition.answered_at < cutoff)).all()
    for petition in expired:
        close_petition(petition, actor=None,
                       note=_("Hết thời hạn đánh giá; phản ánh được coi là đã giải quyết xong."))
    return len(expired)


def ratings_of(petition: Petition) -> list[Rating]:
    return list(db.session.scalars(sa.select(Rating).where(Rating.petition_id == petition.id)
                                   .order_by(Rating.id)))
