"""Reads for units: lists for pickers and resolving a commune typed by a person."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from portal import vietnamese
from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.models import Unit


def provinces() -> list[Unit]:
    units = db.session.scalars(sa.select(Unit).where(Unit.parent_id.is_(None))).all()
    return sorted(units, key=lambda u: vietnamese.fold(u.name))


def unit_by_code(code: str) -> Unit | None:
    if "\x00" in code:  # typed by nobody; PostgreSQL refuses it in a comparison
        return None
    # With its province: whoever looks a commune up by code shows or files
    # something under it, and would load the province next.
    return db.session.scalar(sa.select(Unit).where(Unit.code == code)
                             .options(joinedload(Unit.parent)))


def communes_of(province: Unit) -> list[Unit]:
    units = db.session.scalars(sa.select(Unit).where(Unit.parent_id == province.id)).all()
    return sorted(units, key=lambda u: vietnamese.fold(u.name))


def units_in(unit_ids) -> list[Unit]:
    """The given units and, for provinces among them, their communes."""
    ids = list(unit_ids)
    rows = db.session.scalars(
        sa.select(Unit).where(sa.or_(Unit.id.in_(ids), Unit.parent_id.in_(ids)))
    ).all()
    return sorted(rows, key=lambda u: (vietnamese.fold(u.province.name), vietnamese.fold(u.name)))


def _names(unit: Unit) -> tuple[str, str]:
    return unit.name, unit.full_name


def match_units(units: list[Unit], text: str, limit: int | None = None) -> list[Unit]:
    """Units whose name starts with, or has a word starting with, ``text``.

    Matching ignores case, diacritics and tone placement; units whose name
    matches with the diacritics as typed come first.
    """
    typed_exact = vietnamese.match_key(text).strip()
    typed = vietnamese.fold(text).strip()
    if not typed:
        return units[:limit] if limit else list(units)
    ranked = []
    for unit in units:
        best = None
        for name in _names(unit):
            folded = vietnamese.fold(name)
            exact = vietnamese.match_key(name)
            if folded == typed:
                rank = 0
            elif folded.startswith(typed):
                rank = 1
            elif f" {typed}" in f" {folded}":
                rank = 2
            else:
                continue
            # Diacritics as typed: "Hoà" before "Hoa" when both match.
            if typed_exact not in exact:
                rank += 3
            best = rank if best is None else min(best, rank)
        if best is not None:
            ranked.append((best, vietnamese.fold(unit.name), unit))
    ranked.sort(key=lambda item: (item[0], item[1]))
    result = [unit for _, _, unit in ranked]
    return result[:limit] if limit else result


@dataclass
class CommuneLookup:
    unit: Unit | None
    suggestions: list[Unit]


def resolve_commune(province: Unit, text: str, code: str | None = None) -> CommuneLookup:
    """Find the commune a person chose (by code from the picker) or typed."""
    communes = communes_of(province)
    if code:
        for unit in communes:
            if unit.code == code and (not text or unit in match_units([unit], text)):
                return CommuneLookup(unit, [])
    candidates = match_units(communes, text)
    typed = vietnamese.fold(text)
    whole = [u for u in candidates if typed in (vietnamese.fold(u.name), vietnamese.fold(u.full_name))]
    if len(whole) == 1:
        return CommuneLookup(whole[0], [])
    if len(whole) > 1:
        # Same name in two kinds of unit ("Xã An Bình", "Phường An Bình"):
        # prefer the one written with the diacritics as typed, else ask.
        exact = [u for u in whole if vietnamese.match_key(text) in
                 (vietnamese.match_key(u.name), vietnamese.match_key(u.full_name))]
        if len(exact) == 1:
            return CommuneLookup(exact[0], [])
        return CommuneLookup(None, whole[:8])
    if len(candidates) == 1:
        return CommuneLookup(candidates[0], [])
    return CommuneLookup(None, candidates[:8])


class PlaceNotFound(RuleViolation):
    """The typed commune matched none, or several (``suggestions``)."""

    def __init__(self, message: str, *, field: str, suggestions: list[Unit] | None = None):
        super().__init__(message, field=field)
        self.suggestions = suggestions or []


def commune_from_input(province_code: str, text: str, code: str | None = None) -> Unit:
    """The commune a person chose in the form or the API: a province code,
    the commune's name as typed (any diacritics), and the picker's code."""
    province = unit_by_code(province_code or "")
    if province is None or not province.is_province:
        raise PlaceNotFound(_("Vui lòng chọn tỉnh, thành phố."), field="province")
    lookup = resolve_commune(province, text or "", code)
    if lookup.unit is not None:
        return lookup.unit
    if lookup.suggestions:
        raise PlaceNotFound(
            _("Có nhiều đơn vị khớp với tên này, vui lòng chọn một trong danh sách."),
            field="commune", suggestions=lookup.suggestions)
    raise PlaceNotFound(_("Không tìm thấy xã, phường nào có tên này ở %(province)s.",
                          province=province.full_name), field="commune")

