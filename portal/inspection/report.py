"""The metrics of one frame put together: a line per group (and one for the
whole frame) with every figure, the names of the groups, and the petitions
behind any figure (the drill-down)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import sqlalchemy as sa

from portal.accounts.models import User
from portal.extensions import db
from portal.inspection import metrics
from portal.inspection.frames import TOTAL, Frame, Rows
from portal.inspection.statistics import Percentiles, Rate
from portal.petitions.models import Category
from portal.petitions.states import PetitionKind
from portal.units.models import Office, Unit


@dataclass
class Line:
    key: Any
    label: str
    code: str | None  # what the API calls the group: a unit code, a month...
    received: int
    answered: int
    on_time: Rate
    acknowledged: Rate
    answer_days: Percentiles
    answer_calendar_days: Percentiles
    ack_days: Percentiles
    open: metrics.OpenCount
    reopened: Rate
    satisfied: Rate
    handling: metrics.Handling
    commitments: Rate

    @property
    def answered_late(self) -> int:
        return self.on_time.total - self.on_time.hits

    def as_json(self) -> dict:
        """The fields the statistics API promises (docs/metrics.md)."""
        rate = self.on_time.value
        return {
            "received": self.received,
            "answered": self.answered,
            "answered_on_time": self.on_time.hits,
            "answered_late": self.answered_late,
            "open_overdue": self.open.overdue,
            "open_in_time": self.open.in_time,
            "on_time_rate": round(rate, 4) if rate is not None else None,
            "median_days_to_answer": self.answer_days.median,
            "p90_days_to_answer": self.answer_days.p90,
        }


def _labels(group_by: str | None, keys: list) -> dict[Any, tuple[str, str | None]]:
    """Each group's name, and the code other programs know it by."""
    ids = [k for k in keys if k is not None and k != TOTAL]
    if group_by in ("unit", "province"):
        return {u.id: (u.full_name, u.code) for u in db.session.scalars(
            sa.select(Unit).where(Unit.id.in_(ids)))}
    if group_by == "office":
        return {o.id: (o.name, str(o.id)) for o in db.session.scalars(
            sa.select(Office).where(Office.id.in_(ids)))}
    if group_by == "official":
        return {u.id: (u.display_name, str(u.id)) for u in db.session.scalars(
            sa.select(User).where(User.id.in_(ids)))}
    if group_by == "category":
        return {c.id: (c.label, c.code) for c in db.session.scalars(
            sa.select(Category).where(Category.id.in_(ids)))}
    if group_by == "kind":
        return {k: (PetitionKind(k).label, k) for k in ids}
    if group_by == "month":
        return {k: (f"{k[5:]}/{k[:4]}", k) for k in ids}
    return {}


@dataclass
class Report:
    frame: Frame
    rows: Rows
    total: Line
    groups: list[Line]


# Every figure of a line, and what a group without any of it shows.
FIGURE_METRICS: dict[str, Callable[[Rows], dict]] = {
    "received": metrics.received,
    "answered": metrics.answered,
    "on_time": metrics.answered_on_time,
    "acknowledged": metrics.acknowledged_on_time,
    "answer_days": metrics.days_to_answer,
    "answer_calendar_days": partial(metrics.days_to_answer, working=False),
    "ack_days": metrics.days_to_acknowledge,
    "open": metrics.open_petitions,
    "reopened": metrics.reopened,
    "satisfied": metrics.satisfied,
    "handling": metrics.handling,
    "commitments": metrics.commitments_kept,
}
_EMPTY: dict[str, Callable[[], Any]] = {
    "received": int, "answered": int, "on_time": lambda: Rate(0, 0),
    "acknowledged": lambda: Rate(0, 0), "answer_days": lambda: Percentiles(0, None, None),
    "answer_calendar_days": lambda: Percentiles(0, None, None),
    "ack_days": lambda: Percentiles(0, None, None), "open": metrics.OpenCount,
    "reopened": lambda: Rate(0, 0), "satisfied": lambda: Rate(0, 0),
    "handling": metrics.Handling, "commitments": lambda: Rate(0, 0),
}


