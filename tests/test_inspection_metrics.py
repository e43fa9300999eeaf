"""Response-time metrics on a fixed clock, against answers worked out by hand
(docs/metrics.md). Feedback in commune A: 10 working days to acknowledge,
15 working days to answer; March 2026 has no public holiday.

    P1  received Mon 02/03, acknowledged 02/03, answered Fri 20/03 (due 23/03): on time,
        14 working / 18 calendar days
    P2  received 02/03, acknowledged Wed 04/03 (2 working days), due 25/03,
        answered Fri 27/03: late, 17 working / 23 calendar days
    P3  received 02/03, acknowledged 02/03, due 23/03, never answered
    P4  received Mon 16/03, never acknowledged: acknowledgement due Mon 30/03
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from portal.deadlines.services import load_calendar
from portal.extensions import db
from portal.handling import services as handling
from portal.inspection import holders, metrics, report, statistics
from portal.inspection.frames import TOTAL, Frame, Rows
from portal.inspection.models import PetitionFacts
from portal.inspection.refresh import all_petition_ids, differences
from portal.permissions import staff_scope
from tests.scenarios import accept, answer, assign, at, submit

Q1 = (date(2026, 1, 1), date(2026, 3, 31))


@pytest.fixture
def march(world, clock):
    p1 = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    p2 = submit(world, clock, date(2026, 3, 2))
    p3 = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    accept(world, clock, p2, date(2026, 3, 4))
    for petition in (p1, p2, p3):
        assign(world, petition)
    p4 = submit(world, clock, date(2026, 3, 16))
    answer(world, clock, p1, date(2026, 3, 20))
    answer(world, clock, p2, date(2026, 3, 27))
    return p1, p2, p3, p4


def rows(world, as_of, period=Q1, group_by=None, unit=None, who=None):
    frame = Frame(scope=staff_scope(who or world.inspector), start=period[0], end=period[1],
                  as_of=as_of, unit=unit, group_by=group_by)
    return Rows.load(frame)


def test_counts_rates_and_percentiles_for_the_quarter(world, march):
    data = rows(world, date(2026, 3, 31))
    assert metrics.received(data)[TOTAL] == 4
    assert metrics.answered(data)[TOTAL] == 2
    on_time = metrics.answered_on_time(data)[TOTAL]
    assert (on_time.hits, on_time.total) == (1, 2)
    ack = metrics.acknowledged_on_time(data)[TOTAL]
    assert (ack.hits, ack.total) == (3, 4), "P4 waited past its acknowledgement deadline"
    working = metrics.days_to_answer(data)[TOTAL]
    assert (working.median, working.p90) == (14, 17)
    calendar = metrics.days_to_answer(data, working=False)[TOTAL]
    assert (calendar.median, calendar.p90) == (18, 23)
    acknowledging = metrics.days_to_acknowledge(data)[TOTAL]
    assert (acknowledging.count, acknowledging.median, acknowledging.p90) == (3, 0, 2)
    still_open = metrics.open_petitions(data)[TOTAL]
    assert (still_open.overdue, still_open.in_time, still_open.long_overdue) == (2, 0, 0)
    assert still_open.oldest_overdue_days == 8, "P3 was due on 23/03"


def test_as_of_an_earlier_day_shows_that_days_state(world, march):
    data = rows(world, date(2026, 3, 24))
    assert metrics.answered(data)[TOTAL] == 1, "P2 was answered on 27/03, after that day"
    assert metrics.answered_on_time(data)[TOTAL].hits == 1
    still_open = metrics.open_petitions(data)[TOTAL]
    assert (still_open.overdue, still_open.in_time) == (1, 2), "only P3 was overdue on 24/03"
    assert still_open.oldest_overdue_days == 1


def test_long_overdue_means_more_than_twice_the_allowed_time(world, march, clock):
    # P3 was allowed 02/03 → 23/03 (21 days), P4 16/03 → 30/03 (14 days).
    data = rows(world, date(2026, 4, 13))  # 21 and 14 days overdue: not more than allowed
    assert metrics.open_petitions(data)[TOTAL].long_overdue == 0
    data = rows(world, date(2026, 4, 14))  # 22 and 15 days: both more than allowed
    assert metrics.open_petitions(data)[TOTAL].long_overdue == 2
    # Answered late, P3 is no longer open, so no longer overdue at all.
    answer(world, clock, march[2], date(2026, 4, 15))
    data = rows(world, date(2026, 4, 20))
    assert metrics.open_petitions(data)[TOTAL].long_overdue == 1
    assert metrics.open_petitions(rows(world, date(2026, 4, 14)))[TOTAL].long_overdue == 2


def test_an_approved_extension_moves_the_deadline_the_answer_is_judged_by(world, clock):
    petition = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    assign(world, petition)
    clock.set(at(date(2026, 3, 18)))
    request = handling.request_extension(petition, actor=world.official,
                                         reason="Cần khảo sát thêm tại hiện trường")
    handling.decide_extension(request, petition, actor=world.leader, approve=True)
    db.session.commit()
    answer(world, clock, petition, date(2026, 3, 30))  # after 23/03, before the extended date
    data = rows(world, date(2026, 3, 31))
    assert metrics.answered_on_time(data)[TOTAL].hits == 1
    assert metrics.handling(data)[TOTAL].extensions == 1
    # As of 20/03, before the answer, the petition was open and within its extended time.
    assert metrics.open_petitions(rows(world, date(2026, 3, 26)))[TOTAL].in_time == 1


def test_pauses_are_left_out_of_the_days_to_answer(world, clock):
    petition = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    assign(world, petition)
    clock.set(at(date(2026, 3, 9)))
    handling.pause_petition(petition, actor=world.official, reason="Chờ người dân gửi ảnh hiện trường")
    db.session.commit()
    clock.set(at(date(2026, 3, 13)))
    handling.resume_petition(petition, actor=world.official)
    db.session.commit()
    answer(world, clock, petition, date(2026, 3, 20))
    data = rows(world, date(2026, 3, 31))
    # 02/03 → 20/03 is 14 working days; paused 09/03 → 13/03 is 4 of them.
    assert metrics.days_to_answer(data)[TOTAL].median == 10
    assert metrics.days_to_answer(data, working=False)[TOTAL].median == 14
    assert metrics.handling(data)[TOTAL].paused == 1
    assert metrics.open_petitions(rows(world, date(2026, 3, 10)))[TOTAL].paused == 1


def test_grouped_by_unit_and_limited_to_the_readers_scope(world, march, clock):
    clock.set(at(date(2026, 3, 3)))
    world.petition(at=world.commune_b)
    world.petition(at=world.commune_c)  # another province: not the inspector's
    data = rows(world, date(2026, 3, 31), group_by="unit")
    received = metrics.received(data)
    assert received[TOTAL] == 5
    assert received[world.commune_a.id] == 4 and received[world.commune_b.id] == 1
    assert world.commune_c.id not in received
    narrowed = rows(world, date(2026, 3, 31), unit=world.commune_b)
    assert metrics.received(narrowed)[TOTAL] == 1


def test_grouped_by_month_uses_the_month_each_figure_belongs_to(world, march, clock):
    answer(world, clock, march[2], date(2026, 4, 2))
    data = rows(world, date(2026, 4, 30), period=(date(2026, 3, 1), date(2026, 4, 30)),
                group_by="month")
    assert metrics.received(data)["2026-03"] == 4
    assert metrics.answered(data) == {TOTAL: 3, "2026-03": 2, "2026-04": 1}


def test_reopened_and_satisfied_shares(world, march, clock):
    from portal.answers import services as answers

    p1, p2, _p3, _p4 = march
    clock.set(at(date(2026, 3, 28)))
    answers.rate_answer(p1, satisfied=True, comment=None, actor=None)
    answers.rate_answer(p2, satisfied=False, comment="Đèn vẫn chưa sáng như cũ", actor=None)
    db.session.commit()
    data = rows(world, date(2026, 3, 31))
    assert (metrics.reopened(data)[TOTAL].hits, metrics.reopened(data)[TOTAL].total) == (1, 2)
    assert (metrics.satisfied(data)[TOTAL].hits, metrics.satisfied(data)[TOTAL].total) == (1, 2)
    # The first answer of P2 stays late; reopening does not erase it.
    assert metrics.answered_on_time(data)[TOTAL].hits == 1
    # Reopened on 28/03 with a new 15-working-day clock: open and in time on 31/03.
    assert metrics.open_petitions(data)[TOTAL].in_time == 1


def test_a_later_period_counts_what_happened_in_it_to_petitions_received_before(
        world, march, clock):
    from portal.answers import services as answers

    _p1, p2, p3, p4 = march
    accept(world, clock, p4, date(2026, 4, 1))  # due 30/03: late
    answer(world, clock, p3, date(2026, 4, 2))
    clock.set(at(date(2026, 4, 10)))
    answers.rate_answer(p2, satisfied=True, comment=None, actor=None)
    db.session.commit()
    april = rows(world, date(2026, 4, 30), period=(date(2026, 4, 1), date(2026, 4, 30)))
    assert metrics.received(april)[TOTAL] == 0
    assert metrics.answered(april)[TOTAL] == 1, "P3, answered on 02/04"
    late = metrics.acknowledged_on_time(april)[TOTAL]
    assert (late.hits, late.total) == (0, 1), "P4, acknowledged two days late"
    rated = metrics.satisfied(april)[TOTAL]
    assert (rated.hits, rated.total) == (1, 1), "P2, rated on 10/04"
    # Nothing happened to them in May: May's figures read none of them.
    may = rows(world, date(2026, 5, 31), period=(date(2026, 5, 1), date(2026, 5, 31)))
    assert may.rows == []
    assert metrics.answered(may)[TOTAL] == 0 and metrics.satisfied(may)[TOTAL].total == 0


def test_the_dashboards_chart_and_league_agree_whatever_the_page_is_grouped_by(
        world, march, clock):
    clock.set(at(date(2026, 3, 3)))
    world.petition(at=world.commune_b)  # received, never answered: too few to rank
    for group_by in ("unit", "category", "month"):
        frame = Frame(scope=staff_scope(world.inspector), start=Q1[0], end=Q1[1],
                      as_of=date(2026, 3, 31), group_by=group_by)
        board = report.dashboard(frame, minimum=2)
        assert [(line.label, line.on_time) for line in board.ranked] == [
            (world.commune_a.full_name, statistics.Rate(1, 2))], group_by
        assert [line.label for line in board.unranked] == [world.commune_b.full_name], group_by
        assert [(line.key, line.on_time) for line in board.by_month.groups] == [
            ("2026-03", statistics.Rate(1, 2))], group_by


def test_time_held_follows_the_custody_chain(world, march, clock, colleague):
    p3 = march[2]
    clock.set(at(date(2026, 3, 12)))
    handling.transfer_petition(p3, office=world.office_a, assignee=colleague, actor=world.leader,
                               reason="Chuyển cán bộ phụ trách địa bàn")
    db.session.commit()
    frame = Frame(scope=staff_scope(world.inspector), start=Q1[0], end=Q1[1],
                  as_of=date(2026, 3, 31))
    held = {h.official_id: h for h in holders.time_held(frame)}
    # The colleague holds P3 from 12/03 09:00 to the end of 31/03.
    assert held[colleague.id].petitions == 1
    assert held[colleague.id].days == pytest.approx(19 + 15 / 24)
    assert held[world.official.id].petitions == 3
    assert metrics.handling(Rows.load(frame))[TOTAL].transfers == 1


def test_the_stored_facts_can_be_recomputed_from_the_history(world, march):
    ids = all_petition_ids(db.session)
    calendar = load_calendar()
    assert differences(db.session, ids, calendar) == []
    db.session.execute(sa.update(PetitionFacts).where(PetitionFacts.petition_id == march[0].id)
                       .values(answer_on_time=False))
    assert differences(db.session, ids, calendar) == [march[0].id]


def test_wilson_interval_keeps_small_units_from_looking_perfect():
    small = statistics.wilson(3, 3)
    large = statistics.wilson(95, 100)
    assert small[1] == pytest.approx(1.0)
    assert small[0] < 0.45 < large[0], "3 of 3 is less certain than 95 of 100"
    assert statistics.wilson(0, 0) is None


def test_nearest_rank_is_always_one_petitions_own_figure():
    assert statistics.nearest_rank([5, 1, 3, 2, 4], 0.5) == 3
    assert statistics.nearest_rank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert statistics.nearest_rank([], 0.5) is None
