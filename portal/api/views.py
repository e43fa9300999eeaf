"""JSON API v1. Collections answer ``{"items": [...], "meta": {...}}``;
errors answer the envelope from ``portal.errors``."""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask_babel import gettext as _

from portal.units import queries as unit_queries
from portal.units.models import Unit

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MAX_PER_PAGE = 500


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
