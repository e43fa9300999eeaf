"""Our records as GeoReport v2 resources. Every id and code is a string,
every moment ISO 8601 in Vietnam time (+07:00). No personal data: no
contact details, no submitter, never the tracking code in what is read."""

from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from flask import current_app, request, url_for
from flask_babel import gettext as _

from portal import clock
from portal.answers.models import Response, ResponseStatus
from portal.extensions import db
from portal.petitions.models import Category, Petition, PetitionEvent, PetitionKind

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this interface last changed, as GeoReport's discovery asks.
CHANGESET = "2026-11-22T00:00:00+07:00"
FORMATS = ["text/xml", "application/json"]


def moment(value: datetime | None) -> str | None:
    return value.astimezone(clock.VIETNAM).isoformat(timespec="seconds") if value else None


def end_of_day(day: date | None) -> str | None:
    """A deadline is a day: it is met until that day ends in Vietnam."""
    if day is None:
        return None
    return datetime.combine(day, time(23, 59, 59), tzinfo=clock.VIETNAM).isoformat()


def discovery() -> dict:
    root = request.url_root.rstrip("/")
    return {
        "changeset": CHANGESET,
        "contact": current_app.config["OPEN311_CONTACT"]
        or _("Quản trị cổng đối thoại và phản ánh, kiến nghị."),
        "key_service": _("Khoá API do quản trị viên của cổng cấp (trang Quản trị › Khoá Open311 "
                         "hoặc lệnh flask open311 issue-key). Chỉ cần khoá để gửi phản ánh."),
        "endpoints": [{
            "specification": SPECIFICATION,
            "url": f"{root}/open311/v2",
            "changeset": CHANGESET,
            "type": "production",
            "formats": FORMATS,
        }],
    }


def service(category: Category) -> dict:
    names = [category.name] + ([category.name_en] if category.name_en else [])
    return {
        "service_code": category.code,
        "service_name": category.label,
        "description": _("Phản ánh, kiến nghị về %(topic)s, gửi tới UBND xã, phường, đặc khu "
                         "nơi xảy ra sự việc.", topic=category.label),
        "metadata": True,
        "type": "realtime",
        "keywords": ", ".join(names),
        "group": _("Phản ánh, kiến nghị"),
    }


def _choice_values(pairs) -> list[dict]:
    return [{"key": key, "name": str(name)} for key, name in pairs]


def service_definition(category: Category) -> dict:
    """The same attributes for every category; each is optional."""
    yes_no = [("true", _("Có")), ("false", _("Không"))]
    return {
        "service_code": category.code,
        "attributes": [
            {"variable": True, "code": "kind", "datatype": "singlevaluelist", "required": False,
             "datatype_description": _("Mặc định: feedback (phản ánh)."), "order": 1,
             "description": _("Loại đơn"),
             "values": _choice_values((kind.value, kind.label) for kind in PetitionKind)},
            {"variable": True, "code": "title", "datatype": "string", "required": False,
             "datatype_description": _("Tối đa 200 ký tự. Nếu không gửi, tiêu đề là câu đầu "
                                       "của description."), "order": 2,
             "description": _("Tiêu đề"), "values": []},
            {"variable": True, "code": "publish", "datatype": "singlevaluelist", "required": False,
             "datatype_description": _("Mặc định: false. Chỉ gửi true khi người dân đã đồng ý."),
             "order": 3,
             "description": _("Người dân đồng ý công khai nội dung (không bao giờ công khai danh "
                              "tính); chỉ phản ánh được công khai mới có trong danh sách chung."),
             "values": _choice_values(yes_no)},
            {"variable": True, "code": "hide_identity", "datatype": "singlevaluelist",
             "required": False, "datatype_description": _("Mặc định: false."), "order": 4,
             "description": _("Giữ bí mật danh tính người gửi với cán bộ xử lý."),
             "values": _choice_values(yes_no)},
        ],
    }


def _latest_answers(ids: list[int]) -> dict[int, str]:
    rows = db.session.execute(
        sa.select(Response.petition_id, Response.body)
        .where(Response.petition_id.in_(ids), Response.status == ResponseStatus.PUBLISHED)
        .order_by(Response.published_at, Response.id))
    return {petition_id: body for petition_id, body in rows}  # the last one wins


def _public_updates(ids: list[int]) -> dict[int, datetime]:
    rows = db.session.execute(
        sa.select(PetitionEvent.petition_id, sa.func.max(PetitionEvent.occurred_at))
        .where(PetitionEvent.petition_id.in_(ids), PetitionEvent.is_public.is_(True))
        .group_by(PetitionEvent.petition_id))
    return {petition_id: when for petition_id, when in rows}


def agency(petition: Petition) -> str:
    """The office holding it (kept in step with the open assignment), or
    after an answer the office that answered; before anyone was assigned,
    the commune's People's Committee, to which the petition was sent."""
    if petition.office is not None:
        return petition.office.name
    return _("UBND %(commune)s", commune=petition.unit.full_name)


def requests(petitions: list[Petition]) -> list[dict]:
    """GeoReport service requests, three queries for any number of them."""
    ids = [p.id for p in petitions]
    answers = _latest_answers(ids) if ids else {}
    updates = _public_updates(ids) if ids else {}
    return [_request(p, answers.get(p.id), updates.get(p.id)) for p in petitions]


def _request(petition: Petition, answer: str | None, updated: datetime | None) -> dict:
    unit = petition.unit
    return {
        "service_request_id": str(petition.id),
        "status": "open" if petition.is_open else "closed",
        "status_notes": answer,
        "service_name": petition.category.label,
        "service_code": petition.category.code,
        "description": petition.body,
        "agency_responsible": agency(petition),
        "service_notice": None,
        "requested_datetime": moment(petition.submitted_at),
        "updated_datetime": moment(updated or petition.submitted_at),
        "expected_datetime": end_of_day(petition.due_on),
        "address": f"{unit.full_name}, {unit.province.full_name}",
        "address_id": unit.code,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def created(petition: Petition) -> dict:
    """The answer to a POST: the tracking code is the sender's key to follow
    the petition and rate the answer, so it goes to the sender only, here."""
    return {
        "service_request_id": str(petition.id),
        "service_notice": _("Mã tra cứu: %(code)s. Người gửi dùng mã này để theo dõi và đánh "
                            "giá câu trả lời tại %(url)s; không công bố mã này.",
                            code=petition.tracking_code,
                            url=url_for("petitions.track", code=petition.tracking_code,
                                        _external=True)),
        "account_id": None,
    }
