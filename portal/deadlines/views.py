"""Admin pages: the working calendar and the deadline rules."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.calendar import DayKind, DayUnit
from portal.deadlines import services
from portal.deadlines.forms import CalendarDayForm, RuleForm
from portal.deadlines.models import CalendarDay, DeadlineRule
from portal.errors import RuleViolation
from portal.extensions import db
from portal.forms import ActionForm
from portal.permissions import admin_area_guard
from portal.petitions.models import Category, PetitionKind
from portal.petitions.queries import active_categories

bp = Blueprint("deadlines", __name__, url_prefix="/admin")
bp.before_request(admin_area_guard)


def _calendar_page(form, status=200):
    entries = db.session.scalars(sa.select(CalendarDay).order_by(CalendarDay.day.desc())).all()
    year = clock.today_in_vietnam().year
    calendar = services.load_calendar()
    holidays = calendar.weekdays_off(year) + calendar.weekdays_off(year + 1)
    return render_template("admin/calendar.html", form=form, entries=entries,
                           holidays=holidays), status


@bp.route("/calendar", methods=["GET", "POST"])
def calendar():
    form = CalendarDayForm()
    if form.validate_on_submit():
        try:
            _entry, moved = services.add_calendar_day(
                form.day.data, DayKind(form.kind.data), form.reason.data, actor=current_user)
        except RuleViolation as exc:
            db.session.rollback()
            form.add_error(exc)
            return _calendar_page(form, 422)
        db.session.commit()
        flash(_("Đã thêm vào lịch. Hạn của %(n)d phản ánh đang mở được tính lại.", n=moved),
              "success")
        return redirect(url_for(".calendar"))
    return _calendar_page(form, 400 if form.is_submitted() else 200)


@bp.route("/calendar/<int(max=2147483647):entry_id>/delete", methods=["POST"])
def delete_calendar_day(entry_id: int):
    entry = db.get_or_404(CalendarDay, entry_id)
    if ActionForm().validate_on_submit():
        moved = services.remove_calendar_entry(entry, actor=current_user)
        db.session.commit()
        flash(_("Đã xoá khỏi lịch. Hạn của %(n)d phản ánh đang mở được tính lại.", n=moved),
              "success")
    return redirect(url_for(".calendar"))


def _rules_page(form, status=200):
    rules = db.session.scalars(sa.select(DeadlineRule).order_by(
        DeadlineRule.kind, DeadlineRule.category_id, DeadlineRule.valid_from.desc())).all()
    return render_template("admin/rules.html", form=form, rules=rules), status


@bp.route("/rules", methods=["GET", "POST"])
def rules():
    form = RuleForm(categories=active_categories())
    if form.validate_on_submit():
        category = db.session.get(Category, int(form.category.data)) if form.category.data else None
        values = {name: getattr(form, name).data for name in (
            "ack_days", "resolve_days", "complex_days", "remote_days", "complex_remote_days",
            "max_extensions", "extension_days")}
        values.update(ack_unit=DayUnit(form.ack_unit.data), resolve_unit=DayUnit(form.resolve_unit.data))
        try:
            services.add_rule_version(kind=PetitionKind(form.kind.data), category=category,
                                      values=values, valid_from=form.valid_from.data,
                                      legal_basis=form.legal_basis.data, actor=current_user)
        except RuleViolation as exc:
            db.session.rollback()
            form.add_error(exc)
            return _rules_page(form, 422)
        db.session.commit()
        flash(_("Đã thêm quy định mới. Phản ánh đã gửi trước ngày hiệu lực giữ quy định cũ."),
              "success")
        return redirect(url_for(".rules"))
    return _rules_page(form, 400 if form.is_submitted() else 200)
