"""The overdue register: every petition overdue on a given day, with who
held it then, since when, and how many times it had moved."""

from __future__ import annotations

import sqlalchemy as sa

from portal.inspection.frames import Frame
from portal.inspection.models import ClockKind, ClockSpan


def overdue(frame: Frame) -> sa.Select:
    """Spans alive at the end of the "as of" day whose deadline had passed,
    longest overdue first."""
    cutoff = frame.cutoff
    spans = ClockSpan.__table__
    return (
        sa.select(ClockSpan)
        .where(frame.where(spans), ClockSpan.starts_at < cutoff, ClockSpan.ends_at >= cutoff,
               ClockSpan.clock != ClockKind.PAUSED, ClockSpan.due_on < frame.as_of)
        .order_by(ClockSpan.due_on, ClockSpan.petition_id)
    )
