"""Public side of dialogue sessions: the list and calendar, the notice page
(questions sent to it; later the conclusion and how each commitment is
going), and residents' requests for a session."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal import clock
from portal.dialogues import queries, room, rules, session_requests
from portal.dialogues.forms import PublicFilterForm, QuestionForm, RequestForm
from portal.dialogues.models import ItemStage, SessionStatus
from portal.errors import report_to_form
from portal.extensions import db, limiter
from portal.pagination import paginate
from portal.permissions import access_session
from portal.petitions import queries as petition_queries
from portal.petitions.models import Category, PetitionKind
from portal.petitions.services import PetitionDraft
from portal.units import queries as unit_queries

bp = Blueprint("dialogues", __name__, url_prefix="/dialogues")

SESSION = "/<int(max=2147483647):session_id>"


def _places(form: PublicFilterForm):
    """The province and commune chosen in the filter, if they exist."""
    province = unit_queries.unit_by_code(form.province.data or "")
    if province is None or not province.is_province:
        return None, None, []
    communes = unit_queries.communes_of(province)
    commune = next((u for u in communes if u.code == form.commune.data), None)
    return province, commune, communes


def _filter_form():
    form = PublicFilterForm(request.args, provinces=unit_queries.provinces())
    province, commune, communes = _places(form)
    form = PublicFilterForm(request.args, provinces=unit_queries.provinces(), communes=communes)
    form.validate()
    return form, province, commune


@bp.route("")
def index():
    form, province, commune = _filter_form()
    upcoming = {"upcoming": True, "past": False}.get(form.when.data or "")
    page = paginate(queries.public_sessions(province=province, commune=commune, upcoming=upcoming))
    return render_template("dialogues/index.html", form=form, page=page,
                           today=clock.today_in_vietnam())


@bp.route("/calendar")
def calendar():
    form, province, commune = _filter_form()
    month = queries.parse_month(request.args.get("month"), clock.today_in_vietnam())
    grid = queries.month_grid(month, queries.public_sessions(province=province, commune=commune))
    return render_template("dialogues/calendar.html", form=form, grid=grid,
                           today=clock.today_in_vietnam())


def _question_form() -> QuestionForm:
    form = QuestionForm(prefix="question", categories=petition_queries.active_categories())
    if request.method == "GET" and current_user.is_authenticated:
        form.contact_name.data = form.contact_name.data or current_user.full_name
        form.contact_email.data = form.contact_email.data or current_user.email
    return form


def _session_page(session, form, status=200):
    accepting = session.status == SessionStatus.ANNOUNCED and session.starts_at > clock.now()
    # The commitments are published with the conclusion notice.
    published = session.status == SessionStatus.CONCLUDED
    commitments = queries.commitments_of(session) if published else []
    return render_template(
        "dialogues/session.html", session=session, form=form, accepting=accepting,
        questions=len(queries.items_of(session, ItemStage.QUESTION)),
        commitments=commitments,
        histories={item.petition_id: petition_queries.public_history(item.petition)
                   for item in commitments},
        today=clock.today_in_vietnam(),
    ), status


@bp.route(SESSION)
def session(session_id: int):
    return _session_page(access_session(current_user, session_id, staff=False), _question_form())


@bp.route(SESSION + "/questions", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"])
def question(session_id: int):
    record = access_session(current_user, session_id, staff=False)
    form = _question_form()
    if not form.validate_on_submit():
        return _session_page(record, form, 400)
    draft = PetitionDraft(
        title=form.title.data, body=form.body.data, kind=PetitionKind(form.kind.data),
        category=db.session.get(Category, int(form.category.data)), unit=record.unit,
        contact_name=form.contact_name.data, contact_phone=form.contact_phone.data,
        contact_email=form.contact_email.data, hide_identity=form.hide_identity.data,
        is_public=form.is_public.data,
    )
    petition, error = report_to_form(form, lambda: room.send_question(
        record, draft, actor=current_user if current_user.is_authenticated else None))
    if error:
        record = access_session(current_user, session_id, staff=False)
        return _session_page(record, form, error.status_code)
    db.session.commit()
    flash(petition.tracking_code, "submitted")
    return redirect(url_for("petitions.track", code=petition.tracking_code))


def _request_page(form, status=200, unit=None, suggestions=()):
    threshold = pending = None
    if unit is not None:
        threshold = rules.request_threshold(unit, clock.today_in_vietnam())
        pending = session_requests.pending_requests(unit)
    return render_template("dialogues/request.html", form=form, unit=unit, threshold=threshold,
                           pending=pending, suggestions=suggestions), status


@bp.route("/request", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"], methods=["POST"])
def request_session():
    form = RequestForm(provinces=unit_queries.provinces())
    if request.method == "GET":
        # After a request: how many the commune has, against the threshold.
        unit = unit_queries.unit_by_code(request.args.get("unit", ""))
        return _request_page(form, unit=unit if unit and not unit.is_province else None)
    if not form.validate_on_submit():
        return _request_page(form, 400)

    def ask():
        unit = unit_queries.commune_from_input(form.province.data, form.commune.data,
                                               form.commune_code.data)
        session_requests.request_session(unit, actor=current_user, reason=form.reason.data)
        return unit

    unit, error = report_to_form(form, ask)
    if error:
        return _request_page(form, error.status_code,
                             suggestions=getattr(error, "suggestions", []))
    code = unit.code
    db.session.commit()
    flash(_("Đã ghi nhận đề nghị tổ chức đối thoại của bạn."), "success")
    return redirect(url_for(".request_session", unit=code))
