"""Reading a program's input: a JSON object body, query arguments, and the
bridge that puts JSON values through the same WTForms forms as the web
pages, so both refuse the same input with the same words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from flask import request
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal import clock
from portal.errors import DomainError, InvalidInput

MAX_PAGE = 100_000


NUL = "\x00"


def _nul_in(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_nul_in(k) or _nul_in(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_nul_in(v) for v in value)
    return False


def _control_character() -> list[str]:
    return [_("Nội dung có ký tự điều khiển không hợp lệ, vui lòng xoá.")]


def refuse_nul_in_url() -> None:
    """before_request of the API: a NUL character is never part of a code or
    a search, and PostgreSQL refuses it in any text it compares."""
    named = {**(request.view_args or {}), **request.args}
    bad = {name: _control_character() for name, value in named.items()
           if isinstance(value, str) and NUL in value}
    stop_on(bad)


def json_object(*, optional: bool = False) -> dict:
    """The request's JSON body, which must be an object (``optional``: or
    nothing at all), without NUL characters anywhere in it."""
    if optional and not request.get_data():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidInput({"body": [_("Cần nội dung JSON dạng đối tượng, "
                                        "với Content-Type: application/json.")]})
    bad = {str(key)[:40]: _control_character() for key, value in body.items()
           if _nul_in(key) or _nul_in(value)}
    stop_on(bad)
    return body


def form_values(body: dict, names: dict[str, str]) -> MultiDict:
    """Form data from ``body``: ``names`` maps each JSON key to a form field.
    Strings and numbers pass as text, true/false as a ticked or empty box;
    any other shape is refused by name."""
    values, problems = MultiDict(), {}
    for key, field in names.items():
        value = body.get(key)
        if value is None or value is False:
            continue
        if value is True:
            values[field] = "y"
        elif isinstance(value, str):
            values[field] = value
        elif isinstance(value, int | float):
            values[field] = str(value)
        else:
            problems[key] = [_("Cần một chuỗi, một số hoặc true/false.")]
    if problems:
        raise InvalidInput(problems)
    return values


def form_errors(form, names: dict[str, str]) -> dict[str, list[str]]:
    """Validate ``form``; its errors under the API's own names."""
    if form.validate():
        return {}
    back = {field: key for key, field in names.items()}
    return {back.get(name, name): [str(m) for m in messages]
            for name, messages in form.errors.items()}


def filled_form(form_class, body: dict, names: dict[str, str], **kwargs):
    """``form_class`` filled from a JSON ``body`` (no CSRF: the caller proves
    itself with a bearer token or needs no identity)."""
    return form_class(formdata=form_values(body, names), meta={"csrf": False}, **kwargs)


def api_form(form_class, body: dict, names: dict[str, str], **kwargs):
    """A validated ``filled_form``; its errors raised as InvalidInput."""
    form = filled_form(form_class, body, names, **kwargs)
    stop_on(form_errors(form, names))
    return form


@contextmanager
def named_as(names: dict[str, str]) -> Iterator[None]:
    """A service's refusal names a form field; name it as the API does."""
    try:
        yield
    except DomainError as exc:
        back = {field: key for key, field in names.items()}
        exc.field = back.get(exc.field, exc.field)
        raise


def int_arg(name: str, default: int, *, low: int, high: int, errors: dict) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdecimal()) or not low <= int(raw) <= high:
        errors[name] = [_("Cần số nguyên từ %(low)d đến %(high)d.", low=low, high=high)]
        return default
    return int(raw)


def date_arg(name: str, errors: dict) -> date | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = None
    if day is None or not date(1990, 1, 1) <= day <= date(2100, 12, 31):
        errors[name] = [_("Ngày phải có dạng YYYY-MM-DD, trong khoảng 1990–2100.")]
        return None
    return day


def choice_arg(name: str, allowed, errors: dict):
    """An enum member by value, e.g. ``status=in_progress``."""
    raw = request.args.get(name, "")
    if raw == "":
        return None
    try:
        return allowed(raw)
    except ValueError:
        errors[name] = [_("Chỉ nhận: %(values)s.", values=", ".join(m.value for m in allowed))]
        return None


def page_args(errors: dict, *, per_page: int = 20, most: int = 100) -> tuple[int, int]:
    return (int_arg("page", 1, low=1, high=MAX_PAGE, errors=errors),
            int_arg("per_page", per_page, low=1, high=most, errors=errors))


def stop_on(errors: dict) -> None:
    if errors:
        raise InvalidInput(errors)


def moment(value: datetime | None) -> str | None:
    """A stored moment as ISO 8601 in Vietnam time (+07:00)."""
    return value.astimezone(clock.VIETNAM).isoformat() if value is not None else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
