"""Dialogue sessions in the API: the public notices for anyone; planning,
the points raised in the room and the conclusion for the commune's leaders,
through the same forms, permission checks and services as their pages."""

from __future__ import annotations

from collections.abc import Callable

from flask import request
from flask_babel import gettext as _

from portal.accounts.models import Role
from portal.api import shapes
from portal.api.auth import caller, require_staff
from portal.api.inputs import api_form, json_object, named_as, page_args, stop_on
from portal.api.views import bp
from portal.dialogues import planning, queries, room, services
from portal.dialogues.forms import ConclusionForm, HeldForm, RaisedForm, RecordForm, SessionForm
from portal.dialogues.models import DialogueSession, SessionStatus
from portal.dialogues.room_views import outcome_from
from portal.dialogues.staff_views import communes_in, details_from
from portal.errors import InvalidInput
from portal.extensions import db
from portal.forms import ActionForm
from portal.handling.forms import ReasonForm
from portal.handling.services import holder_grants_for_unit
from portal.permissions import (
    access_session,
    can_manage_session,
    can_plan_sessions,
    can_view_session_record,
    require,
    scope_of,
)
from portal.petitions import queries as petition_queries
from portal.petitions.models import Category
from portal.security import token_only
from portal.units import queries as unit_queries

SESSION = "/sessions/<int(max=2147483647):session_id>"


def _place(errors: dict):
    province = commune = None
    code = request.args.get("commune", "")
    if code:
        commune = unit_queries.unit_by_code(code)
        if commune is None or commune.is_province:
            errors["commune"] = [_("Không có xã, phường mã '%(code)s'.", code=code[:10])]
    code = request.args.get("province", "")
    if code:
        province = unit_queries.unit_by_code(code)
        if province is None or not province.is_province:
            errors["province"] = [_("Không có tỉnh, thành phố mã '%(code)s'.", code=code[:10])]
    return province, commune


@bp.route("/sessions")
def sessions():
    """Announced, held and concluded sessions; ``upcoming=true|false``."""
    errors: dict[str, list[str]] = {}
    province, commune = _place(errors)
    upcoming = {"": None, "true": True, "false": False}.get(request.args.get("upcoming", ""), 0)
    if upcoming == 0:
        errors["upcoming"] = [_("Chỉ nhận: %(values)s.", values="true, false")]
    page, per_page = page_args(errors)
    stop_on(errors)
    found = db.paginate(queries.public_sessions(province=province, commune=commune,
                                                upcoming=upcoming),
                        page=page, per_page=per_page, max_per_page=100, error_out=False)
    return {"items": [shapes.session_summary(s) for s in found.items],
            "meta": {"total": found.total, "page": page, "per_page": per_page}}


@bp.route(SESSION)
def session(session_id: int):
    """The public notice; its own staff also see drafts and the minutes."""
    user = caller()
    record = db.session.get(DialogueSession, session_id)
    staff = record is not None and user is not None and can_view_session_record(user, record)
    record = access_session(user, session_id, staff=staff)
    commitments = (queries.commitments_of(record)
                   if staff or record.status == SessionStatus.CONCLUDED else [])
    shown = shapes.session_detail(record, commitments)
    if staff:
        shown["minutes_html"] = record.minutes_html
    return shown


SESSION_FIELDS = {name: name for name in (
    "title", "theme", "starts_on", "starts_time", "ends_time", "format", "venue", "online_link",
    "expected_participants", "chair_title", "co_chairs")} | {
    "commune_code": "commune", "chair_id": "chair"}


@bp.route("/sessions", methods=["POST"])
@token_only
def create_session():
    """A leader plans a draft session; ``agenda`` items may come with it."""
    user = require_staff()
    require(can_plan_sessions(user))
    body = json_object()
    communes = communes_in(scope_of(user, {Role.LEADER}))
    code = body.get("commune_code")
    commune = next((c for c in communes if c.code == code), None)
    if commune is None:
        raise InvalidInput({"commune_code": [_("Cần mã một xã, phường bạn lãnh đạo.")]})
    agenda = body.get("agenda", [])
    if not isinstance(agenda, list) or not all(isinstance(i, dict) for i in agenda):
        raise InvalidInput({"agenda": [_("Cần danh sách các mục {\"title\", \"presenter\"}.")]})
    chairs = planning.chair_candidates(commune)
    fields = {**body, "commune_code": str(commune.id),
              "chair_id": body.get("chair_id", user.id)}
    form = api_form(SessionForm, fields, SESSION_FIELDS, communes=[commune], chairs=chairs)
    with named_as(SESSION_FIELDS):
        record = planning.plan_session(commune, details_from(form), actor=user)
    for number, item in enumerate(agenda, start=1):
        title, presenter = item.get("title"), item.get("presenter", "")
        if not isinstance(title, str) or not title.strip() or not isinstance(presenter, str):
            raise InvalidInput({f"agenda.{number}": [_("Vui lòng nhập nội dung mục.")]})
        planning.add_agenda_item(record, title=title[:300], starts=None, ends=None,
                                 presenter=presenter[:200], actor=user)
    db.session.commit()
    return shapes.session_detail(record, []), 201


