"""Input shapes for answers and ratings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectChoice, TextAreaField
from wtforms.validators import AnyOf, Optional

from portal.forms import BaseForm, max_length, required


class AnswerForm(BaseForm):
    body = TextAreaField(
        _l("Nội dung trả lời"),
        validators=[required(_l("Vui lòng nhập nội dung trả lời.")), max_length(20_000)],
        description=_l("Người dân đọc câu trả lời này trên trang theo dõi: trả lời đủ các ý đã "
                       "phản ánh, nêu rõ việc đã làm và căn cứ."),
    )
    # Which button was pressed: save a draft, or send it on.
    action = HiddenField(default="save", validators=[AnyOf(["save", "submit"])])


class ReturnForm(BaseForm):
    note = TextAreaField(_l("Cần sửa gì"),
                         validators=[required(_l("Vui lòng ghi rõ cần sửa gì.")), max_length(2000)])


class RatingForm(BaseForm):
    satisfied = RadioField(
        _l("Bạn có hài lòng với câu trả lời không?"),
        choices=[SelectChoice("yes", _l("Hài lòng")), SelectChoice("no", _l("Chưa hài lòng"))],
        validators=[required(_l("Vui lòng chọn hài lòng hoặc chưa hài lòng."))],
    )
    comment = TextAreaField(
        _l("Ý kiến của bạn"),
        validators=[Optional(), max_length(2000)],
        description=_l("Bắt buộc nếu chưa hài lòng: phản ánh sẽ được mở lại để xử lý tiếp."),
    )
