"""What inspectors read and write.

``PetitionFacts`` and ``ClockSpan`` are derived rows: they are recomputed
from a petition's history (``petition_events``) in the same transaction as
every change to it, and ``flask inspection rebuild`` recomputes them all, so
they can always be checked against the history they summarise. They exist so
that a province's figures are a few indexed reads, not a walk through
millions of history lines on every page view.

``Finding`` is written by inspectors and answered by the unit's leader.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.database import UTCDateTime, str_enum
from portal.extensions import db
from portal.petitions.models import Petition
from portal.units.models import Office, Unit

# The end of a span that has not ended: a real date, so "alive on day A" is
# one range condition an index can serve (``ends_at > A``).
OPEN_END = datetime(9999, 12, 31, tzinfo=UTC)


class PetitionFacts(db.Model):
    """One petition's response times, read from its history."""

    __tablename__ = "petition_facts"
    __table_args__ = (
        sa.Index("ix_petition_facts_province_received", "province_id", "received_on"),
        sa.Index("ix_petition_facts_unit_received", "unit_id", "received_on"),
        # A period's rows are one range of these: active until its first day
        # or later, received by its last (received_on is there so the index
        # alone answers the second condition).
        sa.Index("ix_petition_facts_province_active", "province_id", "active_until",
                 "received_on"),
        sa.Index("ix_petition_facts_unit_active", "unit_id", "active_until", "received_on"),
        sa.Index("ix_petition_facts_active", "active_until", "received_on"),
    )

    petition_id: Mapped[int] = mapped_column(
        sa.ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True,
        autoincrement=False)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    province_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("categories.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    channel: Mapped[str] = mapped_column(sa.String(20))
    # Who is answerable for it: the holder when it was first answered, or
    # the holder now while it is open.
    office_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offices.id"))
    official_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_on: Mapped[date] = mapped_column(sa.Date)
    ack_due_on: Mapped[date | None] = mapped_column(sa.Date)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ack_on_time: Mapped[bool | None] = mapped_column(sa.Boolean)
    ack_work_days: Mapped[int | None]
    ack_calendar_days: Mapped[int | None]
    rejected: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    # The first answer published, against the deadline in force at that moment.
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_on: Mapped[date | None] = mapped_column(sa.Date)
    answer_due_on: Mapped[date | None] = mapped_column(sa.Date)
    answer_on_time: Mapped[bool | None] = mapped_column(sa.Boolean)
    answer_work_days: Mapped[int | None]
    answer_calendar_days: Mapped[int | None]
    days_late: Mapped[int | None]
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopen_count: Mapped[int] = mapped_column(default=0)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    satisfied: Mapped[bool | None] = mapped_column(sa.Boolean)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    promised_on: Mapped[date | None] = mapped_column(sa.Date)
    # The last day any figure of a period reads this row for: the latest of
    # the days it was received, acknowledged (or due to be), answered, rated
    # or promised an answer. A period that starts later cannot count it.
    active_until: Mapped[date] = mapped_column(sa.Date)


class ClockKind(StrEnum):
    ACK = "ack"  # waiting to be acknowledged
    ANSWER = "answer"  # acknowledged, waiting for its answer
    PAUSED = "paused"  # the clock stopped, waiting for the resident


class ClockSpan(db.Model):
    """A stretch of time during which an open petition's situation did not
    change: the same clock, deadline and holder. The spans alive at a moment
    say what was open, overdue, and with whom, at that moment."""

    __tablename__ = "clock_spans"
    __table_args__ = (
        sa.Index("ix_clock_spans_province_ends", "province_id", "ends_at"),
        sa.Index("ix_clock_spans_unit_ends", "unit_id", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(
        sa.ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    province_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    clock: Mapped[ClockKind] = mapped_column(str_enum(ClockKind, "clock_kind"))
    due_on: Mapped[date | None] = mapped_column(sa.Date)
    clock_started_on: Mapped[date] = mapped_column(sa.Date)
    office_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offices.id"))
    official_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    held_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    moves: Mapped[int] = mapped_column(default=0)  # transfers, send-backs, reassignments so far

    petition: Mapped[Petition] = relationship(lazy="joined")
    office: Mapped[Office | None] = relationship(lazy="joined")
    official: Mapped[User | None] = relationship(lazy="joined")


class Severity(StrEnum):
    NOTE = "note"
    SERIOUS = "serious"
    GRAVE = "grave"

    @property
    def label(self) -> str:
        return str(_SEVERITY_LABELS[self])


_SEVERITY_LABELS = {
    Severity.NOTE: _l("Lưu ý"),
    Severity.SERIOUS: _l("Nghiêm trọng"),
    Severity.GRAVE: _l("Rất nghiêm trọng"),
}


class FindingSubject(StrEnum):
    PETITION = "petition"
    OFFICIAL = "official"
    UNIT = "unit"

    @property
    def label(self) -> str:
        return str(_SUBJECT_LABELS[self])


_SUBJECT_LABELS = {
    FindingSubject.PETITION: _l("Một phản ánh"),
    FindingSubject.OFFICIAL: _l("Một cán bộ"),
    FindingSubject.UNIT: _l("Một đơn vị"),
}


class Finding(db.Model):
    """An inspector's finding about a petition, an official or a unit; the
    leader of ``unit`` must reply."""

    __tablename__ = "findings"
    __table_args__ = (sa.Index("ix_findings_unit_replied", "unit_id", "replied_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[FindingSubject] = mapped_column(str_enum(FindingSubject, "finding_subject"))
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    petition_id: Mapped[int | None] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    official_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    severity: Mapped[Severity] = mapped_column(str_enum(Severity, "severity"))
    text: Mapped[str] = mapped_column(sa.Text)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reply: Mapped[str | None] = mapped_column(sa.Text)
    replied_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    unit: Mapped[Unit] = relationship(lazy="joined")
    petition: Mapped[Petition | None] = relationship()
    official: Mapped[User | None] = relationship(foreign_keys=[official_id])
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    replied_by: Mapped[User | None] = relationship(foreign_keys=[replied_by_id])

    @property
    def is_open(self) -> bool:
        return self.replied_at is None and self.closed_at is None
