"""Dialogue sessions (hội nghị đối thoại) of a commune with its residents:
the dated rules they answer to, the agenda, the petitions sent to or raised
at them, and residents' requests for one."""

from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.database import TimestampMixin, UTCDateTime, str_enum
from portal.dialogues.states import (  # noqa: F401 - the vocabulary used with these models
    ALLOWED_SESSION_TRANSITIONS,
    AWAITING_RESULTS,
    EDITABLE_STATUSES,
    HELD_STATUSES,
    PUBLIC_SESSION_STATUSES,
    Flag,
    ItemOutcome,
    ItemStage,
    SessionFormat,
    SessionStatus,
)
from portal.errors import InvalidTransition
from portal.extensions import db
from portal.petitions.models import Petition
from portal.units.models import Unit


class DialogueRule(TimestampMixin, db.Model):
    """The clocks a session answers to, valid for a period: nationally
    (``province_id`` empty) or for one province, which then replaces the
    national rule there. A session keeps the rule in force on its date."""

    __tablename__ = "dialogue_rules"
    __table_args__ = (
        sa.CheckConstraint(
            "notice_days >= 0 AND results_days >= 0 AND min_sessions_per_year >= 0"
            " AND request_threshold_percent > 0 AND request_threshold_percent <= 100"
            " AND (valid_to IS NULL OR valid_to > valid_from)",
            name="sane_values",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    province_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    notice_days: Mapped[int]  # notice published at least this many days before
    results_days: Mapped[int]  # results published at most this many days after
    min_sessions_per_year: Mapped[int]
    request_threshold_percent: Mapped[int]  # of the commune's voters
    valid_from: Mapped[date] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)  # exclusive
    legal_basis: Mapped[str] = mapped_column(sa.Text, default="")

    province: Mapped[Unit | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<DialogueRule province={self.province_id} from {self.valid_from}>"


class DialogueSession(TimestampMixin, db.Model):
    __tablename__ = "dialogue_sessions"
    __table_args__ = (
        sa.Index("ix_dialogue_sessions_unit_id_starts_at", "unit_id", "starts_at"),
        sa.Index("ix_dialogue_sessions_status_starts_at", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    title: Mapped[str] = mapped_column(sa.String(200))
    theme: Mapped[str] = mapped_column(sa.Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    venue: Mapped[str] = mapped_column(sa.String(300), default="")
    format: Mapped[SessionFormat] = mapped_column(str_enum(SessionFormat, "session_format"))
    online_link: Mapped[str | None] = mapped_column(sa.String(500))
    expected_participants: Mapped[int | None]
    # The chair is a leader of the commune with an account; co-chairs come
    # from other bodies (the Fatherland Front, the People's Council), one per line.
    chair_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    chair_title: Mapped[str] = mapped_column(sa.String(200), default="")
    co_chairs: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[SessionStatus] = mapped_column(
        str_enum(SessionStatus, "session_status"), default=SessionStatus.DRAFT
    )
    cancel_reason: Mapped[str | None] = mapped_column(sa.Text)
    # Clocks: the rule in force on the session's date and the days it gives;
    # whether each was missed is kept when the step is taken, so inspectors
    # can list late sessions with one query.
    rule_id: Mapped[int | None] = mapped_column(sa.ForeignKey("dialogue_rules.id"))
    notice_due_on: Mapped[date | None] = mapped_column(sa.Date)
    results_due_on: Mapped[date | None] = mapped_column(sa.Date)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_notice_late: Mapped[bool] = mapped_column(sa.Boolean, default=False,
                                                 server_default=sa.false())
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when recorded as held
    attendance_count: Mapped[int | None]
    attending_organisations: Mapped[str] = mapped_column(sa.Text, default="")
    # Minutes as typed (Markdown) and as shown (sanitised HTML).
    minutes_source: Mapped[str] = mapped_column(sa.Text, default="")
    minutes_html: Mapped[str] = mapped_column(sa.Text, default="")
    conclusion_number: Mapped[str | None] = mapped_column(sa.String(60))
    conclusion_date: Mapped[date | None] = mapped_column(sa.Date)
    conclusion_text: Mapped[str] = mapped_column(sa.Text, default="")
    concluded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # published
    is_results_late: Mapped[bool] = mapped_column(sa.Boolean, default=False,
                                                  server_default=sa.false())
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}

    unit: Mapped[Unit] = relationship(lazy="joined")
    chair: Mapped[User] = relationship(foreign_keys=[chair_id], lazy="joined")
    rule: Mapped[DialogueRule | None] = relationship()
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="session", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    items: Mapped[list[SessionItem]] = relationship(
        back_populates="session", order_by="SessionItem.id"
    )

    @property
    def is_public(self) -> bool:
        # A draft cancelled before its notice was never public.
        return self.status in PUBLIC_SESSION_STATUSES and self.announced_at is not None

    @property
    def co_chair_lines(self) -> list[str]:
        return [line.strip() for line in self.co_chairs.splitlines() if line.strip()]

    @property
    def organisation_lines(self) -> list[str]:
        return [line.strip() for line in self.attending_organisations.splitlines()
                if line.strip()]

    def may_become(self, status: SessionStatus) -> bool:
        return status in ALLOWED_SESSION_TRANSITIONS[self.status]

    def change_status(self, target: SessionStatus) -> None:
        if not self.may_become(target):
            raise InvalidTransition(self.status, target)
        self.status = target

    def flags(self, today: date) -> list[Flag]:
        """Clocks missed, or certain to be missed because the day has passed."""
        found = []
        if self.is_notice_late or (self.status == SessionStatus.DRAFT
                                   and self.notice_due_on is not None
                                   and today > self.notice_due_on):
            found.append(Flag.NOTICE_LATE)
        # Never recorded as held counts too: not clicking "held" must not
        # stop the results clock.
        if self.is_results_late or (self.status in AWAITING_RESULTS
                                    and self.results_due_on is not None
                                    and today > self.results_due_on):
            found.append(Flag.RESULTS_LATE)
        return found

    def __repr__(self) -> str:
        return f"<DialogueSession {self.id} {self.status}>"


class AgendaItem(db.Model):
    """One point of the agenda, in order; a matter arising names the earlier
    commitment it follows up."""

    __tablename__ = "agenda_items"
    __table_args__ = (sa.UniqueConstraint("session_id", "petition_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue_sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(300))
    starts_at: Mapped[time | None] = mapped_column(sa.Time)
    ends_at: Mapped[time | None] = mapped_column(sa.Time)
    presenter: Mapped[str] = mapped_column(sa.String(200), default="")
    petition_id: Mapped[int | None] = mapped_column(sa.ForeignKey("petitions.id"))

    session: Mapped[DialogueSession] = relationship(back_populates="agenda")
    petition: Mapped[Petition | None] = relationship()

    @property
    def is_matter_arising(self) -> bool:
        return self.petition_id is not None


class SessionItem(db.Model):
    """A petition that came to a session: a question sent through the notice,
    or one raised in the room, with what became of it there."""

    __tablename__ = "session_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("dialogue_sessions.id"), index=True)
    petition_id: Mapped[int] = mapped_column(sa.ForeignKey("petitions.id"), unique=True)
    stage: Mapped[ItemStage] = mapped_column(str_enum(ItemStage, "item_stage"))
    outcome: Mapped[ItemOutcome | None] = mapped_column(str_enum(ItemOutcome, "item_outcome"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Who typed it in (raised in the room); a question's sender is the petition's.
    entered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    session: Mapped[DialogueSession] = relationship(back_populates="items")
    petition: Mapped[Petition] = relationship(lazy="joined")


class SessionRequest(db.Model):
    """A resident asks the commune to hold a session. Requests since the last
    session held count towards the legal threshold; holding one answers them."""

    __tablename__ = "session_requests"
    __table_args__ = (
        # One standing request per resident and commune.
        sa.Index("uq_session_requests_open", "unit_id", "user_id", unique=True,
                 sqlite_where=sa.text("answered_by_id IS NULL"),
                 postgresql_where=sa.text("answered_by_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("dialogue_sessions.id"))
