"""Staff actions on who holds a petition and its clock, and the work queue."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.errors import RuleViolation
from portal.extensions import db
from portal.handling import queries, services
from portal.handling.forms import AssignForm, DecisionForm, NoteForm, ReasonForm, TransferForm
from portal.pagination import paginate
from portal.permissions import (
    can_assign,
    can_lead,
    can_transfer,
    can_work_on,
    is_holder,
    is_leader,
    staff_area_guard,
)
from portal.petitions.staff_page import perform

bp = Blueprint("handling", __name__, url_prefix="/staff")
bp.before_request(staff_area_guard)

PETITION = "/petitions/<int(max=2147483647):petition_id>"


@bp.route(PETITION + "/assign", methods=["POST"])
def assign(petition_id: int):
    def run(petition, form):
        office, assignee = services.holder_from(form.chosen())
        services.assign_petition(petition, office=office, assignee=assignee, actor=current_user,
                                 note=form.note.data)

    return perform(petition_id, allowed=can_assign, form_name="assign_form",
                   form=lambda p: AssignForm(prefix="assign", grants=services.holder_grants(p)),
                   run=run, done=_("Đã giao phản ánh %(code)s."))


@bp.route(PETITION + "/transfer", methods=["POST"])
def transfer(petition_id: int):
    def run(petition, form):
        office, assignee = services.holder_from(form.chosen())
        services.transfer_petition(petition, office=office, assignee=assignee,
                                   actor=current_user, reason=form.reason.data)

    return perform(petition_id, allowed=can_transfer, form_name="transfer_form",
                   form=lambda p: TransferForm(prefix="transfer", grants=services.holder_grants(p)),
                   run=run, done=_("Đã chuyển phản ánh %(code)s."))


@bp.route(PETITION + "/send-back", methods=["POST"])
def send_back(petition_id: int):
    return perform(petition_id, allowed=is_holder, form_name="send_back_form",
                   form=lambda p: ReasonForm(prefix="send_back"),
                   run=lambda p, f: services.send_back(p, actor=current_user, reason=f.reason.data),
                   done=_("Đã trả lại phản ánh %(code)s nơi chuyển đến."))


@bp.route(PETITION + "/complex", methods=["POST"])
def mark_complex(petition_id: int):
    return perform(petition_id, allowed=can_lead, form_name="complex_form",
                   form=lambda p: ReasonForm(prefix="complex"),
                   run=lambda p, f: services.mark_complex(p, actor=current_user,
                                                          reason=f.reason.data),
                   done=_("Đã xác định %(code)s là vụ việc phức tạp."))


@bp.route(PETITION + "/extension", methods=["POST"])
def request_extension(petition_id: int):
    return perform(petition_id, allowed=is_holder, form_name="extension_form",
                   form=lambda p: ReasonForm(prefix="extension"),
                   run=lambda p, f: services.request_extension(p, actor=current_user,
                                                               reason=f.reason.data),
                   done=_("Đã gửi đề nghị gia hạn %(code)s tới lãnh đạo."))


@bp.route(PETITION + "/extension/decide", methods=["POST"])
def decide_extension(petition_id: int):
    def run(petition, form):
        request = services.pending_extension(petition)
        if request is None:
            raise RuleViolation(_("Không có đề nghị gia hạn nào đang chờ."))
        services.decide_extension(request, petition, actor=current_user,
                                  approve=form.decision.data == "approve", note=form.note.data)

    return perform(petition_id, allowed=can_lead, form_name="decision_form",
                   form=lambda p: DecisionForm(prefix="decision"), run=run,
                   done=_("Đã ghi quyết định gia hạn %(code)s."))


@bp.route(PETITION + "/pause", methods=["POST"])
def pause(petition_id: int):
    return perform(petition_id, allowed=can_work_on, form_name="pause_form",
                   form=lambda p: ReasonForm(prefix="pause"),
                   run=lambda p, f: services.pause_petition(p, actor=current_user,
                                                            reason=f.reason.data),
                   done=_("Đã tạm dừng %(code)s chờ người gửi bổ sung."))


@bp.route(PETITION + "/resume", methods=["POST"])
def resume(petition_id: int):
    return perform(petition_id, allowed=can_work_on, form_name="resume_form",
                   form=lambda p: NoteForm(prefix="resume"),
                   run=lambda p, f: services.resume_petition(p, actor=current_user,
                                                             note=f.note.data),
                   done=_("Đã tiếp tục xử lý %(code)s."))


LEADER_SECTION_SIZE = 20


@bp.route("/queue")
def queue():
    """The person's own work (paged, nearest deadline first), and for leaders
    the first of what waits for their decision."""
    leads = is_leader(current_user)
    sections = {}
    if leads:
        for name, query in (("to_assign", queries.awaiting_assignment),
                            ("to_approve", queries.awaiting_approval),
                            ("to_extend", queries.awaiting_extension_decision)):
            sections[name] = db.paginate(query(current_user), page=1,
                                         per_page=LEADER_SECTION_SIZE, error_out=False)
    return render_template("staff/queue.html", mine=paginate(queries.held_by(current_user)),
                           sections=sections, leads=leads, today=clock.today_in_vietnam())
