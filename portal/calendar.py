"""Working days and due dates on Vietnam's public-sector calendar.

Semantics (as in Alaveteli's late calculator):

- the day of receipt is day zero: counting starts the next day;
- a due date is the whole of its last counted day, so a petition becomes
  overdue only on the day after;
- with working days, weekends, public holidays and extra days off are not
  counted, and a Saturday or Sunday worked in exchange (a make-up day) is;
- with calendar days every day counts, but a due date that falls on a day off
  moves to the next working day.

Days off come from three sources, the first that speaks wins: entries admins
keep (``Override``: extra days off and make-up working days), the ``holidays``
package (statutory holidays, Tết by the lunar calendar, substituted days),
then the weekend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# A bound on any single count, so a typo cannot make a loop walk for ages.
MAX_DAYS = 3650


class DayUnit(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"


class DayKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


@dataclass(frozen=True)
class Override:
    day: date
    kind: DayKind
    reason: str


@dataclass(frozen=True)
class Skipped:
    day: date
    reason: str
    is_weekend: bool


@dataclass(frozen=True)
class DueDate:
    start: date
    days: int
    unit: DayUnit
    due: date
    # Days not counted (working days), or days the due date moved past
    # (calendar days), with the reason each one was off.
    skipped: tuple[Skipped, ...] = ()
    # Weekend days counted because they were make-up working days.
    make_up: tuple[date, ...] = ()
    moved_from: date | None = None

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "days": self.days,
            "unit": str(self.unit),
            "due": self.due.isoformat(),
            "skipped": [{"date": s.day.isoformat(), "reason": s.reason, "weekend": s.is_weekend}
                        for s in self.skipped],
            "make_up": [d.isoformat() for d in self.make_up],
            "moved_from": self.moved_from.isoformat() if self.moved_from else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> DueDate:
        return cls(
            start=date.fromisoformat(data["start"]),
            days=data["days"],
            unit=DayUnit(data["unit"]),
            due=date.fromisoformat(data["due"]),
            skipped=tuple(Skipped(date.fromisoformat(s["date"]), s["reason"], s["weekend"])
                          for s in data.get("skipped", ())),
            make_up=tuple(date.fromisoformat(d) for d in data.get("make_up", ())),
            moved_from=date.fromisoformat(data["moved_from"]) if data.get("moved_from") else None,
        )


@lru_cache(maxsize=4)
def _statutory_holidays(language: str) -> holidays.HolidayBase:
    # One per process and language: building it (and expanding each year it
    # is asked about) costs more than the count itself. It only ever grows
    # by whole years, the same for every caller.
    return holidays.country_holidays("VN", language=language)


_SATURDAY = _l("Thứ Bảy")
_SUNDAY = _l("Chủ nhật")


class WorkCalendar:
    def __init__(self, overrides: Iterable[Override] = (), *, language: str = "vi"):
        self._overrides = {o.day: o for o in overrides}
        self._holidays = _statutory_holidays("vi" if language == "vi" else "en_US")
        # Per year: how many working days the year has had before each of its
        # days, so a count is two lookups rather than a walk (a deadline's
        # risk date counts again from every day up to the due date).
        self._running: dict[int, list[int]] = {}

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day, or None if it is one."""
        override = self._overrides.get(day)
        if override is not None:
            return override.reason if override.kind == DayKind.DAY_OFF else None
        name = self._holidays.get(day)
        if name:
            return name
        if day.weekday() == 5:
            return str(_SATURDAY)
        if day.weekday() == 6:
            return str(_SUNDAY)
        return None

    def is_working_day(self, day: date) -> bool:
        # Not through day_off_reason: naming the day would translate it.
        override = self._overrides.get(day)
        if override is not None:
            return override.kind != DayKind.DAY_OFF
        return day.weekday() < 5 and day not in self._holidays

    def _running_count(self, year: int) -> list[int]:
        running = self._running.get(year)
        if running is None:
            running, day, count = [0], date(year, 1, 1), 0
            while day.year == year:
                count += self.is_working_day(day)
                running.append(count)
                day += timedelta(days=1)
            self._running[year] = running
        return running

    def _working_through(self, day: date) -> int:
        """Working days from 1 January of ``day``'s year to ``day``, included."""
        return self._running_count(day.year)[day.timetuple().tm_yday]

    def _skip(self, day: date, reason: str) -> Skipped:
        is_weekend = day.weekday() >= 5 and day not in self._overrides and day not in self._holidays
        return Skipped(day, reason, is_weekend)

    def add_working_days(self, start: date, days: int) -> DueDate:
        _check_days(days)
        day, counted, skipped, make_up = start, 0, [], []
        while counted < days:
            day += timedelta(days=1)
            reason = self.day_off_reason(day)
            if reason is None:
                counted += 1
                if day.weekday() >= 5:
                    make_up.append(day)
            else:
                skipped.append(self._skip(day, reason))
        return DueDate(start, days, DayUnit.WORKING, day, tuple(skipped), tuple(make_up))

    def add_calendar_days(self, start: date, days: int) -> DueDate:
        _check_days(days)
        due = start + timedelta(days=days)
        skipped, moved_from = [], None
        while (reason := self.day_off_reason(due)) is not None:
            moved_from = moved_from or due
            skipped.append(self._skip(due, reason))
            due += timedelta(days=1)
        return DueDate(start, days, DayUnit.CALENDAR, due, tuple(skipped), (), moved_from)

    def due_date(self, start: date, days: int, unit: DayUnit) -> DueDate:
        if unit == DayUnit.WORKING:
            return self.add_working_days(start, days)
        return self.add_calendar_days(start, days)

    def weekdays_off(self, year: int) -> list[tuple[date, str]]:
        """Monday-to-Friday days off in ``year``, with their reasons."""
        day, days = date(year, 1, 1), []
        while day.year == year:
            reason = self.day_off_reason(day)
            if reason and day.weekday() < 5:
                days.append((day, reason))
            day += timedelta(days=1)
        return days

    def count_days(self, after: date, until: date, unit: DayUnit) -> int:
        """Days counted in (after, until]: working days or calendar days."""
        if until <= after:
            return 0
        if unit == DayUnit.CALENDAR:
            return (until - after).days
        whole_years = sum(self._running_count(year)[-1] for year in range(after.year, until.year))
        return whole_years + self._working_through(until) - self._working_through(after)


