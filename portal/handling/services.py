"""Who holds a petition and how its clock runs: assign, transfer, send back,
mark complex, extensions, pauses. Each use case checks permission and rules,
writes the custody row and the history line, and flushes; the caller commits."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import HANDLING_ROLES, RoleGrant, User
from portal.answers.models import Response, ResponseStatus
from portal.deadlines.services import answer_clock_start, approved_extensions, refresh_deadlines
from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling.models import Assignment, CustodyEnd, ExtensionRequest, ExtensionStatus, Pause
from portal.notifications.services import notify_leaders, notify_resident, notify_user
from portal.permissions import can_assign, can_lead, can_transfer, can_work_on, is_holder
from portal.petitions.models import EventType, Petition, PetitionStatus
from portal.units.models import Office, Unit

REASON_MIN = 10


def _reason(text: str | None, field: str = "reason") -> str:
    text = vietnamese.clean(text, multiline=True) or ""
    if len(text) < REASON_MIN:
        raise RuleViolation(_("Vui lòng ghi rõ lý do (ít nhất %(n)d ký tự).", n=REASON_MIN),
                            field=field)
    return text


def holder_grants(petition: Petition) -> list[RoleGrant]:
    """Officials and leaders, with their office, who can take a petition:
    anyone in an office of the petition's province (its communes included)."""
    return holder_grants_for_unit(petition.unit)


def holder_grants_for_unit(unit: Unit) -> list[RoleGrant]:
    province = unit.province
    return list(db.session.scalars(
        sa.select(RoleGrant)
        .join(Office, RoleGrant.office_id == Office.id)
        .join(Unit, Office.unit_id == Unit.id)
        .where(RoleGrant.role.in_(HANDLING_ROLES),
               sa.or_(Unit.id == province.id, Unit.parent_id == province.id))
        .order_by(Office.name, RoleGrant.user_id)
    ).unique())


def holder_from(chosen: tuple[int, int] | None) -> tuple[Office | None, User | None]:
    """The office and official picked as ``(office id, user id)``; whether
    they may hold the petition is checked when it is assigned."""
    if chosen is None:
        raise RuleViolation(_("Vui lòng chọn cán bộ chịu trách nhiệm."), field="holder")
    return db.session.get(Office, chosen[0]), db.session.get(User, chosen[1])


def _check_holder(office: Office | None, assignee: User | None) -> None:
    if office is None or assignee is None:
        raise RuleViolation(_("Vui lòng chọn cơ quan và cán bộ chịu trách nhiệm."), field="holder")
    works_there = any(g.office_id == office.id and g.role in HANDLING_ROLES for g in assignee.grants)
    if not works_there:
        raise RuleViolation(_("Cán bộ này không thuộc cơ quan đã chọn."), field="holder")


def current_assignment(petition: Petition) -> Assignment | None:
    return db.session.scalar(
        sa.select(Assignment).where(Assignment.petition_id == petition.id,
                                    Assignment.ended_at.is_(None))
    )


def custody_chain(petition: Petition) -> list[Assignment]:
    return list(db.session.scalars(
        sa.select(Assignment).where(Assignment.petition_id == petition.id).order_by(Assignment.id)
    ))


def _holder_data(office: Office, assignee: User) -> dict:
    return {"office_id": office.id, "office": office.name,
            "assignee_id": assignee.id, "assignee": assignee.display_name}


def end_custody(petition: Petition, reason: CustodyEnd) -> Assignment | None:
    current = current_assignment(petition)
    if current is not None:
        current.ended_at = clock.now()
        current.end_reason = reason
        db.session.flush()  # the one-current index must see it closed first
    return current


def start_custody(petition: Petition, *, office: Office, assignee: User, actor: User | None,
                  note: str | None, previous: Assignment | None = None) -> Assignment:
    assignment = Assignment(
        petition_id=petition.id, office=office, assignee=assignee,
        assigned_by_id=actor.id if actor else None, started_at=clock.now(), note=note,
        previous=previous,
    )
    db.session.add(assignment)
    petition.office = office
    petition.assignee = assignee
    db.session.flush()
    return assignment


