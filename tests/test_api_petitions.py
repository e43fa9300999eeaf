"""Programs send, follow, handle and rate petitions through /api/v1 with the
same rules as the web pages: the journeys a mobile app or a hotline system
would drive, and the refusals it must be able to read."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from portal.petitions.models import Channel, Petition, PetitionStatus
from tests.conftest import login
from tests.scenarios import accept, assign, at, submit
from tests.test_api_stats import token_for

NEW = {
    "title": "Đèn đường ngõ 12 Hàng Bạc hỏng",
    "body": "Cả tuần nay đèn đường đầu ngõ 12 phố Hàng Bạc không sáng, đi lại rất nguy hiểm.",
    "kind": "feedback",
    "category": "chieu-sang",
    "commune_code": "00070",
    "contact": {"name": "Nguyễn Thị Lan", "email": "lan@example.com", "phone": "0912345678"},
    "hide_identity": False,
}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def send(client, **changes):
    return client.post("/api/v1/petitions", json={**NEW, **changes})


def test_a_resident_sends_without_an_account_and_follows_by_code(client, world, db, clock):
    clock.set(at(date(2026, 3, 2)))
    response = send(client)
    assert response.status_code == 201, response.get_json()
    sent = response.get_json()
    code = sent["tracking_code"]
    assert sent["status"]["code"] == "received"
    assert sent["commune"] == {"code": "00070", "name": "Phường Hoàn Kiếm"}
    assert sent["deadlines"]["acknowledge_by"]
    assert response.headers["Location"].endswith(f"/api/v1/petitions/{code}")
    stored = db.session.scalar(sa.select(Petition).where(Petition.tracking_code == code))
    assert stored.channel == Channel.API and stored.contact_email == "lan@example.com"

    # Typed as people do: lower case, spaces for dashes.
    tracked = client.get(f"/api/v1/petitions/{code.lower().replace('-', ' ')}")
    assert tracked.status_code == 200
    body = tracked.get_json()
    assert body["tracking_code"] == code and body["title"] == NEW["title"]
    assert [line["type"] for line in body["history"]] == ["submitted"]
    # The code is the sender's key, not a window on their contact details.
    assert "lan@example.com" not in tracked.get_data(as_text=True)


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": ""}, "title"),
    ({"body": "Ngắn quá"}, "body"),
    ({"category": "khong-co"}, "category"),
    ({"commune_code": "01"}, "commune_code"),
    ({"commune_code": None}, "commune_code"),
    ({"kind": "gossip"}, "kind"),
    ({"contact": "Lan"}, "contact"),
    ({"contact": {"email": "khong-phai-email"}}, "contact.email"),
    ({"title": ["a", "b"]}, "title"),
])
def test_bad_input_is_named_field_by_field(client, world, changes, field):
    response = send(client, **changes)
    assert response.status_code in (400, 422)
    error = response.get_json()["error"]
    assert field in error["fields"], error
    assert error["message"]


@pytest.mark.parametrize("raw", ["[1, 2]", "not json", ""])
def test_a_body_that_is_not_a_json_object_is_refused_in_words(client, world, raw):
    response = client.post("/api/v1/petitions", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.is_json and response.get_json()["error"]["fields"]["body"]


def test_unknown_codes_and_routes_answer_json_not_html(client, world):
    for url in ("/api/v1/petitions/KN-26-0000-0000", "/api/v1/petitions/nonsense",
                "/api/v1/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404 and response.is_json
        assert response.get_json()["error"]["code"] == "not_found"
    assert client.put("/api/v1/petitions").status_code == 405


def test_a_denunciation_always_hides_the_sender(client, world, db):
    code = send(client, kind="denunciation", hide_identity=False).get_json()["tracking_code"]
    stored = db.session.scalar(sa.select(Petition).where(Petition.tracking_code == code))
    assert stored.is_identity_hidden


def test_staff_list_needs_a_staff_token_and_keeps_to_its_units(client, world, clock):
    here = submit(world, clock, date(2026, 3, 2))
    elsewhere = world.petition(at=world.commune_c)
    assert client.get("/api/v1/petitions").status_code == 401
    resident = token_for(client, world.resident)
    assert client.get("/api/v1/petitions", headers=bearer(resident)).status_code == 403

    official = token_for(client, world.official)
    listed = client.get("/api/v1/petitions", headers=bearer(official)).get_json()
    assert [item["id"] for item in listed["items"]] == [here.id]
    assert listed["meta"] == {"total": 1, "page": 1, "per_page": 20}
    assert client.get(f"/api/v1/petitions/{elsewhere.id}",
                      headers=bearer(official)).status_code == 404

    filtered = client.get("/api/v1/petitions", headers=bearer(official),
                          query_string={"status": "accepted"}).get_json()
    assert filtered["items"] == []
    wrong = client.get("/api/v1/petitions", headers=bearer(official),
                       query_string={"status": "lost", "commune": world.commune_c.code,
                                     "per_page": "1000"})
    assert wrong.status_code == 400
    assert set(wrong.get_json()["error"]["fields"]) == {"status", "commune", "per_page"}


def test_a_signed_in_browser_session_is_not_an_api_identity(client, world, clock):
    submit(world, clock, date(2026, 3, 2))
    login(client, world.official)
    assert client.get("/api/v1/petitions").status_code == 401


def test_acknowledge_assign_answer_then_the_resident_reopens_and_closes(client, world, db,
                                                                          clock):
    world.commune_a.requires_answer_approval = False
    db.session.commit()
    clock.set(at(date(2026, 3, 2)))
    code = send(client).get_json()["tracking_code"]
    petition_id = db.session.scalar(sa.select(Petition.id).where(Petition.tracking_code == code))
    official, leader = token_for(client, world.official), token_for(client, world.leader)
    url = f"/api/v1/petitions/{petition_id}"

    clock.set(at(date(2026, 3, 3)))
    done = client.post(url + "/acknowledge", headers=bearer(official),
                       json={"note": "Đã nhận, sẽ kiểm tra"})
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["status"]["code"] == "accepted"
    assert "assign" in client.get(url, headers=bearer(leader)).get_json()["actions"]

    holders = client.get(url + "/holders", headers=bearer(leader)).get_json()["items"]
    mine = next(h for h in holders if h["official_id"] == world.official.id)
    assigned = client.post(url + "/assign", headers=bearer(leader), json={
        "office_id": mine["office_id"], "official_id": mine["official_id"],
        "note": "Kiểm tra thực địa"})
    assert assigned.status_code == 200, assigned.get_json()
    assert assigned.get_json()["responsible"]["official"] == world.official.display_name

    answered = client.post(url + "/answer", headers=bearer(official), json={
        "body": "Phường đã thay bóng đèn ngõ 12 và kiểm tra lại toàn tuyến."})
    assert answered.status_code == 200, answered.get_json()
    assert answered.get_json()["status"]["code"] == "answered"

    tracked = client.get(f"/api/v1/petitions/{code}").get_json()
    assert tracked["answers"][0]["body"].startswith("Phường đã thay bóng đèn")
    assert tracked["rating"]["open"] is True

    unhappy = client.post(f"/api/v1/petitions/{code}/rating", json={"satisfied": False})
    assert unhappy.status_code == 422
    assert "comment" in unhappy.get_json()["error"]["fields"]
    reopened = client.post(f"/api/v1/petitions/{code}/rating", json={
        "satisfied": False, "comment": "Đèn lại tắt sau hai ngày, đề nghị kiểm tra dây."})
    assert reopened.status_code == 201
    assert reopened.get_json()["status"]["code"] == "in_progress"

    client.post(url + "/answer", headers=bearer(official), json={
        "body": "Đã thay dây điện và công tơ của tuyến đèn ngõ 12."})
    closed = client.post(f"/api/v1/petitions/{code}/rating", json={"satisfied": True})
    assert closed.get_json()["status"]["code"] == "closed"
    assert db.session.get(Petition, petition_id).status == PetitionStatus.CLOSED


@pytest.fixture
def held(client, world, clock):
    """A petition held by world.official since 3 March, its staff URL, and
    the official's and the leader's tokens."""
    petition = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, petition, date(2026, 3, 3))
    assign(world, petition)
    return (f"/api/v1/petitions/{petition.id}", token_for(client, world.official),
            token_for(client, world.leader))


def test_a_draft_waits_for_the_leaders_approval(client, held):
    url, official, leader = held
    sent = client.post(url + "/answer", headers=bearer(official),
                       json={"body": "Phường sẽ thay đèn trong tuần.", "submit": True})
    assert sent.get_json()["working_answer"]["status"] == "pending_approval"
    assert client.post(url + "/answer/approve", headers=bearer(official)).status_code == 403
    returned = client.post(url + "/answer/return", headers=bearer(leader),
                           json={"note": "Ghi rõ ngày thay đèn."})
    assert returned.get_json()["working_answer"] == {
        "status": "draft", "body": "Phường sẽ thay đèn trong tuần.",
        "return_note": "Ghi rõ ngày thay đèn."}
    client.post(url + "/answer", headers=bearer(official),
                json={"body": "Phường sẽ thay đèn ngày 10/3/2026."})
    approved = client.post(url + "/answer/approve", headers=bearer(leader))
    assert approved.status_code == 200
    assert approved.get_json()["status"]["code"] == "answered"


def test_transfer_needs_a_reason_and_a_real_holder(client, world, clock, colleague):
    petition = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, petition, date(2026, 3, 3))
    assign(world, petition)
    url = f"/api/v1/petitions/{petition.id}/transfer"
    official = token_for(client, world.official)
    target = {"office_id": world.office_a.id, "official_id": colleague.id}
    no_reason = client.post(url, headers=bearer(official), json=target)
    assert no_reason.status_code == 400 and "reason" in no_reason.get_json()["error"]["fields"]
    stranger = client.post(url, headers=bearer(official),
                           json={**target, "official_id": world.resident.id, "reason": "Sai"})
    assert "official_id" in stranger.get_json()["error"]["fields"]
    moved = client.post(url, headers=bearer(official), json={
        **target, "reason": "Chị Hà phụ trách chiếu sáng của phường."})
    assert moved.status_code == 200, moved.get_json()
    assert moved.get_json()["responsible"]["official"] == colleague.display_name


def test_who_may_act_is_checked_as_on_the_pages(client, world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    url = f"/api/v1/petitions/{petition.id}"
    other = token_for(client, world.other_official)  # commune B: cannot see A's petitions
    assert client.post(url + "/acknowledge", headers=bearer(other)).status_code == 404
    inspector = token_for(client, world.inspector)
    assert client.get(url, headers=bearer(inspector)).status_code == 200
    assert client.post(url + "/acknowledge", headers=bearer(inspector)).status_code == 403
    official = token_for(client, world.official)
    rejected = client.post(url + "/reject", headers=bearer(official), json={"reason": "Ngắn"})
    assert rejected.status_code == 422
    assert client.get(url, headers=bearer(official)).get_json()["status"]["code"] == "received"


def test_a_hidden_sender_stays_hidden_from_the_official(client, world, db):
    code = send(client, hide_identity=True).get_json()["tracking_code"]
    petition_id = db.session.scalar(sa.select(Petition.id).where(Petition.tracking_code == code))
    official = token_for(client, world.official)
    shown = client.get(f"/api/v1/petitions/{petition_id}", headers=bearer(official))
    assert shown.get_json()["contact"] is None
    assert "Nguyễn Thị Lan" not in shown.get_data(as_text=True)
    plain = send(client, hide_identity=False).get_json()["tracking_code"]
    plain_id = db.session.scalar(sa.select(Petition.id).where(Petition.tracking_code == plain))
    seen = client.get(f"/api/v1/petitions/{plain_id}", headers=bearer(official)).get_json()
    assert seen["contact"]["name"] == "Nguyễn Thị Lan"


def test_categories_list_the_codes_to_send(client, world):
    body = client.get("/api/v1/categories").get_json()
    assert {"code": "chieu-sang", "name": world.category.name,
            "name_en": world.category.name_en} in body["items"]
    assert body["meta"]["total"] == len(body["items"])


def test_every_problem_is_named_at_once_in_the_callers_language(client, world):
    response = client.post("/api/v1/petitions", json={"title": "", "category": "khong-co"},
                           headers={"Accept-Language": "en"})
    error = response.get_json()["error"]
    assert response.status_code == 400
    assert {"title", "body", "category", "commune_code"} <= set(error["fields"])
    assert error["fields"]["category"] == [
        "There is no category with code 'khong-co'. See /api/v1/categories."]
    assert "đ" not in response.get_data(as_text=True).lower()
    vietnamese = client.post("/api/v1/petitions", json={"title": ""})
    # Readable Vietnamese, not \\u escapes, for people reading with curl.
    assert "Cần mã xã" in vietnamese.get_data(as_text=True)


def test_a_resident_lists_their_own_petitions_with_a_token(client, world):
    token = token_for(client, world.resident)
    sent = client.post("/api/v1/petitions", json=NEW, headers=bearer(token)).get_json()
    send(client)  # sent by someone without an account: not theirs
    world.petition(at=world.commune_a)
    mine = client.get("/api/v1/my/petitions", headers=bearer(token)).get_json()
    assert [p["tracking_code"] for p in mine["items"]] == [sent["tracking_code"]]
    assert mine["items"][0]["url"].endswith(f"/api/v1/petitions/{sent['tracking_code']}")
    assert client.get("/api/v1/my/petitions").status_code == 401


def test_the_holder_pauses_asks_for_more_time_and_resumes(client, held):
    url, official, leader = held
    extension = client.post(url + "/extension", headers=bearer(official),
                            json={"reason": "Chờ kết quả đo đạc của Sở Tài nguyên"})
    assert extension.status_code == 200, extension.get_json()
    before = extension.get_json()["deadlines"]["answer_by"]
    decided = client.post(url + "/extension/decide", headers=bearer(leader),
                          json={"decision": "approve"})
    assert decided.status_code == 200, decided.get_json()
    assert decided.get_json()["deadlines"]["answer_by"] > before
    paused = client.post(url + "/pause", headers=bearer(official),
                         json={"reason": "Chờ người dân gửi thêm ảnh hiện trường"})
    assert paused.get_json()["status"]["code"] == "paused"
    assert "resume" in paused.get_json()["actions"]
    resumed = client.post(url + "/resume", headers=bearer(official))
    assert resumed.get_json()["status"]["code"] == "in_progress"
    assert [e["type"] for e in resumed.get_json()["history"]][-2:] == ["paused", "resumed"]


def test_one_path_reads_a_code_for_anyone_and_a_number_for_staff(client, world, clock):
    petition = submit(world, clock, date(2026, 3, 2))
    official = token_for(client, world.official)
    by_number = client.get(f"/api/v1/petitions/{petition.id}", headers=bearer(official))
    assert by_number.get_json()["id"] == petition.id and "actions" in by_number.get_json()
    assert client.get(f"/api/v1/petitions/{petition.id}").status_code == 401
    for number in ("0", "99999999999999999999"):
        assert client.get(f"/api/v1/petitions/{number}",
                          headers=bearer(official)).status_code == 404
    by_code = client.get(f"/api/v1/petitions/{petition.tracking_code}").get_json()
    assert "id" not in by_code and "actions" not in by_code


def test_a_nul_character_is_refused_by_name_not_passed_to_the_database(client, world):
    # PostgreSQL refuses NUL in any text it compares; the API answers first.
    searched = client.get("/api/v1/search", query_string={"q": "đèn", "unit": "00\x0070"})
    assert searched.status_code == 400 and "unit" in searched.get_json()["error"]["fields"]
    sent = send(client, category="chieu\x00sang")
    assert sent.status_code == 400 and "category" in sent.get_json()["error"]["fields"]
    assert client.get("/api/v1/units", query_string={"parent": "0\x001"}).status_code == 400
