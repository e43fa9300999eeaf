"""Writes for dialogue sessions: plan, agenda, announce, hold, record what is
raised, minutes, publish the conclusion; residents' questions and requests.

Each use case takes the actor explicitly, checks permission and rules,
changes state and flushes; the caller commits once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import Role, RoleGrant, User
from portal.answers import services as answers
from portal.deadlines.services import record_changes, refresh_deadlines
from portal.dialogues import minutes, rules
from portal.dialogues.models import (
    EDITABLE_STATUSES,
    AgendaItem,
    DialogueSession,
    ItemOutcome,
    ItemStage,
    SessionFormat,
    SessionItem,
    SessionRequest,
    SessionStatus,
)
from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling import services as handling
from portal.notifications.services import (
    inspectors_of_unit,
    leaders_of_unit,
    notify_resident,
    notify_user,
    path_for,
)
from portal.permissions import can_manage_session, can_set_voters, scope_of
from portal.petitions import services as petitions
from portal.petitions.models import OPEN_STATUSES, Channel, Petition, PetitionKind, PetitionStatus
from portal.units.models import COMMUNE_KINDS, Office, Unit

TITLE_MAX = 200
AGENDA_TITLE_MAX = 300
REASON_MIN = 10
CONCLUSION_MIN = 20
MINUTES_MAX = 100_000
PROMISE_MAX_DAYS = 366


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


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _require_manager(session: DialogueSession, actor: User) -> None:
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Chỉ lãnh đạo của xã, phường được quản lý hội nghị đối thoại này."))


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
    _require_manager(session, actor)
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
            _flag_late_notice(session)
        _tell_askers(session, kind="session_moved",
                     subject=_("Hội nghị đối thoại «%(title)s» đổi thời gian", title=session.title),
                     body=_("Hội nghị bạn gửi câu hỏi nay tổ chức lúc %(when)s.",
                            when=session.starts_at.astimezone(clock.VIETNAM)
                            .strftime("%H:%M %d/%m/%Y")))
    db.session.flush()
    return session


def _tell_askers(session: DialogueSession, *, kind: str, subject: str, body: str) -> None:
    """Residents who sent a question (and left an e-mail) hear of a change."""
    for item in session.items:
        if item.stage == ItemStage.QUESTION:
            notify_resident(item.petition, kind=kind, subject=subject, body=body)


# Agenda --------------------------------------------------------------------

def _renumber(session: DialogueSession) -> None:
    for position, item in enumerate(session.agenda, start=1):
        item.position = position


def add_agenda_item(session: DialogueSession, *, title: str, starts: time | None,
                    ends: time | None, presenter: str, actor: User) -> AgendaItem:
    _require_manager(session, actor)
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
    _require_manager(session, actor)
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
    _require_manager(session, actor)
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
        _require_manager(session, actor)
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


# Status ----------------------------------------------------------------------

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
    _require_manager(session, actor)
    if not session.agenda:
        raise RuleViolation(_("Vui lòng lập chương trình (ít nhất một mục) trước khi thông báo."))
    if session.starts_at <= clock.now():
        raise RuleViolation(_("Thời gian tổ chức đã qua; vui lòng sửa lại thời gian trước khi "
                              "thông báo."))
    session.change_status(SessionStatus.ANNOUNCED)
    session.announced_at = clock.now()
    rules.apply_clocks(session)
    if session.is_notice_late:
        _flag_late_notice(session)
    db.session.flush()
    return session


def _flag_late_notice(session: DialogueSession) -> None:
    _flag(session, kind="session_notice_late",
          subject=_("Hội nghị đối thoại «%(title)s» thông báo muộn", title=session.title),
          body=_("Hạn thông báo là %(due)s (ít nhất %(n)d ngày trước ngày tổ chức %(day)s) "
                 "nhưng thông báo được đăng ngày %(today)s.",
                 due=_day(session.notice_due_on), n=session.rule.notice_days,
                 day=_day(clock.local_date(session.starts_at)),
                 today=_day(clock.today_in_vietnam())))


def cancel_session(session: DialogueSession, *, actor: User, reason: str) -> DialogueSession:
    _require_manager(session, actor)
    reason = vietnamese.clean(reason, multiline=True) or ""
    if len(reason) < REASON_MIN:
        raise RuleViolation(_("Vui lòng ghi rõ lý do (ít nhất %(n)d ký tự).", n=REASON_MIN),
                            field="reason")
    if session.status == SessionStatus.ANNOUNCED and _has_started(session):
        # What was raised on the day must still be reported and published.
        raise RuleViolation(_("Hội nghị đã đến ngày tổ chức, không huỷ được; hãy xác nhận đã tổ "
                              "chức và công bố kết quả."))
    session.change_status(SessionStatus.CANCELLED)
    session.cancel_reason = reason
    _tell_askers(session, kind="session_cancelled",
                 subject=_("Hội nghị đối thoại «%(title)s» bị huỷ", title=session.title),
                 body=_("%(reason)s\n\nCâu hỏi của bạn vẫn được giải quyết như một phản ánh, "
                        "kiến nghị; theo dõi bằng mã đã nhận.", reason=reason))
    db.session.flush()
    return session


def _has_started(session: DialogueSession) -> bool:
    return clock.today_in_vietnam() >= clock.local_date(session.starts_at)


def record_held(session: DialogueSession, *, attendance: int | None, organisations: str,
                actor: User) -> DialogueSession:
    """The session took place: how many came and which bodies attended.
    Residents' pending requests for a session are answered by it."""
    _require_manager(session, actor)
    if not session.may_become(SessionStatus.HELD):
        raise InvalidTransition(session.status, SessionStatus.HELD)
    if not _has_started(session):
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
    _require_manager(session, actor)
    if not (session.status == SessionStatus.HELD
            or (session.status == SessionStatus.ANNOUNCED and _has_started(session))):
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
    _require_manager(session, actor)
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
                              day=_day(held_on)), field="issued_on")
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
                     due=_day(session.results_due_on), today=_day(today)))
    db.session.flush()
    return session