def withdraw_pending(petition: Petition, *, actor: User | None, why: str) -> None:
    """When the holder changes (or the answer goes out), what the former
    holder left waiting lapses: a pending extension request is withdrawn and
    a draft awaiting approval returns to draft, so nobody decides or
    publishes on someone else's behalf."""
    request = pending_extension(petition)
    if request is not None:
        request.status = ExtensionStatus.WITHDRAWN
        request.decided_at = clock.now()
        request.decision_note = why
        petition.record(EventType.EXTENSION_REFUSED, actor=actor, note=why, is_public=False,
                        data={"withdrawn": True})
    response = db.session.scalar(sa.select(Response).where(
        Response.petition_id == petition.id, Response.status == ResponseStatus.PENDING_APPROVAL))
    if response is not None:
        response.status = ResponseStatus.DRAFT
        response.return_note = why
        petition.record(EventType.ANSWER_RETURNED, actor=actor, note=why, is_public=False)
    db.session.flush()


def _tell_new_holder(petition: Petition, assignee: User, why: str) -> None:
    notify_user(
        assignee, petition, kind="assigned",
        subject=_("Bạn được giao xử lý phản ánh %(code)s", code=petition.tracking_code),
        body=_("%(why)s\n\n%(title)s\nHạn trả lời: %(due)s",
               why=why, title=petition.title,
               due=petition.due_on.strftime("%d/%m/%Y") if petition.due_on else "—"),
    )


def assign_petition(petition: Petition, *, office: Office | None, assignee: User | None,
                    actor: User, note: str | None = None) -> Assignment:
    """Give an acknowledged petition to one office and one named official
    (or, while it is being handled, give it to someone else)."""
    if not can_assign(actor, petition):
        raise PermissionDenied()
    if petition.status not in (PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS):
        raise InvalidTransition(petition.status, PetitionStatus.IN_PROGRESS)
    _check_holder(office, assignee)
    note = vietnamese.clean(note, multiline=True) or None
    data = _holder_data(office, assignee)
    if petition.status == PetitionStatus.ACCEPTED:
        previous = None
        petition.change_status(PetitionStatus.IN_PROGRESS, event_type=EventType.ASSIGNED,
                               actor=actor, note=note, data=data)
    else:
        if petition.assignee_id == assignee.id and petition.office_id == office.id:
            raise RuleViolation(_("Phản ánh đang do chính cán bộ này xử lý."), field="holder")
        withdraw_pending(petition, actor=actor, why=_("Lãnh đạo giao lại cho người khác."))
        previous = end_custody(petition, CustodyEnd.REASSIGNED)
        petition.record(EventType.REASSIGNED, actor=actor, note=note, data=data)
    assignment = start_custody(petition, office=office, assignee=assignee, actor=actor, note=note,
                               previous=previous)
    refresh_deadlines(petition)
    _tell_new_holder(petition, assignee, _("Lãnh đạo giao phản ánh cho bạn xử lý."))
    return assignment


def transfer_petition(petition: Petition, *, office: Office | None, assignee: User | None,
                      actor: User, reason: str) -> Assignment:
    """Move it to another office or person, with a reason; the chain keeps
    who held it before."""
    if not can_transfer(actor, petition):
        raise PermissionDenied()
    if petition.status != PetitionStatus.IN_PROGRESS:
        raise RuleViolation(_("Chỉ chuyển được phản ánh đang xử lý."))
    reason = _reason(reason)
    _check_holder(office, assignee)
    if petition.assignee_id == assignee.id and petition.office_id == office.id:
        raise RuleViolation(_("Phản ánh đang do chính cán bộ này xử lý."), field="holder")
    withdraw_pending(petition, actor=actor, why=_("Phản ánh được chuyển cho người khác."))
    previous = end_custody(petition, CustodyEnd.TRANSFERRED)
    petition.record(EventType.TRANSFERRED, actor=actor, note=reason,
                    data=_holder_data(office, assignee))
    assignment = start_custody(petition, office=office, assignee=assignee, actor=actor,
                               note=reason, previous=previous)
    _tell_new_holder(petition, assignee, _("Phản ánh được chuyển đến bạn: %(reason)s", reason=reason))
    return assignment


def transfer_sender(current: Assignment | None) -> Assignment | None:
    """Whom the current holder may send the petition back to: the previous
    holder, only if the petition came by transfer from someone else (not by
    a leader's reassignment, nor back to oneself after a reopening)."""
    if current is None or current.previous is None:
        return None
    sender = current.previous
    if sender.end_reason != CustodyEnd.TRANSFERRED:
        return None
    if (sender.office_id, sender.assignee_id) == (current.office_id, current.assignee_id):
        return None
    return sender


