"""Input shapes for assigning, transferring, extensions and pauses."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import Optional

from portal.forms import BaseForm, max_length, required

_REASON_HINT = _l("Ghi rõ lý do; lý do được lưu vào lịch sử xử lý.")


def holder_value(grant) -> str:
    return f"{grant.office_id}:{grant.user_id}"


class HolderForm(BaseForm):
    """One office and one named official, chosen from ``grants``."""


    holder = SelectField(_l("Cơ quan và cán bộ chịu trách nhiệm"),
                         validators=[required(_l("Vui lòng chọn cán bộ chịu trách nhiệm."))])

    def __init__(self, *args, grants=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.holder.choices = [SelectChoice("", _l("— Chọn cơ quan, cán bộ —"))] + [
            SelectChoice(holder_value(g), f"{g.office.name} — {g.user.display_name}")
            for g in grants
        ]

    def chosen(self) -> tuple[int, int] | None:
        office_id, _sep, user_id = (self.holder.data or "").partition(":")
        if not (office_id.isdigit() and user_id.isdigit()):
            return None
        return int(office_id), int(user_id)


class AssignForm(HolderForm):
    note = TextAreaField(_l("Ghi chú giao việc (không bắt buộc)"),
                         validators=[Optional(), max_length(2000)])


class TransferForm(HolderForm):
    reason = TextAreaField(_l("Lý do chuyển"),
                           validators=[required(_l("Vui lòng ghi lý do chuyển.")), max_length(2000)],
                           description=_REASON_HINT)


class ReasonForm(BaseForm):
    reason = TextAreaField(_l("Lý do"),
                           validators=[required(_l("Vui lòng ghi rõ lý do.")), max_length(2000)],
                           description=_REASON_HINT)


class DecisionForm(BaseForm):
    decision = RadioField(_l("Quyết định"),
                          choices=[SelectChoice("approve", _l("Đồng ý gia hạn")),
                                   SelectChoice("refuse", _l("Không đồng ý"))],
                          validators=[required(_l("Vui lòng chọn quyết định."))])
    note = TextAreaField(_l("Ý kiến (bắt buộc khi không đồng ý)"),
                         validators=[Optional(), max_length(2000)])


class NoteForm(BaseForm):
    note = TextAreaField(_l("Ghi chú (không bắt buộc)"), validators=[Optional(), max_length(2000)])
