"""Who holds a petition and its clock, in the API: the possible holders,
assign, transfer, send back, mark complex, extensions, pause and resume,
each with the form, permission check and service of the web page."""

from __future__ import annotations

from flask_babel import gettext as _

from portal.api.auth import require_staff
from portal.api.inputs import json_object
from portal.api.staff_petitions import PETITION, act, optional_body
from portal.api.views import bp
from portal.errors import InvalidInput, RuleViolation
from portal.handling import services as handling
from portal.handling.forms import AssignForm, DecisionForm, NoteForm, ReasonForm, TransferForm
from portal.permissions import (
    access_petition,
    can_assign,
    can_lead,
    can_transfer,
    can_work_on,
    is_holder,
    require,
)
from portal.security import token_only


@bp.route(PETITION + "/holders")
def holders(petition_id: int):
    """Whom the petition may be assigned or transferred to."""
    user = require_staff()
    petition = access_petition(user, petition_id)
    require(can_transfer(user, petition))
    grants = handling.holder_grants(petition)
    return {"items": [{"office_id": g.office_id, "office": g.office.name,
                       "official_id": g.user_id, "official": g.user.display_name,
                       "role": g.role.value} for g in grants],
            "meta": {"total": len(grants), "page": 1, "per_page": max(len(grants), 1)}}


def _holder_body() -> dict:
    body = json_object()
    office_id, official_id = body.get("office_id"), body.get("official_id")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (office_id, official_id)):
        raise InvalidInput({"official_id": [_("Cần office_id và official_id (số), xem "
                                              "GET .../holders.")]})
    # The form knows a holder as "office:official"; its errors come back
    # under official_id.
    return {**body, "official_id": f"{office_id}:{official_id}"}


def _holder_choices(petition) -> dict:
    return {"grants": handling.holder_grants(petition)}


@bp.route(PETITION + "/assign", methods=["POST"])
@token_only
def assign(petition_id: int):
    def run(user, petition, form):
        office, official = handling.holder_from(form.chosen())
        handling.assign_petition(petition, office=office, assignee=official, actor=user,
                                 note=form.note.data)

    return act(petition_id, allowed=can_assign, form_class=AssignForm,
               names={"official_id": "holder", "note": "note"}, run=run,
               form_kwargs=_holder_choices, read=_holder_body)


@bp.route(PETITION + "/transfer", methods=["POST"])
@token_only
def transfer(petition_id: int):
    def run(user, petition, form):
        office, official = handling.holder_from(form.chosen())
        handling.transfer_petition(petition, office=office, assignee=official, actor=user,
                                   reason=form.reason.data)

    return act(petition_id, allowed=can_transfer, form_class=TransferForm,
               names={"official_id": "holder", "reason": "reason"}, run=run,
               form_kwargs=_holder_choices, read=_holder_body)


REASON = {"reason": "reason"}


def _with_reason(petition_id: int, allowed, service):
    return act(petition_id, allowed=allowed, form_class=ReasonForm, names=REASON,
               run=lambda u, p, f: service(p, actor=u, reason=f.reason.data))


@bp.route(PETITION + "/send-back", methods=["POST"])
@token_only
def send_back(petition_id: int):
    """The holder returns a transferred petition to whoever sent it."""
    return _with_reason(petition_id, is_holder, handling.send_back)


@bp.route(PETITION + "/complex", methods=["POST"])
@token_only
def mark_complex(petition_id: int):
    """A leader marks it complex: the longer legal deadline applies."""
    return _with_reason(petition_id, can_lead, handling.mark_complex)


@bp.route(PETITION + "/extension", methods=["POST"])
@token_only
def request_extension(petition_id: int):
    return _with_reason(petition_id, is_holder, handling.request_extension)


@bp.route(PETITION + "/extension/decide", methods=["POST"])
@token_only
def decide_extension(petition_id: int):
    """``decision``: approve or refuse (a refusal needs a ``note``)."""
    def run(user, petition, form):
        request = handling.pending_extension(petition)
        if request is None:
            raise RuleViolation(_("Không có đề nghị gia hạn nào đang chờ."))
        handling.decide_extension(request, petition, actor=user,
                                  approve=form.decision.data == "approve", note=form.note.data)

    return act(petition_id, allowed=can_lead, form_class=DecisionForm,
               names={"decision": "decision", "note": "note"}, run=run)


@bp.route(PETITION + "/pause", methods=["POST"])
@token_only
def pause(petition_id: int):
    """Stop the clock while the sender is asked for more."""
    return _with_reason(petition_id, can_work_on, handling.pause_petition)


@bp.route(PETITION + "/resume", methods=["POST"])
@token_only
def resume(petition_id: int):
    return act(petition_id, allowed=can_work_on, form_class=NoteForm, names={"note": "note"},
               read=optional_body,
               run=lambda u, p, f: handling.resume_petition(p, actor=u, note=f.note.data))
