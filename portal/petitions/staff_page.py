"""The staff petition page, the hub of every action on a petition, and the
one way an action is carried out from it."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from portal import clock
from portal.answers import services as answers
from portal.answers.forms import AnswerForm, ReturnForm
from portal.answers.models import ResponseStatus
from portal.deadlines.wording import deadline_lines
from portal.errors import DomainError
from portal.extensions import db
from portal.forms import ActionForm
from portal.handling import services as handling
from portal.handling.forms import AssignForm, DecisionForm, NoteForm, ReasonForm, TransferForm
from portal.permissions import (
    access_petition,
    can_acknowledge,
    can_assign,
    can_handle_petition,
    can_lead,
    can_transfer,
    can_work_on,
    is_holder,
    require,
)
from portal.petitions.forms import AcceptForm, MergeForm, RejectForm
from portal.petitions.models import Petition, PetitionStatus
from portal.search.queries import similar


def blank_forms(petition: Petition, actions: frozenset[str], working) -> dict:
    """Empty forms for the actions offered; the list of possible holders is
    only looked up when assigning or transferring is on offer."""
    needs_holders = actions & {"assign", "reassign", "transfer"}
    grants = handling.holder_grants(petition) if needs_holders else []
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
        "merge_form": MergeForm(prefix="merge"),
    }


def available_actions(user, petition: Petition, *, pending_extension, working) -> frozenset[str]:
    """The actions to offer on the page, from the same permissions and rules
    the services enforce, so the page never shows a button that would fail."""
    actions: set[str] = set()
    status = petition.status
    leads = can_lead(user, petition)
    holder = is_holder(user, petition)
    if can_acknowledge(user, petition):
        actions |= {"accept", "reject"}
    if status == PetitionStatus.ACCEPTED and can_assign(user, petition):
        actions.add("assign")
    if status == PetitionStatus.IN_PROGRESS:
        if can_work_on(user, petition):
            actions.add("pause")
            if working is not None and working.status == ResponseStatus.PENDING_APPROVAL:
                actions.add("pending_answer")
                if leads:
                    actions |= {"approve", "return"}
            else:
                actions.add("answer")
        if can_transfer(user, petition):
            actions.add("transfer")
        if can_assign(user, petition):
            actions.add("reassign")
        if holder and handling.transfer_sender(handling.current_assignment(petition)):
            actions.add("send_back")
        if holder and pending_extension is None and handling.may_request_extension(petition):
            actions.add("request_extension")
    if status in (PetitionStatus.IN_PROGRESS, PetitionStatus.PAUSED) and pending_extension:
        actions.add("decide_extension" if leads else "extension_pending")
    if (status in (PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS) and leads
            and handling.may_mark_complex(petition)):
        actions.add("mark_complex")
    if status == PetitionStatus.PAUSED and can_work_on(user, petition):
        actions.add("resume")
    if petition.is_open and can_handle_petition(user, petition):
        actions.add("merge")
    return frozenset(actions)


def possible_duplicates(user, petition: Petition) -> list:
    """Petitions of the same commune that read alike, to merge into."""
    return [r for r in similar(user, petition.title, petition.body, petition.unit, limit=6)
            if r.id != petition.id and r.record.duplicate_of_id is None][:5]


def render_detail(petition: Petition, *, forms: dict | None = None, status: int = 200):
    """The detail page; ``forms`` replaces the blank action forms with the
    one just submitted, so its errors and typed text are shown."""
    today = clock.today_in_vietnam()
    pending = handling.pending_extension(petition)
    working = answers.working_response(petition)
    actions = available_actions(current_user, petition, pending_extension=pending, working=working)
    context = blank_forms(petition, actions, working)
    context.update(forms or {})
    return render_template(
        "staff/petition.html",
        petition=petition,
        today=today,
        state=petition.deadline_state(today),
        deadlines=deadline_lines(petition),
        custody=handling.custody_chain(petition),
        pending_extension=pending,
        working=working,
        actions=actions,
        answer_needs_approval=(petition.unit.requires_answer_approval
                               and not can_lead(current_user, petition)),
        published=answers.published_responses(petition),
        duplicates=possible_duplicates(current_user, petition) if "merge" in actions else [],
        ratings=answers.ratings_of(petition),
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



