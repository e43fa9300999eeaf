"""The public transparency page: for each province, and for each commune of
a chosen province, the last twelve months' on-time rate, median days to
answer and dialogue sessions held. Counts and rates only: no petition, no
name, nothing that points at a resident.

The figures change only as petitions move, and a day-old figure is as good
for the public as a fresh one, so each process keeps them for an hour."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from portal import clock
from portal.dialogues.models import HELD_STATUSES, DialogueSession
from portal.extensions import db
from portal.inspection import report
from portal.inspection.frames import Frame
from portal.permissions import Scope
from portal.units import queries as unit_queries
from portal.units.models import Unit

KEEP_SECONDS = 3600
# The figures the page shows; the others are not computed.
_SHOWN = ("received", "answered", "on_time", "answer_days")
_cache: dict[tuple, tuple[float, object]] = {}
_lock = threading.Lock()


@dataclass
class PublicLine:
    unit_id: int
    name: str
    code: str | None
    received: int
    answered: int
    on_time_rate: float | None
    median_days: int | None
    sessions_held: int


def _sessions_held(start: date, end: date, province: Unit | None) -> dict[int, int]:
    """Sessions held in the window, per commune (or per province)."""
    key = Unit.parent_id if province is None else DialogueSession.unit_id
    query = (sa.select(key, sa.func.count()).select_from(DialogueSession)
             .join(Unit, Unit.id == DialogueSession.unit_id)
             .where(DialogueSession.status.in_(HELD_STATUSES),
                    DialogueSession.starts_at >= clock.local_midnight(start),
                    DialogueSession.starts_at < clock.local_midnight(end + timedelta(days=1)))
             .group_by(key))
    if province is not None:
        query = query.where(Unit.parent_id == province.id)
    return dict(db.session.execute(query).all())


def _compute(today: date, province: Unit | None) -> tuple[date, list[PublicLine]]:
    start = today - timedelta(days=365)
    frame = Frame(scope=Scope(national=True), start=start, end=today, as_of=today,
                  unit=province, group_by="province" if province is None else "unit")
    by_unit = {line.key: line for line in report.build(frame, only=_SHOWN).groups}
    held = _sessions_held(start, today, province)
    # Every unit is listed, those with nothing to show too: an empty row is
    # itself information for the public.
    units = unit_queries.provinces() if province is None else unit_queries.communes_of(province)
    lines = []
    for unit in units:
        line = by_unit.get(unit.id)
        lines.append(PublicLine(
            unit.id, unit.full_name, unit.code, line.received if line else 0,
            line.answered if line else 0, line.on_time.value if line else None,
            line.answer_days.median if line else None, held.get(unit.id, 0)))
    return start, lines


def figures(province: Unit | None) -> tuple[date, list[PublicLine]]:
    today = clock.today_in_vietnam()
    key = (today, province.id if province else None)
    now = time.monotonic()
    with _lock:
        kept = _cache.get(key)
        if kept is not None and now - kept[0] < KEEP_SECONDS:
            return kept[1]
    result = _compute(today, province)
    with _lock:
        if len(_cache) > 100:  # yesterday's figures
            _cache.clear()
        _cache[key] = (now, result)
    return result


def forget() -> None:
    with _lock:
        _cache.clear()
