"""Response headers and redirect checks that every page relies on."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from flask import Flask, current_app, g, has_request_context, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.errors import error_response, wants_json
from portal.extensions import csrf
from portal.vietnamese import has_control_characters


def secret_digest(secret: str) -> str:
    """How a bearer token or an API key is stored: a table that leaks gives
    nothing usable, and a random secret of 256 bits needs no slow hash."""
    return hashlib.sha256(secret.encode()).hexdigest()

_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def is_safe_next(target: str | None) -> bool:
    """Only a path on this site: no scheme, no host, no protocol-relative
    ``//evil``, no backslash tricks that browsers read as ``//``."""
    if not target or not target.startswith("/") or has_control_characters(target):
        return False
    if target.startswith("//") or "\\" in target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def _same_origin() -> bool:
    """Whether the request came from one of our own pages, as far as the
    browser tells: Sec-Fetch-Site, else Origin, else Referer. A request with
    none of them (not a browser) has no victim session to abuse."""
    site = request.headers.get("Sec-Fetch-Site")
    if site:
        return site in ("same-origin", "none")
    ours = request.host_url.rstrip("/")
    origin = request.headers.get("Origin")
    if origin:
        return origin.rstrip("/") == ours
    referer = request.headers.get("Referer")
    if referer:
        return referer == ours or referer.startswith(ours + "/")
    return True


def token_only(view):
    """Mark an API view that takes no cookie-borne identity (it reads a JSON
    body or a bearer token), so a cross-site page cannot ride on a visitor's
    session through it and the CSRF token does not apply. Browsers cannot
    send a JSON body cross-site without the server's consent (CORS)."""
    view.csrf_exempt = True
    return view


def register_csrf(app: Flask) -> None:
    """Check the CSRF token of every state-changing request, before any other
    before_request hook; on an expired token from our own page, show the form
    again with what was typed."""
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False

    @app.before_request
    def _csrf_guard():
        # A URL or method that matches no view answers 404/405, not a CSRF error.
        if request.routing_exception is not None:
            return
        if request.method in _UNSAFE_METHODS and not g.get("csrf_retry"):
            view = current_app.view_functions.get(request.endpoint)
            if not getattr(view, "csrf_exempt", False):
                csrf.protect()

    @app.errorhandler(CSRFError)
    def _csrf_failed(exc: CSRFError):
        # Dispatch again, through every before_request guard (login, roles,
        # rate limits), with writes refused: the form's own CSRF check fails
        # too, so the page returns with the typed text and a kind message.
        # Only for our own pages: a forged cross-site post gets a plain 400,
        # never a pre-filled form the victim could be tricked into sending.
        if wants_json() or request.endpoint is None or g.get("csrf_retry") or not _same_origin():
            return error_response(400, code="csrf", message=_(
                "Phiên làm việc đã hết hạn. Vui lòng tải lại trang và thử lại."))
        g.csrf_retry = True
        try:
            response = current_app.preprocess_request()
            if response is None:
                response = current_app.dispatch_request()
        except Exception as error:  # noqa: BLE001 - handed to the app's own handlers
            response = current_app.handle_user_exception(error)
        return current_app.make_response(response)


@event.listens_for(Session, "before_flush")
def _no_writes_in_csrf_retry(session, flush_context, instances) -> None:
    if has_request_context() and g.get("csrf_retry") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("a request without a valid CSRF token may not write")
