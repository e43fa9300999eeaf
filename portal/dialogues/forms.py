"""Input shapes for dialogue sessions: planning, agenda, the record, what is
raised in the room, the conclusion; residents' questions and requests; the
rules (admins); list filters."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from portal.dialogues.models import ItemOutcome, SessionFormat, SessionStatus
from portal.forms import BaseForm, max_length, required
from portal.handling.forms import HolderForm
from portal.petitions.forms import (
    EARLIEST_DATE,
    LATEST_DATE,
    CommuneFields,
    PetitionContentForm,
    province_choices,
)
from portal.petitions.services import BODY_MAX, BODY_MIN


def _plausible(form, field):
    if field.data and not EARLIEST_DATE <= field.data <= LATEST_DATE:
        raise ValidationError(_l("Ngày phải nằm trong khoảng năm 2000 đến 2100."))


def _date(label, *, optional=False, **kwargs):
    first = Optional() if optional else required(_l("Vui lòng chọn ngày."))
    return DateField(label, validators=[first, _plausible], render_kw={"type": "date"}, **kwargs)


def _time(label, *, optional=True):
    first = Optional() if optional else required(_l("Vui lòng nhập giờ."))
    return TimeField(label, validators=[first], render_kw={"type": "time"})


def _count(label, *, optional=True):
    first = Optional() if optional else required(_l("Vui lòng nhập số người."))
    return IntegerField(label, validators=[first, NumberRange(
        min=0, max=1_000_000, message=_l("Vui lòng nhập một số từ %(min)s đến %(max)s."))])


class SessionForm(BaseForm):
    commune = SelectField(_l("Xã, phường, đặc khu"), validators=[
        required(_l("Vui lòng chọn xã, phường."))])
    title = StringField(_l("Tên hội nghị"), validators=[
        required(_l("Vui lòng nhập tên hội nghị.")), max_length(200)],
        description=_l("Ví dụ: Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân năm 2026."))
    theme = TextAreaField(_l("Chủ đề, nội dung chính"), validators=[Optional(), max_length(5000)])
    starts_on = _date(_l("Ngày tổ chức"))
    starts_time = _time(_l("Giờ bắt đầu"), optional=False)
    ends_time = _time(_l("Giờ kết thúc"))
    format = RadioField(_l("Hình thức"), default=SessionFormat.IN_PERSON.value,
                        choices=[SelectChoice(f.value, f.label) for f in SessionFormat],
                        validators=[required(_l("Vui lòng chọn hình thức."))])
    venue = StringField(_l("Địa điểm"), validators=[Optional(), max_length(300)],
                        description=_l("Bắt buộc khi tổ chức trực tiếp."))
    online_link = StringField(_l("Đường dẫn tham dự trực tuyến"),
                              validators=[Optional(), max_length(500)],
                              description=_l("Bắt buộc khi tổ chức trực tuyến."))
    expected_participants = _count(_l("Số người dự kiến tham dự"))
    chair = SelectField(_l("Người chủ trì"), validators=[
        required(_l("Vui lòng chọn người chủ trì."))])
    chair_title = StringField(_l("Chức vụ người chủ trì"), validators=[Optional(), max_length(200)],
                              description=_l("Ví dụ: Chủ tịch UBND phường."))
    co_chairs = TextAreaField(_l("Đồng chủ trì"), validators=[Optional(), max_length(2000)],
                              description=_l("Mỗi dòng một người, ví dụ: Bà Lê Thị Thu – Chủ "
                                             "tịch Ủy ban MTTQ phường; Ông Trần Văn Nam – Thường "
                                             "trực HĐND phường."))

    def __init__(self, *args, communes=(), chairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.commune.choices = [SelectChoice("", _l("— Chọn xã, phường —"))] + [
            SelectChoice(str(u.id), f"{u.full_name} ({u.province.name})") for u in communes]
        self.chair.choices = [SelectChoice("", _l("— Chọn người chủ trì —"))] + [
            SelectChoice(str(u.id), u.display_name) for u in chairs]


class AgendaItemForm(BaseForm):
    title = StringField(_l("Nội dung"), validators=[
        required(_l("Vui lòng nhập nội dung mục.")), max_length(300)])
    starts = _time(_l("Từ"))
    ends = _time(_l("Đến"))
    presenter = StringField(_l("Người trình bày"), validators=[Optional(), max_length(200)])


class HeldForm(BaseForm):
    attendance_count = _count(_l("Số người tham dự"), optional=False)
    organisations = TextAreaField(_l("Các cơ quan, tổ chức tham dự"),
                                  validators=[Optional(), max_length(5000)],
                                  description=_l("Mỗi dòng một cơ quan, tổ chức."))


class RecordForm(BaseForm):
    attendance_count = _count(_l("Số người tham dự"))
    organisations = TextAreaField(_l("Các cơ quan, tổ chức tham dự"),
                                  validators=[Optional(), max_length(5000)],
                                  description=_l("Mỗi dòng một cơ quan, tổ chức."))
    minutes = TextAreaField(_l("Biên bản hội nghị"), validators=[Optional(), max_length(100_000)],
                            description=_l("Định dạng: **chữ đậm**, *chữ nghiêng*, dòng bắt đầu "
                                           "bằng « - » là danh sách, « ## » là tiêu đề mục."))
    conclusion_text = TextAreaField(_l("Dự thảo kết luận"),
                                    validators=[Optional(), max_length(20_000)])


class OutcomeForm(HolderForm):
    """What the room decided: answered there, or a commitment to one office
    and one named official with a date."""

    outcome = RadioField(_l("Kết quả tại hội nghị"),
                         choices=[SelectChoice(o.value, o.label) for o in ItemOutcome],
                         default=ItemOutcome.COMMITTED.value,
                         validators=[required(_l("Vui lòng chọn kết quả."))])
    promised_on = _date(_l("Hạn hoàn thành cam kết"), optional=True)
    answer = TextAreaField(_l("Nội dung đã trả lời"), validators=[Optional(), max_length(20_000)],
                           description=_l("Khi trả lời ngay tại hội nghị."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.holder.description = _l("Người trả lời tại hội nghị, hoặc người được giao thực "
                                     "hiện cam kết.")


class RaisedForm(OutcomeForm):
    """One petition raised in the room: kept short so many can be typed in
    a row without leaving the keyboard."""

    title = StringField(_l("Vấn đề nêu ra"), validators=[
        required(_l("Vui lòng nhập vấn đề.")), max_length(200)])
    body = TextAreaField(_l("Nội dung ý kiến"), validators=[
        required(_l("Vui lòng nhập nội dung.")),
        Length(min=BODY_MIN, max=BODY_MAX, message=_l(
            "Nội dung cần từ %(min)d đến %(max)d ký tự (bạn đã nhập %(length)d)."))])
    speaker_name = StringField(_l("Người nêu ý kiến"), validators=[Optional(), max_length(120)],
                               description=_l("Ví dụ: Ông Nguyễn Văn A, tổ dân phố 5."))
    speaker_phone = StringField(_l("Số điện thoại"), validators=[Optional(), max_length(20)])
    category = SelectField(_l("Lĩnh vực"), validators=[required(_l("Vui lòng chọn lĩnh vực."))])

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = [SelectChoice("", _l("— Chọn lĩnh vực —"))] + [
            SelectChoice(str(c.id), c.label) for c in categories]


class ConclusionForm(BaseForm):
    number = StringField(_l("Số thông báo"), validators=[
        required(_l("Vui lòng nhập số thông báo.")), max_length(60)],
        description=_l("Ví dụ: 125/TB-UBND."))
    issued_on = _date(_l("Ngày thông báo"))
    text = TextAreaField(_l("Nội dung kết luận"), validators=[
        required(_l("Vui lòng nhập nội dung kết luận.")), max_length(20_000)])


class QuestionForm(PetitionContentForm):
    """A question sent to a session through its notice."""


class RequestForm(BaseForm, CommuneFields):
    reason = TextAreaField(_l("Nội dung đề nghị đối thoại"),
                           validators=[Optional(), max_length(2000)],
                           description=_l("Vấn đề bạn muốn chính quyền đối thoại với người dân."))

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.province.choices = province_choices(provinces)


class VotersForm(BaseForm):
    voters = IntegerField(_l("Số cử tri của xã, phường"), validators=[
        required(_l("Vui lòng nhập số cử tri.")),
        NumberRange(min=1, max=10_000_000, message=_l("Vui lòng nhập một số từ %(min)s đến %(max)s."))])


class DialogueRuleForm(BaseForm):
    province = SelectField(_l("Phạm vi"), validators=[Optional()])
    valid_from = _date(_l("Áp dụng từ ngày"))
    notice_days = IntegerField(_l("Thông báo trước ít nhất (ngày)"), validators=[
        required(_l("Vui lòng nhập số ngày.")), NumberRange(min=0, max=365)])
    results_days = IntegerField(_l("Công bố kết quả chậm nhất sau (ngày)"), validators=[
        required(_l("Vui lòng nhập số ngày.")), NumberRange(min=0, max=365)])
    min_sessions_per_year = IntegerField(_l("Số hội nghị tối thiểu mỗi năm"), validators=[
        required(_l("Vui lòng nhập số hội nghị.")), NumberRange(min=0, max=52)])
    request_threshold_percent = IntegerField(
        _l("Ngưỡng đề nghị của cử tri (%)"),
        validators=[required(_l("Vui lòng nhập tỷ lệ.")), NumberRange(min=1, max=100)])
    legal_basis = TextAreaField(_l("Căn cứ pháp lý"), validators=[
        required(_l("Vui lòng ghi căn cứ pháp lý.")), max_length(2000)])

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.province.choices = [SelectChoice("", _l("Toàn quốc"))] + [
            SelectChoice(str(p.id), p.full_name) for p in provinces]


class PublicFilterForm(BaseForm):
    class Meta:
        csrf = False  # a GET filter that changes nothing

    province = SelectField(_l("Tỉnh, thành phố"), validators=[Optional()])
    commune = SelectField(_l("Xã, phường"), validators=[Optional()])
    when = SelectField(_l("Thời gian"), validators=[Optional()], choices=[
        SelectChoice("", _l("Tất cả")), SelectChoice("upcoming", _l("Sắp diễn ra")),
        SelectChoice("past", _l("Đã diễn ra"))])

    def __init__(self, *args, provinces=(), communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.province.choices = [SelectChoice("", _l("Tất cả"))] + [
            SelectChoice(p.code, p.name) for p in provinces]
        self.commune.choices = [SelectChoice("", _l("Tất cả"))] + [
            SelectChoice(u.code, u.full_name) for u in communes]


class StaffFilterForm(BaseForm):
    class Meta:
        csrf = False

    status = SelectField(_l("Trạng thái"), validators=[Optional()])
    commune = SelectField(_l("Xã, phường"), validators=[Optional()])
    mine = BooleanField(_l("Chỉ hội nghị tôi chủ trì"))
    flagged = BooleanField(_l("Chỉ hội nghị trễ hạn"))

    def __init__(self, *args, communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [SelectChoice("", _l("Tất cả"))] + [
            SelectChoice(s.value, s.label) for s in SessionStatus]
        self.commune.choices = [SelectChoice("", _l("Tất cả"))] + [
            SelectChoice(str(u.id), u.full_name) for u in communes]
