"""Officials' in-app notifications."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from portal import clock
from portal.extensions import db
from portal.forms import ActionForm
from portal.notifications.models import Notification
from portal.pagination import paginate
from portal.permissions import staff_area_guard

bp = Blueprint("notifications", __name__, url_prefix="/staff/notifications")
bp.before_request(staff_area_guard)


@bp.route("")
def index():
    query = (sa.select(Notification).where(Notification.user_id == current_user.id)
             .order_by(Notification.id.desc()))
    return render_template("staff/notifications.html", page=paginate(query))


@bp.route("/read", methods=["POST"])
def mark_read():
    if ActionForm().validate_on_submit():
        db.session.execute(
            sa.update(Notification)
            .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
            .values(read_at=clock.now())
        )
        db.session.commit()
    return redirect(url_for(".index"))
