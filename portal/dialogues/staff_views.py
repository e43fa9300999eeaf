"""Staff side of dialogue sessions: the lists, planning, the session page
with its agenda and status actions, and the briefing pack. The room and the
write-up are in ``room_views``; communes, compliance and rules in
``oversight_views``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.accounts.models import Role, User
from portal.dialogues import planning, queries, room, services
from portal.dialogues.forms import (
    AgendaItemForm,
    HeldForm,
    SessionForm,
    StaffFilterForm,
)
from portal.dialogues.models import (
    AgendaItem,
    ItemStage,
    SessionFormat,
    SessionStatus,
)
from portal.errors import report_to_form
from portal.extensions import db
from portal.forms import ActionForm
from portal.handling.forms import ReasonForm
from portal.pagination import paginate
from portal.permissions import (
    access_leader,
    access_session,
    can_manage_session,
    can_plan_sessions,
    require,
    scope_of,
    staff_area_guard,
    staff_scope,
)
from portal.units import queries as unit_queries
from portal.units.models import Unit

bp = Blueprint("dialogues_staff", __name__, url_prefix="/staff/dialogues")
bp.before_request(staff_area_guard)


SESSION = "/<int(max=2147483647):session_id>"


def communes_in(scope) -> list[Unit]:
    if scope.national:
        return []  # thousands of communes: national staff pick from a province's page
    return [u for u in unit_queries.units_in(scope.unit_ids) if not u.is_province]


# Lists -------------------------------------------------------------------------

@bp.route("")
def index():
    form = StaffFilterForm(request.args, communes=communes_in(staff_scope(current_user)))
    filters = queries.StaffSessionFilters()
    if form.validate():
        filters = queries.StaffSessionFilters(
            status=SessionStatus(form.status.data) if form.status.data else None,
            commune=db.session.get(Unit, int(form.commune.data)) if form.commune.data else None,
            chair=current_user if form.mine.data else None,
            flagged=form.flagged.data,
        )
    page = paginate(queries.staff_sessions(current_user, filters))
    return render_template("staff/dialogues/index.html", form=form, page=page,
                           today=clock.today_in_vietnam()), 400 if form.errors else 200


@bp.route("/calendar")
def calendar():
    month = queries.parse_month(request.args.get("month"), clock.today_in_vietnam())
    query = queries.staff_sessions(current_user, queries.StaffSessionFilters())
    return render_template("staff/dialogues/calendar.html", grid=queries.month_grid(month, query),
                           today=clock.today_in_vietnam())


@bp.route("/leaders/<int(max=2147483647):user_id>")
def leader_history(user_id: int):
    """A leader's sessions, with the clocks each met or missed."""
    leader = access_leader(current_user, user_id)
    page = paginate(queries.sessions_chaired_by(leader).where(
        staff_scope(current_user).units_clause(queries.DialogueSession.unit_id)))
    return render_template("staff/dialogues/leader.html", leader=leader, page=page,
                           today=clock.today_in_vietnam())


# Planning ----------------------------------------------------------------------

def _session_form(*, unit: Unit | None, **kwargs) -> SessionForm:
    communes = communes_in(scope_of(current_user, {Role.LEADER}))
    chairs = planning.chair_candidates(unit) if unit is not None else []
    if unit is None and len(communes) == 1:
        chairs = planning.chair_candidates(communes[0])
    elif unit is None:
        chairs = list({u.id: u for c in communes for u in planning.chair_candidates(c)}.values())
    return SessionForm(communes=communes, chairs=chairs, **kwargs)


def details_from(form: SessionForm) -> planning.SessionDetails:
    starts = datetime.combine(form.starts_on.data, form.starts_time.data, tzinfo=clock.VIETNAM)
    ends = (datetime.combine(form.starts_on.data, form.ends_time.data, tzinfo=clock.VIETNAM)
            if form.ends_time.data else None)
    return planning.SessionDetails(
        title=form.title.data, theme=form.theme.data or "", starts_at=starts, ends_at=ends,
        venue=form.venue.data or "", format=SessionFormat(form.format.data),
        online_link=form.online_link.data, expected_participants=form.expected_participants.data,
        chair=db.session.get(User, int(form.chair.data)) if form.chair.data.isdigit() else None,
        chair_title=form.chair_title.data or "", co_chairs=form.co_chairs.data or "",
    )


@bp.route("/new", methods=["GET", "POST"])
def new():
    require(can_plan_sessions(current_user))
    form = _session_form(unit=None)
    if request.method == "GET":
        form.chair.data = str(current_user.id)
        if len(form.commune.choices) == 2:
            form.commune.data = form.commune.choices[1].value
    status = 400 if form.is_submitted() else 200
    if form.validate_on_submit():
        unit = db.session.get(Unit, int(form.commune.data))
        session, error = report_to_form(form, lambda: planning.plan_session(
            unit, details_from(form), actor=current_user))
        if not error:
            db.session.commit()
            flash(_("Đã lập hội nghị. Hãy hoàn thiện chương trình rồi đăng thông báo."),
                  "success")
            return redirect(url_for(".session", session_id=session.id))
        status = error.status_code
    return render_template("staff/dialogues/form.html", form=form, session=None), status


