"""Who held the petitions of a frame, and for how long: the custody chain
(``assignments``) cut at the end of the "as of" day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from portal.extensions import db
from portal.handling.models import Assignment
from portal.inspection.frames import Frame
from portal.inspection.models import PetitionFacts


@dataclass
class Held:
    official_id: int
    office_id: int
    petitions: int
    days: float


def time_held(frame: Frame) -> list[Held]:
    """Who held the petitions received in the period, and for how long (in
    days, up to the "as of" day), longest first."""
    facts, custody = PetitionFacts.__table__, Assignment.__table__
    received = sa.select(facts.c.petition_id).where(
        frame.where(facts), facts.c.received_on.between(frame.start, frame.last_day))
    totals: dict[tuple[int, int], list] = defaultdict(lambda: [set(), 0.0])
    cutoff = frame.cutoff
    for petition_id, official_id, office_id, started, ended in db.session.execute(
            sa.select(custody.c.petition_id, custody.c.assignee_id, custody.c.office_id,
                      custody.c.started_at, custody.c.ended_at)
            .where(custody.c.petition_id.in_(received), custody.c.started_at < cutoff)):
        end = min(ended, cutoff) if ended is not None else cutoff
        entry = totals[(official_id, office_id)]
        entry[0].add(petition_id)
        entry[1] += max(0.0, (end - started).total_seconds() / 86400)
    held = [Held(official, office, len(ids), days)
            for (official, office), (ids, days) in totals.items()]
    return sorted(held, key=lambda h: -h.days)
