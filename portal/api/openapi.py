"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json
and read by people at /developers/api. A test fails when a route of the API
is missing here or a path here has no route, so the two stay in step."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from portal.api.views import bp
from portal.dialogues.models import SessionFormat
from portal.dialogues.states import ItemOutcome
from portal.inspection.frames import GROUPINGS
from portal.petitions.models import DeadlineState, PetitionKind, PetitionStatus

docs_bp = Blueprint("api_docs", __name__)

ID_MAX = 2_147_483_647


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or {"type": "string"}}


def _path_id(name: str) -> dict:
    return {"name": name, "in": "path", "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX}}


CODE = {"name": "code", "in": "path", "required": True, "description": "Mã theo dõi, "
        "ví dụ KN-26-7F3K-9QXM (chữ thường, dấu cách thay gạch đều được).",
        "schema": {"type": "string", "maxLength": 40}}
PAGE = [_query("page", "Trang, từ 1.", {"type": "integer", "minimum": 1, "maximum": 100_000}),
        _query("per_page", "Số mục mỗi trang (1–100).",
               {"type": "integer", "minimum": 1, "maximum": 100})]
ERRORS = {
    "400": {"description": "Tham số sai; `fields` nêu từng lỗi.", "content": {
        "application/json": {"schema": _ref("Error")}}},
    "404": {"description": "Không có, hoặc bạn không được xem.", "content": {
        "application/json": {"schema": _ref("Error")}}},
    "429": {"description": "Quá nhiều yêu cầu.", "content": {
        "application/json": {"schema": _ref("Error")}}},
}
STAFF_ERRORS = {
    **ERRORS,
    "401": {"description": "Thiếu mã truy cập hoặc mã đã hết hạn.", "content": {
        "application/json": {"schema": _ref("Error")}}},
    "403": {"description": "Vai trò hoặc đơn vị của bạn không được làm việc này.", "content": {
        "application/json": {"schema": _ref("Error")}}},
    "422": {"description": "Quy tắc nghiệp vụ từ chối (ví dụ sai trạng thái).", "content": {
        "application/json": {"schema": _ref("Error")}}},
}


def _json(schema: dict, description: str = "Thành công.") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(properties: dict, required: list[str] | None = None, *, optional: bool = False) -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return {"required": not optional, "content": {"application/json": {"schema": schema}}}


def _op(summary: str, description: str = "", *, tag: str, params=(), body=None,
        ok: dict | None = None, status: str = "200", staff: bool = False) -> dict:
    operation = {"summary": summary, "tags": [tag], "parameters": list(params),
                 "responses": {status: ok or _json({"type": "object"}),
                               **(STAFF_ERRORS if staff else ERRORS)}}
    if description:
        operation["description"] = description
    if body is not None:
        operation["requestBody"] = body
    if staff:
        operation["security"] = [{"bearer": []}]
    return operation


def _action(summary: str, properties: dict, required: list[str] | None = None, *,
            optional: bool = False, description: str = "") -> dict:
    return {"post": _op(summary, description, tag="Xử lý phản ánh", staff=True,
                        params=[_path_id("petition_id")],
                        body=_body(properties, required, optional=optional),
                        ok=_json(_ref("PetitionForStaff")))}


def _session_action(summary: str, properties: dict, required: list[str] | None = None, *,
                    optional: bool = False, status: str = "200") -> dict:
    return {"post": _op(summary, tag="Hội nghị đối thoại", staff=True, status=status,
                        params=[_path_id("session_id")],
                        body=_body(properties, required, optional=optional))}


TEXT = {"type": "string"}
ID = {"type": "integer", "minimum": 1, "maximum": ID_MAX}
DAY = {"type": "string", "format": "date"}
HOLDER = {"office_id": ID, "official_id": ID}


def _enum(members) -> dict:
    return {"type": "string", "enum": [m.value for m in members]}


PATHS = {
    "/auth/token": {
        "post": _op("Lấy mã truy cập", "Mã có hạn 30 ngày, lưu dạng băm; gửi kèm "
                    "`Authorization: Bearer <token>`.", tag="Xác thực", status="201",
                    body=_body({"email": TEXT, "password": TEXT}, ["email", "password"]),
                    ok=_json({"type": "object", "properties": {
                        "token": TEXT, "expires_at": {"type": "string", "format": "date-time"}}},
                        "Mã mới (chỉ hiện một lần).")),
        "delete": _op("Thu hồi mã đang dùng", tag="Xác thực", staff=True, status="204",
                      ok={"description": "Đã thu hồi."}),
    },
    "/petitions": {
        "post": _op("Gửi phản ánh, kiến nghị", "Không cần tài khoản. Với `session_id`, "
                    "phản ánh là câu hỏi gửi trước cho hội nghị (xã của hội nghị).",
                    tag="Người dân", status="201",
                    body=_body({
                        "title": {"type": "string", "maxLength": 200},
                        "body": {"type": "string", "minLength": 20, "maxLength": 20000},
                        "kind": _enum(PetitionKind),
                        "category": {"type": "string", "description": "Mã lĩnh vực, xem "
                                     "/categories."},
                        "commune_code": {"type": "string", "description": "Mã xã 5 chữ số."},
                        "contact": {"type": "object", "properties": {
                            "name": TEXT, "email": TEXT, "phone": TEXT}},
                        "hide_identity": {"type": "boolean"},
                        "is_public": {"type": "boolean"},
                        "session_id": ID,
                    }, ["title", "body", "kind", "category"]),
                    ok=_json(_ref("PetitionForSender"), "Đã nhận; giữ mã theo dõi.")),
        "get": _op("Danh sách phản ánh của đơn vị mình", tag="Xử lý phản ánh", staff=True,
                   params=[_query("status", "Trạng thái.", _enum(PetitionStatus)),
                           _query("kind", "Loại.", _enum(PetitionKind)),
                           _query("category", "Mã lĩnh vực."),
                           _query("commune", "Mã xã trong phạm vi của bạn."),
                           _query("submitted_from", "Gửi từ ngày.", DAY),
                           _query("submitted_to", "Gửi đến ngày.", DAY),
                           _query("deadline", "Tình trạng hạn.", _enum(DeadlineState)),
                           _query("sort", "newest (mặc định) hoặc deadline.",
                                  {"type": "string", "enum": ["newest", "deadline"]}), *PAGE],
                   ok=_json(_ref("Collection"))),
    },
    "/petitions/{ref}": {
        "get": _op("Theo dõi phản ánh bằng mã; cán bộ xem chi tiết bằng số",
                   "Mã theo dõi (ai giữ mã đều xem được): trạng thái, các mốc, hạn, người "
                   "chịu trách nhiệm, câu trả lời đã công bố, lịch sử. Số của phản ánh (cần "
                   "mã truy cập của cán bộ): thông tin như trang cán bộ, kể cả `actions`.",
                   tag="Người dân", params=[{**CODE, "name": "ref", "description":
                                             "Mã theo dõi (KN-26-7F3K-9QXM) hoặc số phản "
                                             "ánh."}],
                   ok=_json({"oneOf": [_ref("PetitionForSender"), _ref("PetitionForStaff")]})),
    },
    "/petitions/{code}/rating": {
        "post": _op("Đánh giá câu trả lời", "Hài lòng: phản ánh kết thúc. Chưa hài lòng "
                    "(kèm lý do): phản ánh mở lại cho cùng người xử lý.", tag="Người dân",
                    status="201", params=[CODE],
                    body=_body({"satisfied": {"type": "boolean"}, "comment": TEXT},
                               ["satisfied"]),
                    ok=_json(_ref("PetitionForSender"))),
    },
    "/petitions/{petition_id}/holders": {
        "get": _op("Cơ quan, cán bộ có thể nhận phản ánh", tag="Xử lý phản ánh", staff=True,
                   params=[_path_id("petition_id")], ok=_json(_ref("Collection"))),
    },
    "/petitions/{petition_id}/acknowledge": _action("Tiếp nhận", {"note": TEXT},
                                                    optional=True),
    "/petitions/{petition_id}/reject": _action("Không tiếp nhận", {"reason": TEXT},
                                               ["reason"]),
    "/petitions/{petition_id}/assign": _action("Giao một cán bộ chịu trách nhiệm",
                                               {**HOLDER, "note": TEXT},
                                               ["office_id", "official_id"]),
    "/petitions/{petition_id}/transfer": _action("Chuyển cho cơ quan, cán bộ khác",
                                                 {**HOLDER, "reason": TEXT},
                                                 ["office_id", "official_id", "reason"]),
    "/petitions/{petition_id}/answer": _action(
        "Trả lời", {"body": TEXT, "submit": {"type": "boolean", "default": True}}, ["body"],
        description="`submit: false` lưu dự thảo; nếu xã yêu cầu duyệt, câu trả lời chờ "
                    "lãnh đạo duyệt, nếu không thì được công bố ngay."),
    "/petitions/{petition_id}/answer/approve": _action("Lãnh đạo duyệt và công bố", {},
                                                       optional=True),
    "/petitions/{petition_id}/answer/return": _action("Lãnh đạo trả lại dự thảo",
                                                      {"note": TEXT}, ["note"]),
    "/petitions/{petition_id}/merge": _action(
        "Gộp vào phản ánh trùng đã có", {"target": {"type": "string", "description": "Mã theo "
                                                    "dõi của phản ánh gốc."}, "note": TEXT},
        ["target"]),
    "/petitions/{petition_id}/send-back": _action("Trả lại nơi đã chuyển đến", {"reason": TEXT},
                                                  ["reason"]),
    "/petitions/{petition_id}/complex": _action("Xác định vụ việc phức tạp (thời hạn dài hơn)",
                                                {"reason": TEXT}, ["reason"]),
    "/petitions/{petition_id}/extension": _action("Đề nghị gia hạn", {"reason": TEXT},
                                                  ["reason"]),
    "/petitions/{petition_id}/extension/decide": _action(
        "Lãnh đạo quyết định gia hạn", {"decision": {"type": "string",
                                                     "enum": ["approve", "refuse"]},
                                        "note": TEXT}, ["decision"]),
    "/petitions/{petition_id}/pause": _action("Tạm dừng chờ người gửi bổ sung",
                                              {"reason": TEXT}, ["reason"]),
    "/petitions/{petition_id}/resume": _action("Tiếp tục xử lý", {"note": TEXT}, optional=True),
    "/my/petitions": {
        "get": _op("Phản ánh tôi đã gửi (tài khoản người dân)", tag="Người dân", staff=True,
                   params=PAGE, ok=_json(_ref("Collection"))),
    },
    "/sessions": {
        "get": _op("Hội nghị đối thoại đã thông báo", tag="Hội nghị đối thoại",
                   params=[_query("province", "Mã tỉnh."), _query("commune", "Mã xã."),
                           _query("upcoming", "true: sắp tới; false: đã qua.",
                                  {"type": "string", "enum": ["true", "false"]}), *PAGE],
                   ok=_json(_ref("Collection"))),
        "post": _op("Lập hội nghị (bản nháp)", "Giờ theo giờ Việt Nam.",
                    tag="Hội nghị đối thoại", staff=True, status="201",
                    body=_body({
                        "commune_code": TEXT, "title": TEXT, "theme": TEXT,
                        "starts_on": DAY, "starts_time": {"type": "string", "example": "08:00"},
                        "ends_time": TEXT, "format": _enum(SessionFormat), "venue": TEXT,
                        "online_link": TEXT, "expected_participants": {"type": "integer"},
                        "chair_id": ID, "chair_title": TEXT, "co_chairs": TEXT,
                        "agenda": {"type": "array", "items": {"type": "object", "properties": {
                            "title": TEXT, "presenter": TEXT}}},
                    }, ["commune_code", "title", "starts_on", "starts_time", "format"])),
    },
    "/sessions/{session_id}": {
        "get": _op("Thông báo, chương trình và kết luận hội nghị", tag="Hội nghị đối thoại",
                   params=[_path_id("session_id")]),
    },
    "/sessions/{session_id}/announce": _session_action("Đăng thông báo", {}, optional=True),
    "/sessions/{session_id}/cancel": _session_action("Huỷ hội nghị (trước ngày tổ chức)",
                                                     {"reason": TEXT}, ["reason"]),
    "/sessions/{session_id}/record": _session_action(
        "Ghi biên bản (Markdown), số người dự, dự thảo kết luận", {
            "attendance": {"type": "integer"}, "organisations": TEXT, "minutes": TEXT,
            "conclusion_draft": TEXT}),
    "/sessions/{session_id}/held": _session_action(
        "Xác nhận đã tổ chức", {"attendance": {"type": "integer"}, "organisations": TEXT},
        ["attendance"]),
    "/sessions/{session_id}/raised": _session_action(
        "Ghi ý kiến nêu tại hội nghị", {
            "title": TEXT, "body": TEXT, "category": TEXT, "speaker_name": TEXT,
            "speaker_phone": TEXT, "outcome": _enum(ItemOutcome), "answer": TEXT,
            "promised_on": DAY, **HOLDER},
        ["title", "body", "category", "outcome", "office_id", "official_id"], status="201"),
    "/sessions/{session_id}/conclusion": _session_action(
        "Công bố thông báo kết luận", {"number": TEXT, "issued_on": DAY, "text": TEXT},
        ["number", "issued_on", "text"]),
    "/units": {
        "get": _op("Tỉnh, thành phố; hoặc các xã của một tỉnh", tag="Danh mục",
                   params=[_query("parent", "Mã tỉnh: trả về các xã của tỉnh."),
                           _query("q", "Lọc theo tên, có dấu hay không dấu."), *PAGE],
                   ok=_json(_ref("Collection"))),
    },
    "/categories": {
        "get": _op("Lĩnh vực phản ánh", tag="Danh mục", ok=_json(_ref("Collection"))),
    },
    "/calendar/due-date": {
        "get": _op("Tính hạn theo lịch làm việc khu vực công", tag="Danh mục", params=[
            {**_query("start", "Ngày bắt đầu (ngày 0).", DAY), "required": True},
            {**_query("days", "Số ngày.", {"type": "integer", "minimum": 0}), "required": True},
            {**_query("unit", "working hoặc calendar.",
                      {"type": "string", "enum": ["working", "calendar"]}), "required": True}]),
    },
    "/search": {
        "get": _op("Tìm kiếm toàn văn (có dấu hoặc không dấu)", tag="Tìm kiếm", params=[
            _query("q", "Từ khoá."),
            _query("type", "Chỉ phản ánh (petition) hoặc hội nghị (session)."),
            _query("unit", "Mã tỉnh hoặc xã."), _query("category", "Mã lĩnh vực."),
            _query("kind", "Loại phản ánh."), _query("status", "Trạng thái."),
            _query("year", "Năm gửi."), _query("overdue", "1: chỉ quá hạn."),
            _query("sort", "Trống: phù hợp nhất; date: mới nhất.",
                   {"type": "string", "enum": ["", "date"]}), *PAGE]),
    },
    "/stats/response-times": {
        "get": _op("Số liệu thời gian trả lời", "Cho thanh tra và lãnh đạo, trong phạm vi "
                   "của mình; cùng số liệu với trang thanh tra.", tag="Thanh tra", staff=True,
                   params=[_query("from", "Từ ngày.", DAY), _query("to", "Đến ngày.", DAY),
                           _query("as_of", "Tình hình tại ngày.", DAY),
                           _query("scope", "Mã tỉnh hoặc xã."),
                           _query("group_by", "Nhóm theo.", {"type": "string",
                                                             "enum": list(GROUPINGS)})]),
    },
    "/openapi.json": {
        "get": _op("Tài liệu này", tag="Danh mục"),
    },
}

# By number the same path is the staff view: a token is optional here.
PATHS["/petitions/{ref}"]["get"]["responses"].update(
    {status: STAFF_ERRORS[status] for status in ("401", "403")})
PATHS["/petitions/{ref}"]["get"]["security"] = [{}, {"bearer": []}]

SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message", "fields"], "properties": {
            "code": TEXT, "message": TEXT,
            "fields": {"type": "object",
                       "additionalProperties": {"type": "array", "items": TEXT}}}}}},
    "Collection": {"type": "object", "required": ["items", "meta"], "properties": {
        "items": {"type": "array", "items": {"type": "object"}},
        "meta": {"type": "object", "required": ["total", "page", "per_page"], "properties": {
            "total": {"type": "integer"}, "page": {"type": "integer"},
            "per_page": {"type": "integer"}}}}},
    "PetitionForSender": {"type": "object", "required": [
        "tracking_code", "status", "deadlines", "answers", "history"], "properties": {
        "tracking_code": TEXT, "title": TEXT, "body": TEXT,
        "status": {"type": "object", "properties": {"code": TEXT, "label": TEXT}},
        "deadlines": {"type": "object"}, "responsible": {"type": ["object", "null"]},
        "answers": {"type": "array"}, "history": {"type": "array"},
        "rating": {"type": "object"}}},
    "PetitionForStaff": {"type": "object", "required": ["id", "tracking_code", "status",
                                                        "actions"], "properties": {
        "id": {"type": "integer"}, "tracking_code": TEXT,
        "contact": {"type": ["object", "null"], "description": "Chỉ khi bạn được biết danh "
                    "tính người gửi."},
        "actions": {"type": "array", "items": TEXT}, "custody": {"type": "array"},
        "history": {"type": "array"}}},
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Cổng đối thoại và phản ánh, kiến nghị — API",
                 "version": "1.0.0",
                 "description": "Cùng quy tắc, quyền và dịch vụ với các trang web. Lỗi luôn "
                                "có dạng {\"error\": {\"code\", \"message\", \"fields\"}}."},
        "servers": [{"url": request.host_url.rstrip("/") + "/api/v1"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer",
                       "description": "Mã từ POST /auth/token."}}},
    }


@bp.route("/openapi.json")
def openapi():
    return document()


@docs_bp.route("/developers/api")
def page():
    """The same document, for people."""
    return render_template("api/docs.html", spec=document())