def send_back(petition: Petition, *, actor: User, reason: str) -> Assignment:
    """The receiving side returns a transferred petition to whoever sent it."""
    if not is_holder(actor, petition):
        raise PermissionDenied()
    if petition.status != PetitionStatus.IN_PROGRESS:
        raise RuleViolation(_("Chỉ trả lại được phản ánh đang xử lý."))
    current = current_assignment(petition)
    sender = transfer_sender(current)
    if sender is None:
        raise RuleViolation(_("Chỉ trả lại được phản ánh do nơi khác chuyển đến."))
    reason = _reason(reason)
    withdraw_pending(petition, actor=actor, why=_("Phản ánh bị trả lại nơi chuyển đến."))
    end_custody(petition, CustodyEnd.SENT_BACK)
    petition.record(EventType.SENT_BACK, actor=actor, note=reason,
                    data=_holder_data(sender.office, sender.assignee))
    assignment = start_custody(petition, office=sender.office, assignee=sender.assignee,
                               actor=actor, note=reason, previous=current)
    _tell_new_holder(petition, sender.assignee, _("Phản ánh bị trả lại: %(reason)s", reason=reason))
    return assignment


def _due_change(petition: Petition, before) -> dict:
    return {"from": before.isoformat() if before else None,
            "to": petition.due_on.isoformat() if petition.due_on else None}


def mark_complex(petition: Petition, *, actor: User, reason: str) -> Petition:
    """A leader finds the case complex: the rule's longer deadline applies."""
    if not can_lead(actor, petition):
        raise PermissionDenied()
    if petition.status not in (PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS):
        raise RuleViolation(_("Chỉ xác định vụ việc phức tạp khi phản ánh đang xử lý."))
    if petition.is_complex:
        raise RuleViolation(_("Vụ việc đã được xác định là phức tạp."))
    rule = petition.rule
    if rule is None or (rule.complex_days is None and rule.complex_remote_days is None):
        raise RuleViolation(_("Quy định về thời hạn của loại việc này không có thời hạn riêng "
                              "cho vụ việc phức tạp."))
    reason = _reason(reason)
    before = petition.due_on
    petition.is_complex = True
    refresh_deadlines(petition)
    petition.record(EventType.MARKED_COMPLEX, actor=actor, note=reason,
                    data=_due_change(petition, before))
    return petition


def may_request_extension(petition: Petition) -> bool:
    rule = petition.rule
    return bool(rule and rule.max_extensions and rule.extension_days
                and _approved_count(petition) < rule.max_extensions)


def may_mark_complex(petition: Petition) -> bool:
    rule = petition.rule
    return (not petition.is_complex and rule is not None
            and (rule.complex_days is not None or rule.complex_remote_days is not None))


def _approved_count(petition: Petition) -> int:
    """Extensions used on the current answer clock (a reopening starts a new one)."""
    start = answer_clock_start(petition)
    return len(approved_extensions(petition, start)) if start else 0


def pending_extension(petition: Petition) -> ExtensionRequest | None:
    return db.session.scalar(sa.select(ExtensionRequest).where(
        ExtensionRequest.petition_id == petition.id,
        ExtensionRequest.status == ExtensionStatus.PENDING))


def request_extension(petition: Petition, *, actor: User, reason: str) -> ExtensionRequest:
    if not is_holder(actor, petition):
        raise PermissionDenied()
    if petition.status != PetitionStatus.IN_PROGRESS:
        raise RuleViolation(_("Chỉ đề nghị gia hạn khi phản ánh đang xử lý."))
    rule = petition.rule
    if rule is None or not rule.max_extensions or not rule.extension_days:
        raise RuleViolation(_("Theo quy định, loại việc này không được gia hạn."))
    if _approved_count(petition) >= rule.max_extensions:
        raise RuleViolation(_("Đã gia hạn đủ %(n)d lần theo quy định.", n=rule.max_extensions))
    if pending_extension(petition) is not None:
        raise RuleViolation(_("Đã có một đề nghị gia hạn đang chờ quyết định."))
    request = ExtensionRequest(petition_id=petition.id, requested_by=actor,
                               requested_at=clock.now(), reason=_reason(reason),
                               days=rule.extension_days)
    db.session.add(request)
    petition.record(EventType.EXTENSION_REQUESTED, actor=actor, note=request.reason,
                    data={"days": request.days}, is_public=False)
    notify_leaders(petition, kind="extension_requested",
                   subject=_("Đề nghị gia hạn phản ánh %(code)s", code=petition.tracking_code),
                   body=_("%(who)s đề nghị gia hạn %(n)d ngày: %(reason)s",
                          who=actor.display_name, n=request.days, reason=request.reason))
    db.session.flush()
    return request


