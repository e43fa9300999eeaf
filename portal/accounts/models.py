"""Users and their role grants (role + unit scope)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import TimestampMixin, UTCDateTime, str_enum
from portal.extensions import db
from portal.units.models import Office, Unit


class Role(StrEnum):
    RESIDENT = "resident"
    OFFICIAL = "official"
    LEADER = "leader"
    INSPECTOR = "inspector"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return str(_ROLE_LABELS[self])


STAFF_ROLES = frozenset({Role.OFFICIAL, Role.LEADER, Role.INSPECTOR, Role.ADMIN})
# Roles that act on petitions (acknowledge, reject); inspectors only read.
HANDLING_ROLES = frozenset({Role.OFFICIAL, Role.LEADER})

_ROLE_LABELS = {
    Role.RESIDENT: _l("Người dân"),
    Role.OFFICIAL: _l("Cán bộ xử lý"),
    Role.LEADER: _l("Lãnh đạo"),
    Role.INSPECTOR: _l("Thanh tra"),
    Role.ADMIN: _l("Quản trị"),
}


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="email_or_phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored normalised (lowercase e-mail, E.164 phone) so uniqueness holds.
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(sa.String(20), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    full_name: Mapped[str] = mapped_column(sa.String(120), default="")
    is_active_account: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user",
        lazy="selectin",
        cascade="all, delete-orphan",
        foreign_keys="RoleGrant.user_id",
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.is_active_account

    @property
    def display_name(self) -> str:
        return self.full_name or self.email or self.phone or f"#{self.id}"

    def roles(self) -> set[Role]:
        return {grant.role for grant in self.grants}

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email or self.phone}>"


class RoleGrant(TimestampMixin, db.Model):
    """A role held over a unit: a province grant covers its communes; no unit
    means the whole country (for admins and national inspectors)."""

    __tablename__ = "role_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    office_id: Mapped[int | None] = mapped_column(sa.ForeignKey("offices.id"), index=True)
    granted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    # An official who may assign petitions of the unit, as leaders do.
    may_assign: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())

    user: Mapped[User] = relationship(back_populates="grants", foreign_keys=[user_id])
    unit: Mapped[Unit | None] = relationship(lazy="joined")
    office: Mapped[Office | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<RoleGrant {self.role} unit={self.unit_id}>"
