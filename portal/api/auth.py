"""Who is calling the API: the account behind a bearer token, never the
browser's session cookie (a cross-site page must not act through it), and
``/api/v1/auth/token`` to get and revoke such a token."""

from __future__ import annotations

from flask import g, request
from flask_babel import gettext as _

from portal.accounts.services import authenticate
from portal.api import tokens
from portal.api.views import bp
from portal.errors import InvalidInput, PermissionDenied, error_response
from portal.extensions import db, limiter
from portal.permissions import is_staff
from portal.security import token_only


class Unauthorised(PermissionDenied):
    status_code = 401
    code = "unauthorized"

    def __init__(self):
        super().__init__(_("Cần mã truy cập hợp lệ (Authorization: Bearer ...)."))


def caller():
    """The account of this request's live token, or None."""
    if "api_caller" not in g:
        record = tokens.presented()
        g.api_caller = record.user if record is not None else None
    return g.api_caller


def require_caller():
    user = caller()
    if user is None:
        raise Unauthorised()
    return user


def require_staff():
    """Officials, leaders and inspectors: the same test as the /staff pages."""
    user = require_caller()
    if not is_staff(user):
        raise PermissionDenied()
    return user


@bp.route("/auth/token", methods=["POST"])
@token_only
@limiter.limit("10/minute")
def issue_token():
    data = request.get_json(silent=True) or {}
    email, password = data.get("email"), data.get("password")
    if not isinstance(email, str) or not isinstance(password, str) or not email or not password:
        raise InvalidInput({"email": [_("Vui lòng nhập e-mail và mật khẩu.")]})
    user = authenticate(email, password)
    if user is None:
        return error_response(401, code="invalid_credentials",
                              message=_("E-mail hoặc mật khẩu không đúng."))
    token, record = tokens.issue(user)
    db.session.commit()
    return {"token": token, "expires_at": record.expires_at.isoformat()}, 201


@bp.route("/auth/token", methods=["DELETE"])
@token_only
def revoke_token():
    record = tokens.presented()
    if record is None:
        raise Unauthorised()
    tokens.revoke(record)
    db.session.commit()
    return "", 204
