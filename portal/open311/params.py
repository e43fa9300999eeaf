"""The parameters Open311 clients send, checked for shape: GET filters and
the fields of a new request. Rules (does the category exist, which commune)
are the services' business; a malformed parameter is a 400 naming it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal import clock, vietnamese
from portal.petitions.models import PetitionKind

# GeoReport v2: without dates, the last 90 days; a window never spans more.
WINDOW = timedelta(days=90)
MAX_RESULTS = 1000
MAX_ID = 2_147_483_647
EARLIEST = datetime(2000, 1, 1, tzinfo=clock.VIETNAM)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=clock.VIETNAM)
STATUSES = ("open", "closed")
TEXT_MAX = 500  # one-line parameters: names, address, e-mail, phone
BOOLEANS = {"true": True, "false": False}


class BadParameter(Exception):
    """A parameter the client must correct (400); the message names it."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message

    @property
    def description(self) -> str:
        return f"{self.name}: {self.message}"


@dataclass
class RequestFilters:
    ids: list[int] | None = None
    service_codes: list[str] | None = None
    statuses: set[str] | None = None
    start: datetime | None = None
    end: datetime | None = None


def _comma_list(args: MultiDict, name: str) -> list[str] | None:
    values = [item.strip() for raw in args.getlist(name) for item in raw.split(",")]
    values = [v for v in values if v]
    return values or None


def request_id(raw: str) -> int | None:
    """A service_request_id as we issue them (our petition number), or None."""
    raw = raw.strip()
    if raw.isascii() and raw.isdecimal() and 0 < int(raw) <= MAX_ID:
        return int(raw)
    return None


