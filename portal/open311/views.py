"""Open311 GeoReport v2 at /open311/v2/. The format is the path's suffix
(.json or .xml); every answer, errors included, is in GeoReport's shape and
in that format, never an HTML page.

Programs identify themselves only with ``api_key`` (a form field or query
parameter): the views never read the cookie session's user, and the POST is
exempt from the CSRF token, which protects cookie identities only.
"""

from __future__ import annotations

import functools
from contextlib import nullcontext

from flask import Blueprint, abort, current_app, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed, NotFound

from portal.errors import DomainError, RuleViolation, default_message
from portal.extensions import db, limiter
from portal.open311 import fields, formats, keys, params, queries, services
from portal.open311.formats import FORMATS, JSON, XML
from portal.open311.models import Open311Client
from portal.petitions.queries import active_categories, category_by_code
from portal.security import secret_digest, token_only

bp = Blueprint("open311", __name__, url_prefix="/open311")

FORMAT = "<any(json, xml):fmt>"

# Where Open311 says it its own way; every other status reads as on the site.
_MESSAGES = {
    400: _l("Tham số không hợp lệ."),
    403: _l("Cần api_key hợp lệ."),
    409: _l("Hồ sơ vừa được cập nhật cùng lúc; chưa lưu gì, vui lòng gửi lại."),
}
# Where each rule of the petition services reads its value, as Open311 names it.
_PARAMETERS = {
    "title": "attribute[title]",
    "body": "description",
    "category": "service_code",
    "commune": "address_string",
    "address_id": "address_id",
    "address_string": "address_string",
    "lat": "lat",
    "contact_name": "first_name, last_name",
    "contact_email": "email",
    "contact_phone": "phone",
}


def _format() -> str:
    chosen = (request.view_args or {}).get("fmt")
    if chosen in FORMATS:
        return chosen
    return XML if request.path.endswith(".xml") else JSON


