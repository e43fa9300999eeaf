"""Officials' and leaders' side: the list of their units' petitions, the
detail with full history, acknowledging or rejecting."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.pagination import paginate
from portal.permissions import access_petition, can_handle_petition, staff_area_guard, staff_scope
from portal.petitions import queries, services
from portal.petitions.forms import AcceptForm, MergeForm, RejectForm, StaffFilterForm
from portal.petitions.merging import merge_into
from portal.petitions.models import DeadlineState, PetitionKind, PetitionStatus
from portal.petitions.staff_page import perform, render_detail
from portal.units import queries as unit_queries

bp = Blueprint("staff", __name__, url_prefix="/staff")


bp.before_request(staff_area_guard)


def _filters(form: StaffFilterForm) -> queries.StaffFilters:
    if not form.validate():
        return queries.StaffFilters()
    return queries.StaffFilters(
        status=PetitionStatus(form.status.data) if form.status.data else None,
        kind=PetitionKind(form.kind.data) if form.kind.data else None,
        category_id=int(form.category.data) if form.category.data else None,
        unit_id=int(form.commune.data) if form.commune.data else None,
        submitted_from=form.submitted_from.data,
        submitted_to=form.submitted_to.data,
        deadline=DeadlineState(form.deadline.data) if form.deadline.data else None,
        by_deadline=form.sort.data == "deadline",
    )


def _communes_in_scope():
    scope = staff_scope(current_user)
    if scope.national:
        return []  # thousands of communes: national staff filter by search later
    return [u for u in unit_queries.units_in(scope.unit_ids) if not u.is_province]


@bp.route("/petitions")
def petitions():
    form = StaffFilterForm(
        request.args, categories=queries.active_categories(), communes=_communes_in_scope()
    )
    filters = _filters(form)
    page = paginate(queries.staff_petitions(current_user, filters))
    status = 400 if form.errors else 200
    return render_template("staff/petitions.html", form=form, page=page,
                           filters=tuple(form.data), today=clock.today_in_vietnam()), status


@bp.route("/petitions/<int(max=2147483647):petition_id>")
def petition(petition_id: int):
    return render_detail(access_petition(current_user, petition_id))


@bp.route("/petitions/<int(max=2147483647):petition_id>/accept", methods=["POST"])
def accept(petition_id: int):
    return perform(
        petition_id,
        allowed=can_handle_petition,
        form=lambda p: AcceptForm(prefix="accept"),
        form_name="accept_form",
        run=lambda p, f: services.accept_petition(p, actor=current_user, note=f.note.data),
        done=_("Đã tiếp nhận phản ánh %(code)s."),
    )


@bp.route("/petitions/<int(max=2147483647):petition_id>/reject", methods=["POST"])
def reject(petition_id: int):
    return perform(
        petition_id,
        allowed=can_handle_petition,
        form=lambda p: RejectForm(prefix="reject"),
        form_name="reject_form",
        run=lambda p, f: services.reject_petition(p, actor=current_user, reason=f.reason.data),
        done=_("Đã ghi nhận không tiếp nhận phản ánh %(code)s."),
    )


@bp.route("/petitions/<int(max=2147483647):petition_id>/merge", methods=["POST"])
def merge(petition_id: int):
    return perform(
        petition_id,
        allowed=can_handle_petition,
        form=lambda p: MergeForm(prefix="merge"),
        form_name="merge_form",
        run=lambda p, f: merge_into(p, f.target.data, actor=current_user, note=f.note.data),
        done=_("Đã gộp phản ánh %(code)s vào phản ánh trùng."),
    )
