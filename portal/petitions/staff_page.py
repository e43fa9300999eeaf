"""The staff petition page, the hub of every action on a petition, and the
one way an action is carried out from it."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from portal import clock
from portal.answers import services as answers
from portal.answers.forms import AnswerForm, ReturnForm
from portal.answers.models import Rating
from portal.deadlines.wording import deadline_lines
from portal.errors import DomainError
from portal.extensions import db
from portal.forms import ActionForm
from portal.handling import services as handling
from portal.handling.forms import AssignForm, DecisionForm, NoteForm, ReasonForm, TransferForm
from portal.permissions import access_petition, require
from portal.petitions.forms import AcceptForm, RejectForm
from portal.petitions.models import Petition


def blank_forms(petition: Petition) -> dict:
    grants = handling.holder_grants(petition)
    working = answers.working_response(petition)
    return {
        "accept_form": AcceptForm(prefix="accept"),
        "reject_form": RejectForm(prefix="reject"),
        "assign_form": AssignForm(prefix="assign", grants=grants),
        "transfer_form": TransferForm(prefix="transfer", grants=grants),
        "send_back_form": ReasonForm(prefix="send_back"),
        "complex_form": ReasonForm(prefix="complex"),
        "extension_form": ReasonForm(prefix="extension"),
        "decision_form": DecisionForm(prefix="decision"),
        "pause_form": ReasonForm(prefix="pause"),
        "resume_form": NoteForm(prefix="resume"),
        "answer_form": AnswerForm(prefix="answer", data={"body": working.body if working else ""}),
        "approve_form": ActionForm(prefix="approve"),
        "return_form": ReturnForm(prefix="return"),
    }


def render_detail(petition: Petition, *, forms: dict | None = None, status: int = 200):
    """The detail page; ``forms`` replaces the blank action forms with the
    one just submitted, so its errors and typed text are shown."""
    context = blank_forms(petition)
    context.update(forms or {})
    today = clock.today_in_vietnam()
    current = handling.current_assignment(petition)
    return render_template(
        "staff/petition.html",
        petition=petition,
        today=today,
        state=petition.deadline_state(today),
        deadlines=deadline_lines(petition),
        custody=handling.custody_chain(petition),
        can_send_back=current is not None and current.previous_id is not None,
        pending_extension=handling.pending_extension(petition),
        working=answers.working_response(petition),
        published=answers.published_responses(petition),
        ratings=db.session.query(Rating).filter_by(petition_id=petition.id).all(),
        **context,
    ), status


def perform(petition_id: int, *, allowed: Callable, form: Callable, form_name: str,
            run: Callable, done: str | Callable[[Petition], str]):
    """One staff action: access check, permission, form, service, one commit.

    ``form`` builds the form for the petition (choices may depend on it);
    ``run(petition, form)`` calls the service."""
    petition = access_petition(current_user, petition_id)
    require(allowed(current_user, petition))
    form = form(petition)
    if not form.validate_on_submit():
        return render_detail(petition, forms={form_name: form}, status=400)
    try:
        run(petition, form)
    except DomainError as exc:
        db.session.rollback()
        if not form.add_error(exc):
            flash(exc.message, "error")
        petition = access_petition(current_user, petition_id)
        return render_detail(petition, forms={form_name: form}, status=exc.status_code)
    message = done(petition) if callable(done) else done % {"code": petition.tracking_code}
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("staff.petition", petition_id=petition.id))



