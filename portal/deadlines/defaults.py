"""The deadline rules and calendar entries a new portal starts with.

Both are data that admins edit afterwards; ``docs/deadlines.md`` gives the
legal basis of each default. Seeding only adds what is missing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import sqlalchemy as sa

from portal.calendar import DayKind, DayUnit
from portal.deadlines.models import CalendarDay, DeadlineRule
from portal.extensions import db
from portal.petitions.models import PetitionKind

W, C = DayUnit.WORKING, DayUnit.CALENDAR


@dataclass(frozen=True)
class RuleDefault:
    kind: PetitionKind
    ack_days: int
    ack_unit: DayUnit
    resolve_days: int
    resolve_unit: DayUnit
    valid_from: date
    legal_basis: str
    complex_days: int | None = None
    remote_days: int | None = None
    complex_remote_days: int | None = None
    max_extensions: int = 0
    extension_days: int | None = None


_FEEDBACK_BASIS = (
    "Mặc định của cổng (có thể cấu hình): 10 ngày làm việc để tiếp nhận, 15 ngày làm việc "
    "để trả lời; tham chiếu Luật Tiếp công dân 2013 và quy chế tiếp nhận, xử lý phản ánh, "
    "kiến nghị của địa phương."
)

DEFAULT_RULES = (
    RuleDefault(PetitionKind.FEEDBACK, 10, W, 15, W, date(2014, 7, 1), _FEEDBACK_BASIS,
                max_extensions=1, extension_days=10),
    RuleDefault(PetitionKind.RECOMMENDATION, 10, W, 15, W, date(2014, 7, 1), _FEEDBACK_BASIS,
                max_extensions=1, extension_days=10),
    RuleDefault(
        PetitionKind.COMPLAINT, 10, C, 30, C, date(2012, 7, 1),
        "Luật Khiếu nại 2011: thụ lý trong 10 ngày (Điều 27); giải quyết lần đầu không quá "
        "30 ngày kể từ ngày thụ lý, vụ việc phức tạp không quá 45 ngày; vùng sâu, vùng xa "
        "không quá 45 ngày, phức tạp không quá 60 ngày (Điều 28).",
        complex_days=45, remote_days=45, complex_remote_days=60,
    ),
    RuleDefault(
        PetitionKind.DENUNCIATION, 7, W, 30, C, date(2019, 1, 1),
        "Luật Tố cáo 2018: xử lý ban đầu trong 7 ngày làm việc (Điều 24); giải quyết không "
        "quá 30 ngày kể từ ngày thụ lý, gia hạn tối đa hai lần, mỗi lần không quá 30 ngày "
        "(Điều 30).",
        max_extensions=2, extension_days=30,
    ),
)

# Days the government moved for the public sector beyond the statutory
# holidays (a weekday off, a weekend day worked in exchange). The holidays
# package carries the statutory days, some of the days off, and never the
# weekend days worked.
DEFAULT_CALENDAR = (
    (date(2025, 4, 26), DayKind.WORKING_DAY,
     "Làm bù cho ngày nghỉ 02/5/2025 (lễ 30/4 – 1/5/2025)", "Hoán đổi ngày làm việc năm 2025"),
    (date(2026, 1, 2), DayKind.DAY_OFF,
     "Nghỉ Tết Dương lịch 2026 (hoán đổi, làm bù thứ Bảy 10/01)",
     "Công văn 12729/VPCP-KGVX ngày 25/12/2025"),
    (date(2026, 1, 10), DayKind.WORKING_DAY,
     "Làm bù cho ngày nghỉ 02/01/2026", "Công văn 12729/VPCP-KGVX ngày 25/12/2025"),
    (date(2026, 8, 22), DayKind.WORKING_DAY,
     "Làm bù cho ngày nghỉ 31/8/2026 (lễ Quốc khánh 2026)", "Hoán đổi ngày làm việc năm 2026"),
)


def seed_deadline_rules() -> int:
    existing = {(r.kind, r.valid_from) for r in db.session.scalars(sa.select(DeadlineRule))}
    added = 0
    for default in DEFAULT_RULES:
        if (default.kind, default.valid_from) in existing:
            continue
        db.session.add(DeadlineRule(**asdict(default)))
        added += 1
    db.session.flush()
    return added


def seed_calendar() -> int:
    known = set(db.session.scalars(sa.select(CalendarDay.day)))
    added = 0
    for day, kind, reason, source in DEFAULT_CALENDAR:
        if day not in known:
            db.session.add(CalendarDay(day=day, kind=kind, reason=reason, source=source))
            added += 1
    db.session.flush()
    return added