def _moment(args: MultiDict, name: str, *, end: bool) -> datetime | None:
    """A W3C-DTF date or date-time. A date alone means the whole day in
    Vietnam; a time without an offset is read as Vietnam time."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            moment = datetime.combine(day, time.max if end else time.min, tzinfo=clock.VIETNAM)
        else:
            moment = datetime.fromisoformat(raw)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=clock.VIETNAM)
    except ValueError:
        raise BadParameter(name, _("Cần ngày giờ theo ISO 8601, ví dụ 2026-03-02T09:00:00+07:00 "
                                   "hoặc 2026-03-02.")) from None
    if not EARLIEST <= moment <= LATEST:
        raise BadParameter(name, _("Ngày phải nằm trong khoảng năm 2000 đến 2100."))
    return moment


def parse_filters(args: MultiDict) -> RequestFilters:
    """GET requests' filters. service_request_id overrides every other one
    (GeoReport v2); otherwise the window defaults to the 90 days to now."""
    raw_ids = _comma_list(args, "service_request_id")
    if raw_ids is not None:
        ids = [request_id(raw) for raw in raw_ids]
        if None in ids:
            raise BadParameter("service_request_id",
                               _("Mã yêu cầu là số nguyên dương, cách nhau bằng dấu phẩy."))
        if len(ids) > MAX_RESULTS:
            raise BadParameter("service_request_id",
                               _("Tối đa %(n)d mã trong một lần hỏi.", n=MAX_RESULTS))
        return RequestFilters(ids=ids)
    statuses = _comma_list(args, "status")
    if statuses is not None and not set(statuses) <= set(STATUSES):
        raise BadParameter("status", _("Trạng thái chỉ nhận open hoặc closed."))
    start = _moment(args, "start_date", end=False)
    end = _moment(args, "end_date", end=True)
    if start is None and end is None:
        end = clock.now()
        start = end - WINDOW
    elif start is None:
        start = end - WINDOW
    elif end is None:
        end = start + WINDOW
    if end < start:
        raise BadParameter("end_date", _("end_date phải sau start_date."))
    if end - start > WINDOW:
        raise BadParameter("end_date", _("Khoảng thời gian tối đa %(n)d ngày.", n=WINDOW.days))
    return RequestFilters(service_codes=_comma_list(args, "service_code"),
                          statuses=set(statuses) if statuses else None, start=start, end=end)


@dataclass
class NewRequest:
    """A POST requests, as sent (cleaned, not yet checked against the rules)."""

    service_code: str
    description: str
    title: str | None
    kind: PetitionKind
    is_public: bool
    hide_identity: bool
    address_string: str | None
    address_id: str | None
    has_coordinates: bool
    contact_name: str | None
    email: str | None
    phone: str | None


def _text(form: MultiDict, name: str, *, multiline: bool = False, limit: int = TEXT_MAX):
    raw = form.get(name)
    return None if raw is None else _clean(name, raw, multiline=multiline, limit=limit)


def _clean(name: str, raw: str, *, multiline: bool = False, limit: int = TEXT_MAX) -> str | None:
    if vietnamese.has_control_characters(raw, allow_newlines=multiline):
        raise BadParameter(name, _("Nội dung có ký tự điều khiển không hợp lệ, vui lòng xoá."))
    value = vietnamese.clean(raw, multiline=multiline) or None
    if value is not None and len(value) > limit:
        raise BadParameter(name, _("Tối đa %(max)d ký tự (bạn đã nhập %(length)d).",
                                   max=limit, length=len(value)))
    return value


def _coordinate(form: MultiDict, name: str, bound: float) -> float | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not -bound <= value <= bound:
        raise BadParameter(name, _("Toạ độ WGS84 dạng số thập phân, ví dụ 21.0285 và 105.8542."))
    return value


# The service definition's attributes: code -> allowed keys (None: free text).
ATTRIBUTES: dict[str, tuple[str, ...] | None] = {
    "title": None,
    "kind": tuple(kind.value for kind in PetitionKind),
    "publish": tuple(BOOLEANS),
    "hide_identity": tuple(BOOLEANS),
}


def _attributes(form: MultiDict) -> dict[str, str]:
    values = {}
    for name in form:
        if not name.startswith("attribute["):
            continue
        code = name[len("attribute["):].removesuffix("]")
        if code not in ATTRIBUTES or not name.endswith("]"):
            raise BadParameter(name, _("Thuộc tính này không có trong định nghĩa dịch vụ."))
        allowed = ATTRIBUTES[code]
        value = (form.get(name) or "").strip()
        if allowed is not None and value and value not in allowed:
            raise BadParameter(name, _("Chỉ nhận một trong các giá trị: %(values)s.",
                                       values=", ".join(allowed)))
        if value:
            values[code] = value
    return values


def parse_new_request(form: MultiDict) -> NewRequest:
    service_code = (form.get("service_code") or "").strip()
    if not service_code:
        raise BadParameter("service_code", _("Vui lòng gửi mã lĩnh vực (service_code)."))
    description = _text(form, "description", multiline=True, limit=100_000)
    if not description:
        raise BadParameter("description", _("Vui lòng gửi nội dung phản ánh (description)."))
    attributes = _attributes(form)
    if "title" in attributes:
        attributes["title"] = _clean("attribute[title]", attributes["title"])
    latitude = _coordinate(form, "lat", 90)
    longitude = _coordinate(form, "long", 180)
    if (latitude is None) != (longitude is None):
        raise BadParameter("lat" if latitude is None else "long",
                           _("Cần gửi cả lat và long."))
    first, last = _text(form, "first_name"), _text(form, "last_name")
    # Vietnamese names put the family name (last_name) first.
    contact_name = " ".join(part for part in (last, first) if part) or None
    return NewRequest(
        service_code=service_code,
        description=description,
        title=attributes.get("title"),
        kind=PetitionKind(attributes.get("kind", PetitionKind.FEEDBACK.value)),
        is_public=BOOLEANS[attributes.get("publish", "false")],
        hide_identity=BOOLEANS[attributes.get("hide_identity", "false")],
        address_string=_text(form, "address_string"),
        address_id=_text(form, "address_id"),
        has_coordinates=latitude is not None,
        contact_name=contact_name,
        email=_text(form, "email"),
        phone=_text(form, "phone"),
    )