# Petitions at the session ------------------------------------------------------

@dataclass
class RaisedPetition:
    """What is typed in the room for one petition raised on the spot."""

    title: str
    body: str
    category: object
    outcome: ItemOutcome
    speaker_name: str | None = None
    speaker_phone: str | None = None
    answer: str | None = None
    office: Office | None = None
    official: User | None = None
    promised_on: date | None = None
    kind: PetitionKind = PetitionKind.RECOMMENDATION


def may_record_raised(session: DialogueSession) -> bool:
    return session.status == SessionStatus.HELD or (
        session.status == SessionStatus.ANNOUNCED and _has_started(session))


@dataclass
class Outcome:
    """What the room decided on one petition: answered there (with the
    answer), or a commitment (with its date); either way one office and one
    named official."""

    outcome: ItemOutcome
    office: Office | None
    official: User | None
    answer: str | None = None
    promised_on: date | None = None


def _check_outcome(session: DialogueSession, outcome: Outcome, actor: User) -> None:
    _require_manager(session, actor)
    if not may_record_raised(session):
        raise RuleViolation(_("Chỉ ghi ý kiến tại hội nghị từ ngày diễn ra đến khi công bố kết quả."))
    if outcome.outcome == ItemOutcome.ANSWERED:
        text = vietnamese.clean(outcome.answer, multiline=True) or ""
        if len(text) < answers.ANSWER_MIN:
            raise RuleViolation(_("Vui lòng ghi nội dung đã trả lời tại hội nghị (ít nhất "
                                  "%(n)d ký tự).", n=answers.ANSWER_MIN), field="answer")
    else:
        today = clock.today_in_vietnam()
        if outcome.promised_on is None or not (
                today <= outcome.promised_on <= today + timedelta(days=PROMISE_MAX_DAYS)):
            raise RuleViolation(_("Vui lòng chọn hạn hoàn thành từ hôm nay đến một năm "
                                  "sau."), field="promised_on")
    if outcome.office is None or outcome.official is None:
        raise RuleViolation(_("Vui lòng chọn cơ quan và cán bộ chịu trách nhiệm."), field="holder")


