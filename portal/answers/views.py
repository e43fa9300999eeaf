"""Staff actions on answers: save a draft, send it on, approve, return."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext as _
from flask_login import current_user

from portal.answers import services
from portal.answers.forms import AnswerForm, ReturnForm
from portal.answers.models import ResponseStatus
from portal.forms import ActionForm
from portal.permissions import can_lead, can_work_on, staff_area_guard
from portal.petitions.models import PetitionStatus
from portal.petitions.staff_page import perform

bp = Blueprint("answers", __name__, url_prefix="/staff")
bp.before_request(staff_area_guard)

PETITION = "/petitions/<int(max=2147483647):petition_id>"


def _answer_outcome(petition) -> str:
    if petition.status == PetitionStatus.ANSWERED:
        return _("Đã công bố câu trả lời %(code)s.", code=petition.tracking_code)
    working = services.working_response(petition)
    if working is not None and working.status == ResponseStatus.PENDING_APPROVAL:
        return _("Đã trình lãnh đạo duyệt câu trả lời %(code)s.", code=petition.tracking_code)
    return _("Đã lưu dự thảo trả lời %(code)s.", code=petition.tracking_code)


@bp.route(PETITION + "/answer", methods=["POST"])
def answer(petition_id: int):
    def run(petition, form):
        if form.action.data == "save":
            services.save_draft(petition, actor=current_user, body=form.body.data)
        else:
            services.submit_answer(petition, actor=current_user, body=form.body.data)

    return perform(petition_id, allowed=can_work_on, form_name="answer_form",
                   form=lambda p: AnswerForm(prefix="answer"), run=run, done=_answer_outcome)


@bp.route(PETITION + "/answer/approve", methods=["POST"])
def approve(petition_id: int):
    return perform(petition_id, allowed=can_lead, form_name="approve_form",
                   form=lambda p: ActionForm(prefix="approve"),
                   run=lambda p, f: services.approve_answer(p, actor=current_user),
                   done=_("Đã duyệt và công bố câu trả lời %(code)s."))


@bp.route(PETITION + "/answer/return", methods=["POST"])
def return_draft(petition_id: int):
    return perform(petition_id, allowed=can_lead, form_name="return_form",
                   form=lambda p: ReturnForm(prefix="return"),
                   run=lambda p, f: services.return_answer(p, actor=current_user,
                                                           note=f.note.data),
                   done=_("Đã trả lại dự thảo %(code)s để sửa."))
