"""Input shapes for registration and login."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, Optional

from portal.forms import BaseForm, max_length, required


class RegisterForm(BaseForm):
    full_name = StringField(_l("Họ và tên"), validators=[Optional(), max_length(120)])
    email = StringField(
        _l("Email"),
        validators=[Optional(), max_length(254)],
        render_kw={"autocomplete": "email", "inputmode": "email"},
    )
    phone = StringField(
        _l("Số điện thoại"),
        validators=[Optional(), max_length(20)],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
    password = PasswordField(
        _l("Mật khẩu"),
        validators=[required(_l("Vui lòng nhập mật khẩu."))],
        description=_l("Ít nhất 10 ký tự; nên dùng một câu dễ nhớ với bạn."),
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Nhập lại mật khẩu"),
        validators=[
            required(_l("Vui lòng nhập lại mật khẩu.")),
            EqualTo("password", message=_l("Hai mật khẩu không khớp.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Checked here, not in validate_email: Optional() stops a field's own
        # chain when it is empty, which is exactly the case to catch.
        if not self.email.data and not self.phone.data:
            self.email.errors.append(_l("Vui lòng nhập email hoặc số điện thoại (ít nhất một)."))
            valid = False
        return valid


class LoginForm(BaseForm):
    identifier = StringField(
        _l("Email hoặc số điện thoại"),
        validators=[required(_l("Vui lòng nhập email hoặc số điện thoại.")), max_length(254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Mật khẩu"),
        validators=[required(_l("Vui lòng nhập mật khẩu.")), max_length(128)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Ghi nhớ đăng nhập trên máy này"))
    next = HiddenField()
