"""Input shapes for petitions: the public form, tracking look-up, staff actions."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional, ValidationError

from portal.forms import BaseForm, max_length, required
from portal.petitions import services
from portal.petitions.models import DeadlineState, PetitionKind, PetitionStatus
from portal.petitions.tracking import normalise

# Dates outside this range are typing mistakes (and overflow date arithmetic).
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)

KIND_HELP = {
    PetitionKind.FEEDBACK: _l("Báo cho chính quyền biết một việc đang xảy ra (đường hỏng, rác thải...)."),
    PetitionKind.RECOMMENDATION: _l("Đề xuất một việc chính quyền nên làm hoặc thay đổi."),
    PetitionKind.COMPLAINT: _l(
        "Đề nghị xem xét lại một quyết định hoặc hành vi hành chính liên quan đến bạn."
    ),
    PetitionKind.DENUNCIATION: _l(
        "Báo về hành vi vi phạm pháp luật; danh tính người tố cáo luôn được giữ bí mật."
    ),
}


class PetitionContentForm(BaseForm):
    """What a resident writes, wherever it is sent from; the commune comes
    from the form (PetitionForm) or from the session it is sent to."""

    title = StringField(
        _l("Tiêu đề"),
        validators=[required(_l("Vui lòng nhập tiêu đề.")), max_length(services.TITLE_MAX)],
        description=_l("Một câu ngắn nêu vấn đề, ví dụ: Đèn đường ngõ 12 phố Hàng Bạc bị hỏng."),
    )
    body = TextAreaField(
        _l("Nội dung"),
        validators=[
            required(_l("Vui lòng nhập nội dung.")),
            Length(
                min=services.BODY_MIN,
                max=services.BODY_MAX,
                message=_l("Nội dung cần từ %(min)d đến %(max)d ký tự (bạn đã nhập %(length)d)."),
            ),
        ],
        description=_l("Sự việc gì, ở đâu, từ khi nào, bạn đề nghị giải quyết thế nào."),
    )
    kind = RadioField(
        _l("Loại"),
        choices=[SelectChoice(k.value, k.label) for k in PetitionKind],
        default=PetitionKind.FEEDBACK.value,
        validators=[required(_l("Vui lòng chọn loại."))],
    )
    category = SelectField(_l("Lĩnh vực"), validators=[required(_l("Vui lòng chọn lĩnh vực."))])
    contact_name = StringField(_l("Họ và tên"), validators=[Optional(), max_length(120)])
    contact_phone = StringField(_l("Số điện thoại"), validators=[Optional(), max_length(20)])
    contact_email = StringField(_l("Email"), validators=[Optional(), max_length(254)])
    hide_identity = BooleanField(_l("Giữ bí mật danh tính của tôi với cán bộ xử lý"))
    is_public = BooleanField(
        _l("Đồng ý công khai nội dung phản ánh (không kèm thông tin cá nhân của tôi)")
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = [SelectChoice("", _l("— Chọn lĩnh vực —"))] + [
            SelectChoice(str(c.id), c.label) for c in categories
        ]

    def kind_help(self, value: str) -> str:
        return KIND_HELP[PetitionKind(value)]


def province_choices(provinces) -> list[SelectChoice]:
    return [SelectChoice("", _l("— Chọn tỉnh, thành phố —"))] + [
        SelectChoice(p.code, p.name) for p in provinces
    ]


class CommuneFields:
    """Province, then commune typed with or without diacritics (the
    type-ahead fills the hidden code; without JavaScript the server resolves
    the typed name)."""

    province = SelectField(
        _l("Tỉnh, thành phố"), validators=[required(_l("Vui lòng chọn tỉnh, thành phố."))]
    )
    commune = StringField(
        _l("Xã, phường, đặc khu"),
        validators=[required(_l("Vui lòng nhập xã, phường hoặc đặc khu.")), max_length(160)],
        description=_l("Gõ tên, có dấu hoặc không dấu, ví dụ: hoan kiem."),
    )
    commune_code = HiddenField()


class PetitionForm(PetitionContentForm, CommuneFields):
    def __init__(self, *args, categories=(), provinces=(), **kwargs):
        super().__init__(*args, categories=categories, **kwargs)
        self.province.choices = province_choices(provinces)


class TrackForm(BaseForm):
    class Meta:
        csrf = False  # a GET look-up that changes nothing

    code = StringField(
        _l("Mã theo dõi"),
        validators=[required(_l("Vui lòng nhập mã theo dõi.")), max_length(40)],
        description=_l("Mã có dạng KN-26-7F3K-9QXM, được cấp khi bạn gửi phản ánh."),
    )

    def validate_code(self, field):
        canonical = normalise(field.data or "")
        if canonical is None:
            raise ValidationError(_l("Mã theo dõi không đúng. Vui lòng kiểm tra lại từng ký tự."))
        field.data = canonical


class AcceptForm(BaseForm):
    note = TextAreaField(_l("Ghi chú gửi người dân (không bắt buộc)"),
                         validators=[Optional(), max_length(2000)])


class MergeForm(BaseForm):
    target = StringField(_l("Mã phản ánh gốc"), validators=[
        required(_l("Vui lòng nhập mã của phản ánh trùng đã có.")), max_length(30)],
        description=_l("Ví dụ: KN-26-JEQ9-G216. Phản ánh này sẽ kết thúc; câu trả lời cho "
                       "phản ánh gốc là câu trả lời cho người gửi."))
    note = TextAreaField(_l("Ghi chú gửi người dân (không bắt buộc)"),
                         validators=[Optional(), max_length(2000)])


class RejectForm(BaseForm):
    reason = TextAreaField(
        _l("Lý do không tiếp nhận"),
        validators=[required(_l("Vui lòng ghi rõ lý do không tiếp nhận.")), max_length(2000)],
        description=_l("Người dân sẽ đọc lý do này trên trang theo dõi."),
    )


def _plausible_date(form, field):
    if field.data and not EARLIEST_DATE <= field.data <= LATEST_DATE:
        raise ValidationError(_l("Ngày phải nằm trong khoảng %(start)s đến %(end)s.",
                                 start=EARLIEST_DATE.strftime("%d/%m/%Y"),
                                 end=LATEST_DATE.strftime("%d/%m/%Y")))


class StaffFilterForm(BaseForm):
    class Meta:
        csrf = False  # a GET filter that changes nothing

    status = SelectField(_l("Trạng thái"), validators=[Optional()])
    kind = SelectField(_l("Loại"), validators=[Optional()])
    category = SelectField(_l("Lĩnh vực"), validators=[Optional()])
    commune = SelectField(_l("Xã, phường"), validators=[Optional()])
    submitted_from = DateField(_l("Gửi từ ngày"), validators=[Optional(), _plausible_date],
                               render_kw={"type": "date"})
    submitted_to = DateField(_l("Đến ngày"), validators=[Optional(), _plausible_date],
                             render_kw={"type": "date"})
    deadline = SelectField(_l("Thời hạn"), validators=[Optional()])
    sort = SelectField(_l("Sắp xếp"), validators=[Optional()], choices=[
        SelectChoice("", _l("Mới gửi trước")), SelectChoice("deadline", _l("Gần hạn trước"))])

    def __init__(self, *args, categories=(), communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [SelectChoice("", _l("Tất cả"))]
        self.status.choices = everything + [SelectChoice(s.value, s.label) for s in PetitionStatus]
        self.kind.choices = everything + [SelectChoice(k.value, k.label) for k in PetitionKind]
        self.category.choices = everything + [SelectChoice(str(c.id), c.label) for c in categories]
        self.commune.choices = everything + [SelectChoice(str(u.id), u.full_name) for u in communes]
        self.deadline.choices = everything + [SelectChoice(s.value, s.label) for s in DeadlineState]

    def validate_submitted_to(self, field):
        start = self.submitted_from.data
        if field.data and start and field.data < start:
            raise ValidationError(_l("Ngày kết thúc phải sau ngày bắt đầu."))
