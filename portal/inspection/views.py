"""Inspection pages: the dashboard, the petitions behind any figure, the
overdue register, the monthly scorecard and findings. Read-only for every
petition; inspectors write findings, leaders reply."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import clock
from portal.accounts.models import User
from portal.errors import report_to_form
from portal.extensions import db
from portal.inspection import findings as finding_services
from portal.inspection import holders, register, report
from portal.inspection.exports import csv_response
from portal.inspection.forms import GROUP_LABELS, FindingForm, FrameForm, ReplyForm
from portal.inspection.frames import Frame, Rows
from portal.inspection.models import Finding
from portal.inspection.transparency import figures as transparency_figures
from portal.pagination import load_by_ids, paginate, paginate_ids
from portal.permissions import (
    access_petition,
    can_reply_finding,
    can_see_identity,
    inspection_area_guard,
    inspection_scope,
)
from portal.petitions.models import Petition
from portal.units import queries as unit_queries
from portal.units.models import Office

bp = Blueprint("inspection", __name__, url_prefix="/staff/inspection")
bp.before_request(inspection_area_guard)

FRAME_ARGS = ("unit", "start", "end", "as_of", "group")
HISTOGRAM = ((0, 5), (6, 10), (11, 15), (16, 20), (21, 30), (31, 45), (46, 60), (61, None))


def _frame(*, grouped: bool = True) -> tuple[FrameForm, Frame | None]:
    """The frame typed in the query string, within the reader's scope;
    ungrouped for lists that are not figures (the register)."""
    form = FrameForm(request.args)
    valid = form.validate()
    form.fill_defaults()
    scope = inspection_scope(current_user)
    unit = unit_queries.unit_by_code(form.unit.data) if form.unit.data else None
    if unit is not None and not scope.covers(unit):
        form.unit.errors = [*form.unit.errors, _("Đơn vị này nằm ngoài phạm vi của bạn.")]
        valid = False
    if not valid:
        return form, None
    return form, Frame(scope=scope, start=form.start.data, end=form.end.data,
                       as_of=form.as_of.data, unit=unit,
                       group_by=form.group.data if grouped else None)


def _wants_csv() -> bool:
    return request.args.get("format") == "csv"


def _percent(value: float | None) -> str:
    return f"{value * 100:.1f}" if value is not None else ""


_LINE_HEADER = ("nhom", "ma", "tiep_nhan", "da_tra_loi", "dung_han", "tre_han", "ty_le_dung_han",
                "khoang_tin_cay_duoi", "khoang_tin_cay_tren", "trung_vi_ngay_lam_viec",
                "p90_ngay_lam_viec", "trung_vi_ngay_lich", "p90_ngay_lich",
                "ty_le_tiep_nhan_dung_han", "dang_mo_trong_han", "dang_mo_qua_han",
                "qua_han_nghiem_trong", "tam_dung", "chuyen_moi_ho_so", "bi_tra_lai",
                "ty_le_mo_lai", "ty_le_hai_long", "gia_han", "tam_dung_lan")


def _line_cells(line: report.Line) -> list:
    interval = line.on_time.interval or (None, None)
    per = line.handling.transfers_per_petition
    return [line.label or _("Tổng cộng"), line.code, line.received, line.answered,
            line.on_time.hits, line.answered_late, _percent(line.on_time.value),
            _percent(interval[0]), _percent(interval[1]), line.answer_days.median,
            line.answer_days.p90, line.answer_calendar_days.median, line.answer_calendar_days.p90,
            _percent(line.acknowledged.value), line.open.in_time, line.open.overdue,
            line.open.long_overdue, line.open.paused, f"{per:.2f}" if per is not None else "",
            line.handling.sent_back, _percent(line.reopened.value),
            _percent(line.satisfied.value), line.handling.extensions, line.handling.pauses]


def _bars(values: list[tuple[str, float | None, str]]) -> list[dict]:
    """Bars of a chart drawn on the server (no script needed): label,
    height as a share of the tallest, and the text shown."""
    top = max((v for _label, v, _text in values if v), default=0) or 1
    return [{"label": label, "share": (v or 0) / top, "text": text} for label, v, text in values]


def _histogram(rows: Rows) -> list[dict]:
    days = [r.answer_work_days for r in rows.answered_rows if r.answer_work_days is not None]
    values = []
    for low, high in HISTOGRAM:
        count = sum(1 for d in days if d >= low and (high is None or d <= high))
        label = f"{low}–{high}" if high is not None else f"> {low - 1}"
        values.append((label, count, str(count)))
    return _bars(values)


HOLDERS_SHOWN = 20


def _holders(frame: Frame) -> list[tuple[str, str, int, float]]:
    """Who held the period's petitions longest: name, office, petitions, days."""
    held = holders.time_held(frame)[:HOLDERS_SHOWN]
    users = {u.id: u for u in db.session.scalars(
        sa.select(User).where(User.id.in_([h.official_id for h in held])))}
    offices = {o.id: o for o in db.session.scalars(
        sa.select(Office).where(Office.id.in_([h.office_id for h in held])))}
    return [(users[h.official_id].display_name, offices[h.office_id].name, h.petitions, h.days)
            for h in held]