def build(frame: Frame, loaded: Rows | None = None,
          only: Iterable[str] = tuple(FIGURE_METRICS)) -> Report:
    """The figures named in ``only`` (all by default; the others are left
    empty) of ``frame``; ``loaded`` rows of the same scope and period
    (grouped another way) are reused rather than read again."""
    rows = loaded.regrouped(frame.group_by) if loaded is not None else Rows.load(frame)
    figures = {name: FIGURE_METRICS[name](rows) for name in only}
    keys = {key for values in figures.values() for key in values}
    keys.discard(TOTAL)
    labels = _labels(frame.group_by, list(keys))

    def line(key) -> Line:
        label, code = labels.get(key, ("—", None)) if key != TOTAL else ("", None)
        values = {name: figures[name][key] if name in figures and key in figures[name]
                  else empty() for name, empty in _EMPTY.items()}
        return Line(key=key, label=label, code=code, **values)

    groups = sorted((line(key) for key in keys),
                    key=lambda item: (item.key is None, item.key if frame.group_by == "month"
                                      else item.label))
    return Report(frame, rows, line(TOTAL), groups)


def league(report: Report, minimum: int) -> tuple[list[Line], list[Line]]:
    """Units ranked by the lower end of their on-time rate's 95% interval
    (only those that answered at least ``minimum`` petitions), and the units
    that received or answered petitions in the period but too few to rank."""
    ranked = [g for g in report.groups if g.on_time.total >= minimum]
    ranked.sort(key=lambda g: (-(g.on_time.interval or (0, 0))[0], -g.on_time.total))
    return ranked, [g for g in report.groups
                    if g.on_time.total < minimum and (g.received or g.on_time.total)]


@dataclass
class Dashboard:
    report: Report  # every figure, grouped as asked
    by_month: Report  # the on-time rate by month
    ranked: list[Line]
    unranked: list[Line]


# What the league table shows of each unit.
_LEAGUE = ("received", "on_time")


def dashboard(frame: Frame, minimum: int) -> Dashboard:
    """The dashboard's figures: every figure grouped as asked, and from the
    same rows only what the chart by month and the league of units show."""
    result = build(frame)
    by_month = result if frame.group_by == "month" else build(
        replace(frame, group_by="month"), result.rows, only=("on_time",))
    by_unit = result if frame.group_by == "unit" else build(
        replace(frame, group_by="unit"), result.rows, only=_LEAGUE)
    ranked, unranked = league(by_unit, minimum)
    return Dashboard(result, by_month, ranked, unranked)


# --- Drill-down: the petitions behind a figure ----------------------------

FIGURES = ("received", "answered", "answered_on_time", "answered_late", "open_overdue",
           "open_in_time", "long_overdue", "paused", "reopened", "ack_late")


def _matches(rows: Rows, group_by: str | None, key, items, month_of) -> list:
    if key is None or group_by is None:
        return list(items)
    return [item for item in items if str(rows.key(item, month_of(item))) == str(key)]


def petition_ids(rows: Rows, figure: str, key: str | None = None) -> list[int]:
    frame = rows.frame
    group = frame.group_by
    if figure in ("open_overdue", "open_in_time", "long_overdue", "paused"):
        spans = _matches(rows, group, key, rows.spans, lambda s: s.received_on)
        as_of = frame.as_of
        chosen = {
            "paused": lambda s: s.clock == "paused",
            "open_overdue": lambda s: s.clock != "paused" and s.due_on is not None
            and s.due_on < as_of,
            "long_overdue": lambda s: s.clock != "paused" and s.due_on is not None
            and s.due_on < as_of and metrics.is_long_overdue(s, as_of),
            "open_in_time": lambda s: s.clock != "paused" and (s.due_on is None
                                                                or s.due_on >= as_of),
        }[figure]
        return [s.petition_id for s in spans if chosen(s)]
    if figure == "received":
        return [r.petition_id for r in _matches(rows, group, key, rows.received_rows,
                                                lambda r: r.received_on)]
    if figure == "ack_late":
        return [r.petition_id for r in _matches(rows, group, key, rows.received_rows,
                                                lambda r: r.received_on)
                if (r.ack_on_time is False and frame.happened(r.acknowledged_at))
                or (not frame.happened(r.acknowledged_at) and r.ack_due_on is not None
                    and r.ack_due_on < frame.as_of)]
    answered = _matches(rows, group, key, rows.answered_rows, lambda r: r.answered_on)
    if figure == "answered_on_time":
        answered = [r for r in answered if r.answer_on_time]
    elif figure == "answered_late":
        answered = [r for r in answered if not r.answer_on_time]
    elif figure == "reopened":
        answered = [r for r in answered if frame.happened(r.reopened_at)]
    return [r.petition_id for r in answered]
