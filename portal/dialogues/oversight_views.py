"""Oversight: a commune's dialogue figures and voters' roll, compliance per
commune and year for staff in scope, and the dated rules (admins)."""


from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.dialogues import compliance, queries, rules, session_requests
from portal.dialogues.forms import (
    DialogueRuleForm,
    VotersForm,
)
from portal.errors import report_to_form
from portal.extensions import db
from portal.pagination import page_number, paginate
from portal.permissions import (
    access_commune,
    admin_area_guard,
    can_set_voters,
    require,
    staff_area_guard,
    staff_scope,
)
from portal.units import queries as unit_queries
from portal.units.models import Unit

bp = Blueprint("dialogue_oversight", __name__, url_prefix="/staff/dialogues")
bp.before_request(staff_area_guard)

rules_bp = Blueprint("dialogue_rules", __name__, url_prefix="/admin")
rules_bp.before_request(admin_area_guard)


@bp.route("/communes/<int(max=2147483647):unit_id>", methods=["GET", "POST"])
def commune(unit_id: int):
    unit = access_commune(current_user, unit_id)
    form = VotersForm(data={"voters": unit.voter_count} if request.method == "GET" else None)
    status = 200
    if request.method == "POST":
        require(can_set_voters(current_user, unit))
        if form.validate_on_submit():
            _result, error = report_to_form(form, lambda: session_requests.set_voter_count(
                unit, form.voters.data, actor=current_user))
            if not error:
                db.session.commit()
                flash(_("Đã lưu số cử tri."), "success")
                return redirect(url_for(".commune", unit_id=unit_id))
            status = error.status_code
        else:
            status = 400
    year = clock.today_in_vietnam().year
    summary = compliance.commune_years(staff_scope(current_user), year, only=unit)
    return render_template(
        "staff/dialogues/commune.html", unit=unit, form=form, summary=summary[0],
        page=paginate(queries.staff_sessions(current_user,
                                             queries.StaffSessionFilters(commune=unit))),
        threshold=rules.request_threshold(unit, clock.today_in_vietnam()),
        requests=session_requests.standing_requests(unit),
        today=clock.today_in_vietnam(),
    ), status


PER_PAGE_COMPLIANCE = 100


@bp.route("/compliance")
def compliance_page():
    today = clock.today_in_vietnam()
    raw_year = request.args.get("year", "")
    year = int(raw_year) if raw_year.isascii() and raw_year.isdecimal() and len(raw_year) == 4 \
        else today.year
    if not 2020 <= year <= today.year:
        year = today.year
    scope = staff_scope(current_user)
    province = unit_queries.unit_by_code(request.args.get("province", ""))
    if province is not None and not province.is_province:
        province = None
    rows = compliance.commune_years(scope, year, province=province)
    only_flagged = request.args.get("flagged") == "1"
    shown = [r for r in rows if r.is_flagged] if only_flagged else rows
    page_no = page_number()
    start = (page_no - 1) * PER_PAGE_COMPLIANCE
    return render_template(
        "staff/dialogues/compliance.html", rows=shown[start:start + PER_PAGE_COMPLIANCE],
        total=len(shown), flagged_total=sum(r.is_flagged for r in rows), communes=len(rows),
        year=year, years=range(today.year, 2024, -1), page_no=page_no,
        pages=max(1, -(-len(shown) // PER_PAGE_COMPLIANCE)), only_flagged=only_flagged,
        province=province, provinces=unit_queries.provinces() if scope.national else [],
    )


# The rules (admins) -------------------------------------------------------------------

def _rules_page(form, status=200):
    return render_template("admin/dialogue_rules.html", form=form,
                           rules=rules.all_rules()), status


@rules_bp.route("/dialogue-rules", methods=["GET", "POST"])
def dialogue_rules():
    form = DialogueRuleForm(provinces=unit_queries.provinces())
    if form.validate_on_submit():
        province = db.session.get(Unit, int(form.province.data)) if form.province.data else None
        values = {name: getattr(form, name).data for name in (
            "notice_days", "results_days", "min_sessions_per_year", "request_threshold_percent")}
        _result, error = report_to_form(form, lambda: rules.add_rule_version(
            province=province, values=values, valid_from=form.valid_from.data,
            legal_basis=form.legal_basis.data, actor=current_user))
        if error:
            return _rules_page(form, error.status_code)
        db.session.commit()
        flash(_("Đã thêm quy định mới. Hội nghị diễn ra trước ngày hiệu lực vẫn theo quy định cũ."),
              "success")
        return redirect(url_for(".dialogue_rules"))
    return _rules_page(form, 400 if form.is_submitted() else 200)