def decide_extension(request: ExtensionRequest, petition: Petition, *, actor: User,
                     approve: bool, note: str | None = None) -> ExtensionRequest:
    if not can_lead(actor, petition):
        raise PermissionDenied()
    if request.status != ExtensionStatus.PENDING or request.petition_id != petition.id:
        raise RuleViolation(_("Đề nghị gia hạn này đã được quyết định."))
    if petition.status not in (PetitionStatus.IN_PROGRESS, PetitionStatus.PAUSED):
        raise RuleViolation(_("Phản ánh không còn đang xử lý nên không gia hạn được."))
    note = vietnamese.clean(note, multiline=True) or None
    if not approve and not note:
        raise RuleViolation(_("Vui lòng ghi lý do không đồng ý gia hạn."), field="note")
    request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    request.decided_by = actor
    request.decided_at = clock.now()
    request.decision_note = note
    db.session.flush()
    if approve:
        before = petition.due_on
        refresh_deadlines(petition)
        petition.record(EventType.EXTENSION_APPROVED, actor=actor, note=request.reason,
                        data={"days": request.days, **_due_change(petition, before)})
    else:
        petition.record(EventType.EXTENSION_REFUSED, actor=actor, note=note, is_public=False)
    notify_user(request.requested_by, petition, kind="extension_decided",
                subject=_("Quyết định về đề nghị gia hạn %(code)s", code=petition.tracking_code),
                body=request.status.label)
    return request


def open_pause(petition: Petition) -> Pause | None:
    return db.session.scalar(sa.select(Pause).where(Pause.petition_id == petition.id,
                                                    Pause.ended_at.is_(None)))


def pause_petition(petition: Petition, *, actor: User, reason: str) -> Pause:
    """Stop the clock while waiting for the resident (a lawful reason)."""
    if not can_work_on(actor, petition):
        raise PermissionDenied()
    reason = _reason(reason)
    petition.change_status(PetitionStatus.PAUSED, event_type=EventType.PAUSED, actor=actor,
                           note=reason)
    pause = Pause(petition_id=petition.id, started_at=clock.now(), reason=reason,
                  started_by_id=actor.id)
    db.session.add(pause)
    notify_resident(petition, kind="paused",
                    subject=_("Phản ánh %(code)s cần bạn bổ sung thông tin", code=petition.tracking_code),
                    body=reason)
    db.session.flush()
    return pause


def reopen_custody(petition: Petition, *, comment: str) -> Assignment | None:
    """A dissatisfied resident reopens it: the last holder takes it back."""
    last = db.session.scalar(sa.select(Assignment).where(Assignment.petition_id == petition.id)
                             .order_by(Assignment.id.desc()).limit(1))
    if last is None:
        return None
    start_custody(petition, office=last.office, assignee=last.assignee, actor=None,
                  note=_("Mở lại: người gửi chưa hài lòng. %(comment)s", comment=comment),
                  previous=last)
    notify_user(last.assignee, petition, kind="reopened",
                subject=_("Phản ánh %(code)s được mở lại", code=petition.tracking_code),
                body=comment)
    return last


def resume_petition(petition: Petition, *, actor: User, note: str | None = None) -> Petition:
    if not can_work_on(actor, petition):
        raise PermissionDenied()
    if not petition.may_become(PetitionStatus.IN_PROGRESS) or petition.status != PetitionStatus.PAUSED:
        raise InvalidTransition(petition.status, PetitionStatus.IN_PROGRESS)
    before = petition.due_on
    pause = open_pause(petition)
    if pause is not None:
        pause.ended_at = clock.now()
        pause.ended_by_id = actor.id
        db.session.flush()
    refresh_deadlines(petition)  # the paused days are added
    petition.change_status(PetitionStatus.IN_PROGRESS, event_type=EventType.RESUMED, actor=actor,
                           note=vietnamese.clean(note, multiline=True) or None,
                           data=_due_change(petition, before))
    db.session.flush()
    return petition
