"""Administrative units after the two-tier reform of 1 July 2025, and offices."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import TimestampMixin, str_enum
from portal.extensions import db


class UnitKind(StrEnum):
    PROVINCE = "tinh"
    CITY = "thanh_pho"
    COMMUNE = "xa"
    WARD = "phuong"
    SPECIAL_ZONE = "dac_khu"

    @property
    def label(self) -> str:
        return str(_UNIT_KIND_LABELS[self])

    @property
    def is_province_level(self) -> bool:
        return self in PROVINCE_KINDS


PROVINCE_KINDS = frozenset({UnitKind.PROVINCE, UnitKind.CITY})
COMMUNE_KINDS = frozenset({UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE})

_UNIT_KIND_LABELS = {
    UnitKind.PROVINCE: _l("Tỉnh"),
    UnitKind.CITY: _l("Thành phố"),
    UnitKind.COMMUNE: _l("Xã"),
    UnitKind.WARD: _l("Phường"),
    UnitKind.SPECIAL_ZONE: _l("Đặc khu"),
}


class Unit(TimestampMixin, db.Model):
    """A province-level unit (no parent) or a commune-level unit (parent = province).

    Codes are the official ones (2 digits for a province, 5 for a commune).
    Merged units keep their codes while names change, hence the validity dates.
    """

    __tablename__ = "units"
    __table_args__ = (
        sa.CheckConstraint(
            "(kind IN ('tinh', 'thanh_pho') AND parent_id IS NULL)"
            " OR (kind IN ('xa', 'phuong', 'dac_khu') AND parent_id IS NOT NULL)",
            name="level_matches_parent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(10), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    full_name: Mapped[str] = mapped_column(sa.String(160))
    name_en: Mapped[str | None] = mapped_column(sa.String(160))
    kind: Mapped[UnitKind] = mapped_column(str_enum(UnitKind, "unit_kind"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    valid_from: Mapped[date | None] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)
    # Settings: remote areas get the longer legal deadlines; where answers
    # need a leader's approval before they are published.
    is_remote: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
    requires_answer_approval: Mapped[bool] = mapped_column(
        sa.Boolean, default=True, server_default=sa.true()
    )
    # Voters on the commune's roll: residents' requests for a dialogue session
    # count towards a share of it.
    voter_count: Mapped[int | None]

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")
    offices: Mapped[list[Office]] = relationship(back_populates="unit")

    @property
    def is_province(self) -> bool:
        return self.parent_id is None

    @property
    def province(self) -> Unit:
        return self if self.parent is None else self.parent

    def __repr__(self) -> str:
        return f"<Unit {self.code} {self.full_name}>"


class Office(TimestampMixin, db.Model):
    """A body that can be responsible for a petition (UBND xã X, Công an xã X...)."""

    __tablename__ = "offices"
    __table_args__ = (sa.UniqueConstraint("unit_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))

    unit: Mapped[Unit] = relationship(back_populates="offices")

    def __repr__(self) -> str:
        return f"<Office {self.name}>"
