"""Admin page: issue, list and revoke Open311 keys."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.errors import RuleViolation
from portal.extensions import db
from portal.forms import ActionForm
from portal.open311 import keys
from portal.open311.forms import IssueKeyForm
from portal.open311.models import Open311Client
from portal.permissions import admin_area_guard

bp = Blueprint("open311_admin", __name__, url_prefix="/admin")
bp.before_request(admin_area_guard)


def _keys_page(form, status=200):
    return render_template("admin/open311.html", form=form, clients=keys.all_clients()), status


@bp.route("/open311", methods=["GET", "POST"])
def open311_keys():
    form = IssueKeyForm()
    if form.validate_on_submit():
        try:
            key, client = keys.issue_key(form.name.data, actor=current_user)
        except RuleViolation as exc:
            db.session.rollback()
            form.add_error(exc)
            return _keys_page(form, 422)
        db.session.commit()
        # Shown this once: only its hash is kept.
        flash(_("Đã cấp khoá cho «%(name)s»: %(key)s — hãy sao chép và gửi cho ứng dụng ngay; "
                "khoá sẽ không hiển thị lại.", name=client.name, key=key), "success")
        return redirect(url_for(".open311_keys"))
    return _keys_page(form, 400 if form.is_submitted() else 200)


@bp.route("/open311/<int(max=2147483647):client_id>/revoke", methods=["POST"])
def revoke_open311_key(client_id: int):
    client = db.get_or_404(Open311Client, client_id)
    if ActionForm().validate_on_submit():
        keys.revoke_key(client)
        db.session.commit()
        flash(_("Đã thu hồi khoá của «%(name)s»; ứng dụng không gửi, đọc bằng khoá này được nữa.",
                name=client.name), "success")
    return redirect(url_for(".open311_keys"))
