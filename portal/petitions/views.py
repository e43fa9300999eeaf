"""Public pages for residents: send a petition, track it, list one's own."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal.answers import services as answer_services
from portal.answers.forms import RatingForm
from portal.deadlines.wording import deadline_lines
from portal.errors import DomainError, RuleViolation
from portal.extensions import db, limiter
from portal.pagination import paginate
from portal.permissions import can_rate
from portal.petitions import queries, services, tracking
from portal.petitions.forms import PetitionForm, TrackForm
from portal.petitions.merging import published_original
from portal.petitions.models import Category, Petition, PetitionKind
from portal.units import queries as unit_queries

bp = Blueprint("petitions", __name__)


def _petition_form() -> PetitionForm:
    form = PetitionForm(
        categories=queries.active_categories(), provinces=unit_queries.provinces()
    )
    if request.method == "GET" and current_user.is_authenticated:
        form.contact_name.data = form.contact_name.data or current_user.full_name
        form.contact_email.data = form.contact_email.data or current_user.email
        form.contact_phone.data = form.contact_phone.data or current_user.phone
    return form


@bp.route("/petitions/new", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"], methods=["POST"])
def new():
    form = _petition_form()
    suggestions = []
    if form.validate_on_submit():
        try:
            unit = unit_queries.commune_from_input(
                form.province.data, form.commune.data, form.commune_code.data
            )
            draft = services.PetitionDraft(
                title=form.title.data,
                body=form.body.data,
                kind=PetitionKind(form.kind.data),
                category=db.session.get(Category, int(form.category.data)),
                unit=unit,
                contact_name=form.contact_name.data,
                contact_phone=form.contact_phone.data,
                contact_email=form.contact_email.data,
                hide_identity=form.hide_identity.data,
                is_public=form.is_public.data,
            )
            petition = services.submit_petition(
                draft, actor=current_user if current_user.is_authenticated else None
            )
        except RuleViolation as exc:
            suggestions = getattr(exc, "suggestions", [])
            if not form.add_error(exc):
                flash(exc.message, "error")
        else:
            db.session.commit()
            flash(petition.tracking_code, "submitted")
            return redirect(url_for(".track", code=petition.tracking_code))
    status = 400 if form.is_submitted() else 200
    return render_template("petitions/new.html", form=form, suggestions=suggestions), status


@bp.route("/track")
def track_lookup():
    form = TrackForm(request.args)
    if request.args and form.validate():
        return redirect(url_for(".track", code=form.code.data))
    status = 400 if request.args else 200
    return render_template("petitions/track_lookup.html", form=form), status


@bp.route("/track/<code>")
@limiter.limit(lambda: current_app.config["RATE_LIMIT_TRACK"])
def track(code: str):
    canonical = tracking.normalise(code)
    if canonical is None:
        abort(404)
    if canonical != code:
        return redirect(url_for(".track", code=canonical), 301)
    petition = queries.by_tracking_code(canonical)
    if petition is None:
        abort(404)
    return _tracking_page(petition, RatingForm(prefix="rating"))


def _tracking_page(petition, rating_form, status=200):
    merged_into = published_original(petition)
    return render_template(
        "petitions/track.html",
        petition=petition,
        events=queries.public_history(petition),
        deadlines=deadline_lines(petition),
        published=answer_services.published_responses(petition),
        rating_form=rating_form,
        may_rate=answer_services.can_still_rate(petition) and can_rate(current_user, petition),
        rating_deadline=answer_services.rating_deadline(petition),
        merged_into=merged_into,
        published_into=answer_services.published_responses(merged_into) if merged_into else [],
    ), status


@bp.route("/track/<code>/rating", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"])
def rate(code: str):
    petition = queries.by_tracking_code(tracking.normalise(code) or "")
    if petition is None:
        abort(404)
    form = RatingForm(prefix="rating")
    if form.validate_on_submit():
        try:
            answer_services.rate_answer(
                petition, satisfied=form.satisfied.data == "yes", comment=form.comment.data,
                actor=current_user if current_user.is_authenticated else None,
            )
        except DomainError as exc:
            db.session.rollback()
            if not form.add_error(exc):
                flash(exc.message, "error")
            petition = queries.by_tracking_code(petition.tracking_code)
            return _tracking_page(petition, form, status=exc.status_code)
        db.session.commit()
        flash(_("Cảm ơn bạn đã đánh giá."), "success")
        return redirect(url_for(".track", code=petition.tracking_code))
    return _tracking_page(petition, form, status=400)


@bp.route("/public")
def public_list():
    return render_template("petitions/public_list.html", page=paginate(queries.public_petitions()))


@bp.route("/public/<int(max=2147483647):petition_id>")
def public_detail(petition_id: int):
    # By number, not by tracking code: the code is the sender's key (it lets
    # them rate the answer) and is never shown publicly.
    petition = db.session.scalar(
        queries.public_petitions().where(Petition.id == petition_id).order_by(None))
    if petition is None:
        abort(404)
    return render_template("petitions/public_detail.html", petition=petition,
                           events=queries.public_history(petition),
                           published=answer_services.published_responses(petition))


@bp.route("/my/petitions")
@login_required
def mine():
    return render_template("petitions/mine.html", page=paginate(queries.petitions_of(current_user)))
