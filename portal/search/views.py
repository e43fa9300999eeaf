"""The search page, its type-ahead, and the similar petitions a resident is
shown while writing one."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from portal import clock
from portal.extensions import limiter
from portal.pagination import page_number
from portal.search import queries, suggestions
from portal.search.forms import SearchForm
from portal.units import queries as unit_queries
from portal.vietnamese import clean

bp = Blueprint("search", __name__)

# The filters a pager link carries over (never arbitrary arguments).
SIMILAR_MIN_CHARS = 12
MAX_PAGE = 200  # Whoosh ranks every hit up to the page asked for
KEEP = ("q", "type", "province", "unit", "category", "kind", "status", "year", "overdue", "sort")


def run_form(form: SearchForm, *, page: int, per_page: int, typing: bool = False):
    """``typing``: type-ahead, the last word may be unfinished; titles only,
    without facets."""
    parsed = form.parsed(prefix=typing)
    if parsed.is_empty:
        return parsed, None
    return parsed, queries.search(current_user, parsed, form.filters(), page=page,
                                  per_page=per_page, by_date=form.by_date, facets=not typing,
                                  titles_only=typing)


@bp.route("/search")
def index():
    form = SearchForm(request.args, this_year=clock.today_in_vietnam().year)
    page = hint = None
    status = 200
    if form.q.data or len(request.args) > 0:
        if form.validate():
            parsed, page = run_form(form, page=min(page_number(), MAX_PAGE),
                                    per_page=current_app.config["PER_PAGE"])
            if page is not None and (not page.results or not parsed.has_diacritics):
                hint = suggestions.suggestion(parsed)
        else:
            status = 400
    counts = form.facets_by_code(page.facets if page else {})
    has_filters = any(request.args.get(name) for name in KEEP if name not in ("q", "sort"))
    return render_template("search/index.html", form=form, page=page, hint=hint, keep=KEEP,
                           counts=counts, has_filters=has_filters), status


@bp.route("/search/suggest")
@limiter.limit("120/minute")
def suggest():
    """Type-ahead for the header box: a few titles for what is typed so far."""
    form = SearchForm(request.args, this_year=clock.today_in_vietnam().year)
    if not form.validate():
        return {"items": []}
    _, page = run_form(form, page=1, per_page=6, typing=True)
    return {"items": [{"title": r.record.title, "url": r.url, "type": r.type}
                      for r in (page.results if page else [])]}


@bp.route("/search/similar")
@limiter.limit("60/minute")
def similar_petitions():
    """Petitions of the same commune that look like the one being written."""
    title = clean(request.args.get("title", ""))[:200]
    body = clean(request.args.get("body", ""), multiline=True)[:3000]
    unit = unit_queries.unit_by_code(request.args.get("unit", "")[:10])
    if unit is None or unit.is_province or len(title + body) < SIMILAR_MIN_CHARS:
        return {"items": []}
    return {"items": [
        {"title": r.record.title, "url": r.url, "status": r.record.status.label,
         "submitted_on": clock.local_date(r.record.submitted_at).isoformat()}
        for r in queries.similar(current_user, title, body, unit)]}
