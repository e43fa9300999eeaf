"""Deadlines of petitions: the dated rules, the calendar, recomputation."""

from datetime import date

import pytest
import sqlalchemy as sa

from portal.calendar import DayKind, DayUnit
from portal.deadlines import services as deadlines
from portal.deadlines.models import CalendarDay, DeadlineRule
from portal.extensions import db
from portal.petitions.models import DeadlineState, EventType, PetitionKind
from tests.scenarios import accept, at, submit


def test_feedback_gets_its_acknowledgement_deadline_on_arrival(world, clock):
    petition = submit(world, clock, date(2026, 2, 13))
    assert petition.rule.kind == PetitionKind.FEEDBACK
    # 10 working days from Friday 13/02, Tết 14–22/02 not counted.
    assert petition.ack_due_on == date(2026, 3, 6)
    assert petition.deadline_on == date(2026, 3, 6)
    assert petition.deadline_basis["ack"]["skipped"][0] == {
        "date": "2026-02-14", "reason": "Thứ Bảy", "weekend": True}


def test_acknowledgement_starts_the_answer_clock(world, clock):
    petition = submit(world, clock, date(2026, 2, 13))
    accept(world, clock, petition, date(2026, 2, 23))
    # 15 working days from Monday 23/02.
    assert petition.due_on == date(2026, 3, 16)
    assert petition.deadline_on == date(2026, 3, 16)
    assert petition.deadline_basis["answer"]["variant"] == "standard"


@pytest.mark.parametrize(
    ("is_complex", "is_remote", "due"),
    [
        (False, False, date(2026, 4, 1)),   # 30 days
        (True, False, date(2026, 4, 16)),   # 45 days
        (False, True, date(2026, 4, 16)),   # remote area: 45 days
        # complex and remote: 60 days lands on 1 May (Labour Day), then a
        # weekend: the deadline moves to Monday 4 May.
        (True, True, date(2026, 5, 4)),
    ],
)
def test_complaint_variants(world, clock, is_complex, is_remote, due):
    world.commune_a.is_remote = is_remote
    petition = submit(world, clock, date(2026, 3, 1), kind=PetitionKind.COMPLAINT)
    petition.is_complex = is_complex
    accept(world, clock, petition, date(2026, 3, 2))
    assert petition.due_on == due


def test_a_petition_keeps_the_rule_in_force_when_it_arrived(world, clock):
    old_rule = deadlines.rule_for(submit(world, clock, date(2026, 5, 20)))
    newer = DeadlineRule(kind=PetitionKind.FEEDBACK, ack_days=5, ack_unit=DayUnit.WORKING,
                         resolve_days=7, resolve_unit=DayUnit.WORKING,
                         valid_from=date(2026, 6, 1), legal_basis="Quy định mới của tỉnh")
    old_rule.valid_to = date(2026, 6, 1)
    db.session.add(newer)
    db.session.commit()
    before = submit(world, clock, date(2026, 5, 29))
    after = submit(world, clock, date(2026, 6, 2))
    assert before.rule == old_rule and after.rule == newer
    assert after.ack_due_on == date(2026, 6, 9)
    # Recomputing later (e.g. a new day off) keeps each petition's rule.
    deadlines.refresh_deadlines(before)
    assert before.rule == old_rule


def test_a_rule_for_the_category_wins_over_the_general_one(world, clock):
    db.session.add(DeadlineRule(kind=PetitionKind.FEEDBACK, category=world.category,
                                ack_days=2, ack_unit=DayUnit.WORKING, resolve_days=5,
                                resolve_unit=DayUnit.WORKING, valid_from=date(2020, 1, 1)))
    db.session.commit()
    petition = submit(world, clock, date(2026, 3, 9))
    assert petition.rule.category == world.category
    assert petition.ack_due_on == date(2026, 3, 11)


