"""Keeping the derived facts in step with the history.

Every transaction that adds a history line to a petition (or changes the
petition) recomputes that petition's facts and spans just before it
commits, in the same transaction: the figures can never disagree with a
history that committed, and a rolled-back change leaves no trace in either.
``rebuild`` recomputes everything (after an upgrade, an import or a change
to the calendar of past days); ``differences`` checks the stored rows
against a fresh reading of the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import groupby

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal import clock
from portal.calendar import WorkCalendar
from portal.deadlines.services import load_calendar
from portal.inspection.models import ClockSpan, PetitionFacts
from portal.inspection.timeline import Facts, Step, Subject, read_history
from portal.petitions.models import Petition, PetitionEvent
from portal.units.models import Unit

_TOUCHED = "inspection_touched"
_CREATED = "inspection_created"
BATCH = 500

_FACT_COLUMNS = [c.name for c in PetitionFacts.__table__.columns]
_SPAN_COLUMNS = [c.name for c in ClockSpan.__table__.columns if c.name != "id"]


@event.listens_for(Session, "after_flush")
def _collect(session: Session, flush_context) -> None:
    touched = session.info.setdefault(_TOUCHED, set())
    created = session.info.setdefault(_CREATED, set())
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, PetitionEvent):
            touched.add(obj.petition_id)
        elif isinstance(obj, Petition) and obj in session.new:
            touched.add(obj.id)
            created.add(obj.id)
        elif isinstance(obj, Petition) and obj.id is not None and session.is_modified(
                obj, include_collections=False):
            touched.add(obj.id)


@event.listens_for(Session, "before_commit")
def _recompute(session: Session) -> None:
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    created = session.info.pop(_CREATED, set())
    if touched:
        recompute(session, sorted(touched), created=created)
        session.info.pop(_TOUCHED, None)  # our own writes touch nothing that needs it
        session.info.pop(_CREATED, None)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_CREATED, None)


def _subjects(session: Session, ids: list[int]) -> dict[int, Subject]:
    province = sa.func.coalesce(Unit.parent_id, Unit.id)
    rows = session.execute(
        sa.select(Petition.id, Petition.unit_id, province, Petition.category_id, Petition.kind,
                  Petition.channel, Petition.submitted_at, Petition.ack_due_on, Petition.due_on,
                  Petition.promised_on)
        .join(Unit, Unit.id == Petition.unit_id)
        .where(Petition.id.in_(ids))
    ).all()
    return {row[0]: Subject(row[0], row[1], row[2], row[3], str(row[4]), str(row[5]), row[6],
                            row[7], row[8], row[9]) for row in rows}


def _histories(session: Session, ids: list[int]) -> Iterator[tuple[int, list[Step]]]:
    rows = session.execute(
        sa.select(PetitionEvent.petition_id, PetitionEvent.type, PetitionEvent.occurred_at,
                  PetitionEvent.to_status, PetitionEvent.data)
        .where(PetitionEvent.petition_id.in_(ids))
        .order_by(PetitionEvent.petition_id, PetitionEvent.id)
    )
    for petition_id, lines in groupby(rows, key=lambda row: row[0]):
        yield petition_id, [Step(row[1], row[2], row[3], row[4]) for row in lines]


def fact_row(subject: Subject, facts: Facts) -> dict:
    """The ``petition_facts`` row of one petition."""
    values = {name: getattr(facts, name) for name in _FACT_COLUMNS if hasattr(facts, name)}
    values.update(petition_id=subject.petition_id, unit_id=subject.unit_id,
                  province_id=subject.province_id, category_id=subject.category_id,
                  kind=subject.kind, channel=subject.channel, promised_on=subject.promised_on)
    values["active_until"] = max(day for day in (
        facts.received_on, facts.ack_due_on, _local_day(facts.acknowledged_at),
        facts.answered_on, _local_day(facts.rated_at), subject.promised_on) if day is not None)
    return values


def _local_day(moment: datetime | None) -> date | None:
    return clock.local_date(moment) if moment is not None else None


def span_rows(subject: Subject, facts: Facts) -> list[dict]:
    """The ``clock_spans`` rows of one petition."""
    return [{"petition_id": subject.petition_id, "unit_id": subject.unit_id,
             "province_id": subject.province_id,
             **{name: getattr(span, name) for name in _SPAN_COLUMNS
                if hasattr(span, name)}} for span in facts.spans]


def read(session: Session, ids: list[int],
         calendar: WorkCalendar) -> Iterator[tuple[dict, list[dict]]]:
    """The fact row and span rows of each petition, freshly read."""
    subjects = _subjects(session, ids)
    for petition_id, steps in _histories(session, ids):
        subject = subjects.get(petition_id)
        if subject is None:
            continue
        facts = read_history(subject, steps, calendar)
        yield fact_row(subject, facts), span_rows(subject, facts)


def recompute(session: Session, ids: Iterable[int], calendar: WorkCalendar | None = None, *,
              created: set[int] = frozenset()) -> int:
    """Replace the facts and spans of ``ids``; those in ``created`` were
    inserted in this transaction, so they have none to delete yet."""
    ids = list(ids)
    calendar = calendar or load_calendar()
    done = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        facts, spans = [], []
        for row, petition_spans in read(session, chunk, calendar):
            facts.append(row)
            spans.extend(petition_spans)
        stale = [petition_id for petition_id in chunk if petition_id not in created]
        if stale:
            session.execute(sa.delete(ClockSpan).where(ClockSpan.petition_id.in_(stale)))
            session.execute(sa.delete(PetitionFacts).where(PetitionFacts.petition_id.in_(stale)))
        # Core inserts of the tables: the ORM's bulk path splits rows by the
        # keys that are not None, into thousands of small statements.
        if facts:
            session.execute(sa.insert(PetitionFacts.__table__), facts)
        if spans:
            session.execute(sa.insert(ClockSpan.__table__), spans)
        done += len(facts)
    return done


def all_petition_ids(session: Session) -> list[int]:
    return list(session.scalars(sa.select(Petition.id).order_by(Petition.id)))


def differences(session: Session, ids: list[int], calendar: WorkCalendar) -> list[int]:
    """Petitions whose stored facts or spans differ from their history."""
    stored_facts = {row.petition_id: row._asdict() for row in session.execute(
        sa.select(*PetitionFacts.__table__.columns).where(PetitionFacts.petition_id.in_(ids)))}
    stored_spans: dict[int, list[dict]] = {}
    for row in session.execute(sa.select(*[ClockSpan.__table__.c[n] for n in _SPAN_COLUMNS])
                               .where(ClockSpan.petition_id.in_(ids)).order_by(ClockSpan.id)):
        stored_spans.setdefault(row.petition_id, []).append(row._asdict())
    wrong = []
    for row, petition_spans in read(session, ids, calendar):
        petition_id = row["petition_id"]
        if (stored_facts.get(petition_id) != row
                or stored_spans.get(petition_id, []) != petition_spans):
            wrong.append(petition_id)
    return wrong