@bp.route(SESSION + "/edit", methods=["GET", "POST"])
def edit(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    form = _session_form(unit=session.unit)
    form.commune.choices = [(str(session.unit_id), session.unit.full_name)]
    if request.method == "GET":
        local_start = session.starts_at.astimezone(clock.VIETNAM)
        # data= alone: with obj= too, WTForms takes the chair from the object
        # (a User, not its id) and no option would be selected.
        form.process(data={
            "commune": str(session.unit_id), "title": session.title, "theme": session.theme,
            "starts_on": local_start.date(), "starts_time": local_start.time(),
            "ends_time": session.ends_at.astimezone(clock.VIETNAM).time() if session.ends_at
            else None, "format": session.format.value, "venue": session.venue,
            "online_link": session.online_link,
            "expected_participants": session.expected_participants,
            "chair": str(session.chair_id), "chair_title": session.chair_title,
            "co_chairs": session.co_chairs})
    elif form.validate_on_submit():
        _result, error = report_to_form(form, lambda: planning.update_session(
            session, details_from(form), actor=current_user))
        if not error:
            db.session.commit()
            flash(_("Đã lưu thông tin hội nghị."), "success")
            return redirect(url_for(".session", session_id=session.id))
        session = access_session(current_user, session_id, staff=True)
        return render_template("staff/dialogues/form.html", form=form, session=session), \
            error.status_code
    status = 400 if form.is_submitted() else 200
    return render_template("staff/dialogues/form.html", form=form, session=session), status


# The session page and its actions ------------------------------------------------------

def blank_forms() -> dict:
    return {
        "agenda_form": AgendaItemForm(prefix="agenda"),
        "cancel_form": ReasonForm(prefix="cancel"),
        "held_form": HeldForm(prefix="held"),
        "announce_form": ActionForm(prefix="announce"),
        "matters_form": ActionForm(prefix="matters"),
    }


def render_session(session, *, forms: dict | None = None, status: int = 200):
    context = blank_forms()
    context.update(forms or {})
    today = clock.today_in_vietnam()
    return render_template(
        "staff/dialogues/session.html", session=session, today=today,
        flags=session.flags(today),
        questions=queries.items_of(session, ItemStage.QUESTION),
        raised=queries.items_of(session, ItemStage.RAISED),
        may_manage=can_manage_session(current_user, session),
        missing_matters=(planning.missing_matters(session)
                         if session.status == SessionStatus.DRAFT else []),
        may_record=room.may_record_raised(session),
        has_started=today >= clock.local_date(session.starts_at),
        **context,
    ), status


@bp.route(SESSION)
def session(session_id: int):
    return render_session(access_session(current_user, session_id, staff=True))


def perform(session_id: int, *, form: Callable, form_name: str, run: Callable, done: str):
    """One leader action on a session: access, permission, form, service,
    one commit; errors come back on the session page next to the form."""
    record = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, record))
    form = form()
    if not form.validate_on_submit():
        return render_session(record, forms={form_name: form}, status=400)
    _result, error = report_to_form(form, lambda: run(record, form))
    if error:
        record = access_session(current_user, session_id, staff=True)
        return render_session(record, forms={form_name: form}, status=error.status_code)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for(".session", session_id=session_id))


@bp.route(SESSION + "/agenda", methods=["POST"])
def add_agenda_item(session_id: int):
    return perform(session_id, form=lambda: AgendaItemForm(prefix="agenda"),
                   form_name="agenda_form",
                   run=lambda s, f: planning.add_agenda_item(
                       s, title=f.title.data, starts=f.starts.data, ends=f.ends.data,
                       presenter=f.presenter.data, actor=current_user),
                   done=_("Đã thêm mục vào chương trình."))


def _agenda_item(session, item_id: int) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id)
    if item is None or item.session_id != session.id:
        abort(404)
    return item


ITEM = SESSION + "/agenda/<int(max=2147483647):item_id>"


@bp.route(ITEM + "/move", methods=["POST"])
def move_agenda_item(session_id: int, item_id: int):
    up = request.form.get("direction") != "down"
    return perform(session_id, form=lambda: ActionForm(), form_name="move_form",
                   run=lambda s, f: planning.move_agenda_item(
                       _agenda_item(s, item_id), up=up, actor=current_user),
                   done=_("Đã đổi thứ tự chương trình."))


@bp.route(ITEM + "/delete", methods=["POST"])
def remove_agenda_item(session_id: int, item_id: int):
    return perform(session_id, form=lambda: ActionForm(), form_name="remove_form",
                   run=lambda s, f: planning.remove_agenda_item(_agenda_item(s, item_id),
                                                                actor=current_user),
                   done=_("Đã bỏ mục khỏi chương trình."))


@bp.route(SESSION + "/matters-arising", methods=["POST"])
def matters_arising(session_id: int):
    return perform(session_id, form=lambda: ActionForm(prefix="matters"), form_name="matters_form",
                   run=lambda s, f: planning.add_matters_arising(s, actor=current_user),
                   done=_("Đã đưa các việc tồn đọng vào chương trình."))


@bp.route(SESSION + "/announce", methods=["POST"])
def announce(session_id: int):
    return perform(session_id, form=lambda: ActionForm(prefix="announce"),
                   form_name="announce_form",
                   run=lambda s, f: services.announce_session(s, actor=current_user),
                   done=_("Đã đăng thông báo hội nghị trên cổng."))


@bp.route(SESSION + "/cancel", methods=["POST"])
def cancel(session_id: int):
    return perform(session_id, form=lambda: ReasonForm(prefix="cancel"), form_name="cancel_form",
                   run=lambda s, f: services.cancel_session(s, actor=current_user,
                                                            reason=f.reason.data),
                   done=_("Đã huỷ hội nghị."))


@bp.route(SESSION + "/held", methods=["POST"])
def held(session_id: int):
    return perform(session_id, form=lambda: HeldForm(prefix="held"), form_name="held_form",
                   run=lambda s, f: services.record_held(
                       s, attendance=f.attendance_count.data, organisations=f.organisations.data,
                       actor=current_user),
                   done=_("Đã xác nhận hội nghị đã tổ chức."))


@bp.route(SESSION + "/briefing")
def briefing(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    return render_template("staff/dialogues/briefing.html", session=session,
                           pack=queries.briefing(session), today=clock.today_in_vietnam())
