"""Deadline rules (per kind and optionally category, valid for a period) and
the calendar entries admins add on top of the statutory holidays."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.calendar import DayKind, DayUnit
from portal.database import TimestampMixin, str_enum
from portal.extensions import db
from portal.petitions.models import Category, PetitionKind


class CalendarDay(TimestampMixin, db.Model):
    """An extra day off, or a weekend day worked in exchange (make-up day)."""

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(sa.Date, unique=True)
    kind: Mapped[DayKind] = mapped_column(str_enum(DayKind, "day_kind"))
    reason: Mapped[str] = mapped_column(sa.String(300))
    source: Mapped[str | None] = mapped_column(sa.String(300))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    def __repr__(self) -> str:
        return f"<CalendarDay {self.day} {self.kind}>"


class DeadlineRule(TimestampMixin, db.Model):
    """How long a kind of petition may wait: to be acknowledged (counted from
    receipt) and to be answered (counted from acknowledgement), with longer
    variants for complex cases and remote areas. A petition keeps the rule in
    force on the day it arrived."""

    __tablename__ = "deadline_rules"
    __table_args__ = (
        sa.CheckConstraint(
            "ack_days >= 0 AND resolve_days >= 0 AND max_extensions >= 0"
            " AND (valid_to IS NULL OR valid_to > valid_from)",
            name="sane_values",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PetitionKind] = mapped_column(str_enum(PetitionKind, "rule_kind"))
    category_id: Mapped[int | None] = mapped_column(sa.ForeignKey("categories.id"))
    ack_days: Mapped[int]
    ack_unit: Mapped[DayUnit] = mapped_column(str_enum(DayUnit, "ack_unit"))
    resolve_days: Mapped[int]
    resolve_unit: Mapped[DayUnit] = mapped_column(str_enum(DayUnit, "resolve_unit"))
    complex_days: Mapped[int | None]
    remote_days: Mapped[int | None]
    complex_remote_days: Mapped[int | None]
    max_extensions: Mapped[int] = mapped_column(default=0)
    extension_days: Mapped[int | None]
    valid_from: Mapped[date] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)  # exclusive
    legal_basis: Mapped[str] = mapped_column(sa.Text, default="")

    category: Mapped[Category | None] = relationship(lazy="joined")

    def resolve_days_for(self, *, is_complex: bool, is_remote: bool) -> int:
        if is_complex and is_remote and self.complex_remote_days is not None:
            return self.complex_remote_days
        if is_remote and self.remote_days is not None:
            return self.remote_days
        if is_complex and self.complex_days is not None:
            return self.complex_days
        return self.resolve_days

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def __repr__(self) -> str:
        return f"<DeadlineRule {self.kind} from {self.valid_from}>"
