"""The Dialogue & Petition Portal: ``create_app`` builds the Flask app in
named steps, each registering one concern."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import models  # noqa: F401 - registers every table
from portal.accounts.models import User
from portal.accounts.views import bp as accounts_bp
from portal.answers.views import bp as answers_bp
from portal.api import routes as api_routes  # noqa: F401 - adds every route to the API
from portal.api.openapi import docs_bp as api_docs_bp
from portal.api.views import bp as api_bp
from portal.cli import register_commands
from portal.config import INSTANCE_DIR, ROOT, load_config
from portal.deadlines.views import bp as deadlines_bp
from portal.dialogues.oversight_views import bp as dialogue_oversight_bp
from portal.dialogues.oversight_views import rules_bp as dialogue_rules_bp
from portal.dialogues.room_views import bp as dialogue_room_bp
from portal.dialogues.staff_views import bp as dialogues_staff_bp
from portal.dialogues.views import bp as dialogues_bp
from portal.errors import register_error_handlers
from portal.extensions import babel, csrf, db, limiter, login_manager, migrate
from portal.forms import ActionForm
from portal.handling.views import bp as handling_bp
from portal.i18n import register_template_helpers, select_locale
from portal.inspection.views import bp as inspection_bp
from portal.inspection.views import public_bp as transparency_bp
from portal.notifications.services import register_delivery, unread_count
from portal.notifications.views import bp as notifications_bp
from portal.open311.admin_views import bp as open311_admin_bp
from portal.open311.views import bp as open311_bp
from portal.pages.views import bp as pages_bp
from portal.pagination import page_args
from portal.permissions import TEMPLATE_PREDICATES
from portal.petitions.staff_views import bp as staff_bp
from portal.petitions.states import RESIDENT_NOTE_EVENTS
from portal.petitions.views import bp as petitions_bp
from portal.search.views import bp as search_bp
from portal.security import register_csrf, register_security_headers
from portal.sqlite_writes import connection_options


def create_app(overrides: dict | None = None, *, env: str | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        instance_path=str(INSTANCE_DIR),
    )
    app.config.update(load_config(env))
    app.json.ensure_ascii = False  # Vietnamese stays readable in API answers
    if overrides:
        app.config.update(overrides)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_templates(app)
    register_commands(app)
    register_proxy(app)
    return app


def register_extensions(app: Flask) -> None:
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
        **connection_options(app.config["SQLALCHEMY_DATABASE_URI"])}
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    register_csrf(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Vui lòng đăng nhập để tiếp tục.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(_load_user)


def _load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def register_blueprints(app: Flask) -> None:
    for blueprint in (pages_bp, accounts_bp, petitions_bp, staff_bp, handling_bp, answers_bp,
                      notifications_bp, deadlines_bp, dialogues_bp, dialogues_staff_bp,
                      dialogue_room_bp, dialogue_oversight_bp, dialogue_rules_bp, search_bp, api_bp,
                      api_docs_bp, inspection_bp, transparency_bp, open311_bp, open311_admin_bp):
        app.register_blueprint(blueprint)
    register_delivery(app)


def register_templates(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    register_template_helpers(app)
    register_security_headers(app)
    app.jinja_env.globals.update(TEMPLATE_PREDICATES)
    app.jinja_env.globals["ActionForm"] = ActionForm
    app.jinja_env.globals["page_args"] = page_args
    app.jinja_env.globals["unread_count"] = unread_count
    app.jinja_env.globals["resident_note_events"] = RESIDENT_NOTE_EVENTS


def register_proxy(app: Flask) -> None:
    hops = app.config["TRUSTED_PROXY_COUNT"]
    if hops:
        # Behind nginx or a load balancer: trust that many X-Forwarded-* hops,
        # so rate limits see the resident's address, not the proxy's.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
