"""The room and the write-up: points raised at the session, questions sent
beforehand settled there, the minutes, and the conclusion notice."""


from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.accounts.models import User
from portal.dialogues import queries, room, services
from portal.dialogues.forms import (
    ConclusionForm,
    OutcomeForm,
    RaisedForm,
    RecordForm,
)
from portal.dialogues.models import (
    ItemOutcome,
    ItemStage,
    SessionItem,
)
from portal.dialogues.staff_views import SESSION
from portal.errors import report_to_form
from portal.extensions import db
from portal.handling.services import holder_grants_for_unit
from portal.permissions import (
    access_session,
    can_manage_session,
    require,
    staff_area_guard,
)
from portal.petitions import queries as petition_queries
from portal.petitions.models import Category
from portal.units.models import Office

bp = Blueprint("dialogue_room", __name__, url_prefix="/staff/dialogues")
bp.before_request(staff_area_guard)


def _raised_form(session, **kwargs) -> RaisedForm:
    return RaisedForm(categories=petition_queries.active_categories(),
                      grants=holder_grants_for_unit(session.unit), **kwargs)


def _question_forms(session, grants, submitted=None) -> dict:
    """A small outcome form per open question (prefix q<id>); the one just
    submitted keeps its input and errors."""
    forms = {}
    for item in room.open_questions(session):
        if submitted is not None and submitted[0] == item.id:
            forms[item.id] = submitted[1]
        else:
            forms[item.id] = OutcomeForm(prefix=f"q{item.id}", grants=grants, formdata=None)
    return forms


def _raised_page(session, form, status=200, submitted=None):
    grants = holder_grants_for_unit(session.unit)
    return render_template("staff/dialogues/raised.html", session=session, form=form,
                           raised=queries.items_of(session, ItemStage.RAISED),
                           questions=room.open_questions(session),
                           question_forms=_question_forms(session, grants, submitted),
                           may_record=room.may_record_raised(session)), status


def outcome_from(form: OutcomeForm) -> room.Outcome:
    chosen = form.chosen()
    return room.Outcome(
        outcome=ItemOutcome(form.outcome.data),
        office=db.session.get(Office, chosen[0]) if chosen else None,
        official=db.session.get(User, chosen[1]) if chosen else None,
        answer=form.answer.data, promised_on=form.promised_on.data)


def _managed_session(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    return session


@bp.route(SESSION + "/questions/<int(max=2147483647):item_id>/outcome", methods=["POST"])
def question_outcome(session_id: int, item_id: int):
    """The room settles a question sent beforehand."""
    session = _managed_session(session_id)
    item = db.session.get(SessionItem, item_id)
    if item is None or item.session_id != session.id or item.stage != ItemStage.QUESTION:
        abort(404)
    form = OutcomeForm(prefix=f"q{item.id}", grants=holder_grants_for_unit(session.unit))
    blank = _raised_form(session, formdata=None)
    if not form.validate_on_submit():
        return _raised_page(session, blank, 400, submitted=(item.id, form))
    _result, error = report_to_form(form, lambda: room.settle_question(session, item, outcome_from(form),
                                                              actor=current_user))
    if error:
        return _raised_page(_managed_session(session_id), blank, error.status_code,
                            submitted=(item_id, form))
    code = item.petition.tracking_code
    db.session.commit()
    flash(_("Đã ghi kết quả cho câu hỏi %(code)s.", code=code), "success")
    return redirect(url_for(".raised", session_id=session_id))


@bp.route(SESSION + "/raised", methods=["GET", "POST"])
def raised(session_id: int):
    session = _managed_session(session_id)
    form = _raised_form(session)
    if not form.validate_on_submit():
        return _raised_page(session, form, 400 if form.is_submitted() else 200)
    said = room.RaisedPetition(
        title=form.title.data, body=form.body.data,
        category=db.session.get(Category, int(form.category.data)),
        speaker_name=form.speaker_name.data or None,
        speaker_phone=form.speaker_phone.data or None)
    item, error = report_to_form(form, lambda: room.record_raised(
        session, said, outcome_from(form), actor=current_user))
    if error:
        return _raised_page(_managed_session(session_id), form, error.status_code)
    code = item.petition.tracking_code
    db.session.commit()
    flash(_("Đã ghi ý kiến %(code)s. Nhập ý kiến tiếp theo.", code=code), "success")
    return redirect(url_for(".raised", session_id=session_id))


@bp.route(SESSION + "/record", methods=["GET", "POST"])
def record(session_id: int):
    session = _managed_session(session_id)
    form = RecordForm()
    status = 400 if form.is_submitted() else 200
    if request.method == "GET":
        form.process(data={"attendance_count": session.attendance_count,
                           "organisations": session.attending_organisations,
                           "minutes": session.minutes_source,
                           "conclusion_text": session.conclusion_text})
    elif form.validate_on_submit():
        _result, error = report_to_form(form, lambda: services.save_record(
            session, attendance=form.attendance_count.data,
            organisations=form.organisations.data, minutes_source=form.minutes.data,
            conclusion_text=form.conclusion_text.data, actor=current_user))
        if not error:
            db.session.commit()
            flash(_("Đã lưu biên bản."), "success")
            return redirect(url_for(".record", session_id=session_id))
        session, status = _managed_session(session_id), error.status_code
    return render_template("staff/dialogues/record.html", session=session, form=form), status


@bp.route(SESSION + "/conclusion", methods=["GET", "POST"])
def conclusion(session_id: int):
    session = _managed_session(session_id)
    form = ConclusionForm()
    status = 400 if form.is_submitted() else 200
    if request.method == "GET":
        form.process(data={"text": session.conclusion_text,
                           "issued_on": clock.today_in_vietnam()})
    elif form.validate_on_submit():
        _result, error = report_to_form(form, lambda: services.conclude_session(
            session, number=form.number.data, issued_on=form.issued_on.data,
            text=form.text.data, actor=current_user))
        if not error:
            db.session.commit()
            flash(_("Đã công bố thông báo kết luận trên trang hội nghị."), "success")
            return redirect(url_for("dialogues_staff.session", session_id=session_id))
        session, status = _managed_session(session_id), error.status_code
    return _conclusion_page(session, form, status)


def _conclusion_page(session, form, status=200):
    return render_template("staff/dialogues/conclusion.html", session=session, form=form,
                           commitments=queries.commitments_of(session)), status
