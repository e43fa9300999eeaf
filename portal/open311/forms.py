"""Input shape of the admin's Open311 key page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField

from portal.forms import BaseForm, max_length, required
from portal.open311.keys import NAME_MAX


class IssueKeyForm(BaseForm):
    name = StringField(_l("Tên ứng dụng"), validators=[
        required(_l("Vui lòng ghi tên ứng dụng.")), max_length(NAME_MAX)],
        description=_l("Ví dụ: Ứng dụng phản ánh hiện trường của Thành phố, đơn vị phát triển, "
                       "người liên hệ."))
