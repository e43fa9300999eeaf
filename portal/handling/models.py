"""The custody chain and the changes to a petition's clock.

An ``Assignment`` row says one office and one named official held a petition
from ``started_at`` to ``ended_at`` and why it left them; the rows of a
petition, in order, are its custody record. A partial unique index keeps at
most one open assignment per petition: one named responsible person.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.accounts.models import User
from portal.database import UTCDateTime, str_enum
from portal.extensions import db
from portal.units.models import Office


class CustodyEnd(StrEnum):
    TRANSFERRED = "transferred"
    SENT_BACK = "sent_back"
    REASSIGNED = "reassigned"
    ANSWERED = "answered"
    MERGED = "merged"  # closed as a duplicate: the other petition's holder answers

    @property
    def label(self) -> str:
        return str(_CUSTODY_END_LABELS[self])


_CUSTODY_END_LABELS = {
    CustodyEnd.TRANSFERRED: _l("Đã chuyển đi"),
    CustodyEnd.SENT_BACK: _l("Bị trả lại"),
    CustodyEnd.REASSIGNED: _l("Đã giao người khác"),
    CustodyEnd.ANSWERED: _l("Đã trả lời"),
    CustodyEnd.MERGED: _l("Đã gộp vào phản ánh trùng"),
}


class Assignment(db.Model):
    __tablename__ = "assignments"
    __table_args__ = (
        sa.Index(
            "uq_assignments_one_current",
            "petition_id",
            unique=True,
            sqlite_where=sa.text("ended_at IS NULL"),
            postgresql_where=sa.text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    office_id: Mapped[int] = mapped_column(sa.ForeignKey("offices.id"))
    assignee_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[CustodyEnd | None] = mapped_column(str_enum(CustodyEnd, "custody_end"))
    # Why the petition came to this holder (assignment note, transfer reason...).
    note: Mapped[str | None] = mapped_column(sa.Text)
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assignments.id"))

    office: Mapped[Office] = relationship(lazy="joined")
    assignee: Mapped[User] = relationship(foreign_keys=[assignee_id], lazy="joined")
    assigned_by: Mapped[User | None] = relationship(foreign_keys=[assigned_by_id])
    previous: Mapped[Assignment | None] = relationship(remote_side=[id])

    @property
    def is_current(self) -> bool:
        return self.ended_at is None

    @property
    def days_held(self) -> float:
        """How long this holder has had it (or had it), in days."""
        end = self.ended_at or clock.now()
        return (end - self.started_at).total_seconds() / 86400

    def __repr__(self) -> str:
        return f"<Assignment petition={self.petition_id} to={self.assignee_id}>"


class ExtensionStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # the holder changed or the answer went out first

    @property
    def label(self) -> str:
        return str(_EXTENSION_LABELS[self])


_EXTENSION_LABELS = {
    ExtensionStatus.PENDING: _l("Chờ lãnh đạo quyết định"),
    ExtensionStatus.APPROVED: _l("Đã đồng ý gia hạn"),
    ExtensionStatus.REFUSED: _l("Không đồng ý gia hạn"),
    ExtensionStatus.WITHDRAWN: _l("Đề nghị gia hạn không còn hiệu lực"),
}


class ExtensionRequest(db.Model):
    __tablename__ = "extension_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(sa.Text)
    days: Mapped[int]
    status: Mapped[ExtensionStatus] = mapped_column(
        str_enum(ExtensionStatus, "extension_status"), default=ExtensionStatus.PENDING
    )
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(sa.Text)

    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class Pause(db.Model):
    """The clock stopped for a lawful reason (waiting for the resident)."""

    __tablename__ = "pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(sa.Text)
    started_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    ended_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
