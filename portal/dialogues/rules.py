"""The dated rules dialogue sessions answer to: which one is in force for a
commune on a day, the defaults a new portal starts with, and new versions.

The defaults follow the Law on the Organisation of Local Government 2025
(Art. 43); ``docs/dialogues.md`` gives the details. Everything here is data an
admin can change from a date onwards; nothing else in the code knows the
numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.dialogues.models import DialogueRule, DialogueSession
from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.models import Unit

DEFAULT_BASIS = (
    "Luật Tổ chức chính quyền địa phương năm 2025, Điều 43: chính quyền địa phương cấp xã "
    "tổ chức hội nghị đối thoại với Nhân dân ít nhất mỗi năm một lần hoặc khi có ít nhất 10% "
    "tổng số cử tri của xã yêu cầu; thông báo thời gian, địa điểm, nội dung, hình thức chậm nhất "
    "7 ngày trước ngày tổ chức; công bố kết quả chậm nhất 10 ngày kể từ ngày tổ chức."
)


@dataclass(frozen=True)
class RuleDefault:
    notice_days: int = 7
    results_days: int = 10
    min_sessions_per_year: int = 1
    request_threshold_percent: int = 10
    valid_from: date = date(2025, 7, 1)
    legal_basis: str = DEFAULT_BASIS


DEFAULT_RULE = RuleDefault()


def seed_dialogue_rules() -> int:
    """Add the national default if no national rule exists yet."""
    exists = db.session.scalar(sa.select(DialogueRule.id).where(DialogueRule.province_id.is_(None)))
    if exists:
        return 0
    db.session.add(DialogueRule(
        notice_days=DEFAULT_RULE.notice_days, results_days=DEFAULT_RULE.results_days,
        min_sessions_per_year=DEFAULT_RULE.min_sessions_per_year,
        request_threshold_percent=DEFAULT_RULE.request_threshold_percent,
        valid_from=DEFAULT_RULE.valid_from, legal_basis=DEFAULT_RULE.legal_basis))
    db.session.flush()
    return 1


def _valid_on(day: date):
    return sa.and_(DialogueRule.valid_from <= day,
                   sa.or_(DialogueRule.valid_to.is_(None), DialogueRule.valid_to > day))


def rule_for(unit: Unit, day: date) -> DialogueRule | None:
    """The province's own rule in force on ``day``, else the national one."""
    province = unit.province
    return db.session.scalar(
        sa.select(DialogueRule)
        .where(_valid_on(day), sa.or_(DialogueRule.province_id == province.id,
                                      DialogueRule.province_id.is_(None)))
        .order_by(DialogueRule.province_id.is_(None), DialogueRule.valid_from.desc())
        .limit(1)
    )


def rules_by_province(day: date) -> tuple[DialogueRule | None, dict[int, DialogueRule]]:
    """The national rule and each province's own, as in force on ``day``:
    one query for pages that cover many communes."""
    rules = db.session.scalars(sa.select(DialogueRule).where(_valid_on(day))).all()
    national = next((r for r in rules if r.province_id is None), None)
    return national, {r.province_id: r for r in rules if r.province_id is not None}


def apply_clocks(session: DialogueSession) -> None:
    """The rule in force on the session's date and the two dates it gives:
    last day to publish the notice, last day to publish the results. Whether
    a step already taken was late is re-judged against the new dates."""
    day = clock.local_date(session.starts_at)
    rule = rule_for(session.unit, day)
    session.rule = rule
    if rule is None:
        session.notice_due_on = session.results_due_on = None
        return
    session.notice_due_on = day - timedelta(days=rule.notice_days)
    session.results_due_on = day + timedelta(days=rule.results_days)
    if session.announced_at is not None:
        session.is_notice_late = clock.local_date(session.announced_at) > session.notice_due_on
    if session.concluded_at is not None:
        session.is_results_late = clock.local_date(session.concluded_at) > session.results_due_on


def request_threshold(unit: Unit, day: date) -> int | None:
    """How many residents' requests oblige the commune to hold a session;
    None while the commune's number of voters is unknown."""
    return threshold_for(rule_for(unit, day), unit.voter_count)


def threshold_for(rule: DialogueRule | None, voters: int | None) -> int | None:
    if rule is None or not voters:
        return None
    return max(1, math.ceil(voters * rule.request_threshold_percent / 100))


def add_rule_version(*, province: Unit | None, values: dict, valid_from: date, legal_basis: str,
                     actor: User | None) -> DialogueRule:
    """A new version, nationally or for one province, from a date; the
    version in force there until then ends that day."""
    if valid_from <= clock.today_in_vietnam():
        # Sessions already planned keep the rule of their date.
        raise RuleViolation(_("Quy định mới phải có hiệu lực từ ngày mai trở đi."),
                            field="valid_from")
    legal_basis = vietnamese.clean(legal_basis, multiline=True) or ""
    if len(legal_basis) < 5:
        raise RuleViolation(_("Vui lòng ghi căn cứ pháp lý."), field="legal_basis")
    same_scope = (DialogueRule.province_id == province.id if province is not None
                  else DialogueRule.province_id.is_(None))
    for current in db.session.scalars(sa.select(DialogueRule).where(
            same_scope, DialogueRule.valid_to.is_(None))):
        if valid_from <= current.valid_from:
            raise RuleViolation(_("Ngày hiệu lực phải sau ngày %(day)s của quy định đang áp dụng.",
                                  day=current.valid_from.strftime("%d/%m/%Y")), field="valid_from")
        current.valid_to = valid_from
    rule = DialogueRule(province=province, valid_from=valid_from, legal_basis=legal_basis,
                        **values)
    db.session.add(rule)
    db.session.flush()
    return rule


def all_rules() -> list[DialogueRule]:
    return list(db.session.scalars(sa.select(DialogueRule).order_by(
        DialogueRule.province_id.is_not(None), DialogueRule.province_id, DialogueRule.valid_from)))
