"""Residents' side of the API: send a petition without an account (or with
a resident's token), follow it by its tracking code, rate the answer."""

from __future__ import annotations

from flask import abort, current_app, request
from flask_babel import gettext as _

from portal.answers import services as answers
from portal.answers.forms import RatingForm
from portal.api import shapes, staff_petitions
from portal.api.auth import caller, require_caller
from portal.api.inputs import (
    api_form,
    filled_form,
    form_errors,
    json_object,
    named_as,
    page_args,
    stop_on,
)
from portal.api.views import bp
from portal.dialogues import room
from portal.dialogues.models import DialogueSession
from portal.errors import InvalidInput
from portal.extensions import db, limiter
from portal.petitions import queries, services, tracking
from portal.petitions.forms import PetitionContentForm
from portal.petitions.models import Category, Channel, Petition, PetitionKind
from portal.security import token_only
from portal.units import queries as unit_queries
from portal.units.models import COMMUNE_KINDS

ID_MAX = 2_147_483_647

# JSON key → field of the web form that checks it.
PETITION_FIELDS = {
    "title": "title", "body": "body", "kind": "kind", "category": "category",
    "contact.name": "contact_name", "contact.email": "contact_email",
    "contact.phone": "contact_phone", "hide_identity": "hide_identity",
    "is_public": "is_public",
}


def _flatten_contact(body: dict) -> dict:
    contact = body.get("contact")
    if contact is None:
        contact = {}
    if not isinstance(contact, dict):
        raise InvalidInput({"contact": [_("Cần một đối tượng {\"name\", \"email\", \"phone\"}.")]})
    flat = {key: value for key, value in body.items() if key != "contact"}
    flat.update({f"contact.{key}": value for key, value in contact.items()})
    return flat


def _category(body: dict, errors: dict) -> tuple[dict, Category | None]:
    """The web form picks a category by number; programs name it by code.
    The body as the form reads it, and the active category named."""
    code = body.get("category")
    if not isinstance(code, str) or not code:
        return body, None
    found = queries.category_by_code(code, active=True)
    if found is None:
        errors["category"] = [_("Không có lĩnh vực mã '%(code)s'. Xem /api/v1/categories.",
                                code=code[:40])]
        return {**body, "category": None}, None
    return {**body, "category": str(found.id)}, found


def _session(body: dict, errors: dict) -> DialogueSession | None:
    raw = body.get("session_id")
    if raw is None:
        return None
    session = None
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= ID_MAX:
        session = db.session.get(DialogueSession, raw)
    if session is None or not session.is_public:
        errors["session_id"] = [_("Không có hội nghị số %(n)s.", n=str(raw)[:20])]
        return None
    return session


def _commune(body: dict, session: DialogueSession | None, errors: dict):
    code = body.get("commune_code")
    if session is not None and code in (None, ""):
        return session.unit
    if not isinstance(code, str) or not code:
        errors["commune_code"] = [_("Cần mã xã, phường, đặc khu (5 chữ số). "
                                    "Xem /api/v1/units.")]
        return None
    unit = unit_queries.unit_by_code(code.strip())
    if unit is None or unit.kind not in COMMUNE_KINDS:
        errors["commune_code"] = [_("Không có xã, phường, đặc khu mã '%(code)s'.",
                                    code=code[:10])]
        return None
    if session is not None and unit.id != session.unit_id:
        errors["commune_code"] = [_("Hội nghị này là của %(name)s.",
                                    name=session.unit.full_name)]
    return unit


@bp.route("/petitions", methods=["POST"])
@token_only
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"])
def submit():
    """Every problem of the input is named at once, as the web form does."""
    body = _flatten_contact(json_object())
    errors: dict[str, list[str]] = {}
    session = _session(body, errors)
    commune = _commune(body, session, errors)
    body, category = _category(body, errors)
    # The code was looked up among the active categories already: the form
    # only has to check that one was named.
    form = filled_form(PetitionContentForm, body, PETITION_FIELDS,
                       categories=[category] if category else [])
    errors = {**form_errors(form, PETITION_FIELDS), **errors}
    stop_on(errors)
    draft = services.PetitionDraft(
        title=form.title.data, body=form.body.data, kind=PetitionKind(form.kind.data),
        category=category, unit=commune,
        contact_name=form.contact_name.data, contact_phone=form.contact_phone.data,
        contact_email=form.contact_email.data, hide_identity=form.hide_identity.data,
        is_public=form.is_public.data, channel=Channel.API)
    actor = caller()
    with named_as(PETITION_FIELDS):
        if session is not None:
            petition = room.send_question(session, draft, actor=actor)
        else:
            petition = services.submit_petition(draft, actor=actor)
    # Shaped before the commit, while the new petition is still loaded: after
    # it, every attribute would be read back from the database.
    answer = shapes.petition_for_sender(petition, actor)
    db.session.commit()
    return answer, 201, {
        "Location": request.host_url.rstrip("/") + f"/api/v1/petitions/{answer['tracking_code']}"}


def _by_code(code: str) -> Petition:
    canonical = tracking.normalise(code)
    petition = queries.by_tracking_code(canonical) if canonical else None
    if petition is None:
        abort(404, description=_("Không có phản ánh với mã theo dõi này."))
    return petition


def _is_number(ref: str) -> bool:
    return ref.isascii() and ref.isdecimal()


@bp.route("/petitions/<ref>")
@limiter.limit(lambda: current_app.config["RATE_LIMIT_TRACK"],
               exempt_when=lambda: _is_number((request.view_args or {}).get("ref", "")))
def petition(ref: str):
    """By tracking code: the tracking page's facts, for whoever holds the
    code (rate-limited: codes must not be guessed). By number: the staff
    view, for a staff token. One path, because OpenAPI allows one template
    per place."""
    if _is_number(ref):
        return staff_petitions.detail(int(ref))
    return shapes.petition_for_sender(_by_code(ref), caller())


@bp.route("/my/petitions")
def mine():
    """A resident's own petitions, sent while signed in or with their token."""
    user = require_caller()
    errors: dict[str, list[str]] = {}
    page, per_page = page_args(errors)
    stop_on(errors)
    found = db.paginate(queries.petitions_of(user), page=page, per_page=per_page,
                        max_per_page=100, error_out=False)
    return {"items": [shapes.petition_of_sender(p) for p in found.items],
            "meta": {"total": found.total, "page": page, "per_page": per_page}}


RATING_FIELDS = {"satisfied": "satisfied", "comment": "comment"}


@bp.route("/petitions/<code>/rating", methods=["POST"])
@token_only
@limiter.limit(lambda: current_app.config["RATE_LIMIT_SUBMIT"])
def rate(code: str):
    """Satisfied closes the petition; not satisfied (with a reason) reopens it."""
    petition = _by_code(code)
    body = json_object()
    satisfied = body.get("satisfied")
    if not isinstance(satisfied, bool):
        raise InvalidInput({"satisfied": [_("Cần true (hài lòng) hoặc false (chưa hài lòng).")]})
    form = api_form(RatingForm, {**body, "satisfied": "yes" if satisfied else "no"},
                    RATING_FIELDS)
    with named_as(RATING_FIELDS):
        answers.rate_answer(petition, satisfied=satisfied, comment=form.comment.data,
                            actor=caller())
    db.session.commit()
    return shapes.petition_for_sender(petition, caller()), 201