def _language() -> str | None:
    """GeoReport names no language parameter. A program has no site cookie,
    so it may ask with ``locale=en`` (our addition) or Accept-Language, as
    on the JSON API; otherwise the site's own choice applies."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.args.get("locale") or _form_value("locale")
    if chosen in languages:
        return chosen
    if "Accept-Language" in request.headers:
        return request.accept_languages.best_match(languages)
    return None


def _form_value(name: str) -> str:
    """A form field, or "" when the body cannot be read (too large): error
    handlers ask too, and must not fail again."""
    if request.method != "POST":
        return ""
    try:
        return request.form.get(name, "").strip()
    except HTTPException:
        return ""


def _in_language(call):
    language = _language()
    with force_locale(language) if language else nullcontext():
        return call()


def localised(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return _in_language(lambda: view(*args, **kwargs))
    return wrapper


def _error(status: int, description: str | None = None):
    fallback = _MESSAGES[status] if status in _MESSAGES else default_message(status)
    return formats.errors(status, description or str(fallback),
                          _format())


def _client(*, required: bool) -> Open311Client | None:
    key = request.values.get("api_key", "").strip()
    if not key:
        if required:
            abort(403, description=_("Cần api_key: khoá do quản trị viên của cổng cấp."))
        return None
    client = keys.authenticate(key)
    if client is None:
        abort(403, description=_("api_key không hợp lệ hoặc đã bị thu hồi."))
    return client


def _limit_key() -> str:
    # Per key: one program relays many residents from one address.
    key = _form_value("api_key")
    return "open311:" + secret_digest(key) if key else get_remote_address()


def _commit_if(client: Open311Client | None) -> None:
    if client is not None:  # its last use was noted
        db.session.commit()


@bp.route(f"/v2/discovery.{FORMAT}")
@localised
def discovery(fmt: str):
    return formats.render(fields.discovery(), fmt, root="discovery")


@bp.route(f"/v2/services.{FORMAT}")
@localised
def services_list(fmt: str):
    return formats.render([fields.service(c) for c in active_categories()], fmt, root="services")


@bp.route(f"/v2/services/<service_code>.{FORMAT}")
@localised
def service_definition(service_code: str, fmt: str):
    category = category_by_code(service_code)
    if category is None or not category.is_active:
        abort(404, description=_("Không có lĩnh vực mã '%(code)s'.", code=service_code[:40]))
    return formats.render(fields.service_definition(category), fmt, root="service_definition")


@bp.route(f"/v2/requests.{FORMAT}")
@limiter.limit(lambda: current_app.config["RATE_LIMIT_OPEN311_READ"])
@localised
def list_requests(fmt: str):
    client = _client(required=False)
    filters = params.parse_filters(request.args)
    unknown = queries.unknown_service_codes(filters.service_codes or [])
    if unknown:
        raise params.BadParameter("service_code", _("Không có lĩnh vực mã '%(code)s'.",
                                                    code=", ".join(unknown)))
    found = fields.requests(queries.visible_requests(filters, client))
    _commit_if(client)
    return formats.render(found, fmt, root="service_requests")


@bp.route(f"/v2/requests/<service_request_id>.{FORMAT}")
@limiter.limit(lambda: current_app.config["RATE_LIMIT_OPEN311_READ"])
@localised
def get_request(service_request_id: str, fmt: str):
    client = _client(required=False)
    petition_id = params.request_id(service_request_id)
    petition = queries.visible_request(petition_id, client) if petition_id else None
    if petition is None:
        abort(404, description=_("Không có yêu cầu mã «%(id)s», hoặc yêu cầu không công khai.",
                                 id=service_request_id[:40]))
    found = fields.requests([petition])
    _commit_if(client)
    return formats.render(found, fmt, root="service_requests")


def _describe(exc: RuleViolation) -> str:
    name = _PARAMETERS.get(exc.field or "", exc.field)
    message = exc.message
    suggestions = getattr(exc, "suggestions", None)
    if suggestions:
        listed = "; ".join(f"{u.full_name}, {u.province.full_name} (address_id {u.code})"
                           for u in suggestions[:8])
        message = _("%(message)s Có thể là: %(units)s.", message=message, units=listed)
    return f"{name}: {message}" if name else message


@bp.route(f"/v2/requests.{FORMAT}", methods=["POST"])
@token_only
@limiter.limit(lambda: current_app.config["RATE_LIMIT_OPEN311_SUBMIT"], key_func=_limit_key)
@localised
def create_request(fmt: str):
    client = _client(required=True)
    new = params.parse_new_request(request.form)
    try:
        petition = services.submit_request(new, client=client)
    except RuleViolation as exc:
        db.session.rollback()
        return _error(400, _describe(exc))
    db.session.commit()
    # 200, not 201: GeoReport v2 clients test for 200 (docs/open311.md).
    return formats.render([fields.created(petition)], fmt, root="service_requests")


@bp.route("/", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
@bp.route("/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
@token_only
@localised
def fallback(rest: str = ""):
    """Anything else under /open311: 405 when the path exists for another
    method, else 404, in GeoReport's shape rather than the site's HTML."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    allowed = set()
    for method in ("GET", "POST"):
        try:
            endpoint, _args = adapter.match(request.path, method=method)
        except HTTPException:
            continue
        if endpoint != request.endpoint:
            allowed.add(method)
    if allowed:
        raise MethodNotAllowed(valid_methods=sorted(allowed | ({"HEAD"} if "GET" in allowed
                                                               else set())))
    raise NotFound()


@bp.errorhandler(params.BadParameter)
def _bad_parameter(exc: params.BadParameter):
    return _in_language(lambda: _error(400, exc.description))


@bp.errorhandler(DomainError)
def _domain(exc: DomainError):
    db.session.rollback()
    # A rule refusing the input is the client's to correct: GeoReport's 400.
    status = 400 if exc.status_code == 422 else exc.status_code
    return _in_language(lambda: _error(status, exc.message))


# The app has its own handler for 500 by code, which Flask prefers to any
# handler by class: this blueprint names 500 too.
@bp.errorhandler(InternalServerError)
@bp.errorhandler(HTTPException)
def _http(exc: HTTPException):
    status = exc.code or 500
    if status >= 500:
        db.session.rollback()
    # Our own abort(…, description=…) keeps its text; Werkzeug's English
    # defaults and Flask-Limiter's "5 per 1 minute" give way to ours.
    own = exc.description if exc.description != type(exc).description and status != 429 else None
    response = _in_language(lambda: _error(status, own))
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


@bp.errorhandler(StaleDataError)
@bp.errorhandler(IntegrityError)
def _conflict(exc: Exception):
    db.session.rollback()
    return _in_language(lambda: _error(409))


@bp.errorhandler(OperationalError)
def _busy(exc: OperationalError):
    db.session.rollback()
    return _in_language(lambda: _error(503))
