"""Dialogue sessions, service layer: planning, the compliance clocks, what is
raised in the room, the conclusion and how commitments come back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from portal.accounts.models import Role
from portal.answers.models import Response
from portal.dialogues import compliance, minutes, planning, room, rules, services, session_requests
from portal.dialogues.models import (
    DialogueSession,
    Flag,
    ItemOutcome,
    ItemStage,
    SessionFormat,
    SessionStatus,
)
from portal.dialogues.reminders import remind_sessions
from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.notifications.models import Notification
from portal.permissions import staff_scope
from portal.petitions.models import Channel, PetitionKind, PetitionStatus
from portal.petitions.services import PetitionDraft
from tests import factories
from tests.scenarios import at, planned, raise_in_room, session_details

TODAY = date(2026, 3, 2)
SESSION_DAY = date(2026, 3, 20)


def _notified(kind: str) -> set[int]:
    return set(db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == kind)))


def _held(world, clock, session, day=SESSION_DAY):
    """Announced in time, then recorded as held at noon on the day."""
    if session.status == SessionStatus.DRAFT:
        clock.set(at(day - timedelta(days=8)))
        services.announce_session(session, actor=world.leader)
    clock.set(at(day, 12))
    services.record_held(session, attendance=120, organisations="Ủy ban MTTQ phường",
                         actor=world.leader)
    db.session.commit()
    return session


# Planning ------------------------------------------------------------------------

def test_a_leader_plans_a_draft_session_with_its_clocks(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    assert session.status == SessionStatus.DRAFT
    assert session.notice_due_on == SESSION_DAY - timedelta(days=7)
    assert session.results_due_on == SESSION_DAY + timedelta(days=10)
    assert session.rule.legal_basis.startswith("Luật Tổ chức chính quyền địa phương")
    assert session.co_chair_lines == ["Bà Lê Thị Thu – Chủ tịch Ủy ban MTTQ phường",
                                      "Ông Trần Văn Nam – Thường trực HĐND phường"]


@pytest.mark.parametrize("persona", ["official", "inspector", "admin", "resident"])
def test_only_leaders_plan_sessions(world, clock, persona):
    clock.set(at(TODAY))
    with pytest.raises(PermissionDenied):
        planning.plan_session(world.commune_a, session_details(world, SESSION_DAY),
                              actor=getattr(world, persona))


def test_a_leader_cannot_plan_for_another_commune(world, clock):
    clock.set(at(TODAY))
    with pytest.raises(PermissionDenied):
        planning.plan_session(world.commune_b, session_details(world, SESSION_DAY),
                              actor=world.leader)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"starts_at": at(date(2026, 3, 1))}, "starts_on"),
    ({"format": SessionFormat.ONLINE, "online_link": "javascript:alert(1)"}, "online_link"),
    ({"format": SessionFormat.IN_PERSON, "venue": "  "}, "venue"),
    ({"title": ""}, "title"),
])
def test_planning_explains_what_is_missing(world, clock, overrides, field):
    clock.set(at(TODAY))
    with pytest.raises(RuleViolation) as caught:
        planning.plan_session(world.commune_a, session_details(world, SESSION_DAY, **overrides),
                              actor=world.leader)
    assert caught.value.field == field


def test_the_chair_must_be_a_leader_of_the_commune(world, clock):
    clock.set(at(TODAY))
    with pytest.raises(RuleViolation) as caught:
        planning.plan_session(world.commune_a,
                              session_details(world, SESSION_DAY, chair=world.official),
                              actor=world.leader)
    assert caught.value.field == "chair"


def test_agenda_items_can_be_reordered_and_removed(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    second = planning.add_agenda_item(session, title="Người dân phát biểu", starts=None,
                                      ends=None, presenter="", actor=world.leader)
    planning.move_agenda_item(second, up=True, actor=world.leader)
    db.session.commit()
    assert [i.title for i in session.agenda][0] == "Người dân phát biểu"
    planning.remove_agenda_item(session.agenda[0], actor=world.leader)
    db.session.commit()
    assert [(i.position, i.title) for i in session.agenda] == [
        (1, "Báo cáo tình hình giải quyết kiến nghị")]


# Clocks --------------------------------------------------------------------------

def test_a_session_announced_three_days_ahead_is_flagged(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    clock.set(at(SESSION_DAY - timedelta(days=3)))
    services.announce_session(session, actor=world.leader)
    db.session.commit()
    assert session.is_notice_late
    assert session.flags(SESSION_DAY - timedelta(days=3)) == [Flag.NOTICE_LATE]
    # Told to the commune's leader and to the province's inspector.
    assert _notified("session_notice_late") == {world.leader.id, world.inspector.id}


def test_a_session_announced_in_time_is_not_flagged(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    clock.set(at(SESSION_DAY - timedelta(days=7)))
    services.announce_session(session, actor=world.leader)
    db.session.commit()
    assert not session.is_notice_late
    assert session.flags(SESSION_DAY) == []
    assert _notified("session_notice_late") == set()


def test_a_draft_past_its_notice_day_is_flagged_before_anyone_acts(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    assert session.flags(SESSION_DAY - timedelta(days=7)) == []
    assert session.flags(SESSION_DAY - timedelta(days=6)) == [Flag.NOTICE_LATE]


def test_an_empty_agenda_cannot_be_announced(world, clock):
    clock.set(at(TODAY))
    session = planning.plan_session(world.commune_a, session_details(world, SESSION_DAY),
                                    actor=world.leader)
    with pytest.raises(RuleViolation):
        services.announce_session(session, actor=world.leader)


def test_results_published_after_ten_days_are_flagged(world, clock):
    session = _held(world, clock, planned(world, clock, TODAY, SESSION_DAY))
    clock.set(at(SESSION_DAY + timedelta(days=11)))
    assert session.flags(SESSION_DAY + timedelta(days=11)) == [Flag.RESULTS_LATE]
    services.conclude_session(session, number="12/TB-UBND",
                              issued_on=SESSION_DAY + timedelta(days=11),
                              text="Hội nghị thống nhất các nội dung sau đây ...", actor=world.leader)
    db.session.commit()
    assert session.is_results_late and session.status == SessionStatus.CONCLUDED
    assert _notified("session_results_late") == {world.leader.id, world.inspector.id}


def test_a_province_rule_replaces_the_national_one_from_its_date(world, clock):
    clock.set(at(date(2026, 1, 5)))
    rules.add_rule_version(province=world.province, values={
        "notice_days": 10, "results_days": 10, "min_sessions_per_year": 2,
        "request_threshold_percent": 10}, valid_from=date(2026, 2, 1),
        legal_basis="Quyết định của UBND Thành phố Hà Nội", actor=world.admin)
    db.session.commit()
    assert rules.rule_for(world.commune_a, date(2026, 1, 31)).province_id is None
    assert rules.rule_for(world.commune_a, date(2026, 2, 1)).min_sessions_per_year == 2
    assert rules.rule_for(world.commune_c, date(2026, 2, 1)).province_id is None
    session = planned(world, clock, TODAY, SESSION_DAY)
    assert session.notice_due_on == SESSION_DAY - timedelta(days=10)


def test_a_rule_cannot_start_in_the_past(world, clock):
    clock.set(at(TODAY))
    with pytest.raises(RuleViolation) as caught:
        rules.add_rule_version(province=None, values={
            "notice_days": 5, "results_days": 10, "min_sessions_per_year": 1,
            "request_threshold_percent": 10}, valid_from=TODAY, legal_basis="Thử nghiệm",
            actor=world.admin)
    assert caught.value.field == "valid_from"


def test_statuses_follow_the_one_table(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    with pytest.raises(InvalidTransition):
        services.conclude_session(session, number="1/TB", issued_on=TODAY,
                                  text="Kết luận hội nghị đối thoại năm 2026", actor=world.leader)
    services.cancel_session(session, actor=world.leader, reason="Trùng lịch tiếp xúc cử tri")
    with pytest.raises(InvalidTransition):
        services.announce_session(session, actor=world.leader)


# Before the session -----------------------------------------------------------------

def _question(world, **overrides) -> PetitionDraft:
    values = {"title": "Khi nào lát lại vỉa hè phố Hàng Bông?",
              "body": "Vỉa hè phố Hàng Bông hỏng nhiều đoạn, người đi bộ dễ vấp ngã.",
              "kind": PetitionKind.RECOMMENDATION, "category": world.category, "unit": None,
              "contact_name": "Trần Thị Mai", "contact_email": "mai@example.com"}
    values.update(overrides)
    return PetitionDraft(**values)


def test_residents_send_questions_to_an_announced_session(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    petition = room.send_question(session, _question(world), actor=None)
    db.session.commit()
    assert petition.channel == Channel.SESSION and petition.unit == world.commune_a
    assert petition.status == PetitionStatus.RECEIVED and petition.tracking_code
    assert [i.petition for i in session.items if i.stage == ItemStage.QUESTION] == [petition]


def test_questions_are_refused_for_drafts_and_once_the_session_started(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    with pytest.raises(RuleViolation):
        room.send_question(session, _question(world), actor=None)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    with pytest.raises(RuleViolation):
        room.send_question(session, _question(world), actor=None)


# In the room -----------------------------------------------------------------------

def test_a_petition_answered_in_the_room_is_answered_at_the_session(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    item = raise_in_room(world, session, title="Đèn đường ngõ Tạm Thương hỏng", committed=False)
    petition = item.petition
    assert item.outcome == ItemOutcome.ANSWERED and item.stage == ItemStage.RAISED
    assert petition.status == PetitionStatus.ANSWERED and petition.channel == Channel.SESSION
    assert petition.is_public and petition.submitter_id is None
    response = db.session.scalar(sa.select(Response).where(Response.petition_id == petition.id))
    assert response.session_id == session.id and response.is_published


def test_a_commitment_goes_to_one_named_official_with_the_promised_date(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    promised = date(2026, 6, 30)  # beyond the rule's 15 working days: the promise holds
    item = raise_in_room(world, session, title="Cải tạo hệ thống thoát nước phố Hàng Bạc",
                         promised=promised)
    petition = item.petition
    assert petition.status == PetitionStatus.IN_PROGRESS
    assert (petition.office, petition.assignee) == (world.office_a, world.official)
    assert petition.due_on == promised
    assert petition.deadline_basis["answer"]["variant"] == "promised"


def test_the_promised_date_survives_recomputation_and_extensions_count_from_it(world, clock):
    from portal.deadlines.services import refresh_deadlines
    from portal.handling import services as handling

    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    petition = raise_in_room(world, session, title="Sửa mặt đường phố Hàng Gai",
                             promised=date(2026, 4, 30)).petition
    refresh_deadlines(petition)
    assert petition.due_on == date(2026, 4, 30)
    request = handling.request_extension(petition, actor=world.official,
                                         reason="Chờ vật liệu từ nhà thầu")
    handling.decide_extension(request, petition, approve=True, actor=world.leader)
    db.session.commit()
    assert petition.due_on > date(2026, 4, 30)


@pytest.mark.parametrize("promised", [None, date(2026, 3, 19), date(2027, 6, 1)])
def test_a_commitment_needs_a_date_from_today_to_within_a_year(world, clock, promised):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    with pytest.raises(RuleViolation) as caught:
        raise_in_room(world, session, title="Thiếu hạn", promised=promised)
    assert caught.value.field == "promised_on"


def test_nothing_is_raised_before_the_session_day(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    with pytest.raises(RuleViolation):
        raise_in_room(world, session, title="Quá sớm", promised=date(2026, 5, 1))


def test_another_communes_leader_cannot_record_in_the_room(world, clock):
    other_leader = factories.user(role=Role.LEADER, unit_scope=world.commune_b,
                                  office_scope=world.office_b)
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    with pytest.raises(PermissionDenied):
        services.record_held(session, attendance=10, organisations="", actor=other_leader)


# After: the conclusion and matters arising -----------------------------------------------

def test_the_full_cycle_puts_open_commitments_on_the_next_draft_agenda(world, clock, colleague):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    raise_in_room(world, session, title="Đèn đường ngõ Tạm Thương hỏng", committed=False)
    raise_in_room(world, session, title="Thoát nước phố Hàng Bạc", promised=date(2026, 5, 15))
    raise_in_room(world, session, title="Lấn chiếm vỉa hè phố Hàng Mã", who=colleague,
                  promised=date(2026, 4, 30))
    services.record_held(session, attendance=140, organisations="Ủy ban MTTQ phường\nCông an phường",
                         actor=world.leader)
    clock.set(at(SESSION_DAY + timedelta(days=5)))
    services.conclude_session(session, number="25/TB-UBND",
                              issued_on=SESSION_DAY + timedelta(days=5),
                              text="UBND phường tiếp thu, giao các cơ quan giải quyết như sau.",
                              actor=world.leader)
    db.session.commit()
    assert not session.is_results_late
    assert session.organisation_lines == ["Ủy ban MTTQ phường", "Công an phường"]

    later = planned(world, clock, SESSION_DAY + timedelta(days=6), date(2026, 9, 10))
    arising = [i for i in later.agenda if i.is_matter_arising]
    assert sorted(i.title for i in arising) == [
        "Lấn chiếm vỉa hè phố Hàng Mã", "Thoát nước phố Hàng Bạc"]
    assert later.agenda[0].is_matter_arising and later.agenda[1].is_matter_arising
    assert {i.presenter for i in arising} == {world.official.display_name,
                                              colleague.display_name}


def test_a_commitment_recorded_later_is_offered_to_drafts_already_planned(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    later = planned(world, clock, TODAY, date(2026, 9, 10))
    clock.set(at(SESSION_DAY, 9))
    raise_in_room(world, session, title="Thoát nước phố Hàng Bạc", promised=date(2026, 5, 15))
    assert [c.petition.title for c in planning.missing_matters(later)] == [
        "Thoát nước phố Hàng Bạc"]
    assert planning.add_matters_arising(later, actor=world.leader) == 1
    db.session.commit()
    assert [i.title for i in later.agenda if i.is_matter_arising] == ["Thoát nước phố Hàng Bạc"]
    # A line the leader removes stays removed until they add the matters again.
    planning.remove_agenda_item(later.agenda[0], actor=world.leader)
    clock.set(at(SESSION_DAY, 10))
    raise_in_room(world, session, title="Lấn chiếm vỉa hè", promised=date(2026, 5, 20))
    db.session.refresh(later)
    assert not any(i.is_matter_arising for i in later.agenda)
    assert len(planning.missing_matters(later)) == 2


def test_a_draft_cancelled_before_its_notice_never_becomes_public(world, clock):
    from portal.dialogues.queries import public_sessions

    session = planned(world, clock, TODAY, SESSION_DAY)
    services.cancel_session(session, actor=world.leader, reason="Trùng lịch tiếp xúc cử tri")
    db.session.commit()
    assert not session.is_public
    assert session not in db.session.scalars(public_sessions()).all()


def test_moving_an_announced_session_restarts_the_notice_clock(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)  # 18 days ahead: on time
    clock.set(at(SESSION_DAY - timedelta(days=1)))
    moved = session_details(world, SESSION_DAY + timedelta(days=1))
    planning.update_session(session, moved, actor=world.leader)
    db.session.commit()
    assert session.is_notice_late  # two days' notice of the new date
    assert _notified("session_notice_late") == {world.leader.id, world.inspector.id}


def test_a_session_never_recorded_as_held_is_flagged_after_the_results_day(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    db.session.commit()
    assert session.flags(SESSION_DAY + timedelta(days=10)) == []
    assert session.flags(SESSION_DAY + timedelta(days=11)) == [Flag.RESULTS_LATE]
    assert remind_sessions(SESSION_DAY + timedelta(days=11)).missed == 2


def test_a_session_cannot_be_cancelled_once_its_day_has_come(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    with pytest.raises(RuleViolation):
        services.cancel_session(session, actor=world.leader, reason="Mưa bão, không tổ chức được")


def test_finished_commitments_are_no_longer_matters_arising(world, clock):
    from portal.answers import services as answers

    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    clock.set(at(SESSION_DAY, 9))
    petition = raise_in_room(world, session, title="Thoát nước phố Hàng Bạc",
                             promised=date(2026, 5, 15)).petition
    answers.submit_answer(petition, actor=world.leader,
                          body="Đã nạo vét toàn bộ cống thoát nước phố Hàng Bạc.")
    db.session.commit()
    later = planned(world, clock, SESSION_DAY + timedelta(days=1), date(2026, 9, 10))
    assert not any(i.is_matter_arising for i in later.agenda)


def test_the_conclusion_needs_a_number_and_a_date_from_the_session_day(world, clock):
    session = _held(world, clock, planned(world, clock, TODAY, SESSION_DAY))
    with pytest.raises(RuleViolation) as caught:
        services.conclude_session(session, number="3/TB", issued_on=SESSION_DAY - timedelta(1),
                                  text="Kết luận hội nghị đối thoại năm 2026", actor=world.leader)
    assert caught.value.field == "issued_on"
    with pytest.raises(RuleViolation) as caught:
        services.conclude_session(session, number=" ", issued_on=SESSION_DAY,
                                  text="Kết luận hội nghị đối thoại năm 2026", actor=world.leader)
    assert caught.value.field == "number"


def test_minutes_keep_formatting_and_drop_anything_else(world, clock):
    session = _held(world, clock, planned(world, clock, TODAY, SESSION_DAY))
    services.save_record(session, attendance=130, organisations="", conclusion_text="",
                         minutes_source="## Phần 1\n**Ông Tư** hỏi <script>alert(1)</script> "
                                        "[xem](javascript:alert(1))\n\n- Ý 1",
                         actor=world.leader)
    html = session.minutes_html
    assert "<h2>Phần 1</h2>" in html and "<strong>Ông Tư</strong>" in html
    assert "<script" not in html and 'href="javascript' not in html
    assert minutes.render("<img src=x onerror=alert(1)>").count("<img") == 0


# Residents' requests -----------------------------------------------------------------

def test_requests_reaching_the_share_of_voters_alert_leaders_and_inspectors(world, clock):
    clock.set(at(TODAY))
    world.commune_a.voter_count = 25  # 10% -> 3 requests
    residents = [world.resident, world.other_resident, factories.user()]
    for n, resident in enumerate(residents, start=1):
        session_requests.request_session(world.commune_a, actor=resident, reason="Vấn đề ngập úng")
        assert session_requests.pending_requests(world.commune_a) == n
    db.session.commit()
    assert _notified("session_requested") == {world.leader.id, world.inspector.id}
    with pytest.raises(RuleViolation):
        session_requests.request_session(world.commune_a, actor=world.resident, reason=None)


def test_holding_a_session_answers_the_requests(world, clock):
    clock.set(at(TODAY))
    session_requests.request_session(world.commune_a, actor=world.resident, reason=None)
    session = planned(world, clock, TODAY, SESSION_DAY)
    _held(world, clock, session)
    assert session_requests.pending_requests(world.commune_a) == 0
    session_requests.request_session(world.commune_a, actor=world.resident, reason=None)  # a new one


# Reminders and compliance ------------------------------------------------------------------

def test_reminders_before_the_notice_day_then_missed_once(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    assert remind_sessions(SESSION_DAY - timedelta(days=11)).notice_soon == 0
    assert remind_sessions(SESSION_DAY - timedelta(days=9)).notice_soon == 1
    assert remind_sessions(SESSION_DAY - timedelta(days=8)).notice_soon == 0  # same deadline
    missed = remind_sessions(SESSION_DAY - timedelta(days=6))
    assert missed.missed == 2  # the leader and the inspector
    assert remind_sessions(SESSION_DAY - timedelta(days=5)).missed == 0
    assert session.status == SessionStatus.DRAFT


def test_reminders_before_the_results_deadline(world, clock):
    session = _held(world, clock, planned(world, clock, TODAY, SESSION_DAY))
    due = session.results_due_on
    assert remind_sessions(due - timedelta(days=2)).results_soon == 1
    assert remind_sessions(due + timedelta(days=1)).missed == 2


def test_compliance_counts_sessions_held_per_commune_and_year(world, clock):
    session = _held(world, clock, planned(world, clock, TODAY, SESSION_DAY))
    clock.set(at(date(2027, 1, 10)))
    rows = {r.unit.code: r for r in compliance.commune_years(staff_scope(world.inspector), 2026)}
    assert rows["00070"].held == 1 and rows["00070"].state.value == "met"
    # Ba Đình held none in 2026, and 2026 is over.
    assert rows["00004"].held == 0 and rows["00004"].state.value == "missed"
    assert rows["00004"].is_flagged
    assert "22660" not in rows  # another province, outside the inspector's scope
    assert db.session.get(DialogueSession, session.id).status == SessionStatus.HELD


def test_a_question_sent_beforehand_can_become_a_commitment_in_the_room(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    petition = room.send_question(session, _question(world), actor=None)
    db.session.commit()
    clock.set(at(SESSION_DAY, 9))
    item = session.items[0]
    assert room.open_questions(session) == [item]
    room.settle_question(session, item, room.Outcome(
        outcome=ItemOutcome.COMMITTED, office=world.office_a, official=world.official,
        promised_on=date(2026, 6, 30)), actor=world.leader)
    db.session.commit()
    assert petition.status == PetitionStatus.IN_PROGRESS and petition.due_on == date(2026, 6, 30)
    assert petition.assignee == world.official and item.stage == ItemStage.QUESTION
    assert room.open_questions(session) == []
    from portal.dialogues.queries import commitments_of
    assert commitments_of(session) == [item]  # listed with the conclusion
    with pytest.raises(RuleViolation):
        room.settle_question(session, item, room.Outcome(
            outcome=ItemOutcome.ANSWERED, office=world.office_a, official=world.official,
            answer="Đã trả lời tại hội nghị, phường sẽ lát lại vỉa hè."), actor=world.leader)


def test_an_acknowledged_question_answered_in_the_room(world, clock):
    from portal.petitions.services import accept_petition

    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    petition = room.send_question(session, _question(world), actor=None)
    accept_petition(petition, actor=world.official)
    db.session.commit()
    clock.set(at(SESSION_DAY, 9))
    room.settle_question(session, session.items[0], room.Outcome(
        outcome=ItemOutcome.ANSWERED, office=world.office_a, official=world.leader,
        answer="Phường đã đưa vỉa hè Hàng Bông vào kế hoạch lát lại quý II."), actor=world.leader)
    db.session.commit()
    assert petition.status == PetitionStatus.ANSWERED
    assert session.items[0].outcome == ItemOutcome.ANSWERED


def test_residents_who_sent_questions_hear_of_a_move_or_a_cancellation(world, clock):
    session = planned(world, clock, TODAY, SESSION_DAY)
    services.announce_session(session, actor=world.leader)
    room.send_question(session, _question(world), actor=None)
    planning.update_session(session, session_details(world, SESSION_DAY + timedelta(days=2)),
                            actor=world.leader)
    services.cancel_session(session, actor=world.leader, reason="Mưa bão, hoãn hội nghị")
    db.session.commit()
    sent = db.session.scalars(sa.select(Notification).where(
        Notification.email == "mai@example.com").order_by(Notification.id)).all()
    assert [n.kind for n in sent] == ["session_moved", "session_cancelled"]
    assert "22/03/2026" in sent[0].body and "Mưa bão" in sent[1].body
