"""The working-day calendar: weekends, Tết, swapped days, year boundaries."""

from datetime import date, timedelta

import pytest

from portal import create_app
from portal.calendar import DayKind, DayUnit, DueDate, Override, WorkCalendar, explain
from portal.deadlines.defaults import DEFAULT_CALENDAR

SWAPS = [Override(day, kind, reason) for day, kind, reason, _source in DEFAULT_CALENDAR]


@pytest.fixture(scope="module", autouse=True)
def app_context():
    # Explanations are translated: they need an app (no database).
    with create_app(env="test").app_context():
        yield


@pytest.fixture
def calendar():
    return WorkCalendar(SWAPS)


def test_the_day_of_receipt_is_day_zero(calendar):
    # Monday 9 March 2026 + 1 working day = Tuesday 10 March.
    assert calendar.add_working_days(date(2026, 3, 9), 1).due == date(2026, 3, 10)
    assert calendar.add_working_days(date(2026, 3, 9), 0).due == date(2026, 3, 9)


def test_weekends_are_not_counted(calendar):
    due = calendar.add_working_days(date(2026, 3, 13), 5)  # a Friday
    assert due.due == date(2026, 3, 20)
    assert [s.day for s in due.skipped] == [date(2026, 3, 14), date(2026, 3, 15)]
    assert explain(due) == ("20/03/2026: 5 ngày làm việc kể từ ngày 13/03/2026 "
                            "(không tính 2 ngày thứ Bảy, Chủ nhật)")


def test_tet_2026_is_skipped_and_explained(calendar):
    due = calendar.add_working_days(date(2026, 2, 13), 5)
    assert due.due == date(2026, 2, 27)
    assert explain(due) == ("27/02/2026: 5 ngày làm việc kể từ ngày 13/02/2026 "
                            "(không tính nghỉ Tết 14–22/02)")
    reasons = {s.day: s.reason for s in due.skipped}
    assert reasons[date(2026, 2, 17)] == "Tết Nguyên Đán"
    assert reasons[date(2026, 2, 14)] == "Thứ Bảy"


def test_a_make_up_saturday_is_counted(calendar):
    # Friday 2 January 2026 was given off, Saturday 10 January worked instead.
    assert not calendar.is_working_day(date(2026, 1, 2))
    assert calendar.is_working_day(date(2026, 1, 10))
    due = calendar.add_working_days(date(2026, 1, 5), 5)  # Monday
    assert due.due == date(2026, 1, 10)
    assert due.make_up == (date(2026, 1, 10),)
    assert "có tính ngày làm bù 10/01" in explain(due)


def test_without_the_swap_the_same_count_ends_on_monday():
    plain = WorkCalendar()
    assert plain.is_working_day(date(2026, 1, 2))
    assert plain.add_working_days(date(2026, 1, 5), 5).due == date(2026, 1, 12)


def test_counting_across_the_year_boundary(calendar):
    # 30/12/2025 (Tue): 31/12 counts, 1/1 is New Year, 2/1 swapped off,
    # 3–4/1 weekend; then 5, 6, 7, 8 January.
    due = calendar.add_working_days(date(2025, 12, 30), 5)
    assert due.due == date(2026, 1, 8)
    assert explain(due) == ("08/01/2026: 5 ngày làm việc kể từ ngày 30/12/2025 "
                            "(không tính Tết Dương lịch 01–04/01)")


def test_a_holiday_block_is_named_after_its_holiday(calendar):
    due = calendar.add_working_days(date(2026, 8, 27), 3)
    assert due.due == date(2026, 9, 4)
    assert "Quốc khánh 29/08–02/09" in explain(due)


def test_calendar_days_landing_on_a_day_off_move_to_the_next_working_day(calendar):
    plain = calendar.add_calendar_days(date(2026, 3, 2), 30)
    assert plain.due == date(2026, 4, 1) and plain.moved_from is None
    moved = calendar.add_calendar_days(date(2026, 3, 6), 1)  # lands on Saturday 7/3
    assert moved.due == date(2026, 3, 9)
    assert moved.moved_from == date(2026, 3, 7)
    assert "07/03/2026 là ngày nghỉ: Thứ Bảy" in explain(moved)
    tet = calendar.add_calendar_days(date(2026, 2, 6), 10)  # lands on 16/2, in Tết
    assert tet.due == date(2026, 2, 23)


def test_an_admin_day_off_and_make_up_day_override_everything():
    extra = WorkCalendar([Override(date(2026, 3, 10), DayKind.DAY_OFF, "Bầu cử"),
                          Override(date(2026, 11, 24), DayKind.WORKING_DAY, "Vẫn làm việc")])
    assert extra.day_off_reason(date(2026, 3, 10)) == "Bầu cử"
    assert extra.is_working_day(date(2026, 11, 24)), "an entry can cancel a package holiday"
    assert extra.add_working_days(date(2026, 3, 9), 1).due == date(2026, 3, 11)


def test_count_days_between(calendar):
    assert calendar.count_days(date(2026, 2, 13), date(2026, 2, 27), DayUnit.WORKING) == 5
    assert calendar.count_days(date(2026, 2, 13), date(2026, 2, 27), DayUnit.CALENDAR) == 14
    assert calendar.count_days(date(2026, 2, 27), date(2026, 2, 13), DayUnit.WORKING) == 0


def test_counts_agree_with_walking_the_days_across_years_and_swaps(calendar):
    # Counting uses running totals per year; a walk asks each day in turn.
    # Both must agree across Tết, swapped Saturdays and New Year.
    extra = WorkCalendar([*SWAPS, Override(date(2025, 12, 31), DayKind.DAY_OFF, "Nghỉ thêm"),
                          Override(date(2026, 1, 3), DayKind.WORKING_DAY, "Làm bù")])
    days = [date(2024, 12, 20), date(2025, 4, 28), date(2025, 12, 30), date(2026, 1, 2),
            date(2026, 1, 3), date(2026, 2, 13), date(2026, 2, 23), date(2027, 1, 4)]
    for after in days:
        for until in days:
            walked = sum(1 for n in range(1, max((until - after).days, 0) + 1)
                         if extra.day_off_reason(after + timedelta(days=n)) is None)
            assert extra.count_days(after, until, DayUnit.WORKING) == walked, (after, until)
    assert extra.is_working_day(date(2026, 1, 3)), "a make-up Saturday counts"
    assert not extra.is_working_day(date(2025, 12, 31))


def test_due_dates_survive_a_round_trip_through_json(calendar):
    due = calendar.add_working_days(date(2026, 2, 13), 5)
    assert DueDate.from_dict(due.as_dict()) == due


@pytest.mark.parametrize("days", [-1, 100_000])
def test_absurd_counts_are_refused(calendar, days):
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 1, 1), days)


def test_english_explanations():
    from flask_babel import force_locale

    calendar = WorkCalendar(SWAPS, language="en")
    with force_locale("en"):
        text = explain(calendar.add_working_days(date(2026, 3, 13), 5))
    assert text == "20/03/2026: 5 working days from 13/03/2026 (not counting 2 Saturdays and Sundays)"
