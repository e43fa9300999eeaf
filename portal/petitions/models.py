"""Petitions (phản ánh, kiến nghị, khiếu nại, tố cáo), their categories and
their append-only history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import get_locale
from sqlalchemy import event
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from portal import clock
from portal.accounts.models import User
from portal.database import TimestampMixin, UTCDateTime, str_enum
from portal.errors import InvalidTransition
from portal.extensions import db
from portal.petitions.states import (  # noqa: F401 - the vocabulary used with these models
    ACK_CLOCK_STATUSES,
    ALLOWED_TRANSITIONS,
    ANSWER_CLOCK_STATUSES,
    FINAL_STATUSES,
    OPEN_STATUSES,
    Channel,
    DeadlineState,
    EventType,
    PetitionKind,
    PetitionStatus,
)
from portal.units.models import Office, Unit


class Category(TimestampMixin, db.Model):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    name_en: Mapped[str] = mapped_column(sa.String(120), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(sa.Boolean, default=True)

    @property
    def label(self) -> str:
        locale = get_locale()
        if locale is not None and locale.language == "en" and self.name_en:
            return self.name_en
        return self.name

    def __repr__(self) -> str:
        return f"<Category {self.code}>"


class Petition(TimestampMixin, db.Model):
    __tablename__ = "petitions"
    __table_args__ = (
        sa.Index("ix_petitions_unit_id_submitted_at", "unit_id", "submitted_at"),
        sa.Index("ix_petitions_status_submitted_at", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[PetitionKind] = mapped_column(str_enum(PetitionKind, "petition_kind"))
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("categories.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "channel"))
    status: Mapped[PetitionStatus] = mapped_column(
        str_enum(PetitionStatus, "petition_status"), default=PetitionStatus.RECEIVED
    )
    submitter_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    contact_name: Mapped[str | None] = mapped_column(sa.String(120))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(20))
    contact_email: Mapped[str | None] = mapped_column(sa.String(254))
    is_identity_hidden: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    # The resident agrees that the content (never the identity) may be published.
    is_public: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic locking: two people acting on the same petition at once
    # cannot both win; the second gets a "reload and try again" message.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    # Deadlines: the rule in force when it arrived, the dates it gives and how
    # they were counted (``deadline_basis``: the calendar as applied), and the
    # dates from which less than a quarter of the time is left.
    is_complex: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
    rule_id: Mapped[int | None] = mapped_column(sa.ForeignKey("deadline_rules.id"))
    ack_due_on: Mapped[date | None] = mapped_column(sa.Date)
    ack_risk_on: Mapped[date | None] = mapped_column(sa.Date)
    due_on: Mapped[date | None] = mapped_column(sa.Date)
    risk_on: Mapped[date | None] = mapped_column(sa.Date)
    deadline_basis: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    # A date promised to residents at a dialogue session: it replaces the
    # rule's answer deadline (extensions and pauses still count from it).
    promised_on: Mapped[date | None] = mapped_column(sa.Date)
    # The current holder, kept in step with the open Assignment row so work
    # queues are one indexed query.
    office_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offices.id"), index=True)
    # Closed as a duplicate of this petition, which is answered instead.
    duplicate_of_id: Mapped[int | None] = mapped_column(sa.ForeignKey("petitions.id"),
                                                        index=True)
    assignee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    # The record's number in the spreadsheet it was imported from (see
    # docs/import.md); importing the same file twice changes nothing.
    external_id: Mapped[str | None] = mapped_column(sa.String(100), unique=True)
    # The Open311 key that sent it: that program may read it back through
    # Open311 even when it is not published.
    open311_client_id: Mapped[int | None] = mapped_column(sa.ForeignKey("open311_clients.id"),
                                                          index=True)

    category: Mapped[Category] = relationship(lazy="joined")
    unit: Mapped[Unit] = relationship(lazy="joined")
    submitter: Mapped[User | None] = relationship(foreign_keys=[submitter_id])
    office: Mapped[Office | None] = relationship(lazy="joined")
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id], lazy="joined")
    rule = relationship("DeadlineRule")
    duplicate_of: Mapped[Petition | None] = relationship(remote_side=[id])
    events: Mapped[list[PetitionEvent]] = relationship(
        back_populates="petition", order_by="PetitionEvent.id", passive_deletes="all"
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @hybrid_property
    def deadline_on(self) -> date | None:
        """The deadline the clock currently runs against, if any."""
        if self.status in ACK_CLOCK_STATUSES:
            return self.ack_due_on
        if self.status in ANSWER_CLOCK_STATUSES:
            return self.due_on
        return None

    @deadline_on.inplace.expression
    @classmethod
    def _deadline_on_expression(cls):
        return sa.case(
            (cls.status.in_(ACK_CLOCK_STATUSES), cls.ack_due_on),
            (cls.status.in_(ANSWER_CLOCK_STATUSES), cls.due_on),
            else_=sa.null(),
        )

    @hybrid_property
    def warning_on(self) -> date | None:
        """From this day less than a quarter of the allowed time is left."""
        if self.status in ACK_CLOCK_STATUSES:
            return self.ack_risk_on
        if self.status in ANSWER_CLOCK_STATUSES:
            return self.risk_on
        return None

    @warning_on.inplace.expression
    @classmethod
    def _warning_on_expression(cls):
        return sa.case(
            (cls.status.in_(ACK_CLOCK_STATUSES), cls.ack_risk_on),
            (cls.status.in_(ANSWER_CLOCK_STATUSES), cls.risk_on),
            else_=sa.null(),
        )

    def deadline_state(self, today: date) -> DeadlineState | None:
        if self.status == PetitionStatus.PAUSED:
            return DeadlineState.PAUSED
        deadline = self.deadline_on
        if deadline is None:
            return None
        if today > deadline:
            return DeadlineState.OVERDUE
        warning = self.warning_on
        if warning is not None and today >= warning:
            return DeadlineState.AT_RISK
        return DeadlineState.ON_TRACK

    @property
    def awaits_acknowledgement(self) -> bool:
        return self.status == PetitionStatus.RECEIVED

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_phone or self.contact_email)

    def may_become(self, status: PetitionStatus) -> bool:
        return status in ALLOWED_TRANSITIONS[self.status]

    def record(
        self,
        event_type: EventType,
        *,
        actor: User | None,
        note: str | None = None,
        data: dict[str, Any] | None = None,
        from_status: PetitionStatus | None = None,
        to_status: PetitionStatus | None = None,
        is_public: bool = True,
    ) -> PetitionEvent:
        entry = PetitionEvent(
            type=event_type,
            actor=actor,
            occurred_at=clock.now(),
            from_status=from_status,
            to_status=to_status,
            note=note,
            data=data,
            is_public=is_public,
        )
        # Appending (not setting entry.petition) cascades the new row into the
        # petition's session.
        self.events.append(entry)
        return entry

    def change_status(
        self,
        target: PetitionStatus,
        *,
        event_type: EventType,
        actor: User | None,
        note: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> PetitionEvent:
        if not self.may_become(target):
            raise InvalidTransition(self.status, target)
        previous = self.status
        self.status = target
        return self.record(
            event_type,
            actor=actor,
            note=note,
            data=data,
            from_status=previous,
            to_status=target,
        )

    def __repr__(self) -> str:
        return f"<Petition {self.tracking_code} {self.status}>"


class PetitionEvent(db.Model):
    """One line of a petition's history: who did what, when, from which status
    to which. Rows are only ever added (see the flush guard below)."""

    __tablename__ = "petition_events"
    __table_args__ = (sa.Index("ix_petition_events_petition_id_id", "petition_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id", ondelete="RESTRICT"))
    type: Mapped[EventType] = mapped_column(
        sa.Enum(
            EventType,
            name="event_type",
            native_enum=False,
            create_constraint=False,  # the vocabulary grows with features
            length=40,
            values_callable=lambda members: [m.value for m in members],
        )
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_status: Mapped[PetitionStatus | None] = mapped_column(
        str_enum(PetitionStatus, "from_status")
    )
    to_status: Mapped[PetitionStatus | None] = mapped_column(str_enum(PetitionStatus, "to_status"))
    note: Mapped[str | None] = mapped_column(sa.Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    # Shown on the public tracking page; internal steps are staff-only.
    is_public: Mapped[bool] = mapped_column(sa.Boolean, default=True)

    petition: Mapped[Petition] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<PetitionEvent {self.type} petition={self.petition_id}>"


@event.listens_for(Session, "do_orm_execute")
def _no_bulk_history_changes(state) -> None:
    # Bulk UPDATE/DELETE statements bypass the flush check below.
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is PetitionEvent for mapper in state.all_mappers
    ):
        raise RuntimeError("petition history is append-only: events cannot change")


@event.listens_for(Session, "before_flush")
def _history_is_append_only(session: Session, flush_context, instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, PetitionEvent) and (
            obj in session.deleted or session.is_modified(obj, include_collections=False)
        ):
            raise RuntimeError("petition history is append-only: events cannot change")
