"""The room: petitions raised at a session, and questions sent to it
beforehand, answered there or committed to one office and one named
official with a promised date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.answers import services as answers
from portal.deadlines.services import record_changes, refresh_deadlines
from portal.dialogues.models import (
    DialogueSession,
    ItemOutcome,
    ItemStage,
    SessionItem,
    SessionStatus,
)
from portal.dialogues.services import day_text, has_started, require_manager
from portal.errors import RuleViolation
from portal.extensions import db
from portal.handling import services as handling
from portal.petitions import services as petitions
from portal.petitions.models import Channel, Petition, PetitionKind, PetitionStatus
from portal.units.models import Office

PROMISE_MAX_DAYS = 366


@dataclass
class RaisedPetition:
    """What is typed in the room for one petition raised on the spot."""

    title: str
    body: str
    category: object
    speaker_name: str | None = None
    speaker_phone: str | None = None
    kind: PetitionKind = PetitionKind.RECOMMENDATION


def may_record_raised(session: DialogueSession) -> bool:
    return session.status == SessionStatus.HELD or (
        session.status == SessionStatus.ANNOUNCED and has_started(session))


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
    require_manager(session, actor)
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
    where = _("Tại hội nghị đối thoại ngày %(day)s.", day=day_text(clock.local_date(session.starts_at)))
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


def record_raised(session: DialogueSession, raised: RaisedPetition, outcome: Outcome, *,
                  actor: User) -> SessionItem:
    """A petition raised in the room becomes a petition of the commune
    (channel "session"), acknowledged at once, and either answered there
    (an answer given at the session) or committed to one office and one
    named official with a promised date."""
    _check_outcome(session, outcome, actor)
    draft = petitions.PetitionDraft(
        title=raised.title, body=raised.body, kind=raised.kind, category=raised.category,
        unit=session.unit, contact_name=raised.speaker_name, contact_phone=raised.speaker_phone,
        # Said aloud at a public meeting: the matter (never the speaker) is public.
        is_public=True, channel=Channel.SESSION,
    )
    petition = petitions.submit_petition(draft, actor=None)
    item = SessionItem(session=session, petition=petition, stage=ItemStage.RAISED,
                       outcome=outcome.outcome, created_at=clock.now(), entered_by_id=actor.id)
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
