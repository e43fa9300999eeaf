"""Officials' and leaders' side of the API: the list of their units'
petitions and each action of the staff petition page, with the same
permission checks, forms and services."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, request
from flask_babel import gettext as _

from portal import clock
from portal.answers import services as answers
from portal.answers.forms import AnswerForm, ReturnForm
from portal.api import shapes
from portal.api.auth import require_staff
from portal.api.inputs import (
    api_form,
    choice_arg,
    date_arg,
    json_object,
    named_as,
    page_args,
    stop_on,
)
from portal.api.views import bp
from portal.errors import InvalidInput
from portal.extensions import db
from portal.forms import ActionForm
from portal.permissions import (
    access_petition,
    can_handle_petition,
    can_lead,
    can_work_on,
    require,
    staff_scope,
)
from portal.petitions import queries, services
from portal.petitions.forms import AcceptForm, MergeForm, RejectForm
from portal.petitions.merging import merge_into
from portal.petitions.models import DeadlineState, PetitionKind, PetitionStatus
from portal.security import token_only
from portal.units import queries as unit_queries

ID_MAX = 2_147_483_647
PETITION = "/petitions/<int(max=2147483647):petition_id>"


def _list_filters(user, errors: dict) -> queries.StaffFilters:
    filters = queries.StaffFilters(
        status=choice_arg("status", PetitionStatus, errors),
        kind=choice_arg("kind", PetitionKind, errors),
        deadline=choice_arg("deadline", DeadlineState, errors),
        submitted_from=date_arg("submitted_from", errors),
        submitted_to=date_arg("submitted_to", errors),
        by_deadline=request.args.get("sort") == "deadline",
    )
    if request.args.get("sort", "") not in ("", "deadline", "newest"):
        errors["sort"] = [_("Chỉ nhận: %(values)s.", values="newest, deadline")]
    code = request.args.get("category", "")
    if code:
        category = queries.category_by_code(code)
        if category is None:
            errors["category"] = [_("Không có lĩnh vực mã '%(code)s'.", code=code[:40])]
        else:
            filters.category_id = category.id
    code = request.args.get("commune", "")
    if code:
        commune = unit_queries.unit_by_code(code)
        if commune is None or commune.is_province or not staff_scope(user).covers(commune):
            errors["commune"] = [_("Không có xã, phường mã '%(code)s' trong phạm vi của bạn.",
                                   code=code[:10])]
        else:
            filters.unit_id = commune.id
    if filters.submitted_from and filters.submitted_to and filters.submitted_to < filters.submitted_from:
        errors["submitted_to"] = [_("Ngày kết thúc phải sau ngày bắt đầu.")]
    return filters


@bp.route("/petitions")
def staff_petitions():
    """The petitions of the caller's units, filtered like the staff list."""
    user = require_staff()
    errors: dict[str, list[str]] = {}
    page, per_page = page_args(errors)
    filters = _list_filters(user, errors)
    stop_on(errors)
    found = db.paginate(queries.staff_petitions(user, filters), page=page,
                        per_page=per_page, max_per_page=100, error_out=False)
    today = clock.today_in_vietnam()
    return {"items": [shapes.petition_in_list(p, today) for p in found.items],
            "meta": {"total": found.total, "page": page, "per_page": per_page}}


def detail(petition_id: int):
    """The staff page's facts (served at /petitions/<number>, see
    petitions.petition)."""
    user = require_staff()
    if petition_id > ID_MAX:
        abort(404)
    return shapes.petition_for_staff(access_petition(user, petition_id), user)


def act(petition_id: int, *, allowed: Callable, form_class, names: dict[str, str],
        run: Callable, form_kwargs: Callable | None = None, read: Callable = json_object):
    """One staff action: who calls, access, permission, then the web form's
    checks on the body ``read`` returns, the service, one commit; answers
    the petition as it now is."""
    user = require_staff()
    petition = access_petition(user, petition_id)
    require(allowed(user, petition))
    body = read()
    kwargs = form_kwargs(petition) if form_kwargs else {}
    form = api_form(form_class, body, names, **kwargs)
    with named_as(names):
        run(user, petition, form)
    db.session.commit()
    return shapes.petition_for_staff(petition, user)


@bp.route(PETITION + "/acknowledge", methods=["POST"])
@token_only
def acknowledge(petition_id: int):
    return act(petition_id, allowed=can_handle_petition, form_class=AcceptForm,
               names={"note": "note"}, read=optional_body,
               run=lambda u, p, f: services.accept_petition(p, actor=u, note=f.note.data))


@bp.route(PETITION + "/reject", methods=["POST"])
@token_only
def reject(petition_id: int):
    return act(petition_id, allowed=can_handle_petition, form_class=RejectForm,
               names={"reason": "reason"},
               run=lambda u, p, f: services.reject_petition(p, actor=u, reason=f.reason.data))


@bp.route(PETITION + "/merge", methods=["POST"])
@token_only
def merge(petition_id: int):
    """Close a duplicate into the petition whose tracking code is ``target``."""
    return act(petition_id, allowed=can_handle_petition, form_class=MergeForm,
               names={"target": "target", "note": "note"},
               run=lambda u, p, f: merge_into(p, f.target.data, actor=u, note=f.note.data))


def optional_body() -> dict:
    return json_object(optional=True)


@bp.route(PETITION + "/answer", methods=["POST"])
@token_only
def answer(petition_id: int):
    """``submit: false`` keeps a draft; otherwise the answer is published, or
    sent to a leader where the commune requires approval."""
    def read() -> dict:
        body = json_object()
        submit = body.get("submit", True)
        if not isinstance(submit, bool):
            raise InvalidInput({"submit": [_("Cần true hoặc false.")]})
        # The page's form knows which button was pressed as ``action``.
        return {**body, "action": "submit" if submit else "save"}

    def run(user, petition, form):
        if form.action.data == "submit":
            answers.submit_answer(petition, actor=user, body=form.body.data)
        else:
            answers.save_draft(petition, actor=user, body=form.body.data)

    return act(petition_id, allowed=can_work_on, form_class=AnswerForm,
               names={"body": "body", "action": "action"}, run=run, read=read)


@bp.route(PETITION + "/answer/approve", methods=["POST"])
@token_only
def approve(petition_id: int):
    return act(petition_id, allowed=can_lead, form_class=ActionForm, names={},
               read=optional_body, run=lambda u, p, f: answers.approve_answer(p, actor=u))


@bp.route(PETITION + "/answer/return", methods=["POST"])
@token_only
def return_answer(petition_id: int):
    return act(petition_id, allowed=can_lead, form_class=ReturnForm, names={"note": "note"},
               run=lambda u, p, f: answers.return_answer(p, actor=u, note=f.note.data))
