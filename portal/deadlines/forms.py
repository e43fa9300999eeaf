"""Input shapes for the calendar and deadline rules (admins)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import NumberRange, Optional, ValidationError

from portal.calendar import MAX_DAYS, DayKind, DayUnit
from portal.forms import BaseForm, max_length, required
from portal.petitions.forms import EARLIEST_DATE, LATEST_DATE
from portal.petitions.models import PetitionKind

_UNITS = [SelectChoice(DayUnit.WORKING.value, _l("ngày làm việc")),
          SelectChoice(DayUnit.CALENDAR.value, _l("ngày (theo lịch)"))]


def _days(label, *, optional: bool = False):
    validators = [Optional()] if optional else [required(_l("Vui lòng nhập số ngày."))]
    return IntegerField(label, validators=[*validators, NumberRange(
        min=0, max=MAX_DAYS, message=_l("Số ngày từ %(min)s đến %(max)s."))])


def _plausible(form, field):
    if field.data and not EARLIEST_DATE <= field.data <= LATEST_DATE:
        raise ValidationError(_l("Ngày phải nằm trong khoảng năm 2000 đến 2100."))


class CalendarDayForm(BaseForm):
    day = DateField(_l("Ngày"), validators=[required(_l("Vui lòng chọn ngày.")), _plausible],
                    render_kw={"type": "date"})
    kind = RadioField(_l("Loại"), default=DayKind.DAY_OFF.value, choices=[
        SelectChoice(DayKind.DAY_OFF.value, _l("Ngày nghỉ (không tính vào thời hạn)")),
        SelectChoice(DayKind.WORKING_DAY.value, _l("Ngày làm việc bù (thứ Bảy, Chủ nhật đi làm)")),
    ], validators=[required(_l("Vui lòng chọn loại."))])
    reason = StringField(_l("Lý do, căn cứ"), validators=[
        required(_l("Vui lòng ghi lý do.")), max_length(300)],
        description=_l("Ví dụ: Nghỉ bù Tết Dương lịch theo Công văn 12729/VPCP-KGVX."))


class RuleForm(BaseForm):
    kind = SelectField(_l("Loại việc"), choices=[SelectChoice(k.value, k.label) for k in PetitionKind],
                       validators=[required(_l("Vui lòng chọn loại việc."))])
    category = SelectField(_l("Lĩnh vực (để trống: mọi lĩnh vực)"), validators=[Optional()])
    valid_from = DateField(_l("Áp dụng từ ngày"),
                           validators=[required(_l("Vui lòng chọn ngày.")), _plausible],
                           render_kw={"type": "date"})
    ack_days = _days(_l("Thời hạn tiếp nhận"))
    ack_unit = SelectField(_l("tính theo"), choices=_UNITS)
    resolve_days = _days(_l("Thời hạn trả lời, giải quyết"))
    resolve_unit = SelectField(_l("tính theo"), choices=_UNITS)
    complex_days = _days(_l("Vụ việc phức tạp"), optional=True)
    remote_days = _days(_l("Vùng sâu, vùng xa"), optional=True)
    complex_remote_days = _days(_l("Phức tạp ở vùng sâu, vùng xa"), optional=True)
    max_extensions = _days(_l("Số lần gia hạn tối đa"))
    extension_days = _days(_l("Số ngày mỗi lần gia hạn"), optional=True)
    legal_basis = TextAreaField(_l("Căn cứ pháp lý"), validators=[
        required(_l("Vui lòng ghi căn cứ pháp lý.")), max_length(2000)])

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = [SelectChoice("", _l("Mọi lĩnh vực"))] + [
            SelectChoice(str(c.id), c.label) for c in categories]
