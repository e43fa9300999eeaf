"""An answer is drafted by the responsible official, approved by a leader
where the unit requires it, then published; the resident rates it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.database import TimestampMixin, UTCDateTime, str_enum
from portal.extensions import db


class ResponseStatus(StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return str(_RESPONSE_LABELS[self])


_RESPONSE_LABELS = {
    ResponseStatus.DRAFT: _l("Bản nháp"),
    ResponseStatus.PENDING_APPROVAL: _l("Chờ lãnh đạo duyệt"),
    ResponseStatus.PUBLISHED: _l("Đã công bố"),
}


class Response(TimestampMixin, db.Model):
    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ResponseStatus] = mapped_column(
        str_enum(ResponseStatus, "response_status"), default=ResponseStatus.DRAFT
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Why a leader sent the draft back, shown to its author.
    return_note: Mapped[str | None] = mapped_column(sa.Text)
    # An answer given in the room at a dialogue session.
    session_id: Mapped[int | None] = mapped_column(sa.ForeignKey("dialogue_sessions.id"))

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])

    @property
    def is_published(self) -> bool:
        return self.status == ResponseStatus.PUBLISHED


class Rating(db.Model):
    """The resident's verdict on a published answer."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), index=True)
    response_id: Mapped[int] = mapped_column(sa.ForeignKey("responses.id"), unique=True)
    is_satisfied: Mapped[bool] = mapped_column(sa.Boolean)
    comment: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    rated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
