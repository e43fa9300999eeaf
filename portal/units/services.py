"""Writes for units: importing the official two-tier list, creating offices."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from portal import vietnamese
from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.models import Office, Unit, UnitKind

BUNDLED_UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "vn_admin_units_2025.json"
# The two-tier structure took effect on this date (Resolution 202/2025/QH15).
REFORM_DATE = date(2025, 7, 1)

_KIND_BY_LABEL = {
    "Tỉnh": UnitKind.PROVINCE,
    "Thành phố": UnitKind.CITY,
    "Xã": UnitKind.COMMUNE,
    "Phường": UnitKind.WARD,
    "Đặc khu": UnitKind.SPECIAL_ZONE,
}
_TRACKED_FIELDS = ("name", "full_name", "name_en", "kind", "parent_code")


@dataclass(frozen=True)
class UnitRecord:
    code: str
    name: str
    full_name: str
    name_en: str | None
    kind: UnitKind
    parent_code: str | None


@dataclass
class ImportReport:
    added: list[UnitRecord] = field(default_factory=list)
    # (code, field name, old value, new value)
    changed: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    unchanged: int = 0
    # Units in the database that the file no longer lists; they are kept,
    # because petitions and history still point at them.
    missing: list[str] = field(default_factory=list)

    @property
    def added_provinces(self) -> int:
        return sum(1 for r in self.added if r.parent_code is None)

    @property
    def added_communes(self) -> int:
        return sum(1 for r in self.added if r.parent_code is not None)


def _record(raw: dict, parent_code: str | None, where: str) -> UnitRecord:
    try:
        code, name, full_name = raw["Code"], raw["Name"], raw["FullName"]
        kind_label = raw["AdministrativeUnitShortName"]
    except (KeyError, TypeError) as exc:
        raise RuleViolation(f"{where}: missing field {exc}") from exc
    kind = _KIND_BY_LABEL.get(kind_label)
    if kind is None:
        raise RuleViolation(f"{where}: unknown unit type {kind_label!r}")
    if (parent_code is None) != kind.is_province_level:
        raise RuleViolation(f"{where}: {kind_label} {code} is at the wrong level")
    if not (isinstance(code, str) and code.isdigit()):
        raise RuleViolation(f"{where}: code {code!r} is not numeric")
    return UnitRecord(
        code=code,
        name=vietnamese.clean(name),
        full_name=vietnamese.clean(full_name),
        name_en=vietnamese.clean(raw.get("NameEn")) or None,
        kind=kind,
        parent_code=parent_code,
    )


def read_units_file(path: Path | str) -> list[UnitRecord]:
    """Parse the two-tier list (a list of provinces, each with ``Wards``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleViolation(f"cannot read {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleViolation(f"{path} is not valid UTF-8 JSON: {exc}") from exc
    if not isinstance(data, list):
        raise RuleViolation(f"{path}: expected a list of provinces")
    records: list[UnitRecord] = []
    for i, province in enumerate(data):
        record = _record(province, None, f"province #{i + 1}")
        records.append(record)
        wards = province.get("Wards") or []
        for j, ward in enumerate(wards):
            records.append(_record(ward, record.code, f"province {record.code}, commune #{j + 1}"))
    codes = [r.code for r in records]
    if len(codes) != len(set(codes)):
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        raise RuleViolation(f"{path}: duplicate unit codes {', '.join(duplicates[:10])}")
    return records


def _current(unit: Unit, codes_by_id: dict[int, str]) -> dict[str, str | None]:
    return {
        "name": unit.name,
        "full_name": unit.full_name,
        "name_en": unit.name_en,
        "kind": unit.kind,
        "parent_code": codes_by_id.get(unit.parent_id) if unit.parent_id else None,
    }


def import_units(records: list[UnitRecord], *, valid_from: date | None = None) -> ImportReport:
    """Insert new units and update changed ones, matched by official code.

    Idempotent: importing the same records twice changes nothing the second time.
    """
    report = ImportReport()
    existing = {u.code: u for u in db.session.scalars(sa.select(Unit))}
    codes_by_id = {u.id: u.code for u in existing.values()}
    # Provinces first, so communes can point at them.
    ordered = sorted(records, key=lambda r: r.parent_code is not None)
    for record in ordered:
        unit = existing.get(record.code)
        parent = existing.get(record.parent_code) if record.parent_code else None
        if record.parent_code and parent is None:
            raise RuleViolation(f"commune {record.code}: unknown province {record.parent_code}")
        if unit is None:
            unit = Unit(
                code=record.code,
                name=record.name,
                full_name=record.full_name,
                name_en=record.name_en,
                kind=record.kind,
                parent=parent,
                valid_from=valid_from,
            )
            db.session.add(unit)
            existing[record.code] = unit
            report.added.append(record)
            continue
        before = _current(unit, codes_by_id)
        changes = [(f, before[f], getattr(record, f)) for f in _TRACKED_FIELDS
                   if before[f] != getattr(record, f)]
        if not changes:
            report.unchanged += 1
            continue
        for name, old, new in changes:
            report.changed.append((record.code, name, old, new))
            if name == "parent_code":
                unit.parent = parent
            else:
                setattr(unit, name, new)
    listed = {r.code for r in records}
    report.missing = sorted(code for code in codes_by_id.values() if code not in listed)
    db.session.flush()
    return report


def get_or_create_office(unit: Unit, name: str) -> Office:
    name = vietnamese.clean(name)
    if not name:
        raise RuleViolation("office name is empty")
    office = db.session.scalar(sa.select(Office).where(Office.unit_id == unit.id, Office.name == name))
    if office is None:
        office = Office(unit=unit, name=name)
        db.session.add(office)
        db.session.flush()
    return office
