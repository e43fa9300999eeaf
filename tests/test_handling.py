"""One named holder at a time: assignment, transfer, send-back, extensions,
pauses, and who may do each."""

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import Role
from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.handling import services as handling
from portal.handling.models import Assignment, CustodyEnd, ExtensionStatus
from portal.notifications.models import Notification
from portal.petitions.models import EventType, PetitionKind, PetitionStatus
from portal.petitions.services import accept_petition
from tests.scenarios import accept, assign, at, submit


def notes_for(user):
    return db.session.scalars(sa.select(Notification.kind).where(Notification.user_id == user.id)).all()


def test_leader_assigns_one_office_and_one_named_official(world, accepted):
    assign(world, accepted)
    assert accepted.status == PetitionStatus.IN_PROGRESS
    assert (accepted.office, accepted.assignee) == (world.office_a, world.official)
    [custody] = handling.custody_chain(accepted)
    assert custody.assigned_by == world.leader and custody.is_current
    event = accepted.events[-1]
    assert event.type == EventType.ASSIGNED and event.is_public
    assert event.data["office"] == "UBND phường Hoàn Kiếm"
    assert event.data["assignee"] == "Trần Văn Minh"
    assert accepted.due_on == date(2026, 3, 23), "the due date comes from the rules"
    assert "assigned" in notes_for(world.official)


def test_only_leaders_or_officials_with_the_right_assign(world, accepted):
    with pytest.raises(PermissionDenied):
        handling.assign_petition(accepted, office=world.office_a, assignee=world.official,
                                 actor=world.official)
    world.official.grants[0].may_assign = True
    handling.assign_petition(accepted, office=world.office_a, assignee=world.official,
                             actor=world.official)
    assert accepted.status == PetitionStatus.IN_PROGRESS


def test_the_assignee_must_work_in_the_chosen_office(world, accepted):
    with pytest.raises(RuleViolation) as caught:
        handling.assign_petition(accepted, office=world.office_a, assignee=world.other_official,
                                 actor=world.leader)
    assert caught.value.field == "holder"


def test_a_petition_not_yet_acknowledged_cannot_be_assigned(world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    with pytest.raises(InvalidTransition):
        handling.assign_petition(petition, office=world.office_a, assignee=world.official,
                                 actor=world.leader)


def test_the_database_refuses_two_current_holders(world, accepted):
    assign(world, accepted)
    db.session.add(Assignment(petition_id=accepted.id, office=world.office_a,
                              assignee=world.leader, started_at=accepted.submitted_at))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_transfer_keeps_the_custody_chain(world, accepted, clock):
    assign(world, accepted)
    clock.set(at(date(2026, 3, 4)))
    with pytest.raises(RuleViolation):
        handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                                   actor=world.official, reason="ngắn")
    handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                               actor=world.official, reason="Tuyến phố thuộc địa bàn phường Ba Đình")
    db.session.commit()
    first, second = handling.custody_chain(accepted)
    assert first.end_reason == CustodyEnd.TRANSFERRED and first.ended_at == second.started_at
    assert second.previous == first and second.assignee == world.other_official
    assert accepted.assignee == world.other_official
    assert accepted.events[-1].type == EventType.TRANSFERRED
    assert accepted.events[-1].note == "Tuyến phố thuộc địa bàn phường Ba Đình"


def test_the_receiving_side_can_send_it_back_and_the_back_and_forth_stays_visible(world, accepted):
    assign(world, accepted)
    handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                               actor=world.official, reason="Thuộc địa bàn phường Ba Đình")
    db.session.commit()
    with pytest.raises(PermissionDenied):
        handling.send_back(accepted, actor=world.official, reason="Không phải việc của tôi nữa")
    handling.send_back(accepted, actor=world.other_official,
                       reason="Số nhà 12 thuộc phường Hoàn Kiếm, không thuộc Ba Đình")
    db.session.commit()
    chain = handling.custody_chain(accepted)
    assert [c.assignee for c in chain] == [world.official, world.other_official, world.official]
    assert [c.end_reason for c in chain] == [CustodyEnd.TRANSFERRED, CustodyEnd.SENT_BACK, None]
    assert [e.type for e in accepted.events if e.type in (EventType.TRANSFERRED, EventType.SENT_BACK)] == [
        EventType.TRANSFERRED, EventType.SENT_BACK]
    assert accepted.assignee == world.official


def test_a_directly_assigned_petition_has_nowhere_to_be_sent_back(world, accepted):
    assign(world, accepted)
    with pytest.raises(RuleViolation):
        handling.send_back(accepted, actor=world.official, reason="Không thuộc thẩm quyền xử lý")