def _check_days(days: int) -> None:
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 0 and {MAX_DAYS}")


# --- Explanations in words -------------------------------------------------

def _short(day: date) -> str:
    return day.strftime("%d/%m")


def _span(first: date, last: date) -> str:
    if first == last:
        return _short(first)
    if first.year != last.year:
        return f"{first.strftime('%d/%m/%Y')}–{last.strftime('%d/%m/%Y')}"
    if first.month == last.month:
        return f"{first.strftime('%d')}–{_short(last)}"
    return f"{_short(first)}–{_short(last)}"


_SUBSTITUTE_MARKERS = ("thay cho", "nghỉ bù", "observed", "day off", "substitut")


@dataclass
class _Run:
    days: list[Skipped] = field(default_factory=list)

    @property
    def is_weekend_only(self) -> bool:
        return all(s.is_weekend for s in self.days)

    def label(self) -> str:
        names = [s.reason for s in self.days if not s.is_weekend]
        # Name a block after its holiday, not after a day swapped into it.
        named = [n for n in names if not any(m in n.lower() for m in _SUBSTITUTE_MARKERS)] or names
        if any("Tết" in n and "Dương lịch" not in n for n in named):
            name = _("nghỉ Tết")
        elif named:
            name = named[0]
        else:
            name = _("thứ Bảy, Chủ nhật")
        return f"{name} {_span(self.days[0].day, self.days[-1].day)}"


def _runs(skipped: Iterable[Skipped]) -> list[_Run]:
    runs: list[_Run] = []
    for item in skipped:
        if runs and item.day - runs[-1].days[-1].day == timedelta(days=1):
            runs[-1].days.append(item)
        else:
            runs.append(_Run([item]))
    return runs


def _reason(skipped: Skipped) -> str:
    # Weekend names are ours (translatable); holiday names come as stored.
    return _(skipped.reason) if skipped.is_weekend else skipped.reason


def explain(due: DueDate, *, with_date: bool = True) -> str:
    """E.g. "27/02/2026: 5 ngày làm việc kể từ ngày 13/02/2026 (không tính
    nghỉ Tết 14–22/02)"; without the leading date when ``with_date`` is off."""
    prefix = due.due.strftime("%d/%m/%Y") + ": " if with_date else ""
    start = due.start.strftime("%d/%m/%Y")
    if due.unit == DayUnit.WORKING:
        text = prefix + _("%(n)d ngày làm việc kể từ ngày %(start)s", n=due.days, start=start)
        runs = _runs(due.skipped)
        holidays_ = [r.label() for r in runs if not r.is_weekend_only]
        weekend_days = sum(len(r.days) for r in runs if r.is_weekend_only)
        parts = list(holidays_)
        if weekend_days:
            parts.append(_("%(n)d ngày thứ Bảy, Chủ nhật", n=weekend_days))
        notes = []
        if parts:
            notes.append(_("không tính %(days)s", days=_(" và ").join(
                [", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)))
        if due.make_up:
            notes.append(_("có tính ngày làm bù %(days)s",
                           days=", ".join(_short(d) for d in due.make_up)))
        return f"{text} ({'; '.join(notes)})" if notes else text
    text = prefix + _("%(n)d ngày kể từ ngày %(start)s", n=due.days, start=start)
    if due.moved_from is not None:
        reason = _reason(due.skipped[0]) if due.skipped else ""
        text += " " + _("(%(day)s là ngày nghỉ: %(reason)s; hạn chuyển sang ngày làm việc tiếp theo)",
                        day=due.moved_from.strftime("%d/%m/%Y"), reason=reason)
    return text
