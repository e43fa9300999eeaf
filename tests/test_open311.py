"""Open311 GeoReport v2 at /open311/v2/: what a GeoReport client sees.

Every response a test receives goes through ``georeport()``, which checks it
against the GeoReport v2 rules (shape per resource, ids and codes as strings,
a list even for one request, datetimes with the +07:00 offset, XML root and
child names, never an HTML page, never personal data) and returns the body
as Python values, the same for JSON and XML, so assertions read alike.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from portal.accounts.models import User
from portal.extensions import db as _db
from portal.open311 import keys
from portal.open311 import views as open311_views
from portal.petitions.models import Channel, Petition, PetitionKind, PetitionStatus
from tests import factories
from tests.conftest import csrf_token, login
from tests.scenarios import ANSWER_TEXT, accept, answer, assign, at, submit

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
DESCRIPTION = ("Đèn chiếu sáng trong ngõ 12 Hàng Bông hỏng đã một tuần. Buổi tối người đi bộ "
               "rất dễ vấp ngã, nhờ phường cho thay bóng.")
HOAN_KIEM = "Phường Hoàn Kiếm, Thành phố Hà Nội"
BASE = "/open311/v2"

# ---------------------------------------------------------------- the rules

_ROOTS = {"discovery": "discovery", "services": "services",
          "service_definition": "service_definition", "requests": "service_requests",
          "created": "service_requests", "errors": "errors"}
_LISTS = {"service_requests": "request", "services": "service", "errors": "error",
          "attributes": "attribute", "values": "value", "endpoints": "endpoint",
          "formats": "format"}
_BOOLEANS = {"metadata", "variable", "required"}
_INTEGERS = {"order"}
REQUEST_FIELDS = ("service_request_id", "status", "status_notes", "service_name", "service_code",
                  "description", "agency_responsible", "service_notice", "requested_datetime",
                  "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
                  "lat", "long", "media_url")


def _from_xml(element, *, in_error: bool = False):
    if element.tag in _LISTS:
        children = list(element)
        assert all(child.tag == _LISTS[element.tag] for child in children), element.tag
        return [_from_xml(child, in_error=element.tag == "errors") for child in children]
    children = list(element)
    if children:
        return {child.tag: _from_xml(child, in_error=in_error) for child in children}
    text = element.text
    if element.tag in _BOOLEANS:
        assert text in ("true", "false"), f"{element.tag}={text!r} is not an XML boolean"
        return text == "true"
    if element.tag in _INTEGERS or (in_error and element.tag == "code"):
        assert text is not None and text.isdigit(), element.tag
        return int(text)
    return text if text else None


def _forbidden_strings() -> list[str]:
    """Personal data and sender keys that no read may ever show."""
    _db.session.expire_all()
    values = []
    for petition in _db.session.scalars(sa.select(Petition)):
        values += [petition.tracking_code, petition.contact_name, petition.contact_email,
                   petition.contact_phone]
        if petition.contact_phone:
            values.append("0" + petition.contact_phone.removeprefix("+84"))
    for user in _db.session.scalars(sa.select(User)):
        values += [user.email, user.phone]
    return [v for v in values if v]


def _is_vietnam_time(value, name):
    assert isinstance(value, str) and value.endswith("+07:00"), f"{name}={value!r}"
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() == timedelta(hours=7), name


def _string(value, name, *, empty: bool = False):
    assert isinstance(value, str) and (empty or value.strip()), f"{name}={value!r}"


def _check_discovery(body):
    assert isinstance(body, dict)
    for name in ("changeset", "contact", "key_service"):
        _string(body[name], name)
    assert body["endpoints"], "at least one endpoint"
    for endpoint in body["endpoints"]:
        assert endpoint["specification"] == SPECIFICATION
        assert endpoint["url"].startswith("http")
        assert endpoint["type"] in ("production", "test")
        _string(endpoint["changeset"], "changeset")
        assert set(endpoint["formats"]) <= {"text/xml", "application/json"}
        assert "text/xml" in endpoint["formats"], "XML is required by GeoReport v2"


def _check_services(body):
    assert isinstance(body, list)
    for service in body:
        _string(service["service_code"], "service_code")
        _string(service["service_name"], "service_name")
        assert isinstance(service["metadata"], bool)
        assert service["type"] in ("realtime", "batch", "blackbox")
        for name in ("description", "keywords", "group"):
            assert service[name] is None or isinstance(service[name], str)


def _check_definition(body):
    assert isinstance(body, dict)
    _string(body["service_code"], "service_code")
    assert isinstance(body["attributes"], list)
    for attribute in body["attributes"]:
        assert isinstance(attribute["variable"], bool) and isinstance(attribute["required"], bool)
        _string(attribute["code"], "code")
        assert attribute["datatype"] in ("string", "number", "datetime", "text",
                                         "singlevaluelist", "multivaluelist")
        assert isinstance(attribute["order"], int)
        _string(attribute["description"], "description")
        if attribute["datatype"].endswith("valuelist"):
            assert attribute["values"], f"{attribute['code']} lists no values"
            for value in attribute["values"]:
                _string(value["key"], "key")
                _string(value["name"], "name")


def _check_requests(body, raw: str):
    assert isinstance(body, list), "service requests always come as a list"
    for item in body:
        assert set(item) == set(REQUEST_FIELDS), sorted(set(item) ^ set(REQUEST_FIELDS))
        assert isinstance(item["service_request_id"], str) and item["service_request_id"].isdigit()
        assert item["status"] in ("open", "closed")
        for name in ("service_code", "service_name", "description", "agency_responsible",
                     "address"):
            _string(item[name], name)
        _string(item["address_id"], "address_id")
        _is_vietnam_time(item["requested_datetime"], "requested_datetime")
        _is_vietnam_time(item["updated_datetime"], "updated_datetime")
        if item["expected_datetime"] is not None:
            _is_vietnam_time(item["expected_datetime"], "expected_datetime")
        for name in ("status_notes", "service_notice", "zipcode", "media_url"):
            assert item[name] is None or isinstance(item[name], str), name
    for secret in _forbidden_strings():
        assert secret not in raw, f"{secret!r} must never appear in a read"


def _check_created(body):
    assert isinstance(body, list) and len(body) == 1, "POST answers a list of one"
    [item] = body
    assert isinstance(item["service_request_id"], str) and item["service_request_id"].isdigit()
    _string(item["service_notice"], "service_notice")
    assert "account_id" in item


def _check_errors(body, status):
    assert isinstance(body, list) and body, "errors come as a list"
    for error in body:
        assert error["code"] == status, (error, status)
        _string(error["description"], "description")


def georeport(response, resource: str, status: int = 200):
    """Check ``response`` against GeoReport v2 for ``resource`` and return its body."""
    raw = response.get_data(as_text=True)
    assert response.status_code == status, raw[:500]
    assert not raw.lstrip().lower().startswith(("<!doctype", "<html")), "an HTML page"
    content_type = response.headers["Content-Type"]
    if content_type.startswith("text/xml"):
        assert content_type == "text/xml; charset=utf-8"
        assert raw.startswith('<?xml version="1.0" encoding="utf-8"?>')
        root = ElementTree.fromstring(response.get_data())  # noqa: S314 - our own answer
        assert root.tag == _ROOTS[resource], f"root <{root.tag}> for {resource}"
        body = _from_xml(root)
    else:
        assert content_type == "application/json; charset=utf-8", content_type
        body = json.loads(raw)
    if resource == "discovery":
        _check_discovery(body)
    elif resource == "services":
        _check_services(body)
    elif resource == "service_definition":
        _check_definition(body)
    elif resource == "requests":
        _check_requests(body, raw)
    elif resource == "created":
        _check_created(body)
    else:
        _check_errors(body, status)
    return body


# -------------------------------------------------------------- fixtures

def issue(name="Ứng dụng phản ánh hiện trường") -> str:
    key, _client = keys.issue_key(name, actor=None)
    _db.session.commit()
    return key


@pytest.fixture
def key(world):
    return issue()


def send(client, key, fmt="json", **fields):
    data = {"api_key": key, "service_code": "chieu-sang", "description": DESCRIPTION,
            "address_string": HOAN_KIEM}
    data.update(fields)
    return client.post(f"{BASE}/requests.{fmt}",
                       data={k: v for k, v in data.items() if v is not None})


def sent(client, key, **fields) -> Petition:
    [created] = georeport(send(client, key, **fields), "created")
    _db.session.expire_all()
    return _db.session.get(Petition, int(created["service_request_id"]))


def read(client, url, expect=200, **query):
    resource = "errors" if expect >= 400 else "requests"
    return georeport(client.get(f"{BASE}/{url}", query_string=query), resource, expect)


def ids(body) -> set[int]:
    return {int(item["service_request_id"]) for item in body}


def published(world, clock, day=date(2026, 3, 2), **overrides):
    """A petition the resident agreed to publish, acknowledged the same day."""
    petition = submit(world, clock, day, is_public=True, **overrides)
    return accept(world, clock, petition, day)


# ----------------------------------------------------- discovery, services

@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_discovery_names_the_endpoint_and_its_formats(client, world, fmt):
    body = georeport(client.get(f"{BASE}/discovery.{fmt}"), "discovery")
    [endpoint] = body["endpoints"]
    assert endpoint["url"] == "http://localhost/open311/v2"
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_services_are_the_active_categories(client, world, db, fmt):
    factories.category(code="cu", name="Lĩnh vực cũ", name_en="Old", is_active=False)
    db.session.commit()
    body = georeport(client.get(f"{BASE}/services.{fmt}"), "services")
    by_code = {s["service_code"]: s for s in body}
    assert set(by_code) == {"chieu-sang", "moi-truong"}
    lighting = by_code["chieu-sang"]
    assert lighting["service_name"] == "Chiếu sáng, hạ tầng công cộng"
    assert lighting["metadata"] is True and lighting["type"] == "realtime"


def test_service_names_in_english_when_asked(client, world):
    english = georeport(client.get(f"{BASE}/services.json", query_string={"locale": "en"}),
                        "services")
    assert {s["service_name"] for s in english} == {"Street lighting and public facilities",
                                                    "Environment and sanitation"}
    by_header = georeport(client.get(f"{BASE}/services/chieu-sang.json",
                                     headers={"Accept-Language": "en-US,en;q=0.9"}),
                          "service_definition")
    assert by_header["attributes"][0]["values"][0]["name"] == "Feedback"
    # The site's own language choice (its cookie) is honoured too.
    client.post("/language/en", data={"csrf_token": csrf_token(client)})
    chosen = georeport(client.get(f"{BASE}/services.xml"), "services")
    assert "Street lighting and public facilities" in {s["service_name"] for s in chosen}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_service_definition_lists_the_attributes_post_accepts(client, world, fmt):
    body = georeport(client.get(f"{BASE}/services/chieu-sang.{fmt}"), "service_definition")
    assert body["service_code"] == "chieu-sang"
    attributes = {a["code"]: a for a in body["attributes"]}
    assert set(attributes) == {"kind", "title", "publish", "hide_identity"}
    assert [v["key"] for v in attributes["kind"]["values"]] == [k.value for k in PetitionKind]
    assert attributes["kind"]["datatype"] == "singlevaluelist"
    assert [v["key"] for v in attributes["publish"]["values"]] == ["true", "false"]
    assert not any(a["required"] for a in body["attributes"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_definition_is_a_404(client, world, fmt):
    body = georeport(client.get(f"{BASE}/services/khong-co.{fmt}"), "errors", 404)
    assert "khong-co" in body[0]["description"]


# ------------------------------------------------------------------ POST

@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_program_with_a_key_sends_a_petition(client, world, key, clock, fmt):
    clock.set(at(date(2026, 3, 2)))
    [created] = georeport(send(client, key, fmt), "created")
    _db.session.expire_all()
    petition = _db.session.get(Petition, int(created["service_request_id"]))
    assert petition.channel == Channel.API
    assert petition.unit_id == world.commune_a.id
    assert petition.category_id == world.category.id
    assert petition.kind == PetitionKind.FEEDBACK
    assert petition.status == PetitionStatus.RECEIVED
    assert petition.body == DESCRIPTION
    # The title is the description's first sentence, nothing invented.
    assert petition.title == "Đèn chiếu sáng trong ngõ 12 Hàng Bông hỏng đã một tuần."
    assert not petition.is_public and petition.submitter_id is None
    assert petition.open311_client_id is not None
    # The tracking code is the sender's key: told to the sender, here only.
    assert petition.tracking_code in created["service_notice"]
    assert f"/track/{petition.tracking_code}" in created["service_notice"]
    # The program reads it back with its key; the public does not (not published).
    [mine] = read(client, f"requests/{petition.id}.{fmt}", api_key=key)
    assert mine["status"] == "open" and mine["address_id"] == "00070"
    assert mine["expected_datetime"] is None  # no answer clock before acknowledgement
    read(client, f"requests/{petition.id}.{fmt}", 404)


@pytest.mark.parametrize(("address", "commune"), [
    ("Số 5 Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội", "commune_a"),
    ("hoan kiem, ha noi", "commune_a"),
    ("P. Hoan Kiem, TP Ha Noi", "commune_a"),
    ("phường ba đình hà nội", "commune_b"),
    ("Ba Dinh", "commune_b"),
    ("Xã Diên Khánh, Tỉnh Khánh Hòa", "commune_c"),  # the other tone placement
])
def test_the_address_names_the_commune_with_or_without_diacritics(client, world, key, address,
                                                                   commune):
    petition = sent(client, key, address_string=address)
    assert petition.unit_id == getattr(world, commune).id


def test_a_commune_code_in_address_id(client, world, key):
    petition = sent(client, key, address_string=None, address_id="22660")
    assert petition.unit_id == world.commune_c.id
    # The code wins over a text that would name another commune.
    petition = sent(client, key, address_string="Ba Đình, Hà Nội", address_id="00070")
    assert petition.unit_id == world.commune_a.id


def test_attributes_kind_title_and_consent(client, world, key):
    petition = sent(client, key, **{"attribute[kind]": "complaint",
                                    "attribute[title]": "Khiếu nại về việc sửa đèn",
                                    "attribute[publish]": "true",
                                    "attribute[hide_identity]": "true",
                                    "first_name": "Văn An", "last_name": "Nguyễn",
                                    "email": "An@Example.com", "phone": "0912 345 678"})
    assert petition.kind == PetitionKind.COMPLAINT
    assert petition.title == "Khiếu nại về việc sửa đèn"
    assert petition.is_public and petition.is_identity_hidden
    assert petition.contact_name == "Nguyễn Văn An"
    assert petition.contact_email == "an@example.com"
    assert petition.contact_phone == "+84912345678"


def test_a_long_first_sentence_is_cut_at_a_word(client, world, key):
    long_sentence = "Rác thải " + "xây dựng đổ trộm " * 12 + "ở đầu ngõ."
    petition = sent(client, key, description=long_sentence)
    assert petition.title.endswith("…") and len(petition.title) <= 100
    assert long_sentence.startswith(petition.title[:-1])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_without_a_valid_key_nothing_is_sent(client, world, key, fmt):
    for api_key in (None, "", "o311_khong-dung"):
        body = georeport(send(client, api_key, fmt), "errors", 403)
        assert "api_key" in body[0]["description"]
    client_record = _db.session.scalar(sa.select(keys.Open311Client))
    keys.revoke_key(client_record)
    _db.session.commit()
    georeport(send(client, key, fmt), "errors", 403)
    assert _db.session.scalar(sa.select(sa.func.count()).select_from(Petition)) == 0


@pytest.mark.parametrize(("fields", "parameter", "words"), [
    ({"service_code": "khong-co"}, "service_code", "Không có lĩnh vực mã 'khong-co'"),
    ({"service_code": None}, "service_code", "service_code"),
    ({"description": "Đèn hỏng."}, "description", "Nội dung cần từ 20 đến 20000 ký tự"),
    ({"description": None}, "description", "description"),
    ({"address_string": "Phố Không Tên, Sao Hỏa"}, "address_string",
     "Không tìm thấy xã, phường, đặc khu nào"),
    ({"address_string": "Phường Cửa Bắc, Hà Nội"}, "address_string",
     "Không tìm thấy xã, phường nào có tên này ở Thành phố Hà Nội"),
    ({"address_string": None, "address_id": "01"}, "address_id", "Không có xã, phường, đặc khu"),
    ({"address_string": None}, "address_string", "address_id"),
    ({"phone": "12345"}, "phone", ""),
    ({"email": "khong-phai-email"}, "email", ""),
    ({"attribute[kind]": "khac"}, "attribute[kind]", "feedback, recommendation"),
    ({"attribute[colour]": "red"}, "attribute[colour]", "định nghĩa dịch vụ"),
    ({"lat": "abc", "long": "105.85"}, "lat", "WGS84"),
    ({"lat": "21.03"}, "long", "cả lat và long"),
    ({"description": "Đèn\x00 hỏng đã hai tuần, nhờ phường xử lý."}, "description",
     "ký tự điều khiển"),
])
def test_bad_parameters_are_named_in_a_400(client, world, key, fields, parameter, words):
    body = georeport(send(client, key, **fields), "errors", 400)
    description = body[0]["description"]
    assert description.startswith(f"{parameter}: "), description
    assert words in description
    assert _db.session.scalar(sa.select(sa.func.count()).select_from(Petition)) == 0


def test_an_ambiguous_address_lists_the_choices(client, world, key, db):
    factories.unit(code="22700", name="Hoàn Kiếm", full_name="Xã Hoàn Kiếm", parent=world.other_province)
    db.session.commit()
    body = georeport(send(client, key, address_string="Hoàn Kiếm"), "errors", 400)
    description = body[0]["description"]
    assert "address_id 00070" in description and "address_id 22700" in description
    # Naming the province settles it.
    assert sent(client, key, address_string="Hoàn Kiếm, Khánh Hoà").unit.code == "22700"


def test_coordinates_alone_do_not_name_a_commune(client, world, key):
    body = georeport(send(client, key, address_string=None, lat="21.0285", long="105.8542"),
                     "errors", 400)
    assert body[0]["description"].startswith("lat: ")
    assert "ranh giới" in body[0]["description"] and "address_id" in body[0]["description"]
    # With an address they are accepted; the address decides, nothing is stored.
    petition = sent(client, key, lat="21.0285", long="105.8542")
    assert petition.unit_id == world.commune_a.id
    [item] = read(client, f"requests/{petition.id}.json", api_key=key)
    assert item["lat"] is None and item["long"] is None


def test_the_cookie_session_is_neither_needed_nor_used(client, world, key):
    # A signed-in resident's browser posting without a CSRF token: the key
    # is what identifies the sender, never the session's account.
    login(client, world.resident)
    petition = sent(client, key)
    assert petition.submitter_id is None


def test_posts_are_rate_limited_per_key(client, app, world, key):
    other = issue("Ứng dụng khác")
    app.config["RATE_LIMIT_OPEN311_SUBMIT"] = "1 per minute"
    try:
        georeport(send(client, key), "created")
        body = georeport(send(client, key, "xml"), "errors", 429)
        assert body[0]["description"]
        georeport(send(client, other), "created")  # another program is counted apart
    finally:
        app.config["RATE_LIMIT_OPEN311_SUBMIT"] = "1000 per minute"


# ------------------------------------------------------------- GET requests

@pytest.fixture
def mixture(world, clock):
    """Petitions of 02/03/2026 in commune A: one published and acknowledged;
    one private; one published but never acknowledged; one denunciation."""
    shown = published(world, clock)
    private = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    unread = submit(world, clock, date(2026, 3, 2), is_public=True)
    denunciation = published(world, clock, kind=PetitionKind.DENUNCIATION)
    clock.set(at(date(2026, 3, 10)))
    return shown, private, unread, denunciation


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_only_what_the_public_may_read(client, world, mixture, fmt):
    shown, private, unread, denunciation = mixture
    body = read(client, f"requests.{fmt}")
    assert ids(body) == {shown.id}
    for hidden in (private, unread, denunciation):
        read(client, f"requests/{hidden.id}.{fmt}", 404)


def test_a_key_also_reads_what_it_sent(client, world, mixture, key):
    shown = mixture[0]
    mine = sent(client, key)  # private, not yet acknowledged
    assert ids(read(client, "requests.json", api_key=key)) == {shown.id, mine.id}
    assert ids(read(client, "requests.json")) == {shown.id}
    # Another program's key does not see it.
    other = issue("Ứng dụng khác")
    assert ids(read(client, "requests.json", api_key=other)) == {shown.id}
    read(client, f"requests/{mine.id}.xml", 404, api_key=other)
    [item] = read(client, f"requests/{mine.id}.xml", api_key=key)
    assert item["service_request_id"] == str(mine.id)


def test_a_wrong_key_on_a_read_is_refused(client, world):
    body = georeport(client.get(f"{BASE}/requests.json", query_string={"api_key": "sai"}),
                     "errors", 403)
    assert "api_key" in body[0]["description"]


def test_filters_by_service_code_and_status(client, world, clock, db):
    water = factories.category(code="dien-nuoc", name="Điện, nước sinh hoạt", name_en="Water")
    lighting = published(world, clock)
    other_topic = factories.petition(at=world.commune_a, topic=water, is_public=True)
    db.session.commit()
    accept(world, clock, other_topic, date(2026, 3, 2))
    assign(world, lighting)
    answer(world, clock, lighting, date(2026, 3, 5))
    clock.set(at(date(2026, 3, 10)))
    assert ids(read(client, "requests.json", service_code="dien-nuoc")) == {other_topic.id}
    assert ids(read(client, "requests.json", service_code="dien-nuoc,chieu-sang")) == {
        other_topic.id, lighting.id}
    assert ids(read(client, "requests.json", status="open")) == {other_topic.id}
    assert ids(read(client, "requests.json", status="closed")) == {lighting.id}
    assert ids(read(client, "requests.json", status="open,closed")) == {other_topic.id,
                                                                       lighting.id}


def test_the_window_defaults_to_90_days_and_spans_no_more(client, world, clock):
    old = published(world, clock, day=date(2025, 11, 1))
    recent = published(world, clock, day=date(2026, 3, 2))
    clock.set(at(date(2026, 3, 10)))
    assert ids(read(client, "requests.json")) == {recent.id}
    assert ids(read(client, "requests.json", start_date="2025-10-15")) == {old.id}
    assert ids(read(client, "requests.json", start_date="2025-10-15T00:00:00+07:00",
                    end_date="2026-01-12T16:59:59Z")) == {old.id}
    assert ids(read(client, "requests.json", end_date="2026-01-01")) == {old.id}
    too_long = read(client, "requests.json", 400, start_date="2025-10-01", end_date="2026-03-10")
    assert too_long[0]["description"].startswith("end_date: ")
    read(client, "requests.json", 400, start_date="2026-03-10", end_date="2026-03-01")
    read(client, "requests.json", 400, start_date="hôm qua")
    read(client, "requests.json", 400, start_date="1900-01-01")
    # Listed ids override every other filter, the window included.
    assert ids(read(client, "requests.xml", service_request_id=f"{old.id},{recent.id}",
                    status="open", service_code="moi-truong")) == {old.id, recent.id}


@pytest.mark.parametrize(("query", "parameter"), [
    ({"service_request_id": "1,abc"}, "service_request_id"),
    ({"status": "pending"}, "status"),
    ({"service_code": "khong-co"}, "service_code"),
])
def test_bad_filters_are_named(client, world, query, parameter):
    body = read(client, "requests.xml", 400, **query)
    assert body[0]["description"].startswith(f"{parameter}: ")


def test_a_single_request_is_a_list_of_one_and_unknown_ids_are_404(client, world, clock):
    shown = published(world, clock)
    for fmt in ("json", "xml"):
        body = read(client, f"requests/{shown.id}.{fmt}")
        assert isinstance(body, list) and len(body) == 1
    for missing in ("999999", "abc", "0", "99999999999"):
        read(client, f"requests/{missing}.json", 404)


# ------------------------------------------------------------ field mapping

def test_fields_follow_the_petition_through_its_life(client, world, clock):
    petition = published(world, clock)
    [item] = read(client, f"requests/{petition.id}.json")
    assert item["status"] == "open"
    assert item["service_code"] == "chieu-sang"
    assert item["service_name"] == "Chiếu sáng, hạ tầng công cộng"
    assert item["description"] == petition.body
    assert item["address"] == "Phường Hoàn Kiếm, Thành phố Hà Nội"
    assert item["address_id"] == "00070"
    assert item["requested_datetime"] == "2026-03-02T09:00:00+07:00"
    assert item["updated_datetime"] == "2026-03-02T09:00:00+07:00"  # acknowledged then
    # The answer deadline is a day: met until it ends, in Vietnam.
    assert item["expected_datetime"] == f"{petition.due_on.isoformat()}T23:59:59+07:00"
    assert item["agency_responsible"] == "UBND Phường Hoàn Kiếm"
    assert item["status_notes"] is None

    assign(world, petition)
    [item] = read(client, f"requests/{petition.id}.xml")
    assert item["agency_responsible"] == "UBND phường Hoàn Kiếm"  # the office holding it

    answer(world, clock, petition, date(2026, 3, 5))
    [item] = read(client, f"requests/{petition.id}.json")
    assert item["status"] == "closed"
    assert item["status_notes"] == ANSWER_TEXT
    assert item["updated_datetime"] == "2026-03-05T10:00:00+07:00"
    assert item["agency_responsible"] == "UBND phường Hoàn Kiếm"


def test_xml_escapes_what_people_type(client, world, key):
    text = "Biển báo <dừng lại> & đèn tín hiệu ở ngã tư đều hỏng, \"rất nguy hiểm\"."
    petition = sent(client, key, description=text)
    [item] = read(client, f"requests/{petition.id}.xml", api_key=key)
    assert item["description"] == text


# --------------------------------------------------- errors are never HTML

@pytest.mark.parametrize(("method", "url", "status", "fmt"), [
    ("GET", f"{BASE}/nothing.json", 404, "json"),
    ("GET", f"{BASE}/nothing.xml", 404, "xml"),
    ("GET", f"{BASE}/services.txt", 404, "json"),
    ("GET", f"{BASE}/requests/1.html", 404, "json"),
    ("GET", "/open311/", 404, "json"),
    ("GET", "/open311/v3/services.json", 404, "json"),
    ("POST", f"{BASE}/services.xml", 405, "xml"),
    ("DELETE", f"{BASE}/requests.json", 405, "json"),
    ("PUT", f"{BASE}/requests/1.json", 405, "json"),
])
def test_errors_are_in_the_georeport_shape(client, world, method, url, status, fmt):
    response = client.open(url, method=method)
    assert response.headers["Content-Type"].startswith(
        "text/xml" if fmt == "xml" else "application/json")
    georeport(response, "errors", status)
    if status == 405:
        assert "GET" in response.headers["Allow"]


def test_an_oversized_body_is_a_413_in_the_shape(client, world, key):
    response = send(client, key, "xml", description="Đèn hỏng. " * 300_000)
    georeport(response, "errors", 413)


def test_a_server_failure_is_a_500_in_the_shape(client, app, world, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(open311_views.fields, "discovery", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        body = georeport(client.get(f"{BASE}/discovery.xml"), "errors", 500)
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert "boom" not in body[0]["description"]


def test_ids_and_times_are_strings_in_vietnam_time(client, world, clock):
    clock.set(datetime(2026, 3, 2, 17, 30, tzinfo=UTC))  # 00:30 on 03/03 in Hà Nội
    petition = world.petition(is_public=True)
    accept(world, clock, petition, date(2026, 3, 3))
    [item] = read(client, f"requests/{petition.id}.json")
    assert item["requested_datetime"] == "2026-03-03T00:30:00+07:00"