def test_a_day_off_added_while_petitions_are_open_moves_them_and_says_so(world, clock):
    open_one = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, open_one, date(2026, 3, 2))
    waiting = submit(world, clock, date(2026, 3, 5))
    finished = submit(world, clock, date(2026, 3, 2))
    finished.status = "rejected"
    db.session.commit()
    assert (open_one.due_on, waiting.ack_due_on) == (date(2026, 3, 23), date(2026, 3, 19))

    clock.set(at(date(2026, 3, 6)))
    entry = CalendarDay(day=date(2026, 3, 10), kind=DayKind.DAY_OFF, reason="Nghỉ bầu cử")
    moved = deadlines.apply_calendar_entry(entry, actor=world.admin)
    db.session.commit()
    assert moved == 2
    assert open_one.due_on == date(2026, 3, 24)
    assert waiting.ack_due_on == date(2026, 3, 20)
    event = open_one.events[-1]
    assert event.type == EventType.DUE_DATE_CHANGED and event.actor == world.admin
    assert event.data == {"which": "answer", "from": "2026-03-23", "to": "2026-03-24"}
    assert "10/03/2026 là ngày nghỉ" in event.note
    assert finished.events[-1].type == EventType.SUBMITTED, "closed petitions keep their history"

    deadlines.remove_calendar_entry(entry, actor=world.admin)
    db.session.commit()
    assert open_one.due_on == date(2026, 3, 23)
    assert open_one.events[-1].data["to"] == "2026-03-23"


def test_a_day_off_after_every_deadline_changes_nothing(world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    entry = CalendarDay(day=date(2026, 12, 30), kind=DayKind.DAY_OFF, reason="Nghỉ")
    assert deadlines.apply_calendar_entry(entry, actor=world.admin) == 0
    assert len(petition.events) == 1


def test_deadline_state_on_track_at_risk_overdue(world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, petition, date(2026, 3, 2))
    assert petition.due_on == date(2026, 3, 23)
    # 15 working days: at risk once fewer than 3.75 remain, i.e. from the
    # day with 3 left (Wednesday 18/03: 19, 20, 23 remain).
    assert petition.risk_on == date(2026, 3, 18)
    assert petition.deadline_state(date(2026, 3, 17)) == DeadlineState.ON_TRACK
    assert petition.deadline_state(date(2026, 3, 18)) == DeadlineState.AT_RISK
    assert petition.deadline_state(date(2026, 3, 23)) == DeadlineState.AT_RISK
    assert petition.deadline_state(date(2026, 3, 24)) == DeadlineState.OVERDUE


def test_deadline_hybrids_filter_in_sql(world, clock):
    from portal.petitions.models import Petition

    waiting = submit(world, clock, date(2026, 3, 2))
    handled = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, handled, date(2026, 3, 2))
    rows = db.session.execute(
        sa.select(Petition.id, Petition.deadline_on, Petition.warning_on).order_by(Petition.id)
    ).all()
    assert [(r.deadline_on, r.warning_on) for r in rows] == [
        (waiting.ack_due_on, waiting.ack_risk_on), (handled.due_on, handled.risk_on)]
    overdue = db.session.scalars(
        sa.select(Petition.id).where(Petition.deadline_on < date(2026, 3, 17))).all()
    assert overdue == [waiting.id]


def test_due_dates_are_reproducible_from_the_history(world, clock):
    from portal.handling.services import (
        assign_petition,
        decide_extension,
        pause_petition,
        request_extension,
        resume_petition,
    )

    petition = submit(world, clock, date(2026, 2, 13))
    accept(world, clock, petition, date(2026, 2, 23))
    assign_petition(petition, office=world.office_a, assignee=world.official, actor=world.leader)
    clock.set(at(date(2026, 3, 2)))
    pause_petition(petition, actor=world.official, reason="Chờ người dân gửi thêm ảnh")
    clock.set(at(date(2026, 3, 5)))
    resume_petition(petition, actor=world.official)
    decide_extension(request_extension(petition, actor=world.official, reason="Chờ đo đạc"),
                     petition, actor=world.leader, approve=True)
    db.session.commit()
    stored = (petition.rule_id, petition.ack_due_on, petition.due_on, petition.deadline_basis)
    # Forget every derived value, including which rule applied: the facts
    # (receipt, acknowledgement, pause, extension) and the calendar give it all back.
    petition.rule_id = petition.ack_due_on = petition.due_on = petition.deadline_basis = None
    db.session.flush()
    db.session.expire(petition, ["rule"])
    deadlines.refresh_deadlines(petition)
    assert (petition.rule_id, petition.ack_due_on, petition.due_on, petition.deadline_basis) == stored
    # 16/03, +10 working days of extension = 30/03, +3 paused working days = 02/04.
    assert petition.due_on == date(2026, 4, 2)