def _settle(session: DialogueSession, petition: Petition, outcome: Outcome, *,
            actor: User) -> None:
    """Acknowledge (if it still waits), give it to the holder, then answer
    it as given at the session or keep the promised date."""
    where = _("Tại hội nghị đối thoại ngày %(day)s.", day=_day(clock.local_date(session.starts_at)))
    if outcome.outcome == ItemOutcome.COMMITTED:
        petition.promised_on = outcome.promised_on
    if petition.status == PetitionStatus.RECEIVED:
        petitions.accept_petition(petition, actor=actor, note=where)
    elif outcome.outcome == ItemOutcome.COMMITTED:
        # Already acknowledged: the promise moves its answer deadline.
        record_changes(petition, refresh_deadlines(petition), actor=actor, reason=where)
    handling.assign_petition(petition, office=outcome.office, assignee=outcome.official,
                             actor=actor, note=where)
    if outcome.outcome == ItemOutcome.ANSWERED:
        response = answers.submit_answer(petition, actor=actor, body=outcome.answer or "")
        response.session_id = session.id


def record_raised(session: DialogueSession, raised: RaisedPetition, *, actor: User) -> SessionItem:
    """A petition raised in the room becomes a petition of the commune
    (channel "session"), acknowledged at once, and either answered there
    (an answer given at the session) or committed to one office and one
    named official with a promised date."""
    outcome = Outcome(outcome=raised.outcome, office=raised.office, official=raised.official,
                      answer=raised.answer, promised_on=raised.promised_on)
    _check_outcome(session, outcome, actor)
    draft = petitions.PetitionDraft(
        title=raised.title, body=raised.body, kind=raised.kind, category=raised.category,
        unit=session.unit, contact_name=raised.speaker_name, contact_phone=raised.speaker_phone,
        # Said aloud at a public meeting: the matter (never the speaker) is public.
        is_public=True, channel=Channel.SESSION,
    )
    petition = petitions.submit_petition(draft, actor=None)
    item = SessionItem(session=session, petition=petition, stage=ItemStage.RAISED,
                       outcome=raised.outcome, created_at=clock.now(), entered_by_id=actor.id)
    db.session.add(item)
    _settle(session, petition, outcome, actor=actor)
    db.session.flush()
    return item


def open_questions(session: DialogueSession) -> list[SessionItem]:
    """Questions sent beforehand that the room can still settle: no outcome
    yet and not yet given to anyone."""
    return [item for item in session.items
            if item.stage == ItemStage.QUESTION and item.outcome is None
            and item.petition.status in (PetitionStatus.RECEIVED, PetitionStatus.ACCEPTED)]


def settle_question(session: DialogueSession, item: SessionItem, outcome: Outcome, *,
                    actor: User) -> SessionItem:
    """A question sent beforehand, answered in the room or made a
    commitment, like a point raised there; its sender keeps the same
    tracking code."""
    _check_outcome(session, outcome, actor)
    if item not in open_questions(session):
        raise RuleViolation(_("Câu hỏi này đã có kết quả hoặc đã được giao xử lý; hãy theo dõi "
                              "trên trang phản ánh."))
    item.outcome = outcome.outcome
    item.entered_by_id = actor.id
    _settle(session, item.petition, outcome, actor=actor)
    db.session.flush()
    return item


def send_question(session: DialogueSession, draft: petitions.PetitionDraft, *,
                  actor: User | None) -> Petition:
    """A resident sends a question to an announced session before it starts;
    it is a petition of the commune like any other, tied to the session."""
    if session.status != SessionStatus.ANNOUNCED or session.starts_at <= clock.now():
        raise RuleViolation(_("Hội nghị này không còn nhận câu hỏi gửi trước."))
    draft.unit = session.unit
    draft.channel = Channel.SESSION
    petition = petitions.submit_petition(draft, actor=actor)
    db.session.add(SessionItem(session=session, petition=petition, stage=ItemStage.QUESTION,
                               created_at=clock.now()))
    db.session.flush()
    return petition


# Residents' requests and the voters' roll -------------------------------------------

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
        link = path_for("dialogues_staff.commune", unit_id=unit.id)
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
