"""The base form every form derives from.

- Text is NFC-normalised and trimmed before validation (passwords are only
  NFC-normalised, so spaces in them count).
- Control characters (NUL and friends) are refused with a clear message, so
  nothing a person types can break the database.
- CSRF comes from Flask-WTF; an expired token is reported kindly by the
  form macro while the typed values are kept.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal import vietnamese


def _clean_line(value):
    return vietnamese.clean(value) if isinstance(value, str) else value


def _clean_text(value):
    return vietnamese.clean(value, multiline=True) if isinstance(value, str) else value


def _nfc(value):
    return vietnamese.nfc(value) if isinstance(value, str) else value


def _cleaner_for(field_class):
    if issubclass(field_class, PasswordField):
        return _nfc
    if issubclass(field_class, TextAreaField):
        return _clean_text
    if issubclass(field_class, StringField):
        return _clean_line
    return None


# WTForms ships no Vietnamese catalogue: its built-in messages are routed
# through ours (Vietnamese msgids, translated back to English in en/).
_BUILT_IN_MESSAGES = {
    "This field is required.": _l("Vui lòng nhập thông tin này."),
    "Not a valid choice.": _l("Lựa chọn không hợp lệ, vui lòng chọn lại."),
    "Invalid Choice: could not coerce.": _l("Lựa chọn không hợp lệ, vui lòng chọn lại."),
    "Not a valid date value.": _l("Ngày không hợp lệ."),
    "Not a valid integer value.": _l("Vui lòng nhập một số nguyên."),
    "Invalid email address.": _l("Địa chỉ email không hợp lệ."),
    "Invalid input.": _l("Giá trị không hợp lệ."),
}
_CSRF_MESSAGE = _l(
    "Biểu mẫu đã hết hạn vì để quá lâu. Nội dung bạn nhập vẫn còn nguyên; "
    "vui lòng kiểm tra lại và gửi lần nữa."
)


class _Messages:
    def gettext(self, string):
        if string.startswith("CSRF") or "CSRF" in string:
            return str(_CSRF_MESSAGE)
        message = _BUILT_IN_MESSAGES.get(string)
        return str(message) if message is not None else string

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


class BaseForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Messages()

        def bind_field(self, form, unbound_field, options):
            cleaner = _cleaner_for(unbound_field.field_class)
            if cleaner is not None:
                options["filters"] = [cleaner, *unbound_field.kwargs.get("filters", ())]
            return unbound_field.bind(form=form, **options)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if not isinstance(field.data, str):
                continue
            multiline = isinstance(field, TextAreaField)
            if vietnamese.has_control_characters(field.data, allow_newlines=multiline):
                field.errors.append(_l("Nội dung có ký tự điều khiển không hợp lệ, vui lòng xoá."))
                valid = False
        return valid

    @property
    def csrf_expired(self) -> bool:
        token = getattr(self, "csrf_token", None)
        return bool(token is not None and token.errors)

    def add_error(self, error) -> bool:
        """Put a service's RuleViolation next to its field; False if the
        form has no such field (the caller then shows it another way)."""
        field = self._fields.get(error.field or "")
        if field is None:
            return False
        field.errors = [*field.errors, error.message]
        return True


class ActionForm(BaseForm):
    """A form with no fields: a button that must carry a CSRF token."""


def required(message) -> DataRequired:
    return DataRequired(message=message)


def max_length(limit: int) -> Length:
    return Length(max=limit, message=_l("Tối đa %(max)d ký tự (bạn đã nhập %(length)d)."))
