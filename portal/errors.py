"""Domain errors and how every error reaches people: an HTML page for the
site, the JSON envelope ``{"error": {"code", "message", "fields"}}`` for /api.
"""

from __future__ import annotations

import logging

from flask import Flask, flash, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import db

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A rule of the domain refused the request; the message is for people."""

    status_code = 422
    code = "rule_violation"

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class RuleViolation(DomainError):
    pass


class PermissionDenied(DomainError):
    status_code = 403
    code = "forbidden"

    def __init__(self, message: str | None = None):
        super().__init__(message or _("Bạn không có quyền thực hiện thao tác này."))


class InvalidInput(DomainError):
    """The request's input does not have the shape asked for (a program's
    mistake, not a rule of the domain); ``fields`` names each problem."""

    status_code = 400
    code = "invalid_parameters"

    def __init__(self, fields: dict[str, list[str]], message: str | None = None):
        super().__init__(message or _("Tham số không hợp lệ."))
        self.fields = fields


class InvalidTransition(DomainError):
    code = "invalid_transition"

    def __init__(self, current, target):
        super().__init__(
            _(
                "Không thể chuyển từ trạng thái «%(current)s» sang «%(target)s».",
                current=current.label,
                target=target.label,
            )
        )
        self.current = current
        self.target = target


_TITLES = {
    400: _l("Yêu cầu không hợp lệ"),
    401: _l("Cần đăng nhập"),
    403: _l("Không có quyền truy cập"),
    404: _l("Không tìm thấy"),
    405: _l("Thao tác không được hỗ trợ"),
    409: _l("Hồ sơ vừa thay đổi"),
    413: _l("Nội dung gửi lên quá lớn"),
    422: _l("Không thể thực hiện"),
    429: _l("Quá nhiều yêu cầu"),
    500: _l("Đã có lỗi xảy ra"),
    503: _l("Hệ thống đang bận"),
}
_MESSAGES = {
    400: _l("Yêu cầu không hợp lệ. Vui lòng kiểm tra lại thông tin."),
    401: _l("Cần đăng nhập hoặc mã truy cập hợp lệ."),
    403: _l("Bạn không có quyền xem hoặc thực hiện thao tác này."),
    404: _l("Trang hoặc hồ sơ bạn tìm không tồn tại, hoặc bạn không có quyền xem."),
    405: _l("Thao tác này không được hỗ trợ tại địa chỉ này."),
    409: _l("Hồ sơ vừa được người khác cập nhật nên thao tác của bạn chưa được lưu. "
            "Vui lòng tải lại trang để xem tình trạng mới rồi thử lại."),
    413: _l("Nội dung gửi lên vượt quá dung lượng cho phép."),
    429: _l("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
    500: _l("Hệ thống gặp sự cố khi xử lý yêu cầu. Nội dung chưa được lưu; vui lòng thử lại."),
    503: _l("Hệ thống đang bận. Vui lòng thử lại sau giây lát; nội dung chưa được lưu."),
}
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "rule_violation",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def default_message(status: int) -> str:
    """What people read for an HTTP status when nothing more precise is said."""
    return str(_MESSAGES.get(status, _MESSAGES[400]))


def error_response(status: int, *, message: str | None = None, code: str | None = None,
                   fields: dict | None = None):
    message = message or default_message(status)
    code = code or _CODES.get(status, "error")
    if wants_json():
        body = {"error": {"code": code, "message": message, "fields": fields or {}}}
        return jsonify(body), status
    title = _TITLES.get(status, _TITLES[400])
    # Server-side trouble may mean the database is down: use the page that
    # needs neither the session's user nor a query.
    template = "errors/minimal.html" if status >= 500 else "errors/error.html"
    return render_template(template, status=status, title=title, message=message), status


def _rollback() -> None:
    db.session.rollback()


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException):
        status = exc.code or 500
        # abort(…, description=…) with our own text keeps it; Werkzeug's
        # English defaults are replaced by the translated message (Flask-Limiter
        # puts the limit itself, e.g. "5 per 1 minute", in a 429's description).
        own = exc.description if exc.description != type(exc).description else None
        if status == 429:
            own = None
        return error_response(status, message=own)

    @app.errorhandler(DomainError)
    def handle_domain(exc: DomainError):
        _rollback()
        fields = getattr(exc, "fields", None) or ({exc.field: [exc.message]} if exc.field else None)
        return error_response(exc.status_code, message=exc.message, code=exc.code, fields=fields)

    @app.errorhandler(StaleDataError)
    @app.errorhandler(IntegrityError)
    def handle_conflict(exc: Exception):
        # Someone else changed the same record first (optimistic lock), or a
        # unique value was taken at the same moment.
        _rollback()
        log.info("write conflict: %s", exc)
        return error_response(409)

    @app.errorhandler(OperationalError)
    def handle_database_busy(exc: OperationalError):
        _rollback()
        log.warning("database unavailable: %s", exc.orig)
        return error_response(503)

    @app.errorhandler(InternalServerError)
    def handle_500(exc: InternalServerError):
        _rollback()
        return error_response(500)


def report_to_form(form, call):
    """Run ``call`` (a service use case) for a submitted form and return
    ``(its result, None)``. A rule it refuses rolls the transaction back and
    is shown next to its field, or as a message at the top; then
    ``(None, the error)`` lets the view show the form again with its status."""
    try:
        return call(), None
    except DomainError as exc:
        db.session.rollback()
        if not form.add_error(exc):
            flash(exc.message, "error")
        return None, exc
