"""``/api/v1/stats/response-times``: response-time
statistics for programs holding an inspector's or a leader's token, with the
same scope rules and figures as the inspection pages."""

from __future__ import annotations

from datetime import date

from flask import request
from flask_babel import gettext as _

from portal import clock
from portal.accounts.models import Role
from portal.api import tokens
from portal.api.views import bp
from portal.errors import error_response
from portal.extensions import limiter
from portal.inspection import report
from portal.inspection.frames import GROUPINGS, Frame
from portal.permissions import scope_of
from portal.units import queries as unit_queries

STATS_ROLES = frozenset({Role.INSPECTOR, Role.LEADER})


def _day(name: str, default: date, errors: dict) -> date:
    raw = request.args.get(name, "")
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = [_("Ngày phải có dạng YYYY-MM-DD.")]
        return default


@bp.route("/stats/response-times")
@limiter.limit("60/minute")
def response_times():
    record = tokens.presented()
    if record is None:
        return error_response(401, code="unauthorized",
                              message=_("Cần mã truy cập (Authorization: Bearer ...)."))
    scope = scope_of(record.user, STATS_ROLES)
    if scope.is_empty:
        return error_response(403, code="forbidden")
    today = clock.today_in_vietnam()
    errors: dict[str, list[str]] = {}
    start = _day("from", date(today.year, 1, 1), errors)
    end = _day("to", today, errors)
    as_of = _day("as_of", today, errors)
    if end < start:
        errors["to"] = [_("Ngày kết thúc phải sau ngày bắt đầu.")]
    if as_of > today:
        errors["as_of"] = [_("Không xem được tình hình của một ngày chưa đến.")]
    group_by = request.args.get("group_by") or None
    if group_by is not None and group_by not in GROUPINGS:
        errors["group_by"] = [_("Chỉ nhận: %(values)s.", values=", ".join(GROUPINGS))]
    unit = None
    code = request.args.get("scope", "").strip()[:10]
    if code:
        unit = unit_queries.unit_by_code(code)
        if unit is None:
            errors["scope"] = [_("Không có đơn vị mã '%(code)s'.", code=code)]
        elif not scope.covers(unit):
            return error_response(403, code="forbidden",
                                  message=_("Đơn vị này nằm ngoài phạm vi của bạn."))
    if errors:
        return error_response(400, code="invalid_parameters", message=_("Tham số không hợp lệ."),
                              fields=errors)
    result = report.build(Frame(scope=scope, start=start, end=end, as_of=as_of, unit=unit,
                                group_by=group_by))
    return {
        "scope": unit.code if unit else None, "from": start.isoformat(), "to": end.isoformat(),
        "as_of": as_of.isoformat(), "group_by": group_by,
        "totals": result.total.as_json(),
        "groups": [{"key": line.code, "label": line.label, **line.as_json()}
                   for line in result.groups],
    }