def manage(session_id: int, *, form_class, names: dict[str, str], run: Callable,
           form_kwargs: Callable | None = None, status: int = 200):
    """One leader's action on a session: access, permission, the page's
    form on the JSON body, the service, one commit."""
    user = require_staff()
    record = access_session(user, session_id, staff=True)
    require(can_manage_session(user, record))
    body = json_object(optional=True)
    form = api_form(form_class, body, names, **(form_kwargs(record, body) if form_kwargs else {}))
    with named_as(names):
        result = run(user, record, form)
    db.session.commit()
    return result, status


@bp.route(SESSION + "/announce", methods=["POST"])
@token_only
def announce_session(session_id: int):
    def run(user, record, form):
        services.announce_session(record, actor=user)
        return shapes.session_detail(record, [])

    return manage(session_id, form_class=ActionForm, names={}, run=run)


@bp.route(SESSION + "/held", methods=["POST"])
@token_only
def session_held(session_id: int):
    def run(user, record, form):
        services.record_held(record, attendance=form.attendance_count.data,
                             organisations=form.organisations.data, actor=user)
        return shapes.session_detail(record, queries.commitments_of(record))

    return manage(session_id, form_class=HeldForm,
                  names={"attendance": "attendance_count", "organisations": "organisations"},
                  run=run)


@bp.route(SESSION + "/cancel", methods=["POST"])
@token_only
def cancel_session(session_id: int):
    """Before the day only; the ``reason`` is shown on the public notice."""
    def run(user, record, form):
        services.cancel_session(record, actor=user, reason=form.reason.data)
        return shapes.session_detail(record, [])

    return manage(session_id, form_class=ReasonForm, names={"reason": "reason"}, run=run)


@bp.route(SESSION + "/record", methods=["POST"])
@token_only
def session_record(session_id: int):
    """The minutes (Markdown), attendance and the draft conclusion, from
    the day of the session until the conclusion is published."""
    def run(user, record, form):
        services.save_record(record, attendance=form.attendance_count.data,
                             organisations=form.organisations.data or "",
                             minutes_source=form.minutes.data or "",
                             conclusion_text=form.conclusion_text.data or "", actor=user)
        return {**shapes.session_detail(record, queries.commitments_of(record)),
                "minutes_html": record.minutes_html}

    return manage(session_id, form_class=RecordForm, run=run, names={
        "attendance": "attendance_count", "organisations": "organisations",
        "minutes": "minutes", "conclusion_draft": "conclusion_text"})


RAISED_FIELDS = {name: name for name in (
    "title", "body", "speaker_name", "speaker_phone", "outcome", "promised_on", "answer")} | {
    "category": "category", "official_id": "holder"}


def _raised_choices(record, body: dict) -> dict:
    office_id, official_id = body.get("office_id"), body.get("official_id")
    if office_id is not None or official_id is not None:
        body["official_id"] = f"{office_id}:{official_id}"
    code = body.get("category")
    if isinstance(code, str):
        found = petition_queries.category_by_code(code, active=True)
        body["category"] = str(found.id) if found else f"unknown:{code[:40]}"
    return {"categories": petition_queries.active_categories(),
            "grants": holder_grants_for_unit(record.unit)}


@bp.route(SESSION + "/raised", methods=["POST"])
@token_only
def raised(session_id: int):
    """A petition raised in the room: answered there, or committed to one
    office and one named official (``office_id``, ``official_id``)."""
    def run(user, record, form):
        said = room.RaisedPetition(
            title=form.title.data, body=form.body.data,
            category=db.session.get(Category, int(form.category.data)),
            speaker_name=form.speaker_name.data or None,
            speaker_phone=form.speaker_phone.data or None)
        item = room.record_raised(record, said, outcome_from(form), actor=user)
        return {"tracking_code": item.petition.tracking_code, "petition_id": item.petition.id,
                "outcome": item.outcome.value}

    return manage(session_id, form_class=RaisedForm, names=RAISED_FIELDS, run=run,
                  form_kwargs=_raised_choices, status=201)


@bp.route(SESSION + "/conclusion", methods=["POST"])
@token_only
def conclusion(session_id: int):
    """Publish the conclusion notice, with its commitments, on the session."""
    def run(user, record, form):
        services.conclude_session(record, number=form.number.data, issued_on=form.issued_on.data,
                                  text=form.text.data, actor=user)
        return shapes.session_detail(record, queries.commitments_of(record))

    return manage(session_id, form_class=ConclusionForm,
                  names={"number": "number", "issued_on": "issued_on", "text": "text"}, run=run)