def test_the_holder_can_see_it_even_in_another_unit(world, accepted):
    from portal.permissions import can_view_petition

    assign(world, accepted)
    assert not can_view_petition(world.other_official, accepted)
    handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                               actor=world.leader, reason="Thuộc địa bàn phường Ba Đình")
    assert can_view_petition(world.other_official, accepted)


def test_extension_requested_by_the_holder_and_decided_by_the_leader(world, accepted, clock):
    assign(world, accepted)
    with pytest.raises(PermissionDenied):
        handling.request_extension(accepted, actor=world.other_official, reason="Cần thêm thời gian")
    request = handling.request_extension(accepted, actor=world.official,
                                         reason="Chờ kết quả đo đạc của Sở Tài nguyên")
    db.session.commit()
    assert "extension_requested" in notes_for(world.leader)
    with pytest.raises(RuleViolation):
        handling.request_extension(accepted, actor=world.official, reason="Đề nghị thêm lần nữa")
    with pytest.raises(PermissionDenied):
        handling.decide_extension(request, accepted, actor=world.official, approve=True)
    clock.set(at(date(2026, 3, 10)))
    handling.decide_extension(request, accepted, actor=world.leader, approve=True)
    db.session.commit()
    assert request.status == ExtensionStatus.APPROVED
    # Feedback: one extension of 10 working days after 23/03.
    assert accepted.due_on == date(2026, 4, 6)
    assert accepted.events[-1].data["from"] == "2026-03-23"
    with pytest.raises(RuleViolation, match="1 lần"):
        handling.request_extension(accepted, actor=world.official, reason="Lần thứ hai xin gia hạn")


def test_refusing_an_extension_needs_a_reason(world, accepted):
    assign(world, accepted)
    request = handling.request_extension(accepted, actor=world.official, reason="Cần thêm thời gian")
    with pytest.raises(RuleViolation):
        handling.decide_extension(request, accepted, actor=world.leader, approve=False)
    handling.decide_extension(request, accepted, actor=world.leader, approve=False,
                              note="Việc đơn giản, đủ thời gian")
    assert request.status == ExtensionStatus.REFUSED
    assert accepted.due_on == date(2026, 3, 23)


def test_complaints_cannot_be_extended_but_can_be_marked_complex(world, clock):
    petition = submit(world, clock, date(2026, 3, 1), kind=PetitionKind.COMPLAINT)
    accept(world, clock, petition, date(2026, 3, 2))
    assign(world, petition)
    with pytest.raises(RuleViolation, match="không được gia hạn"):
        handling.request_extension(petition, actor=world.official, reason="Vụ việc nhiều tình tiết")
    with pytest.raises(PermissionDenied):
        handling.mark_complex(petition, actor=world.official, reason="Nhiều người liên quan")
    handling.mark_complex(petition, actor=world.leader, reason="Nhiều hộ dân liên quan")
    assert petition.due_on == date(2026, 4, 16)
    assert petition.events[-1].data == {"from": "2026-04-01", "to": "2026-04-16"}


def test_denunciations_allow_two_extensions_of_thirty_days(world, clock):
    petition = submit(world, clock, date(2026, 3, 1), kind=PetitionKind.DENUNCIATION)
    accept(world, clock, petition, date(2026, 3, 2))
    assign(world, petition)
    # 02/03 + 30 = 01/04. +30 = 01/05 (Labour Day, then a weekend): due 04/05.
    # The second +30 counts from the nominal 01/05, not from the moved 04/05:
    # 31/05 is a Sunday, so 01/06 — moves off days off never compound.
    for expected in (date(2026, 5, 4), date(2026, 6, 1)):
        request = handling.request_extension(petition, actor=world.official,
                                             reason="Cần xác minh thêm tài liệu")
        handling.decide_extension(request, petition, actor=world.leader, approve=True)
        assert petition.due_on == expected
    with pytest.raises(RuleViolation):
        handling.request_extension(petition, actor=world.official, reason="Lần thứ ba xin gia hạn")


def test_a_pause_stops_the_clock_and_tells_the_resident(world, accepted, clock):
    assign(world, accepted)
    clock.set(at(date(2026, 3, 5)))
    handling.pause_petition(accepted, actor=world.official,
                            reason="Đề nghị ông/bà bổ sung ảnh chụp vị trí cống bị vỡ")
    db.session.commit()
    assert accepted.status == PetitionStatus.PAUSED
    assert accepted.deadline_state(date(2026, 4, 30)).value == "paused"
    resident_mail = db.session.scalar(sa.select(Notification).where(Notification.kind == "paused"))
    assert resident_mail.email == "an@example.com"
    clock.set(at(date(2026, 3, 12)))  # resumed a week later: 5 working days paused
    handling.resume_petition(accepted, actor=world.official, note="Đã nhận ảnh bổ sung")
    db.session.commit()
    assert accepted.status == PetitionStatus.IN_PROGRESS
    assert accepted.due_on == date(2026, 3, 30)
    assert accepted.events[-1].type == EventType.RESUMED
    assert accepted.events[-1].data == {"from": "2026-03-23", "to": "2026-03-30"}