@bp.route("/")
def dashboard():
    form, frame = _frame()
    if frame is None:
        return render_template("inspection/dashboard.html", form=form, result=None,
                               group_labels=GROUP_LABELS), 400
    if _wants_csv():
        result = report.build(frame)
        lines = [*result.groups, result.total]
        return csv_response("chi-so-thoi-han", _LINE_HEADER, (_line_cells(x) for x in lines))
    minimum = current_app.config["LEAGUE_MIN_ANSWERED"]
    board = report.dashboard(frame, minimum)
    result = board.report
    # Months of the period only: open petitions received earlier would add
    # months that have no answers in the period.
    months = (frame.start.strftime("%Y-%m"), frame.last_day.strftime("%Y-%m"))
    monthly = _bars([(line.label, line.on_time.value, _percent(line.on_time.value) + "%"
                      if line.on_time.total else "—") for line in board.by_month.groups
                     if line.key is not None and months[0] <= line.key <= months[1]])
    return render_template(
        "inspection/dashboard.html", form=form, result=result, frame=frame,
        holders=_holders(frame),
        group_labels=GROUP_LABELS, monthly=monthly, histogram=_histogram(result.rows),
        ranked=board.ranked, unranked=board.unranked, minimum=minimum,
        args={k: request.args[k] for k in FRAME_ARGS if request.args.get(k)})


@bp.route("/petitions")
def drill():
    """The petitions behind one figure of the dashboard."""
    figure = request.args.get("figure", "")
    if figure not in report.FIGURES:
        abort(404)
    form, frame = _frame()
    if frame is None:
        return render_template("inspection/drill.html", form=form, page=None, figure=figure), 400
    key = request.args.get("key") or None
    # Oldest first: petition ids follow the order they were recorded.
    ids = sorted(report.petition_ids(Rows.load(frame), figure, key))
    if _wants_csv():
        return _petitions_csv(ids)
    return render_template("inspection/drill.html", form=form, figure=figure, key=key,
                           count=len(ids), page=paginate_ids(Petition, ids),
                           args={k: request.args[k] for k in (*FRAME_ARGS, "figure", "key")
                                 if request.args.get(k)})


def _petitions_csv(ids: list[int]):
    header = ("ma_ho_so", "tieu_de", "loai", "linh_vuc", "xa_phuong", "kenh", "ngay_nhan",
              "trang_thai", "han_tra_loi", "co_quan", "can_bo", "nguoi_gui")

    def rows():
        for petition in load_by_ids(Petition, ids):
            # The sender's name only for those who may see it; never contacts.
            sender = petition.contact_name if can_see_identity(current_user, petition) else ""
            yield (petition.tracking_code, petition.title, petition.kind.label,
                   petition.category.label, petition.unit.full_name, petition.channel.label,
                   clock.local_date(petition.submitted_at).isoformat(), petition.status.label,
                   petition.due_on.isoformat() if petition.due_on else "",
                   petition.office.name if petition.office else "",
                   petition.assignee.display_name if petition.assignee else "", sender)
    return csv_response("ho-so", header, rows())


@bp.route("/overdue")
def overdue():
    form, frame = _frame(grouped=False)
    if frame is None:
        return render_template("inspection/overdue.html", form=form, page=None), 400
    query = register.overdue(frame)
    if _wants_csv():
        header = ("ma_ho_so", "tieu_de", "xa_phuong", "giai_doan", "han", "so_ngay_qua_han",
                  "co_quan_dang_giu", "can_bo_dang_giu", "giu_tu", "so_lan_chuyen")

        def rows():
            for span in db.session.scalars(query).unique():
                yield (span.petition.tracking_code, span.petition.title,
                       span.petition.unit.full_name, span.clock.value, span.due_on.isoformat(),
                       (frame.as_of - span.due_on).days,
                       span.office.name if span.office else "",
                       span.official.display_name if span.official else "",
                       clock.local_date(span.held_since).isoformat() if span.held_since else "",
                       span.moves)
        return csv_response("so-theo-doi-qua-han", header, rows())
    return render_template("inspection/overdue.html", form=form, frame=frame,
                           page=paginate(query),
                           args={k: request.args[k] for k in FRAME_ARGS if request.args.get(k)})


def _month(raw: str) -> date:
    today = clock.today_in_vietnam()
    try:
        first = date.fromisoformat(f"{raw}-01") if raw else None
    except ValueError:
        first = None
    if first is None or first > today:
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return first


