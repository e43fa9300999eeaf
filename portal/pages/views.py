"""The home page, the language switch and the health check."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, current_app, redirect, render_template, request, session, url_for

from portal.extensions import db
from portal.forms import ActionForm
from portal.petitions.forms import TrackForm
from portal.security import is_safe_next

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    return render_template("pages/home.html", track_form=TrackForm(formdata=None))


@bp.route("/language/<code>", methods=["POST"])
def language(code: str):
    form = ActionForm()
    if form.validate_on_submit() and code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    target = request.form.get("next", "")
    return redirect(target if is_safe_next(target) else url_for(".home"))


@bp.route("/healthz")
def health():
    db.session.execute(sa.text("SELECT 1"))
    return {"status": "ok"}
