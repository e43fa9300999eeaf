"""Forms of the inspection pages: the frame of every figure (a GET form that
changes nothing) and the findings."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from portal import clock
from portal.forms import BaseForm, max_length, required
from portal.inspection.frames import GROUPINGS
from portal.inspection.models import Severity
from portal.units import queries as unit_queries

GROUP_LABELS = {
    "unit": _l("Xã, phường"),
    "office": _l("Cơ quan xử lý"),
    "official": _l("Cán bộ chịu trách nhiệm"),
    "category": _l("Lĩnh vực"),
    "kind": _l("Loại đơn"),
    "month": _l("Tháng"),
}
LONGEST_PERIOD = timedelta(days=3 * 366)


def last_quarter(today: date) -> tuple[date, date]:
    first_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_this - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


class FrameForm(BaseForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    unit = StringField(_l("Mã đơn vị (tỉnh hoặc xã)"), validators=[Optional(), max_length(10)])
    start = DateField(_l("Từ ngày"), validators=[Optional()])
    end = DateField(_l("Đến ngày"), validators=[Optional()])
    as_of = DateField(_l("Tình hình tại ngày"), validators=[Optional()])
    group = SelectField(_l("Nhóm theo"), validators=[Optional()],
                        choices=[SelectChoice(k, GROUP_LABELS[k]) for k in GROUPINGS])

    def fill_defaults(self) -> None:
        today = clock.today_in_vietnam()
        start, end = last_quarter(today)
        self.start.data = self.start.data or start
        self.end.data = self.end.data or end
        self.as_of.data = self.as_of.data or today
        self.group.data = self.group.data or "unit"

    def validate_end(self, field) -> None:
        if self.start.data and field.data:
            if field.data < self.start.data:
                raise ValidationError(_l("Ngày kết thúc phải sau ngày bắt đầu."))
            if field.data - self.start.data > LONGEST_PERIOD:
                raise ValidationError(_l("Mỗi lần xem tối đa 3 năm."))

    def validate_as_of(self, field) -> None:
        if field.data and field.data > clock.today_in_vietnam():
            raise ValidationError(_l("Không xem được tình hình của một ngày chưa đến."))

    def validate_unit(self, field) -> None:
        if field.data and unit_queries.unit_by_code(field.data) is None:
            raise ValidationError(_l("Không có đơn vị hành chính mã này."))


class FindingForm(BaseForm):
    severity = SelectField(_l("Mức độ"), choices=[SelectChoice(s.value, s.label)
                                                 for s in Severity])
    text = TextAreaField(_l("Nội dung kết luận, kiến nghị"),
                         validators=[required(_l("Vui lòng ghi nội dung.")), max_length(5000)])


class ReplyForm(BaseForm):
    reply = TextAreaField(_l("Trả lời của lãnh đạo đơn vị"),
                          validators=[required(_l("Vui lòng ghi nội dung trả lời.")),
                                      max_length(5000)])