@bp.route("/scorecard")
def scorecard():
    """The monthly scorecard of officials and units: how much (answered),
    how well (satisfied, reopened) and how timely (on time)."""
    first = _month(request.args.get("month", ""))
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    today = clock.today_in_vietnam()
    scope = inspection_scope(current_user)
    unit = unit_queries.unit_by_code(request.args.get("unit", ""))
    if unit is not None and not scope.covers(unit):
        unit = None
    frame = Frame(scope=scope, start=first, end=last, as_of=min(last, today), unit=unit,
                  group_by="official")
    officials = report.build(frame)
    units = report.build(replace(frame, group_by="unit"), officials.rows)
    return render_template("inspection/scorecard.html", first=first, last=last, unit=unit,
                           officials=officials, units=units,
                           today_text=today.strftime("%d/%m/%Y"))


@bp.route("/findings")
def findings():
    scope = inspection_scope(current_user)
    open_only = request.args.get("all") != "1"
    query = finding_services.visible(scope, open_only=open_only)
    if _wants_csv():
        header = ("so", "doi_tuong", "don_vi", "ho_so", "can_bo", "muc_do", "noi_dung",
                  "ngay_ghi", "tra_loi", "ngay_tra_loi")

        def rows():
            for f in db.session.scalars(query):
                yield (f.id, f.subject.label, f.unit.full_name,
                       f.petition.tracking_code if f.petition else "",
                       f.official.display_name if f.official else "", f.severity.label, f.text,
                       clock.local_date(f.created_at).isoformat(), f.reply or "",
                       clock.local_date(f.replied_at).isoformat() if f.replied_at else "")
        return csv_response("ket-luan-thanh-tra", header, rows())
    return render_template("inspection/findings.html", page=paginate(query), open_only=open_only)


def _finding_target():
    """What a new finding is about, from ?petition=, ?official= or ?unit=."""
    if request.args.get("petition", "").isdecimal():
        petition = access_petition(current_user, int(request.args["petition"]))
        return {"petition": petition}, petition.tracking_code
    if request.args.get("official", "").isdecimal():
        official = db.session.get(User, int(request.args["official"]))
        if official is None or finding_services.official_unit(official, current_user) is None:
            abort(404)
        return {"official": official}, official.display_name
    unit = unit_queries.unit_by_code(request.args.get("unit", ""))
    if unit is None or not inspection_scope(current_user).covers(unit):
        abort(404)
    return {"unit": unit}, unit.full_name


@bp.route("/findings/new", methods=["GET", "POST"])
def new_finding():
    target, label = _finding_target()
    form = FindingForm()
    status = 200
    if form.validate_on_submit():
        finding, error = report_to_form(form, lambda: finding_services.record_finding(
            actor=current_user, severity=form.severity.data, text=form.text.data, **target))
        if not error:
            db.session.commit()
            flash(_("Đã ghi kết luận; lãnh đạo đơn vị sẽ được báo để trả lời."), "success")
            return redirect(url_for(".finding", finding_id=finding.id))
        status = error.status_code
    elif request.method == "POST":
        status = 400
    return render_template("inspection/finding_form.html", form=form, label=label), status


def _access_finding(finding_id: int) -> Finding:
    finding = db.session.get(Finding, finding_id)
    if finding is None or not inspection_scope(current_user).covers(finding.unit):
        abort(404)
    return finding


@bp.route("/findings/<int(max=2147483647):finding_id>", methods=["GET", "POST"])
def finding(finding_id: int):
    record = _access_finding(finding_id)
    form = ReplyForm()
    status = 200
    if request.method == "POST":
        if request.form.get("action") == "close":
            _result, error = report_to_form(form, lambda: finding_services.close(
                record, actor=current_user))
            if not error:
                db.session.commit()
                flash(_("Đã đóng kết luận."), "success")
                return redirect(url_for(".finding", finding_id=finding_id))
            status = error.status_code
        elif form.validate_on_submit():
            _result, error = report_to_form(form, lambda: finding_services.reply_to(
                record, actor=current_user, reply=form.reply.data))
            if not error:
                db.session.commit()
                flash(_("Đã gửi trả lời."), "success")
                return redirect(url_for(".finding", finding_id=finding_id))
            status = error.status_code
        else:
            status = 400
    return render_template("inspection/finding.html", finding=record, form=form,
                           may_reply=can_reply_finding(current_user, record)), status


public_bp = Blueprint("transparency", __name__)


@public_bp.route("/transparency")
def transparency():
    """Open to everyone: on-time rates, median days to answer and sessions
    held over the last twelve months, per province or per commune."""
    province = unit_queries.unit_by_code(request.args.get("province", ""))
    if province is not None and not province.is_province:
        province = None
    start, lines = transparency_figures(province)
    return render_template("inspection/transparency.html", province=province, lines=lines,
                           start=start, today=clock.today_in_vietnam(),
                           provinces=unit_queries.provinces())
