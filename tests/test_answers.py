"""Answers: who may write them, approval, publication, rating, reopening, closing."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from portal.answers import services as answers
from portal.answers.models import ResponseStatus
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling.models import CustodyEnd
from portal.handling.services import custody_chain, transfer_petition
from portal.notifications.models import Notification
from portal.petitions.models import EventType, PetitionStatus
from tests.scenarios import accept, assign, at, submit

ANSWER = ("Phường đã thay 3 bóng đèn ngõ 12 Hàng Bạc ngày 05/03/2026. "
          "Đề nghị ông/bà phản ánh tiếp nếu đèn còn hỏng.")


@pytest.fixture
def in_hand(world, accepted):
    assign(world, accepted)
    return accepted


def kinds_sent_to(address):
    return db.session.scalars(sa.select(Notification.kind).where(Notification.email == address)).all()


def test_only_the_holder_or_a_leader_may_answer(world, in_hand, colleague):
    for outsider in (colleague, world.other_official, world.inspector, world.admin, world.resident):
        with pytest.raises(PermissionDenied):
            answers.submit_answer(in_hand, actor=outsider, body=ANSWER)
    answers.save_draft(in_hand, actor=world.official, body=ANSWER)
    answers.save_draft(in_hand, actor=world.leader, body=ANSWER + " (lãnh đạo sửa)")


def test_after_a_transfer_the_former_holder_may_no_longer_answer(world, in_hand):
    transfer_petition(in_hand, office=world.office_b, assignee=world.other_official,
                      actor=world.leader, reason="Thuộc địa bàn phường Ba Đình")
    with pytest.raises(PermissionDenied):
        answers.submit_answer(in_hand, actor=world.official, body=ANSWER)


def test_answer_goes_to_the_leader_then_to_the_resident(world, in_hand, clock):
    clock.set(at(date(2026, 3, 10)))
    response = answers.submit_answer(in_hand, actor=world.official, body=ANSWER)
    db.session.commit()
    assert response.status == ResponseStatus.PENDING_APPROVAL
    assert in_hand.status == PetitionStatus.IN_PROGRESS
    assert "answer_submitted" in db.session.scalars(
        sa.select(Notification.kind).where(Notification.user_id == world.leader.id)).all()
    with pytest.raises(RuleViolation):
        answers.save_draft(in_hand, actor=world.official, body=ANSWER + " sửa")
    with pytest.raises(PermissionDenied):
        answers.approve_answer(in_hand, actor=world.official)

    answers.approve_answer(in_hand, actor=world.leader)
    db.session.commit()
    assert response.status == ResponseStatus.PUBLISHED
    assert response.approved_by_id == world.leader.id
    assert in_hand.status == PetitionStatus.ANSWERED
    assert custody_chain(in_hand)[-1].end_reason == CustodyEnd.ANSWERED
    assert in_hand.events[-1].type == EventType.ANSWER_PUBLISHED and in_hand.events[-1].is_public
    assert [e.is_public for e in in_hand.events if e.type in (
        EventType.ANSWER_DRAFTED, EventType.ANSWER_SUBMITTED)] == [False, False]
    assert "answered" in kinds_sent_to("an@example.com")


def test_a_returned_draft_goes_back_to_its_author(world, in_hand):
    answers.submit_answer(in_hand, actor=world.official, body=ANSWER)
    with pytest.raises(RuleViolation):
        answers.return_answer(in_hand, actor=world.leader, note="sửa")
    response = answers.return_answer(in_hand, actor=world.leader,
                                     note="Ghi rõ ngày thay bóng đèn và đơn vị thực hiện")
    assert response.status == ResponseStatus.DRAFT and response.return_note
    again = answers.submit_answer(in_hand, actor=world.official, body=ANSWER + " Đơn vị: Công ty chiếu sáng.")
    assert again.id == response.id and again.status == ResponseStatus.PENDING_APPROVAL


def test_without_required_approval_the_answer_is_published_at_once(world, in_hand):
    world.commune_a.requires_answer_approval = False
    answers.submit_answer(in_hand, actor=world.official, body=ANSWER)
    assert in_hand.status == PetitionStatus.ANSWERED


def test_a_leader_answering_publishes_directly(world, in_hand):
    answers.submit_answer(in_hand, actor=world.leader, body=ANSWER)
    assert in_hand.status == PetitionStatus.ANSWERED


def publish(world, petition):
    answers.submit_answer(petition, actor=world.leader, body=ANSWER)
    db.session.commit()


def test_satisfied_resident_closes_it(world, in_hand):
    publish(world, in_hand)
    answers.rate_answer(in_hand, satisfied=True, comment=None, actor=None)
    db.session.commit()
    assert in_hand.status == PetitionStatus.CLOSED and in_hand.closed_at
    assert [e.type for e in in_hand.events[-2:]] == [EventType.RATED, EventType.CLOSED]
    assert "closed" in kinds_sent_to("an@example.com")
    with pytest.raises(RuleViolation):
        answers.rate_answer(in_hand, satisfied=False, comment="Đổi ý, chưa hài lòng", actor=None)


def test_not_satisfied_reopens_it_to_the_same_official_with_a_new_deadline(world, in_hand, clock):
    clock.set(at(date(2026, 3, 10)))
    publish(world, in_hand)
    clock.set(at(date(2026, 3, 12)))
    with pytest.raises(RuleViolation) as caught:
        answers.rate_answer(in_hand, satisfied=False, comment="", actor=None)
    assert caught.value.field == "comment"
    answers.rate_answer(in_hand, satisfied=False, actor=None,
                        comment="Đèn vẫn hỏng, tối qua ngõ vẫn không có điện")
    db.session.commit()
    assert in_hand.status == PetitionStatus.IN_PROGRESS
    assert (in_hand.office, in_hand.assignee) == (world.office_a, world.official)
    chain = custody_chain(in_hand)
    assert chain[-1].is_current and chain[-1].previous == chain[-2]
    assert in_hand.events[-1].type == EventType.REOPENED
    # A new answer clock from the reopening: 15 working days from 12/03.
    assert in_hand.due_on == date(2026, 4, 2)
    assert "reopened" in db.session.scalars(
        sa.select(Notification.kind).where(Notification.user_id == world.official.id)).all()
    # Answered again, then closed: the whole story stays in the history.
    answers.submit_answer(in_hand, actor=world.leader, body=ANSWER + " Đã thay dây điện.")
    answers.rate_answer(in_hand, satisfied=True, comment="Cảm ơn phường", actor=None)
    types = [e.type for e in in_hand.events]
    assert types.count(EventType.ANSWER_PUBLISHED) == 2 and types[-1] == EventType.CLOSED


def test_rating_is_for_the_account_that_sent_it(world, clock):
    petition = submit(world, clock, date(2026, 3, 2), submitter=world.resident)
    accept(world, clock, petition, date(2026, 3, 2))
    assign(world, petition)
    publish(world, petition)
    with pytest.raises(PermissionDenied):
        answers.rate_answer(petition, satisfied=True, comment=None, actor=None)
    with pytest.raises(PermissionDenied):
        answers.rate_answer(petition, satisfied=True, comment=None, actor=world.other_resident)
    answers.rate_answer(petition, satisfied=True, comment=None, actor=world.resident)
    assert petition.status == PetitionStatus.CLOSED


def test_the_rating_window_closes_unrated_answers(world, in_hand, clock, app):
    clock.set(at(date(2026, 3, 10)))
    publish(world, in_hand)
    window = app.config["RATING_WINDOW_DAYS"]
    clock.set(at(date(2026, 3, 10) + timedelta(days=window)))
    assert answers.close_unrated() == 0
    clock.set(at(date(2026, 3, 10) + timedelta(days=window + 1)))
    with pytest.raises(RuleViolation):
        answers.rate_answer(in_hand, satisfied=False, comment="Quá hạn mới đánh giá", actor=None)
    assert answers.close_unrated() == 1
    db.session.commit()
    assert in_hand.status == PetitionStatus.CLOSED
    assert answers.close_unrated() == 0, "running it again changes nothing"


@pytest.mark.parametrize("who", ["official", "leader", "inspector", "other_official"])
def test_staff_cannot_rate_an_anonymous_petition(world, in_hand, who):
    publish(world, in_hand)
    if who == "other_official":  # holding it after a transfer
        in_hand.assignee = world.other_official
    with pytest.raises(PermissionDenied):
        answers.rate_answer(in_hand, satisfied=True, comment=None, actor=getattr(world, who))
    assert in_hand.status == PetitionStatus.ANSWERED
