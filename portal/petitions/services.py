"""Writes for petitions. Each use case takes the actor explicitly, checks the
rules, changes state, appends history and flushes; the caller commits once."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.accounts.services import normalise_email, normalise_phone
from portal.deadlines.services import refresh_deadlines
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.notifications.services import notify_resident
from portal.permissions import can_handle_petition
from portal.petitions import tracking
from portal.petitions.models import (
    Category,
    Channel,
    EventType,
    Petition,
    PetitionKind,
    PetitionStatus,
)
from portal.units.models import COMMUNE_KINDS, Unit

TITLE_MAX = 200
BODY_MIN = 20
BODY_MAX = 20_000
REASON_MIN = 10
NAME_MAX = 120


@dataclass
class PetitionDraft:
    title: str
    body: str
    kind: PetitionKind
    category: Category | None
    unit: Unit | None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    hide_identity: bool = False
    is_public: bool = False
    channel: Channel = Channel.WEB


def _check_draft(draft: PetitionDraft) -> None:
    if not draft.title or len(draft.title) > TITLE_MAX:
        raise RuleViolation(_("Vui lòng nhập tiêu đề (tối đa %(n)d ký tự).", n=TITLE_MAX),
                            field="title")
    if len(draft.body) < BODY_MIN or len(draft.body) > BODY_MAX:
        raise RuleViolation(
            _("Nội dung cần từ %(min)d đến %(max)d ký tự.", min=BODY_MIN, max=BODY_MAX),
            field="body",
        )
    if draft.unit is None or draft.unit.kind not in COMMUNE_KINDS:
        raise RuleViolation(_("Vui lòng chọn xã, phường hoặc đặc khu nơi xảy ra sự việc."),
                            field="commune")
    if draft.category is None or not draft.category.is_active:
        raise RuleViolation(_("Vui lòng chọn lĩnh vực."), field="category")
    if draft.contact_name and len(draft.contact_name) > NAME_MAX:
        raise RuleViolation(_("Họ tên tối đa %(n)d ký tự.", n=NAME_MAX), field="contact_name")


def _new_tracking_code(year: int) -> str:
    # 34 billion codes a year: a clash is all but impossible, and the unique
    # constraint is the last guard if it ever happens.
    for _attempt in range(5):
        code = tracking.generate(year)
        if not db.session.scalar(sa.select(Petition.id).where(Petition.tracking_code == code)):
            return code
    raise RuntimeError("could not find a free tracking code")


def submit_petition(draft: PetitionDraft, *, actor: User | None) -> Petition:
    """A resident (signed in or not) sends a petition; it waits to be acknowledged."""
    draft.title = vietnamese.clean(draft.title) or ""
    draft.body = vietnamese.clean(draft.body, multiline=True) or ""
    draft.contact_name = vietnamese.clean(draft.contact_name) or None
    _check_draft(draft)
    email = normalise_email(draft.contact_email, field="contact_email") if draft.contact_email else None
    phone = normalise_phone(draft.contact_phone, field="contact_phone") if draft.contact_phone else None
    signed_in = actor is not None and actor.is_authenticated
    # The Law on Denunciation obliges those handling a denunciation to keep
    # the denouncer's identity secret, so it is hidden whatever was ticked.
    hidden = draft.hide_identity or draft.kind == PetitionKind.DENUNCIATION
    now = clock.now()
    petition = Petition(
        tracking_code=_new_tracking_code(now.astimezone(clock.VIETNAM).year),
        title=draft.title,
        body=draft.body,
        kind=draft.kind,
        category=draft.category,
        unit=draft.unit,
        # Read by the deadline rule before the petition is flushed, when a
        # relationship has not yet set its column.
        category_id=draft.category.id,
        unit_id=draft.unit.id,
        channel=draft.channel,
        status=PetitionStatus.RECEIVED,
        submitter=actor if signed_in else None,
        contact_name=draft.contact_name,
        contact_phone=phone,
        contact_email=email,
        is_identity_hidden=hidden,
        is_public=draft.is_public,
        submitted_at=now,
    )
    # Deadlines before the first flush: the petition is inserted with them,
    # not inserted and then updated.
    with db.session.no_autoflush:
        refresh_deadlines(petition)
    db.session.add(petition)
    petition.record(
        EventType.SUBMITTED,
        actor=actor if signed_in else None,
        to_status=PetitionStatus.RECEIVED,
        data={"channel": str(draft.channel)},
    )
    db.session.flush()
    return petition


def _require_handler(petition: Petition, actor: User) -> None:
    if not can_handle_petition(actor, petition):
        raise PermissionDenied()


def accept_petition(petition: Petition, *, actor: User, note: str | None = None) -> Petition:
    """Acknowledge receipt (tiếp nhận, thụ lý): the petition will be handled."""
    _require_handler(petition, actor)
    petition.change_status(
        PetitionStatus.ACCEPTED,
        event_type=EventType.ACCEPTED,
        actor=actor,
        note=vietnamese.clean(note, multiline=True) or None,
    )
    petition.acknowledged_at = clock.now()
    db.session.flush()
    refresh_deadlines(petition)  # the answer clock starts today
    notify_resident(
        petition, kind="accepted",
        subject=_("Phản ánh %(code)s đã được tiếp nhận", code=petition.tracking_code),
        body=_("Cơ quan đã tiếp nhận phản ánh «%(title)s». Hạn trả lời: %(due)s.",
               title=petition.title,
               due=petition.due_on.strftime("%d/%m/%Y") if petition.due_on else "—"),
    )
    return petition


def reject_petition(petition: Petition, *, actor: User, reason: str) -> Petition:
    """Decline to handle it, with a reason the resident will read."""
    _require_handler(petition, actor)
    reason = vietnamese.clean(reason, multiline=True) or ""
    if len(reason) < REASON_MIN:
        raise RuleViolation(
            _("Vui lòng ghi rõ lý do không tiếp nhận (ít nhất %(n)d ký tự).", n=REASON_MIN),
            field="reason",
        )
    petition.change_status(
        PetitionStatus.REJECTED, event_type=EventType.REJECTED, actor=actor, note=reason
    )
    now = clock.now()
    petition.acknowledged_at = now
    petition.closed_at = now
    notify_resident(
        petition, kind="rejected",
        subject=_("Phản ánh %(code)s không được tiếp nhận", code=petition.tracking_code),
        body=reason,
    )
    db.session.flush()
    return petition
