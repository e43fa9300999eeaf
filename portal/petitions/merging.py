"""Duplicates: an official closes a petition as a duplicate of one already
being handled, so one answer serves both. Both histories stay; the sender of
the duplicate is told where the answer will be."""

from __future__ import annotations

from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling.models import CustodyEnd
from portal.handling.services import end_custody, withdraw_pending
from portal.notifications.services import notify_resident
from portal.permissions import can_handle_petition, can_view_petition
from portal.petitions.models import EventType, Petition, PetitionStatus
from portal.petitions.queries import by_tracking_code, is_published
from portal.petitions.tracking import normalise


def published_original(petition: Petition) -> Petition | None:
    """The petition a duplicate was merged into, if anyone may read it: its
    answer is then the duplicate sender's answer too."""
    target = petition.duplicate_of
    return target if target is not None and is_published(target) else None


def merge_target(code: str, duplicate: Petition, actor) -> Petition:
    """The petition ``code`` names, if it may absorb ``duplicate``."""
    target = by_tracking_code(normalise(code or ""))
    if target is None or not can_view_petition(actor, target):
        raise RuleViolation(_("Không tìm thấy phản ánh có mã này trong phạm vi của bạn."),
                            field="target")
    if target.id == duplicate.id:
        raise RuleViolation(_("Không thể gộp một phản ánh vào chính nó."), field="target")
    if target.duplicate_of_id is not None:
        raise RuleViolation(_("Phản ánh này đã được gộp vào phản ánh khác; hãy chọn phản ánh "
                              "gốc."), field="target")
    if target.status == PetitionStatus.REJECTED:
        raise RuleViolation(_("Không gộp được vào phản ánh đã không tiếp nhận."), field="target")
    return target


def merge_into(duplicate: Petition, code: str, *, actor, note: str | None = None) -> Petition:
    if not can_handle_petition(actor, duplicate):
        raise PermissionDenied()
    if not duplicate.is_open:
        raise RuleViolation(_("Chỉ gộp được phản ánh đang xử lý."))
    target = merge_target(code, duplicate, actor)
    note = vietnamese.clean(note, multiline=True) or None
    if target.is_open:
        where = _("Phản ánh của bạn trùng với một phản ánh đang được giải quyết; câu trả lời "
                  "cho phản ánh đó cũng là câu trả lời cho bạn.")
    else:
        where = _("Phản ánh của bạn trùng với một phản ánh đã được giải quyết.")
    if is_published(target):
        where += " " + _("Xem tại trang công khai số %(id)d.", id=target.id)
    resident_note = f"{where}\n{note}" if note else where
    # Its holder's time ends here, so "time held" stops counting it.
    withdraw_pending(duplicate, actor=actor, why=_("Phản ánh được gộp vào phản ánh trùng."))
    end_custody(duplicate, CustodyEnd.MERGED)
    duplicate.change_status(PetitionStatus.CLOSED, event_type=EventType.MERGED, actor=actor,
                            note=resident_note,
                            data={"into": target.id, "into_code": target.tracking_code})
    duplicate.duplicate_of_id = target.id
    duplicate.closed_at = clock.now()
    target.record(EventType.DUPLICATE_JOINED, actor=actor, is_public=False,
                  data={"from": duplicate.id, "from_code": duplicate.tracking_code})
    notify_resident(duplicate, kind="merged",
                    subject=_("Phản ánh %(code)s được gộp với phản ánh trùng",
                              code=duplicate.tracking_code),
                    body=resident_note)
    db.session.flush()
    return target