def test_officials_outside_the_petition_cannot_pause(world, accepted, colleague):
    assign(world, accepted)
    with pytest.raises(PermissionDenied):
        handling.pause_petition(accepted, actor=colleague, reason="Chờ người dân bổ sung giấy tờ")


def test_holder_choices_cover_the_province(world, accepted):
    grants = handling.holder_grants(accepted)
    holders = {(g.office.name, g.user.full_name) for g in grants}
    assert ("UBND phường Hoàn Kiếm", "Trần Văn Minh") in holders
    assert ("UBND phường Ba Đình", "Lê Thị Hoa") in holders
    assert all(g.role != Role.INSPECTOR for g in grants)


def test_rejected_or_accepted_only_via_the_table(world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    accept_petition(petition, actor=world.official)
    with pytest.raises(InvalidTransition):
        handling.pause_petition(petition, actor=world.leader, reason="Chờ người dân bổ sung")


def test_a_new_holder_does_not_inherit_pending_work(world, accepted):
    from portal.answers.models import ResponseStatus
    from portal.answers.services import submit_answer, working_response

    assign(world, accepted)
    submit_answer(accepted, actor=world.official, body="Dự thảo của cán bộ cũ, chờ lãnh đạo duyệt.")
    request = handling.request_extension(accepted, actor=world.official, reason="Cần thêm thời gian")
    handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                               actor=world.leader, reason="Thuộc địa bàn phường Ba Đình")
    assert request.status == ExtensionStatus.WITHDRAWN
    assert working_response(accepted).status == ResponseStatus.DRAFT
    assert handling.pending_extension(accepted) is None
    submit_answer(accepted, actor=world.other_official, body="Câu trả lời của cán bộ mới nhận hồ sơ.")
    assert working_response(accepted).author_id == world.other_official.id


def test_an_extension_cannot_be_decided_once_answered(world, accepted):
    from portal.answers.services import submit_answer

    assign(world, accepted)
    request = handling.request_extension(accepted, actor=world.official, reason="Cần thêm thời gian")
    submit_answer(accepted, actor=world.leader, body="Đã xử lý xong, trả lời người dân.")
    assert request.status == ExtensionStatus.WITHDRAWN, "the answer made it moot"
    with pytest.raises(RuleViolation):
        handling.decide_extension(request, accepted, actor=world.leader, approve=True)
    assert accepted.due_on == date(2026, 3, 23)


def test_send_back_only_returns_a_transfer_to_its_sender(world, accepted, colleague):
    assign(world, accepted)
    handling.assign_petition(accepted, office=world.office_a, assignee=colleague, actor=world.leader)
    with pytest.raises(RuleViolation):  # a leader's reassignment is not a transfer
        handling.send_back(accepted, actor=colleague, reason="Không muốn nhận hồ sơ này")
    assert handling.transfer_sender(handling.current_assignment(accepted)) is None


def test_send_back_is_not_offered_to_oneself_after_a_reopening(world, accepted):
    from portal.answers.services import rate_answer, submit_answer

    assign(world, accepted)
    handling.transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                               actor=world.official, reason="Thuộc địa bàn phường Ba Đình")
    submit_answer(accepted, actor=world.leader, body="Đã xử lý xong, trả lời người dân.")
    rate_answer(accepted, satisfied=False, comment="Chưa giải quyết triệt để", actor=None)
    assert accepted.assignee == world.other_official
    assert handling.transfer_sender(handling.current_assignment(accepted)) is None


def test_a_reopening_starts_a_new_extension_allowance(world, accepted, clock):
    from portal.answers.services import rate_answer, submit_answer

    assign(world, accepted)
    request = handling.request_extension(accepted, actor=world.official, reason="Cần thêm thời gian")
    handling.decide_extension(request, accepted, actor=world.leader, approve=True)
    clock.set(at(date(2026, 3, 20)))
    submit_answer(accepted, actor=world.leader, body="Đã xử lý xong, trả lời người dân.")
    rate_answer(accepted, satisfied=False, comment="Chưa giải quyết triệt để", actor=None)
    assert accepted.due_on == date(2026, 4, 10)  # 15 working days from 20/03
    assert handling.may_request_extension(accepted)
    again = handling.request_extension(accepted, actor=world.official, reason="Cần đo đạc lại")
    handling.decide_extension(again, accepted, actor=world.leader, approve=True)
    assert accepted.due_on == date(2026, 4, 24)
