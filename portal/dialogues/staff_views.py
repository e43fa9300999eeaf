"""Leaders' side of dialogue sessions: plan, agenda, announce, the briefing
pack, record the session and what is raised in the room, publish the
conclusion; compliance per commune for leaders and inspectors; the rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.accounts.models import Role, User
from portal.dialogues import compliance, queries, rules, services
from portal.dialogues.forms import (
    AgendaItemForm,
    ConclusionForm,
    DialogueRuleForm,
    HeldForm,
    OutcomeForm,
    RaisedForm,
    RecordForm,
    SessionForm,
    StaffFilterForm,
    VotersForm,
)
from portal.dialogues.models import (
    AgendaItem,
    ItemOutcome,
    ItemStage,
    SessionFormat,
    SessionItem,
    SessionStatus,
)
from portal.errors import DomainError, RuleViolation
from portal.extensions import db
from portal.forms import ActionForm
from portal.handling.forms import ReasonForm
from portal.handling.services import holder_grants_for_unit
from portal.pagination import page_number, paginate
from portal.permissions import (
    access_session,
    admin_area_guard,
    can_manage_session,
    can_plan_sessions,
    can_set_voters,
    require,
    scope_of,
    staff_area_guard,
    staff_scope,
)
from portal.petitions import queries as petition_queries
from portal.petitions.models import Category
from portal.units import queries as unit_queries
from portal.units.models import Office, Unit

bp = Blueprint("dialogues_staff", __name__, url_prefix="/staff/dialogues")
bp.before_request(staff_area_guard)

rules_bp = Blueprint("dialogue_rules", __name__, url_prefix="/admin")
rules_bp.before_request(admin_area_guard)

SESSION = "/<int(max=2147483647):session_id>"


def _communes_in(scope) -> list[Unit]:
    if scope.national:
        return []  # thousands of communes: national staff pick from a province's page
    return [u for u in unit_queries.units_in(scope.unit_ids) if not u.is_province]


# Lists -------------------------------------------------------------------------

@bp.route("")
def index():
    form = StaffFilterForm(request.args, communes=_communes_in(staff_scope(current_user)))
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
    leader = db.get_or_404(User, user_id)
    scope = staff_scope(current_user)
    leads_somewhere = any(g.role == Role.LEADER for g in leader.grants)
    leader_units = [g.unit for g in leader.grants if g.role == Role.LEADER and g.unit is not None]
    if not leads_somewhere or not (scope.national or any(scope.covers(u) for u in leader_units)):
        abort(404)
    page = paginate(queries.sessions_chaired_by(leader).where(
        scope.units_clause(queries.DialogueSession.unit_id)))
    return render_template("staff/dialogues/leader.html", leader=leader, page=page,
                           today=clock.today_in_vietnam())


# Planning ----------------------------------------------------------------------

def _session_form(*, unit: Unit | None, obj=None, **kwargs) -> SessionForm:
    communes = _communes_in(scope_of(current_user, {Role.LEADER}))
    chairs = services.chair_candidates(unit) if unit is not None else []
    if unit is None and len(communes) == 1:
        chairs = services.chair_candidates(communes[0])
    elif unit is None:
        chairs = list({u.id: u for c in communes for u in services.chair_candidates(c)}.values())
    return SessionForm(communes=communes, chairs=chairs, obj=obj, **kwargs)


def _details(form: SessionForm) -> services.SessionDetails:
    starts = datetime.combine(form.starts_on.data, form.starts_time.data, tzinfo=clock.VIETNAM)
    ends = (datetime.combine(form.starts_on.data, form.ends_time.data, tzinfo=clock.VIETNAM)
            if form.ends_time.data else None)
    return services.SessionDetails(
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
    if form.validate_on_submit():
        unit = db.session.get(Unit, int(form.commune.data))
        try:
            session = services.plan_session(unit, _details(form), actor=current_user)
        except DomainError as exc:
            db.session.rollback()
            if not form.add_error(exc):
                flash(exc.message, "error")
            return render_template("staff/dialogues/form.html", form=form, session=None), \
                exc.status_code
        db.session.commit()
        flash(_("Đã lập hội nghị. Hãy hoàn thiện chương trình rồi đăng thông báo."), "success")
        return redirect(url_for(".session", session_id=session.id))
    status = 400 if form.is_submitted() else 200
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
        try:
            services.update_session(session, _details(form), actor=current_user)
        except DomainError as exc:
            db.session.rollback()
            if not form.add_error(exc):
                flash(exc.message, "error")
            session = access_session(current_user, session_id, staff=True)
            return render_template("staff/dialogues/form.html", form=form, session=session), \
                exc.status_code
        db.session.commit()
        flash(_("Đã lưu thông tin hội nghị."), "success")
        return redirect(url_for(".session", session_id=session.id))
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
        missing_matters=(services.missing_matters(session)
                         if session.status == SessionStatus.DRAFT else []),
        may_record=services.may_record_raised(session),
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
    try:
        run(record, form)
    except DomainError as exc:
        db.session.rollback()
        if not form.add_error(exc):
            flash(exc.message, "error")
        record = access_session(current_user, session_id, staff=True)
        return render_session(record, forms={form_name: form}, status=exc.status_code)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for(".session", session_id=session_id))


@bp.route(SESSION + "/agenda", methods=["POST"])
def add_agenda_item(session_id: int):
    return perform(session_id, form=lambda: AgendaItemForm(prefix="agenda"),
                   form_name="agenda_form",
                   run=lambda s, f: services.add_agenda_item(
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
                   run=lambda s, f: services.move_agenda_item(
                       _agenda_item(s, item_id), up=up, actor=current_user),
                   done=_("Đã đổi thứ tự chương trình."))


@bp.route(ITEM + "/delete", methods=["POST"])
def remove_agenda_item(session_id: int, item_id: int):
    return perform(session_id, form=lambda: ActionForm(), form_name="remove_form",
                   run=lambda s, f: services.remove_agenda_item(_agenda_item(s, item_id),
                                                                actor=current_user),
                   done=_("Đã bỏ mục khỏi chương trình."))


@bp.route(SESSION + "/matters-arising", methods=["POST"])
def matters_arising(session_id: int):
    return perform(session_id, form=lambda: ActionForm(prefix="matters"), form_name="matters_form",
                   run=lambda s, f: services.add_matters_arising(s, actor=current_user),
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


# Pages of their own: briefing, the room, the record, the conclusion --------------------------

@bp.route(SESSION + "/briefing")
def briefing(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    return render_template("staff/dialogues/briefing.html", session=session,
                           pack=queries.briefing(session), today=clock.today_in_vietnam())


def _raised_form(session, **kwargs) -> RaisedForm:
    return RaisedForm(categories=petition_queries.active_categories(),
                      grants=holder_grants_for_unit(session.unit), **kwargs)


def _question_forms(session, grants, submitted=None) -> dict:
    """A small outcome form per open question (prefix q<id>); the one just
    submitted keeps its input and errors."""
    forms = {}
    for item in services.open_questions(session):
        if submitted is not None and submitted[0] == item.id:
            forms[item.id] = submitted[1]
        else:
            forms[item.id] = OutcomeForm(prefix=f"q{item.id}", grants=grants, formdata=None)
    return forms


def _raised_page(session, form, status=200, submitted=None):
    grants = holder_grants_for_unit(session.unit)
    return render_template("staff/dialogues/raised.html", session=session, form=form,
                           raised=queries.items_of(session, ItemStage.RAISED),
                           questions=services.open_questions(session),
                           question_forms=_question_forms(session, grants, submitted),
                           may_record=services.may_record_raised(session)), status


def _outcome(form: OutcomeForm) -> services.Outcome:
    chosen = form.chosen()
    return services.Outcome(
        outcome=ItemOutcome(form.outcome.data),
        office=db.session.get(Office, chosen[0]) if chosen else None,
        official=db.session.get(User, chosen[1]) if chosen else None,
        answer=form.answer.data, promised_on=form.promised_on.data)


@bp.route(SESSION + "/questions/<int(max=2147483647):item_id>/outcome", methods=["POST"])
def question_outcome(session_id: int, item_id: int):
    """The room settles a question sent beforehand."""
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    item = db.session.get(SessionItem, item_id)
    if item is None or item.session_id != session.id or item.stage != ItemStage.QUESTION:
        abort(404)
    form = OutcomeForm(prefix=f"q{item.id}", grants=holder_grants_for_unit(session.unit))
    blank = _raised_form(session, formdata=None)
    if not form.validate_on_submit():
        return _raised_page(session, blank, 400, submitted=(item.id, form))
    try:
        services.settle_question(session, item, _outcome(form), actor=current_user)
    except DomainError as exc:
        db.session.rollback()
        if not form.add_error(exc):
            flash(exc.message, "error")
        session = access_session(current_user, session_id, staff=True)
        return _raised_page(session, blank, exc.status_code, submitted=(item_id, form))
    code = item.petition.tracking_code
    db.session.commit()
    flash(_("Đã ghi kết quả cho câu hỏi %(code)s.", code=code), "success")
    return redirect(url_for(".raised", session_id=session_id))


@bp.route(SESSION + "/raised", methods=["GET", "POST"])
def raised(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    form = _raised_form(session)
    if not form.validate_on_submit():
        return _raised_page(session, form, 400 if form.is_submitted() else 200)
    chosen = form.chosen()
    entry = services.RaisedPetition(
        title=form.title.data, body=form.body.data,
        category=db.session.get(Category, int(form.category.data)),
        outcome=ItemOutcome(form.outcome.data), speaker_name=form.speaker_name.data or None,
        speaker_phone=form.speaker_phone.data or None, answer=form.answer.data,
        office=db.session.get(Office, chosen[0]) if chosen else None,
        official=db.session.get(User, chosen[1]) if chosen else None,
        promised_on=form.promised_on.data,
    )
    try:
        item = services.record_raised(session, entry, actor=current_user)
    except DomainError as exc:
        db.session.rollback()
        if not form.add_error(exc):
            flash(exc.message, "error")
        session = access_session(current_user, session_id, staff=True)
        return _raised_page(session, form, exc.status_code)
    code = item.petition.tracking_code
    db.session.commit()
    flash(_("Đã ghi ý kiến %(code)s. Nhập ý kiến tiếp theo.", code=code), "success")
    return redirect(url_for(".raised", session_id=session_id))


@bp.route(SESSION + "/record", methods=["GET", "POST"])
def record(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    form = RecordForm()
    if request.method == "GET":
        form.process(data={"attendance_count": session.attendance_count,
                           "organisations": session.attending_organisations,
                           "minutes": session.minutes_source,
                           "conclusion_text": session.conclusion_text})
    elif form.validate_on_submit():
        try:
            services.save_record(session, attendance=form.attendance_count.data,
                                 organisations=form.organisations.data,
                                 minutes_source=form.minutes.data,
                                 conclusion_text=form.conclusion_text.data, actor=current_user)
        except DomainError as exc:
            db.session.rollback()
            if not form.add_error(exc):
                flash(exc.message, "error")
            session = access_session(current_user, session_id, staff=True)
            return render_template("staff/dialogues/record.html", session=session,
                                   form=form), exc.status_code
        db.session.commit()
        flash(_("Đã lưu biên bản."), "success")
        return redirect(url_for(".record", session_id=session_id))
    status = 400 if form.is_submitted() else 200
    return render_template("staff/dialogues/record.html", session=session, form=form), status


@bp.route(SESSION + "/conclusion", methods=["GET", "POST"])
def conclusion(session_id: int):
    session = access_session(current_user, session_id, staff=True)
    require(can_manage_session(current_user, session))
    form = ConclusionForm()
    if request.method == "GET":
        form.process(data={"text": session.conclusion_text,
                           "issued_on": clock.today_in_vietnam()})
    elif form.validate_on_submit():
        try:
            services.conclude_session(session, number=form.number.data,
                                      issued_on=form.issued_on.data, text=form.text.data,
                                      actor=current_user)
        except DomainError as exc:
            db.session.rollback()
            if not form.add_error(exc):
                flash(exc.message, "error")
            session = access_session(current_user, session_id, staff=True)
            return _conclusion_page(session, form, exc.status_code)
        db.session.commit()
        flash(_("Đã công bố thông báo kết luận trên trang hội nghị."), "success")
        return redirect(url_for(".session", session_id=session_id))
    return _conclusion_page(session, form, 400 if form.is_submitted() else 200)


def _conclusion_page(session, form, status=200):
    return render_template("staff/dialogues/conclusion.html", session=session, form=form,
                           commitments=queries.commitments_of(session)), status


# Communes: requests, the voters' roll, compliance --------------------------------------

@bp.route("/communes/<int(max=2147483647):unit_id>", methods=["GET", "POST"])
def commune(unit_id: int):
    unit = db.get_or_404(Unit, unit_id)
    if unit.is_province or not staff_scope(current_user).covers(unit):
        abort(404)
    form = VotersForm(data={"voters": unit.voter_count} if request.method == "GET" else None)
    status = 200
    if request.method == "POST":
        require(can_set_voters(current_user, unit))
        if form.validate_on_submit():
            try:
                services.set_voter_count(unit, form.voters.data, actor=current_user)
            except RuleViolation as exc:
                db.session.rollback()
                form.add_error(exc)
                status = exc.status_code
            else:
                db.session.commit()
                flash(_("Đã lưu số cử tri."), "success")
                return redirect(url_for(".commune", unit_id=unit.id))
        else:
            status = 400
    year = clock.today_in_vietnam().year
    summary = compliance.commune_years(staff_scope(current_user), year, only=unit)
    return render_template(
        "staff/dialogues/commune.html", unit=unit, form=form, summary=summary[0],
        page=paginate(queries.staff_sessions(current_user,
                                             queries.StaffSessionFilters(commune=unit))),
        threshold=rules.request_threshold(unit, clock.today_in_vietnam()),
        requests=services.standing_requests(unit),
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
        try:
            rules.add_rule_version(province=province, values=values,
                                   valid_from=form.valid_from.data,
                                   legal_basis=form.legal_basis.data, actor=current_user)
        except RuleViolation as exc:
            db.session.rollback()
            form.add_error(exc)
            return _rules_page(form, exc.status_code)
        db.session.commit()
        flash(_("Đã thêm quy định mới. Hội nghị diễn ra trước ngày hiệu lực vẫn theo quy định cũ."),
              "success")
        return redirect(url_for(".dialogue_rules"))
    return _rules_page(form, 400 if form.is_submitted() else 200)
