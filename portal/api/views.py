"""JSON API v1. Collections answer ``{"items": [...], "meta": {...}}``;
errors answer the envelope from ``portal.errors``."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, request
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal import clock
from portal.api.inputs import refuse_nul_in_url
from portal.calendar import MAX_DAYS, DayUnit, explain
from portal.deadlines.services import load_calendar
from portal.errors import error_response
from portal.extensions import limiter
from portal.petitions import queries as petition_queries
from portal.search.forms import SearchForm
from portal.search.views import run_form
from portal.units import queries as unit_queries
from portal.units.models import Unit

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.before_request(refuse_nul_in_url)

MAX_PER_PAGE = 500
MAX_SEARCH_PAGE = 100  # Whoosh ranks page × per_page hits


def _unit_json(unit: Unit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "full_name": unit.full_name,
        "kind": str(unit.kind),
        "parent_code": unit.parent.code if unit.parent else None,
    }


def _int_arg(name: str, default: int, *, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdecimal()) or not low <= int(raw) <= high:
        abort(400, description=_("Tham số '%(name)s' phải là số nguyên từ %(low)d đến %(high)d.",
                                 name=name, low=low, high=high))
    return int(raw)


@bp.route("/units")
def units():
    """Provinces, or with ``parent=<province code>`` its communes; ``q``
    narrows by name, typed with or without diacritics."""
    parent_code = request.args.get("parent", "").strip()
    if parent_code:
        parent = unit_queries.unit_by_code(parent_code)
        if parent is None or not parent.is_province:
            abort(404, description=_("Không có tỉnh, thành phố mã '%(code)s'.", code=parent_code))
        candidates = unit_queries.communes_of(parent)
    else:
        candidates = unit_queries.provinces()
    query = request.args.get("q", "")[:100]
    matched = unit_queries.match_units(candidates, query) if query.strip() else candidates
    page = _int_arg("page", 1, low=1, high=100_000)
    per_page = _int_arg("per_page", MAX_PER_PAGE, low=1, high=MAX_PER_PAGE)
    start = (page - 1) * per_page
    return {
        "items": [_unit_json(u) for u in matched[start:start + per_page]],
        "meta": {"total": len(matched), "page": page, "per_page": per_page},
    }


@bp.route("/calendar/due-date")
def due_date():
    """The due date of ``days`` working or calendar days counted from
    ``start`` (day zero), on the public-sector calendar, explained."""
    errors: dict[str, list[str]] = {}
    start = None
    try:
        start = date.fromisoformat(request.args.get("start", ""))
    except ValueError:
        errors["start"] = [_("Cần ngày bắt đầu dạng YYYY-MM-DD, ví dụ 2026-02-13.")]
    raw_days = request.args.get("days", "")
    days = int(raw_days) if raw_days.isascii() and raw_days.isdecimal() else None
    if days is None or days > MAX_DAYS:
        errors["days"] = [_("Cần số ngày là số nguyên từ 0 đến %(max)d.", max=MAX_DAYS)]
    try:
        unit = DayUnit(request.args.get("unit", ""))
    except ValueError:
        errors["unit"] = [_("Cần 'working' (ngày làm việc) hoặc 'calendar' (ngày theo lịch).")]
    if start is not None and not date(1990, 1, 1) <= start <= date(2100, 12, 31):
        errors["start"] = [_("Ngày bắt đầu phải trong khoảng 1990–2100.")]
    if errors:
        return error_response(400, code="invalid_parameters",
                              message=_("Tham số không hợp lệ."), fields=errors)
    calendar = load_calendar(language=str(get_locale() or "vi"))
    due = calendar.due_date(start, days, unit)
    return {
        "due_date": due.due.isoformat(),
        "explanation": explain(due),
        "skipped": [{"date": s.day.isoformat(), "reason": s.reason} for s in due.skipped],
    }


SEARCH_ARGS = ("q", "type", "category", "kind", "status", "year", "overdue", "sort")


@bp.route("/search")
@limiter.limit("120/minute")
def search():
    """Full-text search with the same permissions as the search page.
    ``unit`` is a province or commune code; ``category`` a category code."""
    args = {name: request.args[name] for name in SEARCH_ARGS if name in request.args}
    unit_code = request.args.get("unit", "").strip()[:10]
    if unit_code:
        unit = unit_queries.unit_by_code(unit_code)
        if unit is None:
            problem = _("Không có đơn vị mã '%(code)s'.", code=unit_code)
            return error_response(400, code="invalid_parameters",
                                  message=_("Tham số không hợp lệ."), fields={"unit": [problem]})
        args["province"] = unit.province.code
        if not unit.is_province:
            args["unit"] = unit.code
    form = SearchForm(MultiDict(args), this_year=clock.today_in_vietnam().year)
    if not form.validate():
        return error_response(400, code="invalid_parameters", message=_("Tham số không hợp lệ."),
                              fields=form.errors)
    page = _int_arg("page", 1, low=1, high=MAX_SEARCH_PAGE)
    per_page = _int_arg("per_page", 20, low=1, high=100)
    found = run_form(form, page=page, per_page=per_page)[1]
    return {
        "items": [{"type": r.type, "id": r.id, "part": r.part, "tracking_code": r.tracking_code,
                   "title": r.record.title, "snippet": str(r.snippet), "score": r.score,
                   "url": url_for_result(r)} for r in (found.results if found else [])],
        "meta": {"total": found.total if found else 0, "page": page, "per_page": per_page},
        "facets": form.facets_by_code(found.facets if found else {}),
    }


def url_for_result(result) -> str:
    return request.host_url.rstrip("/") + result.url


@bp.route("/categories")
def categories():
    """The fields a petition can be filed under (``category`` when sending)."""
    found = petition_queries.active_categories()
    return {"items": [{"code": c.code, "name": c.name, "name_en": c.name_en} for c in found],
            "meta": {"total": len(found), "page": 1, "per_page": max(len(found), 1)}}
