"""Per commune and year: did it hold the sessions the law asks for, on time,
and do residents' requests oblige it to hold one? For leaders and inspectors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from portal import clock
from portal.dialogues.models import (
    AWAITING_RESULTS,
    HELD_STATUSES,
    DialogueSession,
    SessionRequest,
    SessionStatus,
)
from portal.dialogues.rules import rules_by_province, threshold_for
from portal.extensions import db
from portal.permissions import Scope
from portal.units.models import COMMUNE_KINDS, Unit


class YearState(StrEnum):
    MET = "met"
    DUE = "due"  # the year is not over and sessions are still to be held
    MISSED = "missed"

    @property
    def label(self) -> str:
        return str(_YEAR_LABELS[self])


_YEAR_LABELS = {
    YearState.MET: _l("Đủ số hội nghị"),
    YearState.DUE: _l("Chưa đủ, năm chưa kết thúc"),
    YearState.MISSED: _l("Không đủ số hội nghị"),
}


@dataclass
class CommuneYear:
    unit: Unit
    year: int
    required: int
    held: int
    upcoming: int
    notice_late: int
    results_late: int
    pending_requests: int
    threshold: int | None

    @property
    def state(self) -> YearState:
        if self.held >= self.required:
            return YearState.MET
        return YearState.MISSED if self.year < clock.today_in_vietnam().year else YearState.DUE

    @property
    def requests_reached(self) -> bool:
        return self.threshold is not None and self.pending_requests >= self.threshold

    @property
    def is_flagged(self) -> bool:
        return (self.state == YearState.MISSED or bool(self.notice_late or self.results_late)
                or (self.requests_reached and not self.upcoming))


def _count(condition) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def commune_years(scope: Scope, year: int, *, province: Unit | None = None,
                  only: Unit | None = None) -> list[CommuneYear]:
    """Every commune in ``scope`` (one province's, or ``only`` one, if given),
    in code order."""
    communes_query = sa.select(Unit).where(Unit.kind.in_(COMMUNE_KINDS),
                                           scope.units_clause(Unit.id)).order_by(Unit.code)
    if province is not None:
        communes_query = communes_query.where(Unit.parent_id == province.id)
    if only is not None:
        communes_query = communes_query.where(Unit.id == only.id)
    communes = db.session.scalars(communes_query).all()
    start, end = clock.local_midnight(date(year, 1, 1)), clock.local_midnight(date(year + 1, 1, 1))
    now = clock.now()
    today = clock.today_in_vietnam()
    session_counts = {row.unit_id: row for row in db.session.execute(
        sa.select(
            DialogueSession.unit_id,
            _count(DialogueSession.status.in_(HELD_STATUSES)).label("held"),
            _count(sa.and_(DialogueSession.status.in_([SessionStatus.DRAFT,
                                                        SessionStatus.ANNOUNCED]),
                           DialogueSession.starts_at >= now)).label("upcoming"),
            _count(sa.or_(DialogueSession.is_notice_late,
                          sa.and_(DialogueSession.status == SessionStatus.DRAFT,
                                  DialogueSession.notice_due_on < today))).label("notice_late"),
            _count(sa.or_(DialogueSession.is_results_late,
                          sa.and_(DialogueSession.status.in_(AWAITING_RESULTS),
                                  DialogueSession.results_due_on < today))).label("results_late"),
        )
        .where(DialogueSession.starts_at >= start, DialogueSession.starts_at < end)
        .group_by(DialogueSession.unit_id)
    )}
    requests = dict(db.session.execute(
        sa.select(SessionRequest.unit_id, sa.func.count(SessionRequest.id))
        .where(SessionRequest.answered_by_id.is_(None))
        .group_by(SessionRequest.unit_id)
    ).all())
    # The rule in force at the end of the year asks for the year's number.
    day = min(date(year, 12, 31), max(clock.today_in_vietnam(), date(year, 1, 1)))
    national, own = rules_by_province(day)
    rows = []
    for unit in communes:
        rule = own.get(unit.parent_id, national)
        counts = session_counts.get(unit.id)
        threshold = threshold_for(rule, unit.voter_count)
        rows.append(CommuneYear(
            unit=unit, year=year, required=rule.min_sessions_per_year if rule else 0,
            held=counts.held if counts else 0, upcoming=counts.upcoming if counts else 0,
            notice_late=counts.notice_late if counts else 0,
            results_late=counts.results_late if counts else 0,
            pending_requests=requests.get(unit.id, 0), threshold=threshold,
        ))
    return rows
